//! Statements that change a variable without the new value being known:
//! a call of a function that assigns it, `read` and its kin, and `.` or
//! `source`. A request that uses such a variable names it as unresolved.

use super::*;

const URL: &str = "https://h/api/2.0/fo/asset/ip/";

#[test]
fn function_assigning_body_changes_it() {
    let script = format!(
        "BODY=\"action=update&ips=1\"\nadd_net() {{ BODY=\"$BODY&network_id=$N\"; }}\nadd_net\ncurl -d \"$BODY\" {URL}\n"
    );
    let site = only_site(&script);
    assert_eq!(unresolved(&site), ["$BODY after add_net"]);
    assert_eq!(literal(&site, "action"), "update");
}

#[test]
fn function_with_local_changes_nothing() {
    let script = format!(
        "BODY=\"action=update&ips=1\"\nshow() {{ local BODY=x; echo \"$BODY\"; }}\nshow\ncurl -d \"$BODY\" {URL}\n"
    );
    assert!(only_site(&script).is_complete());
}

#[test]
fn function_not_called_changes_nothing() {
    let script = format!(
        "BODY=\"action=update&ips=1\"\nadd_net() {{ BODY=\"$BODY&network_id=$N\"; }}\ncurl -d \"$BODY\" {URL}\n"
    );
    assert!(only_site(&script).is_complete());
}

#[test]
fn read_into_assigned_variable() {
    let script =
        format!("EXTRA=\"\"\nread -r EXTRA <x\ncurl -d \"action=update&ips=1$EXTRA\" {URL}\n");
    assert_eq!(unresolved(&only_site(&script)), ["$EXTRA after read"]);
}

#[test]
fn read_into_new_variable_is_a_value() {
    let script = format!("read -r IP <x\ncurl -d \"action=update&ips=$IP\" {URL}\n");
    let site = only_site(&script);
    assert!(site.is_complete());
    assert_eq!(dynamic(&site, "ips"), "$IP");
}

#[test]
fn other_builtins_change_variables() {
    for statement in [
        "printf -v EXTRA '%s' x",
        "getopts n: EXTRA",
        "mapfile EXTRA <x",
    ] {
        let script =
            format!("EXTRA=\"\"\n{statement}\ncurl -d \"action=update&ips=1$EXTRA\" {URL}\n");
        let site = only_site(&script);
        assert!(!site.is_complete(), "after {statement}: {site:?}");
    }
}

#[test]
fn source_changes_earlier_values() {
    let script =
        format!("EXTRA=\"\"\nsource ./conf.sh\ncurl -d \"action=update&ips=1$EXTRA\" {URL}\n");
    assert_eq!(
        unresolved(&only_site(&script)),
        ["$EXTRA after source ./conf.sh"]
    );
}

#[test]
fn assignment_after_source_is_known() {
    let script = format!(". ./conf.sh\nEXTRA=\"\"\ncurl -d \"action=update&ips=1$EXTRA\" {URL}\n");
    assert!(only_site(&script).is_complete());
}
