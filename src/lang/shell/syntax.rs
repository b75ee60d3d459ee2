//! Small helpers over tree-sitter-bash nodes. Nothing here recurses, so
//! deeply nested input cannot exhaust the stack.

use std::num::NonZeroU16;
use std::sync::LazyLock;

use tree_sitter::{Language, Node, TreeCursor};

use crate::lang::kind_names::KindNames;
use crate::model::Span;

static BASH: LazyLock<Language> = LazyLock::new(|| tree_sitter_bash::LANGUAGE.into());
static KINDS: LazyLock<KindNames> = LazyLock::new(|| KindNames::new(&BASH));

/// Ids of the bash grammar's fields that the walks read on every command,
/// looked up once so that a lookup compares numbers instead of names.
pub struct Fields {
    pub name: NonZeroU16,
    pub argument: NonZeroU16,
    pub body: NonZeroU16,
    pub value: NonZeroU16,
}

pub static FIELDS: LazyLock<Fields> = LazyLock::new(|| Fields {
    name: field_id("name"),
    argument: field_id("argument"),
    body: field_id("body"),
    value: field_id("value"),
});

fn field_id(name: &str) -> NonZeroU16 {
    BASH.field_id_for_name(name)
        .unwrap_or_else(|| panic!("the bash grammar has no field `{name}`"))
}

/// Returns the first child under field `field`, as `Node::child_by_field_name`
/// does but without looking the field's name up.
pub fn field_child(node: Node, field: NonZeroU16) -> Option<Node> {
    node.child_by_field_id(field.get())
}

/// Returns the kind of a node of a bash tree, as `Node::kind` does but
/// from a table, for the walks that ask it of every node.
pub fn kind<'t>(node: Node<'t>) -> &'t str {
    KINDS.of(node)
}

pub fn node_span(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

/// Returns the text under `span`, or an empty string when the span does not
/// fall on character boundaries of `text`.
pub fn span_text(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// Returns every child, named or not, in source order.
pub fn children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.children(&mut cursor).collect()
}

/// Calls `visit` with every child of `node`, named or not, in source order.
/// `cursor` is reset to `node`, so one cursor serves a whole walk without an
/// allocation per node.
pub fn for_each_child<'t>(
    cursor: &mut TreeCursor<'t>,
    node: Node<'t>,
    mut visit: impl FnMut(Node<'t>),
) {
    if node.child_count() == 0 {
        return;
    }
    cursor.reset(node);
    if !cursor.goto_first_child() {
        return;
    }
    loop {
        visit(cursor.node());
        if !cursor.goto_next_sibling() {
            return;
        }
    }
}

/// Appends every child of `node`, named or not, to `out` in source order,
/// as `for_each_child` visits them.
pub fn push_children<'t>(cursor: &mut TreeCursor<'t>, node: Node<'t>, out: &mut Vec<Node<'t>>) {
    for_each_child(cursor, node, |child| out.push(child));
}

/// Appends each child of `node` with the id of the field it has in `node`,
/// as `push_children` does.
pub fn push_children_with_fields<'t>(
    cursor: &mut TreeCursor<'t>,
    node: Node<'t>,
    out: &mut Vec<(Option<NonZeroU16>, Node<'t>)>,
) {
    if node.child_count() == 0 {
        return;
    }
    cursor.reset(node);
    if !cursor.goto_first_child() {
        return;
    }
    loop {
        out.push((cursor.field_id(), cursor.node()));
        if !cursor.goto_next_sibling() {
            return;
        }
    }
}

/// Returns each child together with the field name it has in its parent.
pub fn children_with_fields<'t>(node: Node<'t>) -> Vec<(Option<&'t str>, Node<'t>)> {
    let mut out = Vec::new();
    let mut cursor = node.walk();
    if !cursor.goto_first_child() {
        return out;
    }
    loop {
        out.push((cursor.field_name(), cursor.node()));
        if !cursor.goto_next_sibling() {
            return out;
        }
    }
}

/// Returns the children under field `field`, in source order.
pub fn field_children<'t>(node: Node<'t>, field: &str) -> Vec<Node<'t>> {
    children_with_fields(node)
        .into_iter()
        .filter(|(name, _)| *name == Some(field))
        .map(|(_, child)| child)
        .collect()
}

/// True for the kinds of nodes whose text is never run as code: comments
/// and heredoc bodies. An ERROR node is not inert: the text tree-sitter could
/// not parse is skipped, but complete commands it recovered inside, or the
/// whole file when the root itself is an ERROR, are still read.
pub fn is_inert_kind(kind: &str) -> bool {
    matches!(kind, "comment" | "heredoc_body")
}
