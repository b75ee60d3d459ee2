#!/bin/bash
# Asset group lists that ask for ASSIGNED_UNIT_IDS. Under AGMS they leave
# out the groups assigned to business units that have the All group, and
# the response can contain only a DATETIME. ALL does not include the
# attribute, so show_attributes=ALL and other attribute lists are quiet.
QG_API="https://qualysapi.qualys.com"
GROUP_URL="$QG_API/api/2.0/fo/asset/group/"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&echo_request=1&show_attributes=ASSIGNED_UNIT_IDS" "$GROUP_URL" # expect: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&show_attributes=ID,TITLE,ASSIGNED_UNIT_IDS" "$GROUP_URL" # expect: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" -d "show_attributes=ASSIGNED_UNIT_IDS,TITLE" "$GROUP_URL" # expect: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$GROUP_URL?action=list&show_attributes=ID%2CASSIGNED_UNIT_IDS" # expect: AGMS008[note]
ATTRIBUTES="ID,ASSIGNED_UNIT_IDS"
# expect-next: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" \
  --data-urlencode "action=list" \
  --data-urlencode "show_attributes=$ATTRIBUTES" \
  "$GROUP_URL"

# ALL does not include ASSIGNED_UNIT_IDS, and other lists do not name it.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&ids=5443081&show_attributes=ALL" "$GROUP_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&show_attributes=ID,TITLE,OWNER_USER_ID" "$GROUP_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" "$GROUP_URL"

# Only a list takes show_attributes.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=edit&id=5443081&show_attributes=ASSIGNED_UNIT_IDS" "$GROUP_URL"

# A piece the linter cannot resolve gives a note that names the piece.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&show_attributes=$1" "$GROUP_URL" # expect: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=$2&show_attributes=ASSIGNED_UNIT_IDS" "$GROUP_URL" # expect: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&show_attributes=ASSIGNED_UNIT_IDS" -d @more_params.txt "$GROUP_URL" # expect: AGMS008[note]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list" -d @more_params.txt "$GROUP_URL" # expect: AGMS008[note]
