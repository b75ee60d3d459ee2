"""Virtual scanner appliances created through /api/2.0/fo/appliance/. Under
AGMS a unit manager or scanner must send asset_group_id, and a literal ID
must name a group in the user's scope. An ID known only at run time, and
other actions, are quiet."""
import json
import os

import qualysapi
import requests

APPLIANCE_URL = "https://qualysapi.qualys.com/api/2.0/fo/appliance/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(APPLIANCE_URL, data={"action": "create", "name": "tokyo-vscanner-01"}, auth=AUTH, headers=HEADERS)  # expect: AGMS010[error]
requests.post(APPLIANCE_URL + "?action=create&name=osaka-vscanner-01", auth=AUTH, headers=HEADERS)  # expect: AGMS010[error]
requests.post(APPLIANCE_URL, data={"action": "create", "name": "tokyo-vscanner-02", "asset_group_id": "5480600"}, auth=AUTH, headers=HEADERS)  # expect: AGMS010[note]
requests.post(APPLIANCE_URL, data={"action": "create", "name": "tokyo-vscanner-03", "asset_group_id": os.environ["AG_ID"]}, auth=AUTH, headers=HEADERS)

conn = qualysapi.connect("qualys.ini")
conn.request("/api/2.0/fo/appliance/", {"action": "create", "name": "nagoya-vscanner-01", "polling_interval": "180"})  # expect: AGMS010[error]
conn.request("/api/2.0/fo/appliance/", {"action": "create", "name": "nagoya-vscanner-02", "asset_group_id": 5480601})  # expect: AGMS010[note]

# Other actions take no asset group.
requests.post(APPLIANCE_URL, data={"action": "list", "output_mode": "full"}, auth=AUTH, headers=HEADERS)
requests.post(APPLIANCE_URL, data={"action": "update", "id": "777", "name": "tokyo-vscanner-01b"}, auth=AUTH, headers=HEADERS)
requests.post(APPLIANCE_URL, data={"action": "delete", "id": "777"}, auth=AUTH, headers=HEADERS)


def create_scanner(name, group_id=None, action="create"):
    params = {"action": "create", "name": name}
    if group_id:
        params["asset_group_id"] = group_id
    requests.post(APPLIANCE_URL, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS010[note]
    with open("scanner_options.json") as handle:
        extra = json.load(handle)
    requests.post(APPLIANCE_URL, data={"action": "create", "name": name, **extra}, auth=AUTH, headers=HEADERS)  # expect: AGMS010[note]
    requests.post(APPLIANCE_URL, data={"action": action, "name": name}, auth=AUTH, headers=HEADERS)  # expect: AGMS010[note]
    requests.post(APPLIANCE_URL, data={"action": action, "name": name, "asset_group_id": group_id}, auth=AUTH, headers=HEADERS)
