//! The Python front end: finds the requests a script sends to the Qualys
//! API with requests, httpx, urllib, aiohttp, qualysapi or qualysdk, and
//! the string literals it tests responses with.
//!
//! The work runs in three steps. [`index`] walks the syntax tree once and
//! records scopes, name bindings, dict writes, calls and string literals.
//! [`wrappers`] then uses the resolver ([`resolve`] and the files beside
//! it) to find which calls send a request and what they send, and expands
//! wrapper functions at their callers. Finally [`string_uses`] classifies the
//! string literals.

mod alternatives;
mod bindings;
mod call_sites;
mod calls;
mod child_lists;
mod client_params;
mod dicts;
mod dynamic_requests;
mod fields;
mod format;
mod http_clients;
pub mod indentation;
mod index;
mod library_calls;
mod literal;
mod names;
mod parameters;
mod passed_dicts;
mod reaching;
mod request_calls;
mod resolve;
mod roles;
mod scopes;
mod skips;
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
    let (call_sites, stops) = wrappers::collect_call_sites(&index);
    let string_uses = string_uses::collect_string_uses(&index);
    let qualys_context =
        !call_sites.is_empty() || index.imports_qualys_library || names_qualys_host(&index);
    Extraction {
        call_sites,
        string_uses,
        qualys_context,
        stops,
        ..Extraction::default()
    }
}

/// Returns true when a string literal names a Qualys API host, such as
/// `qualysapi.qualys.com` or `qualysguard.qg2.apps.qualys.com`.
fn names_qualys_host(index: &index::FileIndex) -> bool {
    index.strings.iter().any(|record| {
        let text = syntax::node_text(record.node, index.source).to_ascii_lowercase();
        text.contains("qualysapi.") || text.contains("qualysguard.") || text.contains(".qualys.")
    })
}

#[cfg(test)]
mod tests {
    use super::test_support::{extract, literal, only_call_site, path};

    const SCRIPT: &str = "import requests\n\
        from urllib.parse import urlencode\n\
        BASE = 'https://qualysapi.qualys.com'\n\
        class Client:\n\
        \x20   def __init__(self):\n\
        \x20       self.session = requests.Session()\n\
        \x20   def add(self, ips, title=None):\n\
        \x20       params = {'action': 'add', 'ips': ','.join(ips)}\n\
        \x20       if title:\n\
        \x20           params['ag_title'] = title\n\
        \x20       return self.session.post(f'{BASE}/api/2.0/fo/asset/ip/?' + urlencode(params))\n\
        Client().add(['10.0.0.1'], title='All')\n";

    #[test]
    fn error_nodes_are_skipped_and_the_rest_analysed() {
        let source = "import requests\n\
            def broken(:\n\
            \x20   requests.post('https://h/api/2.0/fo/asset/ip/', data={'action': 'add'}\n\
            ))) = = =\n\
            requests.post('https://h/api/2.0/fo/scan/', data={'action': 'list'})\n";
        let extraction = extract(source);
        let paths: Vec<_> = extraction.call_sites.iter().map(path).collect();
        assert!(
            paths.contains(&"/api/2.0/fo/scan/"),
            "the valid call after the error is found: {paths:?}"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 50_000;
        let parentheses = format!("{}'x'{}", "(".repeat(depth), ")".repeat(depth));
        let nested_calls = format!("{}'x'{}", "f(".repeat(depth), ")".repeat(depth));
        let nested_lists = format!("{}'x'{}", "[".repeat(depth), "]".repeat(depth));
        let long_sum = vec!["'a'"; depth].join(" + ");
        for expression in [parentheses, nested_calls, nested_lists, long_sum] {
            let source = format!(
                "import requests\nv = {expression}\nrequests.post('https://h/api/2.0/fo/scan/', data={{'action': 'list', 'v': {expression}}})\n"
            );
            let call_site = only_call_site(&source);
            assert_eq!(literal(&call_site, "action"), "list");
        }
    }

    #[test]
    fn every_prefix_of_a_script_is_handled() {
        let mut end = 0;
        while end <= SCRIPT.len() {
            let _ = extract(&SCRIPT[..end]);
            end += 1;
            while !SCRIPT.is_char_boundary(end.min(SCRIPT.len())) {
                end += 1;
            }
        }
    }

    #[test]
    fn script_with_every_construct_together() {
        let call_site = only_call_site(SCRIPT);
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "ips"), "10.0.0.1");
        assert_eq!(literal(&call_site, "ag_title"), "All");
        assert_eq!(call_site.via.as_deref(), Some("wrapper add()"));
    }

    #[test]
    fn code_inside_strings_is_not_run() {
        let extraction = extract(
            "SNIPPET = \"requests.post('https://h/api/2.0/fo/asset/ip/', data={'action': 'add'})\"\n\
             exec_later = '''\nimport qualysapi\nqualysapi.connect().addIP('1.1.1.1', 'vm')\n'''\n",
        );
        assert!(
            extraction.call_sites.is_empty(),
            "{:#?}",
            extraction.call_sites
        );
    }

    #[test]
    fn calls_inside_replacement_fields_are_found() {
        for prefix in ["f", "F", "rf", "Rb", "fR", "t"] {
            let source = format!(
                "import requests\n\
                 print({prefix}\"added: {{requests.post('https://h/api/2.0/fo/asset/ip/', data={{'action': 'add', 'ips': '10.0.0.1'}})}}\")\n"
            );
            let extraction = extract(&source);
            let paths: Vec<_> = extraction.call_sites.iter().map(path).collect();
            let interpolates = prefix.contains(['f', 'F', 't', 'T']);
            assert_eq!(
                paths == ["/api/2.0/fo/asset/ip/"],
                interpolates,
                "prefix {prefix:?}: {paths:?}"
            );
        }
    }

    #[test]
    fn qualys_context() {
        assert!(extract("import qualysapi\n").qualys_context);
        assert!(extract("from qualysdk.vmdr import add_ips\n").qualys_context);
        assert!(extract("HOST = 'qualysapi.qg3.apps.qualys.com'\n").qualys_context);
        assert!(
            extract("import requests\nrequests.get('https://h/api/2.0/fo/scan/')\n").qualys_context
        );
        assert!(!extract("import requests\nrequests.get('https://example.com/')\n").qualys_context);
    }
}
