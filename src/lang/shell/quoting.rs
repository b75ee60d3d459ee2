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

/// Characters that an extended regular expression gives a meaning.
const ERE_SPECIAL: &str = r".[]()*+?{}|^$\";

/// Rewrites the backslash escapes of an unquoted `[[ =~ ]]` operand. Bash
/// quotes the character after a backslash, so it matches itself: `\<` is a
/// `<`, not a word start, and `\d` is a `d`. A special character keeps its
/// backslash, which makes it literal in the expression too. Bash 5.2 was
/// checked for `\<`, `\d`, `\s` and `\.`.
pub fn quote_regex_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(escaped) if ERE_SPECIAL.contains(escaped) => {
                out.push('\\');
                out.push(escaped);
            }
            Some(escaped) => out.push(escaped),
            None => out.push_str(r"\\"),
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
        match chars.next() {
            Some(escaped) => push_ansi_escape(&mut out, &mut chars, escaped),
            None => out.push('\\'),
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Pushes what the escape `\` + `escaped` stands for, reading the digits
/// of a numeric escape from `chars`.
fn push_ansi_escape(out: &mut String, chars: &mut Chars, escaped: char) {
    match escaped {
        'n' => out.push('\n'),
        't' => out.push('\t'),
        'r' => out.push('\r'),
        'a' => out.push('\u{7}'),
        'b' => out.push('\u{8}'),
        'e' | 'E' => out.push('\u{1b}'),
        'f' => out.push('\u{c}'),
        'v' => out.push('\u{b}'),
        'x' => push_code(out, chars, 'x', 2),
        'u' => push_code(out, chars, 'u', 4),
        'U' => push_code(out, chars, 'U', 8),
        // \0 to \777: up to three octal digits.
        '0'..='7' => {
            let mut value = escaped.to_digit(8).unwrap_or(0);
            for _ in 0..2 {
                let Some(digit) = chars.peek().and_then(|c| c.to_digit(8)) else {
                    break;
                };
                value = value * 8 + digit;
                chars.next();
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

/// Reads up to `max_digits` hexadecimal digits after `\x`, `\u` or `\U`
/// and pushes the character they encode. With no digit the escape stays as
/// written.
fn push_code(out: &mut String, chars: &mut Chars, letter: char, max_digits: usize) {
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
    fn regex_operand_escapes() {
        assert_eq!(quote_regex_escapes(r"\<DOMAIN\>(.*)"), "<DOMAIN>(.*)");
        assert_eq!(quote_regex_escapes(r"^\d\s$"), "^ds$");
        assert_eq!(quote_regex_escapes(r"x\.y\(z\)"), r"x\.y\(z\)");
        assert_eq!(quote_regex_escapes(r"a\ b"), "a b");
        assert_eq!(quote_regex_escapes("end\\"), r"end\\");
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
