//! Inline suppressions: `# agms-lint: ignore[AGMS001] reason` on a
//! finding's line or on a comment line just above it, and
//! `# agms-lint: ignore-file[AGMS011]` for a whole file. A suppression must
//! name its rules; one that names none, or that suppresses nothing, is
//! itself reported.

use std::sync::LazyLock;

use regex::Regex;

use crate::catalogue::{self, Lang};
use crate::finding::Finding;
use crate::model::Span;

pub const UNUSED_SUPPRESSION: &str = "AGMS100";
pub const SUPPRESSION_WITHOUT_CODE: &str = "AGMS101";

/// A comment that starts with `agms-lint:`, then the directive's word and
/// its codes in brackets. Words other than `ignore` and `ignore-file` are
/// kept so that a misspelled directive can be reported.
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#\s*agms-lint:[ \t]*(?P<kind>[A-Za-z_-]*)(?:[ \t]*\[(?P<codes>[^\]\n]*)\])?")
        .expect("suppression pattern is valid")
});

#[derive(Clone, Debug, PartialEq, Eq)]
struct Directive {
    whole_file: bool,
    /// The directive's word when it is neither `ignore` nor `ignore-file`.
    unknown: Option<String>,
    /// 0-based line of the comment.
    line: usize,
    /// True when the line contains nothing but the comment, so that it also
    /// covers the next line.
    own_line: bool,
    /// Rule codes as written, with whether each suppressed something.
    codes: Vec<(String, bool)>,
    span: Span,
}

/// Returns false when `text` cannot contain a suppression directive,
/// because every directive starts with `agms-lint:`.
pub fn may_contain_directives(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"agms-lint:").is_some()
}

/// Removes suppressed findings and adds findings for suppressions that
/// name no rule or suppress nothing. `line_of` maps a byte offset to its
/// 0-based line. `enabled` returns which rules ran: a suppression of a rule
/// that did not run is not called unused.
pub fn apply(
    text: &str,
    comments: &[Span],
    findings: Vec<Finding>,
    line_of: impl Fn(usize) -> usize,
    enabled: impl Fn(&str) -> bool,
    lang: Lang,
) -> Vec<Finding> {
    if !may_contain_directives(text) {
        return findings;
    }
    let mut directives = parse(text, &line_of);
    // Directive text inside a string, a heredoc or an `echo` is data, not
    // a comment, and must not silence anything.
    directives.retain(|directive| in_comment(comments, directive.span.start));
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|finding| !suppress(&mut directives, finding, line_of(finding.span.start)))
        .collect();
    for directive in &directives {
        kept.extend(report(directive, &enabled, lang));
    }
    kept
}

fn parse(text: &str, line_of: &impl Fn(usize) -> usize) -> Vec<Directive> {
    DIRECTIVE
        .captures_iter(text)
        .map(|captures| {
            let whole = captures.get(0).expect("match");
            let line_start = text[..whole.start()]
                .rfind(['\n', '\r'])
                .map_or(0, |at| at + 1);
            let kind = &captures["kind"];
            let known = kind == "ignore" || kind == "ignore-file";
            let codes = captures
                .name("codes")
                .filter(|_| known)
                .map(|codes| {
                    codes
                        .as_str()
                        .split(',')
                        .map(str::trim)
                        .filter(|code| !code.is_empty())
                })
                .into_iter()
                .flatten()
                .map(|code| (canonical_code(code), false))
                .collect();
            Directive {
                whole_file: kind == "ignore-file",
                unknown: (!known && !kind.is_empty()).then(|| kind.to_string()),
                line: line_of(whole.start()),
                own_line: text[line_start..whole.start()].trim().is_empty(),
                codes,
                span: Span::new(whole.start(), whole.end()),
            }
        })
        .collect()
}

/// True when `offset` lies inside one of `comments`, which are sorted.
fn in_comment(comments: &[Span], offset: usize) -> bool {
    let after = comments.partition_point(|comment| comment.start <= offset);
    after > 0 && offset < comments[after - 1].end
}

/// Accepts a rule's slug in place of its code.
fn canonical_code(name: &str) -> String {
    catalogue::find(name).map_or_else(|| name.to_string(), |rule| rule.id.clone())
}

fn covers(directive: &Directive, line: usize) -> bool {
    directive.whole_file
        || directive.line == line
        || (directive.own_line && directive.line + 1 == line)
}

/// Marks the first directive that covers the finding as used.
fn suppress(directives: &mut [Directive], finding: &Finding, line: usize) -> bool {
    for directive in directives
        .iter_mut()
        .filter(|directive| covers(directive, line))
    {
        if let Some(code) = directive
            .codes
            .iter_mut()
            .find(|(code, _)| code == finding.rule)
        {
            code.1 = true;
            return true;
        }
    }
    false
}

fn report(directive: &Directive, enabled: &impl Fn(&str) -> bool, lang: Lang) -> Vec<Finding> {
    if directive.codes.is_empty() || directive.unknown.is_some() {
        if !enabled(SUPPRESSION_WITHOUT_CODE) {
            return Vec::new();
        }
        let rule = catalogue::rule(SUPPRESSION_WITHOUT_CODE);
        let message = match &directive.unknown {
            Some(word) => rule.message(lang, "unknown_directive", &[("word", word)]),
            None => rule.message(lang, "default", &[]),
        };
        return vec![Finding::new(rule, rule.severity, directive.span, message)];
    }
    if !enabled(UNUSED_SUPPRESSION) {
        return Vec::new();
    }
    let rule = catalogue::rule(UNUSED_SUPPRESSION);
    directive
        .codes
        .iter()
        .filter(|(code, used)| !used && (catalogue::find(code).is_none() || enabled(code)))
        .map(|(code, _)| {
            let key = if catalogue::find(code).is_some() {
                "default"
            } else {
                "unknown_code"
            };
            let message = rule.message(lang, key, &[("code", code)]);
            Finding::new(rule, rule.severity, directive.span, message)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Severity;
    use crate::language::Language;
    use crate::source::SourceText;

    fn finding_on(text: &str, line: usize, rule: &'static str) -> Finding {
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        Finding {
            rule,
            severity: Severity::Error,
            span: Span::new(start, start + 1),
            message: String::new(),
        }
    }

    fn comments(text: &str) -> Vec<Span> {
        crate::lang::Parsers::new()
            .extract(Language::Shell, text)
            .comments
    }

    fn run(text: &str, findings: Vec<Finding>) -> Vec<&'static str> {
        let source = SourceText::new(text.to_string());
        let line_of = |offset| source.position(offset).line - 1;
        apply(text, &comments(text), findings, line_of, |_| true, Lang::En)
            .into_iter()
            .map(|finding| finding.rule)
            .collect()
    }

    #[test]
    fn directives_in_strings_and_heredocs_do_not_count() {
        let text = "#!/bin/sh\necho '# agms-lint: ignore-file[AGMS001]'\ncat <<EOF\n# agms-lint: ignore[AGMS001]\nEOF\ncurl x\n";
        let findings = vec![finding_on(text, 5, "AGMS001")];
        assert_eq!(run(text, findings), ["AGMS001"]);
    }

    #[test]
    fn same_line_and_line_above_suppress() {
        let text = "curl x # agms-lint: ignore[AGMS001] moved later\n# agms-lint: ignore[AGMS002]\ncurl y\n";
        let findings = vec![
            finding_on(text, 0, "AGMS001"),
            finding_on(text, 2, "AGMS002"),
        ];
        assert_eq!(run(text, findings), Vec::<&str>::new());
    }

    #[test]
    fn trailing_comment_does_not_cover_next_line() {
        let text = "curl x # agms-lint: ignore[AGMS001]\ncurl y\n";
        let findings = vec![finding_on(text, 1, "AGMS001")];
        assert_eq!(run(text, findings), ["AGMS001", UNUSED_SUPPRESSION]);
    }

    #[test]
    fn several_codes_and_slugs() {
        let text = "# agms-lint: ignore[AGMS001, ip-add-missing-ag-title]\ncurl x\n";
        let findings = vec![
            finding_on(text, 1, "AGMS001"),
            finding_on(text, 1, "AGMS002"),
        ];
        assert_eq!(run(text, findings), Vec::<&str>::new());
    }

    #[test]
    fn other_code_does_not_suppress() {
        let text = "# agms-lint: ignore[AGMS003]\ncurl x\n";
        let findings = vec![finding_on(text, 1, "AGMS001")];
        assert_eq!(run(text, findings), ["AGMS001", UNUSED_SUPPRESSION]);
    }

    #[test]
    fn file_wide_suppression() {
        let text = "#!/bin/sh\n# agms-lint: ignore-file[AGMS011]\n\n\ncurl a\ncurl b\n";
        let findings = vec![
            finding_on(text, 4, "AGMS011"),
            finding_on(text, 5, "AGMS011"),
        ];
        assert_eq!(run(text, findings), Vec::<&str>::new());
    }

    #[test]
    fn bare_suppression_is_reported_and_suppresses_nothing() {
        let text = "# agms-lint: ignore\ncurl x\n";
        let findings = vec![finding_on(text, 1, "AGMS001")];
        assert_eq!(run(text, findings), ["AGMS001", SUPPRESSION_WITHOUT_CODE]);
        let empty = "curl x # agms-lint: ignore[]\n";
        assert_eq!(run(empty, vec![]), [SUPPRESSION_WITHOUT_CODE]);
    }

    /// Returns the messages of the findings `apply` adds for `text`.
    fn messages(text: &str) -> Vec<String> {
        let source = SourceText::new(text.to_string());
        let line_of = |offset| source.position(offset).line - 1;
        apply(text, &comments(text), vec![], line_of, |_| true, Lang::En)
            .into_iter()
            .map(|finding| finding.message)
            .collect()
    }

    #[test]
    fn space_before_codes_is_accepted() {
        let text = "# agms-lint: ignore [AGMS001]\ncurl x\n";
        let findings = vec![finding_on(text, 1, "AGMS001")];
        assert_eq!(run(text, findings), Vec::<&str>::new());
    }

    #[test]
    fn misspelled_directive_is_reported() {
        let text = "# agms-lint: ignroe[AGMS001]\ncurl x\n";
        let findings = vec![finding_on(text, 1, "AGMS001")];
        assert_eq!(run(text, findings), ["AGMS001", SUPPRESSION_WITHOUT_CODE]);
        let found = messages(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("`ignroe` is not an agms-lint directive"),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_code_is_named() {
        let found = messages("# agms-lint: ignore[AGMS999]\ncurl x\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("`AGMS999` is not a rule code"),
            "{found:?}"
        );
        let known = messages("# agms-lint: ignore[AGMS001]\ncurl x\n");
        assert_eq!(known, ["suppression of `AGMS001` suppresses nothing here"]);
    }

    #[test]
    fn unused_suppression_of_a_disabled_rule_is_not_reported() {
        let text = "# agms-lint: ignore[AGMS011]\ncurl x\n";
        let source = SourceText::new(text.to_string());
        let line_of = |offset| source.position(offset).line - 1;
        let kept = apply(
            text,
            &comments(text),
            vec![],
            line_of,
            |code| code != "AGMS011",
            Lang::En,
        );
        assert_eq!(kept, vec![]);
    }
}
