//! Functions: wrappers whose requests depend on their parameters, and
//! functions with fixed requests.

use super::*;

#[test]
fn each_wrapper_call_is_a_call_site() {
    let script = r#"qpost() {
  curl -s -u "$QG_USER:$QG_PASSWORD" -H 'X-Requested-With: x' -d "$1" "https://h/api/2.0/fo/$2"
}
qpost "action=add&ips=10.0.0.1" asset/ip/
echo between
qpost "action=list" scan/
"#;
    let sites = extract_script(script).call_sites;
    assert_eq!(sites.len(), 2, "one call site per call: {sites:#?}");
    assert_eq!(line_of(script, sites[0].span), 4);
    assert_eq!(path_of(&sites[0]), "/api/2.0/fo/asset/ip/");
    assert_eq!(names(&sites[0]), ["action", "ips"]);
    assert_eq!(sites[0].via.as_deref(), Some("wrapper qpost()"));
    assert_eq!(line_of(script, sites[1].span), 6);
    assert_eq!(path_of(&sites[1]), "/api/2.0/fo/scan/");
    assert_eq!(literal(&sites[1], "action"), "list");
    assert!(
        script[sites[1].span.start..sites[1].span.end].starts_with("qpost"),
        "the span is the caller's command"
    );
}

#[test]
fn wrapper_passing_all_arguments() {
    let script = r#"qapi() { curl -s -H 'X-Requested-With: x' "$@"; }
qapi -d action=add -d ips=10.0.0.1 https://h/api/2.0/fo/asset/ip/
"#;
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 2);
    assert_eq!(names(&site), ["action", "ips"]);
    assert!(
        site.unresolved.is_empty(),
        "the caller's words are known: {:?}",
        unresolved(&site)
    );
}

#[test]
fn wrapper_with_shift() {
    let script = r#"qapi() {
  local path=$1
  shift
  curl -s "$@" "https://h$path"
}
qapi /api/2.0/fo/asset/ip/ -d action=add -d ips=10.0.0.1
"#;
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
    assert_eq!(names(&site), ["action", "ips"]);
}

#[test]
fn wrapper_with_parameter_slice() {
    let script = r#"qapi() { curl -s "${@:2}" "https://h/api/2.0/fo/$1"; }
qapi asset/ip/ -d action=add -d ips=10.0.0.1
"#;
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
    assert_eq!(names(&site), ["action", "ips"]);
}

#[test]
fn uncalled_wrapper_reported_once_at_curl() {
    let script = r#"add_ip() {
  curl -d "action=add&ips=$1" -d "$2" https://h/api/2.0/fo/asset/ip/
}
"#;
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 2, "reported at its own curl");
    assert_eq!(site.via, None);
    assert_eq!(dynamic(&site, "ips"), "$1");
    assert_eq!(unresolved(&site), ["$2"]);
}

#[test]
fn fixed_request_in_function_reported_once() {
    let script = r#"list_scans() {
  curl -s -d action=list https://h/api/2.0/fo/scan/
}
list_scans
list_scans > again.xml
"#;
    let site = only_site(script);
    assert_eq!(
        line_of(script, site.span),
        2,
        "reported at the curl inside the function"
    );
    assert_eq!(site.via, None);
}

#[test]
fn nested_wrappers_report_at_outer_calls() {
    let script = r#"qcurl() { curl -s -u "$AUTH" -H 'X-Requested-With: x' "$@"; }
add_ip() {
  qcurl -d action=add -d "ips=$1" "$QG_API/api/2.0/fo/asset/ip/"
}
add_ip 10.0.0.1
add_ip 10.0.0.2
"#;
    let sites = extract_script(script).call_sites;
    assert_eq!(sites.len(), 2, "one call site per add_ip call: {sites:#?}");
    assert_eq!(line_of(script, sites[0].span), 5);
    assert_eq!(literal(&sites[0], "ips"), "10.0.0.1");
    assert_eq!(sites[0].via.as_deref(), Some("wrapper add_ip()"));
    assert_eq!(literal(&sites[1], "ips"), "10.0.0.2");
}

#[test]
fn wrapper_called_only_from_uncalled_function() {
    let script = r#"qcurl() { curl -s "$@"; }
add_ip() {
  qcurl -d action=add -d "ips=$1" https://h/api/2.0/fo/asset/ip/
}
"#;
    let site = only_site(script);
    assert_eq!(
        line_of(script, site.span),
        3,
        "reported at the call inside add_ip"
    );
    assert_eq!(site.via.as_deref(), Some("wrapper qcurl()"));
    assert_eq!(dynamic(&site, "ips"), "$1");
}

#[test]
fn wrapper_called_in_command_substitution() {
    let script = r#"function qpost {
  curl -s -d "$1" https://h/api/2.0/fo/asset/ip/
}
reply=$(qpost "action=update&ips=10.0.0.1")
"#;
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 4);
    assert_eq!(literal(&site, "action"), "update");
}

#[test]
fn wrapper_sees_globals_set_before_the_call() {
    let script = r#"qpost() { curl -s -d "$1" "$QG_API/$2"; }
QG_API=https://qualysapi.qualys.com/api/2.0/fo
qpost action=list scan/
"#;
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/scan/");
}

#[test]
fn wrapper_locals_and_defaults() {
    let script = r#"add_ips() {
  local ips=$1 group=${2:-All}
  local body="action=add&ips=${ips}&ag_title=${group}"
  curl -d "$body" "$QG_API/api/2.0/fo/asset/ip/"
}
add_ips 10.0.0.1 Lab
add_ips 10.0.0.2
"#;
    let sites = extract_script(script).call_sites;
    assert_eq!(sites.len(), 2, "one call site per call: {sites:#?}");
    assert_eq!(literal(&sites[0], "ips"), "10.0.0.1");
    assert_eq!(literal(&sites[0], "ag_title"), "Lab");
    assert_eq!(
        literal(&sites[1], "ag_title"),
        "All",
        "a missing argument takes the default"
    );
}

#[test]
fn function_shadowing_curl() {
    let script = r#"curl() { command curl -s -H 'X-Requested-With: x' "$@"; }
curl -d action=list https://h/api/2.0/fo/scan/
"#;
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 2);
    assert_eq!(site.via.as_deref(), Some("wrapper curl()"));
}

#[test]
fn recursive_function_is_bounded() {
    let script = r#"retry() {
  curl -s -d "$1" https://h/api/2.0/fo/asset/ip/ || retry "$1"
}
retry action=list
"#;
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 4);
    assert_eq!(literal(&site, "action"), "list");
}

#[test]
fn function_without_request_is_not_followed() {
    let script = r#"log() { echo "$@" >&2; }
log "curl -d action=add https://h/api/2.0/fo/asset/ip/"
"#;
    assert_no_site(script);
}

#[test]
fn many_nested_calls_stay_bounded() {
    // Each function calls the next one twice; following every call would
    // take 2^30 walks.
    let mut script = String::from("f0() { curl -d \"ips=$1\" https://h/api/2.0/fo/asset/ip/; }\n");
    for level in 1..30 {
        let previous = level - 1;
        script.push_str(&format!(
            "f{level}() {{ f{previous} \"$1\"; f{previous} \"$1\"; }}\n"
        ));
    }
    script.push_str("f29 10.0.0.1\n");
    let sites = extract_script(&script).call_sites;
    assert!(
        sites.len() <= 2000,
        "at most one call site per followed call, found {}",
        sites.len()
    );
}
