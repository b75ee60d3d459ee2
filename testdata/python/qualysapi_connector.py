"""The qualysapi package: connect() returns a connector whose request()
takes the API path and the parameters as a dict or as a query string.
Connectors from before 2013 take the version first, and addIP() always
sends an IP add without ag_title or network_id."""
import os

import qualysapi

conn = qualysapi.connect(
    username=os.environ["QUALYS_USER"],
    password=os.environ["QUALYS_PASSWORD"],
    hostname="qualysapi.qualys.com",
)
IP_CALL = "/api/2.0/fo/asset/ip/"

conn.request(IP_CALL, {"action": "update", "ips": "10.25.0.1", "tracking_method": "DNS"})  # expect: AGMS001[error]
conn.request(IP_CALL, data={"action": "update", "ips": "10.25.0.2", "network_id": "25"})
conn.request("/api/2.0/fo/asset/ip/", {"action": "add", "ips": "10.25.1.1", "ag_title": "All", "network_id": "25"})

# The parameters as a query string.
conn.request("api/2.0/fo/asset/ip/", "action=add&ips=10.25.1.2&enable_vm=1")  # expect: AGMS002[error]
conn.request(IP_CALL, "action=add&ips=10.25.1.3&ag_title=Servers&network_id=25")  # expect: AGMS003[warning]

# The pre-2013 form: API version, then the call relative to /api/2.0/fo/.
old_conn = qualysapi.connect("legacy.ini")
old_conn.request(2, "asset/ip", {"action": "update", "ips": "10.25.2.1"})  # expect: AGMS001[error]
old_conn.request(2, "asset/ip", {"action": "add", "ips": "10.25.2.2", "ag_title": "all"})  # expect: AGMS004[error]

conn.addIP("10.25.3.1", "vm")  # expect: AGMS002[error]

# Other endpoints and a list.
conn.request(IP_CALL, {"action": "list"})
conn.request("/api/2.0/fo/asset/excluded_ip/", {"action": "add", "ips": "10.25.4.1", "comment": "retired"})
