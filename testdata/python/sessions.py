"""requests.Session objects: a module-level session, a session in a with
block, and a session stored on self in __init__ and used by methods."""
import os

import requests

QG = "https://qualysapi.qg3.apps.qualys.com"
IP_PATH = "/api/2.0/fo/asset/ip/"

session = requests.Session()
session.auth = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
session.headers.update({"X-Requested-With": "python-requests"})

session.post(QG + IP_PATH, data={"action": "update", "ips": "10.21.0.1", "tracking_method": "NETBIOS"})  # expect: AGMS001[error]
session.request("POST", QG + IP_PATH, data={"action": "update", "ips": "10.21.0.2", "network_id": "21"})

with requests.Session() as s:
    s.auth = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
    s.headers["X-Requested-With"] = "python-requests"
    s.post(QG + IP_PATH, data={"action": "add", "ips": "10.21.1.1", "enable_vm": 1})  # expect: AGMS002[error]
    s.get(QG + IP_PATH, params={"action": "list", "ips": "10.21.1.1"})


class AssetClient:
    def __init__(self, user, password):
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.session.headers["X-Requested-With"] = "asset-client"

    def add_lab_hosts(self):
        # expect-next: AGMS003[warning]
        return self.session.post(
            QG + IP_PATH,
            data={"action": "add", "ips": "10.21.2.1-10.21.2.30", "ag_title": "Lab", "network_id": "21"},
        )

    def add_into_all(self):
        return self.session.request("POST", QG + IP_PATH, data={"action": "add", "ips": "10.21.3.1", "ag_title": "All"})  # expect: AGMS004[error]

    def add_into_all_with_network(self):
        return self.session.post(QG + IP_PATH, data={"action": "add", "ips": "10.21.3.2", "ag_title": "All", "network_id": "21"})
