//! Scripts whose wrapper functions call each other more often than the
//! analysis follows: the first call not followed gets an AGMS102 note, so
//! that a request past the limit never passes silently.

mod support;

use std::fs;

use support::{ConciseFinding, check_in, parse_concise, stdout};
use tempfile::TempDir;

const SHELL_WRAPPERS: &str = r#"#!/bin/bash
QG=https://qualysapi.qualys.com
qapi() { curl -s -d "$2" "$QG$1"; }
retrack() { qapi /api/2.0/fo/asset/ip/ "action=update&ips=$1&network_id=$2"; }
"#;

const SHELL_BROKEN_CALL: &str =
    "qapi /api/2.0/fo/asset/ip/ \"action=update&ips=192.0.2.7&tracking_method=IP\"\n";

const PYTHON_WRAPPER: &str = "import requests\n\
    URL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'\n\
    def qapi(params):\n\
    \x20   return requests.post(URL, data=params)\n";

const PYTHON_BROKEN_CALL: &str = "qapi({'action': 'update', 'ips': '192.0.2.7'})\n";

/// Runs `check --format concise` on one script and returns its findings.
fn findings(name: &str, text: &str) -> Vec<ConciseFinding> {
    let dir = TempDir::new().expect("temporary folder");
    fs::write(dir.path().join(name), text).expect("write script");
    let output = check_in(dir.path(), &["--isolated", "--format", "concise", name]);
    parse_concise(&stdout(&output))
}

/// A shell script with `calls` correct calls of a two-level wrapper, each
/// of which the analysis follows twice, then one broken call.
fn shell_script(calls: usize) -> String {
    let mut text = SHELL_WRAPPERS.to_string();
    for index in 0..calls {
        text.push_str(&format!(
            "retrack 10.0.{}.{} 42\n",
            index / 250,
            index % 250
        ));
    }
    text.push_str(SHELL_BROKEN_CALL);
    text
}

fn python_script(calls: usize) -> String {
    let mut text = PYTHON_WRAPPER.to_string();
    for index in 0..calls {
        text.push_str(&format!(
            "qapi({{'action': 'update', 'ips': '10.0.0.{}', 'network_id': '42'}})\n",
            index % 250
        ));
    }
    text.push_str(PYTHON_BROKEN_CALL);
    text
}

/// Wrappers that each call the next one twice, `depth` levels deep, and
/// one call of the outermost.
fn fan_script(depth: usize) -> String {
    let mut text = "#!/bin/bash\n\
        w0() { curl -d \"$1\" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/; }\n"
        .to_string();
    for level in 1..=depth {
        let inner = level - 1;
        text.push_str(&format!(
            "w{level}() {{ w{inner} \"$1\"; w{inner} \"$1\"; }}\n"
        ));
    }
    text.push_str(&format!("w{depth} action=update\n"));
    text
}

fn rules_on_line(found: &[ConciseFinding], line: usize) -> Vec<(String, String)> {
    found
        .iter()
        .filter(|finding| finding.line == line)
        .map(|finding| (finding.rule.clone(), finding.severity.clone()))
        .collect()
}

fn note() -> (String, String) {
    ("AGMS102".to_string(), "note".to_string())
}

#[test]
fn shell_call_past_wrapper_budget_gets_note() {
    let text = shell_script(1000);
    let found = findings("retrack.sh", &text);
    let last_line = text.lines().count();
    assert_eq!(rules_on_line(&found, last_line), [note()], "{found:#?}");
    assert!(
        found[0].message.contains("at most 2000 wrapper calls"),
        "{}",
        found[0].message
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn shell_call_within_wrapper_budget_is_checked() {
    let text = shell_script(10);
    let found = findings("retrack.sh", &text);
    let last_line = text.lines().count();
    let error = ("AGMS001".to_string(), "error".to_string());
    assert_eq!(rules_on_line(&found, last_line), [error], "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn python_call_past_call_site_budget_gets_note() {
    let text = python_script(300);
    let found = findings("retrack.py", &text);
    // 256 calls are expanded, so the 257th, on the line after them, is
    // the first one left out.
    let first_left_out = PYTHON_WRAPPER.lines().count() + 257;
    assert_eq!(
        rules_on_line(&found, first_left_out),
        [note()],
        "{found:#?}"
    );
    assert!(
        found[0].message.contains("at most 256 call sites"),
        "{}",
        found[0].message
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn python_call_within_call_site_budget_is_checked() {
    let text = python_script(20);
    let found = findings("retrack.py", &text);
    let last_line = text.lines().count();
    let error = ("AGMS001".to_string(), "error".to_string());
    assert_eq!(rules_on_line(&found, last_line), [error], "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn wrapper_chain_past_depth_limit_gets_note() {
    let found = findings("fan.sh", &fan_script(15));
    // Line 3 contains `w1() { w0 "$1"; ... }`. Followed from the top
    // level, its call of w0 would be the 16th nested call.
    let depth_note = found
        .iter()
        .find(|finding| finding.message.contains("at most 15 deep"))
        .unwrap_or_else(|| panic!("no depth note: {found:#?}"));
    assert_eq!((depth_note.line, depth_note.column), (3, 8));
    assert!(
        found.iter().all(|finding| finding.rule == "AGMS102"),
        "{found:#?}"
    );
}

#[test]
fn wrapper_chain_within_depth_limit_is_checked() {
    let found = findings("fan.sh", &fan_script(5));
    let error = ("AGMS001".to_string(), "error".to_string());
    assert_eq!(rules_on_line(&found, 8), [error], "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
}
