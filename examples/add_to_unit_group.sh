#!/usr/bin/env bash
# Add hosts to the Osaka business unit's asset group. Runs as the Osaka
# unit manager, whose account is limited to that group.
#
# Usage: add_to_unit_group.sh IP_RANGE
# Needs QUALYS_USER, QUALYS_PASSWORD and QUALYS_NETWORK_ID in the
# environment. GROUP_TITLE and QUALYS_API have defaults.
set -euo pipefail

range="${1:?usage: $0 IP_RANGE}"
QUALYS_API="${QUALYS_API:-https://qualysapi.qg2.apps.qualys.com}"
GROUP_TITLE="${GROUP_TITLE:-Osaka Servers}"
NETWORK_ID="${QUALYS_NETWORK_ID:?set QUALYS_NETWORK_ID to the network of the new hosts}"

curl -sS --fail -u "$QUALYS_USER:$QUALYS_PASSWORD" \
  -H "X-Requested-With: add-to-unit-group" \
  --data-urlencode "action=add" \
  --data-urlencode "ips=$range" \
  --data-urlencode "enable_vm=1" \
  --data-urlencode "ag_title=$GROUP_TITLE" \
  --data-urlencode "network_id=$NETWORK_ID" \
  "$QUALYS_API/api/2.0/fo/asset/ip/"
