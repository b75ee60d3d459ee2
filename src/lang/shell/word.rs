//! Shell words after expansion, and the builder that applies bash's word
//! splitting to unquoted expansions.

use crate::model::Span;
use crate::template::{Piece, Template};

/// One word of a command line after quote removal and expansion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub template: Template,
    /// The source of the argument the word came from.
    pub span: Span,
    /// True when the word may stand for any number of words, options
    /// included: an unquoted unknown expansion such as `$OPTS`, `"$@"` of an
    /// unknown caller, or an unknown array.
    pub spread: bool,
    /// Bit `n` is set when the word depends on the positional parameters of
    /// the function frame at call depth `n`.
    pub deps: u32,
}

impl Word {
    pub fn literal(text: impl Into<String>, span: Span) -> Self {
        Word {
            template: Template::text(text, span),
            span,
            spread: false,
            deps: 0,
        }
    }

    pub fn unknown(description: impl Into<String>, span: Span) -> Self {
        Word {
            template: Template::unknown(description, span),
            span,
            spread: false,
            deps: 0,
        }
    }

    /// Returns the known text at the start of the word, before any unknown
    /// piece.
    pub fn leading_text(&self) -> &str {
        leading_text(&self.template)
    }

    pub fn as_literal(&self) -> Option<String> {
        self.template.as_literal()
    }
}

/// Returns the known text at the start of a template.
pub fn leading_text(template: &Template) -> &str {
    match template.pieces.first() {
        Some((Piece::Text(text), _)) => text,
        _ => "",
    }
}

/// Returns the template without its first `count` bytes, which must lie in
/// its leading known text.
pub fn drop_prefix(template: &Template, count: usize) -> Template {
    let mut rest = Template::default();
    let mut pieces = template.pieces.iter();
    if let Some((Piece::Text(text), span)) = pieces.next() {
        rest.push_text(text.get(count..).unwrap_or(""), *span);
    }
    for (piece, span) in pieces {
        match piece {
            Piece::Text(text) => rest.push_text(text.clone(), *span),
            Piece::Unknown(description) => rest.push_unknown(description.clone(), *span),
        }
    }
    rest
}

/// The result of looking for a separator in a partly known string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Split {
    /// The text before and after the first separator.
    Found(Template, Template),
    /// The string is wholly known and has no separator.
    Absent,
    /// An unknown piece comes before any separator and could hold one.
    Blocked,
}

/// Splits at the first `separator` in known text, unless an unknown piece
/// comes first.
pub fn split_at_first(template: &Template, separator: char) -> Split {
    let mut head = Template::default();
    for (index, (piece, span)) in template.pieces.iter().enumerate() {
        let Piece::Text(text) = piece else {
            return Split::Blocked;
        };
        let Some((before, after)) = text.split_once(separator) else {
            head.push_text(text.clone(), *span);
            continue;
        };
        head.push_text(before, *span);
        let mut tail = Template::text(after, *span);
        tail.append(Template {
            pieces: template.pieces[index + 1..].to_vec(),
        });
        return Split::Found(head, tail);
    }
    Split::Absent
}

/// Writes a template for a message: known text as is, unknown pieces by
/// their description, as in `@$BODY_FILE`.
pub fn display(template: &Template) -> String {
    let mut out = String::new();
    for (piece, _) in &template.pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Unknown(description) => out.push_str(description),
        }
    }
    out
}

fn is_field_separator(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n')
}

/// Collects the words of one argument. Unquoted expansions are split at
/// blanks (the default `IFS`); quoted text never is. Globbing and brace
/// expansion are not performed.
pub struct WordBuilder {
    split: bool,
    span: Span,
    words: Vec<Word>,
    current: Option<Word>,
}

impl WordBuilder {
    /// Starts a builder for an argument at `span`. With `split` false (an
    /// assignment value, a `case` subject) the result is one word.
    pub fn new(span: Span, split: bool) -> Self {
        WordBuilder {
            split,
            span,
            words: Vec::new(),
            current: None,
        }
    }

    fn current(&mut self) -> &mut Word {
        let span = self.span;
        self.current.get_or_insert_with(|| Word {
            template: Template::default(),
            span,
            spread: false,
            deps: 0,
        })
    }

    fn break_word(&mut self) {
        if let Some(word) = self.current.take() {
            self.words.push(word);
        }
    }

    /// Appends text that is part of the word as written, such as `-d` or a
    /// quoted string. An empty quoted string still makes a word.
    pub fn push_literal(&mut self, text: &str, span: Span) {
        self.current().template.push_text(text, span);
    }

    /// Appends an expansion's value. Outside quotes its known text is split
    /// at blanks and an unknown piece may hold several words.
    pub fn push_expansion(&mut self, value: &Template, deps: u32, quoted: bool) {
        if quoted || !self.split {
            let word = self.current();
            word.template.append(value.clone());
            word.deps |= deps;
            return;
        }
        for (piece, span) in &value.pieces {
            match piece {
                Piece::Text(text) => self.push_split_text(text, *span, deps),
                Piece::Unknown(description) => {
                    let word = self.current();
                    word.template.push_unknown(description.clone(), *span);
                    word.spread = true;
                    word.deps |= deps;
                }
            }
        }
    }

    fn push_split_text(&mut self, text: &str, span: Span, deps: u32) {
        let mut rest = text;
        while !rest.is_empty() {
            let end = rest.find(is_field_separator).unwrap_or(rest.len());
            if end > 0 {
                let word = self.current();
                word.template.push_text(&rest[..end], span);
                word.deps |= deps;
            }
            if end == rest.len() {
                break;
            }
            self.break_word();
            rest = rest[end..].trim_start_matches(is_field_separator);
        }
    }

    /// Appends the elements of an array or of `$@`: inside quotes each
    /// element is one word, the first joined to the text before it.
    pub fn push_list(&mut self, elements: &[Word], deps: u32, quoted: bool) {
        for (index, element) in elements.iter().enumerate() {
            if index > 0 && (quoted || self.split) {
                self.break_word();
            } else if index > 0 {
                self.push_literal(" ", element.span);
            }
            self.push_expansion(&element.template, element.deps | deps, quoted);
            if element.spread {
                self.current().spread = true;
            }
        }
    }

    /// Appends a list whose elements are unknown, such as `"$@"` when the
    /// caller is not known: it may be any number of words.
    pub fn push_unknown_list(&mut self, description: &str, span: Span, deps: u32) {
        let word = self.current();
        word.template.push_unknown(description, span);
        word.spread = true;
        word.deps |= deps;
    }

    /// Ensures that the argument yields a word even when it expanded to
    /// nothing, as `""` does.
    pub fn ensure_word(&mut self) {
        self.current();
    }

    pub fn finish(mut self) -> Vec<Word> {
        self.break_word();
        self.words
    }

    /// Joins everything into one word, as an assignment value is.
    pub fn finish_scalar(self) -> Word {
        let span = self.span;
        let words = self.finish();
        let mut joined = Word {
            template: Template::default(),
            span,
            spread: false,
            deps: 0,
        };
        for (index, word) in words.into_iter().enumerate() {
            if index > 0 {
                joined.template.push_text(" ", span);
            }
            joined.template.append(word.template);
            joined.deps |= word.deps;
        }
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span() -> Span {
        Span::new(0, 1)
    }

    fn texts(words: &[Word]) -> Vec<String> {
        words
            .iter()
            .map(|word| word.as_literal().unwrap_or_else(|| "<unknown>".into()))
            .collect()
    }

    #[test]
    fn unquoted_expansion_splits_at_blanks() {
        let mut builder = WordBuilder::new(span(), true);
        builder.push_literal("a", span());
        builder.push_expansion(&Template::text(" -s  -d x=1 ", span()), 0, false);
        builder.push_literal("b", span());
        assert_eq!(texts(&builder.finish()), ["a", "-s", "-d", "x=1", "b"]);
    }

    #[test]
    fn quoted_expansion_stays_one_word() {
        let mut builder = WordBuilder::new(span(), true);
        builder.push_expansion(&Template::text("a b", span()), 0, true);
        assert_eq!(texts(&builder.finish()), ["a b"]);
    }

    #[test]
    fn empty_unquoted_expansion_makes_no_word() {
        let mut builder = WordBuilder::new(span(), true);
        builder.push_expansion(&Template::text("", span()), 0, false);
        assert!(
            builder.finish().is_empty(),
            "an empty unquoted expansion must vanish"
        );
    }

    #[test]
    fn unknown_unquoted_expansion_is_spread() {
        let mut builder = WordBuilder::new(span(), true);
        builder.push_expansion(&Template::unknown("$OPTS", span()), 0, false);
        let words = builder.finish();
        assert_eq!(words.len(), 1);
        assert!(words[0].spread, "an unquoted unknown may be several words");
    }

    #[test]
    fn quoted_list_makes_one_word_per_element() {
        let elements = [Word::literal("-d", span()), Word::literal("a b", span())];
        let mut builder = WordBuilder::new(span(), true);
        builder.push_literal("x", span());
        builder.push_list(&elements, 0, true);
        assert_eq!(texts(&builder.finish()), ["x-d", "a b"]);
    }

    #[test]
    fn scalar_joins_list_with_spaces() {
        let elements = [Word::literal("a", span()), Word::literal("b", span())];
        let mut builder = WordBuilder::new(span(), false);
        builder.push_list(&elements, 0, true);
        assert_eq!(builder.finish_scalar().as_literal().as_deref(), Some("a b"));
    }

    #[test]
    fn split_stops_at_unknown() {
        let mut template = Template::text("name", span());
        template.push_unknown("$X", span());
        template.push_text("=v", span());
        assert_eq!(split_at_first(&template, '='), Split::Blocked);
        assert_eq!(
            split_at_first(&Template::text("abc", span()), '='),
            Split::Absent
        );

        let template = Template::text("ips=1.2.3.4", span());
        let Split::Found(name, value) = split_at_first(&template, '=') else {
            panic!("ips=1.2.3.4 should split at '='");
        };
        assert_eq!(name.as_literal().as_deref(), Some("ips"));
        assert_eq!(value.as_literal().as_deref(), Some("1.2.3.4"));
    }
}
