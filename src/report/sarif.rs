//! SARIF 2.1.0 output that GitHub code scanning accepts and tracks well.
//! Rule metadata comes from the catalogue. Locations are relative to
//! `%SRCROOT%`, the folder agms-lint ran in, and columns count UTF-16 code
//! units. Results carry GitHub's line hash and our content fingerprint.
//! The bytes depend only on the input: no timestamps, no absolute paths.

use std::io::{self, BufWriter, Write};

use flate2::Compression;
use flate2::write::GzEncoder;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;
use serde_json::{Value, json};

use super::streamed::Streamed;
use super::{ReportOptions, all_findings};
use crate::catalogue::{Lang, Rule};
use crate::finding::Severity;
use crate::scan::{FileReport, Located, ScanResult};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SOURCE_ROOT: &str = "%SRCROOT%";

/// GitHub code scanning rejects uploads with more results than this per
/// run, or larger than 10 MB once gzipped.
const MAX_RESULTS: usize = 25_000;
const MAX_GZIPPED_BYTES: usize = 10 * 1024 * 1024;

/// Bytes gathered before each write to the size check's compressor.
const WRITE_BUFFER_BYTES: usize = 64 * 1024;

/// Characters that cannot appear as such in a URI path. `/` separates
/// segments and is kept.
const URI_PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b']')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

#[derive(Debug, thiserror::Error)]
pub enum SarifLimitError {
    #[error(
        "SARIF output has {0} results, more than the {MAX_RESULTS} GitHub code scanning accepts; record the current findings with --write-baseline and upload only new ones with --baseline, or narrow the run with --select"
    )]
    TooManyResults(usize),
    #[error(
        "SARIF output is {0} bytes gzipped, more than the {MAX_GZIPPED_BYTES} GitHub code scanning accepts; split the scan into several runs with --sarif-category, or use --baseline"
    )]
    TooLarge(usize),
}

/// Writes the log to `out` as it is serialized, one result at a time.
pub fn write(result: &ScanResult, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let rules = options.rules();
    let run = Run {
        tool: json!({ "driver": driver(&rules, options.lang) }),
        original_uri_base_ids: json!({
            SOURCE_ROOT: { "description": { "text": "The folder agms-lint was run from." } },
        }),
        column_kind: "utf16CodeUnits",
        results: Streamed(|| {
            all_findings(result).map(|(file, located)| result_entry(file, located, &rules, options))
        }),
        invocations: [invocation(result)],
        automation_details: options
            .sarif_category
            .as_ref()
            .map(|category| json!({ "id": format!("{}/", category.trim_end_matches('/')) })),
    };
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [run],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// Refuses output that GitHub code scanning would reject.
pub fn check_limits(result: &ScanResult, options: &ReportOptions) -> Result<(), SarifLimitError> {
    let count = all_findings(result).count();
    if count > MAX_RESULTS {
        return Err(SarifLimitError::TooManyResults(count));
    }
    // The log is compressed as it is written, so only the gzipped bytes
    // are kept in memory. serde writes a few bytes at a time, and the
    // encoder does fixed work on every write, so the writes are gathered
    // into blocks first.
    let mut buffered = BufWriter::with_capacity(
        WRITE_BUFFER_BYTES,
        GzEncoder::new(Vec::new(), Compression::default()),
    );
    let gzipped = write(result, options, &mut buffered)
        .and_then(|()| buffered.into_inner().map_err(|error| error.into_error()))
        .and_then(|encoder| encoder.finish())
        .map_or(0, |bytes| bytes.len());
    if gzipped > MAX_GZIPPED_BYTES {
        return Err(SarifLimitError::TooLarge(gzipped));
    }
    Ok(())
}

/// The top level of the SARIF log, in the order its keys are written.
#[derive(Serialize)]
struct Log<Results> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<Results>; 1],
}

/// The one run of a log, in the order its keys are written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<Results> {
    tool: Value,
    original_uri_base_ids: Value,
    column_kind: &'static str,
    results: Results,
    invocations: [Value; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    automation_details: Option<Value>,
}

fn driver(rules: &[&Rule], lang: Lang) -> Value {
    let rules: Vec<Value> = rules.iter().map(|rule| rule_entry(rule, lang)).collect();
    json!({
        "name": "agms-lint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": env!("CARGO_PKG_REPOSITORY"),
        "rules": rules,
    })
}

fn rule_entry(rule: &Rule, lang: Lang) -> Value {
    let text = rule.text(lang);
    json!({
        "id": rule.id,
        "name": rule.slug,
        "shortDescription": { "text": text.summary.trim() },
        "fullDescription": { "text": text.why.trim() },
        "help": { "text": text.fix.trim(), "markdown": help_markdown(rule, lang) },
        "helpUri": help_uri(rule),
        "defaultConfiguration": { "level": rule.severity.name() },
        "properties": {
            "tags": rule.tags,
            "precision": rule.precision,
            "problem.severity": problem_severity(rule.severity),
        },
    })
}

/// Returns the URL of the rule's page in the repository's documentation.
pub fn help_uri(rule: &Rule) -> String {
    format!(
        "{}/blob/main/docs/rules/{}.md",
        env!("CARGO_PKG_REPOSITORY"),
        rule.id
    )
}

fn help_markdown(rule: &Rule, lang: Lang) -> String {
    let text = rule.text(lang);
    let fence = rule.examples.language.as_str();
    format!(
        "{}\n\n{}\n\n```{fence}\n{}\n```\n\n```{fence}\n{}\n```\n",
        text.why.trim(),
        text.fix.trim(),
        rule.examples.fires.trim_end(),
        rule.examples.passes.trim_end()
    )
}

/// GitHub's `problem.severity` names a note `recommendation`.
fn problem_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "recommendation",
    }
}

fn result_entry(
    file: &FileReport,
    located: &Located,
    rules: &[&Rule],
    options: &ReportOptions,
) -> Value {
    let finding = &located.finding;
    let rule_index = rules.iter().position(|rule| rule.id == finding.rule);
    let mut entry = json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": finding.severity.name(),
        "message": { "text": finding.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&file.path), "uriBaseId": SOURCE_ROOT },
                "region": {
                    "startLine": located.start.line,
                    "startColumn": located.start.column_utf16,
                    "endLine": located.end.line,
                    "endColumn": located.end.column_utf16,
                },
            },
        }],
        "partialFingerprints": {
            "primaryLocationLineHash": located.line_hash,
            "agmsLint/v1": located.fingerprint,
        },
    });
    if options.baseline_applied {
        entry["baselineState"] = json!("new");
    }
    entry
}

fn invocation(result: &ScanResult) -> Value {
    let notifications: Vec<Value> = result
        .errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": { "text": format!("cannot read {}: {}", error.path, error.message) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&error.path), "uriBaseId": SOURCE_ROOT },
                    },
                }],
            })
        })
        .collect();
    json!({
        "executionSuccessful": result.errors.is_empty(),
        "toolExecutionNotifications": notifications,
    })
}

/// Encodes a relative path as a URI reference: `/` separators, reserved
/// characters percent-encoded.
pub fn uri(path: &str) -> String {
    utf8_percent_encode(path, URI_PATH).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_reserved_characters() {
        assert_eq!(uri("shell/a b.sh"), "shell/a%20b.sh");
        assert_eq!(uri("x/#1?.py"), "x/%231%3F.py");
        assert_eq!(uri("日本/a.sh"), "%E6%97%A5%E6%9C%AC/a.sh");
    }
}
