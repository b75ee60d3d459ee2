"""qualysdk helpers that take the API parameters as keyword arguments:
add_ips sends action=add and update_ips sends action=update to
/api/2.0/fo/asset/ip/."""
import json
import os

from qualysdk.auth import BasicAuth
from qualysdk.vmdr import add_ips, update_ips

auth = BasicAuth(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"], platform="qg1")

add_ips(auth, ips="10.26.0.1-10.26.0.20", enable_vm=True)  # expect: AGMS002[error]
add_ips(auth, ips="10.26.1.1", enable_vm=True, ag_title="All", network_id="31")
add_ips(auth, ips="10.26.2.1", enable_vm=True, ag_title="Finance")  # expect: AGMS003[warning]
add_ips(auth, ips="10.26.3.1", ag_title="All")  # expect: AGMS004[error]

update_ips(auth, ips="10.26.4.1", tracking_method="DNS")  # expect: AGMS001[error]
update_ips(auth, ips="10.26.4.2", tracking_method="DNS", network_id="31")

# Options loaded at run time could hold network_id.
with open("update_options.json") as handle:
    extra = json.load(handle)
update_ips(auth, ips="10.26.4.3", **extra)  # expect: AGMS001[note]
