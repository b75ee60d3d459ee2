# args: --role manager --all-group assigned
"""A manager is not restricted by AGMS when adding IPs, so the manager
role silences AGMS003 even when the All group setting would raise it."""
import qualysapi

conn = qualysapi.connect("qualys.ini")

conn.request("/api/2.0/fo/asset/ip/", {"action": "add", "ips": "10.47.0.1", "ag_title": "Datacenter"})
conn.request("/api/2.0/fo/asset/ip/", {"action": "update", "ips": "10.47.0.2"})
conn.addIP("10.47.0.3", "both")
