#!/bin/bash
# Notes for the on-call engineer. Nothing in this file runs a request.
#
# Move a host to DNS tracking:
#   curl -u "$QUALYS_USER" -H "X-Requested-With: curl" \
#     -d "action=update&ips=10.17.0.1&tracking_method=DNS" \
#     https://qualysapi.qualys.com/api/2.0/fo/asset/ip/
#
# Add a new subnet:
#   curl -u "$QUALYS_USER" -H "X-Requested-With: curl" \
#     -d "action=add&ips=10.17.1.1-10.17.1.254&enable_vm=1" \
#     https://qualysapi.qualys.com/api/2.0/fo/asset/ip/
#
# Create a contact for an application owner:
#   curl -u "$QUALYS_USER" -d "action=add&user_role=contact&asset_groups=Web" \
#     https://qualysapi.qualys.com/msp/user.php
#
# If the API returns "Tried to delete invalid Asset Group", the group is gone.
