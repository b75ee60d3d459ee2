#!/bin/bash
# Reads the API's reply with awk. A regex that only the old wording of the
# scope error matches fires. A regex that the new wording matches too, a
# division and a printed message stay quiet.
reply=$(curl -s -u "$QG_USER:$QG_PASSWORD" -H "X-Requested-With: curl" \
  -d "action=add&ips=$1&ag_title=All&network_id=$2" "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/")
echo "$reply" | awk '/not assigned to this user/ { bad = 1 } END { exit bad }' # expect: AGMS006[warning]
echo "$reply" | awk -F: '$0 ~ "Tried to delete invalid" { print $2 }' # expect: AGMS006[warning]
echo "$reply" | awk 'tolower($0) ~ /one or more ips are not/' # expect: AGMS006[warning]
echo "$reply" | awk '/already exists/ { print "exists" }'
echo "$reply" | awk '{ total = $1 / 2 } END { print total / 4 }'
echo "$reply" | awk '{ print "One or more IPs are not assigned to this user" }'
