//! Every output format on one shared set of findings, as snapshots. JSON,
//! SARIF and GitLab output are parsed before they are compared, and JSON
//! is validated against its published schema.

mod support;

use serde_json::Value;
use support::{check_in, crate_dir, stdout};

fn fixture_output(format: &str) -> String {
    let dir = crate_dir().join("tests").join("fixtures");
    let output = check_in(
        &dir,
        &[
            "formats",
            "--format",
            format,
            "--fail-on",
            "none",
            "--color",
            "never",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "--format {format}");
    stdout(&output)
}

fn fixture_json(format: &str) -> Value {
    serde_json::from_str(&fixture_output(format))
        .unwrap_or_else(|error| panic!("--format {format} is not JSON: {error}"))
}

/// The version changes with every release; snapshots should not.
fn without_versions(mut document: Value) -> Value {
    if let Some(tool) = document.pointer_mut("/tool/version") {
        *tool = Value::from("VERSION");
    }
    for key in [
        "/runs/0/tool/driver/version",
        "/runs/0/tool/driver/semanticVersion",
    ] {
        if let Some(version) = document.pointer_mut(key) {
            *version = Value::from("VERSION");
        }
    }
    document
}

#[test]
fn concise_format() {
    insta::assert_snapshot!(fixture_output("concise"));
}

#[test]
fn human_format() {
    insta::assert_snapshot!(fixture_output("human"));
}

#[test]
fn github_format() {
    insta::assert_snapshot!(fixture_output("github"));
}

#[test]
fn markdown_format() {
    insta::assert_snapshot!(fixture_output("markdown"));
}

#[test]
fn junit_format() {
    insta::assert_snapshot!(fixture_output("junit"));
}

#[test]
fn json_format() {
    insta::assert_json_snapshot!(without_versions(fixture_json("json")));
}

#[test]
fn json_lines_format() {
    let lines: Vec<Value> = fixture_output("json-lines")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    let document = fixture_json("json");
    assert_eq!(
        &Value::from(lines),
        &document["findings"],
        "json-lines holds the same findings as json"
    );
}

#[test]
fn gitlab_format() {
    let issues = fixture_json("gitlab");
    let fingerprints: Vec<&str> = issues
        .as_array()
        .expect("array")
        .iter()
        .map(|issue| issue["fingerprint"].as_str().expect("fingerprint"))
        .collect();
    let mut unique = fingerprints.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        fingerprints.len(),
        "GitLab fingerprints must be unique"
    );
    insta::assert_json_snapshot!(issues);
}

#[test]
fn sarif_results() {
    let document = without_versions(fixture_json("sarif"));
    insta::assert_json_snapshot!(document["runs"][0]["results"]);
}

#[test]
fn json_matches_its_schema() {
    let schema_text = std::fs::read_to_string(crate_dir().join("docs").join("output.schema.json"))
        .expect("docs/output.schema.json is readable");
    let schema: Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let document = fixture_json("json");
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|error| format!("{error} at {}", error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
