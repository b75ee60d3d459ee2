//! Finding every request in the file, and expanding wrapper functions.
//!
//! A function whose request takes its URL or body from the function's own
//! parameters is a wrapper. Each call of it in the file is reported as a
//! call site, at the caller's call, with the parameters bound to the
//! caller's arguments. A wrapper called by another wrapper is expanded in
//! turn. A wrapper that nothing in the file calls is reported once, at its
//! own request, with its parameters unknown.

use std::collections::HashMap;

use super::index::{CallRecord, FileIndex};
use super::parameters::bind_arguments;
use super::resolve::{Ctx, Frame, Resolver};
use super::scopes::{ScopeId, ScopeKind};
use super::syntax::{Callee, call_args, kind, node_text, span_of};
use super::value::{Object, Val};
use crate::model::{AnalysisLimit, AnalysisStop, CallSite};

/// Maximum number of nested wrapper calls followed outwards from a request.
const MAX_WRAPPER_DEPTH: usize = 4;

/// Maximum number of call sites one request expands into, so that a
/// wrapper called from many wrappers called from many places stays cheap.
/// The first call not expanded past it is returned as an [`AnalysisStop`].
const MAX_CALL_SITES_PER_REQUEST: usize = 256;

/// Modules whose functions send requests or build them.
const LIBRARY_MODULES: &[&str] = &[
    "requests",
    "httpx",
    "aiohttp",
    "urllib",
    "urllib2",
    "qualysapi",
    "qualysdk",
];

/// A call of a function defined in the file.
#[derive(Clone, Copy, Debug)]
struct Link<'t> {
    call: CallRecord<'t>,
    callee: ScopeId,
    /// 1 when the callee is a method called on an object, whose `self` is
    /// filled by the object rather than by an argument.
    skip: usize,
}

/// Returns the call sites of the file and the calls where expanding a
/// wrapper stopped.
pub(super) fn collect_call_sites(index: &FileIndex) -> (Vec<CallSite>, Vec<AnalysisStop>) {
    let mut resolver = Resolver::new(index);
    let callers = find_callers(index, &mut resolver);
    let mut call_sites = Vec::new();
    let mut stops = Vec::new();
    for call in &index.calls {
        let function = call.scope;
        let in_function = index.scope(function).kind == ScopeKind::Function;
        let outer_callers = callers_outside(&callers, function, &[]);
        resolver.reset(Vec::new());
        // Only a wrapper called in this file is expanded, so any other
        // request is reported at its own call.
        resolver.skip_bodies_off_api = !in_function || outer_callers.is_empty();
        let ctx = Ctx::at(call.scope, call.node);
        let Some(parts) = resolver.request_parts(call, ctx) else {
            continue;
        };
        let is_wrapper = in_function && resolver.unbound_reads.contains(&function);
        if !is_wrapper || outer_callers.is_empty() {
            call_sites.extend(parts.into_call_site(span_of(call.node)));
            continue;
        }
        let mut expansion = Expansion {
            resolver: &mut resolver,
            callers: &callers,
            request: *call,
            call_sites: &mut call_sites,
            budget: MAX_CALL_SITES_PER_REQUEST,
            stop: None,
        };
        for link in outer_callers {
            expansion.expand(&mut vec![link]);
        }
        stops.extend(expansion.stop);
    }
    call_sites.sort_by_key(|call_site| call_site.span);
    stops.sort_by_key(|stop: &AnalysisStop| stop.span);
    stops.dedup();
    (call_sites, stops)
}

struct Expansion<'r, 'a, 't> {
    resolver: &'r mut Resolver<'a, 't>,
    callers: &'r HashMap<ScopeId, Vec<Link<'t>>>,
    request: CallRecord<'t>,
    call_sites: &'r mut Vec<CallSite>,
    budget: usize,
    /// The first call not expanded because the budget ran out.
    stop: Option<AnalysisStop>,
}

impl<'t> Expansion<'_, '_, 't> {
    /// Evaluates the request through `chain`, where `chain[0]` calls the
    /// request's function and each later link calls the function holding
    /// the link before it. Reports the request at the outermost call, or
    /// goes one level further out when that call's arguments come from its
    /// own function's parameters.
    fn expand(&mut self, chain: &mut Vec<Link<'t>>) {
        if self.budget == 0 {
            let outermost = chain.last().expect("a chain has at least one link");
            self.stop.get_or_insert(AnalysisStop {
                span: span_of(outermost.call.node),
                limit: AnalysisLimit::CallSitesPerRequest(MAX_CALL_SITES_PER_REQUEST),
            });
            return;
        }
        let frames = self.frames_for(chain);
        let request_frame = frames.len() - 1;
        self.resolver.reset(frames);
        let ctx = Ctx {
            scope: self.request.scope,
            position: self.request.node.start_byte(),
            frame: Some(request_frame),
        };
        let Some(mut parts) = self.resolver.request_parts(&self.request, ctx) else {
            return;
        };

        let outermost = *chain.last().expect("a chain has at least one link");
        let outer_function = outermost.call.scope;
        let index = self.resolver.index;
        let depends_on_outer = index.scope(outer_function).kind == ScopeKind::Function
            && self.resolver.unbound_reads.contains(&outer_function);
        let mut visited: Vec<ScopeId> = chain.iter().map(|link| link.callee).collect();
        visited.push(self.request.scope);
        let next = callers_outside(self.callers, outer_function, &visited);

        if depends_on_outer && chain.len() < MAX_WRAPPER_DEPTH && !next.is_empty() {
            for link in next {
                chain.push(link);
                self.expand(chain);
                chain.pop();
            }
            return;
        }

        self.budget -= 1;
        parts.via = Some(format!("wrapper {}()", index.scope(outermost.callee).name));
        self.call_sites
            .extend(parts.into_call_site(span_of(outermost.call.node)));
    }

    /// Builds one frame per link, outermost first, so that each frame's
    /// arguments are evaluated in the frame of the link outside it.
    fn frames_for(&self, chain: &[Link<'t>]) -> Vec<Frame<'t>> {
        let index = self.resolver.index;
        let mut frames: Vec<Frame<'t>> = Vec::new();
        for link in chain.iter().rev() {
            let callee = index.scope(link.callee);
            let args = call_args(link.call.node, index.source);
            let caller_frame = frames.len().checked_sub(1);
            frames.push(Frame {
                function: link.callee,
                arguments: bind_arguments(&callee.parameters, link.skip, &args),
                caller: Ctx {
                    scope: link.call.scope,
                    position: link.call.node.start_byte(),
                    frame: caller_frame,
                },
            });
        }
        frames
    }
}

/// Returns the calls of `function` made outside the functions in `visited`.
fn callers_outside<'t>(
    callers: &HashMap<ScopeId, Vec<Link<'t>>>,
    function: ScopeId,
    visited: &[ScopeId],
) -> Vec<Link<'t>> {
    callers
        .get(&function)
        .into_iter()
        .flatten()
        .filter(|link| link.call.scope != function && !visited.contains(&link.call.scope))
        .copied()
        .collect()
}

/// Maps each function defined in the file to the calls of it.
fn find_callers<'t>(
    index: &FileIndex<'t>,
    resolver: &mut Resolver<'_, 't>,
) -> HashMap<ScopeId, Vec<Link<'t>>> {
    let mut callers: HashMap<ScopeId, Vec<Link<'t>>> = HashMap::new();
    for call in &index.calls {
        resolver.reset(Vec::new());
        if let Some((callee, skip)) = called_function(index, resolver, call) {
            callers.entry(callee).or_default().push(Link {
                call: *call,
                callee,
                skip,
            });
        }
    }
    callers
}

/// The function of this file that a call runs, if it is unambiguous:
/// `add_ips(...)` by scope, `self.add_ips(...)` in the same class, or
/// `client.add_ips(...)` when only one method has that name.
fn called_function<'t>(
    index: &FileIndex<'t>,
    resolver: &mut Resolver<'_, 't>,
    call: &CallRecord<'t>,
) -> Option<(ScopeId, usize)> {
    let Callee {
        function,
        receiver,
        name,
    } = call.callee?;
    let ctx = Ctx::at(call.scope, call.node);
    let Some(receiver) = receiver else {
        return match resolver.resolve_untracked(function, ctx) {
            Val::Object(Object::Function(id)) if index.scope(id).kind == ScopeKind::Function => {
                Some((id, 0))
            }
            _ => None,
        };
    };
    let methods: Vec<ScopeId> = index
        .functions_by_name
        .get(name)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&function| index.scope(function).class.is_some())
        .collect();
    if methods.is_empty() {
        return None;
    }
    let scope = index.scope(call.scope);
    let on_self = kind(receiver) == "identifier"
        && scope.instance_parameter() == Some(node_text(receiver, index.source));
    let method = if on_self {
        methods
            .iter()
            .copied()
            .find(|&method| index.scope(method).class == scope.class)
    } else if methods.len() == 1 && !is_library_object(&resolver.resolve_untracked(receiver, ctx)) {
        Some(methods[0])
    } else {
        None
    }?;
    Some((method, usize::from(resolver.takes_instance(method))))
}

/// Returns true for a client, connector or library module, whose methods
/// are not this file's functions.
fn is_library_object(value: &Val) -> bool {
    match value {
        Val::Object(Object::Module(path)) => {
            let root = path.split('.').next().unwrap_or("");
            LIBRARY_MODULES.contains(&root)
        }
        Val::Object(Object::Function(_)) => false,
        Val::Object(_) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        dynamic, extract, has_param, line, literal, names, only_call_site, path, unresolved,
    };

    const POST_WRAPPER: &str = "import requests\n\
        URL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'\n\
        def add_ips(ips, title='All', network=None):\n\
        \x20   data = {'action': 'add', 'ips': ips, 'ag_title': title}\n\
        \x20   if network:\n\
        \x20       data['network_id'] = network\n\
        \x20   return requests.post(URL, data=data)\n";

    #[test]
    fn wrapper_call_site_per_caller() {
        let source = format!(
            "{POST_WRAPPER}add_ips('10.0.0.1')\nadd_ips('10.0.0.2', title='Servers')\nadd_ips(ips='10.0.0.3', network=7)\n"
        );
        let extraction = extract(&source);
        let sites = &extraction.call_sites;
        assert_eq!(sites.len(), 3, "one call site per call: {sites:#?}");
        assert_eq!(
            sites
                .iter()
                .map(|site| line(&source, site))
                .collect::<Vec<_>>(),
            [8, 9, 10]
        );
        for site in sites {
            assert_eq!(site.via.as_deref(), Some("wrapper add_ips()"));
            assert_eq!(path(site), "/api/2.0/fo/asset/ip/");
        }
        assert_eq!(literal(&sites[0], "ips"), "10.0.0.1");
        assert_eq!(literal(&sites[0], "ag_title"), "All", "the default applies");
        assert!(
            !has_param(&sites[0], "network_id"),
            "None is not sent: {:?}",
            sites[0].params
        );
        assert_eq!(literal(&sites[1], "ag_title"), "Servers");
        assert_eq!(literal(&sites[2], "ips"), "10.0.0.3");
        assert_eq!(literal(&sites[2], "network_id"), "7");
    }

    #[test]
    fn uncalled_wrapper_is_reported_at_its_request() {
        let call_site = only_call_site(POST_WRAPPER);
        assert_eq!(line(POST_WRAPPER, &call_site), 7);
        assert_eq!(call_site.via, None);
        assert_eq!(dynamic(&call_site, "ips"), "ips");
        assert_eq!(dynamic(&call_site, "ag_title"), "title");
    }

    #[test]
    fn method_wrapper_on_self_and_object() {
        let source = "import requests\n\
            class Qualys:\n\
            \x20   def __init__(self):\n\
            \x20       self.session = requests.Session()\n\
            \x20   def call(self, path, params):\n\
            \x20       return self.session.post('https://h/api/2.0/fo/' + path, data=params)\n\
            \x20   def add(self, ips):\n\
            \x20       return self.call('asset/ip/', {'action': 'add', 'ips': ips})\n\
            client = Qualys()\n\
            client.add('10.0.0.1')\n\
            client.call('scan/', {'action': 'list'})\n";
        let extraction = extract(source);
        let sites = &extraction.call_sites;
        assert_eq!(sites.len(), 2, "{sites:#?}");
        assert_eq!(line(source, &sites[0]), 10);
        assert_eq!(path(&sites[0]), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&sites[0], "ips"), "10.0.0.1");
        assert_eq!(sites[0].via.as_deref(), Some("wrapper add()"));
        assert_eq!(line(source, &sites[1]), 11);
        assert_eq!(path(&sites[1]), "/api/2.0/fo/scan/");
        assert_eq!(sites[1].via.as_deref(), Some("wrapper call()"));
    }

    #[test]
    fn wrapper_with_keyword_parameters() {
        let source = "import requests\n\
            def qualys(endpoint, **params):\n\
            \x20   return requests.post('https://h/api/2.0/fo/' + endpoint, data=params)\n\
            qualys('asset/ip/', action='update', ips='1.1.1.1')\n";
        let call_site = only_call_site(source);
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(names(&call_site), ["action", "ips"]);
        assert!(call_site.is_complete(), "{:?}", call_site.unresolved);
    }

    #[test]
    fn nested_wrapper_expands_outwards() {
        let source = format!(
            "{POST_WRAPPER}def onboard(ips):\n    add_ips(ips, network=3)\nonboard('10.9.9.9')\n"
        );
        let call_site = only_call_site(&source);
        assert_eq!(line(&source, &call_site), 10);
        assert_eq!(literal(&call_site, "ips"), "10.9.9.9");
        assert_eq!(literal(&call_site, "network_id"), "3");
        assert_eq!(call_site.via.as_deref(), Some("wrapper onboard()"));
    }

    #[test]
    fn caller_with_unknown_arguments_keeps_them_dynamic() {
        let source = format!("{POST_WRAPPER}def main(args):\n    add_ips(args.ips)\n");
        let call_site = only_call_site(&source);
        assert_eq!(line(&source, &call_site), 9);
        assert_eq!(dynamic(&call_site, "ips"), "args.ips");
    }

    #[test]
    fn session_parameter_alone_does_not_make_a_wrapper() {
        let source = "import requests\n\
            def send(session):\n\
            \x20   return session.post('https://h/api/2.0/fo/asset/ip/', data={'action': 'add'})\n\
            send(requests.Session())\n\
            send(requests.Session())\n";
        let call_site = only_call_site(source);
        assert_eq!(line(source, &call_site), 3);
        assert_eq!(call_site.via, None);
    }

    #[test]
    fn recursive_wrapper_terminates() {
        let source = "import requests\n\
            def page(url, n):\n\
            \x20   r = requests.get(url, params={'action': 'list'})\n\
            \x20   return page(url, n + 1)\n\
            page('https://h/api/2.0/fo/scan/', 0)\n";
        let call_site = only_call_site(source);
        assert_eq!(line(source, &call_site), 5);
    }

    #[test]
    fn ambiguous_method_names_are_not_bound() {
        let source = "import requests\n\
            class A:\n\
            \x20   def send(self, params):\n\
            \x20       return requests.post('https://h/api/2.0/fo/asset/ip/', data=params)\n\
            class B:\n\
            \x20   def send(self, params):\n\
            \x20       return print(params)\n\
            thing.send({'action': 'add'})\n";
        let call_site = only_call_site(source);
        assert_eq!(line(source, &call_site), 4);
        assert_eq!(unresolved(&call_site), ["params"]);
    }

    #[test]
    fn splat_in_caller_leaves_parameters_unknown() {
        let source = format!("{POST_WRAPPER}def go(options):\n    add_ips('1.1.1.1', **options)\n");
        let call_site = only_call_site(&source);
        assert_eq!(dynamic(&call_site, "ag_title"), "**options");
    }
}
