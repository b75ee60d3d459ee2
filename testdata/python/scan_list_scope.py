"""VM and compliance scan lists without user_login. Under AGMS a sub-user's
list also contains finished scans that managers launched on assets in the
user's scope, and loses scans on purged assets, so counting or cancelling
"everything listed" changes. A user_login filter keeps the old meaning."""
import os

import qualysapi
import requests
from qualysdk.auth import BasicAuth
from qualysdk.vmdr import get_scan_list

QG_API = "https://qualysapi.qualys.com"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": "list", "state": "Running"}, auth=AUTH, headers=HEADERS)  # expect: AGMS011[note]
requests.post(QG_API + "/api/2.0/fo/scan/compliance/", data={"action": "list"}, auth=AUTH, headers=HEADERS)  # expect: AGMS011[note]
requests.get(QG_API + "/api/3.0/fo/scan/?action=list&show_ags=1", auth=AUTH, headers=HEADERS)  # expect: AGMS011[note]
requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": "list", "user_login": os.environ["QUALYS_USER"]}, auth=AUTH, headers=HEADERS)
requests.post(QG_API + "/api/2.0/fo/scan/compliance/", data={"action": "list", "user_login": "acme_ks"}, auth=AUTH, headers=HEADERS)

# Other scan actions are not lists.
requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": "launch", "scan_title": "Weekly", "ip": "10.50.0.1", "option_title": "Initial Options"}, auth=AUTH, headers=HEADERS)
requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": "cancel", "scan_ref": "scan/1572345678.12345"}, auth=AUTH, headers=HEADERS)
requests.post(QG_API + "/api/2.0/fo/scan/compliance/", data={"action": "fetch", "scan_ref": "compliance/1572345678.12345"}, auth=AUTH, headers=HEADERS)

# qualysapi's listScans() sends action=list, and user_login only when it is not empty.
conn = qualysapi.connect("qualys.ini")
conn.listScans(state="Finished")  # expect: AGMS011[note]
conn.listScans(state="Finished", user_login="")  # expect: AGMS011[note]
conn.listScans(state="Finished", user_login="acme_ks")

# qualysdk's get_scan_list() sends its keyword arguments as parameters.
sdk_auth = BasicAuth(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"], platform="qg1")
get_scan_list(sdk_auth)  # expect: AGMS011[note]
get_scan_list(sdk_auth, user_login="acme_ks", state="Finished")


def list_scans(action, **filters):
    # The action comes from the caller.
    requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": action}, auth=AUTH, headers=HEADERS)  # expect: AGMS011[note]
    # The filters may hold user_login.
    requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": "list", **filters}, auth=AUTH, headers=HEADERS)  # expect: AGMS011[note]
