#!/bin/bash
# This file has no call site, because a sourced library makes the requests.
# Naming a Qualys API host is enough to make the old error texts matter.
QG_HOST="qualysapi.qg2.apps.qualys.com"
export QG_HOST
source ./qualys_lib.sh

reply=$(qg_delete_group "$1")
case "$reply" in
  *"Tried to delete invalid Asset Group"*) # expect: AGMS006[warning]
    echo "group $1 does not exist" ;;
  *"<CODE>"*)
    echo "deleting group $1 failed: $reply" >&2 ;;
esac
