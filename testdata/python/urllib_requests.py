"""urllib.request with bodies and query strings built by
urllib.parse.urlencode. A Request object sends nothing by itself: the
request is made, and reported, where urlopen is called."""
import base64
import os
import urllib.parse
import urllib.request
from urllib.parse import urlencode
from urllib.request import Request, urlopen

IP_URL = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
TOKEN = base64.b64encode(f"{os.environ['QUALYS_USER']}:{os.environ['QUALYS_PASSWORD']}".encode()).decode()
HEADERS = {"X-Requested-With": "python-urllib", "Authorization": "Basic " + TOKEN}

body = urlencode({"action": "update", "ips": "10.23.0.1"}).encode()
request = Request(IP_URL, data=body, headers=HEADERS)
with urlopen(request) as response:  # expect: AGMS001[error]
    print(response.status)

query = urllib.parse.urlencode({"action": "add", "ips": "10.23.1.1", "ag_title": "All"})
urllib.request.urlopen(urllib.request.Request(IP_URL + "?" + query, headers=HEADERS, method="POST"))  # expect: AGMS004[error]

urlopen(IP_URL, data=urlencode({"action": "add", "ips": "10.23.2.1", "ag_title": "Datacenter", "network_id": "23"}).encode())  # expect: AGMS003[warning]

update_body = urlencode({"action": "update", "ips": "10.23.3.1", "network_id": "23"}).encode()
with urlopen(Request(IP_URL, data=update_body, headers=HEADERS)) as response:
    print(response.status)
