//! Runs every script under `testdata/` through the binary and compares its
//! findings with the ones marked inline in the script.
//!
//! Markers: `# expect: AGMS001[error]` at the end of a line expects that
//! finding on that line; a line holding only `# expect-next: AGMS001[error]`
//! expects it on the next line that is not itself a marker line, which is
//! how a multi-line command is marked. Several findings are separated by
//! commas. A first-lines comment `# args: --role manager` adds arguments.
//! A script without markers must produce no finding at all.

mod support;

use std::path::{Path, PathBuf};

use support::{check_in, crate_dir, parse_concise, stderr, stdout};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    line: usize,
    rule: String,
    severity: String,
}

fn testdata_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![crate_dir().join("testdata")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("testdata folder is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("sh" | "py")) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn parse_markers(text: &str) -> (Vec<Expected>, Vec<String>) {
    let mut expected = Vec::new();
    let mut pending: Vec<(String, String)> = Vec::new();
    let mut args = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("# args:") {
            args.extend(rest.split_whitespace().map(str::to_string));
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("# expect-next:") {
            pending.extend(parse_codes(rest));
            continue;
        }
        let line_number = index + 1;
        for (rule, severity) in pending.drain(..) {
            expected.push(Expected {
                line: line_number,
                rule,
                severity,
            });
        }
        if let Some((_, rest)) = line.split_once("# expect:") {
            for (rule, severity) in parse_codes(rest) {
                expected.push(Expected {
                    line: line_number,
                    rule,
                    severity,
                });
            }
        }
    }
    assert!(
        pending.is_empty(),
        "an expect-next marker has no line after it"
    );
    expected.sort();
    (expected, args)
}

fn parse_codes(text: &str) -> Vec<(String, String)> {
    text.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(|code| {
            let (rule, severity) = code
                .split_once('[')
                .unwrap_or_else(|| panic!("marker {code:?} needs a [severity]"));
            (rule.to_string(), severity.trim_end_matches(']').to_string())
        })
        .collect()
}

fn actual_findings(file: &Path, args: &[String]) -> Vec<Expected> {
    let folder = file.parent().expect("file has a folder");
    let name = file.file_name().unwrap().to_str().unwrap();
    let mut all_args = vec!["--format", "concise", "--fail-on", "none", name];
    all_args.extend(args.iter().map(String::as_str));
    let output = check_in(folder, &all_args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}: agms-lint failed: {}",
        file.display(),
        stderr(&output)
    );
    let mut found: Vec<Expected> = parse_concise(&stdout(&output))
        .into_iter()
        .map(|finding| Expected {
            line: finding.line,
            rule: finding.rule,
            severity: finding.severity,
        })
        .collect();
    found.sort();
    found
}

#[test]
fn testdata_findings_match_markers() {
    let files = testdata_files();
    assert!(
        files.len() > 10,
        "testdata holds only {} scripts",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("testdata is UTF-8");
        let (expected, args) = parse_markers(&text);
        let found = actual_findings(file, &args);
        if found != expected {
            let relative = file.strip_prefix(crate_dir()).unwrap_or(file);
            failures.push(format!(
                "{}\n  expected: {expected:?}\n  found:    {found:?}",
                relative.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} scripts differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
