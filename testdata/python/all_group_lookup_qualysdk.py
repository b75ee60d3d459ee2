"""qualysdk's get_ag_list() sends action=list to /api/2.0/fo/asset/group/,
so a lookup of the All group in what it returns is reported."""
import os

from qualysdk.auth import BasicAuth
from qualysdk.vmdr import get_ag_list

auth = BasicAuth(os.environ["QUALYS_USER"], os.environ["QUALYS_PASSWORD"], platform="qg1")
groups = get_ag_list(auth, page_count=1, show_attributes="ID,TITLE")

all_group = [group for group in groups if group.TITLE == "All"]  # expect: AGMS007[warning]
for group in groups:
    if str(group.TITLE) == "All":
        continue
    print(group.ID)
