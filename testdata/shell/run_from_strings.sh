#!/bin/bash
# Requests run through eval, bash -c, xargs, or a backslash that skips
# aliases. Command strings are split rather than parsed, and the input
# that xargs adds is unknown, so their requests give notes.
QG=https://qualysapi.qualys.com
\curl -d "action=update&ips=10.16.0.1" "$QG/api/2.0/fo/asset/ip/" # expect: AGMS001[error]
eval "curl -d 'action=update&ips=10.16.0.2' $QG/api/2.0/fo/asset/ip/" # expect: AGMS001[note]
bash -c "curl -d 'action=update&ips=10.16.0.3' $QG/api/2.0/fo/asset/ip/" # expect: AGMS001[note]
xargs -I{} curl -d "action=update&ips={}" "$QG/api/2.0/fo/asset/ip/" <ips.txt # expect: AGMS001[note]
xargs curl -d "action=update&tracking_method=DNS" "$QG/api/2.0/fo/asset/ip/" <ips.txt # expect: AGMS001[note]
bash -c "curl -d 'action=update&ips=10.16.0.4&network_id=1' $QG/api/2.0/fo/asset/ip/"
