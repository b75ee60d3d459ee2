#!/bin/bash
# A WHOIS export read with the same bare <DOMAIN> patterns. The file has no
# Qualys call site or host, so nothing is reported.
grep -o '<DOMAIN>[^<]*' whois_export.xml
sed -n 's/.*<DOMAIN>\(.*\)<\/DOMAIN>.*/\1/p' whois_export.xml
