//! Requests run through `eval`, `bash -c`, `xargs`, or a backslash that
//! skips aliases.

use super::*;

const URL: &str = "https://h/api/2.0/fo/asset/ip/";

#[test]
fn backslash_before_curl() {
    let site = only_site(&format!("\\curl -d \"action=update&ips=1\" {URL}\n"));
    assert_eq!(literal(&site, "action"), "update");
    assert!(site.is_complete());
}

#[test]
fn backslash_curl_after_assignment() {
    let script = "QG=https://h\n\\curl -d \"action=update\" \"$QG/api/2.0/fo/asset/ip/\"\n";
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 2);
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
}

#[test]
fn eval_string_is_uncertain() {
    let site = only_site(&format!("eval \"curl -d 'action=update&ips=1' {URL}\"\n"));
    assert_eq!(literal(&site, "action"), "update");
    assert_eq!(unresolved(&site), ["the command that eval runs"]);
}

#[test]
fn shell_c_string_is_uncertain() {
    let site = only_site(&format!("sh -c \"curl -d 'action=update' {URL}\"\n"));
    assert_eq!(unresolved(&site), ["the command that sh -c runs"]);
}

#[test]
fn xargs_with_replacement() {
    let site = only_site(&format!(
        "xargs -I{{}} curl -d \"action=update&ips={{}}\" {URL} <ips\n"
    ));
    // An input line can hold `&` and more parameters.
    assert_eq!(
        unresolved(&site),
        ["the input lines that xargs puts in place of `{}`"]
    );
}

#[test]
fn xargs_marker_outside_request() {
    let site = only_site(&format!(
        "xargs -I % curl -o %.xml -d \"action=update&ips=1\" {URL} <ips\n"
    ));
    assert_eq!(
        unresolved(&site),
        ["the input lines that xargs puts in place of `%`"]
    );
    let quiet = only_site(&format!(
        "xargs -I % curl -d \"action=update&ips=1\" {URL} <ips\n"
    ));
    assert!(quiet.is_complete());
}

#[test]
fn xargs_appending_input() {
    let site = only_site(&format!("xargs curl -d \"action=update\" {URL} <ips\n"));
    assert_eq!(unresolved(&site), ["the arguments that xargs adds"]);
}
