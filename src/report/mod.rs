//! Output formats: independent printers over the same sorted findings.

mod concise;
mod github;
mod gitlab;
mod human;
mod json;
mod junit;
pub mod line_hash;
mod markdown;
mod sarif;
mod streamed;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::catalogue::{self, Lang, Rule};
use crate::finding::Severity;
use crate::scan::{FileReport, Located, ScanResult};

pub use sarif::SarifLimitError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets with the span underlined, then a summary line.
    Human,
    /// One line per finding: `path:line:col: CODE [severity] message`.
    Concise,
    /// One JSON document with findings, read errors and a summary.
    Json,
    /// One JSON object per finding, a line each.
    JsonLines,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands, shown as annotations.
    Github,
    /// A Markdown summary table for `$GITHUB_STEP_SUMMARY` or a comment.
    Markdown,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML, for CI systems that show test reports.
    Junit,
}

/// Settings every printer reads besides the findings.
#[derive(Clone, Debug)]
pub struct ReportOptions {
    pub lang: Lang,
    pub color: bool,
    /// True when a baseline removed known findings, so that what is left
    /// is new.
    pub baseline_applied: bool,
    /// `runs[].automationDetails.id` in SARIF, when given.
    pub sarif_category: Option<String>,
    /// Codes of the rules that ran.
    pub enabled_rules: Vec<String>,
}

impl ReportOptions {
    /// Returns the catalogue entries of the rules that ran, in code order.
    pub fn rules(&self) -> Vec<&'static Rule> {
        catalogue::rules()
            .iter()
            .filter(|rule| self.enabled_rules.contains(&rule.id))
            .collect()
    }
}

pub fn write(
    format: Format,
    result: &ScanResult,
    options: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(result, options, out),
        Format::Concise => concise::write(result, out),
        Format::Json => json::write_document(result, options, out),
        Format::JsonLines => json::write_lines(result, options, out),
        Format::Sarif => sarif::write(result, options, out),
        Format::Github => github::write(result, out),
        Format::Markdown => markdown::write(result, options, out),
        Format::Gitlab => gitlab::write(result, out),
        Format::Junit => junit::write(result, out),
    }
}

/// Checks that the output stays within the limits of where it is sent;
/// only SARIF has such limits.
pub fn check_limits(
    format: Format,
    result: &ScanResult,
    options: &ReportOptions,
) -> Result<(), SarifLimitError> {
    match format {
        Format::Sarif => sarif::check_limits(result, options),
        _ => Ok(()),
    }
}

/// Iterates over every finding with its file, in output order.
pub fn all_findings(result: &ScanResult) -> impl Iterator<Item = (&FileReport, &Located)> {
    result
        .files
        .iter()
        .flat_map(|file| file.findings.iter().map(move |located| (file, located)))
}

/// Counts findings by severity: errors, warnings, notes.
pub fn counts(result: &ScanResult) -> [usize; 3] {
    let mut counts = [0; 3];
    for (_, located) in all_findings(result) {
        let index = match located.finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        };
        counts[index] += 1;
    }
    counts
}
