"""Contact users created through /msp/user.php with requests and with
qualysdk add_user. A contact user can no longer be given asset_groups."""
import os

import requests
from qualysdk.auth import BasicAuth
from qualysdk.vmdr import add_user

USER_URL = "https://qualysapi.qualys.com/msp/user.php"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}
ADDRESS = {"address1": "2-3 Umeda", "city": "Osaka", "country": "Japan", "zip_code": "530-0001"}

# expect-next: AGMS005[error]
requests.post(
    USER_URL,
    data={
        "action": "add",
        "user_role": "contact",
        "business_unit": "Unassigned",
        "first_name": "Yui",
        "last_name": "Tanaka",
        "title": "App Owner",
        "phone": "0612345678",
        "email": "yui.tanaka@example.com",
        "asset_groups": "Osaka Servers",
        **ADDRESS,
    },
    auth=AUTH,
    headers=HEADERS,
)

# A contact without asset groups, and a reader with them.
requests.post(USER_URL, data={"action": "add", "user_role": "contact", "business_unit": "Unassigned", "email": "sho.kato@example.com", **ADDRESS}, auth=AUTH, headers=HEADERS)
requests.post(USER_URL, data={"action": "add", "user_role": "reader", "business_unit": "Unassigned", "asset_groups": "Osaka Servers", **ADDRESS}, auth=AUTH, headers=HEADERS)

# An edit that names the contact role, and one that does not.
requests.post(USER_URL, data={"action": "edit", "login": "acme_yt", "user_role": "contact", "asset_groups": "Kobe Servers"}, auth=AUTH, headers=HEADERS)  # expect: AGMS005[error]
requests.post(USER_URL, data={"action": "edit", "login": "acme_yt", "asset_groups": "Kobe Servers"}, auth=AUTH, headers=HEADERS)


def add_contact(owner, group=None):
    params = {"action": "add", "user_role": "contact", "business_unit": "Unassigned", "email": owner}
    if group:
        params["asset_groups"] = group
    return requests.post(USER_URL, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS005[note]


def add_user_with_role(role, owner):
    params = {"action": "add", "user_role": role, "email": owner, "asset_groups": "Osaka Servers"}
    return requests.post(USER_URL, data=params, auth=AUTH, headers=HEADERS)  # expect: AGMS005[note]


sdk_auth = BasicAuth(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"], platform="qg1")
# expect-next: AGMS005[error]
add_user(
    sdk_auth,
    user_role="contact",
    business_unit="Unassigned",
    first_name="Daichi",
    last_name="Mori",
    title="App Owner",
    phone="0612345678",
    email="daichi.mori@example.com",
    address1="2-3 Umeda",
    city="Osaka",
    country="Japan",
    state="Osaka",
    asset_groups="Osaka Servers",
)
