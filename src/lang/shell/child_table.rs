//! The children of the nodes that the walks descend into, listed once per
//! file.
//!
//! A tree cursor pays for each move to a sibling by climbing through the
//! hidden nodes that the grammar's repetitions leave in the tree. The
//! front end lists the children of the same nodes several times: in the
//! search for function definitions, in the analysis walk, and in the walk
//! of a function body at each call followed into it. The table moves a
//! cursor over each node's children once, and the walks then read them
//! from memory.

use std::borrow::Cow;
use std::num::NonZeroU16;

use rustc_hash::FxHashMap;
use tree_sitter::Node;

use super::syntax::{is_inert_kind, is_plain_word, kind};

/// A child together with the id of the field it has in its parent.
pub type FieldChild<'t> = (Option<NonZeroU16>, Node<'t>);

/// The children of every node of one tree that lies outside comments,
/// heredoc bodies and plain words (see `is_plain_word`), which the walks
/// never enter. The children of other nodes are listed with a cursor on
/// each request. The table borrows the tree, so it cannot outlive it.
pub struct ChildTable<'t> {
    /// Start and end in `children` of each listed node's children, by
    /// `Node::id`. A node without children has no entry.
    ranges: FxHashMap<usize, (usize, usize)>,
    /// The children of each listed node in source order, one node after
    /// another.
    children: Vec<FieldChild<'t>>,
}

impl<'t> ChildTable<'t> {
    /// Lists the children of `root` and of every node under it that the
    /// walks may enter. The pending nodes are kept in a `Vec`, so nesting
    /// depth costs no stack.
    pub fn new(root: Node<'t>, text: &str) -> Self {
        let mut table = ChildTable {
            ranges: FxHashMap::default(),
            children: Vec::new(),
        };
        let mut cursor = root.walk();
        let mut pending = vec![root];
        while let Some(node) = pending.pop() {
            if node.child_count() == 0 {
                continue;
            }
            let node_kind = kind(node);
            if is_inert_kind(node_kind) || is_plain_word(node, node_kind, text) {
                continue;
            }
            cursor.reset(node);
            if !cursor.goto_first_child() {
                continue;
            }
            let start = table.children.len();
            loop {
                table.children.push((cursor.field_id(), cursor.node()));
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
            let end = table.children.len();
            table.ranges.insert(node.id(), (start, end));
            pending.extend(table.children[start..end].iter().map(|(_, child)| *child));
        }
        table
    }

    /// Returns each child of `node`, named or not, in source order, with
    /// the id of the field it has in `node`, as a cursor lists them. Only
    /// the children of a node outside the table are newly listed.
    pub fn with_fields(&self, node: Node<'t>) -> Cow<'_, [FieldChild<'t>]> {
        match self.ranges.get(&node.id()) {
            Some(&(start, end)) => Cow::Borrowed(&self.children[start..end]),
            None if node.child_count() == 0 => Cow::Borrowed(&[]),
            None => Cow::Owned(list_with_cursor(node)),
        }
    }

    /// Returns every child of `node`, named or not, in source order.
    pub fn children(&self, node: Node<'t>) -> impl Iterator<Item = Node<'t>> + '_ {
        let children = self.with_fields(node);
        (0..children.len()).map(move |index| children[index].1)
    }

    /// Returns the children of `node` under field `field`, in source order.
    pub fn field_children(
        &self,
        node: Node<'t>,
        field: NonZeroU16,
    ) -> impl Iterator<Item = Node<'t>> + '_ {
        let children = self.with_fields(node);
        (0..children.len()).filter_map(move |index| match children[index] {
            (id, child) if id == Some(field) => Some(child),
            _ => None,
        })
    }

    /// True when the children of `node` are stored, rather than listed on
    /// each request.
    #[cfg(test)]
    fn is_stored(&self, node: Node) -> bool {
        self.ranges.contains_key(&node.id())
    }
}

/// Lists the children of `node` and their field ids by moving a cursor.
fn list_with_cursor(node: Node) -> Vec<FieldChild> {
    let mut children = Vec::new();
    let mut cursor = node.walk();
    if !cursor.goto_first_child() {
        return children;
    }
    loop {
        children.push((cursor.field_id(), cursor.node()));
        if !cursor.goto_next_sibling() {
            return children;
        }
    }
}

#[cfg(test)]
mod tests {
    use tree_sitter::{Parser, Tree};

    use super::*;

    fn parse(text: &str) -> Tree {
        let mut parser = Parser::new();
        parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .expect("bash grammar loads");
        parser
            .parse(text, None)
            .expect("tree-sitter returns a tree")
    }

    /// Lists the children of `node` as `Node::children` does, each with the
    /// name of its field as the cursor reports it.
    fn reference_children(node: Node) -> Vec<(Option<String>, Node)> {
        let mut cursor = node.walk();
        let children: Vec<Node> = node.children(&mut cursor).collect();
        cursor.reset(node);
        let mut names = Vec::new();
        if cursor.goto_first_child() {
            loop {
                names.push(cursor.field_name().map(str::to_string));
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        names.into_iter().zip(children).collect()
    }

    /// Checks the table against a cursor at every node of the tree of
    /// `text`, and returns how many nodes it stores.
    fn check_every_node(text: &str) -> usize {
        let language: tree_sitter::Language = tree_sitter_bash::LANGUAGE.into();
        let tree = parse(text);
        let table = ChildTable::new(tree.root_node(), text);
        // Each node with whether it lies in a subtree the walks skip.
        let mut stack = vec![(tree.root_node(), false)];
        let mut stored = 0;
        while let Some((node, skipped)) = stack.pop() {
            let expected = reference_children(node);
            let actual: Vec<(Option<String>, Node)> = table
                .with_fields(node)
                .iter()
                .map(|(id, child)| {
                    let name = id.and_then(|id| language.field_name_for_id(id.get()));
                    (name.map(str::to_string), *child)
                })
                .collect();
            assert_eq!(actual, expected, "{}", node.kind());
            let nodes: Vec<Node> = expected.iter().map(|(_, child)| *child).collect();
            assert_eq!(table.children(node).collect::<Vec<_>>(), nodes);

            let node_kind = kind(node);
            let skips = skipped || is_inert_kind(node_kind) || is_plain_word(node, node_kind, text);
            let should_store = !skips && !nodes.is_empty();
            assert_eq!(table.is_stored(node), should_store, "{}", node.kind());
            stored += usize::from(should_store);
            stack.extend(nodes.into_iter().map(|child| (child, skips)));
        }
        stored
    }

    #[test]
    fn children_match_a_cursor() {
        let text = "f() { curl -s -d \"action=list&ids=$1\" \"${BASE:-https://h}/api/\"; }\n\
                    for ((i = 0; i < 3; i++)); do f \"$i\" a b c d e f g h i j; done\n\
                    case $x in a|b) echo \"${arr[@]}\" ;; esac # note\n\
                    cat <<EOF\n$(date) $HOME\nEOF\n";
        assert!(check_every_node(text) > 20);
    }

    #[test]
    fn children_match_a_cursor_with_syntax_errors() {
        let text = "if [ -z \"$x ]; then fi fi\ncurl -d 'a=1 \"$(\nf( { curl x; }\n\
                    for h in a b; do curl \"$(g \"$h\")\" ${x:-$(y)}; done\n";
        assert!(parse(text).root_node().has_error());
        assert!(check_every_node(text) > 5);
    }

    #[test]
    fn deep_nesting_is_stored_without_recursion() {
        let depth = 100_000;
        let text = format!("echo {}x{}\n", "$(".repeat(depth), ")".repeat(depth));
        let tree = parse(&text);
        let table = ChildTable::new(tree.root_node(), &text);
        // Follow the last named child down from the root, through the
        // argument of `echo` and then each substitution's command.
        let mut node = tree.root_node();
        let mut stored = 0;
        while let Some(child) = table.children(node).filter(|child| child.is_named()).last() {
            stored += usize::from(table.is_stored(node));
            node = child;
        }
        assert!(stored > depth, "stored only {stored} levels");
    }

    #[test]
    fn field_children_select_one_field() {
        let text = "curl -s -d x \"$URL\"\n";
        let tree = parse(text);
        let table = ChildTable::new(tree.root_node(), text);
        let language: tree_sitter::Language = tree_sitter_bash::LANGUAGE.into();
        let argument = language
            .field_id_for_name("argument")
            .expect("the grammar has an `argument` field");
        let command = table
            .children(tree.root_node())
            .next()
            .expect("the program has a command");
        assert_eq!(command.kind(), "command");
        let arguments: Vec<&str> = table
            .field_children(command, argument)
            .map(|child| &text[child.byte_range()])
            .collect();
        assert_eq!(arguments, ["-s", "-d", "x", "\"$URL\""]);
    }
}
