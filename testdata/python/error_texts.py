"""Error handling with the qualysapi package. A literal that can match only
an error text that AGMS replaced is reported at the literal. That covers an
`in` test, a regex (with re.I or re.IGNORECASE), a test against .lower(),
and a constant that is used later. Fragments that also match the new texts,
generic words, docstrings, comments and print() are not reported."""
import os
import re

import qualysapi

conn = qualysapi.connect(username=os.environ["QUALYS_USER"], password=os.environ["QUALYS_PASSWORD"])
GROUP_CALL = "/api/2.0/fo/asset/group/"

SCOPE_ERROR = "One or more IPs are not assigned to this user"  # expect: AGMS006[warning]
TITLE_HINT = "Please use a different title"
SCOPE_PATTERN = re.compile(r"one or more ips are not assigned to this user: ([\d.\-, ]+)", re.I)  # expect: AGMS006[warning]


def delete_group(group_id):
    """Delete a group. A missing group used to give "Tried to delete invalid Asset Group"."""
    reply = conn.request(GROUP_CALL, {"action": "delete", "id": group_id})
    if "Tried to delete invalid Asset Group" in reply:  # expect: AGMS006[warning]
        return False
    if "tried to delete invalid asset group" in reply.lower():  # expect: AGMS006[warning]
        return False
    return True


def add_group(title, ips):
    reply = conn.request(GROUP_CALL, {"action": "add", "title": title, "ips": ips})
    if re.search(r"An asset group with title .* already exists", reply):  # expect: AGMS006[warning]
        return "exists"
    if "already exists" in reply:
        return "exists"
    if TITLE_HINT in reply:
        return "exists"
    if SCOPE_ERROR in reply:
        return "out of scope"
    if re.search("one or more ips are not assigned", reply, re.IGNORECASE):  # expect: AGMS006[warning]
        return "out of scope"
    # Case-sensitive lower case matches neither the old nor the new text.
    if "one or more ips are not assigned" in reply:
        return "out of scope"
    if "are not in user account scope" in reply:
        return "out of scope"
    if re.search("Asset Group", reply) or "has invalid value" in reply or "invalid" in reply:
        return "error"
    # Old text: One or more IPs are not assigned to this user
    print("One or more IPs are not assigned to this user, or the title is taken")
    return "ok"
