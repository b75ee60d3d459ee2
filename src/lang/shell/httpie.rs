//! Reading an HTTPie command line (`http` or `https`) into a request:
//! `http [options] [METHOD] URL [ITEM ...]`, with request items as the
//! HTTPie 3 documentation describes them.

use crate::model::{Param, Presence, Value};
use crate::template::{FormFields, Piece, Template};

use super::request::{Body, Request};
use super::word::{Word, display};

/// Short options that take an argument.
const SHORT_WITH_ARGUMENT: &str = "aAops";

/// Long options that take an argument as the next word. Sorted.
const LONG_WITH_ARGUMENT: &[&str] = &[
    "auth",
    "auth-type",
    "boundary",
    "cert",
    "cert-key",
    "cert-key-pass",
    "ciphers",
    "default-scheme",
    "format-options",
    "max-headers",
    "max-redirects",
    "output",
    "pretty",
    "print",
    "proxy",
    "raw",
    "response-charset",
    "response-mime",
    "session",
    "session-read-only",
    "ssl",
    "style",
    "timeout",
    "verify",
];

/// Request item separators, longest first so that at one position `:=@`
/// wins over `:=` and `:`.
const SEPARATORS: &[&str] = &[":=@", "==@", "=@", ":=", "==", "=", "@", ":", ";"];

/// What a request item sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemKind {
    /// `key==value`: a query parameter.
    Query,
    /// `key=value`, `key:=json`, `key=@file`, `key@file`: a body field.
    Field,
    /// `Header:value`, `Header;`.
    Header,
}

/// Reads HTTPie's arguments (the words after `http`) into a request.
pub fn parse_httpie(words: &[Word]) -> Vec<Request> {
    let positionals = positional_indices(words);
    let (method, url_position) = match positionals.as_slice() {
        [first, _, ..] if is_method(&words[*first]) => {
            let method = words[*first].as_literal().map(|m| m.to_ascii_uppercase());
            (Some(method), 1)
        }
        _ => (None, 0),
    };
    let Some(&url_word) = positionals.get(url_position) else {
        return Vec::new();
    };
    let mut body = Body::default();
    let mut sends_fields = false;
    for &index in &positionals[url_position + 1..] {
        sends_fields |= add_item(&mut body, index, &words[index]);
    }
    let method = match method {
        Some(method) => method,
        None if sends_fields => Some("POST".to_string()),
        None => Some("GET".to_string()),
    };
    if url_position == 1 {
        body.add_source(positionals[0]);
    }
    vec![body.request(&words[url_word].template, url_word, method)]
}

/// Returns the indices of the words that are not options or their
/// arguments.
fn positional_indices(words: &[Word]) -> Vec<usize> {
    let mut positionals = Vec::new();
    let mut options_done = false;
    let mut index = 0;
    while index < words.len() {
        let lead = words[index].leading_text();
        if !options_done && words[index].as_literal().as_deref() == Some("--") {
            options_done = true;
        } else if options_done || !lead.starts_with('-') || lead == "-" {
            positionals.push(index);
        } else if let Some(long) = lead.strip_prefix("--") {
            if !long.contains('=') && LONG_WITH_ARGUMENT.binary_search(&long).is_ok() {
                index += 1;
            }
        } else if lead.len() == 2 && lead[1..].chars().all(|c| SHORT_WITH_ARGUMENT.contains(c)) {
            index += 1;
        }
        index += 1;
    }
    positionals
}

fn is_method(word: &Word) -> bool {
    word.as_literal()
        .is_some_and(|text| !text.is_empty() && text.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Adds one request item and returns whether it is a body field.
fn add_item(body: &mut Body, index: usize, word: &Word) -> bool {
    let Some((key, separator, value)) = split_item(&word.template) else {
        let description = display(&word.template);
        body.add_unresolved(index, description, word.span);
        return false;
    };
    let kind = match separator {
        "==" | "==@" => ItemKind::Query,
        ":" | ";" => ItemKind::Header,
        _ => ItemKind::Field,
    };
    if kind == ItemKind::Header {
        return false;
    }
    let value = match value.as_literal() {
        Some(text) if !separator.ends_with('@') => Value::Literal(text),
        _ if separator.ends_with('@') => Value::Dynamic(format!("@{}", display(&value))),
        _ => Value::Dynamic(value.unknown_description()),
    };
    let param = Param {
        name: key,
        value,
        presence: Presence::Always,
        span: word.template.span_or(word.span),
    };
    let fields = FormFields {
        params: vec![param],
        unresolved: Vec::new(),
    };
    body.add_fields(index, fields);
    kind == ItemKind::Field
}

/// Splits an item at its first separator outside a backslash escape. The
/// key must be known text; `None` when it is not, or when there is no
/// separator.
fn split_item(template: &Template) -> Option<(String, &'static str, Template)> {
    let Some((Piece::Text(text), span)) = template.pieces.first() else {
        return None;
    };
    let mut key = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '\\' {
            key.extend(chars.next().map(|(_, escaped)| escaped));
            continue;
        }
        if let Some(separator) = SEPARATORS.iter().find(|s| text[at..].starts_with(**s)) {
            let mut value = Template::text(&text[at + separator.len()..], *span);
            value.append(Template {
                pieces: template.pieces[1..].to_vec(),
            });
            return Some((key, separator, value));
        }
        key.push(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn item(text: &str) -> Option<(String, &'static str, Option<String>)> {
        split_item(&Template::text(text, Span::new(0, 1)))
            .map(|(key, separator, value)| (key, separator, value.as_literal()))
    }

    #[test]
    fn item_separators() {
        assert_eq!(
            item("action==add"),
            Some(("action".into(), "==", Some("add".into())))
        );
        assert_eq!(
            item("ips=1.2.3.4"),
            Some(("ips".into(), "=", Some("1.2.3.4".into())))
        );
        assert_eq!(item("n:=42"), Some(("n".into(), ":=", Some("42".into()))));
        assert_eq!(
            item("X-Requested-With:x"),
            Some(("X-Requested-With".into(), ":", Some("x".into())))
        );
        assert_eq!(item(r"a\=b=c"), Some(("a=b".into(), "=", Some("c".into()))));
        assert_eq!(
            item("file@body.txt"),
            Some(("file".into(), "@", Some("body.txt".into())))
        );
        assert_eq!(item("plain"), None);
    }

    #[test]
    fn long_list_is_sorted() {
        for pair in LONG_WITH_ARGUMENT.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{:?} must sort before {:?}",
                pair[0],
                pair[1]
            );
        }
    }
}
