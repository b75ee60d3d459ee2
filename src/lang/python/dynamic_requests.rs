//! Requests sent through a level of indirection: `getattr(requests,
//! "post")`, `functools.partial(requests.post, url)`, and
//! `requests.Request(...)` prepared and sent with `session.send(...)`.

use tree_sitter::Node;

use super::http_clients::{
    HttpLibrary, PARAMETER_ARGUMENTS, Preset, is_request_method, module_library,
    positional_parameters,
};
use super::resolve::{Ctx, Resolver};
use super::syntax::{Arg, find_arg};
use super::value::{Object, PartialRequest, Val};

impl<'a, 't> Resolver<'a, 't> {
    // `getattr(requests, "post")`
    pub(super) fn getattr_value(&mut self, call: Node<'t>, args: &[Arg<'t>], ctx: Ctx) -> Val {
        let (Some(object), Some(name)) = (
            find_arg(args, Some(0), "object"),
            find_arg(args, Some(1), "name"),
        ) else {
            return self.unknown(call);
        };
        let name = self.resolve_untracked(name, ctx).as_literal();
        match (self.resolve_untracked(object, ctx), name) {
            (Val::Object(Object::Module(path)), Some(name)) => {
                Val::Object(Object::Module(format!("{path}.{name}")))
            }
            _ => self.unknown(call),
        }
    }

    // `functools.partial(requests.post, URL, auth=AUTH)`
    pub(super) fn partial_value(&mut self, call: Node<'t>, args: &[Arg<'t>], ctx: Ctx) -> Val {
        let Some((Arg::Positional(function), bound)) = args.split_first() else {
            return self.unknown(call);
        };
        let Val::Object(Object::Module(path)) = self.resolve_untracked(*function, ctx) else {
            return self.unknown(call);
        };
        let Some((library, name)) = request_function(&path) else {
            return self.unknown(call);
        };
        let preset = self.bind_preset(library, name, bound, ctx);
        Val::Object(Object::PartialRequest(Box::new(PartialRequest {
            library,
            function: name.to_string(),
            preset,
        })))
    }

    fn bind_preset(
        &mut self,
        library: HttpLibrary,
        function: &str,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Preset {
        let names = positional_parameters(library, function, false);
        let mut preset = Preset::default();
        for arg in args {
            let (name, node) = match *arg {
                Arg::Positional(node) => {
                    preset.positional += 1;
                    (names.get(preset.positional - 1).copied(), node)
                }
                Arg::Keyword { name, value, .. } => (Some(name), value),
                Arg::Star(node) | Arg::DoubleStar(node) => {
                    preset.unresolved.push(self.unresolved_piece(node));
                    continue;
                }
            };
            match name {
                Some("url") => preset.url = Some(self.resolve_template(node, ctx)),
                Some("method") => {
                    preset.method = self
                        .resolve_untracked(node, ctx)
                        .as_literal()
                        .map(|method| method.to_ascii_uppercase());
                }
                Some(name) if PARAMETER_ARGUMENTS.contains(&name) => {
                    let body = self.body(node, ctx);
                    preset.bodies.push(body);
                }
                _ => {}
            }
        }
        preset
    }

    // `requests.Request("POST", URL, data=params)`
    pub(super) fn prepared_request_value(
        &mut self,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Val {
        match self.http_request((HttpLibrary::Requests, "request", false), None, args, ctx) {
            Some(request) => Val::Object(Object::PreparedRequest(Box::new(request))),
            None => self.unknown(call),
        }
    }
}

/// Splits `requests.post` into its library and function name, for a
/// module-level request function.
fn request_function(path: &str) -> Option<(HttpLibrary, &str)> {
    let (module, function) = path.rsplit_once('.')?;
    let library = module_library(module)?;
    is_request_method(function).then_some((library, function))
}

/// Returns true for the classes whose objects `session.send` sends.
pub(super) fn is_request_class(path: &str) -> bool {
    matches!(path, "requests.Request" | "requests.models.Request")
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_no_call_sites, literal, only_call_site, path, unresolved,
    };

    const HEADER: &str =
        "import functools\nimport requests\nBASE = 'https://qualysapi.qualys.com/api/2.0/fo/'\n";

    fn call_site(body: &str) -> crate::model::CallSite {
        only_call_site(&format!("{HEADER}{body}"))
    }

    #[test]
    fn keyword_options_hold_url() {
        let call_site = call_site(
            "options = {'url': BASE + 'asset/ip/', 'data': {'action': 'update'}}\nrequests.post(**options)\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "update");
        assert!(call_site.is_complete());
    }

    #[test]
    fn keyword_options_with_unknown_body() {
        let call_site = call_site(
            "options = {'url': BASE + 'asset/ip/', **load()}\nrequests.post(**options)\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(unresolved(&call_site), ["**load()"]);
    }

    #[test]
    fn star_arguments_hold_url() {
        let call_site = call_site(
            "args = (BASE + 'asset/ip/',)\nrequests.post(*args, data={'action': 'update'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert!(call_site.is_complete());
    }

    #[test]
    fn unknown_star_arguments_stay_unresolved() {
        let call_site = call_site("requests.post(BASE + 'asset/ip/', *rest)\n");
        assert_eq!(unresolved(&call_site), ["*rest"]);
    }

    #[test]
    fn getattr_of_module() {
        let call_site =
            call_site("getattr(requests, 'post')(BASE + 'asset/ip/', data={'action': 'add'})\n");
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(call_site.method.as_deref(), Some("POST"));
    }

    #[test]
    fn partial_binds_url() {
        let call_site = call_site(
            "post_ip = functools.partial(requests.post, BASE + 'asset/ip/')\npost_ip(data={'action': 'update'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "update");
    }

    #[test]
    fn partial_binds_body() {
        let call_site = call_site(
            "post = functools.partial(requests.post, data={'action': 'list'})\npost(BASE + 'scan/')\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
        assert_eq!(literal(&call_site, "action"), "list");
    }

    #[test]
    fn prepared_request_sent() {
        for send in [
            "session.send(prepared)",
            "session.send(session.prepare_request(request))",
        ] {
            let call_site = call_site(&format!(
                "session = requests.Session()\n\
                 request = requests.Request('POST', BASE + 'asset/ip/', data={{'action': 'add'}})\n\
                 prepared = request.prepare()\n{send}\n"
            ));
            assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/", "{send}");
            assert_eq!(literal(&call_site, "action"), "add", "{send}");
            assert_eq!(call_site.method.as_deref(), Some("POST"), "{send}");
            assert_eq!(
                unresolved(&call_site),
                ["the prepared request, which may change before it is sent"],
                "{send}"
            );
        }
    }

    #[test]
    fn indirect_calls_elsewhere_are_not_call_sites() {
        assert_no_call_sites(&format!(
            "{HEADER}getattr(requests, 'post')('https://example.com/', data={{'a': 'b'}})\n\
             show = functools.partial(print, 'x')\nshow(BASE)\n\
             getattr(thing, name)(BASE + 'asset/ip/')\n\
             requests.Session().send(build())\n"
        ));
    }
}
