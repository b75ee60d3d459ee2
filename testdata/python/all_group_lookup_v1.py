"""The v1 asset group list, /msp/asset_group_list.php, no longer contains the
All group either, so a lookup after it is reported as after the v2 list."""
import os
import xml.etree.ElementTree as ET

import requests

LIST_URL = "https://qualysapi.qualys.com/msp/asset_group_list.php"

reply = requests.get(LIST_URL, auth=(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"]))
root = ET.fromstring(reply.content)
all_ips = [ip.text for ip in root.findall("ASSET_GROUP[TITLE='All']/SCANIPS/IP")]  # expect: AGMS007[warning]
for group in root.iter("ASSET_GROUP"):
    if group.findtext("TITLE") == "All":  # expect: AGMS007[warning]
        all_ips = [ip.text for ip in group.iter("IP")]
    if group.findtext("TITLE") != "All":
        print(group.findtext("TITLE"))
