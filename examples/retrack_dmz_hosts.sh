#!/bin/sh
# One-off: switch the DMZ web servers to DNS tracking after they moved to
# new addresses.
# TODO: read the credentials from the environment like the other scripts.
curl -s -u 'apiuser:Example-Passw0rd' -H 'X-Requested-With: curl' \
  -d 'action=update&ips=192.0.2.10-192.0.2.40&tracking_method=DNS' \
  'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'
