"""Asset group lists that ask for ASSIGNED_UNIT_IDS. Under AGMS they leave
out the groups assigned to business units that have the All group, and
the response can hold only a DATETIME. ALL does not include the
attribute, so show_attributes=ALL and other attribute lists are quiet."""
import os

import requests
from qualysdk.auth import BasicAuth
from qualysdk.vmdr import get_ag_list

GROUP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/group/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(GROUP_URL, data={"action": "list", "show_attributes": "ASSIGNED_UNIT_IDS"}, auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]
requests.post(GROUP_URL, data={"action": "list", "show_attributes": "ID,TITLE,ASSIGNED_UNIT_IDS"}, auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]
requests.post(GROUP_URL, data={"action": "list", "show_attributes": "ASSIGNED_UNIT_IDS,TITLE"}, auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]
requests.get(GROUP_URL + "?action=list&show_attributes=TITLE, ASSIGNED_UNIT_IDS", auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]

params = {"action": "list", "ids": "5443081"}
params["show_attributes"] = "ID,ASSIGNED_UNIT_IDS"
groups = requests.post(GROUP_URL, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]

sdk_auth = BasicAuth(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"], platform="qg1")
get_ag_list(sdk_auth, show_attributes="ID,TITLE,ASSIGNED_UNIT_IDS")  # expect: AGMS008[note]

# ALL does not include ASSIGNED_UNIT_IDS, and other lists do not name it.
requests.post(GROUP_URL, data={"action": "list", "show_attributes": "ALL"}, auth=AUTH, headers=HEADERS)
requests.post(GROUP_URL, data={"action": "list", "show_attributes": "ID,TITLE,OWNER_USER_ID,BUSINESS_IMPACT"}, auth=AUTH, headers=HEADERS)
requests.post(GROUP_URL, data={"action": "list"}, auth=AUTH, headers=HEADERS)
get_ag_list(sdk_auth, show_attributes="ALL")

# Only a list takes show_attributes.
requests.post(GROUP_URL, data={"action": "edit", "id": "5443081", "show_attributes": "ASSIGNED_UNIT_IDS"}, auth=AUTH, headers=HEADERS)


def list_groups(attributes, action):
    # The attributes come from the caller.
    requests.post(GROUP_URL, data={"action": "list", "show_attributes": attributes}, auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]
    # The action comes from the caller, and only a list takes show_attributes.
    requests.post(GROUP_URL, data={"action": action, "show_attributes": "ASSIGNED_UNIT_IDS"}, auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]
    # The attribute is asked for only under a condition.
    extra = {"action": "list"}
    if attributes:
        extra["show_attributes"] = "ASSIGNED_UNIT_IDS"
    requests.post(GROUP_URL, data=extra, auth=AUTH, headers=HEADERS)  # expect: AGMS008[note]
