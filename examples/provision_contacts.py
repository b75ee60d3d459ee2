#!/usr/bin/env python3
"""Create contact users for the application owners in owners.csv, each with
the asset group of their servers, so that they receive its scan reports.

owners.csv columns: first_name, last_name, email, phone, asset_group.
Needs QUALYS_USER and QUALYS_PASSWORD in the environment.
"""
import csv
import logging
import os
import sys

import requests

USER_ENDPOINT = "https://qualysapi.qualys.com/msp/user.php"

log = logging.getLogger("provision-contacts")


def main(path):
    logging.basicConfig(level=logging.INFO)
    session = requests.Session()
    session.auth = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
    session.headers["X-Requested-With"] = "provision-contacts"

    created = 0
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            params = {
                "action": "add",
                "user_role": "contact",
                "business_unit": "Unassigned",
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "title": "Application Owner",
                "email": row["email"],
                "phone": row["phone"],
                "address1": "1-1 Marunouchi",
                "city": "Tokyo",
                "country": "Japan",
                "zip_code": "100-0005",
                "asset_groups": row["asset_group"],
                "send_email": "1",
            }
            response = session.post(USER_ENDPOINT, data=params, timeout=60)
            if 'status="FAILED"' in response.text:
                log.error("could not create a contact for %s: %s", row["email"], response.text)
                continue
            created += 1
    log.info("created %d contact users", created)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "owners.csv")
