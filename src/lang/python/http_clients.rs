//! The HTTP clients a script sends requests with (requests, httpx, aiohttp
//! and urllib), their constructors, and how their request functions take
//! arguments. Signatures are those of requests 2.32, httpx 0.28, aiohttp
//! 3.11 and the Python 3 standard library.

use tree_sitter::Node;

use super::call_sites::is_api_url;
use super::dicts::dict_from_value;
use super::resolve::{Ctx, Resolver};
use super::syntax::{Arg, describe, find_arg, span_of};
use super::value::{Body, DictVal, Object, UrllibRequest, Val};
use crate::model::{Span, Unresolved};
use crate::template::{Piece, Template};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HttpLibrary {
    Requests,
    Httpx,
    Aiohttp,
}

/// Methods that send a request with the HTTP method of the same name.
const VERBS: &[&str] = &["get", "post", "put", "delete", "patch", "head", "options"];

/// Arguments whose value is sent as request parameters: the query string
/// (`params`), a form or raw body (`data`, httpx's `content`), JSON, and
/// multipart fields (`files`).
pub(super) const PARAMETER_ARGUMENTS: &[&str] = &["params", "data", "json", "files", "content"];

/// `requests.Session.request`'s positional parameters, in order.
const SESSION_REQUEST_PARAMETERS: &[&str] = &[
    "method",
    "url",
    "params",
    "data",
    "headers",
    "cookies",
    "files",
    "auth",
    "timeout",
    "allow_redirects",
    "proxies",
    "hooks",
    "stream",
    "verify",
    "cert",
    "json",
];

pub(super) fn is_request_method(name: &str) -> bool {
    name == "request" || VERBS.contains(&name)
}

/// Returns the library whose module-level functions send requests, such as
/// `requests.post`.
pub(super) fn module_library(module: &str) -> Option<HttpLibrary> {
    match module {
        "requests" | "requests.api" => Some(HttpLibrary::Requests),
        "httpx" => Some(HttpLibrary::Httpx),
        _ => None,
    }
}

/// A constructor of a client object, with the position of its `base_url`
/// parameter when it takes one positionally.
pub(super) fn client_constructor(path: &str) -> Option<(HttpLibrary, Option<usize>)> {
    match path {
        "requests.Session"
        | "requests.session"
        | "requests.sessions.Session"
        | "requests.sessions.session" => Some((HttpLibrary::Requests, None)),
        // requests-toolbelt's session that joins relative URLs to a base.
        "requests_toolbelt.sessions.BaseUrlSession" | "requests_toolbelt.BaseUrlSession" => {
            Some((HttpLibrary::Requests, Some(0)))
        }
        "httpx.Client" | "httpx.AsyncClient" => Some((HttpLibrary::Httpx, None)),
        "aiohttp.ClientSession" => Some((HttpLibrary::Aiohttp, Some(0))),
        _ => None,
    }
}

pub(super) fn is_urllib_request_class(path: &str) -> bool {
    matches!(path, "urllib.request.Request" | "urllib2.Request")
}

pub(super) fn is_urlopen(path: &str) -> bool {
    matches!(path, "urllib.request.urlopen" | "urllib2.urlopen")
}

pub(super) fn is_opener_builder(path: &str) -> bool {
    matches!(path, "urllib.request.build_opener" | "urllib2.build_opener")
}

/// The leading positional parameters of a request function or method.
pub(super) fn positional_parameters(
    library: HttpLibrary,
    method: &str,
    on_client: bool,
) -> &'static [&'static str] {
    match (library, method) {
        (HttpLibrary::Requests, "request") if on_client => SESSION_REQUEST_PARAMETERS,
        (_, "request") => &["method", "url"],
        (HttpLibrary::Requests, "get") if !on_client => &["url", "params"],
        (HttpLibrary::Requests, "post") => &["url", "data", "json"],
        (HttpLibrary::Requests, "put" | "patch") => &["url", "data"],
        _ => &["url"],
    }
}

/// The pieces of a request before they are read into a call site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct HttpRequest {
    pub url: Template,
    /// True when the URL was found not to be a Qualys API path, so that
    /// the request is no call site and its bodies were left unresolved.
    pub off_api: bool,
    pub method: Option<String>,
    pub bodies: Vec<Body>,
    pub unresolved: Vec<Unresolved>,
}

impl<'a, 't> Resolver<'a, 't> {
    /// Reads a call such as `requests.post(url, data=...)` or
    /// `session.request("POST", url, params=...)`. `base_url` is the base
    /// of the client object the method is called on.
    pub(super) fn http_request(
        &mut self,
        function: (HttpLibrary, &str, bool),
        base_url: Option<&Template>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Option<HttpRequest> {
        self.http_request_with(function, base_url, args, ctx, Preset::default())
    }

    /// Reads a request call whose leading arguments were bound earlier,
    /// as `functools.partial(requests.post, url)` binds them.
    pub(super) fn http_request_with(
        &mut self,
        (library, method_name, on_client): (HttpLibrary, &str, bool),
        base_url: Option<&Template>,
        args: &[Arg<'t>],
        ctx: Ctx,
        preset: Preset,
    ) -> Option<HttpRequest> {
        let names = positional_parameters(library, method_name, on_client);

        let mut method = preset
            .method
            .or_else(|| (method_name != "request").then(|| method_name.to_ascii_uppercase()));
        let mut url = None;
        let mut body_nodes = Vec::new();
        let mut unresolved = preset.unresolved;
        let mut bodies = preset.bodies;
        let mut splat_url = preset.url;
        let mut position = preset.positional;
        for arg in args {
            let (name, node) = match *arg {
                Arg::Positional(node) => {
                    position += 1;
                    (names.get(position - 1).copied(), node)
                }
                Arg::Keyword { name, value, .. } => (Some(name), value),
                // `requests.post(**options)` with `options` a dict of this file.
                Arg::DoubleStar(node) => {
                    let Some(inner) = node.named_child(0) else {
                        continue;
                    };
                    match self.resolve(inner, ctx) {
                        Val::Dict(options) => {
                            let read = keyword_options(options, &describe(node, self.source));
                            splat_url = read.url.or(splat_url);
                            method = read.method.or(method);
                            bodies.extend(read.bodies);
                            unresolved.extend(read.unresolved);
                        }
                        // `requests.post(url, **options)` could pass `data=`.
                        _ => unresolved.push(self.unresolved_piece(node)),
                    }
                    continue;
                }
                // `requests.post(*args)` with `args` a tuple of this file.
                Arg::Star(node) => {
                    let items = match node.named_child(0).map(|inner| self.resolve(inner, ctx)) {
                        Some(Val::Seq(items)) => items,
                        _ => {
                            unresolved.push(self.unresolved_piece(node));
                            continue;
                        }
                    };
                    let description = describe(node, self.source);
                    for item in items {
                        position += 1;
                        let item_description = format!("{description}[{}]", position - 1);
                        match names.get(position - 1).copied() {
                            Some("url") => {
                                splat_url =
                                    Some(item.to_template(&item_description, span_of(node)));
                            }
                            Some("method") => {
                                method = item.as_literal().map(|text| text.to_ascii_uppercase());
                            }
                            Some(name) if PARAMETER_ARGUMENTS.contains(&name) => {
                                bodies.push(Body {
                                    value: item,
                                    description: item_description,
                                    span: span_of(node),
                                })
                            }
                            _ => {}
                        }
                    }
                    continue;
                }
            };
            match name {
                Some("url") => url = Some(node),
                Some("method") => {
                    method = self
                        .resolve_untracked(node, ctx)
                        .as_literal()
                        .map(|text| text.to_ascii_uppercase())
                }
                Some(name) if PARAMETER_ARGUMENTS.contains(&name) => body_nodes.push(node),
                _ => {}
            }
        }

        // The URL goes first, so that a body too costly to resolve cannot
        // use up the budget that decides whether this is a call site at all.
        let url = match url {
            Some(url) => self.resolve_template(url, ctx),
            None => splat_url?,
        };
        let url = join_base_url(base_url, url);
        let off_api = self.skip_bodies_off_api && !is_api_url(&url);
        if off_api {
            bodies.clear();
        } else {
            for node in body_nodes {
                let body = self.body(node, ctx);
                bodies.push(body);
            }
        }
        Some(HttpRequest {
            url,
            off_api,
            method,
            bodies,
            unresolved,
        })
    }

    /// Reads `urlopen(url_or_request, data)` or `opener.open(...)`.
    pub(super) fn urlopen_request(&mut self, args: &[Arg<'t>], ctx: Ctx) -> Option<HttpRequest> {
        let target = find_arg(args, Some(0), "url").or_else(|| find_arg(args, None, "fullurl"))?;
        let (url, mut bodies, method) = match self.resolve(target, ctx) {
            Val::Object(Object::UrllibRequest(request)) => {
                let request = *request;
                (
                    request.url,
                    request.data.into_iter().collect::<Vec<_>>(),
                    request.method,
                )
            }
            other => (
                other.to_template(&describe(target, self.source), span_of(target)),
                Vec::new(),
                None,
            ),
        };
        if let Some(data) = find_arg(args, Some(1), "data") {
            bodies.push(self.body(data, ctx));
        }
        bodies.retain(|body| body.value != Val::NoneValue);
        let method =
            method.or_else(|| Some(if bodies.is_empty() { "GET" } else { "POST" }.to_string()));
        Some(HttpRequest {
            url,
            off_api: false,
            method,
            bodies,
            unresolved: Vec::new(),
        })
    }

    // `urllib.request.Request(url, data=body, method="POST")`
    pub(super) fn urllib_request_object(
        &mut self,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Val {
        let Some(url) = find_arg(args, Some(0), "url") else {
            return self.unknown(call);
        };
        let url = self.resolve_template(url, ctx);
        let data = find_arg(args, Some(1), "data")
            .map(|data| self.body(data, ctx))
            .filter(|body| body.value != Val::NoneValue);
        let method = find_arg(args, Some(5), "method")
            .and_then(|method| self.resolve_untracked(method, ctx).as_literal())
            .map(|method| method.to_ascii_uppercase());
        Val::Object(Object::UrllibRequest(Box::new(UrllibRequest {
            url,
            data,
            method,
        })))
    }

    // `httpx.Client(base_url="https://qualysapi.qualys.com/api/2.0/fo/")`
    pub(super) fn client_object(
        &mut self,
        library: HttpLibrary,
        base_position: Option<usize>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> Val {
        let base_url = find_arg(args, base_position, "base_url")
            .map(|base| self.resolve_untracked(base, ctx))
            .filter(|base| *base != Val::NoneValue)
            .map(|base| base.to_template("base_url", Span::default()));
        // httpx's `Client(params=...)`; requests' `Session()` takes no
        // arguments and aiohttp's `ClientSession` has no such parameter.
        let params = match find_arg(args, None, "params") {
            Some(params) if library == HttpLibrary::Httpx => {
                let description = describe(params, self.source);
                let value = self.resolve(params, ctx);
                dict_from_value(value, &description, span_of(params))
            }
            _ => DictVal::default(),
        };
        Val::Object(Object::HttpClient {
            library,
            base_url,
            params,
        })
    }

    pub(super) fn body(&mut self, node: Node<'t>, ctx: Ctx) -> Body {
        Body {
            value: self.resolve(node, ctx),
            description: describe(node, self.source),
            span: span_of(node),
        }
    }

    pub(super) fn unresolved_piece(&self, node: Node) -> Unresolved {
        Unresolved {
            description: describe(node, self.source),
            span: span_of(node),
        }
    }
}

/// Arguments of a request call bound before the call: by
/// `functools.partial`, or by a `**options` dict.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Preset {
    pub url: Option<Template>,
    pub method: Option<String>,
    /// Positional arguments already bound.
    pub positional: usize,
    pub bodies: Vec<Body>,
    pub unresolved: Vec<Unresolved>,
}

/// Reads the entries of a `**options` dict as the keyword arguments of a
/// request call.
fn keyword_options(options: DictVal, description: &str) -> Preset {
    let mut preset = Preset {
        unresolved: options.unresolved,
        ..Preset::default()
    };
    for entry in options.entries {
        let entry_description = format!("{description}[{:?}]", entry.key);
        match entry.key.as_str() {
            "url" => preset.url = Some(entry.value.to_template(&entry_description, entry.span)),
            "method" => {
                preset.method = entry.value.as_literal().map(|m| m.to_ascii_uppercase());
            }
            key if PARAMETER_ARGUMENTS.contains(&key) => preset.bodies.push(Body {
                value: entry.value,
                description: entry_description,
                span: entry.span,
            }),
            _ => {}
        }
    }
    preset
}

/// Joins a relative URL to a client's base URL, as httpx and aiohttp do.
/// An absolute URL replaces the base. A URL that starts with an unknown
/// piece is left alone, because it may be absolute.
fn join_base_url(base_url: Option<&Template>, url: Template) -> Template {
    let Some(base) = base_url else {
        return url;
    };
    let absolute = match url.pieces.first() {
        Some((Piece::Text(text), _)) => text.contains("://"),
        Some((Piece::Unknown(_), _)) | None => true,
    };
    if absolute {
        return url;
    }
    // Doubled slashes are normalised when the API path is read.
    let mut joined = base.clone();
    joined.push_text("/", Span::default());
    joined.append(url);
    joined
}

#[cfg(test)]
mod tests {
    use super::super::call_sites::{RequestParts, RequestTarget};
    use super::super::index::build_index;
    use super::super::resolve::{Ctx, Resolver};
    use super::super::test_support::{
        assert_no_call_sites, literal, names, only_call_site, parse, path, unresolved,
    };
    use crate::model::Span;

    #[test]
    fn requests_post_with_data_dict() {
        let call_site = only_call_site(
            "import requests\n\
             requests.post('https://qualysapi.qualys.com/api/2.0/fo/asset/ip/',\n\
                           data={'action': 'add', 'ips': '10.0.0.1'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(call_site.method.as_deref(), Some("POST"));
        assert_eq!(names(&call_site), ["action", "ips"]);
        assert_eq!(literal(&call_site, "ips"), "10.0.0.1");
        assert!(
            call_site.unresolved.is_empty(),
            "{:?}",
            call_site.unresolved
        );
        assert_eq!(call_site.via, None);
    }

    #[test]
    fn every_module_verb_and_positional_body() {
        for verb in ["get", "post", "put", "delete", "patch", "head"] {
            let source = format!(
                "import requests\nrequests.{verb}('https://h/api/2.0/fo/scan/?action=list')\n"
            );
            let call_site = only_call_site(&source);
            assert_eq!(
                call_site.method.as_deref(),
                Some(verb.to_uppercase().as_str()),
                "verb {verb}"
            );
            assert_eq!(literal(&call_site, "action"), "list", "verb {verb}");
        }
        // requests.post(url, data): the second positional argument is the body.
        let call_site = only_call_site(
            "import requests\nrequests.post('/api/2.0/fo/scan/', {'action': 'list'})\n",
        );
        assert_eq!(literal(&call_site, "action"), "list");
        // requests.get(url, params): the second positional argument is the query.
        let call_site = only_call_site(
            "import requests\nrequests.get('/api/2.0/fo/scan/', {'action': 'list'})\n",
        );
        assert_eq!(literal(&call_site, "action"), "list");
    }

    #[test]
    fn import_aliases() {
        let sources = [
            "import requests as r\nr.post('/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
            "from requests import post\npost('/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
            "from requests import post as send\nsend('/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
            "import httpx\nhttpx.post('/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
        ];
        for source in sources {
            let call_site = only_call_site(source);
            assert_eq!(literal(&call_site, "action"), "add", "source {source}");
        }
    }

    #[test]
    fn requests_request_takes_method_first() {
        let call_site = only_call_site(
            "import requests\nrequests.request('post', '/api/2.0/fo/asset/ip/', params={'action': 'update'})\n",
        );
        assert_eq!(call_site.method.as_deref(), Some("POST"));
        assert_eq!(literal(&call_site, "action"), "update");
    }

    #[test]
    fn session_in_name_attribute_and_with() {
        let sources = [
            "import requests\ns = requests.Session()\ns.post('/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
            "import requests\nwith requests.Session() as s:\n    s.post('/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
            "import requests\nclass C:\n    def __init__(self):\n        self.http = requests.session()\n    def go(self):\n        self.http.request('POST', '/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
        ];
        for source in sources {
            let call_site = only_call_site(source);
            assert_eq!(call_site.method.as_deref(), Some("POST"), "source {source}");
            assert_eq!(literal(&call_site, "action"), "add", "source {source}");
        }
    }

    #[test]
    fn httpx_client_base_url_joins_relative_path() {
        let call_site = only_call_site(
            "import httpx\n\
             client = httpx.Client(base_url='https://qualysapi.qualys.eu/api/2.0/fo/')\n\
             client.post('asset/ip/', data={'action': 'add', 'ag_title': 'All'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "ag_title"), "All");
    }

    #[test]
    fn httpx_async_client_host_base_and_absolute_path() {
        let call_site = only_call_site(
            "import httpx\n\
             async def main():\n\
             \x20   async with httpx.AsyncClient(base_url='https://qualysapi.qualys.com') as client:\n\
             \x20       await client.get('/api/2.0/fo/scan/', params={'action': 'list'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
        assert_eq!(call_site.method.as_deref(), Some("GET"));
    }

    #[test]
    fn aiohttp_session_post_in_async_with() {
        let call_site = only_call_site(
            "import aiohttp\n\
             async def add():\n\
             \x20   async with aiohttp.ClientSession('https://qualysapi.qualys.com') as session:\n\
             \x20       async with session.post('/api/2.0/fo/asset/ip/', data={'action': 'add'}) as response:\n\
             \x20           return await response.text()\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "add");
    }

    #[test]
    fn urllib_request_with_urlencoded_body() {
        let source = "import urllib.request\n\
                      import urllib.parse\n\
                      body = urllib.parse.urlencode({'action': 'add', 'ips': '10.0.0.1'}).encode()\n\
                      req = urllib.request.Request('https://qualysapi.qualys.com/api/2.0/fo/asset/ip/', data=body)\n\
                      urllib.request.urlopen(req)\n";
        let call_site = only_call_site(source);
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(call_site.method.as_deref(), Some("POST"));
        assert_eq!(names(&call_site), ["action", "ips"]);
        assert_eq!(super::super::test_support::line(source, &call_site), 5);
    }

    #[test]
    fn urlopen_with_url_and_data_and_from_imports() {
        let call_site = only_call_site(
            "from urllib.request import urlopen\n\
             from urllib.parse import urlencode\n\
             urlopen('https://h/api/2.0/fo/asset/ip/', urlencode({'action': 'update'}).encode())\n",
        );
        assert_eq!(literal(&call_site, "action"), "update");
        assert_eq!(call_site.method.as_deref(), Some("POST"));
    }

    #[test]
    fn opener_open_sends_the_request() {
        let call_site = only_call_site(
            "import urllib.request\n\
             opener = urllib.request.build_opener()\n\
             opener.open(urllib.request.Request('https://h/api/2.0/fo/scan/?action=list'))\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
        assert_eq!(call_site.method.as_deref(), Some("GET"));
    }

    #[test]
    fn session_parameter_of_unknown_type() {
        let call_site = only_call_site(
            "URL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/group/'\n\
             def add_group(session):\n\
             \x20   return session.post(URL, data={'action': 'add', 'title': 'Servers'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/group/");
        assert_eq!(literal(&call_site, "title"), "Servers");
    }

    #[test]
    fn splat_arguments_are_unresolved() {
        let call_site = only_call_site(
            "import requests\ndef f(options):\n    requests.post('/api/2.0/fo/asset/ip/', **options)\n",
        );
        assert_eq!(unresolved(&call_site), ["**options"]);
    }

    #[test]
    fn other_hosts_and_paths_are_not_call_sites() {
        assert_no_call_sites(
            "import requests\nrequests.post('https://example.com/api/v1/items', data={'a': 1})\n",
        );
        assert_no_call_sites("import requests\nrequests.get('https://qualys.example/portal/')\n");
        assert_no_call_sites(
            "import requests\nrequests.post(url_from_elsewhere, data={'action': 'add'})\n",
        );
    }

    #[test]
    fn similar_path_is_a_different_endpoint() {
        let call_site = only_call_site(
            "import requests\nrequests.post('https://h/api/2.0/fo/asset/excluded_ip/', data={'action': 'add', 'ips': '1.1.1.1'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/excluded_ip/");
    }

    #[test]
    fn docstrings_comments_and_prints_are_not_call_sites() {
        assert_no_call_sites(
            "\"\"\"Example:\n\n    requests.post('https://h/api/2.0/fo/asset/ip/', data={'action': 'add'})\n\"\"\"\n\
             import requests\n\
             # requests.post('https://h/api/2.0/fo/asset/ip/', data={'action': 'add'})\n\
             URL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'\n\
             print(URL)\n\
             print(\"requests.post(URL, data={'action': 'add'})\")\n",
        );
    }

    #[test]
    fn dict_get_is_not_a_request() {
        assert_no_call_sites(
            "config = {'url': '/api/2.0/fo/asset/ip/'}\nconfig.get('/api/2.0/fo/asset/ip/')\n",
        );
    }

    /// Reads the only `requests.get` call of `source` as a request, with
    /// bodies of requests off the API skipped or not.
    fn read_get_request(source: &str, skip_bodies_off_api: bool) -> RequestParts {
        let tree = parse(source);
        let index = build_index(&tree, source);
        let call = index
            .calls
            .iter()
            .find(|call| call.callee.is_some_and(|callee| callee.name == "get"))
            .expect("a get call");
        let mut resolver = Resolver::new(&index);
        resolver.skip_bodies_off_api = skip_bodies_off_api;
        resolver
            .request_parts(call, Ctx::at(call.scope, call.node))
            .expect("a request")
    }

    #[test]
    fn off_api_request_skips_bodies() {
        let source =
            "import requests\nrequests.get('https://example.com/v2/nodes', params={'a': 1})\n";
        let skipped = read_get_request(source, true);
        assert!(
            matches!(skipped.target, RequestTarget::OffApi),
            "{skipped:?}"
        );
        assert!(skipped.bodies.is_empty(), "{:?}", skipped.bodies);
        assert!(skipped.into_call_site(Span::default()).is_none());

        let read = read_get_request(source, false);
        assert!(matches!(read.target, RequestTarget::Url(_)), "{read:?}");
        assert_eq!(read.bodies.len(), 1);
    }

    #[test]
    fn api_request_keeps_bodies_when_skipping() {
        let source = "import requests\nrequests.get('https://h/api/2.0/fo/scan/', params={'action': 'list'})\n";
        let parts = read_get_request(source, true);
        assert!(matches!(parts.target, RequestTarget::Url(_)), "{parts:?}");
        assert_eq!(parts.bodies.len(), 1);
    }

    #[test]
    fn wrapper_called_in_file_reads_bodies() {
        let source = "import requests\n\
            def fetch(url):\n\
            \x20   return requests.get(url, params={'action': 'list'})\n\
            fetch('https://h/api/2.0/fo/scan/')\n";
        let call_site = only_call_site(source);
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
        assert_eq!(literal(&call_site, "action"), "list");
    }
}
