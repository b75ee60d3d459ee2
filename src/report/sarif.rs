//! SARIF 2.1.0 output. Rule metadata comes from the catalogue; locations
//! are relative to the current folder, and columns count UTF-16 code units,
//! as GitHub code scanning reads them by default.

use std::io::{self, Write};

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Value, json};

use super::ReportOptions;
use crate::catalogue::{self, Lang, Rule};
use crate::finding::Severity;
use crate::scan::{FileReport, Located, ScanResult};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/agms-lint/agms-lint";

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

pub fn write(result: &ScanResult, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let document = document(result, options.lang);
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn document(result: &ScanResult, lang: Lang) -> Value {
    let results: Vec<Value> = result
        .files
        .iter()
        .flat_map(|file| {
            file.findings
                .iter()
                .map(move |located| result_entry(file, located))
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver(lang) },
            "columnKind": "utf16CodeUnits",
            "results": results,
            "invocations": [invocation(result)],
        }],
    })
}

fn driver(lang: Lang) -> Value {
    let rules: Vec<Value> = catalogue::rules()
        .iter()
        .map(|rule| rule_entry(rule, lang))
        .collect();
    json!({
        "name": "agms-lint",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": INFORMATION_URI,
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
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "tags": rule.tags },
    })
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

fn result_entry(file: &FileReport, located: &Located) -> Value {
    let finding = &located.finding;
    let rule_index = catalogue::rules()
        .iter()
        .position(|rule| rule.id == finding.rule);
    json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&file.path) },
                "region": {
                    "startLine": located.start.line,
                    "startColumn": located.start.column_utf16,
                    "endLine": located.end.line,
                    "endColumn": located.end.column_utf16,
                },
            },
        }],
    })
}

fn invocation(result: &ScanResult) -> Value {
    let notifications: Vec<Value> = result
        .errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", error.path, error.message) },
            })
        })
        .collect();
    json!({
        "executionSuccessful": result.errors.is_empty(),
        "toolExecutionNotifications": notifications,
    })
}

fn level(severity: Severity) -> &'static str {
    severity.name()
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
