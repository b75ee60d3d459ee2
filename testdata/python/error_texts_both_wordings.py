"""Classify IP add failures before and after AGMS is enabled."""
import requests

API = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
OLD_SCOPE = "One or more IPs are not assigned to this user"
NEW_SCOPE = "are not in user account scope"


def add(session, ips, network_id):
    reply = session.post(API, data={"action": "add", "ips": ips, "ag_title": "All", "network_id": network_id})
    # Both wordings are tested, so the script works either way.
    if OLD_SCOPE in reply.text or NEW_SCOPE in reply.text:
        raise RuntimeError("IPs out of scope")
    # Only the old wording of the delete error is tested here.
    if "Tried to delete invalid Asset Group" in reply.text:  # expect: AGMS006[warning]
        return None
    return reply
