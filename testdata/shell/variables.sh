#!/bin/bash
# Variables assigned earlier in the file or function. The last assignment
# that reaches the command is the one that counts. A variable that the file
# never sets has a value the linter cannot see.
QG_API=https://qualysapi.qualys.eu
export QG_HEADER="X-Requested-With: curl"
readonly NETWORK_ID=4401
declare -r UPDATE_URL="$QG_API/api/2.0/fo/asset/ip/"

BODY="action=update&ips=10.70.0.1"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "$BODY" "$UPDATE_URL" # expect: AGMS001[error]

# += appends network_id.
BODY+="&network_id=$NETWORK_ID"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "$BODY" "$UPDATE_URL"

export ADD_BODY="action=add&ips=10.70.1.1&enable_vm=1"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "$ADD_BODY" "$UPDATE_URL" # expect: AGMS002[error]

declare GROUP_BODY="action=add&ips=10.70.2.1&ag_title=Finance"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "$GROUP_BODY&network_id=$NETWORK_ID" "$UPDATE_URL" # expect: AGMS003[warning]

# := assigns the default because ALL_TITLE is not set before.
: "${ALL_TITLE:=All}"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "action=add&ips=10.70.3.1&ag_title=$ALL_TITLE" "$UPDATE_URL" # expect: AGMS004[error]

# A local variable inside a function.
update_lab() {
  local body="action=update&ips=10.70.4.1&network_id=$NETWORK_ID"
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "$body" "$UPDATE_URL"
}
update_lab

# The second assignment replaces the first.
ACTION=update
ACTION=list
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "action=$ACTION&ips=10.70.5.1" "$UPDATE_URL"

# network_id is appended only when NET is set.
BODY="action=update&ips=10.70.6.1"
if [ -n "$NET" ]; then
  BODY+="&network_id=$NET"
fi
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "$BODY" "$UPDATE_URL" # expect: AGMS001[note]

# QG_BODY is never set in this file, so the whole body is unknown.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "$QG_BODY" "$UPDATE_URL" # expect: AGMS001[note], AGMS002[note]

# A value from a variable the file never sets still sends the parameter.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$QG_HEADER" -d "action=update&ips=$TARGET_IPS&network_id=$TARGET_NETWORK" "$UPDATE_URL"
