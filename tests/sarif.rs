//! SARIF output is valid against the OASIS SARIF 2.1.0 schema and the copy
//! GitHub code scanning validates uploads with, and has the fields that
//! code-scanning dashboards read.

mod support;

use serde_json::Value;
use support::{check_in, crate_dir, shared_sarif_file, stdout};

fn sarif_for_testdata() -> Value {
    let output = check_in(
        &crate_dir(),
        &["testdata", "--format", "sarif", "--fail-on", "none"],
    );
    assert_eq!(output.status.code(), Some(0));
    serde_json::from_str(&stdout(&output)).expect("SARIF output is JSON")
}

fn schema(name: &str) -> Option<Value> {
    let path = shared_sarif_file(name)?;
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read schema {}: {error}", path.display()));
    Some(serde_json::from_str(&text).expect("schema is JSON"))
}

/// GitHub's copy of the schema puts a region's `anyOf` (a region needs a
/// start line, a character offset or a byte offset) inside `properties`,
/// where draft 2020-12 does not allow it, so a strict validator rejects the
/// schema itself. Moving it up one level gives the check it was meant to be.
fn repair_region_any_of(schema: &mut Value) {
    let region = &mut schema["definitions"]["region"];
    if let Some(any_of) = region["properties"]
        .as_object_mut()
        .and_then(|props| props.remove("anyOf"))
    {
        region["anyOf"] = any_of;
    }
}

fn assert_valid(document: &Value, schema_name: &str) {
    let Some(mut schema) = schema(schema_name) else {
        return;
    };
    repair_region_any_of(&mut schema);
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(document)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema_name}:\n{}", errors.join("\n"));
}

#[test]
fn sarif_is_valid_against_the_oasis_schema() {
    assert_valid(&sarif_for_testdata(), "sarif-schema-2.1.0.json");
}

#[test]
fn sarif_is_valid_against_githubs_schema() {
    assert_valid(
        &sarif_for_testdata(),
        "github-codeql-action-sarif-schema-2.1.0.json",
    );
}

#[test]
fn sarif_results_have_relative_locations() {
    let document = sarif_for_testdata();
    let results = document["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty(), "testdata produced no results");
    for result in results {
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(
            uri.starts_with("testdata/"),
            "uri {uri:?} is not relative to the current folder"
        );
        assert!(!uri.contains('\\'), "uri {uri:?} has a backslash");
        let region = &location["region"];
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                region[key].as_u64().is_some_and(|n| n >= 1),
                "{key} missing in {region}"
            );
        }
        assert!(
            result["message"]["text"]
                .as_str()
                .is_some_and(|text| !text.is_empty())
        );
        let level = result["level"].as_str().expect("level");
        assert!(
            ["error", "warning", "note"].contains(&level),
            "level {level}"
        );
    }
}

#[test]
fn sarif_driver_lists_every_rule_with_help() {
    let document = sarif_for_testdata();
    let driver = &document["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "agms-lint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 14);
    for rule in rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            let text = rule[key]["text"].as_str().unwrap_or_default();
            assert!(!text.is_empty(), "rule {} has no {key}", rule["id"]);
        }
    }
}

fn line_hashes(document: &Value) -> Vec<String> {
    let results = document["runs"][0]["results"].as_array().expect("results");
    results
        .iter()
        .map(|result| {
            let hash = &result["partialFingerprints"]["primaryLocationLineHash"];
            hash.as_str().expect("primaryLocationLineHash").to_string()
        })
        .collect()
}

#[test]
fn sarif_beside_another_output_keeps_its_line_hashes() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let file = folder.path().join("results.sarif");
    let target = format!("sarif:{}", file.display());
    let output = check_in(
        &crate_dir(),
        &[
            "testdata",
            "--output",
            &target,
            "--output",
            "concise",
            "--fail-on",
            "none",
        ],
    );

    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        support::stderr(&output)
    );

    let written = std::fs::read_to_string(&file).expect("SARIF file written");
    let beside: Value = serde_json::from_str(&written).expect("SARIF file is JSON");
    let hashes = line_hashes(&beside);
    assert!(!hashes.is_empty(), "testdata produced no results");
    assert!(
        hashes.iter().all(|hash| is_line_hash(hash)),
        "malformed line hashes: {hashes:?}"
    );

    assert_eq!(hashes, line_hashes(&sarif_for_testdata()));
}

/// Returns whether `hash` has the shape of GitHub's line hash: up to 16
/// hexadecimal digits without leading zeros, a colon and a count from 1.
fn is_line_hash(hash: &str) -> bool {
    hash.split_once(':').is_some_and(|(hex, count)| {
        (1..=16).contains(&hex.len())
            && hex.chars().all(|c| c.is_ascii_hexdigit())
            && count.parse::<u32>().is_ok_and(|n| n >= 1)
    })
}

/// Runs `check` with a SARIF file and concise standard output on one script
/// that sends `lines` IP updates without `network_id`, each an AGMS001
/// error.
fn sarif_beside_concise(lines: usize) -> (std::process::Output, tempfile::TempDir) {
    let dir = tempfile::TempDir::new().expect("temporary folder");
    let line = "curl -d \"action=update&ips=10.0.0.1\" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";
    let script = format!("#!/bin/bash\n{}", line.repeat(lines));
    std::fs::write(dir.path().join("many.sh"), script).expect("write script");
    let output = check_in(
        dir.path(),
        &[
            "--isolated",
            "--max-parse-size",
            "100000000",
            "--output",
            "sarif:out.sarif",
            "--output",
            "concise",
            "many.sh",
        ],
    );
    (output, dir)
}

#[test]
fn sarif_over_limit_keeps_other_outputs() {
    let (output, dir) = sarif_beside_concise(25_001);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a dropped output fails the run"
    );
    assert_eq!(
        stdout(&output).lines().count(),
        25_001,
        "concise is complete"
    );
    assert!(
        !dir.path().join("out.sarif").exists(),
        "no SARIF file that GitHub would reject"
    );
    let errors = support::stderr(&output);
    assert!(
        errors.contains("not writing out.sarif: SARIF output has 25001 results"),
        "{errors}"
    );
}

#[test]
fn sarif_at_limit_is_written() {
    let (output, dir) = sarif_beside_concise(25_000);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        support::stderr(&output)
    );
    assert_eq!(stdout(&output).lines().count(), 25_000);
    let text = std::fs::read_to_string(dir.path().join("out.sarif")).expect("SARIF file");
    let document: Value = serde_json::from_str(&text).expect("SARIF is JSON");
    let results = document["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 25_000);
}
