"""qualysapi's listAssetGroups() calls the v1 asset group list, so a
lookup of the All group in what it returns is reported."""
import qualysapi

conn = qualysapi.connect("qualys.ini")

for group in conn.listAssetGroups():
    if group.title == "All":  # expect: AGMS007[warning]
        all_group_id = group.id
    if group.title in ("All",):  # expect: AGMS007[warning]
        all_group_id = group.id
named = [group for group in conn.listAssetGroups() if group.title not in ("All",)]
