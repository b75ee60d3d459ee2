//! The Python front end: finds the requests a script sends to the Qualys
//! API with requests, httpx, urllib, aiohttp, qualysapi or qualysdk, and
//! the string literals it tests responses with.
//!
//! The work runs in three steps. [`index`] walks the syntax tree once and
//! records scopes, name bindings, dict writes, calls and string literals.
//! [`wrappers`] then asks the resolver ([`resolve`] and the files beside
//! it) which calls send a request and what they send, expanding wrapper
//! functions at their callers. Finally [`string_uses`] classifies the
//! string literals.

mod call_sites;
mod calls;
mod dicts;
mod format;
mod http_clients;
mod index;
mod library_calls;
mod literal;
mod names;
mod parameters;
mod request_calls;
mod resolve;
mod scopes;
mod string_uses;
mod syntax;
mod value;
mod wrappers;

#[cfg(test)]
mod test_support;

use tree_sitter::Tree;

use crate::model::Extraction;

pub fn extract(tree: &Tree, text: &str) -> Extraction {
    let index = index::build_index(tree, text);
    let call_sites = wrappers::collect_call_sites(&index);
    let string_uses = string_uses::collect_string_uses(&index);
    let qualys_context =
        !call_sites.is_empty() || index.imports_qualys_library || names_qualys_host(&index);
    Extraction {
        call_sites,
        string_uses,
        qualys_context,
    }
}

/// Whether any string literal names a Qualys API host, such as
/// `qualysapi.qualys.com` or `qualysguard.qg2.apps.qualys.com`.
fn names_qualys_host(index: &index::FileIndex) -> bool {
    index.strings.iter().any(|record| {
        let text = syntax::node_text(record.node, index.source).to_ascii_lowercase();
        text.contains("qualysapi.") || text.contains("qualysguard.") || text.contains(".qualys.")
    })
}
