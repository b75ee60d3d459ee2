//! Python string literals: prefixes, escape sequences, implicit
//! concatenation (`"a" "b"`) and f-string replacement fields.

use tree_sitter::Node;

use super::fields::FIELD;
use super::syntax::{kind, named_children, node_text};

/// A piece of a string literal.
#[derive(Clone, Debug)]
pub(super) enum StringPart<'t> {
    Text(String),
    /// An f-string replacement field such as `{ips}`. `formatted` is true
    /// when a conversion (`!r`) or a format spec (`:>8`) changes the text.
    Field {
        expression: Node<'t>,
        formatted: bool,
    },
}

pub(super) fn is_string(node: Node) -> bool {
    matches!(kind(node), "string" | "concatenated_string")
}

/// Reads a `string` or `concatenated_string` node into its pieces, with
/// escape sequences decoded.
pub(super) fn string_parts<'t>(node: Node<'t>, source: &str) -> Vec<StringPart<'t>> {
    let mut parts = Vec::new();
    if kind(node) == "concatenated_string" {
        for piece in named_children(node) {
            if kind(piece) == "string" {
                push_string_parts(piece, source, &mut parts);
            }
        }
    } else {
        push_string_parts(node, source, &mut parts);
    }
    parts
}

/// Returns the value of a literal that has no replacement fields.
pub(super) fn literal_value(node: Node, source: &str) -> Option<String> {
    if !is_string(node) {
        return None;
    }
    let mut value = String::new();
    for part in string_parts(node, source) {
        match part {
            StringPart::Text(text) => value.push_str(&text),
            StringPart::Field { .. } => return None,
        }
    }
    Some(value)
}

fn push_string_parts<'t>(string: Node<'t>, source: &str, parts: &mut Vec<StringPart<'t>>) {
    let raw = string
        .child(0)
        .filter(|start| kind(*start) == "string_start")
        .is_some_and(|start| {
            node_text(start, source)
                .chars()
                .any(|c| c == 'r' || c == 'R')
        });
    for child in named_children(string) {
        match kind(child) {
            "string_content" => parts.push(StringPart::Text(content_text(child, source, raw))),
            "interpolation" => {
                let Some(expression) = child.child_by_field_id(FIELD.expression) else {
                    continue;
                };
                let formatted = child.child_by_field_id(FIELD.type_conversion).is_some()
                    || child.child_by_field_id(FIELD.format_specifier).is_some();
                parts.push(StringPart::Field {
                    expression,
                    formatted,
                });
            }
            _ => {}
        }
    }
}

/// Decodes a `string_content` node. Tree-sitter marks each escape sequence
/// (and each doubled brace of an f-string) as a child node; the text between
/// them is taken as written.
fn content_text(content: Node, source: &str, raw: bool) -> String {
    let mut text = String::new();
    let mut position = content.start_byte();
    for escape in named_children(content) {
        text.push_str(source.get(position..escape.start_byte()).unwrap_or(""));
        let written = node_text(escape, source);
        match kind(escape) {
            // `{{` and `}}` in an f-string stand for one brace.
            "escape_interpolation" => text.push_str(&written[..written.len().min(1)]),
            _ if raw => text.push_str(written),
            _ => text.push_str(&decode_escape(written)),
        }
        position = escape.end_byte();
    }
    text.push_str(source.get(position..content.end_byte()).unwrap_or(""));
    text
}

/// Decodes one escape sequence such as `\n`, `\x41`, `\u00e9` or `\101`.
/// Named escapes (`\N{BULLET}`) are kept as written because resolving them
/// needs the Unicode name table.
fn decode_escape(escape: &str) -> String {
    let Some(body) = escape.strip_prefix('\\') else {
        return escape.to_string();
    };
    let mut chars = body.chars();
    let Some(first) = chars.next() else {
        return escape.to_string();
    };
    let simple = match first {
        '\n' | '\r' => Some(""),
        '\\' => Some("\\"),
        '\'' => Some("'"),
        '"' => Some("\""),
        'a' => Some("\u{7}"),
        'b' => Some("\u{8}"),
        'f' => Some("\u{c}"),
        'n' => Some("\n"),
        'r' => Some("\r"),
        't' => Some("\t"),
        'v' => Some("\u{b}"),
        _ => None,
    };
    if let Some(text) = simple {
        return text.to_string();
    }
    let code = match first {
        'x' | 'u' | 'U' => u32::from_str_radix(chars.as_str(), 16).ok(),
        '0'..='7' => u32::from_str_radix(body, 8).ok(),
        _ => None,
    };
    code.and_then(char::from_u32)
        .map(String::from)
        .unwrap_or_else(|| escape.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_string<'t>(tree: &'t tree_sitter::Tree) -> Node<'t> {
        let statement = tree.root_node().named_child(0).expect("one statement");
        let expression = statement.named_child(0).expect("an expression");
        match kind(expression) {
            "assignment" => expression.child_by_field_id(FIELD.right).expect("a value"),
            _ => expression,
        }
    }

    fn value_of(source: &str) -> Option<String> {
        let tree = super::super::test_support::parse(source);
        literal_value(first_string(&tree), source)
    }

    #[test]
    fn escapes_are_decoded() {
        assert_eq!(
            value_of(r#"x = "a\tb\x41\u00e9\101\\""#).as_deref(),
            Some("a\tbAéA\\")
        );
    }

    #[test]
    fn raw_strings_keep_backslashes() {
        assert_eq!(value_of(r#"x = r"\d+\n""#).as_deref(), Some(r"\d+\n"));
    }

    #[test]
    fn prefixes_and_implicit_concatenation() {
        assert_eq!(
            value_of(r#"x = u"a" B'b' Rb"\c" '''d'''"#).as_deref(),
            Some(r"ab\cd")
        );
    }

    #[test]
    fn line_continuation_inside_string() {
        assert_eq!(value_of("x = \"ab\\\ncd\"").as_deref(), Some("abcd"));
    }

    #[test]
    fn f_string_doubled_braces() {
        assert_eq!(value_of(r#"x = f"{{a}}""#).as_deref(), Some("{a}"));
    }

    #[test]
    fn f_string_field_has_no_literal_value() {
        assert_eq!(value_of(r#"x = f"a{b}""#), None);
        let source = r#"x = f"a{b!r}c{d}""#;
        let tree = super::super::test_support::parse(source);
        let parts = string_parts(first_string(&tree), source);
        assert_eq!(parts.len(), 4, "text, field, text, field: {parts:?}");
        assert!(
            matches!(
                parts[1],
                StringPart::Field {
                    formatted: true,
                    ..
                }
            ),
            "{parts:?}"
        );
        assert!(
            matches!(
                parts[3],
                StringPart::Field {
                    formatted: false,
                    ..
                }
            ),
            "{parts:?}"
        );
    }
}
