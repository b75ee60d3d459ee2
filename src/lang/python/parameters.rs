//! Function parameters, and binding a call's arguments to them.

use std::collections::HashMap;

use tree_sitter::Node;

use super::fields::FIELD;
use super::scopes::{Parameter, ParameterKind};
use super::syntax;
use super::syntax::{Arg, kind, named_children, node_text};

/// Reads the parameters of a `function_definition` or `lambda` node.
pub(super) fn read_parameters<'t>(definition: Node<'t>, source: &'t str) -> Vec<Parameter<'t>> {
    let Some(list) = definition.child_by_field_id(FIELD.parameters) else {
        return Vec::new();
    };
    let mut parameters = Vec::new();
    let mut keyword_only = false;
    for child in named_children(list) {
        match kind(child) {
            // `def f(a, *, b)`: parameters after the bare star are keyword-only.
            "keyword_separator" => keyword_only = true,
            "positional_separator" => {}
            _ => {
                let Some(parameter) = read_parameter(child, source, keyword_only) else {
                    continue;
                };
                if parameter.kind == ParameterKind::Star {
                    keyword_only = true;
                }
                parameters.push(parameter);
            }
        }
    }
    parameters
}

fn read_parameter<'t>(
    node: Node<'t>,
    source: &'t str,
    keyword_only: bool,
) -> Option<Parameter<'t>> {
    let plain_kind = if keyword_only {
        ParameterKind::KeywordOnly
    } else {
        ParameterKind::Positional
    };
    let (name_node, kind, default) = match kind(node) {
        // `a`
        "identifier" => (node, plain_kind, None),
        // `a=1`, `a: str = "x"`
        "default_parameter" | "typed_default_parameter" => (
            node.child_by_field_id(FIELD.name)?,
            plain_kind,
            node.child_by_field_id(FIELD.value),
        ),
        // `a: str`, `*args: str`, `**kwargs: str`
        "typed_parameter" => {
            let inner = node.named_child(0)?;
            return read_parameter(inner, source, keyword_only);
        }
        // `*args`
        "list_splat_pattern" => (node.named_child(0)?, ParameterKind::Star, None),
        // `**kwargs`
        "dictionary_splat_pattern" => (node.named_child(0)?, ParameterKind::DoubleStar, None),
        _ => return None,
    };
    if syntax::kind(name_node) != "identifier" {
        return None;
    }
    Some(Parameter {
        name: node_text(name_node, source),
        kind,
        default,
    })
}

/// What a parameter receives from one call.
#[derive(Clone, Debug)]
pub(super) enum Argument<'t> {
    /// The expression passed for it, evaluated where the call is.
    Expression(Node<'t>),
    /// Its default, evaluated where the function is defined.
    Default(Node<'t>),
    /// `*args`: the extra positional arguments.
    ExtraPositional(Vec<Node<'t>>),
    /// `**kwargs`: the extra keyword arguments as (keyword, value, whole
    /// argument), and a `**kw` splat in the call that may add more.
    ExtraKeywords(Vec<(&'t str, Node<'t>, Node<'t>)>, Option<Node<'t>>),
    /// Nothing was passed and there is no default.
    Missing,
    /// Possibly filled by a `*xs` or `**kw` splat in the call.
    FromSplat(Node<'t>),
}

/// Binds a call's arguments to parameters the way Python does. `skip` is
/// the number of leading parameters filled implicitly, 1 for the `self` of
/// a method called as `obj.method(...)`.
pub(super) fn bind_arguments<'t>(
    parameters: &[Parameter<'t>],
    skip: usize,
    args: &[Arg<'t>],
) -> HashMap<&'t str, Argument<'t>> {
    let mut bound: HashMap<&'t str, Argument<'t>> = HashMap::new();
    let parameters = parameters.get(skip..).unwrap_or(&[]);
    let positional_parameters: Vec<&Parameter<'t>> = parameters
        .iter()
        .filter(|parameter| parameter.kind == ParameterKind::Positional)
        .collect();
    let mut extra_positional = Vec::new();
    let mut extra_keywords = Vec::new();
    let mut splat = None;
    let mut next_position = 0;
    for arg in args {
        match *arg {
            Arg::Positional(value) => {
                match positional_parameters.get(next_position) {
                    Some(parameter) => {
                        bound.insert(parameter.name, Argument::Expression(value));
                    }
                    None => extra_positional.push(value),
                }
                next_position += 1;
            }
            Arg::Keyword { name, value, node } => {
                let named = parameters.iter().find(|parameter| {
                    parameter.name == name
                        && matches!(
                            parameter.kind,
                            ParameterKind::Positional | ParameterKind::KeywordOnly
                        )
                });
                match named {
                    Some(parameter) => {
                        bound.insert(parameter.name, Argument::Expression(value));
                    }
                    None => extra_keywords.push((name, value, node)),
                }
            }
            Arg::Star(node) | Arg::DoubleStar(node) => splat = Some(node),
        }
    }
    for parameter in parameters {
        if bound.contains_key(parameter.name) {
            continue;
        }
        let argument = match parameter.kind {
            ParameterKind::Star => Argument::ExtraPositional(std::mem::take(&mut extra_positional)),
            ParameterKind::DoubleStar => {
                Argument::ExtraKeywords(std::mem::take(&mut extra_keywords), splat)
            }
            _ => match (splat, parameter.default) {
                (Some(splat), _) => Argument::FromSplat(splat),
                (None, Some(default)) => Argument::Default(default),
                (None, None) => Argument::Missing,
            },
        };
        bound.insert(parameter.name, argument);
    }
    bound
}
