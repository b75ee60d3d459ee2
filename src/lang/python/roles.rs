//! The part each node kind plays in the index walk, looked up by kind id
//! so that the walk compares no strings for the many nodes it only passes
//! through.

use std::sync::LazyLock;

use tree_sitter::Node;

use super::syntax::PYTHON;

/// The part a node plays in the index walk, decided by its kind name alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// A kind the walk records nothing for.
    Other,
    /// Text tree-sitter could not parse, which the walk skips whole.
    Error,
    FunctionDefinition,
    ClassDefinition,
    /// A `lambda` expression, and also the `lambda` keyword token, which
    /// has the same kind name.
    Lambda,
    /// Python 2's `print "text"`.
    PrintStatement,
    ArgumentList,
    Assignment,
    AugmentedAssignment,
    NamedExpression,
    WithItem,
    ForStatement,
    ExceptClause,
    /// `import_statement` and `import_from_statement`.
    Import,
    DeleteStatement,
    Call,
    ReturnStatement,
    String,
    ConcatenatedString,
    /// `elif`, `else`, `except*` and `case` clauses, which run only on some
    /// paths.
    BranchClause,
    Block,
    /// `if`, `while` and `try` statements, whose blocks run only on some
    /// paths. A `for` statement is one too, with a role of its own.
    BranchingStatement,
    ParenthesizedExpression,
}

/// Returns the role of a node kind by its name.
fn role_of_kind(name: &str) -> Role {
    match name {
        "function_definition" => Role::FunctionDefinition,
        "class_definition" => Role::ClassDefinition,
        "lambda" => Role::Lambda,
        "print_statement" => Role::PrintStatement,
        "argument_list" => Role::ArgumentList,
        "assignment" => Role::Assignment,
        "augmented_assignment" => Role::AugmentedAssignment,
        "named_expression" => Role::NamedExpression,
        "with_item" => Role::WithItem,
        "for_statement" => Role::ForStatement,
        "except_clause" => Role::ExceptClause,
        "import_statement" | "import_from_statement" => Role::Import,
        "delete_statement" => Role::DeleteStatement,
        "call" => Role::Call,
        "return_statement" => Role::ReturnStatement,
        "string" => Role::String,
        "concatenated_string" => Role::ConcatenatedString,
        "elif_clause" | "else_clause" | "except_group_clause" | "case_clause" => Role::BranchClause,
        "block" => Role::Block,
        "if_statement" | "while_statement" | "try_statement" => Role::BranchingStatement,
        "parenthesized_expression" => Role::ParenthesizedExpression,
        "ERROR" => Role::Error,
        _ => Role::Other,
    }
}

/// The role of every kind of the Python grammar, indexed by kind id.
/// Several ids can share a name (an alias and a symbol, or a keyword token
/// and a node), and each gets the role of its name.
static ROLES: LazyLock<Vec<Role>> = LazyLock::new(|| {
    (0..PYTHON.node_kind_count())
        .map(|id| {
            u16::try_from(id)
                .ok()
                .and_then(|id| PYTHON.node_kind_for_id(id))
                .map_or(Role::Other, role_of_kind)
        })
        .collect()
});

/// Returns the role of a node of a Python tree, as [`role_of_kind`] gives
/// it for `node.kind()`.
pub(super) fn role(node: Node) -> Role {
    match ROLES.get(usize::from(node.kind_id())) {
        Some(role) => *role,
        // Ids outside the table, such as that of ERROR nodes.
        None => role_of_kind(node.kind()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::parse;
    use super::*;

    #[test]
    fn table_matches_kind_names_everywhere() {
        let source = "import requests\nfrom a import b\n\
            def f(x, y=lambda z: z):\n\
            \x20   if x:\n        return requests.post(u, data={'a': 'b' 'c'})\n\
            \x20   elif (y := 1):\n        pass\n\
            \x20   else:\n        x += 1\n\
            \x20   for i in x:\n        del x[i]\n\
            \x20   while x:\n        break\n\
            \x20   try:\n        pass\n    except E as e:\n        pass\n\
            \x20   with g() as h:\n        pass\n\
            \x20   match x:\n        case [1, *rest]:\n            pass\n\
            class C(B):\n    print 'x'\n\
            def broken(:\n";
        let tree = parse(source);
        let mut cursor = tree.walk();
        let mut roles_seen = Vec::new();
        loop {
            let node = cursor.node();
            let expected = role_of_kind(node.kind());
            assert_eq!(role(node), expected, "kind {:?}", node.kind());
            if !roles_seen.contains(&expected) {
                roles_seen.push(expected);
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    assert!(
                        roles_seen.len() >= 20,
                        "only {} roles seen: {roles_seen:?}",
                        roles_seen.len()
                    );
                    return;
                }
            }
        }
    }

    #[test]
    fn error_nodes_have_error_role() {
        let tree = parse("def broken(:\n    x = )\n");
        let root = tree.root_node();
        let error = (0..root.child_count())
            .filter_map(|index| root.child(index))
            .find(|node| node.is_error())
            .expect("an ERROR node");
        assert_eq!(role(error), Role::Error);
    }
}
