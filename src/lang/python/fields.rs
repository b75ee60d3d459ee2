//! Field ids of the tree-sitter-python grammar, looked up once.
//! `Node::child_by_field_name` searches the grammar's field names on every
//! call, and the front end reads fields of most nodes it visits, so callers
//! use `Node::child_by_field_id` with these ids instead.

use std::num::NonZeroU16;
use std::sync::LazyLock;

use tree_sitter::{Language, Node};

/// The id of each field the front end reads. An id of 0 matches no child,
/// as `child_by_field_name` with an unknown name does.
pub(super) struct FieldIds {
    pub alias: u16,
    pub arguments: u16,
    pub attribute: u16,
    pub condition: u16,
    pub consequence: u16,
    pub expression: u16,
    pub format_specifier: u16,
    pub function: u16,
    pub key: u16,
    pub left: u16,
    pub module_name: u16,
    pub name: u16,
    pub object: u16,
    pub operator: u16,
    pub operators: u16,
    pub parameters: u16,
    pub right: u16,
    pub subscript: u16,
    pub type_conversion: u16,
    pub value: u16,
}

pub(super) static FIELD: LazyLock<FieldIds> = LazyLock::new(|| {
    let language: Language = tree_sitter_python::LANGUAGE.into();
    let id = |name: &str| language.field_id_for_name(name).map_or(0, |id| id.get());
    FieldIds {
        alias: id("alias"),
        arguments: id("arguments"),
        attribute: id("attribute"),
        condition: id("condition"),
        consequence: id("consequence"),
        expression: id("expression"),
        format_specifier: id("format_specifier"),
        function: id("function"),
        key: id("key"),
        left: id("left"),
        module_name: id("module_name"),
        name: id("name"),
        object: id("object"),
        operator: id("operator"),
        operators: id("operators"),
        parameters: id("parameters"),
        right: id("right"),
        subscript: id("subscript"),
        type_conversion: id("type_conversion"),
        value: id("value"),
    }
});

/// Returns the children of `node` in the field with id `field`, as
/// `Node::children_by_field_name` does with the field's name.
pub(super) fn children_in_field(node: Node, field: u16) -> Vec<Node> {
    let Some(field) = NonZeroU16::new(field) else {
        return Vec::new();
    };
    let mut cursor = node.walk();
    node.children_by_field_id(field, &mut cursor).collect()
}

#[cfg(test)]
mod tests {
    use super::FIELD;

    #[test]
    fn every_field_exists_in_grammar() {
        let ids = [
            FIELD.alias,
            FIELD.arguments,
            FIELD.attribute,
            FIELD.condition,
            FIELD.consequence,
            FIELD.expression,
            FIELD.format_specifier,
            FIELD.function,
            FIELD.key,
            FIELD.left,
            FIELD.module_name,
            FIELD.name,
            FIELD.object,
            FIELD.operator,
            FIELD.operators,
            FIELD.parameters,
            FIELD.right,
            FIELD.subscript,
            FIELD.type_conversion,
            FIELD.value,
        ];
        for (position, id) in ids.iter().enumerate() {
            assert_ne!(*id, 0, "field at position {position} is not in the grammar");
        }
    }

    #[test]
    fn field_ids_find_same_child_as_names() {
        let source = "def f(a, b=1):\n    return g(a).x[b]\n";
        let tree = super::super::test_support::parse(source);
        let function = tree.root_node().named_child(0).expect("a definition");
        assert_eq!(
            function.child_by_field_id(FIELD.name),
            function.child_by_field_name("name")
        );
        assert_eq!(
            function.child_by_field_id(FIELD.parameters),
            function.child_by_field_name("parameters")
        );
    }
}
