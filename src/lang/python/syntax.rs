//! Small helpers over tree-sitter-python nodes: source text, spans and the
//! arguments of a call.

use std::sync::LazyLock;

use tree_sitter::{Language, Node};

use super::fields::FIELD;
use crate::lang::kind_names::KindNames;
use crate::model::Span;

pub(super) static PYTHON: LazyLock<Language> =
    LazyLock::new(|| tree_sitter_python::LANGUAGE.into());
static KINDS: LazyLock<KindNames> = LazyLock::new(|| KindNames::new(&PYTHON));

/// Returns the kind of a node of a Python tree, as `Node::kind` does but
/// from a table, for the walks that ask it of every node.
pub fn kind<'t>(node: Node<'t>) -> &'t str {
    KINDS.of(node)
}

/// Maximum length of an expression quoted in a description.
const DESCRIPTION_MAX_CHARS: usize = 60;

/// Maximum number of redundant parentheses stripped around an expression
/// when its shape is inspected. Deeper nesting is left to the resolver, which
/// has its own depth cap.
const PARENTHESES_MAX_DEPTH: usize = 16;

pub(super) fn span_of(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

pub(super) fn node_text<'s>(node: Node, source: &'s str) -> &'s str {
    source.get(node.byte_range()).unwrap_or("")
}

/// Describes an expression for a message: its source text on one line,
/// shortened to a readable length.
pub(super) fn describe(node: Node, source: &str) -> String {
    let mut collapsed = String::new();
    let mut chars = 0;
    for word in node_text(node, source).split_whitespace() {
        if chars > 0 {
            collapsed.push(' ');
            chars += 1;
        }
        collapsed.push_str(word);
        chars += word.chars().count();
        // A description this long is cut, so the rest of the text is not read.
        if chars > DESCRIPTION_MAX_CHARS {
            break;
        }
    }
    if chars <= DESCRIPTION_MAX_CHARS {
        return collapsed;
    }
    let mut short: String = collapsed.chars().take(DESCRIPTION_MAX_CHARS - 1).collect();
    short.push('…');
    short
}

/// Strips redundant parentheses: `((x))` is `x`.
pub(super) fn unparenthesize(node: Node) -> Node {
    let mut current = node;
    for _ in 0..PARENTHESES_MAX_DEPTH {
        if kind(current) != "parenthesized_expression" {
            break;
        }
        match current.named_child(0) {
            Some(inner) => current = inner,
            None => break,
        }
    }
    current
}

/// Returns the named children of a node, skipping comments.
pub(super) fn named_children(node: Node) -> Vec<Node> {
    let mut children = crate::lang::children::named(node);
    children.retain(|child| kind(*child) != "comment");
    children
}

/// One argument of a call, as written.
#[derive(Clone, Copy, Debug)]
pub(super) enum Arg<'t> {
    /// `f(x)`
    Positional(Node<'t>),
    /// `f(name=x)`: the whole `keyword_argument` node and its value.
    Keyword {
        name: &'t str,
        value: Node<'t>,
        node: Node<'t>,
    },
    /// `f(*xs)`: the whole `list_splat` node.
    Star(Node<'t>),
    /// `f(**kw)`: the whole `dictionary_splat` node.
    DoubleStar(Node<'t>),
}

/// Reads the arguments of a `call` node in source order. A bare generator
/// argument, as in `f(x for x in y)`, is one positional argument.
pub(super) fn call_args<'t>(call: Node<'t>, source: &'t str) -> Vec<Arg<'t>> {
    let Some(arguments) = call.child_by_field_id(FIELD.arguments) else {
        return Vec::new();
    };
    if kind(arguments) == "generator_expression" {
        return vec![Arg::Positional(arguments)];
    }
    let children = named_children(arguments);
    let mut args = Vec::with_capacity(children.len());
    args.extend(
        children
            .into_iter()
            .filter_map(|child| read_arg(child, source)),
    );
    args
}

/// Reads the first argument of a `call` node, as `call_args(...).first()`
/// would, without reading the others.
pub(super) fn first_arg<'t>(call: Node<'t>, source: &'t str) -> Option<Arg<'t>> {
    let arguments = call.child_by_field_id(FIELD.arguments)?;
    if kind(arguments) == "generator_expression" {
        return Some(Arg::Positional(arguments));
    }
    let mut cursor = arguments.walk();
    arguments
        .named_children(&mut cursor)
        .filter(|child| kind(*child) != "comment")
        .find_map(|child| read_arg(child, source))
}

fn read_arg<'t>(child: Node<'t>, source: &'t str) -> Option<Arg<'t>> {
    match kind(child) {
        "keyword_argument" => {
            let name = child.child_by_field_id(FIELD.name)?;
            let value = child.child_by_field_id(FIELD.value)?;
            Some(Arg::Keyword {
                name: node_text(name, source),
                value,
                node: child,
            })
        }
        "list_splat" => Some(Arg::Star(child)),
        "dictionary_splat" => Some(Arg::DoubleStar(child)),
        "ERROR" => None,
        _ => Some(Arg::Positional(child)),
    }
}

/// Finds an argument by its position among the positional arguments or by
/// its keyword.
pub(super) fn find_arg<'t>(
    args: &[Arg<'t>],
    position: Option<usize>,
    keyword: &str,
) -> Option<Node<'t>> {
    let by_keyword = args.iter().find_map(|arg| match arg {
        Arg::Keyword { name, value, .. } if *name == keyword => Some(*value),
        _ => None,
    });
    by_keyword.or_else(|| position.and_then(|index| positional_args(args).nth(index)))
}

pub(super) fn positional_args<'a, 't>(args: &'a [Arg<'t>]) -> impl Iterator<Item = Node<'t>> + 'a {
    args.iter().filter_map(|arg| match arg {
        Arg::Positional(node) => Some(*node),
        _ => None,
    })
}

/// The callee of a call split into its receiver and name.
#[derive(Clone, Copy, Debug)]
pub(super) struct Callee<'t> {
    /// The call's `function` field as written, parentheses included.
    pub function: Node<'t>,
    /// `a.b` in `a.b.post(...)`, or `None` for a bare name.
    pub receiver: Option<Node<'t>>,
    /// `post` in both `a.b.post(...)` and `post(...)`.
    pub name: &'t str,
}

/// Reads the callee of a call whose function is a name or an attribute,
/// or returns `None` for any other callee, such as `f()(x)`.
pub(super) fn callee<'t>(call: Node<'t>, source: &'t str) -> Option<Callee<'t>> {
    let function = call.child_by_field_id(FIELD.function)?;
    let unparenthesized = unparenthesize(function);
    let (receiver, name) = match kind(unparenthesized) {
        "identifier" => (None, unparenthesized),
        "attribute" => {
            let object = unparenthesized.child_by_field_id(FIELD.object)?;
            let name = unparenthesized.child_by_field_id(FIELD.attribute)?;
            (Some(object), name)
        }
        _ => return None,
    };
    Some(Callee {
        function,
        receiver,
        name: node_text(name, source),
    })
}

/// The callee of a call split into its receiver and name: `a.b.post` gives
/// `(Some(a.b), "post")`, `post` gives `(None, "post")`.
pub(super) fn callee_parts<'t>(
    call: Node<'t>,
    source: &'t str,
) -> Option<(Option<Node<'t>>, &'t str)> {
    callee(call, source).map(|callee| (callee.receiver, callee.name))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::parse;
    use super::*;

    fn first_call(tree: &tree_sitter::Tree) -> Node<'_> {
        let statement = tree.root_node().named_child(0).expect("a statement");
        statement.named_child(0).expect("a call")
    }

    #[test]
    fn callee_of_method_call() {
        let source = "a.b.post(x)\n";
        let tree = parse(source);
        let callee = callee(first_call(&tree), source).expect("a callee");
        assert_eq!(node_text(callee.function, source), "a.b.post");
        assert_eq!(
            callee.receiver.map(|receiver| node_text(receiver, source)),
            Some("a.b")
        );
        assert_eq!(callee.name, "post");
    }

    #[test]
    fn callee_keeps_parentheses_of_function() {
        let source = "(post)(x)\n";
        let tree = parse(source);
        let callee = callee(first_call(&tree), source).expect("a callee");
        assert_eq!(node_text(callee.function, source), "(post)");
        assert!(callee.receiver.is_none(), "{:?}", callee.receiver);
        assert_eq!(callee.name, "post");
    }

    /// Describes an argument by its kind and text, for comparisons.
    fn describe_arg(arg: Arg, source: &str) -> String {
        match arg {
            Arg::Positional(node) => format!("positional {}", node_text(node, source)),
            Arg::Keyword { name, value, .. } => {
                format!("keyword {name}={}", node_text(value, source))
            }
            Arg::Star(node) => format!("star {}", node_text(node, source)),
            Arg::DoubleStar(node) => format!("double star {}", node_text(node, source)),
        }
    }

    #[test]
    fn first_arg_matches_call_args() {
        let sources = [
            "f('a', b)\n",
            "f(\n    # a comment\n    'a', b)\n",
            "f(x=1, y=2)\n",
            "f(*xs, 'a')\n",
            "f(**kw)\n",
            "f(x for x in y)\n",
            "f()\n",
        ];
        for source in sources {
            let tree = parse(source);
            let call = first_call(&tree);
            let expected = call_args(call, source).first().copied();
            let first = first_arg(call, source);
            assert_eq!(
                first.map(|arg| describe_arg(arg, source)),
                expected.map(|arg| describe_arg(arg, source)),
                "{source:?}"
            );
        }
    }

    #[test]
    fn first_arg_of_call_without_arguments() {
        let source = "f()\n";
        let tree = parse(source);
        assert!(first_arg(first_call(&tree), source).is_none());
    }

    #[test]
    fn callee_of_computed_function_is_none() {
        for source in ["f()(x)\n", "fs[0](x)\n"] {
            let tree = parse(source);
            assert!(callee(first_call(&tree), source).is_none(), "{source:?}");
        }
    }
}
