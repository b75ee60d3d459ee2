//! The Python front end: requests, httpx, urllib, aiohttp and qualysapi.

use tree_sitter::Tree;

use crate::model::Extraction;

pub fn extract(_tree: &Tree, _text: &str) -> Extraction {
    Extraction::default()
}
