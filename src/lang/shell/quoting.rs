//! Removal of shell quoting from literal text, following the bash manual's
//! "Quoting" section: backslash escapes in unquoted and double-quoted text,
//! and ANSI-C `$'...'` strings.

/// Removes backslash escapes from unquoted text: `a\ b` is `a b`, and a
/// backslash before a newline joins the lines.
pub fn unescape_unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\n') | None => {}
            Some(escaped) => out.push(escaped),
        }
    }
    out
}

/// Removes the escapes that double quotes honour: a backslash keeps its
/// meaning only before `$`, `` ` ``, `"`, `\` and a newline.
pub fn unescape_double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('\n') => {
                chars.next();
            }
            Some(&escaped @ ('$' | '`' | '"' | '\\')) => {
                chars.next();
                out.push(escaped);
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// Decodes the body of a `$'...'` string, given with its `$'` and `'`.
pub fn decode_ansi_c(quoted: &str) -> String {
    let body = quoted.strip_prefix("$'").unwrap_or(quoted);
    let body = body.strip_suffix('\'').unwrap_or(body);
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(escaped) = chars.next() else {
            out.push('\\');
            break;
        };
        match escaped {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'e' | 'E' => out.push('\u{1b}'),
            'f' => out.push('\u{c}'),
            'v' => out.push('\u{b}'),
            'x' => push_code(&mut out, &mut chars, 'x', 2),
            'u' => push_code(&mut out, &mut chars, 'u', 4),
            'U' => push_code(&mut out, &mut chars, 'U', 8),
            '0'..='7' => {
                let mut value = escaped.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(digit) => {
                            value = value * 8 + digit;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.extend(char::from_u32(value));
            }
            // `\\`, `\'`, `\"` and `\?` stand for the character itself.
            '\\' | '\'' | '"' | '?' => out.push(escaped),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

/// Reads up to `max_digits` hexadecimal digits after `\x`, `\u` or `\U`
/// and pushes the character they encode. With no digit the escape stays as
/// written.
fn push_code(
    out: &mut String,
    chars: &mut std::iter::Peekable<std::str::Chars>,
    letter: char,
    max_digits: usize,
) {
    let radix = 16;
    let mut value = 0u32;
    let mut digits = 0;
    while digits < max_digits {
        match chars.peek().and_then(|c| c.to_digit(radix)) {
            Some(digit) => {
                value = value.saturating_mul(radix).saturating_add(digit);
                chars.next();
                digits += 1;
            }
            None => break,
        }
    }
    if digits == 0 {
        out.push('\\');
        out.push(letter);
        return;
    }
    out.push(char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unquoted_escapes() {
        assert_eq!(unescape_unquoted(r"a\ b"), "a b");
        assert_eq!(unescape_unquoted("a\\\nb"), "ab");
        assert_eq!(unescape_unquoted(r"\\x"), r"\x");
        assert_eq!(unescape_unquoted("trailing\\"), "trailing");
    }

    #[test]
    fn double_quoted_escapes() {
        assert_eq!(unescape_double_quoted(r#"x\$y\"z\\w"#), r#"x$y"z\w"#);
        assert_eq!(
            unescape_double_quoted(r"a\nb"),
            r"a\nb",
            "\\n is not an escape in double quotes"
        );
        assert_eq!(unescape_double_quoted("a\\\nb"), "ab");
    }

    #[test]
    fn ansi_c_escapes() {
        assert_eq!(decode_ansi_c(r"$'a\tb'"), "a\tb");
        assert_eq!(decode_ansi_c(r"$'it\'s'"), "it's");
        assert_eq!(decode_ansi_c(r"$'\x41\101\u00e9'"), "AAé");
        assert_eq!(decode_ansi_c(r"$'\q'"), r"\q");
        assert_eq!(decode_ansi_c(r"$'\x'"), r"\x");
    }
}
