#!/bin/bash
# An asset group request whose action comes from the command line may be a
# list, so a lookup of the All group in the file is a note that says why.
QG_API="https://qualysapi.qualys.com"

reply=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=$1" "$QG_API/api/2.0/fo/asset/group/")
echo "$reply" | grep -A1 'CDATA\[All\]' # expect: AGMS007[note]
