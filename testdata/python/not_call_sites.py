"""Text that only looks like a request, and requests to other services.

Example from the runbook, which is not code:

    requests.post("https://qualysapi.qualys.com/api/2.0/fo/asset/ip/",
                  data={"action": "update", "ips": "10.30.0.1"})

Only the last request in this file is a Qualys call site that AGMS breaks.
"""
import os

import requests

IP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
CMDB_URL = "https://cmdb.example.com/api/hosts"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}
SNIPPET = 'requests.post(IP_URL, data={"action": "update", "ips": "10.30.0.2"})'


def mark_updated_in_cmdb(ips):
    """Record the change in the CMDB, whose API also takes action=update."""
    return requests.post(CMDB_URL, data={"action": "update", "ips": ips})


def show_usage():
    """Print how to call the API, for example
    requests.post(IP_URL, data={"action": "add", "ips": "10.30.0.3"})."""
    print("POST", IP_URL, "action=update&ips=10.30.0.4")
    print(SNIPPET)
    # requests.post(IP_URL, data={"action": "update", "ips": "10.30.0.5"})


def exclude(ips):
    return requests.post("https://qualysapi.qualys.com/api/2.0/fo/asset/excluded_ip/", data={"action": "add", "ips": ips, "comment": "retired"}, auth=AUTH, headers=HEADERS)


requests.post(IP_URL, data={"action": "update", "ips": "10.30.0.6"}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]
