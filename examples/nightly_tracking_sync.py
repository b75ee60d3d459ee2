#!/usr/bin/env python3
"""Nightly sync of host tracking methods from the CMDB export.

Hosts that have a DNS name in the CMDB are tracked by DNS, the others by IP.
Reads cmdb_hosts.csv (columns: ip, fqdn) and sends the updates in batches.
Needs QUALYS_USER and QUALYS_PASSWORD in the environment. QUALYS_API
defaults to the US 1 platform.
"""
import csv
import logging
import os
import sys

import requests

API_SERVER = os.environ.get("QUALYS_API", "https://qualysapi.qualys.com")
IP_ENDPOINT = API_SERVER + "/api/2.0/fo/asset/ip/"
BATCH_SIZE = 200

log = logging.getLogger("tracking-sync")


def read_hosts(path):
    """Return the host IPs from the CMDB export, grouped by tracking method."""
    by_method = {"DNS": [], "IP": []}
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            method = "DNS" if row["fqdn"].strip() else "IP"
            by_method[method].append(row["ip"].strip())
    return by_method


def main():
    logging.basicConfig(level=logging.INFO)
    session = requests.Session()
    session.auth = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
    session.headers["X-Requested-With"] = "nightly-tracking-sync"

    hosts = read_hosts(sys.argv[1] if len(sys.argv) > 1 else "cmdb_hosts.csv")
    failed = 0
    for method, ips in hosts.items():
        for start in range(0, len(ips), BATCH_SIZE):
            batch = ",".join(ips[start : start + BATCH_SIZE])
            response = session.post(
                IP_ENDPOINT,
                data={"action": "update", "ips": batch, "tracking_method": method},
                timeout=120,
            )
            if response.status_code != 200 or "<CODE>" in response.text:
                log.error("update to %s tracking failed for %s: %s", method, batch, response.text)
                failed += 1
    log.info("tracking sync finished with %d failed batches", failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
