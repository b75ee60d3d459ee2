"""Patterns that expect a bare <DOMAIN> tag in an asset group list. With
show_attributes=ALL each DOMAIN now carries a netblock attribute, as in
<DOMAIN netblock="10.10.10.10-10.10.10.12">abc123.com</DOMAIN>, so they no
longer match. Patterns that allow attributes, the closing tag alone, and
<DOMAIN_LIST> keep working."""
import os
import re

import requests

GROUP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/group/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-requests"}

xml = requests.post(GROUP_URL, data={"action": "list", "ids": "5443081", "show_attributes": "ALL"}, auth=AUTH, headers=HEADERS).text

domains = re.findall(r"<DOMAIN>(.*?)</DOMAIN>", xml)  # expect: AGMS009[warning]
DOMAIN_PATTERN = re.compile("<DOMAIN>([^<]+)</DOMAIN>", re.I)  # expect: AGMS009[warning]
first = re.search(r"<DOMAIN>\s*(\S+)", xml)  # expect: AGMS009[warning]
if "<DOMAIN>" in xml:  # expect: AGMS009[warning]
    start = xml.find("<DOMAIN>")  # expect: AGMS009[warning]
OPEN_TAG = "<DOMAIN>"  # expect: AGMS009[warning]
pieces = xml.split("<DOMAIN>")[1:]  # expect: AGMS009[warning]
names = [piece.partition("</DOMAIN>")[0] for piece in pieces]

# Patterns that allow the netblock attribute, or do not touch the tag.
tolerant = re.findall(r"<DOMAIN(?:\s[^>]*)?>(.*?)</DOMAIN>", xml)
with_netblock = re.findall(r'<DOMAIN netblock="([^"]*)">(.*?)</DOMAIN>', xml)
any_attributes = re.findall(r"<DOMAIN[^>]*>([^<]+)", xml)
closing = xml.count("</DOMAIN>")
has_list = "<DOMAIN_LIST>" in xml
print("expected <DOMAIN> elements in the output")
