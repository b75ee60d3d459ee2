//! AGMS009: a pattern that expects a bare `<DOMAIN>` tag. With
//! `show_attributes=ALL` each DOMAIN in DOMAIN_LIST now carries a netblock,
//! as in `<DOMAIN netblock="10.10.10.10-10.10.10.12">abc123.com</DOMAIN>`.

use crate::regex_cache;

use super::{Context, report};
use crate::catalogue::rule;
use crate::finding::Finding;
use crate::model::{StringUse, StringUseKind};

const OLD_ELEMENT: &str = "<DOMAIN>abc123.com</DOMAIN>";
const NEW_ELEMENT: &str = r#"<DOMAIN netblock="10.10.10.10-10.10.10.12">abc123.com</DOMAIN>"#;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    if !context.extraction.qualys_context {
        return;
    }
    let rule = rule("AGMS009");
    for used in context
        .extraction
        .string_uses
        .iter()
        .filter(|used| expects_bare_tag(used))
    {
        let message = rule.message(context.lang, "default", &[]);
        out.push(report(rule, rule.severity, used.span, message));
    }
}

/// A literal containing `<DOMAIN>`, or a regex that matches the element
/// without attributes but not with the netblock attribute.
fn expects_bare_tag(used: &StringUse) -> bool {
    match used.kind {
        StringUseKind::Regex => regex_cache::compiled(&used.text, used.case_insensitive)
            .is_some_and(|regex| regex.is_match(OLD_ELEMENT) && !regex.is_match(NEW_ELEMENT)),
        StringUseKind::Substring | StringUseKind::Equality | StringUseKind::Inequality => {
            used.text.contains("<DOMAIN>")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn used(text: &str, kind: StringUseKind) -> StringUse {
        StringUse::new(text, kind, false, Span::default())
    }

    #[test]
    fn bare_tag_patterns_are_flagged() {
        assert!(expects_bare_tag(&used(
            "<DOMAIN>(.*?)</DOMAIN>",
            StringUseKind::Regex
        )));
        assert!(expects_bare_tag(&used(
            "<DOMAIN>",
            StringUseKind::Substring
        )));
    }

    #[test]
    fn attribute_tolerant_patterns_are_not() {
        assert!(!expects_bare_tag(&used(
            r"<DOMAIN(?:\s[^>]*)?>(.*?)</DOMAIN>",
            StringUseKind::Regex
        )));
        assert!(!expects_bare_tag(&used(
            "</DOMAIN>",
            StringUseKind::Substring
        )));
        assert!(!expects_bare_tag(&used(
            "<DOMAIN_LIST>",
            StringUseKind::Substring
        )));
        assert!(!expects_bare_tag(&used("DOMAIN", StringUseKind::Regex)));
    }
}
