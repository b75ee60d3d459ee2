#!/bin/bash
# tree-sitter-bash cannot parse a single `=` before a glob with a quoted
# space, and the error region swallows the IP update after it.
# expect-next: AGMS102[note]
reply=$(curl -s -d "action=add&title=Web" https://qualysapi.qualys.com/api/2.0/fo/asset/group/)
[[ $reply = *"already exists"* ]] && echo exists
curl -s -d "action=update&ips=10.0.0.5" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/
