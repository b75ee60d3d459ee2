//! Dicts passed to a call that may change them. After `add_network(params)`
//! the keys of `params` are no longer known, so the request that sends it
//! has an incomplete parameter set and rules give notes only. Calls that
//! are known to leave a dict unchanged keep the set complete.

use tree_sitter::Node;

use super::fields::FIELD;
use super::resolve::{Ctx, Resolver};
use super::value::{Object, Val};

impl<'a, 't> Resolver<'a, 't> {
    /// Tests whether a call that receives a dict may change it. A function
    /// of this file may only when it writes into one of its parameters or
    /// passes one on. Any other callee may, unless the index walk already
    /// left it out as one that leaves its arguments unchanged.
    pub(super) fn may_change_arguments(&mut self, call: Node<'t>, ctx: Ctx) -> bool {
        if let Some(&known) = self.changing_calls.get(&call.id()) {
            return known;
        }
        let changes = self.callee_may_change_arguments(call, ctx);
        self.changing_calls.insert(call.id(), changes);
        changes
    }

    fn callee_may_change_arguments(&mut self, call: Node<'t>, ctx: Ctx) -> bool {
        let Some(function) = call.child_by_field_id(FIELD.function) else {
            return true;
        };
        let Val::Object(Object::Function(scope)) = self.resolve_untracked(function, ctx) else {
            return true;
        };
        let definition = self.index.scope(scope);
        definition
            .parameters
            .iter()
            .any(|parameter| definition.mutations.contains_key(parameter.name))
    }
}

/// Returns true for the name of a function or method that reads its
/// arguments without changing a dict passed to it. These are builtins that
/// copy or inspect, serialisers, logging and output calls, and the request
/// functions and constructors of HTTP clients, which send or store the dict
/// as it is.
pub(super) fn leaves_arguments_unchanged(name: &str) -> bool {
    matches!(
        name,
        "print"
            | "len"
            | "str"
            | "repr"
            | "bool"
            | "dict"
            | "list"
            | "tuple"
            | "set"
            | "sorted"
            | "iter"
            | "isinstance"
            | "type"
            | "id"
            | "hash"
            | "format"
            | "enumerate"
            | "zip"
            | "any"
            | "all"
            | "min"
            | "max"
            | "dumps"
            | "dump"
            | "urlencode"
            | "quote"
            | "quote_plus"
            | "copy"
            | "deepcopy"
            | "pformat"
            | "pprint"
            | "debug"
            | "info"
            | "warning"
            | "warn"
            | "error"
            | "exception"
            | "critical"
            | "log"
            | "write"
            | "get"
            | "post"
            | "put"
            | "patch"
            | "delete"
            | "head"
            | "options"
            | "request"
            | "Request"
            | "urlopen"
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{extract, literal, only_call_site, unresolved};

    const HEADER: &str = "import json, logging, requests\nURL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'\n";

    fn with_header(body: &str) -> String {
        format!("{HEADER}{body}")
    }

    #[test]
    fn helper_that_writes_makes_incomplete() {
        let call_site = only_call_site(&with_header(
            "def add_network(params):\n    params['network_id'] = '1'\n\
             params = {'action': 'update', 'ips': '1.2.3.4'}\n\
             add_network(params)\n\
             requests.post(URL, data=params)\n",
        ));
        assert_eq!(unresolved(&call_site), ["add_network(params)"]);
        assert_eq!(literal(&call_site, "action"), "update");
    }

    #[test]
    fn unknown_callee_makes_incomplete() {
        let call_site = only_call_site(&with_header(
            "from helpers import decorate\n\
             params = {'action': 'update'}\n\
             decorate(payload=params)\n\
             requests.post(URL, data=params)\n",
        ));
        assert_eq!(unresolved(&call_site), ["decorate(payload=params)"]);
    }

    #[test]
    fn clear_makes_incomplete() {
        let call_site = only_call_site(&with_header(
            "params = {'action': 'update'}\nparams.clear()\nrequests.post(URL, data=params)\n",
        ));
        assert_eq!(unresolved(&call_site), ["params.clear()"]);
    }

    #[test]
    fn reading_calls_keep_complete() {
        let call_site = only_call_site(&with_header(
            "def show(params):\n    print(params['ips'])\n\
             params = {'action': 'update', 'ips': '1.2.3.4'}\n\
             show(params)\n\
             print(params)\n\
             logging.info('sending %s', params)\n\
             body = json.dumps(params)\n\
             n = len(params)\n\
             requests.post(URL, data=params)\n",
        ));
        assert!(call_site.is_complete(), "{:?}", unresolved(&call_site));
    }

    #[test]
    fn earlier_request_keeps_complete() {
        let extraction = extract(&with_header(
            "params = {'action': 'update', 'ips': '1.2.3.4'}\n\
             requests.post(URL, data=params)\n\
             requests.post(URL, data=params)\n",
        ));
        assert_eq!(extraction.call_sites.len(), 2);
        assert!(extraction.call_sites[1].is_complete());
    }

    #[test]
    fn call_after_request_does_not_reach_it() {
        let call_site = only_call_site(&with_header(
            "from helpers import decorate\n\
             params = {'action': 'update'}\n\
             requests.post(URL, data=params)\n\
             decorate(params)\n",
        ));
        assert!(call_site.is_complete());
    }
}
