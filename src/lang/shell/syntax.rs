//! Small helpers over tree-sitter-bash nodes. Nothing here recurses, so
//! deeply nested input cannot exhaust the stack.

use std::num::NonZeroU16;
use std::sync::LazyLock;

use tree_sitter::{Language, Node};

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
    pub operator: NonZeroU16,
    pub variable: NonZeroU16,
    pub initializer: NonZeroU16,
    pub index: NonZeroU16,
    pub condition: NonZeroU16,
}

pub static FIELDS: LazyLock<Fields> = LazyLock::new(|| Fields {
    name: field_id("name"),
    argument: field_id("argument"),
    body: field_id("body"),
    value: field_id("value"),
    operator: field_id("operator"),
    variable: field_id("variable"),
    initializer: field_id("initializer"),
    index: field_id("index"),
    condition: field_id("condition"),
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

/// Maximum length, in bytes, of a word whose text `is_plain_word` reads. A
/// longer word is walked into, which keeps the check linear on deeply
/// nested substitutions.
const MAX_PLAIN_WORD: usize = 256;

/// True for a word, such as `"https://$HOST/api"`, whose subtree contains
/// nothing that either walk acts on, so the walks need not descend into it.
/// By the bash grammar, a command, assignment or test inside a word lies in
/// a command or process substitution, whose text has `(` or a backtick,
/// and only a `${...}` expansion can assign (`${X:=v}`). A subtree with a
/// syntax error may be shaped otherwise, so it is never plain.
pub fn is_plain_word(node: Node, node_kind: &str, text: &str) -> bool {
    if !matches!(
        node_kind,
        "string" | "concatenation" | "simple_expansion" | "command_name" | "translated_string"
    ) {
        return false;
    }
    let Some(source) = text.get(node.start_byte()..node.end_byte()) else {
        return false;
    };
    source.len() <= MAX_PLAIN_WORD
        && !source.contains(['(', '`'])
        && !source.contains("${")
        && !node.has_error()
}

/// True for the kinds of nodes whose text is never run as code: comments
/// and heredoc bodies. An ERROR node is not inert: the text tree-sitter could
/// not parse is skipped, but complete commands it recovered inside, or the
/// whole file when the root itself is an ERROR, are still read.
pub fn is_inert_kind(kind: &str) -> bool {
    matches!(kind, "comment" | "heredoc_body")
}

#[cfg(test)]
mod tests {
    use tree_sitter::Parser;

    use super::*;

    /// Returns whether the first node of kind `target_kind`, in preorder, is a
    /// plain word.
    fn first_is_plain(script: &str, target_kind: &str) -> bool {
        let mut parser = Parser::new();
        parser.set_language(&BASH).expect("bash grammar loads");
        let tree = parser
            .parse(script, None)
            .expect("tree-sitter returns a tree");
        let mut stack = vec![tree.root_node()];
        while let Some(node) = stack.pop() {
            if kind(node) == target_kind {
                return is_plain_word(node, kind(node), script);
            }
            let mut cursor = node.walk();
            let mut kids: Vec<Node> = node.children(&mut cursor).collect();
            kids.reverse();
            stack.extend(kids);
        }
        panic!("no {target_kind} node in {script:?}");
    }

    #[test]
    fn plain_words_are_recognised() {
        let cases = [
            ("echo \"https://$HOST/api\"\n", "string", true),
            ("echo \"$BASE\"/api/\n", "concatenation", true),
            ("echo $HOST\n", "simple_expansion", true),
            ("echo \"id: $(curl -s x)\"\n", "string", false),
            ("echo \"id: `curl -s x`\"\n", "string", false),
            ("echo \"${HOST:=qualysapi.qualys.com}\"\n", "string", false),
            ("cat <(curl -s x)a\n", "concatenation", false),
            ("echo \"unclosed $HOST\n", "string", false),
        ];
        for (script, target_kind, plain) in cases {
            assert_eq!(first_is_plain(script, target_kind), plain, "{script:?}");
        }
    }

    #[test]
    fn long_word_is_not_plain() {
        let script = format!("echo \"{}\"\n", "a".repeat(MAX_PLAIN_WORD));
        assert!(!first_is_plain(&script, "string"));
    }
}
