//! A Markdown summary for `$GITHUB_STEP_SUMMARY` and pull-request
//! comments: counts, then one table row per finding.

use std::io::{self, Write};

use super::human::plural;
use super::{ReportOptions, all_findings, counts};
use crate::catalogue;
use crate::scan::ScanResult;

pub fn write(result: &ScanResult, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let [errors, warnings, notes] = counts(result);
    writeln!(out, "## agms-lint")?;
    writeln!(out)?;
    let checked = result.stats.checked();
    let mut line = format!(
        "Scanned {checked} {}: **{errors}** {}, **{warnings}** {}, **{notes}** {}",
        plural(checked, "file", "files"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(notes, "note", "notes")
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
            "| {} | {} `{}` | {} | {} |",
            code_span(&format!("{}:{}", file.path, located.start.line)),
            rule.id,
            rule.slug,
            located.finding.severity.name(),
            message_cell(&located.finding.message)
        )?;
    }
    Ok(())
}

/// Renders a message in one table cell. The message's code spans, the text
/// between pairs of backticks, stay code spans. When a value from a script
/// brings an odd number of backticks, the pairs are unknown, so the whole
/// message is shown as text.
fn message_cell(message: &str) -> String {
    let pieces: Vec<&str> = message.split('`').collect();
    if pieces.len().is_multiple_of(2) {
        return escape_text(message);
    }
    pieces
        .iter()
        .enumerate()
        .map(|(index, piece)| {
            if index % 2 == 1 {
                code_span(piece)
            } else {
                escape_text(piece)
            }
        })
        .collect()
}

/// Keeps text inside one table cell: pipes are escaped, and angle brackets
/// and backticks become entities, so that no HTML from a script renders and
/// no code span starts.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('`', "&#96;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Renders `text` as a code span inside a table cell. A code span shows
/// entities and HTML as written, so only pipes are escaped. Its fence is
/// one backtick longer than the longest run of backticks in `text`.
fn code_span(text: &str) -> String {
    let text = text.replace('|', "\\|").replace(['\n', '\r'], " ");
    let longest_run = text
        .split(|character| character != '`')
        .map(str::len)
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_span_shows_brackets_as_written() {
        assert_eq!(code_span("a<b>&c"), "`a<b>&c`");
    }

    #[test]
    fn code_span_fences_backticks() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
    }

    #[test]
    fn code_span_escapes_pipes() {
        assert_eq!(code_span("a|b"), "`a\\|b`");
    }

    #[test]
    fn message_keeps_code_spans() {
        assert_eq!(
            message_cell("`ag_title=<x>` is sent"),
            "`ag_title=<x>` is sent"
        );
    }

    #[test]
    fn message_text_is_escaped() {
        assert_eq!(message_cell("a <b> | c"), "a &lt;b&gt; \\| c");
    }

    #[test]
    fn odd_backticks_make_plain_text() {
        assert_eq!(message_cell("`x`y` <z>"), "&#96;x&#96;y&#96; &lt;z&gt;");
    }
}
