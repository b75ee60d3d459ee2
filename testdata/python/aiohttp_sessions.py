"""aiohttp ClientSession methods used as async context managers and
awaited, with and without a base_url."""
import asyncio
import os

import aiohttp

QG = "https://qualysapi.qualys.com"
IP_URL = QG + "/api/2.0/fo/asset/ip/"
AUTH = aiohttp.BasicAuth(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])
HEADERS = {"X-Requested-With": "python-aiohttp"}


async def sync_hosts():
    async with aiohttp.ClientSession(auth=AUTH, headers=HEADERS) as session:
        async with session.post(IP_URL, data={"action": "update", "ips": "10.24.0.1"}) as resp:  # expect: AGMS001[error]
            print(resp.status)
        async with session.get(IP_URL, params={"action": "update", "ips": "10.24.0.2", "network_id": "14"}) as resp:
            print(resp.status)
        async with session.request("POST", IP_URL, data={"action": "add", "ips": "10.24.0.3"}) as resp:  # expect: AGMS002[error]
            print(resp.status)


async def add_with_base_url():
    async with aiohttp.ClientSession(base_url=QG, auth=AUTH, headers=HEADERS) as session:
        resp = await session.post("/api/2.0/fo/asset/ip/", data={"action": "add", "ips": "10.24.1.1", "ag_title": "Branch"})  # expect: AGMS003[warning]
        resp.release()


asyncio.run(sync_hosts())
asyncio.run(add_with_base_url())
