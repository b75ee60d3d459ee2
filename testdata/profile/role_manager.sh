#!/bin/bash
# args: --role manager
# A manager may add and update IPs without ag_title or network_id, so
# AGMS001 to AGMS004 stay quiet, notes included. Contact users and the old
# error texts are not about the role, so AGMS005 and AGMS006 still report.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&ips=10.41.0.1" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.41.0.2" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.41.0.3&ag_title=Datacenter" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.41.0.4&ag_title=All" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d @request.txt "$QG_API/api/2.0/fo/asset/ip/"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&user_role=contact&business_unit=Unassigned&asset_groups=Web" "$QG_API/msp/user.php" # expect: AGMS005[error]

reply=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=delete&id=77" "$QG_API/api/2.0/fo/asset/group/")
if grep -q "Tried to delete invalid Asset Group" <<<"$reply"; then # expect: AGMS006[warning]
  echo "group 77 is already gone"
fi
