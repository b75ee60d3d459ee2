//! `check --stats`: the counts printed after the report match a small tree
//! whose files each take a different path through the scan.

mod support;

use std::fs;

use support::{check_in, stderr};
use tempfile::TempDir;

/// One file for each outcome: parsed with a finding, parsed without one,
/// prefiltered out, binary, and two files that are not scripts.
fn mixed_tree() -> TempDir {
    let dir = TempDir::new().expect("temporary folder");
    let files: [(&str, &[u8]); 6] = [
        (
            "update.sh",
            b"curl -d 'action=update&ips=10.0.0.1' https://qualysapi.qualys.com/api/2.0/fo/asset/ip/\n",
        ),
        (
            "list-hosts",
            b"#!/usr/bin/env python3\nimport requests\nrequests.get('https://qualysapi.qualys.com/api/2.0/fo/asset/ip/', params={'action': 'list'})\n",
        ),
        ("hello.sh", b"#!/bin/sh\necho hello\n"),
        ("blob.sh", b"#!/bin/sh\n\0\0\0qualys\n"),
        ("main.c", b"int main(void) { return 0; }\n"),
        ("notes.md", b"# Notes\n"),
    ];
    for (name, bytes) in files {
        fs::write(dir.path().join(name), bytes).expect("write file");
    }
    dir
}

/// Returns the number after `name` on its `--stats` line.
fn stat(text: &str, name: &str) -> usize {
    let line = text
        .lines()
        .find(|line| line.trim_start().starts_with(name))
        .unwrap_or_else(|| panic!("no {name:?} line in:\n{text}"));
    let value = line.trim_start()[name.len()..].split_whitespace().next();
    value
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("no count on line {line:?}"))
}

#[test]
fn stats_count_each_outcome() {
    let dir = mixed_tree();
    let output = check_in(dir.path(), &["--format", "concise", "--stats"]);
    let text = stderr(&output);
    assert_eq!(stat(&text, "files seen"), 6, "{text}");
    assert_eq!(stat(&text, "scripts"), 4, "{text}");
    assert_eq!(stat(&text, "not scripts"), 2, "{text}");
    assert_eq!(stat(&text, "skipped"), 1, "{text}");
    assert!(text.contains("(binary 1, too large 0, links 0"), "{text}");
    assert_eq!(stat(&text, "prefiltered out"), 1, "{text}");
    assert_eq!(stat(&text, "parsed"), 2, "{text}");
    assert_eq!(stat(&text, "call sites"), 2, "{text}");
}

#[test]
fn stats_time_every_stage() {
    let dir = mixed_tree();
    let output = check_in(dir.path(), &["--format", "concise", "--stats"]);
    let text = stderr(&output);
    for stage in [
        "time walk+read",
        "time prefilter",
        "time parse+extract",
        "time check",
        "time per parsed",
        "time report",
        "time total",
        "time processor",
    ] {
        let line = text
            .lines()
            .find(|line| line.trim_start().starts_with(stage));
        let line = line.unwrap_or_else(|| panic!("no {stage:?} line in:\n{text}"));
        let unit = if stage == "time per parsed" {
            " ms"
        } else {
            " s"
        };
        assert!(line.contains(unit), "{stage} has no{unit}: {line:?}");
    }
}

#[test]
fn stats_follow_a_written_baseline() {
    let dir = mixed_tree();
    let output = check_in(dir.path(), &["--write-baseline", "base.json", "--stats"]);
    let text = stderr(&output);
    assert!(dir.path().join("base.json").exists(), "{text}");
    assert_eq!(stat(&text, "parsed"), 2, "{text}");
}

#[test]
fn stats_follow_the_report_only_when_asked() {
    let dir = mixed_tree();
    let plain = check_in(dir.path(), &["--format", "concise"]);
    assert!(
        !stderr(&plain).contains("agms-lint stats"),
        "{}",
        stderr(&plain)
    );
    let asked = check_in(dir.path(), &["--format", "concise", "--stats"]);
    assert_eq!(asked.stdout, plain.stdout, "--stats changed the report");
    assert_eq!(
        asked.status.code(),
        Some(1),
        "update.sh has an error finding"
    );
}
