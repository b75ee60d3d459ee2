#!/bin/bash
# Prints how to call the API by hand, and never calls it.
QG_API="${QG_API:-https://qualysapi.qualys.com}"

echo "Usage: $0 IP_RANGE"
echo "Runs: curl -d \"action=add&ips=IP_RANGE&enable_vm=1\" $QG_API/api/2.0/fo/asset/ip/"
echo "  or: curl -d \"action=update&ips=IP_RANGE&tracking_method=DNS\" $QG_API/api/2.0/fo/asset/ip/"
printf 'Contacts: curl -d "action=add&user_role=contact&asset_groups=%s" %s/msp/user.php\n' "Web" "$QG_API"
echo "Old error: One or more IPs are not assigned to this user"
