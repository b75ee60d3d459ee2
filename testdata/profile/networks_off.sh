#!/bin/bash
# args: --networks off
# Without network support there is no network_id to send, so AGMS001 and
# AGMS004 stay quiet. An add still needs ag_title, and a named group is
# still a warning.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&ips=10.42.0.1" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.42.0.2&ag_title=All" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.42.0.3" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.42.0.4&ag_title=Datacenter" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]

# The action is unknown, so only the AGMS002 note remains.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d @request.txt "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[note]
