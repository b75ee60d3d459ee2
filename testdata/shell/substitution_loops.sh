#!/bin/bash
# curl inside $(...) and backquotes, in loops, pipelines and conditions.
# A body built by a command substitution cannot be seen.
QG_API="https://qualysapi.qualys.com"
IP_URL="$QG_API/api/2.0/fo/asset/ip/"

reply=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=update&ips=10.11.0.1" "$IP_URL") # expect: AGMS001[error]
echo "$reply"

code=`curl -s -o /dev/null -w '%{http_code}' -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=add&ips=10.11.0.2" "$IP_URL"` # expect: AGMS002[error]
echo "$code"

while read -r ip; do
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=update&ips=$ip&network_id=90" "$IP_URL"
done < hosts.txt

for range in 10.11.1.1-10.11.1.50 10.11.2.1-10.11.2.50; do
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=add&ips=$range&ag_title=Printers" "$IP_URL" # expect: AGMS003[warning]
done

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=update&ips=10.11.3.3" "$IP_URL" | grep -q SUCCESS && echo updated # expect: AGMS001[error]

if ! out=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=add&ips=10.11.4.4&ag_title=All" "$IP_URL"); then # expect: AGMS004[error]
  echo "add failed: $out" >&2
fi

# A substitution continued over several lines.
# expect-next: AGMS001[error]
status=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" \
  -d "action=update&ips=10.11.5.5" \
  "$IP_URL" | xmllint --xpath 'string(//TEXT)' -)
echo "$status"

# build_body is not defined in this file, so the body is unknown.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "$(build_body 10.11.6.6)" "$IP_URL" # expect: AGMS001[note], AGMS002[note]

# The action is known, the rest comes from a command.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=add&$(extra_params)" "$IP_URL" # expect: AGMS002[note]
