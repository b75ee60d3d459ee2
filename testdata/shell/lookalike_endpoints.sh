#!/bin/bash
# Endpoints that look like /api/2.0/fo/asset/ip/ but are other endpoints,
# and asset/ip requests that are lists or already send what AGMS requires.
# None of them gives a finding.
QG_API="https://qualysapi.qualys.com"
H="X-Requested-With: curl"

# The excluded IP list takes action=add with ips, but it is not an IP add.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.15.0.1&comment=decommissioned" "$QG_API/api/2.0/fo/asset/excluded_ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=remove&ips=10.15.0.1" "$QG_API/api/2.0/fo/asset/excluded_ip/"

# Creating an asset group with IPs is not an IP add either.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&title=Web&ips=10.15.0.2" "$QG_API/api/2.0/fo/asset/group/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=edit&id=1234&add_ips=10.15.0.3" "$QG_API/api/2.0/fo/asset/group/"

# Virtual hosts and the host list.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=create&ip=10.15.0.4&port=443&fqdn=www.example.com" "$QG_API/api/2.0/fo/asset/vhost/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/host/?action=list&ips=10.15.0.5"

# The IP list and the v1 IP list.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/api/2.0/fo/asset/ip/?action=list&ips=10.15.0.0-10.15.0.255"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" "$QG_API/msp/asset_ip_list.php"

# A QPS REST call with a body file. It is another API, so the unknown body
# does not matter.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "Content-Type: text/xml" -d @hostasset.xml "$QG_API/qps/rest/2.0/update/am/hostasset/"

# Updates and adds that already send what AGMS requires.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=update&ips=10.15.1.1&network_id=3" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&ips=10.15.1.2&ag_title=All&network_id=3" "$QG_API/api/2.0/fo/asset/ip/"
