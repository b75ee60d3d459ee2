"""A WHOIS export parsed with the same bare <DOMAIN> pattern. The file has
no Qualys call site, host or client library, so nothing is reported."""
import re

with open("whois_export.xml", encoding="utf-8") as handle:
    export = handle.read()
domains = re.findall(r"<DOMAIN>(.*?)</DOMAIN>", export)
if "<DOMAIN>" in export:
    print(len(domains))
