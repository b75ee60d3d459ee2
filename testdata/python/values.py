"""URLs and bodies built from strings: f-strings, + joins, % and .format,
and names bound at module level or earlier in the same function. A string
body is read as form parameters. A value from the environment is unknown
but the parameter is still sent."""
import os

import requests

HOST = "qualysapi.qualys.com"
API_ROOT = f"https://{HOST}"
IP_PATH = "/api/2.0/fo/asset/ip/"
ACTION_UPDATE = "update"
NETWORK = "7001"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(f"{API_ROOT}{IP_PATH}", data=f"action={ACTION_UPDATE}&ips=10.27.0.1", auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]
requests.post(API_ROOT + IP_PATH, data="action=add&ips=" + "10.27.0.2" + "&ag_title=All&network_id=" + NETWORK, auth=AUTH, headers=HEADERS)
requests.post("%s%s" % (API_ROOT, IP_PATH), data="action=add&ips=%s&ag_title=%s" % ("10.27.0.3", "Datacenter"), auth=AUTH, headers=HEADERS)  # expect: AGMS003[warning]
requests.post("{}/api/2.0/fo/asset/ip/".format(API_ROOT), data="action={}&ips={}".format("add", "10.27.0.4"), auth=AUTH, headers=HEADERS)  # expect: AGMS002[error]


def update_range():
    url = API_ROOT + IP_PATH
    body = {"action": "update", "ips": "10.27.1.0-10.27.1.255", "network_id": NETWORK}
    return requests.post(url, data=body, auth=AUTH, headers=HEADERS)


def add_payroll():
    title = "Payroll"
    body = {"action": "add", "ips": "10.27.2.1", "ag_title": title, "network_id": NETWORK}
    return requests.post(API_ROOT + IP_PATH, data=body, auth=AUTH, headers=HEADERS)  # expect: AGMS003[warning]


def add_into_all():
    url = API_ROOT + IP_PATH
    url = url + "?action=add"
    return requests.post(url, data={"ips": "10.27.3.1", "ag_title": "All"}, auth=AUTH, headers=HEADERS)  # expect: AGMS004[error]


requests.post(API_ROOT + IP_PATH, data={"action": "add", "ips": "10.27.4.1", "ag_title": os.environ["AG_TITLE"], "network_id": NETWORK}, auth=AUTH, headers=HEADERS)  # expect: AGMS003[note]
requests.post(API_ROOT + IP_PATH, data={"action": "update", "ips": "10.27.4.2", "network_id": os.environ["NETWORK_ID"]}, auth=AUTH, headers=HEADERS)
