//! Turning tree-sitter-bash word nodes into expanded words: quote removal,
//! concatenation, parameter expansion and word splitting.

use tree_sitter::Node;

use crate::model::Span;
use crate::template::Template;

use super::child_table::ChildTable;
use super::frame::Frame;
use super::quoting::{decode_ansi_c, unescape_double_quoted, unescape_unquoted};
use super::syntax::{kind, node_span, span_text};
use super::word::{Word, WordBuilder};

/// Deepest nesting of words inside words (`${a:-"${b:-...}"}`) that is
/// followed. Deeper pieces become unknown, which keeps the recursion
/// bounded on hostile input.
const MAX_WORD_DEPTH: usize = 48;

/// Maximum length of a description of an unknown piece.
const MAX_DESCRIPTION: usize = 40;

/// Expands word nodes against the variables visible in one frame.
pub struct Resolver<'r, 't> {
    pub text: &'t str,
    pub frame: &'r Frame<'r>,
    /// The children of the script's nodes.
    pub table: &'r ChildTable<'t>,
}

impl<'r, 't> Resolver<'r, 't> {
    pub fn new(text: &'t str, frame: &'r Frame<'r>, table: &'r ChildTable<'t>) -> Self {
        Resolver { text, frame, table }
    }

    pub fn source(&self, node: Node) -> &'t str {
        span_text(self.text, node_span(node))
    }

    /// Expands one argument into the words it becomes on the command line.
    pub fn words(&self, node: Node<'t>) -> Vec<Word> {
        let mut builder = WordBuilder::new(node_span(node), true);
        self.push(node, &mut builder, false, 0);
        builder.finish()
    }

    /// Expands a sequence of arguments, such as a command's name and
    /// arguments.
    pub fn all_words(&self, nodes: &[Node<'t>]) -> Vec<Word> {
        nodes.iter().flat_map(|node| self.words(*node)).collect()
    }

    /// Expands a node into one word without splitting, as for the value of
    /// an assignment.
    pub fn scalar(&self, node: Node<'t>) -> Word {
        let mut builder = WordBuilder::new(node_span(node), false);
        self.push(node, &mut builder, false, 0);
        builder.ensure_word();
        builder.finish_scalar()
    }

    /// Expands the nodes between `start` and `end` as one word, with the
    /// text between them taken literally; this reads the operand of
    /// `${VAR:-a b}`.
    pub fn scalar_between(
        &self,
        nodes: &[Node<'t>],
        start: usize,
        end: usize,
        depth: usize,
    ) -> Word {
        let span = Span::new(start, end.max(start));
        let mut builder = WordBuilder::new(span, false);
        self.push_sequence(nodes, span, &mut builder, false, depth);
        builder.ensure_word();
        builder.finish_scalar()
    }

    pub(super) fn push(
        &self,
        node: Node<'t>,
        builder: &mut WordBuilder,
        quoted: bool,
        depth: usize,
    ) {
        let span = node_span(node);
        if depth > MAX_WORD_DEPTH || node.is_error() || node.is_missing() {
            let unknown = Template::unknown(self.describe(node), span);
            builder.push_expansion(&unknown, 0, true);
            return;
        }
        match kind(node) {
            // 'single quoted'
            "raw_string" => builder.push_literal(strip_quotes(self.source(node), "'"), span),
            // $'ANSI-C\tquoted'
            "ansi_c_string" => builder.push_literal(&decode_ansi_c(self.source(node)), span),
            // "double quoted $VAR text"
            "string" => self.push_string(node, builder, depth),
            // $"translated"
            "translated_string" => {
                for child in self.table.children(node).iter() {
                    self.push(*child, builder, quoted, depth + 1);
                }
            }
            // $VAR, ${VAR:-default}, "$@"
            "simple_expansion" | "expansion" => self.push_parameter(node, builder, quoted, depth),
            // $(command) or `command`: its output is not known.
            "command_substitution" => {
                let unknown = Template::unknown(self.describe(node), span);
                builder.push_expansion(&unknown, 0, quoted);
            }
            // <(command) names a file; $((1 + 2)) is a number. Neither splits.
            "process_substitution" | "arithmetic_expansion" => {
                let unknown = Template::unknown(self.describe(node), span);
                builder.push_expansion(&unknown, 0, true);
            }
            _ if node.named_child_count() > 0 => {
                let parts = self.table.children(node);
                self.push_sequence(&parts, span, builder, quoted, depth);
            }
            _ => self.push_plain(self.source(node), span, builder, quoted),
        }
    }

    /// Pushes `nodes` in order; text inside `span` that no node covers is
    /// literal, as in the concatenation `"$BASE"/api/`.
    fn push_sequence(
        &self,
        nodes: &[Node<'t>],
        span: Span,
        builder: &mut WordBuilder,
        quoted: bool,
        depth: usize,
    ) {
        let mut at = span.start;
        for node in nodes {
            let node_span = node_span(*node);
            if node_span.start > at {
                self.push_gap(Span::new(at, node_span.start), builder, quoted);
            }
            if node.is_named() {
                self.push(*node, builder, quoted, depth + 1);
            } else {
                self.push_plain(self.source(*node), node_span, builder, quoted);
            }
            at = at.max(node_span.end);
        }
        if span.end > at {
            self.push_gap(Span::new(at, span.end), builder, quoted);
        }
    }

    fn push_gap(&self, gap: Span, builder: &mut WordBuilder, quoted: bool) {
        self.push_plain(span_text(self.text, gap), gap, builder, quoted);
    }

    fn push_plain(&self, text: &str, span: Span, builder: &mut WordBuilder, quoted: bool) {
        // Without a backslash there is no escape to remove, quoted or not.
        if !text.contains('\\') {
            builder.push_literal(text, span);
            return;
        }
        let text = if quoted {
            unescape_double_quoted(text)
        } else {
            unescape_unquoted(text)
        };
        builder.push_literal(&text, span);
    }

    /// Pushes a double-quoted string. Its text between the quotes is
    /// `string_content` nodes, expansions, and bare `$` tokens.
    fn push_string(&self, node: Node<'t>, builder: &mut WordBuilder, depth: usize) {
        let span = node_span(node);
        let source = self.source(node);
        let open = if source.starts_with("$\"") { 2 } else { 1 };
        let close = usize::from(source.len() > open && source.ends_with('"'));
        let inner = Span::new(span.start + open.min(source.len()), span.end - close);
        let parts: Vec<Node> = self
            .table
            .children(node)
            .iter()
            .copied()
            .filter(|child| {
                let child_span = node_span(*child);
                child_span.start >= inner.start && child_span.end <= inner.end
            })
            .collect();
        if !parts.iter().any(|part| is_list_expansion(*part, self.text)) {
            builder.ensure_word();
        }
        self.push_sequence(&parts, inner, builder, true, depth);
    }

    /// Describes an unknown piece by its source: `$host`, `$(date)`. Only
    /// the start of a long source is read, so nested substitutions cost
    /// no more than flat ones.
    pub fn describe(&self, node: Node) -> String {
        let full = self.source(node).trim();
        let source = excerpt(full, MAX_SCANNED);
        let cut = source.len() < full.len();
        match kind(node) {
            "command_substitution" => describe_substitution(source, cut),
            "expansion" if !cut => {
                let inner = source.trim_start_matches("${").trim_end_matches('}');
                if !inner.is_empty() && inner.chars().all(is_name_char) {
                    format!("${inner}")
                } else {
                    shorten(source)
                }
            }
            _ if cut => format!("{}…", shorten(source).trim_end_matches('…')),
            _ => shorten(source),
        }
    }
}

/// Maximum length of a node's source read to describe it.
const MAX_SCANNED: usize = 256;

/// Returns at most the first `max` bytes of `text`, cut at a character
/// boundary.
fn excerpt(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// True for `"$@"`, `"${args[@]}"` and the like, which make no word at all
/// when the list is empty.
fn is_list_expansion(node: Node, text: &str) -> bool {
    let source = span_text(text, node_span(node));
    match kind(node) {
        "simple_expansion" => source == "$@",
        "expansion" => source.starts_with("${@") || source.contains("[@]"),
        _ => false,
    }
}

fn strip_quotes<'s>(source: &'s str, quote: &str) -> &'s str {
    let inner = source.strip_prefix(quote).unwrap_or(source);
    inner.strip_suffix(quote).unwrap_or(inner)
}

/// Names a command substitution by its command: `$(date)`, or for a long
/// one its first word, as in `$(curl …)`. `cut` is true when `source` is
/// only the start of the substitution.
fn describe_substitution(source: &str, cut: bool) -> String {
    let inner = if let Some(rest) = source.strip_prefix("$(") {
        rest.strip_suffix(')').filter(|_| !cut).unwrap_or(rest)
    } else {
        let rest = source.strip_prefix('`').unwrap_or(source);
        rest.strip_suffix('`').filter(|_| !cut).unwrap_or(rest)
    };
    let inner = inner.trim();
    let first_line = inner.lines().next().unwrap_or("");
    let short = first_line.len() == inner.len() && inner.chars().count() <= MAX_DESCRIPTION - 3;
    if short && !cut {
        return format!("$({inner})");
    }
    let command = first_line.split_whitespace().next().unwrap_or("");
    format!("$({} …)", shorten(command))
}

/// Cuts a description to a readable length.
pub fn shorten(source: &str) -> String {
    let first_line = source.lines().next().unwrap_or("");
    if first_line.len() == source.len() && source.chars().count() <= MAX_DESCRIPTION {
        return source.to_string();
    }
    let cut: String = first_line.chars().take(MAX_DESCRIPTION - 1).collect();
    format!("{cut}…")
}
