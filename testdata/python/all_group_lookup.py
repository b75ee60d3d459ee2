"""Lookups of the All group after an asset group list. Under AGMS the list
contains individual groups only, so a title test whose match is used, an XPath
predicate on the title, or a dict lookup by title finds nothing. Code that
skips All keeps working, and All as another parameter's value is not a
lookup."""
import os
import xml.etree.ElementTree as ET

import requests
import xmltodict
from lxml import etree

QG_API = "https://qualysapi.qualys.com"
GROUP_URL = QG_API + "/api/2.0/fo/asset/group/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

response = requests.post(GROUP_URL, data={"action": "list", "show_attributes": "ID,TITLE"}, auth=AUTH, headers=HEADERS)
root = ET.fromstring(response.text)

# ElementTree: the title compared with findtext() or find().text, and the
# ID of the match kept for later requests.
all_group_id = None
for group in root.iter("ASSET_GROUP"):
    if group.findtext("TITLE") == "All":  # expect: AGMS007[warning]
        all_group_id = group.findtext("ID")
for group in root.findall(".//ASSET_GROUP"):
    if group.find("TITLE").text == "All":  # expect: AGMS007[warning]
        all_group_id = group.find("ID").text
    if "All" == group.findtext("TITLE"):  # expect: AGMS007[warning]
        all_group_id = group.findtext("ID")
    if group.findtext("TITLE", "").lower() == "all":  # expect: AGMS007[warning]
        all_group_id = group.findtext("ID")
has_all = any(group.findtext("TITLE") == "All" for group in root.iter("ASSET_GROUP"))  # expect: AGMS007[warning]

# XPath predicates on the title, in ElementTree and lxml.
all_node = root.find(".//ASSET_GROUP[TITLE='All']")  # expect: AGMS007[warning]
all_nodes = root.findall('.//ASSET_GROUP[TITLE="All"]')  # expect: AGMS007[warning]
all_id_text = root.findtext(".//ASSET_GROUP[TITLE='All']/ID")  # expect: AGMS007[warning]
for node in root.iterfind(".//ASSET_GROUP[TITLE='All']/IP_SET/IP"):  # expect: AGMS007[warning]
    print(node.text)
tree = etree.fromstring(response.content)
all_ids = tree.xpath("//ASSET_GROUP[TITLE='All']/ID/text()")  # expect: AGMS007[warning]
all_ips = tree.xpath("//ASSET_GROUP[TITLE = 'All']/IP_SET/IP_RANGE/text()")  # expect: AGMS007[warning]

# xmltodict: the title as a dict value.
document = xmltodict.parse(response.text)
groups = document["ASSET_GROUP_LIST_OUTPUT"]["RESPONSE"]["ASSET_GROUP_LIST"]["ASSET_GROUP"]
all_group = next(ag for ag in groups if ag["TITLE"] == "All")  # expect: AGMS007[warning]
for ag in groups:
    if ag.get("TITLE") == "All":  # expect: AGMS007[warning]
        all_group_id = ag["ID"]
    elif ag["TITLE"] in ("All", "Unassigned"):  # expect: AGMS007[warning]
        all_group_id = ag["ID"]

# A dict keyed by title, read for the All group. Storing under the key All
# looks nothing up.
ids_by_title = {group.findtext("TITLE"): group.findtext("ID") for group in root.iter("ASSET_GROUP")}
all_group_id = ids_by_title["All"]  # expect: AGMS007[warning]
ids_by_title["All"] = "0"

# Skipping the All group gives the same result before and after AGMS.
named_ids = [group.findtext("ID") for group in root.iter("ASSET_GROUP") if group.findtext("TITLE") != "All"]
named = [ag for ag in groups if ag["TITLE"] not in ("All", "Unassigned")]
for group in root.iter("ASSET_GROUP"):
    if group.findtext("TITLE") == "All":
        continue
    print(group.findtext("ID"))
for ag in groups:
    if ag["TITLE"] == "All": continue
    print(ag["ID"])
other = root.find(".//ASSET_GROUP[TITLE!='All']")
servers = root.find(".//ASSET_GROUP[TITLE='All Servers']")

# All as a parameter value, and titles that only start with All.
details = requests.post(GROUP_URL, data={"action": "list", "details": "All"}, auth=AUTH, headers=HEADERS)
requests.post(QG_API + "/api/2.0/fo/scan/", data={"action": "launch", "scan_title": "Weekly", "target_asset_groups": "All", "option_title": "Initial Options"}, auth=AUTH, headers=HEADERS)
LIST_QUERY = "action=list&details=All"
ASSIGNEE = "All"
requests.get(QG_API + "/api/2.0/fo/asset/group/?" + LIST_QUERY, params={"assignee_type": "All"}, auth=AUTH, headers=HEADERS)
allowed = [group for group in root.iter("ASSET_GROUP") if group.findtext("TITLE") == "Allowed"]
