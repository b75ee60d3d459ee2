//! The shell front end: curl and wget command lines, variables, functions.

use tree_sitter::Tree;

use crate::model::Extraction;

pub fn extract(_tree: &Tree, _text: &str) -> Extraction {
    Extraction::default()
}
