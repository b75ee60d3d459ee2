//! Whether a test looks for a value or skips it. A `case` item, `if` or
//! `&&` whose only command on a match is `continue` leads past the value,
//! so `[[ $t == All ]] && continue` works like `[[ $t != All ]]`.

use tree_sitter::Node;

use super::child_table::ChildTable;
use super::resolve::Resolver;
use super::syntax::{FIELDS, field_child, kind};

/// True when the commands of a `case` item, after its `)`, are all
/// `continue`.
pub fn case_item_only_continues<'t>(item: Node<'t>, resolver: &Resolver<'_, 't>) -> bool {
    let parts = resolver.table.children(item);
    let Some(close) = parts.iter().position(|part| kind(*part) == ")") else {
        return false;
    };
    only_continues(&parts[close + 1..], resolver)
}

/// True when a match of `test` runs only `continue`, as when the test is
/// the condition of an `if` whose `then` branch is only `continue`, or the
/// left side of `&& continue`.
pub fn test_only_continues<'t>(test: Node<'t>, resolver: &Resolver<'_, 't>) -> bool {
    let Some(parent) = test.parent() else {
        return false;
    };
    match kind(parent) {
        // if [ "$t" = All ]; then continue; fi
        "if_statement" => {
            let is_condition = field_child(parent, FIELDS.condition)
                .is_some_and(|condition| condition.id() == test.id());
            is_condition && only_continues(&then_branch(parent, resolver.table), resolver)
        }
        // [[ $t == All ]] && continue
        "list" => match resolver.table.children(parent).as_ref() {
            [left, operator, right] => {
                left.id() == test.id()
                    && kind(*operator) == "&&"
                    && only_continues(&[*right], resolver)
            }
            _ => false,
        },
        _ => false,
    }
}

/// Returns the statements of an `if` from `then` to its first `elif`, `else` or `fi`.
fn then_branch<'t>(node: Node<'t>, table: &ChildTable<'t>) -> Vec<Node<'t>> {
    table
        .children(node)
        .iter()
        .copied()
        .skip_while(|child| kind(*child) != "then")
        .skip(1)
        .take_while(|child| !matches!(kind(*child), "elif_clause" | "else_clause" | "fi"))
        .collect()
}

fn only_continues(nodes: &[Node], resolver: &Resolver) -> bool {
    let commands: Vec<&Node> = nodes
        .iter()
        .filter(|node| node.is_named() && kind(**node) != "comment")
        .collect();
    let is_continue = |command: &&Node| {
        kind(**command) == "command"
            && field_child(**command, FIELDS.name)
                .is_some_and(|name| resolver.source(name) == "continue")
    };
    !commands.is_empty() && commands.iter().all(is_continue)
}
