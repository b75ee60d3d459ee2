//! AGMS007: code that lists asset groups and then looks for the group
//! titled All. Under AGMS the list holds individual groups only, so the
//! lookup silently finds nothing. Code that skips All keeps working.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::request::{Action, action, endpoint_kind};
use super::{Context, report};
use crate::catalogue::rule;
use crate::endpoint::EndpointKind;
use crate::finding::{Finding, Severity};
use crate::model::{StringUse, StringUseKind};

/// A lookup written into a pattern: an XPath predicate `[TITLE='All']`, or
/// the title as the XML carries it, `<![CDATA[All]]>`, possibly escaped
/// for grep (`CDATA\[All\]`).
static ALL_TITLE_PATTERN: LazyLock<Regex> = LazyLock::new(|| all_title_pattern(false));

/// The same lookup in a pattern that ignores case, such as `grep -i`.
static ALL_TITLE_PATTERN_FOLDED: LazyLock<Regex> = LazyLock::new(|| all_title_pattern(true));

fn all_title_pattern(case_insensitive: bool) -> Regex {
    RegexBuilder::new(r#"TITLE\s*=\s*['"]All['"]|CDATA\\*\[All\\*\]"#)
        .case_insensitive(case_insensitive)
        .build()
        .expect("All title pattern is valid")
}

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let Some(certainty) = lists_asset_groups(context) else {
        return;
    };
    let rule = rule("AGMS007");
    for used in context
        .extraction
        .string_uses
        .iter()
        .filter(|used| looks_up_all(used))
    {
        let (severity, message) = match &certainty {
            None => (rule.severity, rule.message(context.lang, "default", &[])),
            Some(reason) => (
                Severity::Note,
                rule.message(context.lang, "uncertain", &[("reason", reason)]),
            ),
        };
        out.push(report(rule, severity, used.span, message));
    }
}

/// Returns `Some(None)` when the file certainly lists asset groups,
/// `Some(Some(reason))` when an asset group request's action is unknown,
/// and `None` when it lists none.
fn lists_asset_groups(context: &Context) -> Option<Option<String>> {
    let mut uncertain = None;
    for site in &context.extraction.call_sites {
        match endpoint_kind(site) {
            // /msp/asset_group_list.php, or qualysapi listAssetGroups()
            Some(EndpointKind::AssetGroupListV1) => return Some(None),
            Some(EndpointKind::AssetGroup) => match action(site, context.lang) {
                Action::Is(found) if found == "list" => return Some(None),
                Action::Unknown(reason) => uncertain = uncertain.or(Some(reason)),
                Action::Is(_) | Action::Missing => {}
            },
            _ => {}
        }
    }
    uncertain.map(Some)
}

/// A test that depends on finding All: `title == "All"`, `[ "$t" = All ]`,
/// `[TITLE='All']`, `grep 'CDATA\[All\]'`. Tests that skip All (`!=`,
/// `continue`) and `All` as a parameter value are not lookups. A test that
/// ignores case, such as `title.lower() == "all"`, looks up All whatever
/// the case of its literal.
fn looks_up_all(used: &StringUse) -> bool {
    let title = used.text.trim();
    let pattern = if used.case_insensitive {
        &ALL_TITLE_PATTERN_FOLDED
    } else {
        &ALL_TITLE_PATTERN
    };
    match used.kind {
        StringUseKind::Equality if used.case_insensitive => title.eq_ignore_ascii_case("All"),
        StringUseKind::Equality => title == "All",
        StringUseKind::Inequality => false,
        StringUseKind::Substring | StringUseKind::Regex => pattern.is_match(&used.text),
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
    fn lookups_of_all() {
        assert!(looks_up_all(&used("All", StringUseKind::Equality)));
        assert!(looks_up_all(&used(
            "//ASSET_GROUP[TITLE='All']/ID",
            StringUseKind::Substring
        )));
        assert!(looks_up_all(&used(
            r"<TITLE><!\[CDATA\[All\]\]></TITLE>",
            StringUseKind::Regex
        )));
        assert!(looks_up_all(&used(
            "<![CDATA[All]]>",
            StringUseKind::Substring
        )));
    }

    #[test]
    fn case_insensitive_lookups_of_all() {
        let mut lowered = used("all", StringUseKind::Equality);
        lowered.case_insensitive = true;
        assert!(looks_up_all(&lowered));
        let mut grep_i = used(r"cdata\[all\]", StringUseKind::Regex);
        grep_i.case_insensitive = true;
        assert!(looks_up_all(&grep_i));
        assert!(!looks_up_all(&used("all", StringUseKind::Equality)));
        assert!(!looks_up_all(&used(r"cdata\[all\]", StringUseKind::Regex)));
    }

    #[test]
    fn skips_and_other_alls_are_not_lookups() {
        assert!(!looks_up_all(&used("All", StringUseKind::Inequality)));
        assert!(!looks_up_all(&used("All", StringUseKind::Substring)));
        assert!(!looks_up_all(&used(
            "details=All",
            StringUseKind::Substring
        )));
        assert!(!looks_up_all(&used("Allowed", StringUseKind::Equality)));
        assert!(!looks_up_all(&used(
            "[TITLE='All Servers']",
            StringUseKind::Substring
        )));
    }
}
