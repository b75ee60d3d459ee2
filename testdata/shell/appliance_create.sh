#!/bin/bash
# Virtual scanner appliances created through /api/2.0/fo/appliance/. Under
# AGMS a unit manager or scanner must send asset_group_id, and a literal ID
# must name a group in the user's scope. An ID known only at run time, and
# other actions, are quiet.
QG_API="https://qualysapi.qualys.com"
APPLIANCE_URL="$QG_API/api/2.0/fo/appliance/"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=tokyo-vscanner-01" "$APPLIANCE_URL" # expect: AGMS010[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -X POST "$APPLIANCE_URL?action=create&name=osaka-vscanner-01&polling_interval=180" # expect: AGMS010[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=MyScanner&asset_group_id=5480600" "$APPLIANCE_URL" # expect: AGMS010[note]
# expect-next: AGMS010[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" \
  -d "action=create" \
  -d "name=nagoya-vscanner-01" \
  -d "asset_group_id=5475586" \
  "$APPLIANCE_URL"
AG_ID="$1"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=tokyo-vscanner-02&asset_group_id=$AG_ID" "$APPLIANCE_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=tokyo-vscanner-03&asset_group_id=$(cat ag_id.txt)" "$APPLIANCE_URL"

# Other actions take no asset group.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&output_mode=full" "$APPLIANCE_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&id=777&name=tokyo-vscanner-01b" "$APPLIANCE_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=delete&id=777" "$APPLIANCE_URL"

# A piece the linter cannot resolve gives a note that names the piece.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&name=kobe-vscanner-01" -d @scanner_options.txt "$APPLIANCE_URL" # expect: AGMS010[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=$2&name=kobe-vscanner-02" "$APPLIANCE_URL" # expect: AGMS010[note]
BODY="action=create&name=kobe-vscanner-03"
if [ -n "$3" ]; then
  BODY+="&asset_group_id=$3"
fi
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "$APPLIANCE_URL" # expect: AGMS010[note]
