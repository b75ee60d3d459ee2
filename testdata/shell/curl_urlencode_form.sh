#!/bin/bash
# --data-urlencode and -F/--form. "name@file" and "name=<file" read only the
# value from a file, so the parameter name is still known.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

# One parameter per --data-urlencode.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-urlencode "action=update" --data-urlencode "ips=10.20.1.1-10.20.1.40" --data-urlencode "comment=moved to the DMZ" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# ips read from a file; network_id sent.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-urlencode "action=update" --data-urlencode "ips@dmz_hosts.txt" --data-urlencode "network_id=2201" "$QG_API/api/2.0/fo/asset/ip/"

# ips read from a file; the request certainly has no network_id.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-urlencode "action=update" --data-urlencode "ips@dmz_hosts.txt" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# ag_title read from a file: sent, value unknown.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-urlencode "action=add" --data-urlencode "ips=10.20.2.1" --data-urlencode "ag_title@group_name.txt" --data-urlencode "network_id=2201" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[note]

# Multipart form fields.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -F "action=add" -F "ips=10.20.3.1" -F "enable_vm=1" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --form "action=add" --form "ips=<new_hosts.txt" --form "ag_title=All" --form "network_id=2201" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -F "action=add" -F "ips=<new_hosts.txt" -F "ag_title=Branch Offices" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -F "ag_title=All" -F "action=add" -F "ips=10.20.4.1" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[error]

# A form field uploaded from a file still names the parameter.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -F "action=update" -F "ips=@hosts.csv" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
