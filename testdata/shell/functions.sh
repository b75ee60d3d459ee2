#!/bin/bash
# Shell functions that wrap curl. A function whose request is built from its
# positional parameters is a wrapper, so each call of it is a call site, with
# $1, $2... bound to the caller's words, and findings go to the caller's
# line. A wrapper that is never called is reported at its own curl, where
# its parameters are unknown. A function whose request uses no positional
# parameter is one call site, however often it runs.
QG_API="https://qualysapi.qualys.com"

qualys_post() {
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "$2" "$QG_API$1"
}

qualys_post /api/2.0/fo/asset/ip/ "action=update&ips=10.12.0.1" # expect: AGMS001[error]
qualys_post /api/2.0/fo/asset/ip/ "action=update&ips=10.12.0.1&network_id=12"
qualys_post /api/2.0/fo/asset/group/ "action=add&title=Web&ips=10.12.0.1"
qualys_post "/api/2.0/fo/asset/ip/?action=add" "ips=10.12.0.2&ag_title=Storage" # expect: AGMS003[warning]

# Parameters copied into local variables first.
add_ips() {
  local range=$1 group=$2
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=add&ips=$range&ag_title=$group&network_id=12" "$QG_API/api/2.0/fo/asset/ip/"
}

add_ips 10.12.1.1-10.12.1.9 Storage # expect: AGMS003[warning]
add_ips 10.12.2.1 All
add_ips "$NEW_RANGE" "$NEW_GROUP" # expect: AGMS003[note]

# Every argument passed on with "$@".
qcurl() {
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" "$@"
}

qcurl -d "action=update&ips=10.12.3.3" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
qcurl -d "action=update&ips=10.12.3.3&network_id=12" "$QG_API/api/2.0/fo/asset/ip/"

# Never called, so the body in $1 is unknown.
post_ip_body() {
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "$1" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[note], AGMS002[note]
}

# Never called. $1 fills only the value of ips, and the request certainly
# has no network_id.
retrack_dns() {
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=update&ips=$1&tracking_method=DNS" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
}

# The request uses no positional parameter, so the curl is one call site.
retrack_lab() {
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=update&ips=10.12.9.0-10.12.9.255&tracking_method=DNS" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
}
retrack_lab
retrack_lab
