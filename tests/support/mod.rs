//! Helpers shared by the integration tests: running the real binary and
//! reading its concise output.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The folder that holds the crate, so tests do not depend on where
/// `cargo test` was started.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared SARIF schemas and vectors live beside the checkout.
pub fn shared_dir() -> PathBuf {
    crate_dir().join("..").join("shared")
}

/// Returns a file from `shared/sarif/` beside the checkout. In CI (`CI`
/// set) a missing file fails the test; on a developer's machine without
/// that folder the test is skipped with a message on stderr, so that the
/// rest of the suite still runs.
pub fn shared_sarif_file(name: &str) -> Option<PathBuf> {
    let path = shared_dir().join("sarif").join(name);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing; CI must provide the shared SARIF files",
        path.display()
    );
    eprintln!("skipped: {} not found", path.display());
    None
}

pub fn agms_lint() -> Command {
    let mut command = Command::cargo_bin("agms-lint").expect("binary is built");
    command
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    command.env_remove("AGMS_LINT_LOG");
    command
}

/// Runs `agms-lint check` in `dir` with extra arguments.
pub fn check_in(dir: &Path, args: &[&str]) -> Output {
    agms_lint()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .output()
        .expect("agms-lint runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// One line of `--format concise`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ConciseFinding {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub rule: String,
    pub severity: String,
    pub message: String,
}

/// Parses `path:line:col: CODE [severity] message` lines.
pub fn parse_concise(text: &str) -> Vec<ConciseFinding> {
    text.lines()
        .map(|line| {
            let (location, rest) = line
                .split_once(": ")
                .unwrap_or_else(|| panic!("not a concise line: {line:?}"));
            let mut parts = location.rsplitn(3, ':');
            let column = parts.next().and_then(|text| text.parse().ok());
            let line_number = parts.next().and_then(|text| text.parse().ok());
            let path = parts.next();
            let (rule, rest) = rest.split_once(' ').expect("rule code");
            let (severity, message) = rest.split_once("] ").expect("severity");
            ConciseFinding {
                path: path.expect("path").to_string(),
                line: line_number.expect("line number"),
                column: column.expect("column"),
                rule: rule.to_string(),
                severity: severity.trim_start_matches('[').to_string(),
                message: message.to_string(),
            }
        })
        .collect()
}
