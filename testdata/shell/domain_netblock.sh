#!/bin/bash
# Patterns that expect a bare <DOMAIN> tag in an asset group list. With
# show_attributes=ALL each DOMAIN now carries a netblock attribute, as in
# <DOMAIN netblock="10.10.10.10-10.10.10.12">abc123.com</DOMAIN>, so they no
# longer match. Patterns that allow attributes, the closing tag alone, and
# <DOMAIN_LIST> keep working.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&ids=5443081&show_attributes=ALL" "$QG_API/api/2.0/fo/asset/group/" >groups.xml

grep -o '<DOMAIN>[^<]*' groups.xml | cut -c9- # expect: AGMS009[warning]
grep -oE '<DOMAIN>([a-z0-9.-]+)</DOMAIN>' groups.xml # expect: AGMS009[warning]
cat groups.xml | grep -F '<DOMAIN>' # expect: AGMS009[warning]
sed -n 's/.*<DOMAIN>\(.*\)<\/DOMAIN>.*/\1/p' groups.xml # expect: AGMS009[warning]
sed -E -e 's#<DOMAIN>([^<]*)</DOMAIN>#\1#' groups.xml # expect: AGMS009[warning]
while read -r line; do
  case "$line" in
    *"<DOMAIN>"*) echo "${line#*<DOMAIN>}" ;; # expect: AGMS009[warning]
  esac
  [[ $line =~ \<DOMAIN\>(.*)\</DOMAIN\> ]] && echo "${BASH_REMATCH[1]}" # expect: AGMS009[warning]
done <groups.xml
OPEN_TAG="<DOMAIN>" # expect: AGMS009[warning]

# Patterns that allow the netblock attribute, or do not touch the tag.
grep -o '<DOMAIN[^>]*>[^<]*' groups.xml
grep -oE '<DOMAIN( [^>]*)?>[^<]+' groups.xml
sed -n 's/.*<DOMAIN[^>]*>\(.*\)<\/DOMAIN>.*/\1/p' groups.xml
grep -c '</DOMAIN>' groups.xml
grep -q '<DOMAIN_LIST>' groups.xml && echo "the group has domains"
echo "expected <DOMAIN> elements"
