"""Functions that wrap a request with the URL or body taken from their
parameters. Each call of a wrapper is a call site, with the parameters
bound to the caller's arguments (and to defaults the caller leaves out),
and findings go to the caller's line. A wrapper that is never called is
reported at its own request, where its parameters are unknown."""
import os

import requests

API = "https://qualysapi.qualys.com"
SESSION = requests.Session()
SESSION.auth = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
SESSION.headers["X-Requested-With"] = "python-requests"


def qualys_post(path, params):
    return SESSION.post(API + path, data=params)


qualys_post("/api/2.0/fo/asset/ip/", {"action": "update", "ips": "10.29.0.1"})  # expect: AGMS001[error]
qualys_post("/api/2.0/fo/asset/ip/", {"action": "update", "ips": "10.29.0.2", "network_id": "40"})
qualys_post("/api/2.0/fo/asset/group/", {"action": "add", "title": "Web", "ips": "10.29.0.3"})


def add_hosts(ips, group, network_id):
    params = {"action": "add", "ips": ips, "ag_title": group, "network_id": network_id}
    return SESSION.post(API + "/api/2.0/fo/asset/ip/", data=params)


add_hosts("10.29.1.1", "Web Servers", "40")  # expect: AGMS003[warning]
add_hosts("10.29.1.2", "All", "40")
add_hosts(ips="10.29.1.3", group="all", network_id="40")
add_hosts(os.environ["NEW_IPS"], os.environ["NEW_GROUP"], "40")  # expect: AGMS003[note]


def add_to_group(ips, group="Datacenter"):
    return SESSION.post(API + "/api/2.0/fo/asset/ip/", data={"action": "add", "ips": ips, "ag_title": group, "network_id": "40"})


add_to_group("10.29.2.1")  # expect: AGMS003[warning]
add_to_group("10.29.2.2", group="All")


def post_asset_ip(params):
    return SESSION.post(API + "/api/2.0/fo/asset/ip/", data=params)  # expect: AGMS001[note], AGMS002[note]
