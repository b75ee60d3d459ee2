#!/bin/bash
# Lookups of the All group in a file that never lists asset groups: the
# titles come from a file kept elsewhere, so nothing here depends on the
# list output. The script adds IPs into All and launches a scan on it.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.49.0.1&ag_title=All&network_id=49" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=launch&scan_title=Nightly&target_asset_groups=All&option_title=Initial+Options" "$QG_API/api/2.0/fo/scan/"

grep -A1 'CDATA\[All\]' saved_groups.xml
while read -r id title; do
  [ "$title" = "All" ] && ALL_ID=$id
done <titles.txt
echo "$ALL_ID"
