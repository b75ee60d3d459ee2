#!/usr/bin/env bash
# Add every IP range listed in new_subnets.txt to the subscription so that
# the weekly VM scans pick it up.
#
# Usage: onboard_new_subnets.sh [new_subnets.txt]
# Each line of the file contains a range and an optional comment:
#   198.51.100.1-198.51.100.254 Osaka office LAN
# Needs QUALYS_API (for example https://qualysapi.qg2.apps.qualys.com),
# QUALYS_USER and QUALYS_PASSWORD in the environment.
set -euo pipefail

subnets_file="${1:-new_subnets.txt}"
: "${QUALYS_API:?set QUALYS_API to the API server of your platform}"

while read -r range comment; do
  [[ -z "$range" || "$range" == \#* ]] && continue
  echo "adding $range"
  reply=$(curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" \
    -H "X-Requested-With: onboard-new-subnets" \
    --data-urlencode "action=add" \
    --data-urlencode "ips=$range" \
    --data-urlencode "enable_vm=1" \
    --data-urlencode "comment=${comment:-added by onboard_new_subnets.sh}" \
    "$QUALYS_API/api/2.0/fo/asset/ip/")
  if grep -q "<CODE>" <<<"$reply"; then
    echo "failed to add $range: $reply" >&2
    exit 1
  fi
done < "$subnets_file"
