"""An asset group request whose action comes from the caller may be a list,
so a lookup of the All group in the file is a note that says why."""
import os

import requests

GROUP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/group/"


def call_groups(action):
    reply = requests.post(GROUP_URL, data={"action": action}, auth=(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"]))
    return reply.text


def has_all_group(titles):
    return any(title == "All" for title in titles)  # expect: AGMS007[note]
