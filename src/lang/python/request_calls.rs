//! Recognising the calls that send a request: a request function of an
//! HTTP client module, a method of a client object (or of an object passed
//! in whose type is not known), `urlopen`, and Qualys library helpers.

use tree_sitter::Node;

use super::call_sites::RequestParts;
use super::fields::FIELD;
use super::http_clients::{HttpLibrary, is_request_method, is_urlopen, module_library};
use super::index::CallRecord;
use super::library_calls::{connector_method, is_library_function, sdk_function};
use super::resolve::{Ctx, Resolver};
use super::syntax::span_of;
use super::syntax::{Arg, Callee, call_args, find_arg, positional_args};
use super::value::{Body, DictVal, Object, PartialRequest, Val};
use crate::model::Unresolved;

/// HTTP methods, to tell `session.request("POST", url)` from qualysapi's
/// `conn.request("asset/ip", data)` when the object is not known.
const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

/// Returns whether a method of this name can send a request on some
/// receiver: a request method of a client or module, `urlopen`, an
/// opener's `open`, or a qualysapi or qualysdk helper. Each branch of
/// `module_request` and `method_request` needs one of these names.
fn may_send_request(name: &str) -> bool {
    is_request_method(name)
        || matches!(name, "open" | "urlopen" | "send")
        || is_library_function(name)
}

impl<'a, 't> Resolver<'a, 't> {
    /// Reads `call` as a request, or returns `None` when it sends none.
    pub(super) fn request_parts(
        &mut self,
        call: &CallRecord<'t>,
        ctx: Ctx,
    ) -> Option<RequestParts> {
        let (function, receiver, name) = match call.callee {
            Some(Callee {
                function,
                receiver,
                name,
            }) => (function, receiver, name),
            // `getattr(requests, "post")(url, ...)`
            None => (call.node.child_by_field_id(FIELD.function)?, None, ""),
        };
        let call = call.node;
        let Some(receiver) = receiver else {
            return match self.resolve_untracked(function, ctx) {
                // `post(url, ...)` after `from requests import post`.
                Val::Object(Object::Module(path)) => {
                    let args = call_args(call, self.source);
                    self.module_request(&path, call, &args, ctx)
                }
                // `post_ip(data=...)` after `post_ip = partial(requests.post, URL)`
                Val::Object(Object::PartialRequest(partial)) => {
                    let args = call_args(call, self.source);
                    let PartialRequest {
                        library,
                        function,
                        preset,
                    } = *partial;
                    let function = (library, function.as_str(), false);
                    let request = self.http_request_with(function, None, &args, ctx, preset)?;
                    Some(request.into())
                }
                _ => None,
            };
        };
        // Resolving the receiver costs the most, and no receiver sends a
        // request through a method with any other name.
        if !may_send_request(name) {
            return None;
        }
        let args = call_args(call, self.source);
        if name == "send" {
            return self.send_request(&args, ctx);
        }
        let receiver_value = self.resolve_untracked(receiver, ctx);
        if let Val::Object(Object::Module(module)) = &receiver_value {
            let path = format!("{module}.{name}");
            if let Some(parts) = self.module_request(&path, call, &args, ctx) {
                return Some(parts);
            }
        }
        self.method_request(receiver_value, name, call, &args, ctx)
    }

    // `session.send(prepared)` on any receiver: the argument decides. Code
    // between building the request and sending it can change its `data`,
    // `params` or `body`, and a session's `prepare_request` merges the
    // session's own parameters, which are not followed here. So the
    // parameters are never taken as complete.
    fn send_request(&mut self, args: &[Arg<'t>], ctx: Ctx) -> Option<RequestParts> {
        let request = find_arg(args, Some(0), "request")?;
        match self.resolve_untracked(request, ctx) {
            Val::Object(Object::PreparedRequest(prepared)) => {
                let mut parts: RequestParts = (*prepared).into();
                parts.unresolved.push(Unresolved {
                    description: "the prepared request, which may change before it is sent"
                        .to_string(),
                    span: span_of(request),
                });
                Some(parts)
            }
            _ => None,
        }
    }

    /// A function reached through an import: `requests.post`,
    /// `urllib.request.urlopen`, `qualysdk.vmdr.add_ips`.
    fn module_request(
        &mut self,
        path: &str,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Option<RequestParts> {
        if let Some((module, function)) = path.rsplit_once('.')
            && let Some(library) = module_library(module).filter(|_| is_request_method(function))
        {
            let request = self.http_request((library, function, false), None, args, ctx)?;
            return Some(request.into());
        }
        if is_urlopen(path) {
            return self.urlopen_request(args, ctx).map(RequestParts::from);
        }
        let library_call = sdk_function(path)?;
        Some(self.library_request(library_call, call, args, ctx).into())
    }

    /// A method called on an object: a client, a qualysapi connector, an
    /// opener, or an object of unknown type such as a `session` parameter.
    fn method_request(
        &mut self,
        receiver: Val,
        name: &str,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Option<RequestParts> {
        match receiver {
            // `self.session.post(url, data=payload)`
            Val::Object(Object::HttpClient {
                library,
                base_url,
                params,
            }) if is_request_method(name) => {
                let mut request =
                    self.http_request((library, name, true), base_url.as_ref(), args, ctx)?;
                if params != DictVal::default() {
                    // The client's parameters go first, because the
                    // request's own parameters of the same name win.
                    let client_params = Body {
                        value: Val::Dict(params),
                        description: "the client's params".to_string(),
                        span: span_of(call),
                    };
                    request.bodies.insert(0, client_params);
                }
                Some(request.into())
            }
            // `conn.request("/api/2.0/fo/asset/ip/", {...})`, `conn.addIP(ips, "vm")`
            Val::Object(Object::QualysConnector) => {
                let library_call = connector_method(name)?;
                Some(self.library_request(library_call, call, args, ctx).into())
            }
            // `opener.open(request)`
            Val::Object(Object::UrllibOpener) if name == "open" => {
                self.urlopen_request(args, ctx).map(RequestParts::from)
            }
            Val::Unknown(_) | Val::Object(Object::Module(_)) => {
                self.unknown_object_request(name, call, args, ctx)
            }
            _ => None,
        }
    }

    /// A method called on an object whose type is not known here, such as a
    /// session passed in as a parameter. qualysapi's method names count when
    /// the file imports qualysapi. A method name defined in this file is a
    /// wrapper call, handled where wrappers are expanded.
    fn unknown_object_request(
        &mut self,
        name: &str,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Option<RequestParts> {
        let qualysapi_call = connector_method(name).filter(|_| {
            self.index.imports_qualys_library
                && (name != "request" || !self.first_argument_is_http_method(args, ctx))
        });
        if let Some(library_call) = qualysapi_call {
            return Some(self.library_request(library_call, call, args, ctx).into());
        }
        if self.defines_method(name) || !is_request_method(name) {
            return None;
        }
        let request = self.http_request((HttpLibrary::Requests, name, true), None, args, ctx)?;
        Some(request.into())
    }

    fn first_argument_is_http_method(&mut self, args: &[Arg<'t>], ctx: Ctx) -> bool {
        let Some(first) = positional_args(args).next() else {
            return false;
        };
        self.resolve_untracked(first, ctx)
            .as_literal()
            .is_some_and(|text| HTTP_METHODS.contains(&text.to_ascii_uppercase().as_str()))
    }

    /// Whether a class in this file defines a method of this name.
    pub(super) fn defines_method(&self, name: &str) -> bool {
        self.index
            .functions_by_name
            .get(name)
            .is_some_and(|functions| {
                functions
                    .iter()
                    .any(|&function| self.index.scope(function).class.is_some())
            })
    }
}
