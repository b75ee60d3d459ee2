//! Configuration files as the binary reads them: each key of
//! `agms-lint.toml` and of `[tool.agms-lint]` in `pyproject.toml`,
//! `--config` and `--isolated`, and the errors for invalid files.

mod support;

use std::fs;
use std::path::Path;

use support::{check_in, parse_concise, stderr, stdout};
use tempfile::TempDir;

/// An IP update without `network_id` (AGMS001, error), an IP add into a
/// named group (AGMS003, warning) and a scan list (AGMS011, note), on
/// lines 3, 4 and 5.
const MIXED: &str = r#"#!/bin/bash
QG_API="https://qualysapi.qualys.com"
curl -s -d "action=update&ips=10.0.0.1" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -d "action=add&ips=10.0.0.2&ag_title=Datacenter&network_id=7" "$QG_API/api/2.0/fo/asset/ip/"
curl -s -d "action=list" "$QG_API/api/2.0/fo/scan/"
"#;

/// Creates a project folder with `mixed.sh` and the given files. Its `.git`
/// folder stops the search for configuration files, so files that other
/// programs leave in the temporary folder above cannot change the result.
fn project(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("temporary folder");
    fs::create_dir(dir.path().join(".git")).expect("create .git");
    write(dir.path(), "mixed.sh", MIXED);
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create folder");
    }
    fs::write(path, text).expect("write file");
}

/// Runs `check` in `dir` and returns `(path, line, rule, severity)` for
/// each finding, sorted.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, usize, String, String)> {
    let mut all_args = vec!["--format", "concise", "--fail-on", "none"];
    all_args.extend_from_slice(args);
    let output = check_in(dir, &all_args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "agms-lint failed: {}",
        stderr(&output)
    );
    let mut found: Vec<_> = parse_concise(&stdout(&output))
        .into_iter()
        .map(|finding| {
            let path = finding.path.trim_start_matches("./").to_string();
            (path, finding.line, finding.rule, finding.severity)
        })
        .collect();
    found.sort();
    found
}

fn finding(path: &str, line: usize, rule: &str, severity: &str) -> (String, usize, String, String) {
    (path.into(), line, rule.into(), severity.into())
}

fn mixed_defaults() -> Vec<(String, usize, String, String)> {
    vec![
        finding("mixed.sh", 3, "AGMS001", "error"),
        finding("mixed.sh", 4, "AGMS003", "warning"),
        finding("mixed.sh", 5, "AGMS011", "note"),
    ]
}

/// Runs `check` on a project whose configuration is invalid and returns
/// its standard error, after checking that it exits with 2.
fn config_error(files: &[(&str, &str)]) -> String {
    let dir = project(files);
    let output = check_in(dir.path(), &["--format", "concise"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "stdout: {}\nstderr: {}",
        stdout(&output),
        stderr(&output)
    );
    stderr(&output)
}

#[test]
fn no_config_gives_default_severities() {
    let dir = project(&[]);
    assert_eq!(findings(dir.path(), &[]), mixed_defaults());
}

#[test]
fn profile_table_narrows_rules() {
    let networks_off = project(&[(
        "agms-lint.toml",
        "[profile]\nnetworks = \"off\"\nall-group = \"assigned\"\n",
    )]);
    assert_eq!(
        findings(networks_off.path(), &[]),
        [
            finding("mixed.sh", 4, "AGMS003", "error"),
            finding("mixed.sh", 5, "AGMS011", "note"),
        ],
        "networks off silences AGMS001 and an assigned All group raises AGMS003"
    );

    let manager = project(&[("agms-lint.toml", "[profile]\nrole = \"manager\"\n")]);
    assert_eq!(
        findings(manager.path(), &[]),
        [finding("mixed.sh", 5, "AGMS011", "note")],
        "a manager is not restricted by AGMS001 or AGMS003"
    );

    let not_assigned = project(&[(
        "agms-lint.toml",
        "[profile]\nall-group = \"not-assigned\"\n",
    )]);
    assert_eq!(
        findings(not_assigned.path(), &[]),
        [
            finding("mixed.sh", 3, "AGMS001", "error"),
            finding("mixed.sh", 5, "AGMS011", "note"),
        ],
        "a user without the All group may name another group"
    );
}

#[test]
fn select_runs_only_listed_rules() {
    let dir = project(&[(
        "agms-lint.toml",
        "select = [\"AGMS003\", \"scan-list-scope-changed\"]\n",
    )]);
    assert_eq!(
        findings(dir.path(), &[]),
        [
            finding("mixed.sh", 4, "AGMS003", "warning"),
            finding("mixed.sh", 5, "AGMS011", "note"),
        ]
    );
}

#[test]
fn ignore_skips_listed_rules() {
    let dir = project(&[(
        "agms-lint.toml",
        "ignore = [\"ip-update-missing-network-id\", \"AGMS011\"]\n",
    )]);
    assert_eq!(
        findings(dir.path(), &[]),
        [finding("mixed.sh", 4, "AGMS003", "warning")]
    );
}

#[test]
fn severity_table_replaces_defaults() {
    let dir = project(&[(
        "agms-lint.toml",
        "[severity]\nAGMS011 = \"error\"\nip-update-missing-network-id = \"note\"\n",
    )]);
    assert_eq!(
        findings(dir.path(), &[]),
        [
            finding("mixed.sh", 3, "AGMS001", "note"),
            finding("mixed.sh", 4, "AGMS003", "warning"),
            finding("mixed.sh", 5, "AGMS011", "error"),
        ]
    );
    let output = check_in(dir.path(), &["--format", "concise"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the raised AGMS011 fails the run"
    );
}

#[test]
fn exclude_skips_matching_paths() {
    let dir = project(&[
        (
            "agms-lint.toml",
            "exclude = [\"vendor/**\", \"*.generated.sh\"]\n",
        ),
        ("vendor/lib/mixed.sh", MIXED),
        ("build.generated.sh", MIXED),
        ("scripts/mixed.sh", MIXED),
    ]);
    let found = findings(dir.path(), &[]);
    let paths: Vec<&str> = found.iter().map(|(path, ..)| path.as_str()).collect();
    assert!(
        !paths.iter().any(|path| path.starts_with("vendor/")),
        "{found:?}"
    );
    assert!(!paths.contains(&"build.generated.sh"), "{found:?}");
    assert_eq!(
        paths
            .iter()
            .filter(|path| **path == "scripts/mixed.sh")
            .count(),
        3,
        "{found:?}"
    );
    assert_eq!(
        paths.iter().filter(|path| **path == "mixed.sh").count(),
        3,
        "{found:?}"
    );
}

#[test]
fn pyproject_table_sets_every_key() {
    let pyproject = r#"[project]
name = "qualys-scripts"

[tool.black]
line-length = 100

[tool.agms-lint]
ignore = ["AGMS011"]
exclude = ["vendor/**"]

[tool.agms-lint.profile]
networks = "off"

[tool.agms-lint.severity]
AGMS003 = "note"
"#;
    let dir = project(&[("pyproject.toml", pyproject), ("vendor/mixed.sh", MIXED)]);
    assert_eq!(
        findings(dir.path(), &[]),
        [finding("mixed.sh", 4, "AGMS003", "note")]
    );
}

#[test]
fn pyproject_without_table_is_no_config() {
    let dir = project(&[("pyproject.toml", "[tool.black]\nline-length = 100\n")]);
    assert_eq!(findings(dir.path(), &[]), mixed_defaults());
}

#[test]
fn agms_lint_toml_wins_over_pyproject() {
    let dir = project(&[
        ("agms-lint.toml", "ignore = [\"AGMS011\"]\n"),
        (
            "pyproject.toml",
            "[tool.agms-lint]\nignore = [\"AGMS001\"]\n",
        ),
    ]);
    assert_eq!(
        findings(dir.path(), &[]),
        [
            finding("mixed.sh", 3, "AGMS001", "error"),
            finding("mixed.sh", 4, "AGMS003", "warning"),
        ]
    );
}

#[test]
fn config_in_a_parent_folder_applies() {
    let dir = project(&[
        ("agms-lint.toml", "ignore = [\"AGMS011\"]\n"),
        ("scripts/deep/mixed.sh", MIXED),
    ]);
    let found = findings(&dir.path().join("scripts"), &[]);
    assert_eq!(
        found,
        [
            finding("deep/mixed.sh", 3, "AGMS001", "error"),
            finding("deep/mixed.sh", 4, "AGMS003", "warning"),
        ]
    );
}

#[test]
fn command_line_wins_over_config() {
    let dir = project(&[(
        "agms-lint.toml",
        "ignore = [\"AGMS011\"]\n[profile]\nrole = \"manager\"\n",
    )]);
    assert_eq!(
        findings(
            dir.path(),
            &["--role", "unit-manager", "--ignore", "AGMS003"]
        ),
        [
            finding("mixed.sh", 3, "AGMS001", "error"),
            finding("mixed.sh", 5, "AGMS011", "note"),
        ]
    );
}

#[test]
fn config_option_replaces_discovery() {
    let dir = project(&[
        ("agms-lint.toml", "ignore = [\"AGMS001\"]\n"),
        (
            "ci/strict.toml",
            "[severity]\nAGMS001 = \"note\"\nAGMS003 = \"error\"\n",
        ),
    ]);
    assert_eq!(
        findings(dir.path(), &["--config", "ci/strict.toml"]),
        [
            finding("mixed.sh", 3, "AGMS001", "note"),
            finding("mixed.sh", 4, "AGMS003", "error"),
            finding("mixed.sh", 5, "AGMS011", "note"),
        ]
    );
}

#[test]
fn config_option_reads_pyproject_table() {
    let dir = project(&[(
        "ci/pyproject.toml",
        "[tool.agms-lint]\nselect = [\"AGMS011\"]\n",
    )]);
    assert_eq!(
        findings(dir.path(), &["--config", "ci/pyproject.toml"]),
        [finding("mixed.sh", 5, "AGMS011", "note")]
    );
}

#[test]
fn missing_config_option_file_is_an_error() {
    let dir = project(&[]);
    let output = check_in(dir.path(), &["--config", "missing.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("missing.toml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn isolated_ignores_config_files() {
    let dir = project(&[
        (
            "agms-lint.toml",
            "select = [\"AGMS011\"]\n[profile]\nrole = \"manager\"\n",
        ),
        (
            "pyproject.toml",
            "[tool.agms-lint]\nignore = [\"AGMS001\"]\n",
        ),
    ]);
    assert_eq!(findings(dir.path(), &["--isolated"]), mixed_defaults());
}

#[test]
fn isolated_skips_even_an_invalid_file() {
    let dir = project(&[("agms-lint.toml", "[profile]\nrole = \"admin\"\n")]);
    assert_eq!(findings(dir.path(), &["--isolated"]), mixed_defaults());
}

#[test]
fn unknown_key_error_names_file_line_and_keys() {
    let message = config_error(&[(
        "agms-lint.toml",
        "[profile]\nrole = \"scanner\"\nnetwroks = \"on\"\n",
    )]);
    assert!(message.contains("agms-lint.toml"), "{message}");
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("profile.netwroks"), "{message}");
    assert!(
        message.contains("`role`, `networks`, `all-group`"),
        "{message}"
    );
}

#[test]
fn unknown_top_level_key_lists_keys() {
    let message = config_error(&[("agms-lint.toml", "selct = [\"AGMS001\"]\n")]);
    assert!(message.contains("line 1"), "{message}");
    assert!(message.contains("`selct`"), "{message}");
    assert!(
        message.contains("`select`, `ignore`, `exclude`, `profile`, `severity`"),
        "{message}"
    );
}

#[test]
fn bad_value_error_names_key_and_accepted_values() {
    let cases = [
        (
            "[profile]\nrole = \"admin\"\n",
            "profile.role",
            "`manager`, `unit-manager`, `scanner`, `unknown`",
        ),
        (
            "\n[profile]\nnetworks = true\n",
            "profile.networks",
            "`on`, `off`, `unknown`",
        ),
        (
            "[profile]\nall-group = \"yes\"\n",
            "profile.all-group",
            "`assigned`, `not-assigned`, `unknown`",
        ),
        (
            "[severity]\nAGMS003 = \"fatal\"\n",
            "severity.AGMS003",
            "`note`, `warning`, `error`",
        ),
    ];
    for (text, key, accepted) in cases {
        let message = config_error(&[("agms-lint.toml", text)]);
        let line = text.lines().position(|line| line.contains('=')).unwrap() + 1;
        assert!(message.contains("agms-lint.toml"), "{text}: {message}");
        assert!(
            message.contains(&format!("line {line}")),
            "{text}: {message}"
        );
        assert!(message.contains(&format!("`{key}`")), "{text}: {message}");
        assert!(message.contains(accepted), "{text}: {message}");
    }
}

#[test]
fn bad_value_in_pyproject_names_its_table() {
    let text = "[tool.agms-lint.profile]\nrole = \"boss\"\n";
    let message = config_error(&[("pyproject.toml", text)]);
    assert!(message.contains("pyproject.toml"), "{message}");
    assert!(message.contains("line 2"), "{message}");
    assert!(
        message.contains("`tool.agms-lint.profile.role`"),
        "{message}"
    );
    assert!(message.contains("`unit-manager`"), "{message}");
}

#[test]
fn unknown_rule_error_names_line_and_list() {
    let message = config_error(&[("agms-lint.toml", "\nignore = [\"AGMS099\"]\n")]);
    assert!(message.contains("agms-lint.toml"), "{message}");
    assert!(message.contains("line 2"), "{message}");
    assert!(message.contains("AGMS099"), "{message}");
    assert!(message.contains("`ignore`"), "{message}");
}

#[test]
fn bad_toml_error_names_file_and_line() {
    let message = config_error(&[("agms-lint.toml", "[profile]\nrole = \"scanner\n")]);
    assert!(message.contains("invalid config file"), "{message}");
    assert!(message.contains("agms-lint.toml"), "{message}");
    assert!(message.contains("line 2"), "{message}");
}

#[test]
fn exclude_holds_from_any_folder_and_for_named_files() {
    let dir = project(&[
        ("agms-lint.toml", "exclude = [\"vendor/**\"]\n"),
        ("vendor/mixed.sh", MIXED),
        ("scripts/mixed.sh", MIXED),
    ]);
    let root_name = dir
        .path()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    let parent = dir.path().parent().unwrap();
    let from_parent = findings(parent, &[&root_name]);
    assert!(!from_parent.is_empty(), "scripts/ is still checked");
    assert!(
        from_parent
            .iter()
            .all(|(path, ..)| !path.contains("vendor/")),
        "run from the parent folder: {from_parent:?}"
    );
    let from_inside = findings(&dir.path().join("scripts"), &["../vendor", "."]);
    assert!(
        from_inside
            .iter()
            .all(|(path, ..)| !path.contains("vendor")),
        "run from a subfolder: {from_inside:?}"
    );
    let named = findings(dir.path(), &["vendor/mixed.sh"]);
    assert_eq!(
        named,
        vec![],
        "a file named on the command line is excluded too"
    );
}

#[test]
fn excluded_named_file_gets_warning() {
    let dir = project(&[
        ("agms-lint.toml", "exclude = [\"vendor/**\"]\n"),
        ("vendor/mixed.sh", MIXED),
    ]);
    let output = check_in(dir.path(), &["vendor/mixed.sh"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("vendor/mixed.sh: not checked, it matches an `exclude` glob"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn named_file_not_excluded_gets_no_warning() {
    let dir = project(&[("agms-lint.toml", "exclude = [\"vendor/**\"]\n")]);
    let output = check_in(dir.path(), &["mixed.sh"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("not checked"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn exclude_applies_with_relative_config_option() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[tool.agms-lint]\nexclude = [\"sub/vendor/**\"]\n",
        ),
        ("sub/vendor/mixed.sh", MIXED),
        ("sub/mixed.sh", MIXED),
    ]);
    let expected = [finding("sub/mixed.sh", 3, "AGMS001", "error")];
    for config in [
        "pyproject.toml",
        "./pyproject.toml",
        "sub/../pyproject.toml",
    ] {
        let found = findings(
            dir.path(),
            &["--select", "AGMS001", "--config", config, "sub"],
        );
        assert_eq!(found, expected, "--config {config}");
    }
    let from_sub = findings(
        &dir.path().join("sub"),
        &["--select", "AGMS001", "--config", "../pyproject.toml", "."],
    );
    assert_eq!(from_sub, [finding("mixed.sh", 3, "AGMS001", "error")]);
}

#[test]
fn paths_above_working_folder_keep_given_form() {
    let dir = project(&[
        ("agms-lint.toml", "exclude = [\"vendor/**\"]\n"),
        ("vendor/mixed.sh", MIXED),
        ("mixed.sh", MIXED),
        ("sub/keep.txt", "placeholder\n"),
    ]);
    let found = findings(&dir.path().join("sub"), &["--select", "AGMS001", ".."]);
    assert_eq!(found, [finding("../mixed.sh", 3, "AGMS001", "error")]);
}
