//! Variables with more than one value at a request: assignments on
//! different branches, and a `for` loop over literal words.

use super::*;

const URL: &str = "https://h/api/2.0/fo/asset/ip/";

#[test]
fn case_branches_keep_both_actions() {
    let script = format!(
        "case \"$1\" in\n  new) A=add ;;\n  *) A=update ;;\nesac\ncurl -d \"action=$A&ips=1\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(dynamic(&site, "action"), "$A (`add` or `update`)");
    assert_eq!(literal(&site, "ips"), "1");
    assert!(site.is_complete());
}

#[test]
fn value_before_if_still_reaches() {
    let script =
        format!("A=update\nif [ -n \"$X\" ]; then A=add; fi\ncurl -d \"action=$A\" {URL}\n");
    assert_eq!(
        dynamic(&only_site(&script), "action"),
        "$A (`update` or `add`)"
    );
}

#[test]
fn same_value_on_both_branches_is_literal() {
    let script = format!(
        "if [ -n \"$X\" ]; then A=update; else A=update; fi\ncurl -d \"action=$A\" {URL}\n"
    );
    assert_eq!(literal(&only_site(&script), "action"), "update");
}

#[test]
fn later_assignment_replaces_branch_values() {
    let script = format!(
        "if [ -n \"$X\" ]; then A=add; else A=update; fi\nA=list\ncurl -d \"action=$A\" {URL}\n"
    );
    assert_eq!(literal(&only_site(&script), "action"), "list");
}

#[test]
fn branch_values_flow_through_assignments() {
    let script = format!(
        "if [ -n \"$X\" ]; then A=add; else A=update; fi\nBODY=\"action=$A&ips=1\"\ncurl -d \"$BODY\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(dynamic(&site, "action"), "$BODY (`add` or `update`)");
    assert_eq!(literal(&site, "ips"), "1");
}

#[test]
fn url_changed_on_one_branch_is_a_site() {
    let script = "URL=https://a/api/2.0/fo/asset/ip/\nif [ -n \"$X\" ]; then URL=https://b/api/2.0/fo/asset/ip/; fi\ncurl -d \"action=update&ips=1\" \"$URL\"\n";
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
    assert_eq!(literal(&site, "action"), "update");
    assert!(site.is_complete());
}

#[test]
fn different_endpoints_stay_apart() {
    let script = "if [ -n \"$X\" ]; then P=asset/ip/; else P=scan/; fi\ncurl -d action=list \"https://h/api/2.0/fo/$P\"\n";
    let sites = extract_script(script).call_sites;
    let paths: Vec<&str> = sites.iter().map(path_of).collect();
    assert_eq!(paths, ["/api/2.0/fo/asset/ip/", "/api/2.0/fo/scan/"]);
}

#[test]
fn key_set_on_one_branch_is_maybe() {
    let script = format!(
        "BODY=\"action=update\"\nif [ -n \"$N\" ]; then BODY=\"action=update&network_id=$N\"; fi\ncurl -d \"$BODY\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(literal(&site, "action"), "update");
    assert_eq!(param(&site, "network_id").presence, Presence::Maybe);
}

#[test]
fn loop_over_literal_words() {
    let script = format!("for a in add update; do\n  curl -d \"action=$a\" {URL}\ndone\n");
    assert_eq!(
        dynamic(&only_site(&script), "action"),
        "$a (`add` or `update`)"
    );
}

#[test]
fn wrapper_call_with_branch_values() {
    let script = format!(
        "send() {{ curl -d \"$1\" {URL}; }}\nif [ -n \"$X\" ]; then A=add; else A=update; fi\nsend \"action=$A\"\n"
    );
    let site = only_site(&script);
    assert_eq!(dynamic(&site, "action"), "$A (`add` or `update`)");
    assert_eq!(site.via.as_deref(), Some("wrapper send()"));
}

#[test]
fn loop_body_may_not_run() {
    let script = format!(
        "NET=\"\"\nwhile getopts n: o; do NET=\"&network_id=$OPTARG\"; done\ncurl -d \"action=update$NET\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(param(&site, "network_id").presence, Presence::Maybe);
}

#[test]
fn request_inside_loop_body_is_certain() {
    let script = format!(
        "for ip in $IPS; do\n  BODY=\"action=update&ips=$ip&network_id=1\"\n  curl -d \"$BODY\" {URL}\ndone\n"
    );
    let site = only_site(&script);
    assert_eq!(param(&site, "network_id").presence, Presence::Always);
}
