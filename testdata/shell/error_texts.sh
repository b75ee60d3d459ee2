#!/bin/bash
# Error handling around asset group requests. A literal that can match only
# an error text that AGMS replaced is reported at the literal. That covers
# case globs, grep patterns (-F, -i), [[ == ]] and [[ =~ ]] tests, and a
# literal assigned to a variable. Fragments that also match the new texts,
# generic words, and text in comments and echo messages are not reported.
QG_API="https://qualysapi.qualys.com"
GROUP_URL="$QG_API/api/2.0/fo/asset/group/"

OUT_OF_SCOPE="One or more IPs are not assigned to this user" # expect: AGMS006[warning]
DUPLICATE_HINT="Please use a different title"

delete_group() {
  local reply
  reply=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=delete&id=$1" "$GROUP_URL")
  case "$reply" in
    *"Tried to delete invalid Asset Group"*) # expect: AGMS006[warning]
      echo "group $1 is already gone" ;;
    *"<CODE>"*)
      echo "delete of group $1 failed: $reply" >&2
      return 1 ;;
  esac
}

add_group() {
  local reply
  reply=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=add&title=$1&ips=$2" "$GROUP_URL")
  if echo "$reply" | grep -q "An asset group with title"; then # expect: AGMS006[warning]
    echo "group $1 exists"
  fi
  if grep -qF "already exists" <<<"$reply"; then
    echo "group $1 exists"
  fi
  if grep -qE "already exists|Please use a different title" <<<"$reply"; then
    echo "group $1 exists"
  fi
  if [[ $reply == *"$DUPLICATE_HINT"* ]]; then
    echo "group $1 exists"
  fi
}

delete_group 4242
add_group Web 10.16.0.1

reply=$(curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: curl" -d "action=edit&id=4242&add_ips=10.16.0.2" "$GROUP_URL")

if grep -qi "one or more ips are not assigned to this user" <<<"$reply"; then # expect: AGMS006[warning]
  echo "out of scope"
fi
# Lower case without -i matches neither the old nor the new text.
if grep -q "one or more ips are not assigned to this user" <<<"$reply"; then
  echo "out of scope"
fi
if grep -F "One or more IPs are not assigned" <<<"$reply"; then # expect: AGMS006[warning]
  echo "out of scope"
fi
if [[ $reply =~ One\ or\ more\ IPs\ are\ not\ assigned ]]; then # expect: AGMS006[warning]
  echo "out of scope"
fi
if [[ $reply == *"Tried to delete invalid Asset Group"* ]]; then # expect: AGMS006[warning]
  echo "no such group"
fi
if [[ $reply == *"$OUT_OF_SCOPE"* ]]; then
  echo "out of scope"
fi

# The new text, and words too generic to point at the replaced texts.
if grep -qF "are not in user account scope" <<<"$reply"; then
  echo "out of scope"
fi
if grep -q "has invalid value" <<<"$reply"; then
  echo "invalid parameter"
fi
if grep -q "Asset Group" <<<"$reply"; then
  echo "asset group error"
fi
if grep -qi "invalid" <<<"$reply"; then
  echo "invalid"
fi

# Old error text from before AGMS: One or more IPs are not assigned to this user
echo "One or more IPs are not assigned to this user: check the account scope" >&2
