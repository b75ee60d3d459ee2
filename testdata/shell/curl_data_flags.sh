#!/bin/bash
# curl body options. Every -d style option adds form parameters to one body,
# joined with "&". A body read from a file or from standard input cannot be
# seen, so a rule that would fire reports a note instead.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

# -d with an update and no network_id.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&ips=10.10.1.5&tracking_method=DNS" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# --data with network_id: nothing to report.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data "action=update&ips=10.10.1.5&network_id=1201" "$QG_API/api/2.0/fo/asset/ip/"

# --data-raw with an add and no ag_title.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-raw "action=add&ips=10.10.2.1-10.10.2.254&enable_vm=1" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[error]

# --data-binary with a named group.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-binary "action=add&ips=10.10.3.1&ag_title=Datacenter&network_id=1201" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]

# --data-ascii into All without network_id, then with it.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-ascii "action=add&ips=10.10.4.1&ag_title=All" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-ascii "action=add&ips=10.10.4.2&ag_title=All&network_id=1201" "$QG_API/api/2.0/fo/asset/ip/"

# Several -d options make one body.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update" -d "ips=10.10.5.1" -d "comment=rack 12" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add" -d "ips=10.10.5.2" -d "ag_title=All" -d "network_id=1201" "$QG_API/api/2.0/fo/asset/ip/"

# A body file with the action in the URL: network_id may be in the file.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d @update_body.txt "$QG_API/api/2.0/fo/asset/ip/?action=update" # expect: AGMS001[note]

# A body from standard input: ag_title may be in it.
printf 'ips=10.10.6.1' | curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data-binary @- "$QG_API/api/2.0/fo/asset/ip/?action=add" # expect: AGMS002[note]

# The whole request in a file: even the action is unknown.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" --data @request.txt "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[note], AGMS002[note]

# A known named group plus a body file that could send ag_title again:
# the value that reaches the API is not certain.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.10.7.1&ag_title=Datacenter&network_id=1201" -d @extra.txt "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[note]

# Into All, and network_id may be in the file.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.10.8.1&ag_title=All" --data @extra.txt "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS004[note]

# A body file that cannot matter: network_id is already sent.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&network_id=1201" -d @ips.txt "$QG_API/api/2.0/fo/asset/ip/"
