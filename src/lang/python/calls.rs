//! The values that call expressions evaluate to: string methods, builtins such as
//! `dict(...)` and `urlencode(...)`, client constructors, and the single
//! `return` expression of a helper function defined in the file.

use tree_sitter::Node;

use super::dicts::dict_from_value;
use super::dynamic_requests::is_request_class;
use super::fields::FIELD;
use super::http_clients::{client_constructor, is_opener_builder, is_urllib_request_class};
use super::library_calls::is_connector_constructor;
use super::parameters::bind_arguments;
use super::resolve::{Ctx, Frame, Resolver};
use super::scopes::ScopeId;
use super::syntax::{Arg, call_args, describe, find_arg, kind, node_text, span_of};
use super::value::{Object, Val};

impl<'a, 't> Resolver<'a, 't> {
    pub(super) fn resolve_call(&mut self, call: Node<'t>, ctx: Ctx) -> Val {
        let Some(function) = call.child_by_field_id(FIELD.function) else {
            return self.unknown(call);
        };
        let args = call_args(call, self.source);
        if kind(function) == "attribute"
            && let Some(value) = self.resolve_method_call(call, function, &args, ctx)
        {
            return value;
        }
        match self.resolve_untracked(function, ctx) {
            Val::Object(Object::Module(path)) => self.call_known_function(&path, call, &args, ctx),
            Val::Object(Object::Function(id)) => {
                let skip = usize::from(kind(function) == "attribute" && self.takes_instance(id));
                self.call_local_function(id, skip, call, &args, ctx)
            }
            _ => self.unknown(call),
        }
    }

    /// Methods of strings and dicts; `None` for any other method.
    fn resolve_method_call(
        &mut self,
        call: Node<'t>,
        function: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Option<Val> {
        let receiver = function.child_by_field_id(FIELD.object)?;
        let method = node_text(function.child_by_field_id(FIELD.attribute)?, self.source);
        if !matches!(
            method,
            "format"
                | "join"
                | "encode"
                | "decode"
                | "strip"
                | "rstrip"
                | "lstrip"
                | "lower"
                | "upper"
                | "copy"
                | "prepare"
                | "prepare_request"
        ) {
            return None;
        }
        // `session.prepare_request(request)` returns the request prepared.
        if method == "prepare_request" {
            return match self.resolve(find_arg(args, Some(0), "request")?, ctx) {
                value @ Val::Object(Object::PreparedRequest(_)) => Some(value),
                _ => None,
            };
        }
        let value = self.resolve(receiver, ctx);
        match (method, value) {
            ("prepare", value @ Val::Object(Object::PreparedRequest(_))) => Some(value),
            // `"{}/api/2.0/fo/{}".format(host, path)`
            ("format", Val::Str(format)) => Some(self.brace_format(format, args, ctx)),
            // `",".join(ips)`
            ("join", Val::Str(separator)) => {
                let items = find_arg(args, Some(0), "iterable")?;
                match separator.as_literal() {
                    Some(separator) => Some(self.join_strings(call, &separator, items, ctx)),
                    None => Some(self.unknown(call)),
                }
            }
            // `urlencode(params).encode()` keeps the form.
            ("encode" | "decode", value @ (Val::Str(_) | Val::Form(_))) => Some(value),
            ("copy", value @ Val::Dict(_)) => Some(value),
            (_, Val::Str(text)) => Some(match (method, text.as_literal()) {
                (_, None) => self.unknown(call),
                ("strip", Some(text)) if args.is_empty() => {
                    Val::literal(text.trim(), span_of(call))
                }
                ("lower", Some(text)) => Val::literal(text.to_lowercase(), span_of(call)),
                ("upper", Some(text)) => Val::literal(text.to_uppercase(), span_of(call)),
                _ => self.unknown(call),
            }),
            _ => None,
        }
    }

    fn call_known_function(
        &mut self,
        path: &str,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Val {
        match path {
            // `dict(action="add", ips=ips)`
            "dict" | "collections.OrderedDict" => Val::Dict(self.dict_call(args, ctx)),
            // `str(network_id)`
            "str" => match find_arg(args, Some(0), "object") {
                Some(value) => Val::Str(self.resolve_template(value, ctx)),
                None => Val::literal("", span_of(call)),
            },
            // `urlencode({"action": "add", ...})`
            "urllib.parse.urlencode" | "urllib.urlencode" => match find_arg(args, Some(0), "query")
            {
                Some(query) => {
                    let value = self.resolve(query, ctx);
                    Val::Form(dict_from_value(
                        value,
                        &describe(query, self.source),
                        span_of(query),
                    ))
                }
                None => self.unknown(call),
            },
            // `quote(title)` changes no character that matters here.
            "urllib.parse.quote"
            | "urllib.parse.quote_plus"
            | "urllib.quote"
            | "urllib.quote_plus" => match find_arg(args, Some(0), "string") {
                Some(text) => Val::Str(self.resolve_template(text, ctx)),
                None => self.unknown(call),
            },
            "getattr" => self.getattr_value(call, args, ctx),
            "functools.partial" => self.partial_value(call, args, ctx),
            path if is_request_class(path) => self.prepared_request_value(call, args, ctx),
            // `urljoin(BASE, "/api/2.0/fo/asset/ip/")`, `os.path.join(...)`:
            // the API path is found in the joined text wherever the base ends.
            "urllib.parse.urljoin" | "urlparse.urljoin" | "os.path.join" | "posixpath.join" => {
                self.join_path_arguments(call, args, ctx)
            }
            _ => self.construct_object(path, call, args, ctx),
        }
    }

    fn construct_object(&mut self, path: &str, call: Node<'t>, args: &[Arg<'t>], ctx: Ctx) -> Val {
        if let Some((library, base_position)) = client_constructor(path) {
            return self.client_object(library, base_position, args, ctx);
        }
        if is_connector_constructor(path) {
            return Val::Object(Object::QualysConnector);
        }
        if is_urllib_request_class(path) {
            return self.urllib_request_object(call, args, ctx);
        }
        if is_opener_builder(path) {
            return Val::Object(Object::UrllibOpener);
        }
        self.unknown(call)
    }

    fn join_path_arguments(&mut self, call: Node<'t>, args: &[Arg<'t>], ctx: Ctx) -> Val {
        let mut joined: Option<Val> = None;
        for arg in args {
            let Arg::Positional(node) = *arg else {
                return self.unknown(call);
            };
            let value = self.resolve(node, ctx);
            let description = describe(node, self.source);
            joined = Some(match joined {
                None => value,
                Some(left) => {
                    let slash = Val::literal("/", span_of(node));
                    let with_slash =
                        self.join_values((left, "", span_of(call)), (slash, "/", span_of(node)));
                    let Some(with_slash) = with_slash else {
                        return self.unknown(call);
                    };
                    match self.join_values(
                        (with_slash, "", span_of(call)),
                        (value, &description, span_of(node)),
                    ) {
                        Some(value) => value,
                        None => return self.unknown(call),
                    }
                }
            });
        }
        joined.unwrap_or_else(|| self.unknown(call))
    }

    /// Whether a function is a method that receives the instance as its
    /// first parameter when called as `obj.method(...)`.
    pub(super) fn takes_instance(&self, function: ScopeId) -> bool {
        let scope = self.index.scope(function);
        scope.class.is_some() && !scope.is_static
    }

    /// Evaluates a call of a function defined in the file that has exactly
    /// one `return` with a value, such as `def api_url(path): return BASE +
    /// path`, with its parameters bound to the call's arguments.
    fn call_local_function(
        &mut self,
        function: ScopeId,
        skip: usize,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Val {
        let scope = self.index.scope(function);
        let [returned] = scope.returns.as_slice() else {
            return self.unknown(call);
        };
        if self.frames.iter().any(|frame| frame.function == function) {
            return self.unknown(call);
        }
        let arguments = bind_arguments(&scope.parameters, skip, args);
        self.frames.push(Frame {
            function,
            arguments,
            caller: ctx,
        });
        let inner = Ctx {
            scope: function,
            position: returned.start_byte(),
            frame: Some(self.frames.len() - 1),
        };
        let value = self.resolve(*returned, inner);
        self.frames.pop();
        value
    }
}
