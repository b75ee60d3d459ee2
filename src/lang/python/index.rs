//! One pass over the syntax tree that records scopes, name bindings, dict
//! writes, calls and string literals for the later stages.
//!
//! The walk uses a tree cursor and an explicit stack, never recursion, so a
//! file with tens of thousands of nested parentheses cannot overflow the
//! thread's stack.

use std::collections::HashMap;

use tree_sitter::{Node, Tree};

use super::parameters::read_parameters;
use super::scopes::{
    Binding, BindingKind, MODULE_SCOPE, Mutation, MutationKind, Scope, ScopeId, ScopeKind,
};
use super::syntax::{callee_parts, named_children, node_text, unparenthesize};

/// Maximum number of enclosing nodes kept with a string literal; its use is
/// decided by the nearest few.
const STRING_ANCESTORS_KEPT: usize = 4;

/// Maximum length of an `a = b = c = value` chain that is followed to its
/// value.
const ASSIGNMENT_CHAIN_MAX: usize = 32;

/// A call expression and the scope it runs in.
#[derive(Clone, Copy, Debug)]
pub(super) struct CallRecord<'t> {
    pub node: Node<'t>,
    pub scope: ScopeId,
}

/// A string literal, with what is needed to decide how it is used.
#[derive(Clone, Debug)]
pub(super) struct StringRecord<'t> {
    pub node: Node<'t>,
    pub scope: ScopeId,
    /// The nearest enclosing nodes, innermost first, without parentheses.
    pub ancestors: Vec<Node<'t>>,
    /// True inside the arguments of `print(...)` or a logging call.
    pub in_output_call: bool,
}

#[derive(Debug)]
pub(super) struct FileIndex<'t> {
    pub source: &'t str,
    pub scopes: Vec<Scope<'t>>,
    pub calls: Vec<CallRecord<'t>>,
    pub strings: Vec<StringRecord<'t>>,
    pub functions_by_name: HashMap<&'t str, Vec<ScopeId>>,
    /// True when the file imports `qualysapi` or `qualysdk`.
    pub imports_qualys_library: bool,
}

impl<'t> FileIndex<'t> {
    pub(super) fn scope(&self, id: ScopeId) -> &Scope<'t> {
        &self.scopes[id]
    }
}

/// What was pushed when a node was entered, so that leaving it pops the same.
struct Visit<'t> {
    node: Node<'t>,
    pushed_scope: bool,
    pushed_branch: bool,
    pushed_output_call: bool,
}

struct Walker<'t> {
    index: FileIndex<'t>,
    stack: Vec<Visit<'t>>,
    /// Open scopes with the length of `branches` when each was entered.
    scope_stack: Vec<(ScopeId, usize)>,
    branches: Vec<usize>,
    output_call_depth: usize,
}

pub(super) fn build_index<'t>(tree: &'t Tree, source: &'t str) -> FileIndex<'t> {
    let root = tree.root_node();
    let mut walker = Walker::new(root, source);
    let mut cursor = root.walk();
    loop {
        let descend = walker.enter(cursor.node());
        if descend && cursor.goto_first_child() {
            continue;
        }
        walker.leave();
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return walker.index;
            }
            walker.leave();
        }
    }
}

impl<'t> Walker<'t> {
    fn new(root: Node<'t>, source: &'t str) -> Self {
        let module = Scope::new(ScopeKind::Module, root, None, "");
        Walker {
            index: FileIndex {
                source,
                scopes: vec![module],
                calls: Vec::new(),
                strings: Vec::new(),
                functions_by_name: HashMap::new(),
                imports_qualys_library: false,
            },
            stack: Vec::new(),
            scope_stack: vec![(MODULE_SCOPE, 0)],
            branches: Vec::new(),
            output_call_depth: 0,
        }
    }

    /// Records what `node` contributes and returns whether to descend.
    fn enter(&mut self, node: Node<'t>) -> bool {
        let mut visit = Visit {
            node,
            pushed_scope: false,
            pushed_branch: false,
            pushed_output_call: false,
        };
        // Tree-sitter wraps text it could not parse in ERROR nodes; nothing
        // inside one is trusted.
        if node.is_error() {
            self.stack.push(visit);
            return false;
        }
        let parent = self.stack.last().map(|visit| visit.node);
        if is_conditional_branch(node, parent) {
            self.branches.push(node.start_byte());
            visit.pushed_branch = true;
        }
        visit.pushed_scope = self.enter_scope(node, parent);
        visit.pushed_output_call = self.enter_output_call(node, parent);
        self.record(node, parent);
        self.stack.push(visit);
        true
    }

    fn leave(&mut self) {
        let Some(visit) = self.stack.pop() else {
            return;
        };
        if visit.pushed_scope {
            self.scope_stack.pop();
        }
        if visit.pushed_branch {
            self.branches.pop();
        }
        if visit.pushed_output_call {
            self.output_call_depth -= 1;
        }
    }

    fn current_scope(&self) -> ScopeId {
        self.scope_stack
            .last()
            .map_or(MODULE_SCOPE, |(scope, _)| *scope)
    }

    fn current_branches(&self) -> Vec<usize> {
        let base = self.scope_stack.last().map_or(0, |(_, base)| *base);
        self.branches[base.min(self.branches.len())..].to_vec()
    }

    fn enter_scope(&mut self, node: Node<'t>, parent: Option<Node<'t>>) -> bool {
        let source = self.index.source;
        let enclosing = self.current_scope();
        let kind = match node.kind() {
            "function_definition" => ScopeKind::Function,
            "class_definition" => ScopeKind::Class,
            "lambda" => ScopeKind::Lambda,
            _ => return false,
        };
        let name = node
            .child_by_field_name("name")
            .map_or("", |name| node_text(name, source));
        let mut scope = Scope::new(kind, node, Some(enclosing), name);
        if kind != ScopeKind::Class {
            scope.parameters = read_parameters(node, source);
        }
        if kind == ScopeKind::Function && self.index.scopes[enclosing].kind == ScopeKind::Class {
            scope.class = Some(enclosing);
            scope.is_static = has_decorator(parent, "staticmethod", source);
        }
        let id = self.index.scopes.len();
        self.index.scopes.push(scope);
        if kind != ScopeKind::Lambda {
            let binding = match kind {
                ScopeKind::Function => BindingKind::Function(id),
                _ => BindingKind::Opaque(node),
            };
            self.bind(enclosing, name, node.start_byte(), binding);
        }
        if kind == ScopeKind::Function {
            self.index
                .functions_by_name
                .entry(name)
                .or_default()
                .push(id);
        }
        self.scope_stack.push((id, self.branches.len()));
        true
    }

    fn enter_output_call(&mut self, node: Node<'t>, parent: Option<Node<'t>>) -> bool {
        let is_output = match node.kind() {
            // Python 2: `print "text"`
            "print_statement" => true,
            "argument_list" => parent.is_some_and(|call| is_output_call(call, self.index.source)),
            _ => false,
        };
        if is_output {
            self.output_call_depth += 1;
        }
        is_output
    }

    fn record(&mut self, node: Node<'t>, parent: Option<Node<'t>>) {
        match node.kind() {
            "assignment" => self.record_assignment(node),
            "augmented_assignment" => self.record_augmented_assignment(node),
            "named_expression" => self.record_named_expression(node),
            "with_item" => self.record_with_item(node),
            "for_statement" => self.record_loop_targets(node),
            "except_clause" => self.record_except_alias(node),
            "import_statement" | "import_from_statement" => self.record_import(node),
            "delete_statement" => self.record_delete(node),
            "call" => self.record_call(node),
            "return_statement" => self.record_return(node),
            "string" | "concatenated_string" => self.record_string(node, parent),
            _ => {}
        }
    }

    fn bind(&mut self, scope: ScopeId, name: &'t str, position: usize, kind: BindingKind<'t>) {
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
    fn record_assignment(&mut self, node: Node<'t>) {
        let Some(left) = node.child_by_field_name("left") else {
            return;
        };
        // `x: int` declares a type and binds nothing.
        let Some(right) = node.child_by_field_name("right") else {
            return;
        };
        let Some(value) = chain_value(right) else {
            return;
        };
        let position = node.end_byte();
        self.record_target(left, position, value);
    }

    fn record_target(&mut self, target: Node<'t>, position: usize, value: Node<'t>) {
        let source = self.index.source;
        let scope = self.current_scope();
        match target.kind() {
            "identifier" => self.bind(
                scope,
                node_text(target, source),
                position,
                BindingKind::Value(value),
            ),
            "attribute" => self.record_instance_attribute(target, position, value),
            "subscript" => self.record_set_item(target, position, value),
            "pattern_list" | "tuple_pattern" | "list_pattern" => {
                for (index, element) in named_children(target).into_iter().enumerate() {
                    if element.kind() == "identifier" {
                        let kind = BindingKind::Element { value, index };
                        self.bind(scope, node_text(element, source), position, kind);
                    }
                }
            }
            _ => {}
        }
    }

    // `self.session = requests.Session()` in a method of a class.
    fn record_instance_attribute(&mut self, target: Node<'t>, position: usize, value: Node<'t>) {
        let source = self.index.source;
        let method = self.current_scope();
        let (Some(object), Some(attribute)) = (
            target.child_by_field_name("object"),
            target.child_by_field_name("attribute"),
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
        if object.kind() != "identifier" || node_text(object, source) != instance {
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
    fn record_set_item(&mut self, target: Node<'t>, position: usize, value: Node<'t>) {
        let (Some(dict), Some(key)) = (
            target.child_by_field_name("value"),
            target.child_by_field_name("subscript"),
        ) else {
            return;
        };
        self.record_mutation(dict, position, MutationKind::SetItem { key, value });
    }

    fn record_mutation(&mut self, dict: Node<'t>, position: usize, kind: MutationKind<'t>) {
        let dict = unparenthesize(dict);
        if dict.kind() != "identifier" {
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
    fn record_augmented_assignment(&mut self, node: Node<'t>) {
        let source = self.index.source;
        let (Some(left), Some(operator), Some(value)) = (
            node.child_by_field_name("left"),
            node.child_by_field_name("operator"),
            node.child_by_field_name("right"),
        ) else {
            return;
        };
        if left.kind() == "identifier" {
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
    fn record_named_expression(&mut self, node: Node<'t>) {
        let (Some(name), Some(value)) = (
            node.child_by_field_name("name"),
            node.child_by_field_name("value"),
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
    fn record_with_item(&mut self, node: Node<'t>) {
        let Some(value) = node.child_by_field_name("value") else {
            return;
        };
        if value.kind() != "as_pattern" {
            return;
        }
        let Some(expression) = value.named_child(0) else {
            return;
        };
        let Some(alias) = value
            .child_by_field_name("alias")
            .and_then(|alias| alias.named_child(0))
        else {
            return;
        };
        if alias.kind() == "identifier" {
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
    fn record_loop_targets(&mut self, node: Node<'t>) {
        let Some(left) = node.child_by_field_name("left") else {
            return;
        };
        let targets = match left.kind() {
            "identifier" => vec![left],
            _ => named_children(left),
        };
        for target in targets
            .into_iter()
            .filter(|target| target.kind() == "identifier")
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
    fn record_except_alias(&mut self, node: Node<'t>) {
        let alias = named_children(node)
            .into_iter()
            .find(|child| child.kind() == "as_pattern")
            .and_then(|pattern| pattern.child_by_field_name("alias"))
            .and_then(|alias| alias.named_child(0));
        if let Some(alias) = alias.filter(|alias| alias.kind() == "identifier") {
            let name = node_text(alias, self.index.source);
            self.bind(
                self.current_scope(),
                name,
                alias.end_byte(),
                BindingKind::Opaque(alias),
            );
        }
    }

    fn record_import(&mut self, node: Node<'t>) {
        let source = self.index.source;
        let scope = self.current_scope();
        let module = node
            .child_by_field_name("module_name")
            .map(|module| node_text(module, source));
        let mut cursor = node.walk();
        let names: Vec<Node<'t>> = node.children_by_field_name("name", &mut cursor).collect();
        for name in names {
            let (dotted, alias) = match name.kind() {
                "aliased_import" => (
                    name.child_by_field_name("name"),
                    name.child_by_field_name("alias"),
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
    fn record_delete(&mut self, node: Node<'t>) {
        let mut targets = Vec::new();
        for child in named_children(node) {
            match child.kind() {
                "expression_list" => targets.extend(named_children(child)),
                _ => targets.push(child),
            }
        }
        for target in targets
            .into_iter()
            .filter(|target| target.kind() == "subscript")
        {
            let (Some(dict), Some(key)) = (
                target.child_by_field_name("value"),
                target.child_by_field_name("subscript"),
            ) else {
                continue;
            };
            self.record_mutation(dict, node.end_byte(), MutationKind::Remove { key });
        }
    }

    fn record_call(&mut self, node: Node<'t>) {
        let scope = self.current_scope();
        self.index.calls.push(CallRecord { node, scope });
        let Some((Some(receiver), method)) = callee_parts(node, self.index.source) else {
            return;
        };
        let kind = match method {
            // `params.update({"ag_title": title})`
            "update" => MutationKind::Update(node),
            // `params.setdefault("action", "add")`
            "setdefault" => MutationKind::SetDefault(node),
            // `params.pop("ag_title", None)`
            "pop" => match first_argument(node) {
                Some(key) => MutationKind::Remove { key },
                None => return,
            },
            _ => return,
        };
        self.record_mutation(receiver, node.end_byte(), kind);
    }

    fn record_return(&mut self, node: Node<'t>) {
        if let Some(value) = named_children(node).into_iter().next() {
            let scope = self.current_scope();
            self.index.scopes[scope].returns.push(value);
        }
    }

    fn record_string(&mut self, node: Node<'t>, parent: Option<Node<'t>>) {
        // The pieces of `"a" "b"` are recorded once, as the whole literal.
        if parent.is_some_and(|parent| parent.kind() == "concatenated_string") {
            return;
        }
        let ancestors = self
            .stack
            .iter()
            .rev()
            .map(|visit| visit.node)
            .filter(|ancestor| ancestor.kind() != "parenthesized_expression")
            .take(STRING_ANCESTORS_KEPT)
            .collect();
        self.index.strings.push(StringRecord {
            node,
            scope: self.current_scope(),
            ancestors,
            in_output_call: self.output_call_depth > 0,
        });
    }
}

/// Follows `a = b = value` to `value`.
fn chain_value(right: Node) -> Option<Node> {
    let mut value = right;
    for _ in 0..ASSIGNMENT_CHAIN_MAX {
        if value.kind() != "assignment" {
            return Some(value);
        }
        value = value.child_by_field_name("right")?;
    }
    None
}

fn first_argument(call: Node) -> Option<Node> {
    let arguments = call.child_by_field_name("arguments")?;
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

/// Whether entering `node` starts code that runs only on some paths: an
/// `if`/`elif`/`else` branch, a loop body, a `try` body or handler, or a
/// `case` of a `match`.
fn is_conditional_branch(node: Node, parent: Option<Node>) -> bool {
    match node.kind() {
        "elif_clause" | "else_clause" | "except_clause" | "except_group_clause" | "case_clause" => {
            true
        }
        "block" => parent.is_some_and(|parent| {
            matches!(
                parent.kind(),
                "if_statement" | "for_statement" | "while_statement" | "try_statement"
            )
        }),
        _ => false,
    }
}

fn has_decorator(definition_parent: Option<Node>, name: &str, source: &str) -> bool {
    let Some(parent) = definition_parent.filter(|parent| parent.kind() == "decorated_definition")
    else {
        return false;
    };
    named_children(parent)
        .into_iter()
        .filter(|child| child.kind() == "decorator")
        .any(|decorator| node_text(decorator, source).trim_start_matches('@').trim() == name)
}

/// Whether a call only prints or logs its arguments: `print(...)`,
/// `logger.info(...)`, `logging.error(...)`, `sys.stderr.write(...)`.
pub(super) fn is_output_call(call: Node, source: &str) -> bool {
    let Some((receiver, name)) = callee_parts(call, source) else {
        return false;
    };
    let Some(receiver) = receiver else {
        return matches!(name, "print" | "pprint");
    };
    let receiver_text = node_text(receiver, source).to_ascii_lowercase();
    let last_segment = receiver_text.rsplit('.').next().unwrap_or("");
    match name {
        "debug" | "info" | "warning" | "warn" | "error" | "exception" | "critical" | "fatal"
        | "log" => last_segment.contains("log"),
        "write" => matches!(last_segment, "stdout" | "stderr"),
        "echo" | "secho" => last_segment == "click",
        "print" => last_segment.contains("console"),
        _ => false,
    }
}
