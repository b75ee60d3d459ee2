#!/bin/bash
# Statements that change a variable without the new value being known: a
# function that assigns it, read, and a sourced file. A request that uses
# the variable afterwards gives notes, not errors.
URL="https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"

BODY="action=update&ips=10.15.0.1"
add_network() { BODY="$BODY&network_id=$QG_NETWORK_ID"; }
add_network
curl -d "$BODY" "$URL" # expect: AGMS001[note]

EXTRA=""
read -r EXTRA <extra.txt
curl -d "action=update&ips=10.15.0.2$EXTRA" "$URL" # expect: AGMS001[note]

# A function whose variable is local changes nothing for the caller.
NET="&network_id=1"
show() { local NET="none"; echo "$NET"; }
show
curl -d "action=update&ips=10.15.0.3$NET" "$URL"

# A sourced file can assign any variable assigned before it.
TAIL=""
. ./qualys.conf
curl -d "action=update&ips=10.15.0.4$TAIL" "$URL" # expect: AGMS001[note]

# Assigned again after the sourced file: known.
URL="https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
TAIL=""
curl -d "action=update&ips=10.15.0.5$TAIL" "$URL" # expect: AGMS001[error]
