//! Qualys client libraries whose helpers send API requests with no endpoint
//! text in the script: `qualysapi` and `qualysdk`. Every helper this front
//! end recognises is a row of [`LIBRARY_CALLS`], and no other code names
//! them.
//!
//! The rows follow the libraries' sources: qualysapi's `QGConnector`
//! (`request`, and `addIP`, `listScans`, `listAssetGroups` in its
//! `api_actions` module) and qualysdk's `vmdr` functions.

use tree_sitter::Node;

use super::resolve::{Ctx, Resolver};
use super::syntax::{Arg, describe, find_arg, kind, positional_args, span_of};
use super::value::{Body, Val};
use crate::endpoint::{normalise_path, parse_url, path_from_api_root};
use crate::model::{Param, Presence, Span, Target, Value};
use crate::template::{FormFields, Template, form_fields};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Library {
    Qualysapi,
    Qualysdk,
}

impl Library {
    fn name(self) -> &'static str {
        match self {
            Library::Qualysapi => "qualysapi",
            Library::Qualysdk => "qualysdk",
        }
    }
}

/// The use a helper makes of one of its arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ArgumentRole {
    /// Not sent, such as qualysdk's `auth`.
    NotSent,
    /// Sent as the named API parameter.
    Param(&'static str),
    /// Sent as the named API parameter unless the value is the empty string,
    /// which the helper treats as "not given".
    ParamUnlessEmpty(&'static str),
    /// qualysapi `addIP`'s `vmpc`: `"vm"`, `"pc"` or `"both"`, sent as
    /// `enable_vm` and `enable_pc`.
    VmPc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Endpoint {
    /// qualysapi's generic `request(call, data)`: the endpoint is an argument.
    FromArguments,
    Path(&'static str),
}

#[derive(Debug)]
pub(super) struct LibraryCall {
    pub library: Library,
    pub function: &'static str,
    pub endpoint: Endpoint,
    pub method: Option<&'static str>,
    /// Parameters the helper always sends.
    pub fixed: &'static [(&'static str, &'static str)],
    /// The helper's parameters in positional order, after `self`.
    pub arguments: &'static [(&'static str, ArgumentRole)],
    /// Whether other keyword arguments are sent as API parameters of the
    /// same name, as qualysdk's `**kwargs` helpers do.
    pub keywords_are_params: bool,
}

use ArgumentRole::{NotSent, Param as Sent, ParamUnlessEmpty, VmPc};

pub(super) const LIBRARY_CALLS: &[LibraryCall] = &[
    LibraryCall {
        library: Library::Qualysapi,
        function: "request",
        endpoint: Endpoint::FromArguments,
        method: None,
        fixed: &[],
        arguments: &[],
        keywords_are_params: false,
    },
    // Adds IPs with no `ag_title` and no `network_id`, always.
    LibraryCall {
        library: Library::Qualysapi,
        function: "addIP",
        endpoint: Endpoint::Path("/api/2.0/fo/asset/ip/"),
        method: Some("POST"),
        fixed: &[("action", "add")],
        arguments: &[("ips", Sent("ips")), ("vmpc", VmPc)],
        keywords_are_params: false,
    },
    LibraryCall {
        library: Library::Qualysapi,
        function: "listScans",
        endpoint: Endpoint::Path("/api/2.0/fo/scan/"),
        method: Some("POST"),
        fixed: &[
            ("action", "list"),
            ("show_ags", "1"),
            ("show_op", "1"),
            ("show_status", "1"),
        ],
        arguments: &[
            (
                "launched_after",
                ParamUnlessEmpty("launched_after_datetime"),
            ),
            ("state", ParamUnlessEmpty("state")),
            ("target", ParamUnlessEmpty("target")),
            ("type", ParamUnlessEmpty("type")),
            ("user_login", ParamUnlessEmpty("user_login")),
        ],
        keywords_are_params: false,
    },
    // The v1 asset group list.
    LibraryCall {
        library: Library::Qualysapi,
        function: "listAssetGroups",
        endpoint: Endpoint::Path("/msp/asset_group_list.php"),
        method: None,
        fixed: &[],
        arguments: &[("groupName", ParamUnlessEmpty("title"))],
        keywords_are_params: false,
    },
    LibraryCall {
        library: Library::Qualysdk,
        function: "add_ips",
        endpoint: Endpoint::Path("/api/2.0/fo/asset/ip/"),
        method: Some("POST"),
        fixed: &[("action", "add")],
        arguments: &[
            ("auth", NotSent),
            ("ips", Sent("ips")),
            ("enable_pc", Sent("enable_pc")),
            ("enable_vm", Sent("enable_vm")),
            ("enable_sca", Sent("enable_sca")),
        ],
        keywords_are_params: true,
    },
    LibraryCall {
        library: Library::Qualysdk,
        function: "update_ips",
        endpoint: Endpoint::Path("/api/2.0/fo/asset/ip/"),
        method: Some("POST"),
        fixed: &[("action", "update")],
        arguments: &[("auth", NotSent), ("ips", Sent("ips"))],
        keywords_are_params: true,
    },
    LibraryCall {
        library: Library::Qualysdk,
        function: "get_ag_list",
        endpoint: Endpoint::Path("/api/2.0/fo/asset/group/"),
        method: None,
        fixed: &[("action", "list")],
        arguments: &[("auth", NotSent), ("page_count", NotSent)],
        keywords_are_params: true,
    },
    LibraryCall {
        library: Library::Qualysdk,
        function: "get_scan_list",
        endpoint: Endpoint::Path("/api/2.0/fo/scan/"),
        method: None,
        fixed: &[("action", "list")],
        arguments: &[("auth", NotSent)],
        keywords_are_params: true,
    },
    LibraryCall {
        library: Library::Qualysdk,
        function: "add_user",
        endpoint: Endpoint::Path("/msp/user.php"),
        method: None,
        fixed: &[("action", "add")],
        arguments: &[
            ("auth", NotSent),
            ("user_role", Sent("user_role")),
            ("business_unit", Sent("business_unit")),
            ("first_name", Sent("first_name")),
            ("last_name", Sent("last_name")),
            ("title", Sent("title")),
            ("phone", Sent("phone")),
            ("email", Sent("email")),
            ("address1", Sent("address1")),
            ("city", Sent("city")),
            ("country", Sent("country")),
            ("state", Sent("state")),
        ],
        keywords_are_params: true,
    },
];

/// Constructors of a qualysapi connector object.
pub(super) fn is_connector_constructor(path: &str) -> bool {
    matches!(
        path,
        "qualysapi.connect" | "qualysapi.util.connect" | "qualysapi.connector.QGConnector"
    )
}

/// A method of a qualysapi connector: `conn.addIP(...)`.
pub(super) fn connector_method(name: &str) -> Option<&'static LibraryCall> {
    LIBRARY_CALLS
        .iter()
        .find(|call| call.library == Library::Qualysapi && call.function == name)
}

/// Returns whether a qualysapi connector method or a qualysdk function
/// has this name.
pub(super) fn is_library_function(name: &str) -> bool {
    LIBRARY_CALLS.iter().any(|call| call.function == name)
}

/// A qualysdk function by its dotted path: `qualysdk.vmdr.add_ips`.
pub(super) fn sdk_function(path: &str) -> Option<&'static LibraryCall> {
    let (root, _) = path.split_once('.')?;
    let (_, function) = path.rsplit_once('.')?;
    if root != "qualysdk" {
        return None;
    }
    LIBRARY_CALLS
        .iter()
        .find(|call| call.library == Library::Qualysdk && call.function == function)
}

/// A helper call read into its endpoint and parameters.
#[derive(Clone, Debug)]
pub(super) struct LibraryRequest {
    pub target: Target,
    pub method: Option<String>,
    pub params: Vec<Param>,
    pub query: FormFields,
    pub bodies: Vec<Body>,
    pub unresolved: Vec<crate::model::Unresolved>,
    pub via: String,
}

impl<'a, 't> Resolver<'a, 't> {
    pub(super) fn library_request(
        &mut self,
        library_call: &LibraryCall,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> LibraryRequest {
        let via = format!(
            "{} {}()",
            library_call.library.name(),
            library_call.function
        );
        if library_call.endpoint == Endpoint::FromArguments {
            return self.qualysapi_request(call, args, ctx, via);
        }
        let Endpoint::Path(path) = library_call.endpoint else {
            unreachable!("only `request` takes its endpoint from its arguments");
        };
        let span = span_of(call);
        let mut request = LibraryRequest {
            target: Target::Path(path.to_string()),
            method: library_call.method.map(str::to_string),
            params: fixed_params(library_call.fixed, span),
            query: FormFields::default(),
            bodies: Vec::new(),
            unresolved: Vec::new(),
            via,
        };
        let mut position = 0;
        for arg in args {
            let (role, node, span) = match *arg {
                Arg::Positional(node) => {
                    position += 1;
                    let role = library_call
                        .arguments
                        .get(position - 1)
                        .map(|(_, role)| Destination::Role(*role));
                    (role, node, span_of(node))
                }
                Arg::Keyword { name, value, node } => (
                    keyword_destination(library_call, name),
                    value,
                    span_of(node),
                ),
                Arg::Star(node) | Arg::DoubleStar(node) => {
                    request.unresolved.push(self.unresolved_piece(node));
                    continue;
                }
            };
            if let Some(role) = role {
                self.push_argument(&mut request.params, role, node, span, ctx);
            }
        }
        request
    }

    fn push_argument(
        &mut self,
        params: &mut Vec<Param>,
        destination: Destination<'t>,
        node: Node<'t>,
        span: Span,
        ctx: Ctx,
    ) {
        let value = self.resolve(node, ctx);
        let description = describe(node, self.source);
        let name = match destination {
            Destination::Param(name) => name,
            Destination::Role(NotSent) => return,
            Destination::Role(Sent(name)) => name,
            Destination::Role(ParamUnlessEmpty(_))
                if value.as_literal().is_some_and(|text| text.is_empty()) =>
            {
                return;
            }
            Destination::Role(ParamUnlessEmpty(name)) => name,
            Destination::Role(VmPc) => {
                params.extend(vmpc_params(&value, &description, span));
                return;
            }
        };
        for value in value.field_values(&description) {
            params.push(Param {
                name: name.to_string(),
                value,
                presence: Presence::Always,
                span,
            });
        }
    }

    /// Reads `conn.request(call, data)`, where `call` is relative to
    /// `/api/2.0/fo/` or absolute, and the pre-2013 form
    /// `conn.request(2, "asset/ip", data)` that names the API version first.
    fn qualysapi_request(
        &mut self,
        call: Node<'t>,
        args: &[Arg<'t>],
        ctx: Ctx,
        via: String,
    ) -> LibraryRequest {
        let (version, call_path, data) = self.qualysapi_arguments(args, ctx);
        let call_template = match call_path {
            Some(call_path) => self.resolve_template(call_path, ctx),
            None => Template::unknown(describe(call, self.source), span_of(call)),
        };
        let (target, query) = qualysapi_target(&call_template, version.as_deref(), span_of(call));

        let explicit_method = find_arg(args, None, "http_method")
            .and_then(|method| self.resolve_untracked(method, ctx).as_literal())
            .map(|method| method.to_ascii_uppercase());
        // qualysapi sends every v2 call as a POST.
        let method = explicit_method.or_else(|| match &target {
            Target::Path(path) if path.starts_with("/api/") => Some("POST".to_string()),
            _ => None,
        });

        let bodies = data.map(|data| self.body(data, ctx)).into_iter().collect();
        let unresolved = args
            .iter()
            .filter_map(|arg| match arg {
                Arg::Star(node) | Arg::DoubleStar(node) => Some(self.unresolved_piece(*node)),
                _ => None,
            })
            .collect();
        LibraryRequest {
            target,
            method,
            params: Vec::new(),
            query,
            bodies,
            unresolved,
            via,
        }
    }

    /// Returns the API version, the `call` argument and the `data` argument
    /// of a qualysapi `request()` call, in either of its forms.
    fn qualysapi_arguments(
        &mut self,
        args: &[Arg<'t>],
        ctx: Ctx,
    ) -> (Option<String>, Option<Node<'t>>, Option<Node<'t>>) {
        let positional: Vec<Node<'t>> = positional_args(args).collect();
        let first_is_version = positional
            .first()
            .is_some_and(|first| kind(*first) == "integer");
        let (version, call_path, data) = if first_is_version {
            let version = positional
                .first()
                .map(|first| self.resolve_untracked(*first, ctx));
            (
                version,
                positional.get(1).copied(),
                positional.get(2).copied(),
            )
        } else {
            let version = find_arg(args, None, "api_version")
                .map(|version| self.resolve_untracked(version, ctx));
            (
                version,
                find_arg(args, Some(0), "api_call"),
                find_arg(args, Some(1), "data"),
            )
        };
        (
            version.and_then(|version| version.as_literal()),
            call_path,
            data,
        )
    }
}

/// The destination of one argument of a helper call.
#[derive(Clone, Copy, Debug)]
enum Destination<'k> {
    Role(ArgumentRole),
    /// A keyword argument sent as the parameter of the same name.
    Param(&'k str),
}

fn keyword_destination<'k>(
    library_call: &LibraryCall,
    keyword: &'k str,
) -> Option<Destination<'k>> {
    let listed = library_call
        .arguments
        .iter()
        .find(|(name, _)| *name == keyword)
        .map(|(_, role)| Destination::Role(*role));
    match listed {
        Some(destination) => Some(destination),
        None if library_call.keywords_are_params => Some(Destination::Param(keyword)),
        None => None,
    }
}

fn fixed_params(fixed: &[(&str, &str)], span: Span) -> Vec<Param> {
    fixed
        .iter()
        .map(|(name, value)| Param {
            name: name.to_string(),
            value: Value::Literal(value.to_string()),
            presence: Presence::Always,
            span,
        })
        .collect()
}

/// `addIP`'s `vmpc` argument as the two flags it sends.
fn vmpc_params(value: &Val, description: &str, span: Span) -> Vec<Param> {
    let flags = match value.as_literal().as_deref() {
        Some("pc") => Some(("0", "1")),
        Some("both") => Some(("1", "1")),
        Some(_) => Some(("1", "0")),
        None => None,
    };
    let value_of = |flag: Option<&str>| match flag {
        Some(flag) => Value::Literal(flag.to_string()),
        None => Value::Dynamic(description.to_string()),
    };
    let param = |name: &str, value: Value| Param {
        name: name.to_string(),
        value,
        presence: Presence::Always,
        span,
    };
    vec![
        param("enable_vm", value_of(flags.map(|(vm, _)| vm))),
        param("enable_pc", value_of(flags.map(|(_, pc)| pc))),
    ]
}

/// Returns the endpoint of a qualysapi `call` argument. A `.php` call, or any call
/// with API version 1, is a v1 script under `/msp/`. Other calls are
/// relative to `/api/2.0/fo/` unless they start at `api/`.
fn qualysapi_target(call: &Template, version: Option<&str>, span: Span) -> (Target, FormFields) {
    let (location, query) = match call.split_once('?') {
        Some((location, query)) => (location, form_fields(&query, Presence::Always, span)),
        None => (call.clone(), FormFields::default()),
    };
    let Some(text) = location.as_literal() else {
        return (parse_url(&location, span).target, query);
    };
    let text = text.trim();
    let relative = text.trim_start_matches('/');
    let is_v1 = version.is_some_and(|version| version.trim_start_matches(['v', 'V']) == "1");
    let path = if (is_v1 || relative.ends_with(".php")) && !relative.starts_with("msp/") {
        normalise_path(&format!("msp/{relative}"))
    } else {
        path_from_api_root(relative)
    };
    (Target::Path(path), query)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_no_call_sites, dynamic, extract, has_param, literal, names, only_call_site, path,
        unresolved,
    };
    use crate::model::{Presence, Target};

    #[test]
    fn qualysapi_request_with_dict() {
        let call_site = only_call_site(
            "import qualysapi\n\
             conn = qualysapi.connect('config.ini')\n\
             conn.request('/api/2.0/fo/asset/ip/', {'action': 'update', 'ips': '10.1.1.1'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "update");
        assert_eq!(call_site.via.as_deref(), Some("qualysapi request()"));
        assert_eq!(call_site.method.as_deref(), Some("POST"));
    }

    #[test]
    fn qualysapi_request_call_forms() {
        let cases = [
            ("'asset/ip'", "/api/2.0/fo/asset/ip/"),
            ("'/api/2.0/fo/asset/ip'", "/api/2.0/fo/asset/ip/"),
            (
                "'api/2.0/fo/scan/compliance/'",
                "/api/2.0/fo/scan/compliance/",
            ),
            ("'msp/user.php'", "/msp/user.php"),
            ("'asset_group_list.php'", "/msp/asset_group_list.php"),
        ];
        for (call, expected) in cases {
            let source = format!(
                "import qualysapi\nqgc = qualysapi.connect()\nqgc.request({call}, {{'action': 'list'}})\n"
            );
            let call_site = only_call_site(&source);
            assert_eq!(path(&call_site), expected, "call {call}");
        }
    }

    #[test]
    fn qualysapi_request_with_query_string_data() {
        let call_site = only_call_site(
            "import qualysapi\n\
             conn = qualysapi.connect()\n\
             ips = '10.0.0.1-10.0.0.9'\n\
             conn.request('asset/ip', 'action=add&enable_vm=1&ips=' + ips)\n",
        );
        assert_eq!(names(&call_site), ["action", "enable_vm", "ips"]);
        assert_eq!(literal(&call_site, "ips"), "10.0.0.1-10.0.0.9");
    }

    #[test]
    fn qualysapi_pre_2013_form_names_version_first() {
        let call_site = only_call_site(
            "import qualysapi\nconn = qualysapi.connect()\nconn.request(2, 'asset/ip', {'action': 'add', 'ips': ips})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "add");
        let call_site = only_call_site(
            "import qualysapi\nconn = qualysapi.connect()\nconn.request(1, 'asset_group_list.php')\n",
        );
        assert_eq!(path(&call_site), "/msp/asset_group_list.php");
    }

    #[test]
    fn qualysapi_unknown_call_path() {
        let call_site = only_call_site(
            "import qualysapi\ndef run(conn, call):\n    conn.request(call, {'action': 'list'})\n",
        );
        assert_eq!(call_site.target, Target::Unknown("call".into()));
        assert_eq!(literal(&call_site, "action"), "list");
    }

    #[test]
    fn qualysapi_add_ip_sends_no_ag_title() {
        let call_site = only_call_site(
            "import qualysapi\nqgs = qualysapi.connect()\nqgs.addIP('10.0.0.1,10.0.0.2', 'both')\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(call_site.via.as_deref(), Some("qualysapi addIP()"));
        assert_eq!(literal(&call_site, "action"), "add");
        assert_eq!(literal(&call_site, "ips"), "10.0.0.1,10.0.0.2");
        assert_eq!(literal(&call_site, "enable_pc"), "1");
        assert!(!has_param(&call_site, "ag_title"), "{:?}", call_site.params);
        assert!(
            !has_param(&call_site, "network_id"),
            "{:?}",
            call_site.params
        );
        assert!(call_site.is_complete(), "{:?}", call_site.unresolved);
    }

    #[test]
    fn qualysapi_list_scans_and_asset_groups() {
        let call_site = only_call_site(
            "import qualysapi\nq = qualysapi.connect()\nq.listScans(state='Finished', user_login='')\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
        assert_eq!(literal(&call_site, "action"), "list");
        assert_eq!(literal(&call_site, "state"), "Finished");
        assert!(
            !has_param(&call_site, "user_login"),
            "an empty user_login is not sent"
        );
        let call_site = only_call_site(
            "import qualysapi\nq = qualysapi.connect()\nq.listScans('2024-01-01', user_login=me)\n",
        );
        assert_eq!(literal(&call_site, "launched_after_datetime"), "2024-01-01");
        assert_eq!(dynamic(&call_site, "user_login"), "me");
        let call_site =
            only_call_site("import qualysapi\nq = qualysapi.connect()\nq.listAssetGroups()\n");
        assert_eq!(path(&call_site), "/msp/asset_group_list.php");
        assert_eq!(
            call_site.via.as_deref(),
            Some("qualysapi listAssetGroups()")
        );
    }

    #[test]
    fn qualysapi_connector_on_self_or_passed_in() {
        let call_site = only_call_site(
            "import qualysapi\n\
             class Sync:\n\
             \x20   def __init__(self):\n\
             \x20       self.qgc = qualysapi.connect()\n\
             \x20   def add(self):\n\
             \x20       self.qgc.addIP('10.0.0.1', 'vm')\n",
        );
        assert_eq!(literal(&call_site, "enable_vm"), "1");
        // A connector passed in as a parameter is recognised by the import.
        let call_site =
            only_call_site("import qualysapi\ndef add(conn):\n    conn.addIP('10.0.0.1', 'vm')\n");
        assert_eq!(call_site.via.as_deref(), Some("qualysapi addIP()"));
    }

    #[test]
    fn session_request_with_method_is_not_qualysapi() {
        let call_site = only_call_site(
            "import qualysapi\ndef f(session):\n    session.request('POST', 'https://h/api/2.0/fo/asset/ip/', data={'action': 'add'})\n",
        );
        assert_eq!(call_site.via, None);
        assert_eq!(call_site.method.as_deref(), Some("POST"));
    }

    #[test]
    fn qualysdk_functions_take_keyword_parameters() {
        let call_site = only_call_site(
            "from qualysdk.auth import BasicAuth\n\
             from qualysdk.vmdr import add_ips\n\
             auth = BasicAuth('user', 'pass')\n\
             add_ips(auth, ips='10.0.0.1', ag_title='Servers', tracking_method='IP')\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(call_site.via.as_deref(), Some("qualysdk add_ips()"));
        assert_eq!(
            names(&call_site),
            ["action", "ips", "ag_title", "tracking_method"]
        );
        assert_eq!(literal(&call_site, "ag_title"), "Servers");
    }

    #[test]
    fn qualysdk_table_rows() {
        let cases = [
            (
                "update_ips(auth, '10.0.0.1', network_id=7)",
                "/api/2.0/fo/asset/ip/",
                "update",
            ),
            (
                "get_ag_list(auth, page_count=1, show_attributes='ALL')",
                "/api/2.0/fo/asset/group/",
                "list",
            ),
            ("get_scan_list(auth)", "/api/2.0/fo/scan/", "list"),
            (
                "add_user(auth, 'contact', 'Unassigned', 'A', 'B', 'T', '1', 'e@x', 'a', 'c', 'US', 'CA', asset_groups='AG1')",
                "/msp/user.php",
                "add",
            ),
        ];
        for (call, expected_path, expected_action) in cases {
            let source = format!("import qualysdk.vmdr as vmdr\nvmdr.{call}\n");
            let call_site = only_call_site(&source);
            assert_eq!(path(&call_site), expected_path, "call {call}");
            assert_eq!(
                literal(&call_site, "action"),
                expected_action,
                "call {call}"
            );
            assert!(!has_param(&call_site, "auth"), "auth is not sent: {call}");
            assert!(
                !has_param(&call_site, "page_count"),
                "page_count is not sent: {call}"
            );
        }
        let call_site = only_call_site(
            "from qualysdk.vmdr import add_user\nadd_user(auth, 'contact', 'U', asset_groups='AG1')\n",
        );
        assert_eq!(literal(&call_site, "user_role"), "contact");
        assert_eq!(literal(&call_site, "asset_groups"), "AG1");
        assert_eq!(call_site.params[1].presence, Presence::Always);
    }

    #[test]
    fn qualysdk_double_star_is_unresolved() {
        let call_site = only_call_site(
            "from qualysdk.vmdr import add_ips\ndef f(auth, extra):\n    add_ips(auth, '1.1.1.1', **extra)\n",
        );
        assert_eq!(unresolved(&call_site), ["**extra"]);
    }

    #[test]
    fn same_names_outside_the_libraries_are_not_helpers() {
        assert_no_call_sites(
            "def get_scan_list(path):\n    return sorted(path)\nget_scan_list('scans')\n",
        );
        assert_no_call_sites(
            "class Radio:\n    def addIP(self, ip):\n        self.ips.append(ip)\nRadio().addIP('1.1.1.1')\n",
        );
        let extraction = extract("import somewhere\nsomewhere.add_ips(auth, ips='1.1.1.1')\n");
        assert!(
            extraction.call_sites.is_empty(),
            "{:?}",
            extraction.call_sites
        );
    }
}
