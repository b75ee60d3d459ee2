#!/bin/bash
# Commands continued over several lines with a backslash are reported at the
# line of curl. Words are joined from single-quoted, double-quoted and bare
# parts before their parameters are read.
QG_API="https://qualysapi.qualys.com"
IP="10.60.0.1"
NET_ID=6601

# expect-next: AGMS001[error]
curl -s \
  -u "$QUALYS_USER:$QUALYS_PASSWORD" \
  -H "X-Requested-With: curl" \
  -d "action=update" \
  -d "ips=$IP" \
  "$QG_API/api/2.0/fo/asset/ip/"

# The URL first, the body on the last line.
# expect-next: AGMS002[error]
curl -s "$QG_API/api/2.0/fo/asset/ip/" \
  -u "$QUALYS_USER:$QUALYS_PASSWORD" \
  -H "X-Requested-With: curl" \
  -d "action=add&ips=$IP&enable_vm=1"

# Single quotes keep the space in the title.
# expect-next: AGMS003[warning]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H 'X-Requested-With: curl' \
  -d 'action=add&ips=10.60.1.1&ag_title=Lab Servers&network_id=6601' \
  "$QG_API/api/2.0/fo/asset/ip/"

# Quoted parts joined into one word, which includes network_id.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d 'action=update&ips='"$IP"'&network_id='"$NET_ID" "$QG_API/api/2.0/fo/asset/ip/"

# Bare, single-quoted and double-quoted parts in one word.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d action='update'"&ips=$IP" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# The URL joined from three quoted parts.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=update&ips=$IP" "$QG_API"'/api/2.0/fo/'"asset/ip/" # expect: AGMS001[error]

# A continued command whose later lines carry network_id.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" \
  -d "action=add&ips=10.60.2.1" \
  -d "ag_title=All" \
  -d "network_id=$NET_ID" \
  "$QG_API/api/2.0/fo/asset/ip/"

# Into All and no network_id, over four lines.
# expect-next: AGMS004[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" \
  -d "action=add&ips=10.60.3.1" \
  -d "ag_title=All" \
  "$QG_API/api/2.0/fo/asset/ip/"
