#!/bin/bash
# args: --role manager
# A manager may still create a virtual scanner appliance without
# asset_group_id, so AGMS010 says nothing about a missing ID, notes
# included. A literal ID still gets the scope note, which does not depend
# on the profile, and the rules without profile keys still report.
QG_API="https://qualysapi.qualys.com"
APPLIANCE_URL="$QG_API/api/2.0/fo/appliance/"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=tokyo-vscanner-01" "$APPLIANCE_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=tokyo-vscanner-02" -d @scanner_options.txt "$APPLIANCE_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=$1&name=tokyo-vscanner-03" "$APPLIANCE_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=tokyo-vscanner-04&asset_group_id=5480600" "$APPLIANCE_URL" # expect: AGMS010[note]

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&show_attributes=ID,ASSIGNED_UNIT_IDS" "$QG_API/api/2.0/fo/asset/group/" # expect: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" "$QG_API/api/2.0/fo/scan/" # expect: AGMS011[note]
