//! Output formats: independent printers over the same sorted findings.

mod concise;
mod human;
pub mod line_hash;
mod sarif;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::catalogue::Lang;
use crate::finding::Severity;
use crate::scan::ScanResult;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets with the span underlined, then a summary line.
    Human,
    /// One line per finding: `path:line:col: CODE [severity] message`.
    Concise,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

pub struct ReportOptions {
    pub lang: Lang,
    pub color: bool,
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
        Format::Sarif => sarif::write(result, options, out),
    }
}

/// Counts findings by severity: errors, warnings, notes.
pub fn counts(result: &ScanResult) -> [usize; 3] {
    let mut counts = [0; 3];
    for located in result.files.iter().flat_map(|file| &file.findings) {
        let index = match located.finding.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        };
        counts[index] += 1;
    }
    counts
}
