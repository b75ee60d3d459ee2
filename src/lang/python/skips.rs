//! Whether an equality test looks for a value or skips it. In
//! `if title == "All": continue` the match only leads past the value, so
//! the test works like `title != "All"`. A `not` inverts a test the same
//! way.

use tree_sitter::Node;

use super::fields::FIELD;
use super::syntax;
use super::syntax::{kind, named_children};
use crate::model::StringUseKind;

/// Maximum number of `not` and parentheses walked up from a comparison.
const MAX_WRAPPERS: usize = 8;

/// Returns the kind of a comparison's string use once `not` and a branch
/// that only continues are taken into account. Each of them turns an
/// equality into an inequality and back.
pub(super) fn effective_kind(comparison: Node, kind: StringUseKind) -> StringUseKind {
    let mut kind = kind;
    let mut test = comparison;
    for _ in 0..MAX_WRAPPERS {
        let Some(parent) = test.parent() else {
            return kind;
        };
        match syntax::kind(parent) {
            "parenthesized_expression" => {}
            // `if not title == "All":`
            "not_operator" => kind = inverted(kind),
            // `if title == "All": continue`, or the same after `elif`.
            "if_statement" | "elif_clause" if is_condition(parent, test) => {
                return if only_continues(parent) {
                    inverted(kind)
                } else {
                    kind
                };
            }
            _ => return kind,
        }
        test = parent;
    }
    kind
}

fn inverted(kind: StringUseKind) -> StringUseKind {
    match kind {
        StringUseKind::Equality => StringUseKind::Inequality,
        StringUseKind::Inequality => StringUseKind::Equality,
        other => other,
    }
}

fn is_condition(branch: Node, test: Node) -> bool {
    branch
        .child_by_field_id(FIELD.condition)
        .is_some_and(|condition| condition.id() == test.id())
}

/// True when the statements a branch runs on a match are all `continue`.
fn only_continues(branch: Node) -> bool {
    let Some(block) = branch.child_by_field_id(FIELD.consequence) else {
        return false;
    };
    let statements = named_children(block);
    !statements.is_empty()
        && statements
            .iter()
            .all(|statement| kind(*statement) == "continue_statement")
}
