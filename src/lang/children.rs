//! Listing a node's children without a tree cursor per node.
//!
//! `Node::walk` allocates a cursor, which for the small nodes that make up
//! most of a tree costs more than reading the children one by one.
//! `Node::child` walks the children from the first, so reading them by
//! index is cheap for a few children; for many, a cursor is cheaper.

use tree_sitter::Node;

/// Most children read one by one by index rather than with a cursor.
const INDEXED_MAX: u32 = 8;

/// Returns every child of `node`, named or not, in source order.
pub fn all(node: Node) -> Vec<Node> {
    let count = node.child_count();
    if count > INDEXED_MAX {
        let mut cursor = node.walk();
        return node.children(&mut cursor).collect();
    }
    (0..count).filter_map(|index| node.child(index)).collect()
}

/// Returns the named children of `node`, in source order.
pub fn named(node: Node) -> Vec<Node> {
    let count = u32::try_from(node.named_child_count()).unwrap_or(u32::MAX);
    if count > INDEXED_MAX {
        let mut cursor = node.walk();
        return node.named_children(&mut cursor).collect();
    }
    (0..count)
        .filter_map(|index| node.named_child(index))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tree_sitter::Parser;

    fn parse(text: &str) -> tree_sitter::Tree {
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .expect("bash grammar loads");
        parser.parse(text, None).expect("text parses")
    }

    fn with_cursor(node: Node) -> (Vec<Node>, Vec<Node>) {
        let mut cursor = node.walk();
        let all = node.children(&mut cursor).collect();
        let named = node.named_children(&mut cursor).collect();
        (all, named)
    }

    #[test]
    fn indexed_children_match_a_cursor() {
        let few = "curl -d x \"$U\"\n";
        let many = format!("echo {}\n", "a ".repeat(24));
        for text in [few, many.as_str()] {
            let tree = parse(text);
            let mut stack = vec![tree.root_node()];
            while let Some(node) = stack.pop() {
                let (all_expected, named_expected) = with_cursor(node);
                assert_eq!(all(node), all_expected, "{}", node.kind());
                assert_eq!(named(node), named_expected, "{}", node.kind());
                stack.extend(all_expected);
            }
        }
    }
}
