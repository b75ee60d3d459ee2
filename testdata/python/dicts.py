"""Parameter dicts: literals, dict(...), tuples and lists of pairs, later
d[key] = value and d.update({...}) writes, keys set only under a condition,
and ** unpacking of a known dict or of unknown keyword arguments."""
import os

import requests

API = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
COMMON = {"echo_request": "1"}
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(API, data=dict(action="update", ips="10.28.0.1"), auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]
requests.post(API, data=(("action", "add"), ("ips", "10.28.0.2"), ("ag_title", "All")), auth=AUTH, headers=HEADERS)  # expect: AGMS004[error]
requests.post(API, data=[("action", "add"), ("ips", "10.28.0.3"), ("ag_title", "All"), ("network_id", "12")], auth=AUTH, headers=HEADERS)

# ** of a dict known in this file keeps the parameters complete.
requests.post(API, data={**COMMON, "action": "update", "ips": "10.28.0.4"}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]


def update_with_writes():
    params = {"action": "update"}
    params["ips"] = "10.28.1.1"
    params["network_id"] = "12"
    return requests.post(API, data=params, auth=AUTH, headers=HEADERS)


def add_with_update():
    params = {"action": "add", "ips": "10.28.1.2"}
    params.update({"ag_title": "All"})
    return requests.post(API, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS004[error]


def update_maybe_network(network_id=None):
    params = {"action": "update", "ips": "10.28.2.1"}
    if network_id:
        params["network_id"] = network_id
    return requests.post(API, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS001[note]


def add_maybe_datacenter(datacenter):
    params = {"action": "add", "ips": "10.28.3.1", "network_id": "12"}
    if datacenter:
        params["ag_title"] = "Datacenter"
    return requests.post(API, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS002[note], AGMS003[note]


def update_with_options(**kwargs):
    return requests.post(API, data={"action": "update", "ips": "10.28.4.1", **kwargs}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[note]


def update_with_overrides(overrides):
    params = {"action": "update", "ips": "10.28.5.1", "network_id": "12"}
    params.update(overrides)
    return requests.post(API, data=params, auth=AUTH, headers=HEADERS)
