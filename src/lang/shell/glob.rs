//! Shell glob patterns, as `case` and `[[ == ]]` match them, turned into
//! string uses: `*text*` is a substring test, a pattern without wildcards
//! an equality test, and any other pattern a regular expression.

use crate::model::{Span, StringUse, StringUseKind};

use super::pattern::PatternSink;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Text(String),
    /// `*`
    AnyString,
    /// `?`
    AnyChar,
    /// `[a-z]` or `[!0-9]`, as written between the brackets.
    Class(String),
}

/// Collects a glob pattern from a `PatternSink`.
#[derive(Default)]
pub struct Glob {
    tokens: Vec<Token>,
    /// Set for extended globs such as `@(a|b)`, which are not converted.
    unsupported: bool,
}

impl PatternSink for Glob {
    fn quoted(&mut self, text: &str) {
        self.push_text(text);
    }

    fn unquoted(&mut self, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let mut index = 0;
        while index < chars.len() {
            let c = chars[index];
            index += 1;
            match c {
                '\\' => {
                    if let Some(escaped) = chars.get(index) {
                        self.push_text(&escaped.to_string());
                        index += 1;
                    }
                }
                // @(a|b), !(a), +(a), *(a), ?(a): extended globs.
                '@' | '!' | '+' | '*' | '?' if chars.get(index) == Some(&'(') => {
                    self.unsupported = true;
                    return;
                }
                '*' => self.push(Token::AnyString),
                '?' => self.push(Token::AnyChar),
                '[' => match class_end(&chars, index) {
                    Some(end) => {
                        self.push(Token::Class(chars[index..end].iter().collect()));
                        index = end + 1;
                    }
                    None => self.push_text("["),
                },
                other => self.push_text(&other.to_string()),
            }
        }
    }

    fn unknown(&mut self) {
        self.push(Token::AnyString);
    }
}

impl Glob {
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(Token::Text(last)) = self.tokens.last_mut() {
            last.push_str(text);
            return;
        }
        self.tokens.push(Token::Text(text.to_string()));
    }

    fn push(&mut self, token: Token) {
        let repeated_star =
            token == Token::AnyString && self.tokens.last() == Some(&Token::AnyString);
        if !repeated_star {
            self.tokens.push(token);
        }
    }

    /// Describes how the pattern uses its literal text, or `None` when it
    /// holds none.
    pub fn string_use(self, case_insensitive: bool, span: Span) -> Option<StringUse> {
        if self.unsupported {
            return None;
        }
        let (text, kind) = match self.tokens.as_slice() {
            [] => return None,
            [Token::Text(text)] => (text.clone(), StringUseKind::Equality),
            [Token::AnyString, Token::Text(text), Token::AnyString] => {
                (text.clone(), StringUseKind::Substring)
            }
            tokens if tokens.iter().any(|t| matches!(t, Token::Text(_))) => {
                (to_regex(tokens), StringUseKind::Regex)
            }
            _ => return None,
        };
        Some(StringUse {
            text,
            kind,
            case_insensitive,
            span,
        })
    }
}

/// Finds the `]` closing a bracket opened before `index`; a `]` first in
/// the class, after an optional `!` or `^`, is a member.
fn class_end(chars: &[char], mut index: usize) -> Option<usize> {
    if matches!(chars.get(index), Some('!' | '^')) {
        index += 1;
    }
    if chars.get(index) == Some(&']') {
        index += 1;
    }
    (index..chars.len()).find(|&i| chars[i] == ']')
}

/// Writes a whole-text regular expression equivalent to the glob.
fn to_regex(tokens: &[Token]) -> String {
    let mut out = String::from("(?s)^");
    for token in tokens {
        match token {
            Token::Text(text) => out.push_str(&regex::escape(text)),
            Token::AnyString => out.push_str(".*"),
            Token::AnyChar => out.push('.'),
            Token::Class(members) => {
                out.push('[');
                let members = match members.strip_prefix('!') {
                    Some(rest) => {
                        out.push('^');
                        rest
                    }
                    None => members,
                };
                for c in members.chars() {
                    if matches!(c, '\\' | '[' | ']' | '&' | '~') {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push(']');
            }
        }
    }
    out.push('$');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn use_of(parts: &[(&str, bool)]) -> Option<(String, StringUseKind)> {
        let mut glob = Glob::default();
        for (text, quoted) in parts {
            if *quoted {
                glob.quoted(text);
            } else {
                glob.unquoted(text);
            }
        }
        glob.string_use(false, Span::default())
            .map(|use_| (use_.text, use_.kind))
    }

    #[test]
    fn substring_equality_and_regex() {
        assert_eq!(
            use_of(&[("*", false), ("Tried to delete", true), ("*", false)]),
            Some(("Tried to delete".into(), StringUseKind::Substring))
        );
        assert_eq!(
            use_of(&[(r"*already\ exists*", false)]),
            Some(("already exists".into(), StringUseKind::Substring))
        );
        assert_eq!(
            use_of(&[("exact", true)]),
            Some(("exact".into(), StringUseKind::Equality))
        );
        assert_eq!(
            use_of(&[("a*b?[!0-9]", false)]),
            Some(("(?s)^a.*b.[^0-9]$".into(), StringUseKind::Regex))
        );
        assert_eq!(
            use_of(&[("*", false)]),
            None,
            "a bare wildcard holds no literal"
        );
        assert_eq!(
            use_of(&[("@(a|b)", false)]),
            None,
            "extended globs are not converted"
        );
    }

    #[test]
    fn quoted_wildcards_are_literal() {
        assert_eq!(
            use_of(&[("*", true)]),
            Some(("*".into(), StringUseKind::Equality))
        );
    }
}
