# args: --all-group assigned
"""The API user has the All group assigned, so the API rejects an add into
any other group and AGMS003 is an error. A note stays a note, because the
title it is about may still be All."""
import os

import requests

IP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(IP_URL, data={"action": "add", "ips": "10.44.0.1", "ag_title": "Datacenter", "network_id": "44"}, auth=AUTH, headers=HEADERS)  # expect: AGMS003[error]
requests.post(IP_URL, data={"action": "add", "ips": "10.44.0.2", "ag_title": "All", "network_id": "44"}, auth=AUTH, headers=HEADERS)
requests.post(IP_URL, data={"action": "add", "ips": "10.44.0.3", "ag_title": os.environ["AG_TITLE"], "network_id": "44"}, auth=AUTH, headers=HEADERS)  # expect: AGMS003[note]
requests.post(IP_URL, data={"action": "update", "ips": "10.44.0.4"}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]


def add_maybe_datacenter(datacenter):
    params = {"action": "add", "ips": "10.44.1.1", "network_id": "44"}
    if datacenter:
        params["ag_title"] = "Datacenter"
    return requests.post(IP_URL, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS002[note], AGMS003[note]
