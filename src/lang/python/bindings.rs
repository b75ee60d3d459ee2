//! Recording name bindings and dict writes while the syntax tree is
//! walked: assignments, `with ... as`, loop targets, imports, `del`, and
//! `d.update(...)`-style calls.

use tree_sitter::Node;

use super::fields::{FIELD, children_in_field};
use super::index::{CallRecord, Walker};
use super::passed_dicts::leaves_arguments_unchanged;
use super::scopes::{Binding, BindingKind, Mutation, MutationKind, ParamsWrite, ScopeId};
use super::syntax;
use super::syntax::{Callee, kind, named_children, node_text, unparenthesize};

/// Maximum length of an `a = b = c = value` chain that is followed to its
/// value.
const ASSIGNMENT_CHAIN_MAX: usize = 32;

impl<'t> Walker<'t> {
    pub(super) fn bind(
        &mut self,
        scope: ScopeId,
        name: &'t str,
        position: usize,
        kind: BindingKind<'t>,
    ) {
        let branches = self.current_branches();
        let binding = Binding {
            position,
            kind,
            scope: self.current_scope(),
            branches,
        };
        self.index.scopes[scope]
            .bindings
            .entry(name)
            .or_default()
            .push(binding);
    }

    // `x = value`, `self.x = value`, `d[key] = value`, `a, b = 1, 2`
    pub(super) fn record_assignment(&mut self, node: Node<'t>) {
        let Some(left) = node.child_by_field_id(FIELD.left) else {
            return;
        };
        // `x: int` declares a type and binds nothing.
        let Some(right) = node.child_by_field_id(FIELD.right) else {
            return;
        };
        let Some(value) = chain_value(right) else {
            return;
        };
        let position = node.end_byte();
        self.record_target(left, position, value);
    }

    pub(super) fn record_target(&mut self, target: Node<'t>, position: usize, value: Node<'t>) {
        let source = self.index.source;
        let scope = self.current_scope();
        match kind(target) {
            "identifier" => self.bind(
                scope,
                node_text(target, source),
                position,
                BindingKind::Value(value),
            ),
            "attribute" => {
                if let Some(client) = client_params_owner(target, source) {
                    self.record_client_params(client, position, ParamsWrite::Assign(value));
                }
                self.record_instance_attribute(target, position, value);
            }
            "subscript" => self.record_set_item(target, position, value),
            "pattern_list" | "tuple_pattern" | "list_pattern" => {
                for (index, element) in named_children(target).into_iter().enumerate() {
                    if kind(element) == "identifier" {
                        let kind = BindingKind::Element { value, index };
                        self.bind(scope, node_text(element, source), position, kind);
                    }
                }
            }
            _ => {}
        }
    }

    /// Records a write to `client.params`: on the name `client`, or for
    /// `self.client.params` in a method, on the class's attribute.
    fn record_client_params(&mut self, client: Node<'t>, position: usize, write: ParamsWrite<'t>) {
        let kind = MutationKind::ClientParams(write);
        if syntax::kind(client) == "identifier" {
            self.record_mutation(client, position, kind);
            return;
        }
        let source = self.index.source;
        let method = self.current_scope();
        let (Some(object), Some(attribute)) = (
            client.child_by_field_id(FIELD.object),
            client.child_by_field_id(FIELD.attribute),
        ) else {
            return;
        };
        let method_scope = &self.index.scopes[method];
        let (Some(instance), Some(class)) = (method_scope.instance_parameter(), method_scope.class)
        else {
            return;
        };
        if syntax::kind(object) != "identifier" || node_text(object, source) != instance {
            return;
        }
        let mutation = Mutation {
            position,
            branches: self.current_branches(),
            kind,
        };
        self.index.scopes[class]
            .attribute_mutations
            .entry(node_text(attribute, source))
            .or_default()
            .push((method, mutation));
    }

    // `self.session = requests.Session()` in a method of a class.
    pub(super) fn record_instance_attribute(
        &mut self,
        target: Node<'t>,
        position: usize,
        value: Node<'t>,
    ) {
        let source = self.index.source;
        let method = self.current_scope();
        let (Some(object), Some(attribute)) = (
            target.child_by_field_id(FIELD.object),
            target.child_by_field_id(FIELD.attribute),
        ) else {
            return;
        };
        let method_scope = &self.index.scopes[method];
        let Some(instance) = method_scope.instance_parameter() else {
            return;
        };
        let Some(class) = method_scope.class else {
            return;
        };
        if kind(object) != "identifier" || node_text(object, source) != instance {
            return;
        }
        let binding = Binding {
            position,
            kind: BindingKind::Value(value),
            scope: method,
            branches: self.current_branches(),
        };
        self.index.scopes[class]
            .attributes
            .entry(node_text(attribute, source))
            .or_default()
            .push(binding);
    }

    // `params["ag_title"] = title`
    pub(super) fn record_set_item(&mut self, target: Node<'t>, position: usize, value: Node<'t>) {
        let (Some(dict), Some(key)) = (
            target.child_by_field_id(FIELD.value),
            target.child_by_field_id(FIELD.subscript),
        ) else {
            return;
        };
        if let Some(client) = client_params_owner(dict, self.index.source) {
            self.record_client_params(client, position, ParamsWrite::SetItem { key, value });
            return;
        }
        self.record_mutation(dict, position, MutationKind::SetItem { key, value });
    }

    pub(super) fn record_mutation(
        &mut self,
        dict: Node<'t>,
        position: usize,
        kind: MutationKind<'t>,
    ) {
        let dict = unparenthesize(dict);
        if syntax::kind(dict) != "identifier" {
            return;
        }
        let name = node_text(dict, self.index.source);
        let mutation = Mutation {
            position,
            branches: self.current_branches(),
            kind,
        };
        let scope = self.current_scope();
        self.index.scopes[scope]
            .mutations
            .entry(name)
            .or_default()
            .push(mutation);
    }

    // `url += "?action=list"`
    pub(super) fn record_augmented_assignment(&mut self, node: Node<'t>) {
        let source = self.index.source;
        let (Some(left), Some(operator), Some(value)) = (
            node.child_by_field_id(FIELD.left),
            node.child_by_field_id(FIELD.operator),
            node.child_by_field_id(FIELD.right),
        ) else {
            return;
        };
        if kind(left) == "identifier" {
            let kind = BindingKind::Augmented {
                operator: node_text(operator, source),
                value,
            };
            self.bind(
                self.current_scope(),
                node_text(left, source),
                node.end_byte(),
                kind,
            );
        }
    }

    // `if (url := build()):`
    pub(super) fn record_named_expression(&mut self, node: Node<'t>) {
        let (Some(name), Some(value)) = (
            node.child_by_field_id(FIELD.name),
            node.child_by_field_id(FIELD.value),
        ) else {
            return;
        };
        let name = node_text(name, self.index.source);
        self.bind(
            self.current_scope(),
            name,
            node.end_byte(),
            BindingKind::Value(value),
        );
    }

    // `with requests.Session() as session:`
    pub(super) fn record_with_item(&mut self, node: Node<'t>) {
        let Some(value) = node.child_by_field_id(FIELD.value) else {
            return;
        };
        if kind(value) != "as_pattern" {
            return;
        }
        let Some(expression) = value.named_child(0) else {
            return;
        };
        let Some(alias) = value
            .child_by_field_id(FIELD.alias)
            .and_then(|alias| alias.named_child(0))
        else {
            return;
        };
        if kind(alias) == "identifier" {
            let name = node_text(alias, self.index.source);
            self.bind(
                self.current_scope(),
                name,
                node.end_byte(),
                BindingKind::Value(expression),
            );
        }
    }

    // `for ip in ips:` binds `ip` to values this front end does not follow.
    pub(super) fn record_loop_targets(&mut self, node: Node<'t>) {
        let Some(left) = node.child_by_field_id(FIELD.left) else {
            return;
        };
        let targets = match kind(left) {
            "identifier" => vec![left],
            _ => named_children(left),
        };
        for target in targets
            .into_iter()
            .filter(|target| kind(*target) == "identifier")
        {
            let name = node_text(target, self.index.source);
            self.bind(
                self.current_scope(),
                name,
                left.end_byte(),
                BindingKind::Opaque(target),
            );
        }
    }

    // `except RequestException as error:`
    pub(super) fn record_except_alias(&mut self, node: Node<'t>) {
        let alias = named_children(node)
            .into_iter()
            .find(|child| kind(*child) == "as_pattern")
            .and_then(|pattern| pattern.child_by_field_id(FIELD.alias))
            .and_then(|alias| alias.named_child(0));
        if let Some(alias) = alias.filter(|alias| kind(*alias) == "identifier") {
            let name = node_text(alias, self.index.source);
            self.bind(
                self.current_scope(),
                name,
                alias.end_byte(),
                BindingKind::Opaque(alias),
            );
        }
    }

    pub(super) fn record_import(&mut self, node: Node<'t>) {
        let source = self.index.source;
        let scope = self.current_scope();
        let module = node
            .child_by_field_id(FIELD.module_name)
            .map(|module| node_text(module, source));
        for name in children_in_field(node, FIELD.name) {
            let (dotted, alias) = match kind(name) {
                "aliased_import" => (
                    name.child_by_field_id(FIELD.name),
                    name.child_by_field_id(FIELD.alias),
                ),
                _ => (Some(name), None),
            };
            let Some(dotted) = dotted else {
                continue;
            };
            let path = node_text(dotted, source);
            self.note_qualys_import(module.unwrap_or(path));
            let (local, kind) =
                import_binding(module, path, alias.map(|alias| node_text(alias, source)));
            self.bind(scope, local, node.end_byte(), kind);
        }
        if let Some(module) = module {
            self.note_qualys_import(module);
        }
    }

    fn note_qualys_import(&mut self, module: &str) {
        let root = module.split('.').next().unwrap_or("");
        if root == "qualysapi" || root == "qualysdk" {
            self.index.imports_qualys_library = true;
        }
    }

    // `del params["ag_title"]`
    pub(super) fn record_delete(&mut self, node: Node<'t>) {
        let mut targets = Vec::new();
        for child in named_children(node) {
            match kind(child) {
                "expression_list" => targets.extend(named_children(child)),
                _ => targets.push(child),
            }
        }
        for target in targets
            .into_iter()
            .filter(|target| kind(*target) == "subscript")
        {
            let (Some(dict), Some(key)) = (
                target.child_by_field_id(FIELD.value),
                target.child_by_field_id(FIELD.subscript),
            ) else {
                continue;
            };
            self.record_mutation(dict, node.end_byte(), MutationKind::Remove { key });
        }
    }

    pub(super) fn record_call(&mut self, node: Node<'t>, callee: Option<Callee<'t>>) {
        let scope = self.current_scope();
        self.index.calls.push(CallRecord {
            node,
            scope,
            callee,
        });
        let name = callee.map(|callee| callee.name);
        if !name.is_some_and(leaves_arguments_unchanged) {
            for argument in dict_arguments(node) {
                self.record_mutation(argument, node.end_byte(), MutationKind::Passed(node));
            }
        }
        let Some(Callee {
            receiver: Some(receiver),
            name,
            ..
        }) = callee
        else {
            return;
        };
        if let Some(client) = client_params_owner(receiver, self.index.source) {
            let write = match name {
                "update" => ParamsWrite::Update(node),
                _ => ParamsWrite::Other(node),
            };
            self.record_client_params(client, node.end_byte(), write);
            return;
        }
        let kind = match name {
            // `params.update({"ag_title": title})`
            "update" => MutationKind::Update(node),
            // `params.setdefault("action", "add")`
            "setdefault" => MutationKind::SetDefault(node),
            // `params.pop("ag_title", None)`
            "pop" => match first_argument(node) {
                Some(key) => MutationKind::Remove { key },
                None => return,
            },
            "clear" | "popitem" | "__setitem__" | "__delitem__" | "__ior__" => {
                MutationKind::Passed(node)
            }
            _ => return,
        };
        self.record_mutation(receiver, node.end_byte(), kind);
    }

    pub(super) fn record_return(&mut self, node: Node<'t>) {
        if let Some(value) = named_children(node).into_iter().next() {
            let scope = self.current_scope();
            self.index.scopes[scope].returns.push(value);
        }
    }
}

/// Follows `a = b = value` to `value`.
fn chain_value(right: Node) -> Option<Node> {
    let mut value = right;
    for _ in 0..ASSIGNMENT_CHAIN_MAX {
        if kind(value) != "assignment" {
            return Some(value);
        }
        value = value.child_by_field_id(FIELD.right)?;
    }
    None
}

/// Returns `session` for the expression `session.params`, or
/// `self.session` for `self.session.params`.
fn client_params_owner<'t>(node: Node<'t>, source: &str) -> Option<Node<'t>> {
    let node = unparenthesize(node);
    if kind(node) != "attribute" {
        return None;
    }
    let object = node.child_by_field_id(FIELD.object)?;
    let attribute = node.child_by_field_id(FIELD.attribute)?;
    let is_params = node_text(attribute, source) == "params";
    let is_owner = matches!(kind(object), "identifier" | "attribute");
    (is_params && is_owner).then_some(object)
}

/// Returns the arguments of a call that are plain names, given by position
/// or by keyword. `f(**d)` and `f(*d)` pass copies, so they are left out.
fn dict_arguments(call: Node) -> Vec<Node> {
    let Some(arguments) = call.child_by_field_id(FIELD.arguments) else {
        return Vec::new();
    };
    named_children(arguments)
        .into_iter()
        .filter_map(|argument| match kind(argument) {
            "identifier" => Some(argument),
            "keyword_argument" => argument
                .child_by_field_id(FIELD.value)
                .filter(|value| kind(*value) == "identifier"),
            _ => None,
        })
        .collect()
}

fn first_argument(call: Node) -> Option<Node> {
    let arguments = call.child_by_field_id(FIELD.arguments)?;
    named_children(arguments).into_iter().next()
}

/// The local name an import binds and what it refers to.
fn import_binding<'t>(
    module: Option<&'t str>,
    path: &'t str,
    alias: Option<&'t str>,
) -> (&'t str, BindingKind<'t>) {
    match (module, alias) {
        // `from urllib.parse import urlencode as encode`
        (Some(module), alias) => (
            alias.unwrap_or(path),
            BindingKind::ImportFrom { module, name: path },
        ),
        // `import requests as r`
        (None, Some(alias)) => (alias, BindingKind::Import(path)),
        // `import urllib.request` binds `urllib`.
        (None, None) => {
            let root = path.split('.').next().unwrap_or(path);
            (root, BindingKind::Import(root))
        }
    }
}
