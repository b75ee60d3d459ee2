"""Text of Qualys API scripts, written the way operations teams write them.

Every script sends at least one request to the Qualys API with curl, wget
or Python's requests. Many send the calls that AGMS breaks (an IP add
without `ag_title`, an IP update without `network_id`, a contact user
given `asset_groups`), others send calls that stay valid, so a scan yields
a mix of findings and clean files. Each script is padded with ordinary
helper code to about the requested size.
"""

from . import ordinary

HOSTS = [
    "https://qualysapi.qualys.com",
    "https://qualysapi.qg2.apps.qualys.com",
    "https://qualysapi.qg3.apps.qualys.com",
    "https://qualysapi.qualys.eu",
]

SHELL_CALLS = [
    # An IP add with a named asset group.
    'curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: {tool}" \\\n'
    '  -d "action=add&ips=$range&enable_vm=1&ag_title={group}" \\\n'
    '  "$QUALYS_API/api/2.0/fo/asset/ip/"\n',
    # An IP add without ag_title.
    'curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: {tool}" \\\n'
    '  -d action=add -d "ips=$range" "$QUALYS_API/api/2.0/fo/asset/ip/"\n',
    # An IP update without network_id.
    'curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: {tool}" \\\n'
    '  --data-urlencode "action=update" \\\n'
    '  --data-urlencode "ips=$range" \\\n'
    '  --data-urlencode "tracking_method=DNS" \\\n'
    '  "$QUALYS_API/api/2.0/fo/asset/ip/"\n',
    # An IP update that names the network.
    'curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: {tool}" \\\n'
    '  -d action=update -d "ips=$range" -d network_id={number} \\\n'
    '  "$QUALYS_API/api/2.0/fo/asset/ip/"\n',
    # An IP list, which AGMS leaves alone.
    'curl -sS -G -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: {tool}" \\\n'
    '  -d action=list -d "ips=$range" "$QUALYS_API/api/2.0/fo/asset/ip/"\n',
    # A contact user with asset groups, through the v1 API.
    'curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" \\\n'
    '  "$QUALYS_API/msp/user.php?action=add&user_role=contact&first_name={group}&asset_groups={group}"\n',
    # An asset group list, searched for the All group.
    'groups=$(curl -sS -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "X-Requested-With: {tool}" \\\n'
    '  "$QUALYS_API/api/2.0/fo/asset/group/?action=list")\n'
    'echo "$groups" | grep -q "<TITLE><![CDATA[All]]></TITLE>" || echo "no All group" >&2\n',
    # A wget IP add with the All group and no network_id.
    'wget -q -O - --user "$QUALYS_USER" --password "$QUALYS_PASSWORD" \\\n'
    '  --header "X-Requested-With: {tool}" \\\n'
    '  --post-data "action=add&ips=$range&ag_title=All" "$QUALYS_API/api/2.0/fo/asset/ip/"\n',
]

PYTHON_CALLS = [
    # An IP add with a named asset group.
    '    response = session.post(\n'
    '        API_SERVER + "/api/2.0/fo/asset/ip/",\n'
    '        data={{"action": "add", "ips": ips, "enable_vm": 1, "ag_title": "{group}"}},\n'
    '        timeout=120,\n'
    '    )\n',
    # An IP update without network_id.
    '    params = {{"action": "update", "ips": ips}}\n'
    '    params["tracking_method"] = "IP"\n'
    '    response = session.post(f"{{API_SERVER}}/api/2.0/fo/asset/ip/", data=params, timeout=120)\n',
    # An IP update that names the network.
    '    response = requests.post(\n'
    '        API_SERVER + "/api/2.0/fo/asset/ip/",\n'
    '        data={{"action": "update", "ips": ips, "network_id": "{number}"}},\n'
    '        auth=AUTH, headers=HEADERS,\n'
    '    )\n',
    # An IP list, which AGMS leaves alone.
    '    response = requests.get(API_SERVER + "/api/2.0/fo/asset/ip/", params={{"action": "list", "ips": ips}},\n'
    '                            auth=AUTH, headers=HEADERS)\n',
    # A contact user with asset groups, through the v1 API.
    '    response = requests.post(API_SERVER + "/msp/user.php", auth=AUTH, headers=HEADERS,\n'
    '                             data={{"action": "add", "user_role": "contact", "asset_groups": "{group}"}})\n',
    # An asset group list, searched for the All group.
    '    response = session.get(API_SERVER + "/api/2.0/fo/asset/group/", params={{"action": "list"}})\n'
    '    if "<TITLE><![CDATA[All]]></TITLE>" not in response.text:\n'
    '        log.warning("no All group in the list")\n',
]

GROUPS = ["Datacenter", "DMZ", "Osaka-LAN", "Branch-Offices", "Lab", "All"]


def _fill(rng, template):
    return template.format(
        tool=f"{rng.choice(ordinary.WORDS)}-sync",
        group=rng.choice(GROUPS),
        number=rng.randint(1000, 99999),
    )


def _shell(rng, size, shebang):
    calls = "".join(_fill(rng, rng.choice(SHELL_CALLS)) for _ in range(rng.randint(1, 3)))
    head = (
        f"{shebang}# Sync asset ranges with the Qualys subscription.\nset -euo pipefail\n\n"
        f'QUALYS_API="${{QUALYS_API:-{rng.choice(HOSTS)}}}"\n'
        f'ranges_file="${{1:-ranges.txt}}"\n\n'
    )
    loop = f'while read -r range comment; do\n  [ -z "$range" ] && continue\n{calls}done < "$ranges_file"\n\n'
    padding = ordinary.body(rng, "sh", size - len(head) - len(loop))
    return head + padding + loop


def _python(rng, size, shebang):
    calls = "".join(_fill(rng, rng.choice(PYTHON_CALLS)) for _ in range(rng.randint(1, 3)))
    head = (
        f'{shebang}"""Sync asset ranges with the Qualys subscription."""\n'
        f"import logging\nimport os\n\nimport requests\n\n"
        f'BASE_URL = "https://api.example.com"\n'
        f'API_SERVER = os.environ.get("QUALYS_API", "{rng.choice(HOSTS)}")\n'
        f'AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])\n'
        f'HEADERS = {{"X-Requested-With": "{rng.choice(ordinary.WORDS)}-sync"}}\n'
        f'log = logging.getLogger("sync")\n\n\n'
    )
    body = (
        "def sync(session, ips):\n"
        f"{calls}"
        "    response.raise_for_status()\n    return response.text\n\n\n"
    )
    padding = ordinary.body(rng, "py", size - len(head) - len(body))
    return head + padding + body


def script(rng, size):
    """Return (extension, text) of one Qualys script of about `size` bytes.

    Nine in ten carry a `.sh` or `.py` extension; the rest are executables
    without one, recognised by their `#!` line.
    """
    roll = rng.random()
    if roll < 0.45:
        return "sh", _shell(rng, size, "#!/bin/bash\n")
    if roll < 0.9:
        return "py", _python(rng, size, "#!/usr/bin/env python3\n")
    if roll < 0.95:
        return "", _shell(rng, size, "#!/usr/bin/env bash\n")
    return "", _python(rng, size, "#!/usr/bin/env python3\n")
