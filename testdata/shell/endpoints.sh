#!/bin/bash
# The path decides the endpoint, whatever the host: platform hosts, private
# cloud names, a host in a variable, doubled slashes, other API versions,
# no trailing slash, and relative paths joined to a base URL.
H="X-Requested-With: curl"
BODY="action=update&ips=10.14.0.1"

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "https://qualysapi.qg2.apps.qualys.com/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "https://qualysguard.qg4.apps.qualys.com/api/2.0/fo/asset/ip" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "https://qualysapi.qualys.eu//api/2.0/fo//asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "https://qualysapi.qualys.com/api/3.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "https://qualysapi.scanner.example.net/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "$QG_HOST/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "https://${QG_HOST}/api/2.0/fo/asset/ip/?action=update&ips=10.14.0.2" # expect: AGMS001[error]

# A base that already ends in /api/2.0/fo/.
FO="https://qualysapi.qualys.com/api/2.0/fo/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "${FO}asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY&network_id=14" "${FO}asset/ip/"

# A base that ends in /api/2.0/fo without the slash.
FO_ROOT="$QG_HOST/api/2.0/fo"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.14.0.3" "$FO_ROOT/asset/ip" # expect: AGMS002[error]

# A base that ends in the host and its slash.
HOST_ROOT="https://qualysapi.qualys.com/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "$BODY" "${HOST_ROOT}api/2.0/fo/asset/ip/" # expect: AGMS001[error]
