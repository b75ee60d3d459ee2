//! Reading the words of a `case` pattern or a `[[ ]]` operand as pattern
//! text, keeping apart what was quoted (always literal) from what was not
//! (glob or regex syntax).

use tree_sitter::Node;

use crate::model::Span;
use crate::template::Piece;

use super::quoting::{decode_ansi_c, unescape_double_quoted};
use super::resolve::Resolver;
use super::syntax::{kind, node_span, span_text};

/// Deepest nesting of pattern words that is followed.
const MAX_PATTERN_DEPTH: usize = 32;

/// Receives the pieces of a pattern in order.
pub trait PatternSink {
    /// Receives text that came from quotes, literal in any pattern language.
    fn quoted(&mut self, text: &str);
    /// Receives unquoted text, still in the pattern language: `*`, `\ `,
    /// `(.*)`.
    fn unquoted(&mut self, text: &str);
    /// Receives a piece whose value is unknown, such as `$(date)`.
    fn unknown(&mut self);
}

/// Where the literal text of a pattern comes from.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    /// True when some literal text is written in the pattern itself rather
    /// than taken from a variable.
    pub written_here: bool,
    /// Span of the variable values the pattern took text from.
    pub value_span: Option<Span>,
}

impl Origin {
    /// The span a string use should carry: the pattern's own, or for a
    /// pattern made only of variables, the literal those were assigned.
    pub fn span(&self, pattern: Span) -> Span {
        match (self.written_here, self.value_span) {
            (false, Some(value)) => value,
            _ => pattern,
        }
    }
}

/// Reads pattern nodes into `sink`. With `literal_only`, unquoted text is
/// literal too, as in `[ "$x" = *text* ]`, where `=` compares strings.
pub fn read_pattern<'t>(
    nodes: &[Node<'t>],
    resolver: &Resolver<'_, 't>,
    sink: &mut dyn PatternSink,
    literal_only: bool,
) -> Origin {
    let mut reader = Reader {
        resolver,
        sink,
        literal_only,
        origin: Origin::default(),
    };
    for node in nodes {
        reader.push(*node, false, 0);
    }
    reader.origin
}

struct Reader<'a, 'r, 't> {
    resolver: &'a Resolver<'r, 't>,
    sink: &'a mut dyn PatternSink,
    literal_only: bool,
    origin: Origin,
}

impl<'t> Reader<'_, '_, 't> {
    fn push(&mut self, node: Node<'t>, quoted: bool, depth: usize) {
        if depth > MAX_PATTERN_DEPTH {
            self.sink.unknown();
            return;
        }
        let source = self.resolver.source(node);
        match kind(node) {
            // "text with $VAR"
            "string" => {
                let inner = inner_span(node, source);
                let parts: Vec<Node> = self
                    .resolver
                    .table
                    .children(node)
                    .iter()
                    .copied()
                    .filter(|child| child.is_named())
                    .collect();
                self.push_sequence(&parts, inner, true, depth);
            }
            "string_content" => self.text(&unescape_double_quoted(source), true),
            // 'text'
            "raw_string" => self.text(source.trim_start_matches('\'').trim_end_matches('\''), true),
            // $'text'
            "ansi_c_string" => self.text(&decode_ansi_c(source), true),
            // $VAR, ${VAR}: its value, taken as pattern text when unquoted.
            "simple_expansion" | "expansion" => self.push_value(node, quoted),
            "command_substitution" | "process_substitution" | "arithmetic_expansion" => {
                self.sink.unknown()
            }
            _ if node.child_count() > 0 => {
                let parts = self.resolver.table.children(node);
                self.push_sequence(&parts, node_span(node), quoted, depth);
            }
            _ => self.text(source, quoted),
        }
    }

    fn push_sequence(&mut self, parts: &[Node<'t>], span: Span, quoted: bool, depth: usize) {
        let text = self.resolver.text;
        let mut at = span.start;
        for part in parts {
            let part_span = node_span(*part);
            if part_span.start < span.start || part_span.end > span.end {
                continue;
            }
            if part_span.start > at {
                self.text(span_text(text, Span::new(at, part_span.start)), quoted);
            }
            self.push(*part, quoted, depth + 1);
            at = at.max(part_span.end);
        }
        if span.end > at {
            self.text(span_text(text, Span::new(at, span.end)), quoted);
        }
    }

    fn push_value(&mut self, node: Node, quoted: bool) {
        let word = self.resolver.scalar(node);
        for (piece, span) in &word.template.pieces {
            match piece {
                Piece::Text(value) => {
                    self.origin.value_span = Some(match self.origin.value_span {
                        Some(covered) => covered.cover(*span),
                        None => *span,
                    });
                    self.deliver(value, quoted);
                }
                Piece::Unknown(_) => self.sink.unknown(),
            }
        }
    }

    /// Text written in the pattern itself.
    fn text(&mut self, text: &str, quoted: bool) {
        if text.chars().any(|c| !matches!(c, '*' | '?' | ' ')) {
            self.origin.written_here = true;
        }
        self.deliver(text, quoted);
    }

    fn deliver(&mut self, text: &str, quoted: bool) {
        if quoted || self.literal_only {
            self.sink.quoted(text);
        } else {
            self.sink.unquoted(text);
        }
    }
}

/// Returns the span between a string's quotes.
fn inner_span(node: Node, source: &str) -> Span {
    let span = node_span(node);
    let open = if source.starts_with("$\"") { 2 } else { 1 };
    let close = usize::from(source.len() > open && source.ends_with('"'));
    Span::new((span.start + open).min(span.end), span.end - close)
}
