"""Requests that already send what AGMS requires. Every IP add names All and
its network, every update names the network, and the error check uses the
new text."""
import os

import requests

IP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
NETWORK_ID = os.environ["QUALYS_NETWORK_ID"]

session = requests.Session()
session.auth = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
session.headers["X-Requested-With"] = "python-requests"


def onboard(ips):
    params = {"action": "add", "ips": ips, "enable_vm": 1, "ag_title": "All", "network_id": NETWORK_ID}
    reply = session.post(IP_URL, data=params)
    if "are not in user account scope" in reply.text:
        raise PermissionError(f"{ips} are outside this account's scope")
    return reply


def retrack(ips, method):
    return session.post(IP_URL, data={"action": "update", "ips": ips, "tracking_method": method, "network_id": NETWORK_ID})


def list_ips():
    return session.get(IP_URL, params={"action": "list", "network_id": NETWORK_ID})
