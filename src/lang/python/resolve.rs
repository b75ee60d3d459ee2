//! The resolver: works out the value of an expression from literals, names
//! bound earlier, dicts and their later writes, and the arguments that a
//! caller passes to a function.

use std::collections::{HashMap, HashSet};

use tree_sitter::Node;

use super::alternatives::join_alternatives;
use super::fields::FIELD;
use super::index::FileIndex;
use super::literal::{StringPart, string_parts};
use super::parameters::Argument;
use super::scopes::ScopeId;
use super::syntax::{describe, kind, named_children, node_text, span_of};
use super::value::Val;
use crate::model::Span;
use crate::template::Template;

/// Maximum nesting of expressions and name lookups followed for one value.
/// Deeper values are unknown, which keeps the resolver's own recursion far
/// from the thread's stack limit.
const MAX_DEPTH: usize = 48;

/// Maximum number of expressions evaluated for one request, so that names
/// that refer to each other many times over (`b = a + a; c = b + b; ...`)
/// cannot make the work grow without bound.
const MAX_STEPS: usize = 20_000;

/// The scope, position and call frame in which an expression is evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct Ctx {
    pub scope: ScopeId,
    /// Byte offset of the expression: names bound after it are not seen.
    pub position: usize,
    /// The call frame whose arguments fill the parameters of `scope`'s
    /// function, when the function is evaluated for one particular call.
    pub frame: Option<usize>,
}

impl Ctx {
    pub(super) fn at(scope: ScopeId, node: Node) -> Ctx {
        Ctx {
            scope,
            position: node.start_byte(),
            frame: None,
        }
    }
}

/// The arguments of one call of a function, bound to its parameters.
#[derive(Clone, Debug)]
pub(super) struct Frame<'t> {
    pub function: ScopeId,
    pub arguments: HashMap<&'t str, Argument<'t>>,
    /// The context of the call, in which the arguments are evaluated.
    pub caller: Ctx,
}

pub(super) struct Resolver<'a, 't> {
    pub index: &'a FileIndex<'t>,
    pub source: &'t str,
    pub frames: Vec<Frame<'t>>,
    /// Functions whose parameters were read while no call bound them.
    pub unbound_reads: HashSet<ScopeId>,
    /// Whether parameter reads are recorded in `unbound_reads`. Off while
    /// the receiver of a request is resolved, because a session passed in
    /// as a parameter does not make a function a wrapper.
    pub tracking: bool,
    /// True while reading a request that is reported at its own call
    /// rather than expanded at callers. Such a request whose URL is not a
    /// Qualys API path becomes no call site, so its bodies need not be
    /// resolved. Cleared by [`Resolver::reset`].
    pub skip_bodies_off_api: bool,
    /// Whether the call with this node id may change a dict passed to it,
    /// kept across requests because it depends only on the callee.
    pub changing_calls: HashMap<usize, bool>,
    /// Values of names with more than one reaching assignment, by the
    /// context of the use and whether reads are tracked. Each assignment
    /// of `x += ...` on a branch reads all the earlier ones, so without
    /// this the work doubles with every such branch. Cleared by
    /// [`Resolver::reset`], because the call frames change.
    pub joined_names: HashMap<(&'t str, Ctx, bool), Val>,
    depth: usize,
    steps: usize,
}

impl<'a, 't> Resolver<'a, 't> {
    pub(super) fn new(index: &'a FileIndex<'t>) -> Self {
        Resolver {
            index,
            source: index.source,
            frames: Vec::new(),
            unbound_reads: HashSet::new(),
            tracking: true,
            skip_bodies_off_api: false,
            changing_calls: HashMap::new(),
            joined_names: HashMap::new(),
            depth: 0,
            steps: 0,
        }
    }

    /// Starts a fresh evaluation with the given call frames.
    pub(super) fn reset(&mut self, frames: Vec<Frame<'t>>) {
        self.frames = frames;
        self.unbound_reads.clear();
        self.joined_names.clear();
        self.tracking = true;
        self.skip_bodies_off_api = false;
        self.depth = 0;
        self.steps = 0;
    }

    /// Resolves `node` with parameter reads left unrecorded.
    pub(super) fn resolve_untracked(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        let tracking = std::mem::replace(&mut self.tracking, false);
        let value = self.resolve(node, ctx);
        self.tracking = tracking;
        value
    }

    pub(super) fn resolve(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        self.steps += 1;
        if self.depth >= MAX_DEPTH || self.steps > MAX_STEPS {
            return self.unknown(node);
        }
        self.depth += 1;
        let value = self.resolve_expression(node, ctx);
        self.depth -= 1;
        value
    }

    pub(super) fn unknown(&self, node: Node) -> Val {
        Val::Unknown(describe(node, self.source))
    }

    /// Resolves `node` as a string, naming the unknown pieces.
    pub(super) fn resolve_template(&mut self, node: Node<'t>, ctx: Ctx) -> Template {
        let value = self.resolve(node, ctx);
        value.to_template(&describe(node, self.source), span_of(node))
    }

    fn resolve_expression(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        match kind(node) {
            "string" | "concatenated_string" => Val::Str(self.string_template(node, ctx)),
            "integer" | "float" => Val::literal(node_text(node, self.source), span_of(node)),
            "true" => Val::literal("True", span_of(node)),
            "false" => Val::literal("False", span_of(node)),
            "none" => Val::NoneValue,
            "parenthesized_expression" => match node.named_child(0) {
                Some(inner) => self.resolve(inner, ctx),
                None => self.unknown(node),
            },
            "identifier" => self.resolve_name(node, ctx),
            "attribute" => self.resolve_attribute(node, ctx),
            "binary_operator" => self.resolve_binary(node, ctx),
            "call" => self.resolve_call(node, ctx),
            "dictionary" => Val::Dict(self.dict_literal(node, ctx)),
            "list" | "tuple" | "expression_list" => self.resolve_sequence(node, ctx),
            "conditional_expression" => self.resolve_conditional(node, ctx),
            "subscript" => self.resolve_subscript(node, ctx),
            // `await session.post(...)` evaluates to what the call returns.
            "await" => match node.named_child(0) {
                Some(inner) => self.resolve(inner, ctx),
                None => self.unknown(node),
            },
            _ => self.unknown(node),
        }
    }

    /// Builds the text of a string literal, resolving f-string fields.
    fn string_template(&mut self, node: Node<'t>, ctx: Ctx) -> Template {
        let span = span_of(node);
        let mut template = Template::default();
        for part in string_parts(node, self.source) {
            match part {
                StringPart::Text(text) => template.push_text(text, span),
                // `f"{ips!r}"` or `f"{n:>5}"`: the field's text is changed.
                StringPart::Field {
                    expression,
                    formatted: true,
                } => template.push_unknown(describe(expression, self.source), span_of(expression)),
                // `f"{API_ROOT}/api/2.0/fo/asset/ip/"`
                StringPart::Field { expression, .. } => {
                    template.append(self.resolve_template(expression, ctx));
                }
            }
        }
        template
    }

    // `API_ROOT + ENDPOINT`, `"%s/api/2.0/fo/" % host`, `{**a} | {...}`
    fn resolve_binary(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        let (Some(left), Some(right), Some(operator)) = (
            node.child_by_field_id(FIELD.left),
            node.child_by_field_id(FIELD.right),
            node.child_by_field_id(FIELD.operator),
        ) else {
            return self.unknown(node);
        };
        match node_text(operator, self.source) {
            "+" => {
                let left_value = self.resolve(left, ctx);
                let right_value = self.resolve(right, ctx);
                self.concatenate(node, (left, left_value), (right, right_value))
            }
            "%" => self.percent_format(node, left, right, ctx),
            "|" => self.merge_dicts(node, left, right, ctx),
            _ => self.unknown(node),
        }
    }

    fn concatenate(&self, whole: Node, left: (Node, Val), right: (Node, Val)) -> Val {
        let (left_node, left_value) = left;
        let (right_node, right_value) = right;
        let left_description = describe(left_node, self.source);
        let right_description = describe(right_node, self.source);
        let joined = self.join_values(
            (left_value, &left_description, span_of(left_node)),
            (right_value, &right_description, span_of(right_node)),
        );
        joined.unwrap_or_else(|| self.unknown(whole))
    }

    /// Joins two values as `+` does: strings join and lists concatenate.
    /// Each side comes with a description and span for its unknown pieces.
    pub(super) fn join_values(
        &self,
        left: (Val, &str, Span),
        right: (Val, &str, Span),
    ) -> Option<Val> {
        let (left_value, left_description, left_span) = left;
        let (right_value, right_description, right_span) = right;
        if let (Val::Seq(first), Val::Seq(second)) = (&left_value, &right_value) {
            let mut items = first.clone();
            items.extend(second.iter().cloned());
            return Some(Val::Seq(items));
        }
        let is_text = |value: &Val| matches!(value, Val::Str(_) | Val::Form(_));
        if !is_text(&left_value) && !is_text(&right_value) {
            return None;
        }
        let mut template = left_value.to_template(left_description, left_span);
        template.append(right_value.to_template(right_description, right_span));
        Some(Val::Str(template))
    }

    fn resolve_sequence(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        let mut items = Vec::new();
        for child in named_children(node) {
            // `[*base, "x"]` adds items this front end does not list.
            if kind(child) == "list_splat" {
                return self.unknown(node);
            }
            items.push(self.resolve(child, ctx));
        }
        Val::Seq(items)
    }

    // `"All" if use_all else title`: what both sides share stays known.
    fn resolve_conditional(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        let children = named_children(node);
        let [when_true, _condition, when_false] = children.as_slice() else {
            return self.unknown(node);
        };
        let first = self.resolve(*when_true, ctx);
        let second = self.resolve(*when_false, ctx);
        let description = describe(node, self.source);
        join_alternatives(vec![first, second], &description, span_of(node))
    }

    // `CONFIG["url"]`, `pairs[0]`
    fn resolve_subscript(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        let (Some(container), Some(key)) = (
            node.child_by_field_id(FIELD.value),
            node.child_by_field_id(FIELD.subscript),
        ) else {
            return self.unknown(node);
        };
        let container_value = self.resolve(container, ctx);
        let key_value = self.resolve(key, ctx);
        let found = match (&container_value, key_value.as_literal()) {
            (Val::Dict(dict), Some(key)) => dict.get(&key).map(|entry| entry.value.clone()),
            (Val::Seq(items), Some(index)) => index
                .parse::<usize>()
                .ok()
                .and_then(|index| items.get(index).cloned()),
            _ => None,
        };
        found.unwrap_or_else(|| self.unknown(node))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{dynamic, literal, only_call_site, path};
    use crate::model::Target;

    #[test]
    fn module_constants_joined_with_plus() {
        let call_site = only_call_site(
            "import requests\n\
             API_ROOT = 'https://qualysapi.qualys.com'\n\
             ENDPOINT = '/api/2.0/fo/asset/ip/'\n\
             def go():\n\
             \x20   requests.post(API_ROOT + ENDPOINT, data={'action': 'add'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
    }

    #[test]
    fn constant_defined_after_the_function_is_seen() {
        let call_site = only_call_site(
            "import requests\n\
             def go():\n\
             \x20   requests.post(BASE + '/api/2.0/fo/scan/', data={'action': ACTION})\n\
             BASE = 'https://h'\n\
             ACTION = 'list'\n",
        );
        assert_eq!(literal(&call_site, "action"), "list");
    }

    #[test]
    fn last_assignment_before_use_in_same_scope() {
        let call_site = only_call_site(
            "import requests\n\
             action = 'add'\n\
             def go():\n\
             \x20   action = 'list'\n\
             \x20   requests.post('https://h/api/2.0/fo/scan/', data={'action': action})\n\
             \x20   action = 'delete'\n",
        );
        assert_eq!(literal(&call_site, "action"), "list");
    }

    #[test]
    fn f_strings_with_known_and_unknown_fields() {
        let call_site = only_call_site(
            "import requests\n\
             HOST = 'qualysapi.qg2.apps.qualys.com'\n\
             def go(ips):\n\
             \x20   requests.post(f'https://{HOST}/api/2.0/fo/asset/ip/?action=add&ips={ips}&x={ips!r}')\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(dynamic(&call_site, "ips"), "ips");
        assert_eq!(dynamic(&call_site, "x"), "ips");
    }

    #[test]
    fn unknown_host_in_f_string() {
        let call_site = only_call_site(
            "import requests, os\nrequests.get(f\"{os.environ['QUALYS_URL']}//api/2.0/fo/scan/\", params={'action': 'list'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
    }

    #[test]
    fn percent_formatting() {
        let call_site = only_call_site(
            "import requests\n\
             host = 'qualysapi.qualys.com'\n\
             requests.post('https://%s/api/2.0/fo/%s/?action=%s&n=%d&p=%%' % (host, 'asset/ip', 'add', 5))\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "add");
        assert_eq!(literal(&call_site, "n"), "5");
        let call_site = only_call_site(
            "import requests\nrequests.post('https://h/api/2.0/fo/%(path)s' % {'path': 'scan/'}, data={'action': 'list'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
    }

    #[test]
    fn str_format_positional_and_keyword() {
        let call_site = only_call_site(
            "import requests\n\
             url = 'https://{}/api/{version}/fo/{1}'.format('h', 'asset/ip/', version='2.0')\n\
             requests.post(url, data={'action': '{{add}}'.format()})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "{add}");
    }

    #[test]
    fn join_of_literals_and_of_unknowns() {
        let call_site = only_call_site(
            "import requests\n\
             def go(more):\n\
             \x20   requests.post('/api/2.0/fo/asset/ip/', data={'ips': ','.join(['1.1.1.1', '2.2.2.2']), 'x': ','.join(more)})\n",
        );
        assert_eq!(literal(&call_site, "ips"), "1.1.1.1,2.2.2.2");
        assert_eq!(dynamic(&call_site, "x"), "','.join(more)");
    }

    #[test]
    fn instance_attributes_set_in_init() {
        let call_site = only_call_site(
            "import requests\n\
             class Client:\n\
             \x20   def __init__(self, server):\n\
             \x20       self.base = 'https://' + server + '/api/2.0/fo'\n\
             \x20       self.session = requests.Session()\n\
             \x20   def scans(self):\n\
             \x20       return self.session.get(self.base + '/scan/', params={'action': 'list'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
    }

    #[test]
    fn helper_function_return_value() {
        let call_site = only_call_site(
            "import requests\n\
             BASE = 'https://qualysapi.qualys.com/api/2.0/fo/'\n\
             def api(path):\n\
             \x20   return BASE + path\n\
             requests.post(api('asset/ip/'), data={'action': 'add'})\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
    }

    #[test]
    fn tuple_unpacking_and_augmented_assignment() {
        let call_site = only_call_site(
            "import requests\n\
             host, path = 'https://h', '/api/2.0/fo/scan/'\n\
             url = host + path\n\
             url += '?action=list'\n\
             requests.get(url)\n",
        );
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
        assert_eq!(literal(&call_site, "action"), "list");
    }

    #[test]
    fn unresolved_url_from_call_result_is_unknown_target() {
        let extraction = super::super::test_support::extract(
            "import qualysapi\nconn = qualysapi.connect()\nconn.request(pick_endpoint(), {'action': 'list'})\n",
        );
        assert_eq!(extraction.call_sites.len(), 1);
        assert_eq!(
            extraction.call_sites[0].target,
            Target::Unknown("pick_endpoint()".into())
        );
    }

    #[test]
    fn names_referring_to_each_other_stay_bounded() {
        let mut source = String::from("import requests\na0 = 'x'\n");
        for level in 1..40 {
            source.push_str(&format!("a{level} = a{} + a{}\n", level - 1, level - 1));
        }
        source.push_str("requests.post('/api/2.0/fo/scan/', data={'action': a39})\n");
        let call_site = only_call_site(&source);
        assert_eq!(path(&call_site), "/api/2.0/fo/scan/");
    }
}
