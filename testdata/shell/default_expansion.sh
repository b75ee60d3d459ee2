#!/bin/bash
# ${VAR:-default} and ${VAR-default} yield the default when the file never
# sets VAR, and the variable's own value when it does. Positional parameters
# of the script are set by its caller, never in the file.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

# GROUP is never set here, so the title is Datacenter.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.80.0.1&ag_title=${GROUP:-Datacenter}&network_id=77" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]

# The default is All and network_id is missing.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.80.0.2&ag_title=${AG_TITLE:-All}" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[error]

NET=77
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.80.0.3&ag_title=${AG_TITLE:-All}&network_id=${NET:-0}" "$QG_API/api/2.0/fo/asset/ip/"

# TARGET_GROUP is set in the file, so its value wins over the default.
TARGET_GROUP=All
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.80.0.4&ag_title=${TARGET_GROUP:-Datacenter}&network_id=$NET" "$QG_API/api/2.0/fo/asset/ip/"

# Without the colon the default applies the same way to an unset variable.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.80.0.5&ag_title=${OWNER_GROUP-Payroll}&network_id=$NET" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]

# A range from the first script argument, with a default.
RANGE="${1:-10.80.1.1-10.80.1.254}"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&ips=$RANGE&tracking_method=${METHOD:-IP}" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# The second script argument with a default title.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=$RANGE&ag_title=${2:-Web Servers}&network_id=$NET" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]

# Without a default the title is sent but unknown.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=$RANGE&ag_title=$AG&network_id=$NET" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[note]
