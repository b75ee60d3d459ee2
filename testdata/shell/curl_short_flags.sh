#!/bin/bash
# Short options combined in one word. Options that take an argument (-d, -u,
# -o, -X, -H) take the rest of the word or the next word, so neither the
# credentials nor an output file is read as a body or a URL.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

curl -sSd "action=update&ips=10.40.0.4" -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -sSfd "action=update&ips=10.40.0.4&network_id=88" -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/ip/"

# -u inside a group takes the next word.
curl -su "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.40.0.5" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[error]

# -G and -d in one group.
curl -sGd "action=update&ips=10.40.0.6" -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# -XPOST, and -o takes /tmp/add.xml, which is not the URL. "all" is All.
curl -sXPOST -o /tmp/add.xml -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.40.0.7&ag_title=all" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[error]

# Values attached to -d.
curl -sS -daction=update -dips=10.40.0.8 -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# -o inside a group takes the next word, and ALL is All.
curl -ksSLo /tmp/out.xml -w '%{http_code}' -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.40.0.9&ag_title=ALL&network_id=88" "$QG_API/api/2.0/fo/asset/ip/"
