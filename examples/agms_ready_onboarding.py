#!/usr/bin/env python3
"""Onboard new hosts in a way that keeps working when AGMS is enabled.

Adds the IPs into the All group of the given network, then sets their
tracking method. Both requests name the network, and the scope check uses
the error text of the API with AGMS.

Usage: agms_ready_onboarding.py NETWORK_ID IP [IP ...]
Needs QUALYS_USER and QUALYS_PASSWORD in the environment. QUALYS_API
defaults to the US 1 platform.
"""
import logging
import os
import sys

import requests

API_SERVER = os.environ.get("QUALYS_API", "https://qualysapi.qualys.com")
IP_ENDPOINT = API_SERVER + "/api/2.0/fo/asset/ip/"

log = logging.getLogger("onboarding")


def is_out_of_scope(text):
    """Return whether the API rejected IPs outside the user's scope, in the
    wording it uses with AGMS: "(IPs <IPs> are not in user account scope.)".
    """
    return "are not in user account scope" in text


def main(network_id, ips):
    logging.basicConfig(level=logging.INFO)
    session = requests.Session()
    session.auth = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
    session.headers["X-Requested-With"] = "agms-ready-onboarding"
    joined = ",".join(ips)

    added = session.post(
        IP_ENDPOINT,
        data={
            "action": "add",
            "ips": joined,
            "enable_vm": "1",
            "ag_title": "All",
            "network_id": network_id,
        },
        timeout=120,
    )
    if is_out_of_scope(added.text):
        log.error("%s are outside this user's scope", joined)
        return 1

    updated = session.post(
        IP_ENDPOINT,
        data={
            "action": "update",
            "ips": joined,
            "tracking_method": "DNS",
            "network_id": network_id,
        },
        timeout=120,
    )
    if "<CODE>" in updated.text:
        log.error("could not set DNS tracking for %s: %s", joined, updated.text)
        return 1
    log.info("onboarded %s in network %s", joined, network_id)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
