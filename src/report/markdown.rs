//! A Markdown summary for `$GITHUB_STEP_SUMMARY` and pull-request
//! comments: counts, then one table row per finding.

use std::io::{self, Write};

use super::{ReportOptions, all_findings, counts};
use crate::catalogue;
use crate::scan::ScanResult;

pub fn write(result: &ScanResult, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let [errors, warnings, notes] = counts(result);
    writeln!(out, "## agms-lint")?;
    writeln!(out)?;
    let mut line = format!(
        "Scanned {} files: **{errors}** errors, **{warnings}** warnings, **{notes}** notes",
        result.stats.checked()
    );
    if options.baseline_applied {
        line += " not in the baseline";
    }
    writeln!(out, "{line}.")?;
    if !result.errors.is_empty() {
        writeln!(out)?;
        writeln!(out, "{} files could not be read.", result.errors.len())?;
    }
    if errors + warnings + notes == 0 {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "| Location | Rule | Severity | Message |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for (file, located) in all_findings(result) {
        let rule = catalogue::rule(located.finding.rule);
        writeln!(
            out,
            "| `{}:{}` | {} `{}` | {} | {} |",
            escape_cell(&file.path),
            located.start.line,
            rule.id,
            rule.slug,
            located.finding.severity.name(),
            escape_cell(&located.finding.message)
        )?;
    }
    Ok(())
}

/// Keeps a value inside one table cell, as text: pipes are escaped, and
/// angle brackets become entities so that no HTML from a script renders.
fn escape_cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}
