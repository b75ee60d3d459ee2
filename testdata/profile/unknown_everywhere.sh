#!/bin/bash
# args: --role unknown --networks unknown --all-group unknown
# Naming every key as unknown is the same as giving no profile: each rule
# reports at its default severity, and a piece the linter cannot resolve
# gives a note.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&ips=10.53.0.1" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.53.0.2" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.53.0.3&ag_title=Datacenter&network_id=53" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.53.0.4&ag_title=All" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.53.0.5&ag_title=All&network_id=53" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=kyoto-vscanner-01" "$QG_API/api/2.0/fo/appliance/" # expect: AGMS010[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d @request.txt "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[note], AGMS002[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.53.0.6&ag_title=$AG_TITLE&network_id=53" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[note]
