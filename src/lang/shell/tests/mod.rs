//! End-to-end tests of the shell front end: each parses a small script and
//! checks the extracted call sites or string uses.

use tree_sitter::Parser;

use crate::model::Extraction;

fn extract_script(script: &str) -> Extraction {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_bash::LANGUAGE.into())
        .expect("tree-sitter-bash loads");
    let tree = parser
        .parse(script, None)
        .expect("tree-sitter returns a tree");
    super::extract(&tree, script)
}

#[test]
fn smoke() {
    let e = extract_script("curl -d action=add https://h/api/2.0/fo/asset/ip/\n");
    assert_eq!(e.call_sites.len(), 1);
}
