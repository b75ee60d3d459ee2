//! Scripts over the parse limit, searched as plain text.
//!
//! tree-sitter's tree took 40 to 65 bytes for each byte of input on the
//! generated scripts and tables of the benchmarks, so one multi-megabyte
//! script would set the scan's peak memory on its own. Such a file is not
//! parsed. Each line that contains a Qualys marker becomes an unparsed
//! region, which AGMS102 reports as a note, so the file never passes
//! silently.

use memchr::{memchr2, memmem, memrchr, memrchr2};

use crate::finding::Finding;
use crate::model::{Extraction, Span, TextSearch};
use crate::prefilter;

/// The default parse limit. Hand-written Qualys scripts are far smaller;
/// files above it are generated tables and bundles.
pub const DEFAULT_MAX_PARSE_SIZE: usize = 256 * 1024;

/// The rules that can report on a file searched as text: AGMS102, and the
/// two that check suppression comments. The other rules have no requests
/// to check there.
pub const RULES_RUN: [&str; 3] = ["AGMS100", "AGMS101", UNPARSED_API_CODE];

const UNPARSED_API_CODE: &str = "AGMS102";

/// Most marker lines reported for one file, so that a table naming the
/// API on every row gives a handful of notes rather than thousands.
pub const MAX_LINES: usize = 20;

/// Reads what can be read of `text` without parsing it, for `reason`.
pub fn extract(text: &str, reason: TextSearch) -> Extraction {
    let comments = directive_comments(text.as_bytes());
    // A suppression comment covers at most two lines, its own and the next,
    // so this many marker lines still contain the first `MAX_LINES` that no
    // suppression covers. [`limit_notes`] keeps those after suppressions.
    let lines = MAX_LINES + 2 * comments.len();
    Extraction {
        unparsed: marker_lines(text.as_bytes()).take(lines).collect(),
        comments,
        qualys_context: true,
        searched_as_text: Some(reason),
        ..Extraction::default()
    }
}

/// Keeps the first [`MAX_LINES`] AGMS102 notes of a file searched as text.
/// It runs after suppressions, so that lines with a suppression comment
/// do not use up the limit and hide the lines after them.
pub fn limit_notes(findings: &mut Vec<Finding>) {
    let mut notes = 0;
    findings.retain(|finding| {
        if finding.rule != UNPARSED_API_CODE {
            return true;
        }
        notes += 1;
        notes <= MAX_LINES
    });
}

/// Returns each line that contains a marker, once, without its line break.
fn marker_lines(bytes: &[u8]) -> impl Iterator<Item = Span> + '_ {
    let mut last_end = None;
    prefilter::marker_offsets(bytes).filter_map(move |offset| {
        let line = line_around(bytes, offset);
        if last_end == Some(line.end) {
            return None;
        }
        last_end = Some(line.end);
        Some(line)
    })
}

/// Finds the comments that may hold suppression directives: from the `#`
/// before each `agms-lint:` on its line to the end of the line. Without a
/// parse, a `#` inside a string is taken for a comment too.
fn directive_comments(bytes: &[u8]) -> Vec<Span> {
    memmem::find_iter(bytes, b"agms-lint:")
        .filter_map(|offset| {
            let line = line_around(bytes, offset);
            let hash = memrchr(b'#', &bytes[line.start..offset])?;
            Some(Span::new(line.start + hash, line.end))
        })
        .collect()
}

/// Returns the line that contains `offset`, without its line break. A lone
/// `\r` ends a line, as it does for the positions in reports.
fn line_around(bytes: &[u8], offset: usize) -> Span {
    let start = memrchr2(b'\n', b'\r', &bytes[..offset]).map_or(0, |at| at + 1);
    let end = memchr2(b'\n', b'\r', &bytes[offset..]).map_or(bytes.len(), |at| offset + at);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;

    fn texts<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
        spans
            .iter()
            .map(|span| &text[span.start..span.end])
            .collect()
    }

    #[test]
    fn plain_text_search_lists_each_marker_line_once() {
        let text = "a = 1\nurl = BASE + '/api/2.0/fo/asset/ip/?x=/fo/'\nb = 2\nqualys = 3";
        let found = extract(text, TextSearch::OverParseLimit(10));
        assert_eq!(
            texts(text, &found.unparsed),
            ["url = BASE + '/api/2.0/fo/asset/ip/?x=/fo/'", "qualys = 3"]
        );
        assert_eq!(found.searched_as_text, Some(TextSearch::OverParseLimit(10)));
        assert!(found.call_sites.is_empty());
    }

    #[test]
    fn plain_text_search_ends_lines_at_carriage_returns() {
        for ending in ["\r", "\r\n"] {
            let text = ["#!/bin/sh", "curl $H/msp/user.php", "echo", "qualys = 3"].join(ending);
            let found = extract(&text, TextSearch::OverParseLimit(10));
            assert_eq!(
                texts(&text, &found.unparsed),
                ["curl $H/msp/user.php", "qualys = 3"],
                "lines ended by {ending:?}"
            );
        }
    }

    #[test]
    fn plain_text_search_keeps_lines_for_suppressions() {
        let text = "curl $H/msp/user.php\n".repeat(50);
        assert_eq!(
            extract(&text, TextSearch::OverParseLimit(10))
                .unparsed
                .len(),
            MAX_LINES
        );
        let commented = format!("# agms-lint: ignore[AGMS102]\n{text}");
        assert_eq!(
            extract(&commented, TextSearch::OverParseLimit(10))
                .unparsed
                .len(),
            MAX_LINES + 2
        );
    }

    #[test]
    fn plain_text_notes_stop_after_twenty_lines() {
        let note = |line: usize| Finding {
            rule: UNPARSED_API_CODE,
            severity: Severity::Note,
            span: Span::new(line * 10, line * 10 + 5),
            message: String::new(),
        };
        let mut findings: Vec<Finding> = (0..50).map(note).collect();
        let mut unused = note(60);
        unused.rule = "AGMS100";
        findings.push(unused);
        limit_notes(&mut findings);
        assert_eq!(findings.len(), MAX_LINES + 1);
        assert_eq!(findings[MAX_LINES - 1], note(MAX_LINES - 1));
        assert_eq!(findings[MAX_LINES].rule, "AGMS100");
    }

    #[test]
    fn plain_text_search_finds_directive_comments() {
        let text = "x = 1  # agms-lint: ignore-file[AGMS102]\n# agms-lint without colon\n";
        let found = extract(text, TextSearch::OverParseLimit(10));
        assert_eq!(
            texts(text, &found.comments),
            ["# agms-lint: ignore-file[AGMS102]"]
        );
    }
}
