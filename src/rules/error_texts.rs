//! The three API error texts that AGMS replaced, and the test of whether a
//! string literal in a script can match an old text but not its new one.
//!
//! Texts are written with holes for the values the API fills in: `{title}`
//! for an asset group title, `{id}` for an asset group ID, `{ips}` for an
//! IP range. The fixed parts are verbatim from the Qualys note on API
//! changes with AGMS, including its left single quotation mark in ‘Title'.

use regex::Regex;

use crate::model::{StringUse, StringUseKind};
use crate::regex_cache;

/// An old error text, the text that replaced it, and short labels of both
/// for messages.
pub struct ErrorText {
    pub old: &'static str,
    pub new: &'static str,
    pub old_label: &'static str,
    pub new_label: &'static str,
}

pub const OLD_ERROR_TEXTS: [ErrorText; 3] = [
    ErrorText {
        old: "parameter title has invalid value: An asset group with title ‘{title}' already exists.Please use a different title",
        new: " (Asset Group name - An asset group with name {title} already exists.Please use a different title)",
        old_label: "An asset group with title ‘Title' already exists",
        new_label: "(Asset Group name - An asset group with name Title already exists",
    },
    ErrorText {
        old: "parameter Asset Group has invalid value: Tried to delete invalid Asset Group - {id}.Asset Group id does not exist or you do not have permission to delete this Asset Group",
        new: " (Invalid Parameter Ids Data not found for Asset Group, {id})",
        old_label: "Tried to delete invalid Asset Group - NNNN",
        new_label: "(Invalid Parameter Ids Data not found for Asset Group, NNNN)",
    },
    ErrorText {
        old: " parameter IPs has invalid value: One or more IPs are not assigned to this user: {ips}",
        new: " (IPs {ips} are not in user account scope.)",
        old_label: "One or more IPs are not assigned to this user",
        new_label: "(IPs N.N.N.N-N.N.N.N are not in user account scope.)",
    },
];

/// Phrases that many Qualys errors share. A literal that lies inside one of
/// them is too generic to point at the replaced texts.
const GENERIC_TEXTS: [&str; 5] = [
    "parameter asset_group_id has invalid value (Given Asset Group is not in user's scope: ",
    " has invalid value: ",
    " does not exist ",
    " you do not have permission to ",
    " Asset Group ",
];

/// Values tried in the holes when a literal is used as a regex.
const SAMPLE_VALUES: [(&str, &str); 3] = [
    ("{title}", "AG1"),
    ("{id}", "5443081"),
    ("{ips}", "10.10.10.10-10.10.10.12"),
];

/// A literal must have at least this many words and letters to name one of
/// the texts; `invalid` or `Asset Group` alone name none of them.
const MIN_WORDS: usize = 3;
const MIN_LETTERS: usize = 12;

/// Returns the old text that `used` can match while it matches none of the
/// new texts, or `None`.
pub fn matches_old_error_text(used: &StringUse) -> Option<&'static ErrorText> {
    let matcher = Matcher::new(used)?;
    if !matcher.is_specific() {
        return None;
    }
    let still_matches = OLD_ERROR_TEXTS.iter().any(|text| matcher.matches(text.new))
        || GENERIC_TEXTS.iter().any(|text| matcher.matches(text));
    if still_matches {
        return None;
    }
    OLD_ERROR_TEXTS
        .iter()
        .find(|text| matcher.matches(text.old))
}

/// Tests whether `used` matches the new text of `text` specifically, as a
/// script that handles both wordings does.
pub fn matches_new_error_text(used: &StringUse, text: &ErrorText) -> bool {
    Matcher::new(used).is_some_and(|matcher| {
        matcher.is_specific()
            && matcher.matches(text.new)
            && !GENERIC_TEXTS.iter().any(|generic| matcher.matches(generic))
    })
}

/// The test of one literal against texts with holes.
enum Matcher {
    Substring { needle: Vec<char>, fold: bool },
    Regex { regex: Regex, literal: String },
}

impl Matcher {
    fn new(used: &StringUse) -> Option<Matcher> {
        let fold = used.case_insensitive;
        match used.kind {
            StringUseKind::Substring | StringUseKind::Equality | StringUseKind::Inequality => {
                Some(Matcher::Substring {
                    needle: fold_case(&used.text, fold).chars().collect(),
                    fold,
                })
            }
            // A pattern that does not compile cannot match anything.
            StringUseKind::Regex => {
                regex_cache::compiled(&used.text, fold).map(|regex| Matcher::Regex {
                    regex,
                    literal: regex_literal_text(&used.text),
                })
            }
        }
    }

    fn is_specific(&self) -> bool {
        let text: String = match self {
            Matcher::Substring { needle, .. } => needle.iter().collect(),
            Matcher::Regex { literal, .. } => literal.clone(),
        };
        let words = text
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphabetic));
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        words.count() >= MIN_WORDS && letters >= MIN_LETTERS
    }

    fn matches(&self, text: &str) -> bool {
        match self {
            Matcher::Substring { needle, fold } => {
                let tokens = tokens(&fold_case(text, *fold));
                is_substring_of_instance(needle, &tokens)
            }
            Matcher::Regex { regex, .. } => regex.is_match(&fill_samples(text)),
        }
    }
}

fn fold_case(text: &str, fold: bool) -> String {
    if fold {
        text.to_lowercase()
    } else {
        text.to_string()
    }
}

fn fill_samples(text: &str) -> String {
    SAMPLE_VALUES
        .iter()
        .fold(text.to_string(), |text, (hole, value)| {
            text.replace(hole, value)
        })
}

/// One position of a text with holes: a fixed character or a hole that the
/// API fills with a value of some kind.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    Char(char),
    Hole(Hole),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Hole {
    /// An asset group title: text on one line. Quotation marks are left
    /// out so that a literal quoting a title, as the old text did, cannot
    /// pass for a title inside the new text.
    Title,
    /// An asset group ID: digits.
    Id,
    /// IPs and ranges such as `10.0.0.1-10.0.0.9, 10.0.1.1`.
    Ips,
}

impl Hole {
    fn accepts(self, c: char) -> bool {
        match self {
            Hole::Title => !matches!(c, '\n' | '\'' | '"' | '‘' | '’'),
            Hole::Id => c.is_ascii_digit(),
            Hole::Ips => c.is_ascii_digit() || matches!(c, '.' | '-' | ',' | ' '),
        }
    }
}

const HOLES: [(&str, Hole); 3] = [
    ("{title}", Hole::Title),
    ("{id}", Hole::Id),
    ("{ips}", Hole::Ips),
];

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some((name, hole)) = HOLES.iter().find(|(name, _)| rest.starts_with(name)) {
            out.push(Token::Hole(*hole));
            rest = &rest[name.len()..];
            continue;
        }
        out.push(Token::Char(c));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Decides whether `needle` is a substring of some filling of the holes,
/// by running it through the text as a small automaton. A state is a token
/// position plus whether a fixed character was matched yet: a needle that
/// lies wholly inside a hole (a title can be any text) proves nothing, so
/// it must match at least one fixed character. Holes may stay empty.
fn is_substring_of_instance(needle: &[char], tokens: &[Token]) -> bool {
    let width = tokens.len() + 1;
    // states[fixed][position]
    let mut states = [vec![true; width], vec![false; width]];
    close_over_empty_holes(&mut states, tokens);
    for &c in needle {
        let mut next = [vec![false; width], vec![false; width]];
        for fixed in 0..2 {
            for position in (0..tokens.len()).filter(|&position| states[fixed][position]) {
                match tokens[position] {
                    Token::Char(expected) if expected == c => next[1][position + 1] = true,
                    Token::Char(_) => {}
                    Token::Hole(hole) if hole.accepts(c) => next[fixed][position] = true,
                    Token::Hole(_) => {}
                }
            }
        }
        close_over_empty_holes(&mut next, tokens);
        if !next.iter().flatten().any(|&state| state) {
            return false;
        }
        states = next;
    }
    states[1].contains(&true)
}

/// Marks the position after each reachable hole as reachable too, since a
/// hole may end at any point.
fn close_over_empty_holes(states: &mut [Vec<bool>; 2], tokens: &[Token]) {
    for row in states.iter_mut() {
        for position in 0..tokens.len() {
            if row[position] && matches!(tokens[position], Token::Hole(_)) {
                row[position + 1] = true;
            }
        }
    }
}

/// Keeps the plain text of a regex, dropping its operators, so that its
/// specificity can be judged like a literal's.
fn regex_literal_text(pattern: &str) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(escaped) if escaped.is_ascii_punctuation() || escaped == ' ' => {
                    out.push(escaped)
                }
                _ => out.push(' '),
            },
            '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' => {
                out.push(' ')
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn used(text: &str, kind: StringUseKind, case_insensitive: bool) -> StringUse {
        StringUse::new(text, kind, case_insensitive, Span::default())
    }

    fn flags(text: &str, kind: StringUseKind) -> bool {
        matches_old_error_text(&used(text, kind, false)).is_some()
    }

    #[test]
    fn old_only_fragments_are_flagged() {
        let cases = [
            "One or more IPs are not assigned to this user",
            "Tried to delete invalid Asset Group",
            "An asset group with title",
            "An asset group with title ‘Servers' already exists",
            "parameter IPs has invalid value: One or more IPs",
            "are not assigned to this user: 10.0.0.1-10.0.0.9",
        ];
        for text in cases {
            assert!(
                flags(text, StringUseKind::Substring),
                "{text:?} should be flagged"
            );
        }
    }

    #[test]
    fn fragments_of_new_texts_are_not_flagged() {
        let cases = [
            "already exists",
            "Please use a different title",
            "already exists.Please use a different title",
            "An asset group with",
        ];
        for text in cases {
            assert!(
                !flags(text, StringUseKind::Substring),
                "{text:?} still matches a new text"
            );
        }
    }

    #[test]
    fn generic_fragments_are_not_flagged() {
        for text in [
            "invalid",
            "Asset Group",
            "has invalid value",
            "does not exist",
            "parameter title",
        ] {
            assert!(
                !flags(text, StringUseKind::Substring),
                "{text:?} is too generic"
            );
        }
    }

    #[test]
    fn unrelated_text_is_not_flagged() {
        assert!(!flags(
            "One or more hosts are down today",
            StringUseKind::Substring
        ));
    }

    #[test]
    fn regex_is_tested_as_regex() {
        assert!(flags(
            r"One or more IPs are not assigned to this user: [\d.-]+",
            StringUseKind::Regex
        ));
        assert!(flags(
            r"Tried to delete invalid Asset Group - \d+",
            StringUseKind::Regex
        ));
        assert!(!flags(r"already exists\.Please use", StringUseKind::Regex));
        assert!(!flags(
            r"(already exists|not assigned to this user)",
            StringUseKind::Regex
        ));
        assert!(!flags("[unclosed", StringUseKind::Regex));
    }

    #[test]
    fn case_insensitive_use_folds_both_sides() {
        let lower = "one or more ips are not assigned to this user";
        assert!(
            !flags(lower, StringUseKind::Substring),
            "case-sensitive lower text matches nothing"
        );
        assert!(matches_old_error_text(&used(lower, StringUseKind::Substring, true)).is_some());
        // `are not in user account scope` is new text whatever the case.
        let new = used(
            "ARE NOT IN USER ACCOUNT SCOPE",
            StringUseKind::Substring,
            true,
        );
        assert!(matches_old_error_text(&new).is_none());
    }

    #[test]
    fn new_text_fragments_are_recognised() {
        let scope = &OLD_ERROR_TEXTS[2];
        let new = used(
            "are not in user account scope",
            StringUseKind::Substring,
            false,
        );
        assert!(matches_new_error_text(&new, scope));
        let generic = used("Asset Group", StringUseKind::Substring, false);
        assert!(!matches_new_error_text(&generic, &OLD_ERROR_TEXTS[1]));
        let other = used(
            "Data not found for Asset Group",
            StringUseKind::Substring,
            false,
        );
        assert!(
            !matches_new_error_text(&other, scope),
            "a different error's new text"
        );
    }

    #[test]
    fn reports_which_old_text_matched() {
        let found = matches_old_error_text(&used(
            "Tried to delete invalid Asset Group",
            StringUseKind::Substring,
            false,
        ));
        assert_eq!(
            found.map(|text| text.old_label),
            Some("Tried to delete invalid Asset Group - NNNN")
        );
    }
}
