//! String uses: literals that a script compares response text with, in
//! `case` patterns, `[[ ]]` tests, `grep` patterns and assignments. Text in
//! `echo` or `printf` arguments and in comments is not a use.

use std::num::NonZeroU16;

use tree_sitter::Node;

use crate::model::{Span, StringUse, StringUseKind};
use crate::template::Piece;

use super::child_table::ChildTable;
use super::glob::Glob;
use super::pattern::{PatternSink, read_pattern};
use super::quoting::{
    decode_ansi_c, quote_regex_escapes, unescape_double_quoted, unescape_unquoted,
};
use super::regex_dialect::{from_bre, from_ere};
use super::resolve::Resolver;
use super::skips;
use super::syntax::{FIELDS, field_child, kind, node_span, span_text};
use super::word::{Word, drop_prefix};
use crate::regex_cache::compile_error;

/// Reads each pattern of each `case` item: `*"text"*)`, `a|b)`. An item
/// whose only command is `continue`, as in `All) continue ;;`, skips the
/// value rather than looking for it.
pub fn case_patterns<'t>(
    node: Node<'t>,
    resolver: &Resolver<'_, 't>,
    nocasematch: bool,
) -> Vec<StringUse> {
    let mut uses = Vec::new();
    let children = resolver.table.children(node);
    let items = children.iter().filter(|n| kind(**n) == "case_item");
    for item in items {
        let item = *item;
        let start = uses.len();
        let mut pattern: Vec<Node> = Vec::new();
        for (field, child) in resolver.table.with_fields(item) {
            match (field, kind(child)) {
                (Some(id), _) if id == FIELDS.value => pattern.push(child),
                // `|` separates alternatives; `)` ends the list.
                (_, "|" | ")") => {
                    uses.extend(glob_use(&pattern, resolver, nocasematch, false));
                    pattern.clear();
                }
                _ => {}
            }
            if kind(child) == ")" {
                break;
            }
        }
        uses.extend(glob_use(&pattern, resolver, nocasematch, false));
        if skips::case_item_only_continues(item, resolver) {
            uses[start..].iter_mut().for_each(as_skip);
        }
    }
    uses
}

/// Turns a use in a test that skips the value (`!=`, a `continue` branch)
/// into an inequality. A regular expression keeps its kind, since its text
/// is not the value.
fn as_skip(use_: &mut StringUse) {
    if matches!(
        use_.kind,
        StringUseKind::Equality | StringUseKind::Substring
    ) {
        use_.kind = StringUseKind::Inequality;
    }
}

fn glob_use<'t>(
    nodes: &[Node<'t>],
    resolver: &Resolver<'_, 't>,
    case_insensitive: bool,
    literal_only: bool,
) -> Option<StringUse> {
    let (first, last) = (nodes.first()?, nodes.last()?);
    let mut glob = Glob::default();
    let origin = read_pattern(nodes, resolver, &mut glob, literal_only);
    let span = origin.span(Span::new(first.start_byte(), last.end_byte()));
    glob.string_use(case_insensitive, span)
}

/// Reads the comparisons in a test: `[[ $x == *"text"* ]]`,
/// `[[ $x =~ re ]]`, `[ "$x" = "text" ]`.
pub fn test_patterns<'t>(
    node: Node<'t>,
    resolver: &Resolver<'_, 't>,
    nocasematch: bool,
) -> Vec<StringUse> {
    let expressions = binary_expressions(node, resolver.table);
    if expressions.is_empty() {
        return Vec::new();
    }
    let test = TestShape {
        double: resolver
            .table
            .children(node)
            .first()
            .is_some_and(|open| kind(*open) == "[["),
        nocasematch,
        only_continues: skips::test_only_continues(node, resolver),
    };
    let mut uses: Vec<StringUse> = expressions
        .into_iter()
        .filter_map(|expression| comparison(expression, resolver, &test))
        .collect();
    uses.sort_by_key(|use_| use_.span.start);
    uses
}

/// Returns the binary expressions of a test outside command and process
/// substitutions, in the order `test_patterns` reads them.
fn binary_expressions<'t>(node: Node<'t>, table: &ChildTable<'t>) -> Vec<Node<'t>> {
    let mut expressions = Vec::new();
    let mut stack = vec![node];
    while let Some(current) = stack.pop() {
        if kind(current) == "binary_expression" {
            expressions.push(current);
        }
        let children = table.children(current);
        let nested = children.iter().filter(|child| {
            !matches!(
                kind(**child),
                "command_substitution" | "process_substitution"
            )
        });
        stack.extend(nested);
    }
    expressions
}

/// What decides how the comparisons in one test match.
struct TestShape {
    /// `[[ ]]`, where the right side of `==` is a glob.
    double: bool,
    nocasematch: bool,
    /// A match only leads to `continue`, so the test skips the value.
    only_continues: bool,
}

fn comparison<'t>(
    node: Node<'t>,
    resolver: &Resolver<'_, 't>,
    test: &TestShape,
) -> Option<StringUse> {
    let parts: Vec<(Option<NonZeroU16>, Node)> = resolver.table.with_fields(node).collect();
    let operator_at = parts
        .iter()
        .position(|(field, _)| *field == Some(FIELDS.operator))?;
    let operator = resolver.source(parts[operator_at].1);
    // Everything after the operator: tree-sitter splits `*"text"*` into
    // several `right` nodes and wraps a quoted regex part in an ERROR node.
    let right: Vec<Node> = parts[operator_at + 1..]
        .iter()
        .map(|(_, child)| *child)
        .filter(|child| child.is_named())
        .collect();
    let double = test.double;
    match operator {
        "==" | "=" | "!=" => {
            let mut use_ = glob_use(&right, resolver, double && test.nocasematch, !double)?;
            // `!=` skips the value unless its match only continues, as in
            // `[[ $t != All ]] && continue`, which keeps only All.
            if (operator == "!=") != test.only_continues {
                as_skip(&mut use_);
            }
            Some(use_)
        }
        "=~" if double => regex_use(&right, resolver, test.nocasematch),
        _ => None,
    }
}

/// Collects the right side of `=~`: unquoted parts are an extended regular
/// expression, quoted parts match literally, as bash documents.
#[derive(Default)]
struct RegexText {
    pattern: String,
    has_literal: bool,
}

impl PatternSink for RegexText {
    fn quoted(&mut self, text: &str) {
        self.has_literal |= !text.is_empty();
        self.pattern.push_str(&regex::escape(text));
    }

    fn unquoted(&mut self, text: &str) {
        self.has_literal |= text.chars().any(|c| c.is_alphanumeric());
        self.pattern.push_str(&from_ere(&quote_regex_escapes(text)));
    }

    fn unknown(&mut self) {
        self.pattern.push_str(".*");
    }
}

fn regex_use<'t>(
    nodes: &[Node<'t>],
    resolver: &Resolver<'_, 't>,
    case_insensitive: bool,
) -> Option<StringUse> {
    let (first, last) = (nodes.first()?, nodes.last()?);
    let mut regex = RegexText::default();
    let origin = read_pattern(nodes, resolver, &mut regex, false);
    if !regex.has_literal {
        return None;
    }
    let span = origin.span(Span::new(first.start_byte(), last.end_byte()));
    valid_regex(regex.pattern, case_insensitive, span)
}

/// Builds a regex use if the crate accepts the pattern. A pattern the
/// conversion could not express is left out rather than passed on broken.
pub fn valid_regex(pattern: String, case_insensitive: bool, span: Span) -> Option<StringUse> {
    if let Some(error) = compile_error(&pattern) {
        tracing::debug!(%pattern, %error, "shell regex pattern left out after conversion");
        return None;
    }
    Some(StringUse {
        text: pattern,
        kind: StringUseKind::Regex,
        case_insensitive,
        span,
    })
}

/// The regular expression dialect a `grep` reads its patterns in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GrepSyntax {
    Basic,
    Extended,
    Fixed,
    Perl,
}

/// The options of one `grep` command that decide how patterns match.
struct GrepOptions {
    syntax: GrepSyntax,
    case_insensitive: bool,
    patterns: Vec<Word>,
}

/// Short `grep` options that take an argument.
const GREP_SHORT_WITH_ARGUMENT: &str = "efmABCdD";

/// Long `grep` options that take an argument, when it is the next word.
const GREP_LONG_WITH_ARGUMENT: &[&str] = &[
    "after-context",
    "before-context",
    "binary-files",
    "context",
    "devices",
    "directories",
    "file",
    "label",
    "max-count",
    "regexp",
];

/// Reads the patterns of `grep`, `egrep` or `fgrep`: the first operand, or
/// every `-e PATTERN`; `-E`, `-F`, `-P` and `-i` set how they match.
pub fn grep_patterns(name: &str, arguments: &[Word]) -> Vec<StringUse> {
    let syntax = match name {
        "egrep" => GrepSyntax::Extended,
        "fgrep" => GrepSyntax::Fixed,
        _ => GrepSyntax::Basic,
    };
    let options = grep_options(arguments, syntax);
    let mut uses = Vec::new();
    for word in &options.patterns {
        uses.extend(grep_pattern_uses(
            word,
            options.syntax,
            options.case_insensitive,
        ));
    }
    uses
}

fn grep_options(arguments: &[Word], syntax: GrepSyntax) -> GrepOptions {
    let mut options = GrepOptions {
        syntax,
        case_insensitive: false,
        patterns: Vec::new(),
    };
    let mut operands = Vec::new();
    let mut index = 0;
    let mut options_done = false;
    while let Some(word) = arguments.get(index) {
        index += 1;
        let text = word.leading_text();
        if options_done || !text.starts_with('-') || text == "-" {
            operands.push(word);
        } else if text == "--" {
            options_done = true;
        } else if text.starts_with("--") {
            index += grep_long_option(&mut options, word, arguments.get(index));
        } else {
            index += grep_short_options(&mut options, word, arguments.get(index));
        }
    }
    if options.patterns.is_empty() {
        options
            .patterns
            .extend(operands.first().map(|word| (*word).clone()));
    }
    options
}

/// Applies `--name`, `--name=value` or `--name value` and returns how many
/// following words it used.
fn grep_long_option(options: &mut GrepOptions, word: &Word, next: Option<&Word>) -> usize {
    let long = &word.leading_text()[2..];
    let (name, inline) = match long.split_once('=') {
        Some((name, _)) => (name, Some(rest_of(word, 3 + name.len()))),
        None => (long, None),
    };
    match name {
        "extended-regexp" => options.syntax = GrepSyntax::Extended,
        "fixed-strings" => options.syntax = GrepSyntax::Fixed,
        "basic-regexp" => options.syntax = GrepSyntax::Basic,
        "perl-regexp" => options.syntax = GrepSyntax::Perl,
        "ignore-case" => options.case_insensitive = true,
        "no-ignore-case" => options.case_insensitive = false,
        _ => {}
    }
    let takes_argument = GREP_LONG_WITH_ARGUMENT.contains(&name);
    let (argument, used) = match inline {
        Some(inline) => (Some(inline), 0),
        None if takes_argument => (next.cloned(), 1),
        None => (None, 0),
    };
    if name == "regexp" {
        options.patterns.extend(argument);
    }
    used
}

/// Applies a short cluster such as `-qiE`, `-e PATTERN` or `-ePATTERN`, and
/// returns how many following words it used.
fn grep_short_options(options: &mut GrepOptions, word: &Word, next: Option<&Word>) -> usize {
    let text = word.leading_text();
    for (at, letter) in text.char_indices().skip(1) {
        match letter {
            'E' => options.syntax = GrepSyntax::Extended,
            'F' => options.syntax = GrepSyntax::Fixed,
            'G' => options.syntax = GrepSyntax::Basic,
            'P' => options.syntax = GrepSyntax::Perl,
            'i' | 'y' => options.case_insensitive = true,
            _ if GREP_SHORT_WITH_ARGUMENT.contains(letter) => {
                let rest = rest_of(word, at + 1);
                let inline = !rest.template.is_empty();
                if letter == 'e' {
                    let pattern = if inline { Some(rest) } else { next.cloned() };
                    options.patterns.extend(pattern);
                }
                return usize::from(!inline);
            }
            _ => {}
        }
    }
    0
}

/// Returns the word without its first `count` bytes of known text.
fn rest_of(word: &Word, count: usize) -> Word {
    Word {
        template: drop_prefix(&word.template, count),
        ..word.clone()
    }
}

/// Turns one pattern word into uses, one per line since `grep` reads each
/// line of a pattern as a pattern of its own. Unknown pieces match any
/// text.
fn grep_pattern_uses(word: &Word, syntax: GrepSyntax, case_insensitive: bool) -> Vec<StringUse> {
    let span = word.template.span_or(word.span);
    let mut lines: Vec<Vec<Option<String>>> = vec![Vec::new()];
    for (piece, _) in &word.template.pieces {
        match piece {
            Piece::Text(text) => {
                for (index, part) in text.split('\n').enumerate() {
                    if index > 0 {
                        lines.push(Vec::new());
                    }
                    if let Some(line) = lines.last_mut() {
                        line.push(Some(part.to_string()));
                    }
                }
            }
            Piece::Unknown(_) => {
                if let Some(line) = lines.last_mut() {
                    line.push(None);
                }
            }
        }
    }
    lines
        .into_iter()
        .filter_map(|line| grep_line_use(&line, syntax, case_insensitive, span))
        .collect()
}

fn grep_line_use(
    line: &[Option<String>],
    syntax: GrepSyntax,
    case_insensitive: bool,
    span: Span,
) -> Option<StringUse> {
    let known: Vec<&str> = line
        .iter()
        .flatten()
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .collect();
    if known.is_empty() {
        return None;
    }
    if syntax == GrepSyntax::Fixed {
        // With an unknown piece only the longest known part is certain.
        let text = known.iter().max_by_key(|text| text.len())?;
        return Some(StringUse {
            text: text.to_string(),
            kind: StringUseKind::Substring,
            case_insensitive,
            span,
        });
    }
    let pattern: Vec<String> = line
        .iter()
        .map(|piece| match piece {
            Some(text) if syntax == GrepSyntax::Basic => from_bre(text),
            Some(text) if syntax == GrepSyntax::Extended => from_ere(text),
            Some(text) => text.clone(),
            None => ".*".to_string(),
        })
        .collect();
    valid_regex(pattern.concat(), case_insensitive, span)
}

/// Reads the literal text in an assignment's value, such as the two parts
/// of `msg="Tried to delete $id"`, as substring uses: the script may test
/// response text against the variable later.
pub fn assigned_literals<'t>(node: Node<'t>, text: &str, table: &ChildTable<'t>) -> Vec<StringUse> {
    let Some(value) = field_child(node, FIELDS.value) else {
        return Vec::new();
    };
    let mut uses = Vec::new();
    let mut stack = vec![value];
    while let Some(current) = stack.pop() {
        let source = span_text(text, node_span(current));
        let literal = match kind(current) {
            "command_substitution" | "process_substitution" => continue,
            "string_content" => Some(unescape_double_quoted(source)),
            "raw_string" => Some(
                source
                    .trim_start_matches('\'')
                    .trim_end_matches('\'')
                    .to_string(),
            ),
            "ansi_c_string" => Some(decode_ansi_c(source)),
            "word" if current.child_count() == 0 => Some(unescape_unquoted(source)),
            _ => None,
        };
        match literal {
            Some(literal) if is_text(&literal) => uses.push(StringUse {
                text: literal,
                kind: StringUseKind::Substring,
                case_insensitive: false,
                span: node_span(current),
            }),
            Some(_) => {}
            None => stack.extend(table.children(current).iter().rev()),
        }
    }
    uses
}

/// True for text worth testing: not empty and not a plain number.
fn is_text(literal: &str) -> bool {
    !literal.trim().is_empty() && !literal.bytes().all(|b| b.is_ascii_digit())
}
