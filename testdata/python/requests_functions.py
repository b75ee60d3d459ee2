"""requests module functions. Parameters come from data=, params=, the
positional data argument and the URL query string; the API reads them alike.

The functions below are never called in this file, so each request is a
call site at its own line. Their arguments fill only parameter values,
which count as sent.
"""
import os

import requests

API = "https://qualysapi.qualys.com"
IP_URL = API + "/api/2.0/fo/asset/ip/"
NETWORK_ID = "1301"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}


def update_tracking(ips):
    # expect-next: AGMS001[error]
    return requests.post(
        IP_URL,
        data={"action": "update", "ips": ips, "tracking_method": "DNS"},
        auth=AUTH,
        headers=HEADERS,
    )


def update_with_network(ips):
    return requests.get(
        IP_URL,
        params={"action": "update", "ips": ips, "network_id": NETWORK_ID},
        auth=AUTH,
        headers=HEADERS,
    )


def add_from_query(ips):
    return requests.post(IP_URL + "?action=add&enable_vm=1", data={"ips": ips}, auth=AUTH, headers=HEADERS)  # expect: AGMS002[error]


def add_to_datacenter(ips):
    # expect-next: AGMS003[warning]
    return requests.request(
        "POST",
        IP_URL,
        data={"action": "add", "ips": ips, "ag_title": "Datacenter", "network_id": NETWORK_ID},
        auth=AUTH,
        headers=HEADERS,
    )


def add_to_all(ips):
    # expect-next: AGMS004[error]
    return requests.request(
        method="post",
        url=IP_URL,
        params={"action": "add", "ips": ips, "ag_title": "All"},
        auth=AUTH,
        headers=HEADERS,
    )


def update_positional(ips):
    return requests.post(IP_URL, {"action": "update", "ips": ips}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]


def update_url_keyword(ips):
    return requests.post(url=f"{API}/api/2.0/fo/asset/ip/", data={"action": "update", "ips": ips, "network_id": NETWORK_ID}, auth=AUTH, headers=HEADERS)


def list_ips():
    return requests.get(API + "/api/2.0/fo/asset/ip/", params={"action": "list"}, auth=AUTH, headers=HEADERS)
