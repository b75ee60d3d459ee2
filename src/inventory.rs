//! The inventory: every Qualys API call site found, affected or not, with
//! its endpoint, parameters and certainty. Teams read it before they
//! enable AGMS.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::Finding;
use crate::model::{CallSite, Presence, Target, Value};
use crate::printable::printable;
use crate::rules::request_action;
use crate::secrets;
use crate::source::SourceText;

/// One call site as the inventory lists it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Record {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub language: &'static str,
    /// The API path, or `None` when only a library helper names it.
    pub endpoint: Option<String>,
    pub action: Option<String>,
    pub parameters: Vec<Parameter>,
    /// `certain` when every piece that could carry a parameter was
    /// resolved, else `partial`.
    pub certainty: &'static str,
    /// The pieces that could not be resolved.
    pub unresolved: Vec<String>,
    pub via: Option<String>,
    /// Codes of the rules that report this call site.
    pub rules: Vec<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Parameter {
    pub name: String,
    /// The literal value with credentials masked, or `None` when the value
    /// is only known at run time.
    pub value: Option<String>,
    /// False when the parameter is set only under a condition.
    pub always: bool,
}

/// Builds the records of one file's call sites.
pub fn records(
    path: &str,
    source: &SourceText,
    sites: &[CallSite],
    findings: &[Finding],
) -> Vec<Record> {
    sites
        .iter()
        .map(|site| {
            let start = source.position(site.span.start);
            let mut rules: Vec<String> = findings
                .iter()
                .filter(|finding| finding.span == site.span)
                .map(|finding| finding.rule.to_string())
                .collect();
            rules.sort();
            rules.dedup();
            Record {
                path: path.to_string(),
                line: start.line,
                column: start.column,
                language: site.language.name(),
                endpoint: match &site.target {
                    Target::Path(path) => Some(path.clone()),
                    Target::Unknown(_) => None,
                },
                action: request_action(site),
                parameters: site.params.iter().map(parameter).collect(),
                certainty: if site.is_complete() {
                    "certain"
                } else {
                    "partial"
                },
                // Descriptions quote the script, which may hold credentials.
                unresolved: site
                    .unresolved
                    .iter()
                    .map(|piece| secrets::mask(&piece.description))
                    .collect(),
                via: site.via.as_deref().map(secrets::mask),
                rules,
            }
        })
        .collect()
}

/// Shows a literal value only after masking it. The value of a parameter
/// such as `password` is masked whole, because form decoding may have
/// turned `+` into a blank that would end a masked run in `name=value`.
fn parameter(param: &crate::model::Param) -> Parameter {
    let value = match &param.value {
        Value::Literal(text) if secrets::is_credential_name(&param.name) => {
            Some("*".repeat(text.chars().count()))
        }
        Value::Literal(text) => {
            let pair = format!("{}={}", param.name, text);
            let masked = secrets::mask(&pair);
            Some(masked[param.name.len() + 1..].to_string())
        }
        Value::Dynamic(_) => None,
    };
    Parameter {
        name: param.name.clone(),
        value,
        always: param.presence == Presence::Always,
    }
}

/// Masks credentials seen anywhere in the file and escapes control
/// characters in every value taken from the script.
pub fn make_printable(records: &mut [Record], known_secrets: &[String]) {
    let safe = |text: &str| printable(text, known_secrets);
    for record in records {
        for parameter in &mut record.parameters {
            parameter.name = safe(&parameter.name);
            parameter.value = parameter.value.as_deref().map(safe);
        }
        for piece in &mut record.unresolved {
            *piece = safe(piece);
        }
        record.action = record.action.as_deref().map(safe);
        record.endpoint = record.endpoint.as_deref().map(safe);
        record.via = record.via.as_deref().map(safe);
    }
}

/// Writes a table for people, one line per call site.
pub fn write_table(records: &[Record], out: &mut dyn Write) -> io::Result<()> {
    for record in records {
        let endpoint = record.endpoint.as_deref().unwrap_or("?");
        let action = record.action.as_deref().unwrap_or("?");
        let rules = if record.rules.is_empty() {
            "-".to_string()
        } else {
            record.rules.join(",")
        };
        writeln!(
            out,
            "{}:{}  {}  {} action={}  [{}]  {}  {}",
            record.path,
            record.line,
            record.language,
            endpoint,
            action,
            parameter_summary(record),
            record.certainty,
            rules
        )?;
    }
    writeln!(out, "{} call sites", records.len())
}

fn parameter_summary(record: &Record) -> String {
    let mut parts: Vec<String> = record
        .parameters
        .iter()
        .filter(|param| param.name != "action")
        .map(|param| {
            let value = param.value.as_deref().unwrap_or("…");
            let marker = if param.always { "" } else { "?" };
            format!("{}{marker}={value}", param.name)
        })
        .collect();
    parts.extend(record.unresolved.iter().map(|piece| format!("<{piece}>")));
    parts.join(" ")
}

pub fn write_json(records: &[Record], out: &mut dyn Write) -> io::Result<()> {
    let document = serde_json::json!({ "version": 1, "call_sites": records });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

/// CSV with one row per call site; parameters are joined as `name=value`
/// pairs separated by spaces.
/// Prefixes a cell that a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@`) with a quote, so that opening the CSV runs nothing.
fn spreadsheet_safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub fn write_csv(records: &[Record], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "path",
        "line",
        "column",
        "language",
        "endpoint",
        "action",
        "parameters",
        "certainty",
        "unresolved",
        "via",
        "rules",
    ])?;
    for record in records {
        let cells = [
            record.path.as_str(),
            &record.line.to_string(),
            &record.column.to_string(),
            record.language,
            record.endpoint.as_deref().unwrap_or(""),
            record.action.as_deref().unwrap_or(""),
            &parameter_summary(record),
            record.certainty,
            &record.unresolved.join(" "),
            record.via.as_deref().unwrap_or(""),
            &record.rules.join(" "),
        ];
        writer.write_record(cells.map(spreadsheet_safe))?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Param, Span};

    fn literal_param(name: &str, value: &str) -> Param {
        Param {
            name: name.to_string(),
            value: Value::Literal(value.to_string()),
            presence: Presence::Always,
            span: Span::new(0, 1),
        }
    }

    #[test]
    fn credential_value_masked_whole() {
        // `-d password=Hun+ter2` decodes to a value with a blank, where a
        // mask of `password=Hun ter2` would stop.
        let shown = parameter(&literal_param("password", "Hun ter2"));
        assert_eq!(shown.value.as_deref(), Some("********"));
    }

    #[test]
    fn ordinary_value_shown() {
        let shown = parameter(&literal_param("ag_title", "Osaka Servers"));
        assert_eq!(shown.value.as_deref(), Some("Osaka Servers"));
    }
}
