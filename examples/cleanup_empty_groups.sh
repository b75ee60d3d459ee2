#!/usr/bin/env bash
# Delete asset groups that no longer hold any IP, so that the group list
# stays short. Runs weekly from cron and needs xmlstarlet.
# Needs QUALYS_USER and QUALYS_PASSWORD in the environment. QUALYS_API
# defaults to the US 1 platform.
set -uo pipefail

API="${QUALYS_API:-https://qualysapi.qualys.com}/api/2.0/fo/asset/group/"
HEADER="X-Requested-With: cleanup-empty-groups"

groups_xml=$(curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$HEADER" \
  -d "action=list&show_attributes=ID,TITLE,IP_SET" "$API") || exit 1

empty_ids=$(xmlstarlet sel -t -m '//ASSET_GROUP[not(IP_SET)]' -v ID -n <<<"$groups_xml")

failures=0
for id in $empty_ids; do
  reply=$(curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$HEADER" \
    -d "action=delete&id=$id" "$API")
  case "$reply" in
    *"Tried to delete invalid Asset Group"*)
      # Someone removed it between the list and the delete.
      echo "group $id was already gone" ;;
    *"<CODE>"*)
      echo "could not delete group $id: $reply" >&2
      failures=$((failures + 1)) ;;
    *)
      echo "deleted group $id" ;;
  esac
done

exit $((failures > 0))
