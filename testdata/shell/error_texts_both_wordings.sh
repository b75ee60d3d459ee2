#!/bin/bash
# Deletes an asset group. The "already gone" error is tested in both its
# wordings, before and after AGMS, so that test is quiet. The scope error is
# tested in its old wording only, which fires.
reply=$(curl -s -u "$QG_USER:$QG_PASSWORD" -H "X-Requested-With: curl" \
  -d "action=delete&id=$1" "https://qualysapi.qualys.com/api/2.0/fo/asset/group/")
case "$reply" in
  *"Tried to delete invalid Asset Group"*|*"Data not found for Asset Group"*)
    echo "group $1 already gone" ;;
esac
if echo "$reply" | grep -q "One or more IPs are not assigned to this user"; then # expect: AGMS006[warning]
  echo "out of scope" >&2
fi
