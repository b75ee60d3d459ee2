//! One pass over the syntax tree that records scopes, name bindings, dict
//! writes, calls and string literals for the later stages.
//!
//! The walk uses a tree cursor and an explicit stack, never recursion, so a
//! file with tens of thousands of nested parentheses cannot overflow the
//! thread's stack.

use std::collections::HashMap;

use tree_sitter::{Node, Tree};

use super::fields::FIELD;
use super::parameters::read_parameters;
use super::scopes::{BindingKind, MODULE_SCOPE, Scope, ScopeId, ScopeKind};
use super::syntax::{callee_parts, kind, named_children, node_text};

/// The kind id of ERROR nodes, as `Node::is_error` tests it.
const ERROR_KIND_ID: u16 = u16::MAX;

/// Maximum number of enclosing nodes kept with a string literal. The nearest
/// few decide how the literal is used.
const STRING_ANCESTORS_KEPT: usize = 4;

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

/// The state pushed when a node was entered, so that leaving it pops the same.
struct Visit<'t> {
    node: Node<'t>,
    pushed_scope: bool,
    pushed_branch: bool,
    pushed_output_call: bool,
}

pub(super) struct Walker<'t> {
    pub(super) index: FileIndex<'t>,
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
        if node.kind_id() == ERROR_KIND_ID {
            self.stack.push(visit);
            return false;
        }
        let parent = self.stack.last().map(|visit| visit.node);
        let node_kind = kind(node);
        if is_conditional_branch(node_kind, parent) {
            self.branches.push(node.start_byte());
            visit.pushed_branch = true;
        }
        visit.pushed_scope = self.enter_scope(node, node_kind, parent);
        visit.pushed_output_call = self.enter_output_call(node_kind, parent);
        self.record(node, node_kind, parent);
        self.stack.push(visit);
        node_kind != "string" || may_interpolate(node, self.index.source)
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

    pub(super) fn current_scope(&self) -> ScopeId {
        self.scope_stack
            .last()
            .map_or(MODULE_SCOPE, |(scope, _)| *scope)
    }

    pub(super) fn current_branches(&self) -> Vec<usize> {
        let base = self.scope_stack.last().map_or(0, |(_, base)| *base);
        self.branches[base.min(self.branches.len())..].to_vec()
    }

    // NOTE: comprehensions are not scopes here, so the loop variable of
    // `[x for x in ips]` is unbound and a use of `x` inside resolves to an
    // `x` of the enclosing scope, if there is one.
    fn enter_scope(&mut self, node: Node<'t>, node_kind: &str, parent: Option<Node<'t>>) -> bool {
        let kind = match node_kind {
            "function_definition" => ScopeKind::Function,
            "class_definition" => ScopeKind::Class,
            "lambda" => ScopeKind::Lambda,
            _ => return false,
        };
        let source = self.index.source;
        let enclosing = self.current_scope();

        let name = node
            .child_by_field_id(FIELD.name)
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

    fn enter_output_call(&mut self, node_kind: &str, parent: Option<Node<'t>>) -> bool {
        let is_output = match node_kind {
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

    fn record(&mut self, node: Node<'t>, node_kind: &str, parent: Option<Node<'t>>) {
        match node_kind {
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

    fn record_string(&mut self, node: Node<'t>, parent: Option<Node<'t>>) {
        // The pieces of `"a" "b"` are recorded once, as the whole literal.
        if parent.is_some_and(|parent| kind(parent) == "concatenated_string") {
            return;
        }
        let ancestors = self
            .stack
            .iter()
            .rev()
            .map(|visit| visit.node)
            .filter(|ancestor| kind(*ancestor) != "parenthesized_expression")
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

/// True unless `string` is a literal without a prefix that allows
/// replacement fields (`f"..."`, or `t"..."` since Python 3.14). Only a
/// replacement field puts code inside a string, so the walk need not visit
/// the pieces of any other.
fn may_interpolate(string: Node, source: &str) -> bool {
    let text = source.get(string.start_byte()..).unwrap_or("");
    let prefix = text.split(['"', '\'']).next().unwrap_or("");
    prefix.contains(['f', 'F', 't', 'T'])
}

/// Returns true when entering `node` starts code that runs only on some paths: an
/// `if`/`elif`/`else` branch, a loop body, a `try` body or handler, or a
/// `case` of a `match`.
fn is_conditional_branch(node_kind: &str, parent: Option<Node>) -> bool {
    match node_kind {
        "elif_clause" | "else_clause" | "except_clause" | "except_group_clause" | "case_clause" => {
            true
        }
        "block" => parent.is_some_and(|parent| {
            matches!(
                kind(parent),
                "if_statement" | "for_statement" | "while_statement" | "try_statement"
            )
        }),
        _ => false,
    }
}

fn has_decorator(definition_parent: Option<Node>, name: &str, source: &str) -> bool {
    let Some(parent) = definition_parent.filter(|parent| kind(*parent) == "decorated_definition")
    else {
        return false;
    };
    named_children(parent)
        .into_iter()
        .filter(|child| kind(*child) == "decorator")
        .any(|decorator| node_text(decorator, source).trim_start_matches('@').trim() == name)
}

/// Returns true for a call that only prints or logs its arguments: `print(...)`,
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
