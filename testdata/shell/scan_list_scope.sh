#!/bin/bash
# VM and compliance scan lists without user_login. Under AGMS a sub-user's
# list also contains finished scans that managers launched on assets in the
# user's scope, and loses scans on purged assets, so counting or cancelling
# "everything listed" changes. A user_login filter keeps the old meaning.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" "$QG_API/api/2.0/fo/scan/" # expect: AGMS011[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" "$QG_API/api/2.0/fo/scan/compliance/" # expect: AGMS011[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/3.0/fo/scan/?action=list&state=Running" # expect: AGMS011[note]
FO="$QG_API/api/2.0/fo/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "${FO}scan/?action=list&show_ags=1" # expect: AGMS011[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&user_login=$QUALYS_USER" "$QG_API/api/2.0/fo/scan/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" -d "user_login=acme_ks" "$QG_API/api/2.0/fo/scan/compliance/"

# Counting the running scans to wait for them.
# expect-next: AGMS011[note]
running=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" \
  -d "action=list&state=Running" \
  "$QG_API/api/2.0/fo/scan/" | grep -c "<REF>")
echo "$running scans are running"

# Other scan actions are not lists.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=launch&scan_title=Weekly&ip=10.51.0.1&option_title=Initial+Options" "$QG_API/api/2.0/fo/scan/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=cancel&scan_ref=scan/1572345678.12345" "$QG_API/api/2.0/fo/scan/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=fetch&scan_ref=compliance/1572345678.12345" "$QG_API/api/2.0/fo/scan/compliance/"

# A piece the linter cannot resolve gives a note that names the piece.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=$1" "$QG_API/api/2.0/fo/scan/" # expect: AGMS011[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" -d @filters.txt "$QG_API/api/2.0/fo/scan/" # expect: AGMS011[note]
