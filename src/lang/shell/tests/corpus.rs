//! Scripts shaped like real Qualys automation: one per pattern the rules
//! must see through.

use super::*;
use crate::model::StringUseKind;

#[test]
fn contact_users_created_in_a_loop() {
    let script = r#"#!/bin/bash
while IFS=, read -r first last mail; do
  curl -s -u "$QG_USER:$QG_PASSWORD" -H "X-Requested-With: curl" \
    -d "action=add&user_role=contact&business_unit=Unassigned&asset_groups=Web&first_name=$first&last_name=$last&email=$mail" \
    "https://qualysapi.qualys.com/msp/user.php"
done < people.csv
"#;
    let site = only_site(script);
    assert_eq!(path_of(&site), "/msp/user.php");
    assert_eq!(line_of(script, site.span), 3);
    assert_eq!(literal(&site, "user_role"), "contact");
    assert_eq!(literal(&site, "asset_groups"), "Web");
    assert_eq!(dynamic(&site, "email"), "$mail");
    assert!(site.unresolved.is_empty(), "every field is readable");
}

#[test]
fn delete_group_and_check_old_error_text() {
    let script = r#"#!/bin/bash
out=$(curl -s -u "$QG_USER:$QG_PASSWORD" -H "X-Requested-With: curl" \
  -d "action=delete&id=$1" "https://qualysapi.qualys.com/api/2.0/fo/asset/group/")
case "$out" in
  *"Tried to delete invalid Asset Group"*) echo "already deleted" ;;
  *"<CODE>"*) echo "failed: $out" >&2 ;;
esac
"#;
    let extraction = extract_script(script);
    assert_eq!(
        extraction.call_sites.len(),
        1,
        "{:#?}",
        extraction.call_sites
    );
    assert_eq!(
        path_of(&extraction.call_sites[0]),
        "/api/2.0/fo/asset/group/"
    );
    assert!(extraction.qualys_context);
    let use_ = extraction
        .string_uses
        .iter()
        .find(|u| u.text == "Tried to delete invalid Asset Group")
        .expect("the old error text is a string use");
    assert_eq!(use_.kind, StringUseKind::Substring);
    assert_eq!(line_of(script, use_.span), 5);
}

#[test]
fn update_sent_as_query_with_get() {
    let script = r#"#!/bin/bash
curl -G -u "$QG_USER:$QG_PASSWORD" -H "X-Requested-With: curl" \
  --data-urlencode "action=update" --data-urlencode "ips=$1" --data-urlencode "comment=moved to lab" \
  "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
"#;
    let site = only_site(script);
    assert_eq!(site.method.as_deref(), Some("GET"));
    assert_eq!(names(&site), ["action", "ips", "comment"]);
    assert_eq!(literal(&site, "action"), "update");
    assert_eq!(line_of(script, site.span), 2);
}

#[test]
fn usage_text_is_not_a_request() {
    let script =
        "#!/bin/bash\necho \"Usage: $0 IP  (posts action=update to /api/2.0/fo/asset/ip/)\"\n";
    let extraction = extract_script(script);
    assert!(
        extraction.call_sites.is_empty(),
        "{:#?}",
        extraction.call_sites
    );
    assert!(!extraction.qualys_context);
}

#[test]
fn add_with_all_group_and_network() {
    let script = r#"#!/bin/bash
NET=7
curl -s -u "$QG_USER:$QG_PASSWORD" -H "X-Requested-With: onboard" \
  -d "action=add" -d "ips=$1" -d "enable_vm=1" -d "ag_title=All" -d "network_id=$NET" \
  https://qualysapi.qualys.com/api/2.0/fo/asset/ip/
"#;
    let site = only_site(script);
    assert_eq!(
        names(&site),
        ["action", "ips", "enable_vm", "ag_title", "network_id"]
    );
    assert_eq!(literal(&site, "ag_title"), "All");
    assert_eq!(literal(&site, "network_id"), "7");
}

#[test]
fn add_with_body_built_in_variables() {
    let script = r#"#!/bin/bash
SPAN="$1"
GROUP="${2:-Lab}"
BODY="action=add&ips=${SPAN}&enable_vm=1&ag_title=${GROUP}"
curl -s -u "$QG_USER:$QG_PASSWORD" -H "X-Requested-With: onboard" -d "$BODY" \
  https://qualysapi.qualys.com/api/2.0/fo/asset/ip/
"#;
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 5);
    assert_eq!(names(&site), ["action", "ips", "enable_vm", "ag_title"]);
    assert_eq!(dynamic(&site, "ips"), "$1");
    assert_eq!(
        literal(&site, "ag_title"),
        "Lab",
        "the default of an unset $2"
    );
}

#[test]
fn tracking_update_per_host() {
    let script = r#"#!/usr/bin/env bash
# Switch each listed host to IP tracking.
set -eu
: "${QG_API:=https://qualysapi.qg2.apps.qualys.com}"

while read -r host; do
  curl -sS --fail \
    -H 'X-Requested-With: retrack' \
    -u "${QG_USER}:${QG_PASSWORD}" \
    --data "action=update" \
    --data "ips=${host}" \
    --data "tracking_method=IP" \
    "${QG_API}/api/2.0/fo/asset/ip/"
done < hosts.txt
"#;
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 7);
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
    assert_eq!(names(&site), ["action", "ips", "tracking_method"]);
    assert_eq!(dynamic(&site, "ips"), "$host");
}
