# args: --role unit-manager --networks on
"""A unit manager on a subscription with network support must send
asset_group_id when creating a virtual scanner appliance and network_id
when updating IPs, so both rules report at their default severity."""
import os

import requests

QG_API = "https://qualysapi.qualys.com"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(QG_API + "/api/2.0/fo/appliance/", data={"action": "create", "name": "osaka-vscanner-01"}, auth=AUTH, headers=HEADERS)  # expect: AGMS010[error]
requests.post(QG_API + "/api/2.0/fo/appliance/", data={"action": "create", "name": "osaka-vscanner-02", "asset_group_id": "5480600"}, auth=AUTH, headers=HEADERS)  # expect: AGMS010[note]
requests.post(QG_API + "/api/2.0/fo/appliance/", data={"action": "create", "name": "osaka-vscanner-03", "asset_group_id": os.environ["AG_ID"]}, auth=AUTH, headers=HEADERS)
requests.post(QG_API + "/api/2.0/fo/asset/ip/", data={"action": "update", "ips": "10.52.0.1"}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]
requests.post(QG_API + "/api/2.0/fo/asset/ip/", data={"action": "update", "ips": "10.52.0.2", "network_id": "52"}, auth=AUTH, headers=HEADERS)
