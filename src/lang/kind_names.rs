//! Node kind names looked up by kind id. `Node::kind` measures and checks
//! the grammar's C string on every call, which the front ends make for
//! every node of every walk; a table built once per grammar avoids that.

use tree_sitter::{Language, Node};

/// The kind name of every symbol of one grammar, indexed by kind id.
pub struct KindNames {
    names: Vec<&'static str>,
}

impl KindNames {
    pub fn new(language: &'static Language) -> Self {
        let names = (0..language.node_kind_count())
            .map(|id| {
                u16::try_from(id)
                    .ok()
                    .and_then(|id| language.node_kind_for_id(id))
                    .unwrap_or("")
            })
            .collect();
        KindNames { names }
    }

    /// Returns the same name as `node.kind()`. Ids outside the table, such
    /// as that of an ERROR node, are left to `Node::kind`.
    pub fn of<'t>(&self, node: Node<'t>) -> &'t str {
        match self.names.get(usize::from(node.kind_id())) {
            Some(name) => name,
            None => node.kind(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;

    static BASH: LazyLock<Language> = LazyLock::new(|| tree_sitter_bash::LANGUAGE.into());

    #[test]
    fn names_match_node_kind_everywhere() {
        let names = KindNames::new(&BASH);
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&BASH).expect("bash grammar");
        // An unclosed quote and a stray `fi` give ERROR and MISSING nodes.
        let text = "f() { curl -d \"a=$1\" \"$URL\"; }\nif [ -z \"$x ]; then fi fi\n";
        let tree = parser.parse(text, None).expect("parse");
        let mut cursor = tree.walk();
        let mut visited = 0;
        loop {
            let node = cursor.node();
            assert_eq!(names.of(node), node.kind(), "kind id {}", node.kind_id());
            visited += 1;
            if cursor.goto_first_child() || cursor.goto_next_sibling() {
                continue;
            }
            while cursor.goto_parent() && !cursor.goto_next_sibling() {}
            if cursor.node() == tree.root_node() {
                break;
            }
        }
        assert!(visited > 20, "walked only {visited} nodes");
        assert!(
            tree.root_node().has_error(),
            "the text should contain an error"
        );
    }
}
