//! AGMS006: a string literal that can only match an error text that AGMS
//! replaced. Only files that talk to the Qualys API are checked, because
//! the same phrases occur in unrelated applications.

use super::error_texts::matches_old_error_text;
use super::{Context, report};
use crate::catalogue::rule;
use crate::finding::Finding;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    if !context.extraction.qualys_context {
        return;
    }
    let rule = rule("AGMS006");
    for used in &context.extraction.string_uses {
        let Some(text) = matches_old_error_text(used) else {
            continue;
        };
        let values = [("old", text.old_label), ("new", text.new_label)];
        let message = rule.message(context.lang, "default", &values);
        out.push(report(rule, rule.severity, used.span, message));
    }
}
