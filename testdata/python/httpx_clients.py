"""httpx module functions, and Client and AsyncClient objects whose
base_url is joined with the relative URL of each request."""
import os

import httpx

AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-httpx"}

httpx.post("https://qualysapi.qualys.com/api/2.0/fo/asset/ip/", data={"action": "update", "ips": "10.22.0.1"}, auth=AUTH, headers=HEADERS)  # expect: AGMS001[error]
httpx.request("POST", "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/", data={"action": "update", "ips": "10.22.0.2", "network_id": "22"}, auth=AUTH, headers=HEADERS)

# A base URL that ends in /api/2.0/fo/ and a path relative to it.
client = httpx.Client(base_url="https://qualysapi.qualys.com/api/2.0/fo/", auth=AUTH, headers=HEADERS)
client.post("asset/ip/", data={"action": "add", "ips": "10.22.1.1", "ag_title": "All"})  # expect: AGMS004[error]
client.post("asset/ip/", data={"action": "add", "ips": "10.22.1.2", "ag_title": "All", "network_id": "22"})

# A base URL that is only the host.
with httpx.Client(base_url="https://qualysapi.qualys.eu", auth=AUTH, headers=HEADERS) as eu:
    eu.post("/api/2.0/fo/asset/ip/", params={"action": "update", "ips": "10.22.2.1"})  # expect: AGMS001[error]
    eu.request("POST", "/api/2.0/fo/asset/ip/", data={"action": "add", "ips": "10.22.2.2", "ag_title": "Tokyo"})  # expect: AGMS003[warning]


async def add_hosts():
    async with httpx.AsyncClient(base_url="https://qualysapi.qualys.com", auth=AUTH, headers=HEADERS) as async_client:
        await async_client.post("/api/2.0/fo/asset/ip/", data={"action": "add", "ips": "10.22.3.1"})  # expect: AGMS002[error]
