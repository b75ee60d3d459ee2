"""Lookups of the All group in a file that never lists asset groups: the
titles come from elsewhere, so nothing here depends on the list output.
The file adds IPs into All and launches a scan on it."""
import os
import xml.etree.ElementTree as ET

import requests

QG_API = "https://qualysapi.qualys.com"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

requests.post(QG_API + "/api/2.0/fo/asset/ip/", data={"action": "add", "ips": "10.48.0.1", "ag_title": "All", "network_id": "48"}, auth=AUTH, headers=HEADERS)
requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": "launch", "scan_title": "Nightly", "target_asset_groups": "All", "option_title": "Initial Options"}, auth=AUTH, headers=HEADERS)

root = ET.parse("asset_groups.xml").getroot()
for group in root.iter("ASSET_GROUP"):
    if group.findtext("TITLE") == "All":
        all_group_id = group.findtext("ID")
all_node = root.find(".//ASSET_GROUP[TITLE='All']")
