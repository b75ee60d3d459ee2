//! `--format json` and `json-lines`. The shape is versioned by the
//! top-level `version` and described by `docs/output.schema.json`; fields
//! are only added within a version, never renamed or removed.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use super::streamed::Streamed;
use super::{ReportOptions, all_findings, counts};
use crate::catalogue;
use crate::scan::{FileReport, Located, ScanResult};

pub const JSON_VERSION: u32 = 1;

/// The top level of `--format json`, in the order its keys are written.
#[derive(Serialize)]
struct Document<Findings> {
    version: u32,
    tool: Value,
    summary: Value,
    findings: Findings,
    errors: Vec<Value>,
}

pub fn write_document(
    result: &ScanResult,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let errors: Vec<Value> = result
        .errors
        .iter()
        .map(|error| json!({ "path": error.path, "message": error.message }))
        .collect();
    let [errors_count, warnings, notes] = counts(result);
    let stats = &result.stats;
    let document = Document {
        version: JSON_VERSION,
        tool: json!({ "name": "agms-lint", "version": env!("CARGO_PKG_VERSION") }),
        summary: json!({
            "files_scanned": stats.scanned,
            "files_skipped": {
                "binary": stats.skipped.binary,
                "too_large": stats.skipped.too_large,
                "links": stats.skipped.links,
                "special": stats.skipped.special,
                "vanished": stats.skipped.vanished,
            },
            "files_unreadable": result.errors.len(),
            "findings": { "error": errors_count, "warning": warnings, "note": notes },
            "baseline_applied": options.baseline_applied,
        }),
        findings: Streamed(|| {
            all_findings(result).map(|(file, located)| finding(file, located, options))
        }),
        errors,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

pub fn write_lines(
    result: &ScanResult,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (file, located) in all_findings(result) {
        serde_json::to_writer(&mut *out, &finding(file, located, options))?;
        writeln!(out)?;
    }
    Ok(())
}

fn finding(file: &FileReport, located: &Located, options: &ReportOptions) -> Value {
    let rule = catalogue::rule(located.finding.rule);
    json!({
        "path": file.path,
        "language": file.language.name(),
        "rule": rule.id,
        "slug": rule.slug,
        "severity": located.finding.severity,
        "message": located.finding.message,
        "help": rule.text(options.lang).fix.trim(),
        "start": { "line": located.start.line, "column": located.start.column },
        "end": { "line": located.end.line, "column": located.end.column },
        "fingerprint": located.fingerprint,
    })
}
