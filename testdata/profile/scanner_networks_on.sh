#!/bin/bash
# args: --role scanner --networks on
# A scanner on a subscription with network support gets every rule at its
# default severity, the same as an unknown profile.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&ips=10.43.0.1" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.43.0.2" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.43.0.3&ag_title=Datacenter&network_id=43" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.43.0.4&ag_title=All" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.43.0.5&ag_title=All&network_id=43" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d @request.txt "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[note], AGMS002[note]
