//! AGMS006: a string literal that can only match an error text that AGMS
//! replaced. Only files that talk to the Qualys API are checked, because
//! the same phrases occur in unrelated applications. A test that sits next
//! to a test for the new text of the same error handles both wordings and
//! keeps working, so it is not reported.

use super::error_texts::{ErrorText, matches_new_error_text, matches_old_error_text};
use super::{Context, report};
use crate::catalogue::rule;
use crate::finding::Finding;
use crate::model::{Span, StringUse};

/// How many lines apart an old-text test and a new-text test may be to
/// count as one check of both wordings: the same condition, the next line
/// (two constants in a row), or a `case` pattern list over a few lines.
const NEARBY_LINES: usize = 2;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    if !context.extraction.qualys_context {
        return;
    }
    let rule = rule("AGMS006");
    for used in &context.extraction.string_uses {
        let Some(text) = matches_old_error_text(used) else {
            continue;
        };
        if new_text_tested_nearby(context, used, text) {
            continue;
        }
        let values = [("old", text.old_label), ("new", text.new_label)];
        let message = rule.message(context.lang, "default", &values);
        out.push(report(rule, rule.severity, used.span, message));
    }
}

fn new_text_tested_nearby(context: &Context, old: &StringUse, text: &ErrorText) -> bool {
    context.extraction.string_uses.iter().any(|used| {
        lines_apart(context.text, old.span, used.span) <= NEARBY_LINES
            && matches_new_error_text(used, text)
    })
}

/// Counts the line breaks between two spans.
fn lines_apart(text: &str, a: Span, b: Span) -> usize {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    let start = first.start.min(text.len());
    let end = second.start.min(text.len()).max(start);
    text.as_bytes()[start..end]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
}
