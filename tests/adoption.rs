//! What a team needs to switch agms-lint on in CI on day one: inline
//! suppressions, baselines that survive edits, several outputs in one run,
//! SARIF extras, and the inventory.

mod support;

use std::fs;
use std::path::Path;

use serde_json::Value;
use support::{agms_lint, check_in, parse_concise, stderr, stdout};
use tempfile::TempDir;

/// Two IP updates without `network_id` (AGMS001 errors at lines 2 and 3).
const TWO_UPDATES: &str = "#!/bin/bash\n\
curl -d 'action=update&ips=10.0.0.1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n\
curl -d 'action=update&ips=10.0.0.2' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";

fn project(files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new().expect("temporary folder");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write script");
    }
    dir
}

fn concise(dir: &Path, args: &[&str]) -> Vec<(usize, String, String)> {
    let mut all = vec!["--format", "concise", "--fail-on", "none"];
    all.extend(args);
    let output = check_in(dir, &all);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    parse_concise(&stdout(&output))
        .into_iter()
        .map(|finding| (finding.line, finding.rule, finding.severity))
        .collect()
}

fn finding(line: usize, rule: &str, severity: &str) -> (usize, String, String) {
    (line, rule.to_string(), severity.to_string())
}

#[test]
fn suppression_on_the_line_and_the_line_above() {
    let script = "#!/bin/bash\n\
curl -d 'action=update&ips=1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/ # agms-lint: ignore[AGMS001] proxy adds it\n\
# agms-lint: ignore[ip-update-missing-network-id]\n\
curl -d 'action=update&ips=2' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n\
curl -d 'action=update&ips=3' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";
    let dir = project(&[("s.sh", script)]);
    assert_eq!(
        concise(dir.path(), &[]),
        vec![finding(5, "AGMS001", "error")]
    );
}

#[test]
fn python_suppression_and_file_wide_suppression() {
    let script = "# agms-lint: ignore-file[AGMS011]\n\
import requests\n\
URL = 'https://qualysapi.qualys.com/api/2.0/fo/scan/'\n\
requests.post(URL, data={'action': 'list'})\n\
requests.post(URL, data={'action': 'list', 'state': 'Running'})\n";
    let dir = project(&[("s.py", script)]);
    assert_eq!(concise(dir.path(), &[]), vec![]);
}

#[test]
fn bare_and_unused_suppressions_are_reported() {
    let script = "#!/bin/bash\n\
# agms-lint: ignore\n\
curl -d 'action=update&ips=1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n\
# agms-lint: ignore[AGMS002]\n\
echo done\n";
    let dir = project(&[("s.sh", script)]);
    let expected = vec![
        finding(2, "AGMS101", "warning"),
        finding(3, "AGMS001", "error"),
        finding(4, "AGMS100", "note"),
    ];
    assert_eq!(concise(dir.path(), &[]), expected);
}

#[test]
fn baseline_round_trip_survives_edits_above() {
    let dir = project(&[("s.sh", TWO_UPDATES)]);
    let written = check_in(dir.path(), &["--write-baseline", "baseline.json"]);
    assert_eq!(
        written.status.code(),
        Some(0),
        "writing a baseline accepts the findings"
    );
    let baseline: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(baseline["version"], 1);
    assert_eq!(
        baseline["findings"].as_array().unwrap().len(),
        2,
        "{baseline}"
    );

    // Lines added above both calls move them down.
    let edited = TWO_UPDATES.replacen(
        "#!/bin/bash\n",
        "#!/bin/bash\n# Retrack hosts.\nset -eu\n\n",
        1,
    );
    fs::write(dir.path().join("s.sh"), &edited).unwrap();
    let output = check_in(
        dir.path(),
        &["--baseline", "baseline.json", "--format", "concise"],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "known findings stay suppressed: {}",
        stdout(&output)
    );
    assert_eq!(stdout(&output), "");

    // A new call is reported, the known ones are not.
    let added = format!(
        "{edited}curl -d 'action=update&ips=10.0.0.9' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n"
    );
    fs::write(dir.path().join("s.sh"), added).unwrap();
    let findings = concise(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(findings, vec![finding(7, "AGMS001", "error")]);
}

#[test]
fn baseline_counts_identical_calls() {
    let same = "#!/bin/bash\n\
curl -d 'action=update&ips=1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";
    let dir = project(&[("s.sh", same)]);
    check_in(dir.path(), &["--write-baseline", "b.json"]);
    let twice = format!(
        "{same}curl -d 'action=update&ips=1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n"
    );
    fs::write(dir.path().join("s.sh"), twice).unwrap();
    let findings = concise(dir.path(), &["--baseline", "b.json"]);
    assert_eq!(
        findings.len(),
        1,
        "a second identical call is new: {findings:?}"
    );
}

#[test]
fn baseline_file_is_sorted_json() {
    let dir = project(&[("b.sh", TWO_UPDATES), ("a.sh", TWO_UPDATES)]);
    check_in(dir.path(), &["--write-baseline", "baseline.json"]);
    let baseline: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    let paths: Vec<&str> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

#[test]
fn missing_or_broken_baseline_is_a_usage_error() {
    let dir = project(&[("s.sh", TWO_UPDATES), ("bad.json", "{not json")]);
    let missing = check_in(dir.path(), &["--baseline", "none.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("none.json"),
        "{}",
        stderr(&missing)
    );
    let broken = check_in(dir.path(), &["--baseline", "bad.json"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr(&broken).contains("invalid baseline bad.json"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn sarif_marks_new_results_and_category() {
    let dir = project(&[("s.sh", TWO_UPDATES)]);
    check_in(dir.path(), &["--write-baseline", "b.json"]);
    fs::write(dir.path().join("t.sh"), TWO_UPDATES).unwrap();
    let output = check_in(
        dir.path(),
        &[
            "--baseline",
            "b.json",
            "--format",
            "sarif",
            "--sarif-category",
            "scripts",
            "--fail-on",
            "none",
        ],
    );
    let sarif: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["automationDetails"]["id"], "scripts/");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "only t.sh is new");
    assert!(
        results
            .iter()
            .all(|result| result["baselineState"] == "new")
    );
    let plain = check_in(dir.path(), &["--format", "sarif", "--fail-on", "none"]);
    let plain: Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert!(
        plain["runs"][0].get("automationDetails").is_none(),
        "no category unless asked"
    );
    assert!(
        plain["runs"][0]["results"][0]
            .get("baselineState")
            .is_none()
    );
}

#[test]
fn several_outputs_in_one_run() {
    let dir = project(&[("s.sh", TWO_UPDATES)]);
    let output = check_in(
        dir.path(),
        &[
            "--output",
            "sarif:out.sarif",
            "--output",
            "json:out.json",
            "--output",
            "concise",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        parse_concise(&stdout(&output)).len(),
        2,
        "concise went to stdout"
    );
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("out.json")).unwrap()).unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), 2);
    let unknown = check_in(dir.path(), &["--output", "yaml:x"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("unknown format"),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn sarif_is_byte_identical_across_runs() {
    let dir = project(&[("s.sh", TWO_UPDATES), ("t.sh", TWO_UPDATES)]);
    let first = check_in(dir.path(), &["--format", "sarif"]).stdout;
    let second = check_in(dir.path(), &["--format", "sarif"]).stdout;
    assert_eq!(first, second);
    let text = String::from_utf8(first).unwrap();
    let cwd = dir.path().to_string_lossy().into_owned();
    assert!(!text.contains(&cwd), "SARIF holds an absolute path");
}

const INVENTORY_SCRIPT: &str = "#!/bin/bash\n\
curl -u \"admin:Hunter2-secret\" -d 'action=add&ips=10.0.0.1&ag_title=All&network_id=5&password=Hunter2-secret' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n\
curl -d 'action=list' https://qualysapi.qualys.com/api/2.0/fo/scan/\n\
curl -d \"$BODY\" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n";

fn inventory(dir: &Path, format: &str) -> String {
    let output = agms_lint()
        .current_dir(dir)
        .args(["inventory", "--format", format])
        .output()
        .expect("agms-lint runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn inventory_lists_every_call_site() {
    let dir = project(&[("s.sh", INVENTORY_SCRIPT)]);
    let document: Value = serde_json::from_str(&inventory(dir.path(), "json")).unwrap();
    let sites = document["call_sites"].as_array().unwrap();
    assert_eq!(sites.len(), 3);
    assert_eq!(sites[0]["endpoint"], "/api/2.0/fo/asset/ip/");
    assert_eq!(sites[0]["action"], "add");
    assert_eq!(sites[0]["certainty"], "certain");
    assert_eq!(
        sites[0]["rules"],
        serde_json::json!([]),
        "an AGMS-ready add triggers nothing"
    );
    assert_eq!(sites[1]["endpoint"], "/api/2.0/fo/scan/");
    assert_eq!(sites[1]["rules"], serde_json::json!(["AGMS011"]));
    assert_eq!(sites[2]["certainty"], "partial");
    assert_eq!(sites[2]["unresolved"], serde_json::json!(["$BODY"]));
}

#[test]
fn inventory_masks_credentials_in_every_format() {
    let dir = project(&[("s.sh", INVENTORY_SCRIPT)]);
    for format in ["table", "json", "csv"] {
        let text = inventory(dir.path(), format);
        assert!(text.contains("/api/2.0/fo/scan/"), "{format}: {text}");
        assert!(
            !text.contains("Hunter2-secret"),
            "{format} shows the password:\n{text}"
        );
    }
    let csv = inventory(dir.path(), "csv");
    assert!(
        csv.starts_with("path,line,column,language,endpoint,action,parameters"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 4, "a header and three rows");
}
