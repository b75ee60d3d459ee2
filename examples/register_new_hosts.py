#!/usr/bin/env python3
"""Register newly built hosts for vulnerability scanning with the qualysapi
package, and report the IPs that the API user may not manage.

Usage: register_new_hosts.py IP [IP ...]
Needs QUALYS_USER and QUALYS_PASSWORD in the environment.
"""
import argparse
import logging
import os
import sys

import qualysapi

OUT_OF_SCOPE = "One or more IPs are not assigned to this user"

log = logging.getLogger("register-new-hosts")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ips", nargs="+", help="IPs or ranges such as 203.0.113.1-203.0.113.9")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    connection = qualysapi.connect(
        username=os.environ["QUALYS_USER"],
        password=os.environ["QUALYS_PASSWORD"],
        hostname="qualysapi.qualys.eu",
    )
    reply = connection.request(
        "/api/2.0/fo/asset/ip/",
        {"action": "add", "ips": ",".join(args.ips), "enable_vm": "1", "ag_title": "All"},
    )
    if OUT_OF_SCOPE in reply:
        log.error("some of %s are outside this user's scope", ", ".join(args.ips))
        return 1
    log.info("registered %s", ", ".join(args.ips))
    return 0


if __name__ == "__main__":
    sys.exit(main())
