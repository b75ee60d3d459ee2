//! Converting POSIX regular expressions, as `grep` and `[[ =~ ]]` read
//! them, to the syntax of the `regex` crate, so that rules can test them.
//!
//! Basic expressions (plain `grep`) mark groups and alternation with a
//! backslash (`\(a\|b\)`) and take bare `( ) | { } + ?` literally; GNU grep
//! reads `\+`, `\?` and `\|` as operators. Extended expressions (`grep -E`,
//! `=~`) are close to the crate's syntax. Both differ in bracket
//! expressions, where a backslash is literal, and in `\<` and `\>`.

/// Converts a basic regular expression (BRE).
pub fn from_bre(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut index = 0;
    // True where a `*` would have nothing to repeat and so is literal.
    let mut at_start = true;
    while index < chars.len() {
        let c = chars[index];
        index += 1;
        let starts_group = match c {
            '\\' => match chars.get(index) {
                Some(&next) => {
                    index += 1;
                    push_bre_escape(&mut out, next)
                }
                None => {
                    out.push_str(r"\\");
                    false
                }
            },
            '[' => {
                index = push_bracket(&mut out, &chars, index);
                false
            }
            '*' if at_start => {
                out.push_str(r"\*");
                false
            }
            '^' if at_start => {
                out.push('^');
                true
            }
            '^' => {
                out.push_str(r"\^");
                false
            }
            '$' if at_bre_end(&chars, index) => {
                out.push('$');
                false
            }
            '$' => {
                out.push_str(r"\$");
                false
            }
            '.' | '*' => {
                out.push(c);
                false
            }
            '(' | ')' | '|' | '{' | '}' | '+' | '?' => {
                out.push('\\');
                out.push(c);
                false
            }
            other => {
                push_literal_char(&mut out, other);
                false
            }
        };
        at_start = starts_group;
    }
    out
}

/// Pushes the conversion of `\c` in a BRE and returns whether it opens a
/// group or alternative, after which `*` and `^` behave as at the start.
fn push_bre_escape(out: &mut String, escaped: char) -> bool {
    match escaped {
        '(' | '|' => {
            out.push(escaped);
            true
        }
        ')' | '{' | '}' | '+' | '?' => {
            out.push(escaped);
            false
        }
        _ => {
            push_common_escape(out, escaped);
            false
        }
    }
}

/// True when a `$` just read (ending at `index`) is at the end of the
/// pattern or of a group or alternative, where a BRE reads it as an anchor.
fn at_bre_end(chars: &[char], index: usize) -> bool {
    match chars.get(index) {
        None => true,
        Some('\\') => matches!(chars.get(index + 1), Some(')' | '|')),
        Some(_) => false,
    }
}

/// Converts an extended regular expression (ERE).
pub fn from_ere(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut index = 0;
    let mut in_repetition = false;
    while index < chars.len() {
        let c = chars[index];
        index += 1;
        match c {
            '\\' => match chars.get(index) {
                Some(&next) => {
                    index += 1;
                    push_common_escape(&mut out, next);
                }
                None => out.push_str(r"\\"),
            },
            '[' => index = push_bracket(&mut out, &chars, index),
            // A brace that does not start a repetition such as {2,3} is
            // literal in POSIX but an error for the regex crate.
            '{' if !in_repetition && starts_repetition(&chars, index) => {
                in_repetition = true;
                out.push('{');
            }
            '}' if in_repetition => {
                in_repetition = false;
                out.push('}');
            }
            '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            other => out.push(other),
        }
    }
    out
}

/// Handles escapes that basic and extended expressions share.
fn push_common_escape(out: &mut String, escaped: char) {
    match escaped {
        // \< and \> are GNU word boundaries.
        '<' | '>' => out.push_str(r"\b"),
        // \` and \' anchor at the start and end of the text.
        '`' => out.push_str(r"\A"),
        '\'' => out.push_str(r"\z"),
        'w' | 'W' | 's' | 'S' | 'b' | 'B' => {
            out.push('\\');
            out.push(escaped);
        }
        // A back-reference has no equivalent; any text may match it.
        '1'..='9' => out.push_str(".*"),
        other => push_literal_char(out, other),
    }
}

/// Pushes `c` to match itself. Only the characters that are special
/// outside a class are escaped, so that `-x` stays readable.
fn push_literal_char(out: &mut String, c: char) {
    if r"\.+*?()|[]{}^$".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

fn starts_repetition(chars: &[char], index: usize) -> bool {
    let rest: String = chars[index..].iter().take(16).collect();
    let Some(close) = rest.find('}') else {
        return false;
    };
    let body = &rest[..close];
    let (low, high) = body.split_once(',').unwrap_or((body, ""));
    !low.is_empty()
        && low.bytes().all(|b| b.is_ascii_digit())
        && high.bytes().all(|b| b.is_ascii_digit())
}

/// Copies a bracket expression whose `[` was just read, and returns the
/// index after its `]`. Inside brackets POSIX takes a backslash literally
/// and allows a leading `]`; the regex crate needs both escaped, and also
/// a nested `[` and the set operators `&&`, `--`, `~~`.
fn push_bracket(out: &mut String, chars: &[char], mut index: usize) -> usize {
    let Some(close) = bracket_end(chars, index) else {
        out.push_str(r"\[");
        return index;
    };
    out.push('[');
    if chars.get(index) == Some(&'^') {
        out.push('^');
        index += 1;
    }
    let mut first = true;
    while index < close {
        let c = chars[index];
        // [:alpha:], [=a=], [.-.]: copied whole; the crate knows [:alpha:].
        if c == '[' && matches!(chars.get(index + 1), Some(':' | '=' | '.')) {
            let kind = chars[index + 1];
            let end = (index + 2..close)
                .find(|&i| chars[i] == kind && chars.get(i + 1) == Some(&']'))
                .map_or(close, |i| i + 2);
            out.extend(&chars[index..end]);
            index = end;
            first = false;
            continue;
        }
        let needs_escape = matches!(c, '\\' | '[' | '&' | '~') || (c == ']' && first);
        let doubled_dash = c == '-' && chars.get(index + 1) == Some(&'-');
        if needs_escape || doubled_dash {
            out.push('\\');
        }
        out.push(c);
        first = false;
        index += 1;
    }
    out.push(']');
    close + 1
}

/// Finds the `]` that closes a bracket expression opened before `index`.
fn bracket_end(chars: &[char], mut index: usize) -> Option<usize> {
    if chars.get(index) == Some(&'^') {
        index += 1;
    }
    // A `]` right after `[` or `[^` is a member, not the end.
    if chars.get(index) == Some(&']') {
        index += 1;
    }
    while index < chars.len() {
        match chars[index] {
            ']' => return Some(index),
            '[' if matches!(chars.get(index + 1), Some(':' | '=' | '.')) => {
                let kind = chars[index + 1];
                let end = (index + 2..chars.len())
                    .find(|&i| chars[i] == kind && chars.get(i + 1) == Some(&']'))?;
                index = end + 2;
            }
            _ => index += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiles(pattern: &str) -> bool {
        regex::Regex::new(pattern).is_ok()
    }

    #[test]
    fn bre_groups_and_literals() {
        let cases = [
            (r"a\(b\|c\)d", "a(b|c)d"),
            ("a(b)", r"a\(b\)"),
            ("x|y", r"x\|y"),
            (r"a\{2\}", "a{2}"),
            ("a{2}", r"a\{2\}"),
            ("a+b?", r"a\+b\?"),
            (r"a\+", "a+"),
            ("*star", r"\*star"),
            ("^start end$", "^start end$"),
            ("a^b$c", r"a\^b\$c"),
            (r"\<word\>", r"\bword\b"),
            ("1.2.3.4", "1.2.3.4"),
        ];
        for (bre, expected) in cases {
            assert_eq!(from_bre(bre), expected, "BRE {bre:?}");
            assert!(
                compiles(&from_bre(bre)),
                "BRE {bre:?} must convert to a valid regex"
            );
        }
    }

    #[test]
    fn ere_is_mostly_kept() {
        assert_eq!(from_ere("(a|b)+c?"), "(a|b)+c?");
        assert_eq!(from_ere("a{2,3}"), "a{2,3}");
        assert_eq!(from_ere("a{b"), r"a\{b");
        assert_eq!(from_ere("a}"), r"a\}");
        assert_eq!(from_ere("a{2}b}"), r"a{2}b\}");
        assert!(
            compiles(&from_ere("a{b}")),
            "a{{b}} must convert to a valid regex"
        );
    }

    #[test]
    fn bracket_expressions() {
        assert_eq!(from_bre(r"[\]"), r"[\\]");
        assert_eq!(from_bre("[]a]"), r"[\]a]");
        assert_eq!(from_bre("[^]a]"), r"[^\]a]");
        assert_eq!(from_bre("[[:digit:]]+"), r"[[:digit:]]\+");
        assert_eq!(from_ere("[a&&b]"), r"[a\&\&b]");
        assert_eq!(from_ere("[unclosed"), r"\[unclosed");
        for pattern in [r"[\]", "[]a]", "[[:digit:]]", "[a-z--]", "[[a]"] {
            assert!(
                compiles(&from_ere(pattern)),
                "{pattern:?} must convert to a valid regex"
            );
        }
    }
}
