#!/bin/bash
# Options kept in arrays and expanded with "${name[@]}". Each element is one
# word of the curl command, and += appends elements.
QG_API="https://qualysapi.qualys.com"

curl_opts=(-s -S -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl")
update=(-d "action=update" -d "ips=10.90.0.1-10.90.0.20")
curl "${curl_opts[@]}" "${update[@]}" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

update+=(-d "network_id=5120")
curl "${curl_opts[@]}" "${update[@]}" "$QG_API/api/2.0/fo/asset/ip/"

add_args=(--data-urlencode "action=add" --data-urlencode "ips=10.90.1.1")
add_args+=(--data-urlencode "ag_title=Build Farm" --data-urlencode "network_id=5120")
curl "${curl_opts[@]}" "${add_args[@]}" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]

declare -a into_all=(-d "action=add" -d "ips=10.90.2.1" -d "ag_title=All")
curl "${curl_opts[@]}" "${into_all[@]}" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[error]

# The URL is an array element too.
request=(-d "action=add&ips=10.90.3.1&enable_vm=1" "$QG_API/api/2.0/fo/asset/ip/")
curl "${curl_opts[@]}" "${request[@]}" # expect: AGMS002[error]
