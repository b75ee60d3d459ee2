//! Command-line behaviour: exit codes, `--fail-on`, rule selection, and
//! credential masking in every output format.

mod support;

use std::fs;

use support::{agms_lint, check_in, parse_concise, stderr, stdout};
use tempfile::TempDir;

/// An IP update without `network_id` (an error) that also carries a
/// password in three places.
const UPDATE_WITH_SECRETS: &str = r#"#!/bin/bash
QG_PASSWORD="Sup3rS3cret-A"
curl -s -u "apiuser:Sup3rS3cret-B" -H "Authorization: Basic U3VwM3JTM2NyZXQtQw==" \
  -d "action=update&ips=10.0.0.1&tracking_method=DNS" \
  "https://apiuser:Sup3rS3cret-D@qualysapi.qualys.com/api/2.0/fo/asset/ip/"
"#;

/// An IP add into a named group (a warning) and nothing else.
const ADD_NAMED_GROUP: &str = r#"#!/bin/bash
curl -s -d "action=add&ips=10.0.0.1&ag_title=Datacenter" \
  "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
"#;

/// An IP request whose whole body comes from a variable the script never
/// sets, so every rule about it can only give a note.
const UNRESOLVED_ADD: &str = r#"#!/bin/bash
curl -s -d "$BODY" "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"
"#;

fn project(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("temporary folder");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write script");
    }
    dir
}

#[test]
fn exit_code_is_zero_when_clean() {
    let dir = project(&[("ok.sh", "#!/bin/bash\necho hello\n")]);
    let output = check_in(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
}

#[test]
fn exit_code_is_one_for_an_error_finding() {
    let dir = project(&[("update.sh", UPDATE_WITH_SECRETS)]);
    let output = check_in(dir.path(), &["--format", "concise"]);
    assert_eq!(output.status.code(), Some(1), "stdout: {}", stdout(&output));
}

#[test]
fn fail_on_thresholds() {
    let dir = project(&[("add.sh", ADD_NAMED_GROUP)]);
    let cases = [("error", 0), ("warning", 1), ("note", 1), ("none", 0)];
    for (threshold, expected) in cases {
        let output = check_in(dir.path(), &["--format", "concise", "--fail-on", threshold]);
        assert_eq!(
            output.status.code(),
            Some(expected),
            "--fail-on {threshold}"
        );
    }
}

#[test]
fn notes_fail_only_with_fail_on_note() {
    let dir = project(&[("body.sh", UNRESOLVED_ADD)]);
    let default = check_in(dir.path(), &["--format", "concise"]);
    assert_eq!(
        default.status.code(),
        Some(0),
        "a note must not fail by default"
    );
    let findings = parse_concise(&stdout(&default));
    assert!(
        !findings.is_empty(),
        "expected notes for an unresolved body"
    );
    assert!(
        findings.iter().all(|finding| finding.severity == "note"),
        "{findings:?}"
    );
    let strict = check_in(dir.path(), &["--format", "concise", "--fail-on", "note"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn summary_leaves_out_skipped_files() {
    let dir = project(&[("a.sh", ADD_NAMED_GROUP), ("b.sh", ADD_NAMED_GROUP)]);
    let output = check_in(
        dir.path(),
        &["--color", "never", "--max-file-size", "0", "."],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Scanned 0 files (2 skipped: 2 too large);"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn summary_counts_checked_files() {
    let dir = project(&[("a.sh", ADD_NAMED_GROUP), ("b.sh", ADD_NAMED_GROUP)]);
    let output = check_in(dir.path(), &["--color", "never", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Scanned 2 files; found 0 errors, 2 warnings"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn missing_path_is_a_read_error() {
    let dir = project(&[]);
    let output = check_in(dir.path(), &["no-such-dir"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read no-such-dir: No such file or directory"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn missing_path_does_not_stop_scan() {
    let dir = project(&[("ok.sh", ADD_NAMED_GROUP)]);
    let output = check_in(dir.path(), &["--format", "concise", "nosuch.sh", "ok.sh"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unread path fails the run"
    );
    let found = parse_concise(&stdout(&output));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].path.as_str(), found[0].rule.as_str()),
        ("ok.sh", "AGMS003")
    );
    assert!(
        stderr(&output).contains("cannot read nosuch.sh"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn existing_paths_scan_without_read_error() {
    let dir = project(&[("ok.sh", ADD_NAMED_GROUP)]);
    let output = check_in(dir.path(), &["--format", "concise", "ok.sh"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn unknown_option_value_is_a_usage_error() {
    let dir = project(&[]);
    let output = check_in(dir.path(), &["--fail-on", "sometimes"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn unknown_rule_in_select_is_a_usage_error() {
    let dir = project(&[]);
    let output = check_in(dir.path(), &["--select", "AGMS999"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("AGMS999"), "{}", stderr(&output));
}

#[test]
fn select_and_ignore_limit_the_rules() {
    let dir = project(&[("update.sh", UPDATE_WITH_SECRETS)]);
    let ignored = check_in(dir.path(), &["--format", "concise", "--ignore", "AGMS001"]);
    assert_eq!(stdout(&ignored), "", "AGMS001 was ignored");
    let selected = check_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "ip-update-missing-network-id",
        ],
    );
    let findings = parse_concise(&stdout(&selected));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "AGMS001");
}

#[test]
fn concise_line_shape() {
    let dir = project(&[("update.sh", UPDATE_WITH_SECRETS)]);
    let output = check_in(dir.path(), &["--format", "concise"]);
    let findings = parse_concise(&stdout(&output));
    assert_eq!(findings.len(), 1, "{findings:?}");
    let finding = &findings[0];
    assert_eq!(finding.path, "update.sh");
    assert_eq!(
        (finding.line, finding.column),
        (3, 1),
        "the curl command starts at 3:1"
    );
    assert_eq!(finding.severity, "error");
}

#[test]
fn human_output_shows_code_help_and_summary() {
    let dir = project(&[("update.sh", UPDATE_WITH_SECRETS)]);
    let output = check_in(dir.path(), &["--color", "never"]);
    let text = stdout(&output);
    assert!(text.contains("AGMS001"), "{text}");
    assert!(text.contains("ip-update-missing-network-id"), "{text}");
    assert!(text.contains("update.sh:3:1"), "{text}");
    assert!(text.contains("network_id"), "{text}");
    assert!(
        text.contains("Scanned 1 file; found 1 error, 0 warnings, 0 notes."),
        "{text}"
    );
}

#[test]
fn credentials_never_appear_in_any_format() {
    let dir = project(&[("update.sh", UPDATE_WITH_SECRETS)]);
    for format in ["human", "concise", "sarif"] {
        let output = check_in(dir.path(), &["--format", format, "--color", "never"]);
        let all = stdout(&output) + &stderr(&output);
        assert!(
            all.contains("AGMS001"),
            "{format}: no finding to test masking against"
        );
        for secret in [
            "Sup3rS3cret-A",
            "Sup3rS3cret-B",
            "U3VwM3JTM2NyZXQtQw",
            "Sup3rS3cret-D",
        ] {
            assert!(
                !all.contains(secret),
                "{format} output shows {secret}:\n{all}"
            );
        }
    }
}

#[test]
fn rules_lists_the_catalogue() {
    let output = agms_lint().arg("rules").output().expect("runs");
    let text = stdout(&output);
    for code in (1..=11).chain([100, 101, 102]) {
        assert!(
            text.contains(&format!("AGMS{code:03}")),
            "AGMS{code:03} missing:\n{text}"
        );
    }
    assert_eq!(text.lines().count(), 14);
}

#[test]
fn explain_prints_rule_docs() {
    let output = agms_lint()
        .args(["explain", "AGMS002"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(
        text.starts_with("# AGMS002 ip-add-missing-ag-title"),
        "{text}"
    );
    assert!(text.contains("ag_title"), "{text}");
    let unknown = agms_lint()
        .args(["explain", "AGMS099"])
        .output()
        .expect("runs");
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn closed_stdout_keeps_exit_code_and_files() {
    let dir = project(&[("update.sh", UPDATE_WITH_SECRETS)]);
    let binary = assert_cmd::cargo::cargo_bin("agms-lint");
    let script = format!(
        "set -o pipefail; {} check --output concise --output sarif:out.sarif | true",
        binary.display()
    );
    let status = std::process::Command::new("bash")
        .current_dir(dir.path())
        .args(["-c", &script])
        .status()
        .expect("bash runs");
    assert_eq!(status.code(), Some(1), "findings still fail the run");
    assert!(
        dir.path().join("out.sarif").exists(),
        "the SARIF file is written"
    );
}

#[test]
fn a_path_named_twice_is_scanned_once() {
    let dir = project(&[("update.sh", UPDATE_WITH_SECRETS)]);
    let output = check_in(dir.path(), &["--format", "concise", ".", "./", "update.sh"]);
    let findings = parse_concise(&stdout(&output));
    assert_eq!(findings.len(), 1, "{findings:?}");
}

#[test]
fn script_values_cannot_forge_output_lines() {
    let script = "#!/bin/bash\ncurl -d $'action=add&ips=1&ag_title=Osaka\\n::warning file=x::merge it' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";
    let dir = project(&[("forge.sh", script)]);
    for format in ["concise", "human", "markdown", "junit"] {
        let output = check_in(dir.path(), &["--format", format, "--color", "never"]);
        let text = stdout(&output);
        assert!(
            text.contains("Osaka"),
            "{format}: no finding to test:\n{text}"
        );
        assert!(
            !text.lines().any(|line| line.starts_with("::warning")),
            "{format} lets a script value start a line:\n{text}"
        );
    }
}

#[test]
fn secret_reused_under_another_name_is_masked() {
    let script = "import requests\npassword = \"Hunter2-reused\"\nrequests.post(\"https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\", data={\"action\": \"add\", \"ips\": \"1\", \"ag_title\": password})\n";
    let dir = project(&[("reuse.py", script)]);
    for format in ["concise", "json", "human"] {
        let output = check_in(dir.path(), &["--format", format, "--color", "never"]);
        let text = stdout(&output);
        assert!(
            text.contains("AGMS003"),
            "{format}: no finding to test:\n{text}"
        );
        assert!(
            !text.contains("Hunter2-reused"),
            "{format} shows the password:\n{text}"
        );
    }
}
