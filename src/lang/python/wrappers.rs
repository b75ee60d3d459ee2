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
use super::syntax::{call_args, callee_parts, node_text, span_of};
use super::value::{Object, Val};
use crate::model::CallSite;

/// Maximum number of nested wrapper calls followed outwards from a request.
const MAX_WRAPPER_DEPTH: usize = 4;

/// Maximum number of call sites one request expands into, so that a
/// wrapper called from many wrappers called from many places stays cheap.
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

pub(super) fn collect_call_sites(index: &FileIndex) -> Vec<CallSite> {
    let mut resolver = Resolver::new(index);
    let callers = find_callers(index, &mut resolver);
    let mut call_sites = Vec::new();
    for call in &index.calls {
        resolver.reset(Vec::new());
        let ctx = Ctx::at(call.scope, call.node);
        let Some(parts) = resolver.request_parts(call.node, ctx) else {
            continue;
        };
        let function = call.scope;
        let is_wrapper = index.scope(function).kind == ScopeKind::Function
            && resolver.unbound_reads.contains(&function);
        let outer_callers = callers_outside(&callers, function, &[]);
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
        };
        for link in outer_callers {
            expansion.expand(&mut vec![link]);
        }
    }
    call_sites.sort_by_key(|call_site| call_site.span);
    call_sites
}

struct Expansion<'r, 'a, 't> {
    resolver: &'r mut Resolver<'a, 't>,
    callers: &'r HashMap<ScopeId, Vec<Link<'t>>>,
    request: CallRecord<'t>,
    call_sites: &'r mut Vec<CallSite>,
    budget: usize,
}

impl<'t> Expansion<'_, '_, 't> {
    /// Evaluates the request through `chain`, where `chain[0]` calls the
    /// request's function and each later link calls the function holding
    /// the link before it. Reports the request at the outermost call, or
    /// goes one level further out when that call's arguments come from its
    /// own function's parameters.
    fn expand(&mut self, chain: &mut Vec<Link<'t>>) {
        if self.budget == 0 {
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
        let Some(mut parts) = self.resolver.request_parts(self.request.node, ctx) else {
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

/// The calls of `function` made outside the functions in `visited`.
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
    let (receiver, name) = callee_parts(call.node, index.source)?;
    let ctx = Ctx::at(call.scope, call.node);
    let Some(receiver) = receiver else {
        let function = call.node.child_by_field_name("function")?;
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
    let on_self = receiver.kind() == "identifier"
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

/// Whether a value is a client, connector or library module whose methods
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
