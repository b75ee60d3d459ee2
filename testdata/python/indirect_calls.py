"""Requests sent through a level of indirection: a **options dict that
contains the URL, getattr on the module, functools.partial, a prepared
request sent with session.send, and a tuple passed as *args. The prepared
request gives a note, because code can change it before it is sent."""
import functools
import os

import requests

BASE = "https://qualysapi.qualys.com/api/2.0/fo/"
AUTH = (os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"])

request_args = {"url": BASE + "asset/ip/", "data": {"action": "update", "ips": "10.42.0.1"}, "auth": AUTH}
requests.post(**request_args)  # expect: AGMS001[error]
getattr(requests, "post")(BASE + "asset/ip/", data={"action": "update", "ips": "10.42.0.2"}, auth=AUTH)  # expect: AGMS001[error]
positional = (BASE + "asset/ip/",)
requests.post(*positional, data={"action": "update", "ips": "10.42.0.6"}, auth=AUTH)  # expect: AGMS001[error]
post_ip = functools.partial(requests.post, BASE + "asset/ip/", auth=AUTH)
post_ip(data={"action": "update", "ips": "10.42.0.3", "network_id": "1"})

session = requests.Session()
prepared = requests.Request("POST", BASE + "asset/ip/", data={"action": "add", "ips": "10.42.0.4"}, auth=AUTH).prepare()
session.send(prepared)  # expect: AGMS002[note]


def send_with(extra):
    options = {"url": BASE + "asset/ip/", "data": {"action": "update", "ips": "10.42.0.5"}, **extra}
    return requests.post(**options)  # expect: AGMS001[note]
