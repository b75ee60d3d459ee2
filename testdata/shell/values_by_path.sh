#!/bin/bash
# Values that differ by path. A variable assigned on both branches of an
# if or case reaches the request with both values. Where they differ in a
# parameter that a rule reads, the rule gives a note. Where they agree, it
# reports as usual.
URL="https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"

case "$1" in
  new) A=add ;;
  *) A=update ;;
esac
curl -d "action=$A&ips=10.14.0.1&network_id=1" "$URL" # expect: AGMS002[note]

if [ "$1" = add ]; then ACTION=add; else ACTION=update; fi
BODY="action=$ACTION&ips=10.14.0.2"
curl -d "$BODY" "$URL" # expect: AGMS001[note], AGMS002[note]

# Both branches send an update without network_id: still an error.
if [ -n "$2" ]; then IPS=10.14.0.3; else IPS=10.14.0.4; fi
curl -d "action=update&ips=$IPS" "$URL" # expect: AGMS001[error]

# A host overwritten on one branch: both values reach the request, and it is
# still a call site.
API=https://qualysapi.qualys.com
if [ -n "$EU" ]; then API=https://qualysapi.qualys.eu; fi
curl -d "action=update&ips=10.14.0.5" "$API/api/2.0/fo/asset/ip/" # expect: AGMS001[error]

# An assignment after the branches replaces both.
if [ -n "$3" ]; then STEP=add; else STEP=update; fi
STEP=update
curl -d "action=$STEP&ips=10.14.0.6&network_id=1" "$URL"

# A loop over literal words sends each of them.
for action in add update; do
  curl -d "action=$action&ips=10.14.0.7&ag_title=All" "$URL" # expect: AGMS001[note], AGMS004[note]
done
