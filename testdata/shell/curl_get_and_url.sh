#!/bin/bash
# -G/--get, -X/--request, --url, a positional URL anywhere on the line, and
# parameters split between the query string and the body. The API reads
# both alike.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

# -G moves the -d data into the query string.
curl -s -G -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update" -d "ips=10.30.1.9" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s --get -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-urlencode "action=update" --data-urlencode "ips=10.30.1.9" --data-urlencode "network_id=3301" "$QG_API/api/2.0/fo/asset/ip/"

# Everything in the query string.
curl -s -X POST -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/ip/?action=update&ips=10.30.2.1&tracking_method=IP" # expect: AGMS001[error]

# --request and --url, action in the query, the rest in the body.
curl -s --request POST -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --url "$QG_API/api/2.0/fo/asset/ip/?action=add&ips=10.30.3.1" -d "enable_vm=1" # expect: AGMS002[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --url "$QG_API/api/2.0/fo/asset/ip/" -d "action=add&ips=10.30.3.2&ag_title=All&network_id=3301"

# The URL before the options.
curl "$QG_API/api/2.0/fo/asset/ip/?action=update" -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "ips=10.30.4.1" # expect: AGMS001[error]

# action in the body, the other parameters in the query string.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add" "$QG_API/api/2.0/fo/asset/ip/?ips=10.30.5.1&ag_title=Datacenter&network_id=3301" # expect: AGMS003[warning]

# A list is not an update or an add.
curl -s -X GET -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/ip/?action=list&ips=10.30.0.0-10.30.255.255"
