# args: --all-group not-assigned
"""The API user does not have the All group, so naming another group is
right and AGMS003 stays quiet, notes included. The other rules do not
depend on this key."""
import os

import requests

IP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(IP_URL, data={"action": "add", "ips": "10.45.0.1", "ag_title": "Datacenter"}, auth=AUTH, headers=HEADERS)
requests.post(IP_URL, data={"action": "add", "ips": "10.45.0.2", "ag_title": os.environ["AG_TITLE"], "network_id": "45"}, auth=AUTH, headers=HEADERS)
requests.post(IP_URL, data={"action": "add", "ips": "10.45.0.3"}, auth=AUTH, headers=HEADERS)  # expect: AGMS002[error]
requests.post(IP_URL, data={"action": "add", "ips": "10.45.0.4", "ag_title": "All"}, auth=AUTH, headers=HEADERS)  # expect: AGMS004[error]
requests.post(IP_URL, data={"action": "update", "ips": "10.45.0.5"}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]
