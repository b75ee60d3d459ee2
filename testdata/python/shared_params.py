"""Parameters added outside the request call: a session's or client's
params, which every request of it sends, and a dict handed to a function
that may add keys to it before the request."""
import json
import os

import httpx
import requests

BASE = "https://qualysapi.qualys.com/api/2.0/fo/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])

session = requests.Session()
session.params = {"network_id": os.environ["QG_NETWORK_ID"]}
session.post(BASE + "asset/ip/", data={"action": "update", "ips": "10.41.0.1"}, auth=AUTH)

client = httpx.Client(base_url=BASE, params={"network_id": os.environ["QG_NETWORK_ID"]})
client.post("asset/ip/", data={"action": "update", "ips": "10.41.0.2"})

plain = requests.Session()
plain.post(BASE + "asset/ip/", data={"action": "update", "ips": "10.41.0.3"}, auth=AUTH)  # expect: AGMS001[error]


def add_network(params):
    params["network_id"] = os.environ["QG_NETWORK_ID"]


def retrack(ips):
    params = {"action": "update", "ips": ips, "tracking_method": "DNS"}
    add_network(params)
    return requests.post(BASE + "asset/ip/", data=params, auth=AUTH)  # expect: AGMS001[note]


def logged(ips):
    params = {"action": "update", "ips": ips}
    print(json.dumps(params))
    return requests.post(BASE + "asset/ip/", data=params, auth=AUTH)  # expect: AGMS001[error]
