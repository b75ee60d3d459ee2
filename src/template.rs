//! Partly resolved strings: URLs and bodies whose pieces are either known
//! text or an unknown value, and how such strings split into form fields.

use crate::model::{Param, Presence, Span, Unresolved, Value};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A value the front end could not resolve; the text names its source.
    Unknown(String),
}

/// A string as a sequence of known and unknown pieces, each with the span
/// of the source text it came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Template {
    pub pieces: Vec<(Piece, Span)>,
}

impl Template {
    pub fn text(text: impl Into<String>, span: Span) -> Self {
        let mut template = Template::default();
        template.push_text(text, span);
        template
    }

    pub fn unknown(description: impl Into<String>, span: Span) -> Self {
        Template {
            pieces: vec![(Piece::Unknown(description.into()), span)],
        }
    }

    pub fn push_text(&mut self, text: impl Into<String>, span: Span) {
        let text = text.into();
        if text.is_empty() {
            return;
        }
        if let Some((Piece::Text(last), last_span)) = self.pieces.last_mut() {
            last.push_str(&text);
            *last_span = last_span.cover(span);
            return;
        }
        self.pieces.push((Piece::Text(text), span));
    }

    pub fn push_unknown(&mut self, description: impl Into<String>, span: Span) {
        self.pieces.push((Piece::Unknown(description.into()), span));
    }

    pub fn append(&mut self, other: Template) {
        for (piece, span) in other.pieces {
            match piece {
                Piece::Text(text) => self.push_text(text, span),
                Piece::Unknown(description) => self.push_unknown(description, span),
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Returns the whole text when every piece is known.
    pub fn as_literal(&self) -> Option<String> {
        let mut out = String::new();
        for (piece, _) in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Unknown(_) => return None,
            }
        }
        Some(out)
    }

    /// Returns the span covering every piece, or `fallback` when empty.
    pub fn span_or(&self, fallback: Span) -> Span {
        let mut spans = self.pieces.iter().map(|(_, span)| *span);
        match spans.next() {
            Some(first) => spans.fold(first, Span::cover),
            None => fallback,
        }
    }

    /// Names the unknown pieces, such as `$host, $(date)`.
    pub fn unknown_description(&self) -> String {
        let names: Vec<&str> = self
            .pieces
            .iter()
            .filter_map(|(piece, _)| match piece {
                Piece::Unknown(description) => Some(description.as_str()),
                Piece::Text(_) => None,
            })
            .collect();
        names.join(", ")
    }

    /// Splits at every occurrence of `separator` inside known text.
    pub fn split(&self, separator: char) -> Vec<Template> {
        let mut parts = vec![Template::default()];
        for (piece, span) in &self.pieces {
            match piece {
                Piece::Unknown(description) => {
                    parts
                        .last_mut()
                        .unwrap()
                        .push_unknown(description.clone(), *span);
                }
                Piece::Text(text) => {
                    let mut fields = text.split(separator);
                    if let Some(first) = fields.next() {
                        parts.last_mut().unwrap().push_text(first, *span);
                    }
                    for field in fields {
                        let mut part = Template::default();
                        part.push_text(field, *span);
                        parts.push(part);
                    }
                }
            }
        }
        parts
    }

    /// Splits at the first `separator` inside known text.
    pub fn split_once(&self, separator: char) -> Option<(Template, Template)> {
        let mut head = Template::default();
        let mut pieces = self.pieces.iter();
        for (piece, span) in pieces.by_ref() {
            match piece {
                Piece::Text(text) if text.contains(separator) => {
                    let (before, after) = text.split_once(separator).unwrap();
                    head.push_text(before, *span);
                    let mut tail = Template::text(after, *span);
                    for (piece, span) in pieces {
                        tail.append(Template {
                            pieces: vec![(piece.clone(), *span)],
                        });
                    }
                    return Some((head, tail));
                }
                _ => head.append(Template {
                    pieces: vec![(piece.clone(), *span)],
                }),
            }
        }
        None
    }
}

/// Parameters read from a form-encoded string, and the parts of it that
/// could not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormFields {
    pub params: Vec<Param>,
    pub unresolved: Vec<Unresolved>,
}

impl FormFields {
    pub fn extend(&mut self, other: FormFields) {
        self.params.extend(other.params);
        self.unresolved.extend(other.unresolved);
    }
}

/// Reads `a=1&b=$x` into parameters. A field whose name is not known, such
/// as a whole body taken from an unset variable, is unresolved: it could
/// carry any parameter.
pub fn form_fields(body: &Template, presence: Presence, fallback: Span) -> FormFields {
    let mut fields = FormFields::default();
    for field in body.split('&') {
        if field.is_empty() || field.as_literal().is_some_and(|text| text.is_empty()) {
            continue;
        }
        let span = field.span_or(fallback);
        let (name, value) = match field.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (field.clone(), None),
        };
        match name.as_literal() {
            Some(name) if !name.is_empty() => {
                let value = value
                    .map(|value| form_value(&value))
                    .unwrap_or(Value::Literal(String::new()));
                fields.params.push(Param {
                    name: decode_form(&name),
                    value,
                    presence,
                    span,
                });
            }
            _ => fields.unresolved.push(Unresolved {
                description: field.unknown_description(),
                span,
            }),
        }
    }
    fields
}

fn form_value(value: &Template) -> Value {
    match value.as_literal() {
        Some(text) => Value::Literal(decode_form(&text)),
        None => Value::Dynamic(value.unknown_description()),
    }
}

/// Decodes one form-encoded name or value: `+` is a space and `%XX` a byte.
pub fn decode_form(text: &str) -> String {
    let spaced = text.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span() -> Span {
        Span::new(0, 1)
    }

    fn names(fields: &FormFields) -> Vec<&str> {
        fields
            .params
            .iter()
            .map(|param| param.name.as_str())
            .collect()
    }

    #[test]
    fn literal_body_splits_into_fields() {
        let body = Template::text("action=add&ips=10.0.0.1&ag_title=All+Servers", span());
        let fields = form_fields(&body, Presence::Always, span());
        assert_eq!(names(&fields), ["action", "ips", "ag_title"]);
        assert_eq!(fields.params[2].value, Value::Literal("All Servers".into()));
        assert!(fields.unresolved.is_empty());
    }

    #[test]
    fn unknown_value_is_dynamic() {
        let mut body = Template::text("action=add&ips=", span());
        body.push_unknown("$1", span());
        body.push_text("&enable_vm=1", span());
        let fields = form_fields(&body, Presence::Always, span());
        assert_eq!(names(&fields), ["action", "ips", "enable_vm"]);
        assert_eq!(fields.params[1].value, Value::Dynamic("$1".into()));
        assert!(fields.unresolved.is_empty());
    }

    #[test]
    fn unknown_field_is_unresolved() {
        let mut body = Template::text("action=add&", span());
        body.push_unknown("$EXTRA", span());
        let fields = form_fields(&body, Presence::Always, span());
        assert_eq!(names(&fields), ["action"]);
        assert_eq!(fields.unresolved.len(), 1);
        assert_eq!(fields.unresolved[0].description, "$EXTRA");
    }

    #[test]
    fn split_once_keeps_unknown_tail() {
        let mut url = Template::unknown("$BASE", span());
        url.push_text("/api/2.0/fo/scan/?action=list&state=", span());
        url.push_unknown("$STATE", span());
        let (head, query) = url.split_once('?').expect("has a query");
        assert_eq!(head.unknown_description(), "$BASE");
        assert_eq!(query.pieces.len(), 2);
        assert_eq!(query.pieces[0].0, Piece::Text("action=list&state=".into()));
    }
}
