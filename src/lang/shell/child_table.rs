//! The children of the nodes that the walks descend into, listed once per
//! file.
//!
//! A tree cursor pays for each move to a sibling by climbing through the
//! hidden nodes that the grammar's repetitions leave in the tree. The
//! front end lists the children of the same nodes several times. The
//! search for function definitions and the analysis walk both list them,
//! the walk of a function body repeats at each call followed into it, and
//! the assignment, expansion and test readers list them again. The table
//! moves a cursor over each node's children once, and later requests read
//! them from memory.

use std::borrow::Cow;
use std::num::NonZeroU16;

use foldhash::{HashMap, HashSet};
use tree_sitter::Node;

use super::syntax::{is_inert_kind, is_plain_word, kind};

/// A child together with the id of the field it has in its parent.
pub type FieldChild<'t> = (Option<NonZeroU16>, Node<'t>);

/// Maximum number of nodes in a tree whose children the table stores.
/// Only scripts of dense syntax near the parse limit have more, such as
/// 256 KiB of `a;a;a`, and for them the table cost more time than it
/// saved and added about 40 bytes per node to the tree's own memory.
const MAX_STORED_NODES: usize = 100_000;

/// The children of every node of one tree that lies outside comments,
/// heredoc bodies and plain words (see `is_plain_word`), which the walks
/// never enter. The children of other nodes, and of every node of a tree
/// over `MAX_STORED_NODES`, are listed anew on each request. The table
/// borrows the tree, so it cannot outlive it.
pub struct ChildTable<'t> {
    /// Start and end in `nodes` and `fields` of each stored node's
    /// children, by `Node::id`. A node without children has no entry.
    ranges: HashMap<usize, (usize, usize)>,
    /// The children of each stored node in source order, one node after
    /// another.
    nodes: Vec<Node<'t>>,
    /// The id of the field that each entry of `nodes` has in its parent.
    fields: Vec<Option<NonZeroU16>>,
    /// Ids of the nodes with children that the walks do not enter.
    skipped: HashSet<usize>,
    /// False when the tree was too large to store, so that each request
    /// reads the tree and the script's text.
    stored: bool,
    text: &'t str,
}

impl<'t> ChildTable<'t> {
    /// Lists the children of `root` and of every node under it that the
    /// walks may enter. The pending nodes are kept in a `Vec`, so nesting
    /// depth costs no stack.
    pub fn new(root: Node<'t>, text: &'t str) -> Self {
        Self::with_limit(root, text, MAX_STORED_NODES)
    }

    /// Builds the table as `new` does, storing nothing when the tree has
    /// more than `max_nodes` nodes.
    fn with_limit(root: Node<'t>, text: &'t str, max_nodes: usize) -> Self {
        // Every node but the root is the child of one node, which bounds
        // how many children can be stored.
        let descendants = root.descendant_count().saturating_sub(1);
        let stored = descendants <= max_nodes;
        let capacity = if stored { descendants } else { 0 };
        let mut table = ChildTable {
            ranges: HashMap::default(),
            nodes: Vec::with_capacity(capacity),
            fields: Vec::with_capacity(capacity),
            skipped: HashSet::default(),
            stored,
            text,
        };
        if !stored {
            return table;
        }
        let mut cursor = root.walk();
        let mut pending = vec![root];
        while let Some(node) = pending.pop() {
            if node.child_count() == 0 {
                continue;
            }
            let node_kind = kind(node);
            if is_inert_kind(node_kind) || is_plain_word(node, node_kind, text) {
                table.skipped.insert(node.id());
                continue;
            }
            cursor.reset(node);
            if !cursor.goto_first_child() {
                continue;
            }
            let start = table.nodes.len();
            loop {
                table.nodes.push(cursor.node());
                table.fields.push(cursor.field_id());
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
            let end = table.nodes.len();
            table.ranges.insert(node.id(), (start, end));
            pending.extend_from_slice(&table.nodes[start..end]);
        }
        table
    }

    /// True for a comment, heredoc body or plain word that has children,
    /// which the walks do not enter. A node without children is not
    /// skipped, since visiting it has no effect in either walk. For a node
    /// inside a skipped one, which no walk reaches, it returns false in a
    /// stored table and may return true otherwise.
    pub fn is_skipped(&self, node: Node) -> bool {
        if self.stored {
            return self.skipped.contains(&node.id());
        }
        if node.child_count() == 0 {
            return false;
        }
        let node_kind = kind(node);
        is_inert_kind(node_kind) || is_plain_word(node, node_kind, self.text)
    }

    /// Returns every child of `node`, named or not, in source order. Only
    /// the children of a node outside the table are newly listed.
    pub fn children(&self, node: Node<'t>) -> Cow<'_, [Node<'t>]> {
        match self.ranges.get(&node.id()) {
            Some(&(start, end)) => Cow::Borrowed(&self.nodes[start..end]),
            None => Cow::Owned(crate::lang::children::all(node)),
        }
    }

    /// Returns each child of `node` with the id of the field it has in
    /// `node`, in the order of `children`.
    pub fn with_fields(&self, node: Node<'t>) -> FieldChildren<'_, 't> {
        let (fields, nodes) = match self.ranges.get(&node.id()) {
            Some(&(start, end)) => (
                Cow::Borrowed(&self.fields[start..end]),
                Cow::Borrowed(&self.nodes[start..end]),
            ),
            None => {
                let (fields, nodes) = list_with_cursor(node);
                (Cow::Owned(fields), Cow::Owned(nodes))
            }
        };
        FieldChildren {
            fields,
            nodes,
            next: 0,
        }
    }

    /// Returns the children of `node` under field `field`, in source order.
    pub fn field_children(
        &self,
        node: Node<'t>,
        field: NonZeroU16,
    ) -> impl Iterator<Item = Node<'t>> + '_ {
        self.with_fields(node)
            .filter(move |(id, _)| *id == Some(field))
            .map(|(_, child)| child)
    }

    /// True when the children of `node` are stored, rather than listed on
    /// each request.
    #[cfg(test)]
    fn is_stored(&self, node: Node) -> bool {
        self.ranges.contains_key(&node.id())
    }
}

/// The children of one node with their field ids, as `ChildTable::with_fields`
/// returns them.
pub struct FieldChildren<'a, 't> {
    fields: Cow<'a, [Option<NonZeroU16>]>,
    nodes: Cow<'a, [Node<'t>]>,
    /// Index of the next child to return.
    next: usize,
}

impl<'t> Iterator for FieldChildren<'_, 't> {
    type Item = FieldChild<'t>;

    fn next(&mut self) -> Option<Self::Item> {
        let node = *self.nodes.get(self.next)?;
        let field = self.fields[self.next];
        self.next += 1;
        Some((field, node))
    }
}

/// Lists the field ids and the children of `node` by moving a cursor.
fn list_with_cursor(node: Node) -> (Vec<Option<NonZeroU16>>, Vec<Node>) {
    let (mut fields, mut nodes) = (Vec::new(), Vec::new());
    let mut cursor = node.walk();
    if !cursor.goto_first_child() {
        return (fields, nodes);
    }
    loop {
        fields.push(cursor.field_id());
        nodes.push(cursor.node());
        if !cursor.goto_next_sibling() {
            return (fields, nodes);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::shell::tests::parse_script;

    use super::*;

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
    /// `text`, and returns how many nodes it stores and how many it marks
    /// as skipped.
    fn check_every_node(text: &str) -> (usize, usize) {
        check_every_node_with_limit(text, MAX_STORED_NODES)
    }

    /// Checks the table as `check_every_node` does, built with `max_nodes`
    /// as its limit. A table that stores nothing must list the same
    /// children and skip the same nodes wherever a walk can reach.
    fn check_every_node_with_limit(text: &str, max_nodes: usize) -> (usize, usize) {
        let language: tree_sitter::Language = tree_sitter_bash::LANGUAGE.into();
        let tree = parse_script(text);
        let table = ChildTable::with_limit(tree.root_node(), text, max_nodes);
        // Each node with whether it lies in a subtree the walks skip.
        let mut stack = vec![(tree.root_node(), false)];
        let (mut stored, mut marked) = (0, 0);
        while let Some((node, skipped)) = stack.pop() {
            let expected = reference_children(node);
            let actual: Vec<(Option<String>, Node)> = table
                .with_fields(node)
                .map(|(id, child)| {
                    let name = id.and_then(|id| language.field_name_for_id(id.get()));
                    (name.map(str::to_string), child)
                })
                .collect();
            assert_eq!(actual, expected, "{}", node.kind());
            let nodes: Vec<Node> = expected.iter().map(|(_, child)| *child).collect();
            assert_eq!(table.children(node).as_ref(), nodes.as_slice());

            let node_kind = kind(node);
            let skips_here = is_inert_kind(node_kind) || is_plain_word(node, node_kind, text);
            let should_store = table.stored && !skipped && !skips_here && !nodes.is_empty();
            let should_mark = !skipped && skips_here && !nodes.is_empty();
            assert_eq!(table.is_stored(node), should_store, "{}", node.kind());
            if table.stored || !skipped {
                assert_eq!(table.is_skipped(node), should_mark, "{}", node.kind());
            }
            stored += usize::from(should_store);
            marked += usize::from(should_mark);
            let skips = skipped || skips_here;
            stack.extend(nodes.into_iter().map(|child| (child, skips)));
        }
        (stored, marked)
    }

    #[test]
    fn children_match_a_cursor() {
        let text = "f() { curl -s -d \"action=list&ids=$1\" \"${BASE:-https://h}/api/\"; }\n\
                    for ((i = 0; i < 3; i++)); do f \"$i\" a b c d e f g h i j; done\n\
                    case $x in a|b) echo \"${arr[@]}\" ;; esac # note\n\
                    cat <<EOF\n$(date) $HOME\nEOF\n";
        let (stored, marked) = check_every_node(text);
        assert!(stored > 20, "stored {stored} nodes");
        assert!(marked > 3, "marked {marked} nodes as skipped");
    }

    #[test]
    fn children_match_a_cursor_with_syntax_errors() {
        let text = "if [ -z \"$x ]; then fi fi\ncurl -d 'a=1 \"$(\nf( { curl x; }\n\
                    for h in a b; do curl \"$(g \"$h\")\" ${x:-$(y)}; done\n";
        assert!(parse_script(text).root_node().has_error());
        let (stored, marked) = check_every_node(text);
        assert!(stored > 5, "stored {stored} nodes");
        assert!(marked > 0, "marked {marked} nodes as skipped");
    }

    #[test]
    fn tree_over_the_limit_is_read_on_request() {
        let text = "f() { curl -s \"$1\"; }\nfor h in \"$A\" b; do f \"$(g \"$h\")\"; done # x\n\
                    if [ -z \"$x ]; then fi\ncat <<EOF\n$(date)\nEOF\n";
        let (stored, marked) = check_every_node_with_limit(text, 0);
        assert_eq!(stored, 0);
        assert!(marked > 2, "marked {marked} nodes as skipped");

        let tree = parse_script(text);
        let nodes = tree.root_node().descendant_count() - 1;
        assert!(ChildTable::with_limit(tree.root_node(), text, nodes).stored);
        assert!(!ChildTable::with_limit(tree.root_node(), text, nodes - 1).stored);
    }

    #[test]
    fn deep_nesting_is_stored_without_recursion() {
        let depth = 100_000;
        let text = format!("echo {}x{}\n", "$(".repeat(depth), ")".repeat(depth));
        let tree = parse_script(&text);
        let table = ChildTable::with_limit(tree.root_node(), &text, usize::MAX);
        // Follow the last named child down from the root, through the
        // argument of `echo` and then each substitution's command.
        let mut node = tree.root_node();
        let mut stored = 0;
        while let Some(child) = table
            .children(node)
            .iter()
            .rfind(|child| child.is_named())
            .copied()
        {
            stored += usize::from(table.is_stored(node));
            node = child;
        }
        assert!(stored > depth, "stored only {stored} levels");
    }

    #[test]
    fn field_children_select_one_field() {
        let text = "curl -s -d x \"$URL\"\n";
        let tree = parse_script(text);
        let table = ChildTable::new(tree.root_node(), text);
        let language: tree_sitter::Language = tree_sitter_bash::LANGUAGE.into();
        let argument = language
            .field_id_for_name("argument")
            .expect("the grammar has an `argument` field");
        let command = table.children(tree.root_node())[0];
        assert_eq!(command.kind(), "command");
        let arguments: Vec<&str> = table
            .field_children(command, argument)
            .map(|child| &text[child.byte_range()])
            .collect();
        assert_eq!(arguments, ["-s", "-d", "x", "\"$URL\""]);
    }
}
