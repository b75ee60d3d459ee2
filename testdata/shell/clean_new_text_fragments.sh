#!/bin/bash
# Error checks written with fragments that match both the old and the new
# error texts, or only the new ones, keep working under AGMS.
QG_API="https://qualysapi.qualys.com"
GROUP_URL="$QG_API/api/2.0/fo/asset/group/"

reply=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=add&title=Web&ips=10.18.0.1" "$GROUP_URL")

if grep -q "already exists" <<<"$reply"; then
  echo "group Web exists"
fi
if grep -qF "Please use a different title" <<<"$reply"; then
  echo "group Web exists"
fi
case "$reply" in
  *"already exists.Please use a different title"*) echo "group Web exists" ;;
  *"An asset group with name"*) echo "group Web exists" ;;
  *"Data not found for Asset Group"*) echo "no such group" ;;
  *"are not in user account scope"*) echo "out of scope" ;;
esac
if [[ $reply == *"has invalid value"* ]]; then
  echo "invalid parameter"
fi
