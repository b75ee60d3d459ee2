# args: --role unit-manager --networks off --all-group assigned
"""A unit manager who has the All group, on a subscription without network
support. network_id is never required, and an add into a group other than
All is an error."""
import os

import requests

IP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(IP_URL, data={"action": "update", "ips": "10.46.0.1"}, auth=AUTH, headers=HEADERS)
requests.post(IP_URL, data={"action": "add", "ips": "10.46.0.2", "ag_title": "All"}, auth=AUTH, headers=HEADERS)
requests.post(IP_URL, data={"action": "add", "ips": "10.46.0.3", "ag_title": "Datacenter"}, auth=AUTH, headers=HEADERS)  # expect: AGMS003[error]
requests.post(IP_URL, data={"action": "add", "ips": "10.46.0.4"}, auth=AUTH, headers=HEADERS)  # expect: AGMS002[error]
