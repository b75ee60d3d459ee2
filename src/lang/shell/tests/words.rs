//! Word resolution: quoting, variables, parameter expansion and arrays.

use super::*;

const URL: &str = "https://h/api/2.0/fo/asset/ip/";

#[test]
fn variables_in_url_and_body() {
    let script = "BASE=https://qualysapi.qualys.com\nACTION=add\ncurl -d \"action=$ACTION\" \"$BASE/api/2.0/fo/asset/ip/\"\n";
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
    assert_eq!(literal(&site, "action"), "add");
}

#[test]
fn last_assignment_above_use_wins() {
    let script = format!("A=list\nA=add\ncurl -d \"action=$A\" {URL}\nA=delete\n");
    assert_eq!(literal(&only_site(&script), "action"), "add");
}

#[test]
fn assignments_on_both_branches_both_count() {
    let script =
        format!("if [ -n \"$X\" ]; then A=update; else A=add; fi\ncurl -d \"action=$A\" {URL}\n");
    let site = only_site(&script);
    assert_eq!(dynamic(&site, "action"), "$A (`update` or `add`)");
    assert_eq!(param(&site, "action").presence, Presence::Always);
}

#[test]
fn append_assignment() {
    let script = format!("BODY=action=add\nBODY+=\"&ips=10.0.0.1\"\ncurl -d \"$BODY\" {URL}\n");
    let site = only_site(&script);
    assert_eq!(names(&site), ["action", "ips"]);
}

#[test]
fn declaration_commands_assign() {
    let cases = [
        "export A=add",
        "readonly A=add",
        "declare A=add",
        "declare -r A=add",
        "typeset A=add",
        "export B=1 A=add",
    ];
    for declaration in cases {
        let script = format!("{declaration}\ncurl -d \"action=$A\" {URL}\n");
        assert_eq!(
            literal(&only_site(&script), "action"),
            "add",
            "value after {declaration}"
        );
    }
}

#[test]
fn default_assignment_with_colon_command() {
    let script = ": \"${QG_API:=https://qualysapi.qualys.com}\"\n: ${ACTION:=list}\ncurl -d \"action=$ACTION\" \"${QG_API}/api/2.0/fo/scan/\"\n";
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/scan/");
    assert_eq!(literal(&site, "action"), "list");
}

#[test]
fn default_assignment_keeps_assigned_value() {
    let script = format!("A=update\n: \"${{A:=add}}\"\ncurl -d \"action=$A\" {URL}\n");
    assert_eq!(literal(&only_site(&script), "action"), "update");
}

#[test]
fn default_value_when_unassigned() {
    let cases = [
        ("", "${GROUP:-Datacenter}", "Datacenter"),
        ("GROUP=Lab\n", "${GROUP:-Datacenter}", "Lab"),
        ("GROUP=\n", "${GROUP:-Datacenter}", "Datacenter"),
        ("GROUP=\n", "${GROUP-Datacenter}", ""),
        ("", "${2:-Datacenter}", "Datacenter"),
        ("", "${GROUP:-\"Data center\"}", "Data center"),
        ("OTHER=x\n", "${GROUP:-$OTHER/y}", "x/y"),
        ("GROUP=Lab\n", "${GROUP:+All}", "All"),
    ];
    for (setup, expansion, expected) in cases {
        let script = format!("{setup}curl -d \"action=add&ag_title={expansion}\" {URL}\n");
        assert_eq!(
            literal(&only_site(&script), "ag_title"),
            expected,
            "value of {expansion} after {setup:?}"
        );
    }
}

#[test]
fn quoting_forms() {
    let script = format!(
        "A=add\ncurl -d 'action='\"$A\" -d $'ips=1.1.1.1' -d ag_\\title=All -d \"comment=a \\\"b\\\" \\$c\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(names(&site), ["action", "ips", "ag_title", "comment"]);
    assert_eq!(literal(&site, "action"), "add");
    assert_eq!(literal(&site, "comment"), "a \"b\" $c");
}

#[test]
fn array_expands_into_words() {
    let script = format!(
        "args=(-s -d \"action=add\")\nargs+=(--data-urlencode 'ips=10.0.0.1')\ncurl \"${{args[@]}}\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(names(&site), ["action", "ips"]);
    assert!(site.unresolved.is_empty(), "a known array is fully read");
}

#[test]
fn array_elements_and_local_arrays() {
    let script = "urls=(https://h/api/2.0/fo/scan/ https://h/api/2.0/fo/asset/ip/)\ncurl -d action=list \"${urls[1]}\"\n";
    assert_eq!(path_of(&only_site(script)), "/api/2.0/fo/asset/ip/");

    let script = format!(
        "f() {{\n  local args\n  args+=(-d action=list)\n  curl \"${{args[@]}}\" {URL}\n}}\nf\n"
    );
    let site = only_site(&script);
    assert_eq!(
        names(&site),
        ["action"],
        "a bare local declaration adds no word"
    );
}

#[test]
fn element_assignment() {
    let script = format!("args=(-d x=1)\nargs[1]=action=list\ncurl \"${{args[@]}}\" {URL}\n");
    let site = only_site(&script);
    assert_eq!(names(&site), ["action"]);
}

#[test]
fn unquoted_variable_splits_into_words() {
    let script = format!("OPTS=\"-s -d action=list\"\ncurl $OPTS {URL}\n");
    let site = only_site(&script);
    assert_eq!(names(&site), ["action"]);
}

#[test]
fn loop_variables_are_unknown() {
    let script =
        format!("for ip in 1.1.1.1 $MORE; do\n  curl -d \"action=add&ips=$ip\" {URL}\ndone\n");
    assert_eq!(dynamic(&only_site(&script), "ips"), "$ip");

    let script = format!(
        "while IFS=, read -r host net; do\n  curl -d \"ips=${{host}}&network_id=$net\" {URL}\ndone < hosts.csv\n"
    );
    let site = only_site(&script);
    assert_eq!(dynamic(&site, "ips"), "$host");
    assert_eq!(dynamic(&site, "network_id"), "$net");

    let script = format!("I=5\nfor ((I = 0; I < 3; I++)); do\n  curl -d \"id=$I\" {URL}\ndone\n");
    assert_eq!(dynamic(&only_site(&script), "id"), "$I");
}

#[test]
fn loop_variable_assigned_before_loop_is_replaced() {
    let script =
        format!("host=1.1.1.1\nwhile read -r host; do curl -d \"ips=$host\" {URL}; done\n");
    assert_eq!(dynamic(&only_site(&script), "ips"), "$host");
}

#[test]
fn unknown_sources_are_named() {
    let script = format!("ID=$(date +%s)\ncurl -d \"a=$1&b=$NET_ID&c=$ID&d=`hostname`\" {URL}\n");
    let site = only_site(&script);
    assert_eq!(dynamic(&site, "a"), "$1");
    assert_eq!(dynamic(&site, "b"), "$NET_ID");
    assert_eq!(dynamic(&site, "c"), "$(date +%s)");
    assert_eq!(dynamic(&site, "d"), "$(hostname)");
}

#[test]
fn unset_variable_becomes_unknown() {
    let script = format!("A=add\nunset A\ncurl -d \"action=$A\" {URL}\n");
    assert_eq!(dynamic(&only_site(&script), "action"), "$A");
}

#[test]
fn trailing_slash_trimmed_from_base() {
    let script = "BASE=https://h/\ncurl \"${BASE%/}/api/2.0/fo/scan/?action=list\"\n";
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/scan/");
    assert_eq!(names(&site), ["action"]);
}

#[test]
fn base_url_ending_in_api_root() {
    let script = "API=https://h/api/2.0/fo\ncurl \"$API/asset/ip/?action=list\"\n";
    assert_eq!(path_of(&only_site(script)), "/api/2.0/fo/asset/ip/");
}

#[test]
fn unknown_lists_are_unresolved() {
    let cases = [
        (format!("curl \"$@\" {URL}"), "$@"),
        (
            format!("read -ra extra\ncurl -d action=add \"${{extra[@]}}\" {URL}"),
            "${extra[@]}",
        ),
        (
            format!("mapfile -t extra < f\ncurl -d action=add \"${{extra[@]}}\" {URL}"),
            "${extra[@]}",
        ),
        (format!("curl $CURL_OPTS -d action=add {URL}"), "$CURL_OPTS"),
    ];
    for (script, description) in cases {
        let site = only_site(&script);
        assert_eq!(
            unresolved(&site),
            [description],
            "unresolved pieces of:\n{script}"
        );
    }
}

#[test]
fn quoted_unknown_word_is_another_url() {
    // A quoted "$X" is one word; curl reads it as a second URL, which adds
    // no parameter to this request.
    let site = only_site(&format!("curl -d action=add \"$MIRROR\" {URL}\n"));
    assert!(
        site.unresolved.is_empty(),
        "unexpected: {:?}",
        unresolved(&site)
    );
}

#[test]
fn doubling_value_stays_bounded() {
    let mut script = String::from("X=ab\n");
    for _ in 0..40 {
        script.push_str("X=\"$X$X\"\n");
    }
    script.push_str(&format!("curl -d \"action=add&ips=$X\" {URL}\n"));
    let site = only_site(&script);
    assert!(
        matches!(param(&site, "ips").value, Value::Dynamic(_)),
        "an over-long value must become unknown"
    );
}

#[test]
fn value_appended_in_branch_is_maybe_present() {
    let script = format!(
        "BODY=\"action=update&ips=10.0.0.1\"\nif [ -n \"$NET\" ]; then\n  BODY+=\"&network_id=$NET\"\nfi\ncurl -d \"$BODY\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(param(&site, "action").presence, Presence::Always);
    assert_eq!(
        param(&site, "network_id").presence,
        Presence::Maybe,
        "network_id is only added when NET is set"
    );
}

#[test]
fn branch_values_used_in_same_branch_are_present() {
    let script = format!(
        "if [ -n \"$NET\" ]; then\n  BODY=\"action=update&network_id=$NET\"\n  curl -d \"$BODY\" {URL}\nfi\n"
    );
    let site = only_site(&script);
    assert_eq!(param(&site, "network_id").presence, Presence::Always);

    let script = format!(
        "[ -n \"$G\" ] && args+=(-d \"ag_title=$G\")\ncurl -d action=add \"${{args[@]}}\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(param(&site, "action").presence, Presence::Always);
    assert_eq!(
        param(&site, "ag_title").presence,
        Presence::Maybe,
        "set only after &&"
    );
}

#[test]
fn key_at_use_always_present() {
    let script = format!(
        "if [ -n \"$X\" ]; then NET=5; fi\ncurl -d \"action=update&network_id=$NET\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(
        param(&site, "network_id").presence,
        Presence::Always,
        "the key is always sent, only its value varies"
    );
}

#[test]
fn wrapper_call_in_same_branch_keeps_presence() {
    let script = "qpost() { curl -d \"$1\" https://h/api/2.0/fo/asset/ip/; }\nif [ -n \"$NET\" ]; then\n  BODY=\"action=update&network_id=$NET\"\n  qpost \"$BODY\"\nfi\n";
    let site = only_site(script);
    assert_eq!(param(&site, "network_id").presence, Presence::Always);
}

#[test]
fn request_inside_quoted_substitution_is_found() {
    let script = "echo \"ids: $(curl -s -d action=list https://qualysapi.qualys.com/api/2.0/fo/asset/ip/)\"\n";
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
}
