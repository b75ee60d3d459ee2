#!/usr/bin/env bash
# Set the owner of hosts from a prepared request body, for example one
# written by the CMDB export job:
#   ips=203.0.113.5,203.0.113.6&owner=web-team
#
# Usage: update_owners_from_file.sh BODY_FILE
# Needs QUALYS_USER and QUALYS_PASSWORD in the environment.
set -euo pipefail

body_file="${1:?usage: $0 BODY_FILE}"

curl -sS --fail -u "$QUALYS_USER:$QUALYS_PASSWORD" \
  -H "X-Requested-With: update-owners" \
  --data-binary "@$body_file" \
  "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/?action=update"
