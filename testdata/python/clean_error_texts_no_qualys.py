"""Address assignment checks for the in-house IPAM service.

The IPAM service happens to use some of the same words in its own errors,
which have nothing to do with the Qualys API that the scanner team uses.
"""
import re

import requests

IPAM_URL = "https://ipam.example.com/api/v2/assign"


def assign(user, ips):
    reply = requests.post(IPAM_URL, data={"user": user, "ips": ips}, timeout=30)
    if "One or more IPs are not assigned to this user" in reply.text:
        return "not assigned"
    if re.search(r"An asset group with title .* already exists", reply.text):
        return "duplicate group"
    if "Tried to delete invalid Asset Group" in reply.text:
        return "no such group"
    return "ok"
