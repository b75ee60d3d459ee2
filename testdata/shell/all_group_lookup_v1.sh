#!/bin/bash
# The v1 asset group list, /msp/asset_group_list.php, no longer contains the
# All group either, so a lookup after it is reported as after the v2 list.
QG_API="https://qualysapi.qualys.com"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" "$QG_API/msp/asset_group_list.php" -o groups.xml
if grep -q 'CDATA\[All\]' groups.xml; then # expect: AGMS007[warning]
  echo "found the All group"
fi
for title in $(xmllint --xpath '//ASSET_GROUP/TITLE/text()' groups.xml); do
  [ "$title" = All ] && echo "All is listed" # expect: AGMS007[warning]
  [ "$title" != All ] && echo "$title"
done
