#!/bin/bash
# Contact users created or edited through /msp/user.php with asset_groups.
# Other roles may still be given asset groups, and an edit that does not set
# the role to contact is not reported.
QG_API="https://qualysapi.qualys.com"
USER_URL="$QG_API/msp/user.php"
H="X-Requested-With: curl"

# expect-next: AGMS005[error]
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" \
  -d "action=add&user_role=contact&business_unit=Unassigned" \
  -d "first_name=Kenji&last_name=Sato&title=App Owner&phone=0312345678&email=kenji.sato@example.com" \
  -d "address1=1-1 Marunouchi&city=Tokyo&country=Japan&zip_code=100-0005" \
  -d "asset_groups=Tokyo Servers" \
  "$USER_URL"

# A contact without asset groups.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&user_role=contact&business_unit=Unassigned&first_name=Mei&last_name=Ito&title=Owner&phone=0312345678&email=mei.ito@example.com&address1=1-1 Marunouchi&city=Tokyo&country=Japan&zip_code=100-0005" "$USER_URL"

# A scanner may be given asset groups.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&user_role=scanner&business_unit=Unassigned&first_name=Ryo&last_name=Abe&title=Engineer&phone=0312345678&email=ryo.abe@example.com&address1=1-1 Marunouchi&city=Tokyo&country=Japan&zip_code=100-0005&asset_groups=Tokyo Servers" "$USER_URL"

# An edit that sets the role to contact.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=edit&login=acme_ks&user_role=contact&asset_groups=Osaka Servers" "$USER_URL" # expect: AGMS005[error]

# An edit that does not name the role.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=edit&login=acme_ks&asset_groups=Osaka Servers" "$USER_URL"

# The role comes from a variable the file never sets.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&user_role=$ROLE&business_unit=Unassigned&asset_groups=Tokyo Servers" "$USER_URL" # expect: AGMS005[note]

# asset_groups read from a file: the parameter is still sent.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&user_role=contact&business_unit=Unassigned" --data-urlencode "asset_groups@groups.txt" "$USER_URL" # expect: AGMS005[error]

# The details in a file could carry asset_groups.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&user_role=contact" -d @contact_details.txt "$USER_URL" # expect: AGMS005[note]

# Both parameters known, but a body file could send user_role again.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" -d "action=add&user_role=contact&asset_groups=Tokyo Servers" -d @contact_details.txt "$USER_URL" # expect: AGMS005[note]

# One contact per CSV line, the group from the file.
while IFS=, read -r first last email group; do
  curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/msp/user.php?action=add&user_role=contact" -d "business_unit=Unassigned&first_name=$first&last_name=$last&email=$email&asset_groups=$group" # expect: AGMS005[error]
done < contacts.csv

# The user list is another endpoint.
curl -s -u "$QUALYS_USER:$QUALYS_PASSWORD" -H "$H" "$QG_API/msp/user_list.php"
