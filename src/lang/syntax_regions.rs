//! Regions of a syntax tree that every front end shares: comments, where
//! suppression directives live, and the parts tree-sitter could not parse.

use tree_sitter::{Node, Tree};

use crate::model::Span;

/// Comment spans and outermost error spans of a tree, in source order.
#[derive(Debug, Default)]
pub struct Regions {
    pub comments: Vec<Span>,
    pub unparsed: Vec<Span>,
}

/// Walks the tree once with a cursor, so that deep nesting cannot
/// overflow the stack. Error nodes inside an error node are not listed
/// again. Without `comments`, only the subtrees that contain an error are
/// entered and no comment is listed, which spares the walk over the rest
/// of a file that parsed cleanly.
pub fn regions(tree: &Tree, comments: bool) -> Regions {
    let mut regions = Regions::default();
    if !comments && !tree.root_node().has_error() {
        return regions;
    }
    let mut cursor = tree.walk();
    let mut error_depth = 0usize;
    loop {
        let node = cursor.node();
        record(&node, comments, error_depth, &mut regions);
        if node.is_error() {
            error_depth += 1;
        }
        let enter = comments || node.has_error();
        if enter && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.node().is_error() {
                error_depth -= 1;
            }
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return regions;
            }
        }
    }
}

fn record(node: &Node, comments: bool, error_depth: usize, regions: &mut Regions) {
    let span = Span::new(node.start_byte(), node.end_byte());
    if comments && node.kind() == "comment" {
        regions.comments.push(span);
    } else if node.is_error() && error_depth == 0 {
        regions.unparsed.push(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Tree {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .expect("grammar loads");
        parser.parse(source, None).expect("parses")
    }

    #[test]
    fn comments_are_listed_but_not_strings() {
        let source = "# one\necho '# not a comment' # two\n";
        let found = regions(&parse(source), true);
        let texts: Vec<&str> = found
            .comments
            .iter()
            .map(|span| &source[span.start..span.end])
            .collect();
        assert_eq!(texts, ["# one", "# two"]);
        assert!(found.unparsed.is_empty());
    }

    #[test]
    fn errors_are_the_same_without_comments() {
        let sources = [
            "foo() {\n  if then fi\n}\n}}\necho ok # done\n",
            "# head\nx=$(( 1 + ))\ncurl \"$URL\" ) ;; esac\n",
            "# only a comment\necho fine\n",
        ];
        for source in sources {
            let tree = parse(source);
            let full = regions(&tree, true);
            let pruned = regions(&tree, false);
            assert_eq!(pruned.unparsed, full.unparsed, "{source:?}");
            assert!(pruned.comments.is_empty(), "{source:?}");
            assert!(!full.comments.is_empty(), "{source:?} has a comment");
        }
    }

    #[test]
    fn errors_are_listed_once() {
        let source = "foo() {\n  if then fi\n}\n}}\necho ok\n";
        let found = regions(&parse(source), true);
        assert!(!found.unparsed.is_empty(), "the stray braces are an error");
        for pair in found.unparsed.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "nested errors are not listed: {pair:?}"
            );
        }
    }
}
