"""Names assigned on different branches: every value that can reach the
request counts. Where the values differ in what a rule reads, the rule
gives a note; where they agree, it reports at its own severity."""
import os
import sys

import requests

API = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])

if sys.argv[1] == "add":
    action = "add"
else:
    action = "update"
requests.post(API, data={"action": action, "ips": "10.40.0.1", "network_id": "1"}, auth=AUTH)  # expect: AGMS002[note]

if sys.argv[1] == "add":
    same = "update"
else:
    same = "update"
requests.post(API, data={"action": same, "ips": "10.40.0.2"}, auth=AUTH)  # expect: AGMS001[error]

HOST = "https://qualysapi.qualys.com"
if os.environ.get("QUALYS_EU"):
    HOST = "https://qualysapi.qualys.eu"
requests.post(HOST + "/api/2.0/fo/asset/ip/", data={"action": "update", "ips": "10.40.0.3"}, auth=AUTH)  # expect: AGMS001[error]

try:
    mode = os.environ["QUALYS_MODE"]
    verb = "add"
except KeyError:
    verb = "update"
requests.post(API, data={"action": verb, "ips": "10.40.0.4", "ag_title": "All", "network_id": "1"}, auth=AUTH)
