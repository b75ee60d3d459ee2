#!/bin/bash
# Lookups of the All group after an asset group list. Under AGMS the list
# contains individual groups only, so a grep for the title, a test whose match
# is used, or a case item that keeps the group's ID finds nothing. Code that
# skips All keeps working, and All as another parameter's value is not a
# lookup.
QG_API="https://qualysapi.qualys.com"
GROUP_URL="$QG_API/api/2.0/fo/asset/group/"
H="X-Requested-With: curl"

LIST=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&show_attributes=ID,TITLE" "$GROUP_URL")
echo "$LIST" >groups.xml

# grep for the title as the XML carries it, after a pipe, in a command
# substitution that keeps the group's ID, with -F and with -i.
echo "$LIST" | grep -A1 'CDATA\[All\]' # expect: AGMS007[warning]
ALL_ID=$(grep -B1 '<TITLE><!\[CDATA\[All\]\]></TITLE>' groups.xml | sed -n 's/.*<ID>\([0-9]*\)<\/ID>.*/\1/p') # expect: AGMS007[warning]
grep -qF '<![CDATA[All]]>' groups.xml && echo "the All group is listed" # expect: AGMS007[warning]
grep -i -A1 'cdata\[all\]' groups.xml # expect: AGMS007[warning]

# XPath predicates on the title.
xmllint --xpath "//ASSET_GROUP[TITLE='All']/ID/text()" groups.xml # expect: AGMS007[warning]
xmlstarlet sel -t -v "//ASSET_GROUP[TITLE='All']/ID" -n groups.xml # expect: AGMS007[warning]
xmllint --xpath "//ASSET_GROUP[TITLE!='All']/ID/text()" groups.xml

# Tests on the title whose match is used.
while read -r id title; do
  if [ "$title" = "All" ]; then # expect: AGMS007[warning]
    ALL_ID=$id
  fi
  [[ $title == All ]] && ALL_ID=$id # expect: AGMS007[warning]
  [[ $title != All ]] && continue # expect: AGMS007[warning]
  case "$title" in
    All) ALL_ID=$id ;; # expect: AGMS007[warning]
    "Web Servers") WEB_ID=$id ;;
  esac
done <titles.txt

# Skipping the All group gives the same result before and after AGMS.
while read -r id title; do
  [ "$title" != "All" ] && echo "$id"
  [[ $title == All ]] && continue
  [[ "$title" = "All" ]] && continue
  if [ "$title" = "All" ]; then
    continue
  fi
  case $title in
    All) continue ;;
    *) echo "$id" ;;
  esac
done <titles.txt
grep -v 'CDATA\[All Servers\]' groups.xml

# All as a parameter value, and a title that only starts with All.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=list&details=All" "$GROUP_URL"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=launch&scan_title=Weekly&target_asset_groups=All&option_title=Initial+Options" "$QG_API/api/2.0/fo/scan/"
ASSIGNEE_TYPE="All"
LIST_QUERY="action=list&details=All"
[ "$title" = "Allowed" ] && echo "$title"
