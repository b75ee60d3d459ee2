//! Parameter expansion: `$VAR`, `${VAR:-default}`, `${VAR%/}`, arrays,
//! positional parameters and `$@`, as described in the bash manual's
//! "Shell Parameter Expansion" section.

use tree_sitter::Node;

use crate::model::Span;
use crate::template::Template;

use super::child_table::ChildTable;
use super::frame::{Positional, Var};
use super::resolve::Resolver;
use super::syntax::{FIELDS, field_child, kind, node_span};
use super::word::{Word, WordBuilder, append_unmerged};

/// The parameter that a `$...` or `${...}` expansion names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Parameter {
    Named(String),
    /// `$1`, `${10}`.
    Positional(usize),
    /// `$@` (`star` false) or `$*`.
    AllPositional {
        star: bool,
    },
    /// `$#`.
    Count,
    /// `$?`, `$$`, `$!`, `$-`, `$_`, `$0`.
    Special(String),
    /// `${arr[@]}` (`star` false) or `${arr[*]}`.
    AllElements {
        name: String,
        star: bool,
    },
    /// `${arr[2]}`.
    Element {
        name: String,
        index: usize,
    },
    /// `${map[key]}`, `${arr[$i]}`: an element we cannot pick.
    OtherElement(String),
}

/// A parsed `${...}`: the parameter, an operator and its operand nodes.
pub struct ParameterExpansion<'t> {
    pub parameter: Parameter,
    /// `#` (length) or `!` (indirection) before the name.
    pub prefix: Option<&'t str>,
    pub operator: Option<&'t str>,
    /// Nodes after the operator, up to the closing brace.
    pub operands: Vec<Node<'t>>,
    /// Span of the operand text, from the operator to the closing brace.
    pub operand_span: Span,
}

/// The value of a parameter before an operator is applied.
#[derive(Clone, Debug)]
enum Lookup {
    Unset,
    Scalar(Word),
    List(Vec<Word>),
    UnknownList(String),
}

impl<'t> ParameterExpansion<'t> {
    /// Reads `$NAME`, `$1`, `${NAME}`, `${NAME:-x}`, `${#arr[@]}` and the like.
    pub fn parse(node: Node<'t>, text: &'t str, table: &ChildTable<'t>) -> Option<Self> {
        let mut expansion = ParameterExpansion {
            parameter: Parameter::Special(String::new()),
            prefix: None,
            operator: None,
            operands: Vec::new(),
            operand_span: Span::new(node.end_byte(), node.end_byte()),
        };
        let mut named = false;
        for (field, child) in table.with_fields(node) {
            let source = text.get(child.byte_range()).unwrap_or("");
            if field == Some(FIELDS.operator) {
                if !named && expansion.prefix.is_none() {
                    expansion.prefix = Some(source);
                } else if expansion.operator.is_none() {
                    expansion.operator = Some(source);
                    expansion.operand_span = Span::new(child.end_byte(), closing_brace(node));
                } else {
                    expansion.operands.push(child);
                }
                continue;
            }
            if !child.is_named() {
                continue;
            }
            if !named && expansion.operator.is_none() {
                expansion.parameter = parameter_of(child, text)?;
                named = true;
            } else if expansion.operator.is_some() {
                expansion.operands.push(child);
            }
        }
        if !named {
            // `${#}` has only the `#` token: the number of positional
            // parameters.
            expansion.parameter = match expansion.prefix.take() {
                Some("#") => Parameter::Count,
                _ => return None,
            };
        }
        Some(expansion)
    }
}

/// Returns where the closing `}` of an expansion starts.
fn closing_brace(node: Node) -> usize {
    let end = node.end_byte();
    match node.child(node.child_count().saturating_sub(1)) {
        Some(last) if kind(last) == "}" => last.start_byte(),
        _ => end,
    }
}

fn parameter_of(node: Node, text: &str) -> Option<Parameter> {
    let source = text.get(node.byte_range()).unwrap_or("");
    match kind(node) {
        "variable_name" | "special_variable_name" => Some(parameter_named(source)),
        "subscript" => {
            let name = field_child(node, FIELDS.name)?;
            let name = text.get(name.byte_range()).unwrap_or("").to_string();
            let index = field_child(node, FIELDS.index)
                .and_then(|index| text.get(index.byte_range()))
                .unwrap_or("");
            Some(match index {
                "@" => Parameter::AllElements { name, star: false },
                "*" => Parameter::AllElements { name, star: true },
                _ => match index.parse() {
                    Ok(index) => Parameter::Element { name, index },
                    Err(_) => Parameter::OtherElement(source.to_string()),
                },
            })
        }
        _ => None,
    }
}

fn parameter_named(name: &str) -> Parameter {
    match name {
        "@" => Parameter::AllPositional { star: false },
        "*" => Parameter::AllPositional { star: true },
        "#" => Parameter::Count,
        "0" => Parameter::Special("0".into()),
        _ if name.bytes().all(|b| b.is_ascii_digit()) => {
            Parameter::Positional(name.parse().unwrap_or(usize::MAX))
        }
        _ if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
            Parameter::Named(name.to_string())
        }
        _ => Parameter::Special(name.to_string()),
    }
}

impl<'t> Resolver<'_, 't> {
    /// Pushes the value of `$VAR` or `${...}` onto `builder`.
    pub(super) fn push_parameter(
        &self,
        node: Node<'t>,
        builder: &mut WordBuilder,
        quoted: bool,
        depth: usize,
    ) {
        let span = node_span(node);
        let Some(expansion) = ParameterExpansion::parse(node, self.text, self.table) else {
            builder.push_expansion(&Template::unknown(self.describe(node), span), 0, quoted);
            return;
        };
        let (lookup, deps) = self.lookup(&expansion.parameter, node);
        let star = matches!(
            expansion.parameter,
            Parameter::AllPositional { star: true } | Parameter::AllElements { star: true, .. }
        );
        match self.apply_operator(&expansion, lookup, node, depth) {
            Lookup::Unset => {}
            Lookup::Scalar(word) => {
                builder.push_expansion(&word.template, word.deps | deps, quoted);
            }
            Lookup::List(words) if star && quoted => {
                let joined = join_words(&words, span);
                builder.push_expansion(&joined.template, joined.deps | deps, true);
            }
            Lookup::List(words) => builder.push_list(&words, deps, quoted),
            Lookup::UnknownList(description) if star && quoted => {
                builder.push_expansion(&Template::unknown(description, span), deps, true);
            }
            Lookup::UnknownList(description) => {
                builder.push_unknown_list(&description, span, deps);
            }
        }
    }

    /// Finds a parameter's value. The second value is the dependency bit
    /// that a positional parameter adds.
    fn lookup(&self, parameter: &Parameter, node: Node) -> (Lookup, u32) {
        let span = node_span(node);
        let bit = self.frame.positional_bit();
        match parameter {
            Parameter::Named(name) => (self.lookup_named(name, span), 0),
            Parameter::Positional(index) => (self.lookup_positional(*index), bit),
            Parameter::AllPositional { .. } => match &self.frame.positional {
                Positional::Bound(words) => (Lookup::List(words.clone()), bit),
                Positional::Unknown => (Lookup::UnknownList("$@".into()), bit),
            },
            Parameter::Count => match &self.frame.positional {
                Positional::Bound(words) => (scalar(words.len().to_string(), span), bit),
                Positional::Unknown => (unknown(self.describe(node), span), bit),
            },
            Parameter::Special(_) | Parameter::OtherElement(_) => {
                (unknown(self.describe(node), span), 0)
            }
            Parameter::AllElements { name, .. } => (self.lookup_elements(name), 0),
            Parameter::Element { name, index } => (self.lookup_element(name, *index, node), 0),
        }
    }

    fn lookup_named(&self, name: &str, span: Span) -> Lookup {
        match self.frame.get(name) {
            None | Some(Var::Unset) => Lookup::Unset,
            Some(Var::Scalar(word)) => Lookup::Scalar(at_use_site(word, span)),
            Some(Var::Array(words)) => match words.first() {
                Some(word) => Lookup::Scalar(at_use_site(word, span)),
                None => Lookup::Unset,
            },
            Some(Var::UnknownArray(_)) => unknown(format!("${name}"), span),
        }
    }

    /// Finds `$N`. Without a known caller it counts as unset, so that
    /// `${2:-Datacenter}` yields its default like an unassigned variable.
    fn lookup_positional(&self, index: usize) -> Lookup {
        match &self.frame.positional {
            Positional::Bound(words) => match index.checked_sub(1).and_then(|i| words.get(i)) {
                Some(word) => Lookup::Scalar(word.clone()),
                None => Lookup::Unset,
            },
            Positional::Unknown => Lookup::Unset,
        }
    }

    fn lookup_elements(&self, name: &str) -> Lookup {
        match self.frame.get(name) {
            None | Some(Var::Unset) => Lookup::List(Vec::new()),
            Some(Var::Scalar(word)) => Lookup::List(vec![word.clone()]),
            Some(Var::Array(words)) => Lookup::List(words.clone()),
            Some(Var::UnknownArray(description)) => Lookup::UnknownList(description.clone()),
        }
    }

    fn lookup_element(&self, name: &str, index: usize, node: Node) -> Lookup {
        let span = node_span(node);
        match self.frame.get(name) {
            None | Some(Var::Unset) => Lookup::Unset,
            Some(Var::Scalar(word)) if index == 0 => Lookup::Scalar(at_use_site(word, span)),
            Some(Var::Scalar(_)) => Lookup::Unset,
            Some(Var::Array(words)) => match words.get(index) {
                Some(word) => Lookup::Scalar(at_use_site(word, span)),
                None => Lookup::Unset,
            },
            Some(Var::UnknownArray(_)) => unknown(self.describe(node), span),
        }
    }

    fn apply_operator(
        &self,
        expansion: &ParameterExpansion,
        lookup: Lookup,
        node: Node,
        depth: usize,
    ) -> Lookup {
        match expansion.prefix {
            Some("#") => return self.length_of(lookup, node),
            Some(_) => return unknown(self.describe(node), node_span(node)),
            None => {}
        }
        match (expansion.operator, lookup) {
            (None, Lookup::Unset) => self.unset_value(&expansion.parameter, node),
            (None, lookup) => lookup,
            (Some(operator), lookup) => self.apply_suffix(expansion, operator, lookup, node, depth),
        }
    }

    /// Applies the operator after the name, as in `${VAR:-default}`.
    fn apply_suffix(
        &self,
        expansion: &ParameterExpansion,
        operator: &str,
        lookup: Lookup,
        node: Node,
        depth: usize,
    ) -> Lookup {
        let colon = operator.starts_with(':');
        match operator {
            // ${VAR:-default}, ${VAR=default}: the default when VAR is unset
            // (or empty, with the colon).
            ":-" | "-" | ":=" | "=" if is_unset_or_empty(&lookup, colon) => {
                Lookup::Scalar(self.operand(expansion, depth))
            }
            ":-" | "-" | ":=" | "=" => lookup,
            // ${VAR:+alternative}
            ":+" | "+" => match lookup {
                _ if is_unset_or_empty(&lookup, colon) => Lookup::Unset,
                Lookup::Scalar(word) if word.as_literal().is_some() => {
                    Lookup::Scalar(self.operand(expansion, depth))
                }
                _ => unknown(self.describe(node), node_span(node)),
            },
            // ${VAR:?message} fails when unset, so past it VAR has a value.
            ":?" | "?" => match lookup {
                Lookup::Unset => self.unset_value(&expansion.parameter, node),
                other => other,
            },
            // ${@:2}, ${args[@]:1:2}
            ":" => self.slice(expansion, lookup, node),
            // ${BASE%/}, ${name#prefix}
            "#" | "##" | "%" | "%%" => {
                self.trim(operator, lookup, self.operand(expansion, depth), node)
            }
            _ => unknown(self.describe(node), node_span(node)),
        }
    }

    /// Expands the operand of an expansion, the text after its operator.
    fn operand(&self, expansion: &ParameterExpansion, depth: usize) -> Word {
        let span = expansion.operand_span;
        self.scalar_between(&expansion.operands, span.start, span.end, depth)
    }

    /// Returns the value of a parameter that no assignment in the script sets: an
    /// environment variable, or a positional parameter the caller left out.
    fn unset_value(&self, parameter: &Parameter, node: Node) -> Lookup {
        let span = node_span(node);
        match parameter {
            Parameter::Named(name) => unknown(format!("${name}"), span),
            Parameter::Positional(index) => match self.frame.positional {
                Positional::Unknown => unknown(format!("${index}"), span),
                Positional::Bound(_) => Lookup::Unset,
            },
            Parameter::Element { .. } => Lookup::Unset,
            _ => unknown(self.describe(node), span),
        }
    }

    fn length_of(&self, lookup: Lookup, node: Node) -> Lookup {
        let span = node_span(node);
        match lookup {
            Lookup::Unset => scalar("0".into(), span),
            Lookup::Scalar(word) => match word.as_literal() {
                Some(text) => scalar(text.chars().count().to_string(), span),
                None => unknown(self.describe(node), span),
            },
            Lookup::List(words) => scalar(words.len().to_string(), span),
            Lookup::UnknownList(_) => unknown(self.describe(node), span),
        }
    }

    /// Applies `${@:offset:length}` and `${arr[@]:offset:length}` to lists.
    fn slice(&self, expansion: &ParameterExpansion, lookup: Lookup, node: Node) -> Lookup {
        let span = node_span(node);
        let numbers: Vec<Option<usize>> = expansion
            .operands
            .iter()
            .filter(|operand| operand.is_named())
            .map(|operand| self.source(*operand).trim().parse().ok())
            .collect();
        let (Some(Some(offset)), length) = (numbers.first(), numbers.get(1)) else {
            return unknown(self.describe(node), span);
        };
        let positional = matches!(expansion.parameter, Parameter::AllPositional { .. });
        match lookup {
            Lookup::List(words) => {
                // `${@:1}` starts at `$1`, which is index 0 of the bound words.
                let start = if positional {
                    offset.saturating_sub(1)
                } else {
                    *offset
                };
                let rest = words.into_iter().skip(start);
                match length {
                    Some(Some(length)) => Lookup::List(rest.take(*length).collect()),
                    _ => Lookup::List(rest.collect()),
                }
            }
            Lookup::UnknownList(_) => Lookup::UnknownList(self.describe(node)),
            _ => unknown(self.describe(node), span),
        }
    }

    /// Removes a literal prefix or suffix pattern. Glob patterns are not
    /// matched; the value then becomes unknown.
    fn trim(&self, operator: &str, lookup: Lookup, pattern: Word, node: Node) -> Lookup {
        let span = node_span(node);
        let Lookup::Scalar(mut word) = lookup else {
            return unknown(self.describe(node), span);
        };
        let Some(pattern) = pattern
            .as_literal()
            .filter(|p| !p.contains(['*', '?', '[']))
        else {
            return unknown(self.describe(node), span);
        };
        let pieces = &mut word.template.pieces;
        let end = if operator.starts_with('#') {
            pieces.first_mut()
        } else {
            pieces.last_mut()
        };
        if let Some((crate::template::Piece::Text(text), _)) = end {
            let trimmed = if operator.starts_with('#') {
                text.strip_prefix(pattern.as_str())
            } else {
                text.strip_suffix(pattern.as_str())
            };
            if let Some(trimmed) = trimmed {
                *text = trimmed.to_string();
            }
        }
        // An unknown piece at that end may or may not end in the pattern;
        // keeping it whole still names the piece.
        Lookup::Scalar(word)
    }
}

fn is_unset_or_empty(lookup: &Lookup, colon: bool) -> bool {
    match lookup {
        Lookup::Unset => true,
        Lookup::Scalar(word) => colon && word.as_literal().is_some_and(|text| text.is_empty()),
        Lookup::List(words) => colon && words.is_empty(),
        Lookup::UnknownList(_) => false,
    }
}

fn scalar(text: String, span: Span) -> Lookup {
    Lookup::Scalar(Word::literal(text, span))
}

fn unknown(description: String, span: Span) -> Lookup {
    Lookup::Scalar(Word::unknown(description, span))
}

/// Moves a wholly unknown value to the place it is used, so that a message
/// about it points at the use rather than at `read` or `for`.
fn at_use_site(word: &Word, span: Span) -> Word {
    let mut word = word.clone();
    if let [(crate::template::Piece::Unknown(_), piece_span)] = word.template.pieces.as_mut_slice()
    {
        *piece_span = span;
    }
    word
}

fn join_words(words: &[Word], span: Span) -> Word {
    let mut joined = Word::literal("", span);
    for (index, word) in words.iter().enumerate() {
        if index > 0 {
            joined.template.push_text(" ", span);
        }
        append_unmerged(&mut joined.template, &word.template);
        joined.deps |= word.deps;
    }
    joined
}
