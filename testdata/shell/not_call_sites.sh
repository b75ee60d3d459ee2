#!/bin/bash
# Text that only looks like a request: comments, echo and printf messages,
# heredoc text, a string kept in a variable, and a command that ssh runs on
# another host. Only the last curl in the file is a call site.
QG_API="https://qualysapi.qualys.com"

# To move a host to DNS tracking by hand:
#   curl -u USER -d "action=update&ips=10.13.0.1&tracking_method=DNS" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/

echo "curl -d action=update&ips=10.13.0.1 $QG_API/api/2.0/fo/asset/ip/"
printf '%s\n' "Run: curl -d 'action=add&ips=10.13.0.2' $QG_API/api/2.0/fo/asset/ip/" >&2

cat <<EOF
Add hosts by hand with:
  curl -u USER -d "action=add&ips=10.13.0.3" $QG_API/api/2.0/fo/asset/ip/
EOF

cat <<'EOF' > /tmp/readme.txt
curl -d "action=update&ips=10.13.0.4" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/
EOF

usage='curl -d "action=update&ips=IP" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'
echo "$usage"

ssh jump 'curl -s -d "action=update&ips=10.13.0.5" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'

echo done # curl -d "action=add&ips=10.13.0.6" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/

curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=update&ips=10.13.0.7" "$QG_API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
