#!/bin/bash
# wget: --post-data and --body-data carry form parameters, --post-file reads
# a body the linter cannot see, and a plain GET sends only the query string.
QG_API="https://qualysapi.qualys.com"

wget -qO- --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" --post-data="action=update&ips=10.50.0.1-10.50.0.9" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# The option and its value as two words.
wget -qO- --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" --post-data "action=add&ips=10.50.1.1&ag_title=All&network_id=301" "$QG_API/api/2.0/fo/asset/ip/"

# network_id may be in the body file.
wget -qO- --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" --post-file=new_ips.txt "$QG_API/api/2.0/fo/asset/ip/?action=add&ag_title=All" # expect: AGMS004[note]

# A body file and no action in the URL.
wget -qO- --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" --post-file new_ips.txt "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[note], AGMS002[note]

# --method with --body-data.
wget -qO- --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" --method=POST --body-data="action=add&ips=10.50.2.1&ag_title=Datacenter&network_id=301" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS003[warning]
wget -qO- --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" --method POST --body-data "action=add&ips=10.50.2.2" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS002[error]

# A GET with the parameters in the query string.
wget -q -O - --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" "$QG_API/api/2.0/fo/asset/ip/?action=update&ips=10.50.3.3&tracking_method=IP" # expect: AGMS001[error]
wget -q -O - --user="$QUALYS_USER" --password="$QUALYS_PASSWORD" --header="X-Requested-With: wget" "$QG_API/api/2.0/fo/asset/ip/?action=list&ips=10.50.3.3"
