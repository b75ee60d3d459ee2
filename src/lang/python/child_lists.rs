//! Stepping through the named children of the nodes open in a depth-first
//! walk, which keeps its own stack of open nodes.
//!
//! A tree cursor costs more per step than reading a narrow node's named
//! children by index, because `TreeCursor::goto_next_sibling` climbs back
//! through the hidden nodes that tree-sitter builds for repetitions and
//! the walk visits every anonymous token on the way. `Node::named_child`
//! searches from the first child, so the children of a wide node, such as
//! a module with many statements or a node made by error recovery, are
//! listed once with a cursor instead.

use tree_sitter::{Node, TreeCursor};

/// Maximum number of named children read one by one by index. Wider nodes
/// are listed with a cursor, because each read by index searches from the
/// first child, so reading all of them can cost the square of the width.
const INDEXED_MAX: u32 = 8;

/// A walk's position among the named children of one open node.
#[derive(Clone, Copy, Debug)]
pub(super) enum ChildPosition {
    /// The next child is `Node::named_child(next)`, up to `count`.
    Indexed { next: u32, count: u32 },
    /// The children are listed in [`ChildLists`] from `start` to the end of
    /// the list, and `next` is the one to read next.
    Listed { start: usize, next: usize },
}

/// The named children listed for the open wide nodes, innermost last.
///
/// Positions must be used as a stack: only the position opened last may
/// be read, and it must be closed before the one opened before it is read
/// again.
pub(super) struct ChildLists<'t> {
    listed: Vec<Node<'t>>,
    /// One cursor, created on the first wide node and reset for each.
    cursor: Option<TreeCursor<'t>>,
}

impl<'t> ChildLists<'t> {
    pub(super) fn new() -> Self {
        ChildLists {
            listed: Vec::new(),
            cursor: None,
        }
    }

    /// Starts reading the named children of `node`, or returns `None` when
    /// it has none.
    pub(super) fn open(&mut self, node: Node<'t>) -> Option<ChildPosition> {
        let count = u32::try_from(node.named_child_count()).unwrap_or(u32::MAX);
        if count == 0 {
            return None;
        }
        if count <= INDEXED_MAX {
            return Some(ChildPosition::Indexed { next: 0, count });
        }
        let cursor = self.cursor.get_or_insert_with(|| node.walk());
        let start = self.listed.len();
        self.listed.extend(node.named_children(cursor));
        Some(ChildPosition::Listed { start, next: start })
    }

    /// Returns the next named child of `node`, whose children `position`
    /// reads, or `None` after the last.
    pub(super) fn next(&self, node: Node<'t>, position: &mut ChildPosition) -> Option<Node<'t>> {
        match position {
            ChildPosition::Indexed { next, count } => {
                if *next >= *count {
                    return None;
                }
                let child = node.named_child(*next);
                *next += 1;
                child
            }
            ChildPosition::Listed { next, .. } => {
                let child = self.listed.get(*next).copied();
                *next += 1;
                child
            }
        }
    }

    /// Drops the children listed for `position`.
    pub(super) fn close(&mut self, position: ChildPosition) {
        if let ChildPosition::Listed { start, .. } = position {
            self.listed.truncate(start);
        }
    }
}

/// Returns true when a child of `node`, named or not, has children of its
/// own. Both counts are stored in the tree, so this costs no search.
pub(super) fn has_grandchildren(node: Node) -> bool {
    let children = usize::try_from(node.child_count()).unwrap_or(usize::MAX);
    // The descendant count includes the node itself.
    node.descendant_count().saturating_sub(1) > children
}

#[cfg(test)]
mod tests {
    use super::super::test_support::parse;
    use super::*;

    /// Walks the tree with `ChildLists` and returns every named node in
    /// pre-order.
    fn walk_with_child_lists<'t>(root: Node<'t>) -> Vec<Node<'t>> {
        let mut lists = ChildLists::new();
        let mut visited = vec![root];
        let mut open: Vec<(Node, ChildPosition)> = Vec::new();
        if let Some(position) = lists.open(root) {
            open.push((root, position));
        }
        while let Some((node, position)) = open.last_mut() {
            let Some(child) = lists.next(*node, position) else {
                let (_, position) = open.pop().expect("an open node");
                lists.close(position);
                continue;
            };
            visited.push(child);
            if let Some(position) = lists.open(child) {
                open.push((child, position));
            }
        }
        visited
    }

    fn named_nodes_by_cursor(root: Node) -> Vec<Node> {
        let mut visited = Vec::new();
        let mut cursor = root.walk();
        loop {
            if cursor.node().is_named() {
                visited.push(cursor.node());
            }
            if cursor.goto_first_child() {
                continue;
            }
            while !cursor.goto_next_sibling() {
                if !cursor.goto_parent() {
                    return visited;
                }
            }
        }
    }

    #[test]
    fn visits_named_nodes_in_cursor_order() {
        let wide_call = format!("f({})\n", vec!["'a'"; 40].join(", "));
        let statements = "x = 1\n".repeat(30);
        let sources = [
            "import requests\nrequests.post(url, data={'a': 1}, **kw)\n".to_string(),
            "def f(a, *, b=lambda x: x):\n    if a not in b and a is not None:\n        return [y for y in a]\n".to_string(),
            format!("class C:\n    def m(self):\n        {wide_call}"),
            statements,
            "def broken(:\n    x = )\n((( 'a'\nf'{x!r:>{w}}' 'b'\n".to_string(),
        ];
        for source in sources {
            let tree = parse(&source);
            let root = tree.root_node();
            let expected = named_nodes_by_cursor(root);
            assert!(expected.len() > 5, "too few nodes in {source:?}");
            assert_eq!(walk_with_child_lists(root), expected, "source {source:?}");
        }
    }

    #[test]
    fn wide_nodes_are_listed() {
        let source = format!("f({})\n", vec!["a"; 40].join(", "));
        let tree = parse(&source);
        let arguments = tree
            .root_node()
            .named_child(0)
            .and_then(|statement| statement.named_child(0))
            .and_then(|call| call.named_child(1))
            .expect("an argument list");
        let mut lists = ChildLists::new();
        let mut position = lists.open(arguments).expect("children");
        assert!(
            matches!(position, ChildPosition::Listed { start: 0, .. }),
            "{position:?}"
        );
        let mut read = 0;
        while lists.next(arguments, &mut position).is_some() {
            read += 1;
        }
        assert_eq!(read, 40);
        lists.close(position);
        assert!(lists.listed.is_empty(), "closing drops the list");
    }

    #[test]
    fn grandchildren_of_leaf_and_nested_nodes() {
        let tree = parse("a.b\nf(g(x))\n");
        let root = tree.root_node();
        let attribute = root
            .named_child(0)
            .and_then(|statement| statement.named_child(0))
            .expect("an attribute");
        assert!(
            !has_grandchildren(attribute),
            "`a.b` has only leaf children"
        );
        let call = root
            .named_child(1)
            .and_then(|statement| statement.named_child(0))
            .expect("a call");
        assert!(has_grandchildren(call), "`f(g(x))` nests a call");
        let identifier = attribute.named_child(0).expect("an identifier");
        assert!(!has_grandchildren(identifier), "a leaf has no children");
        assert!(has_grandchildren(root), "statements have children");
    }

    #[test]
    fn narrow_nodes_are_read_by_index() {
        let tree = parse("f(a, b)\n");
        let call = tree
            .root_node()
            .named_child(0)
            .and_then(|statement| statement.named_child(0))
            .expect("a call");
        let mut lists = ChildLists::new();
        let position = lists.open(call).expect("children");
        assert!(
            matches!(position, ChildPosition::Indexed { next: 0, count: 2 }),
            "{position:?}"
        );
        let identifier = call.named_child(0).expect("the callee");
        assert!(lists.open(identifier).is_none(), "a leaf has no children");
    }
}
