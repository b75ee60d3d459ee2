"""Helpers for the asset inventory team.

How the old onboarding job called the API, kept for reference only:

    conn = qualysapi.connect()
    conn.request("/api/2.0/fo/asset/ip/", {"action": "add", "ips": "10.31.0.1"})
    conn.addIP("10.31.0.2", "vm")
    requests.post("https://qualysapi.qualys.com/api/2.0/fo/asset/ip/",
                  data={"action": "update", "ips": "10.31.0.3"})

A failed add returned the error "One or more IPs are not assigned to this user".
"""


def describe():
    """Return what this module is for.

    The contact sync once sent action=add&user_role=contact&asset_groups=Web
    to https://qualysapi.qualys.com/msp/user.php.
    """
    return "asset inventory helpers"
