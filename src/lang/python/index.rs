//! One pass over the syntax tree that records scopes, name bindings, dict
//! writes, calls and string literals for the later stages.
//!
//! The walk uses a tree cursor and an explicit stack, never recursion, so a
//! file with tens of thousands of nested parentheses cannot overflow the
//! thread's stack.

use std::collections::HashMap;

use tree_sitter::{Node, Tree};

use super::child_lists::{ChildLists, ChildPosition, has_grandchildren};
use super::fields::FIELD;
use super::parameters::read_parameters;
use super::reaching::BranchStatements;
use super::roles::{Role, role};
use super::scopes::{BindingKind, MODULE_SCOPE, Scope, ScopeId, ScopeKind};
use super::syntax::{Callee, callee, kind, named_children, node_text};

/// Maximum number of enclosing nodes kept with a string literal. The nearest
/// few decide how the literal is used.
const STRING_ANCESTORS_KEPT: usize = 4;

/// A call expression and the scope it runs in.
#[derive(Clone, Copy, Debug)]
pub(super) struct CallRecord<'t> {
    pub node: Node<'t>,
    pub scope: ScopeId,
    /// The callee when it is a name or an attribute, as [`callee`] reads it.
    pub callee: Option<Callee<'t>>,
}

/// A string literal, with what is needed to decide how it is used.
#[derive(Clone, Debug)]
pub(super) struct StringRecord<'t> {
    pub node: Node<'t>,
    pub scope: ScopeId,
    /// The nearest enclosing nodes, innermost first, without parentheses.
    pub ancestors: Ancestors<'t>,
    /// True inside the arguments of `print(...)` or a logging call.
    pub in_output_call: bool,
}

/// The nearest enclosing nodes of a string literal, at most
/// [`STRING_ANCESTORS_KEPT`] of them, kept inline because the walk records
/// one list for every literal.
#[derive(Clone, Copy, Debug)]
pub(super) struct Ancestors<'t> {
    /// The first `len` entries are the ancestors. The rest repeat the
    /// literal itself, because a node array needs some node in every slot.
    nodes: [Node<'t>; STRING_ANCESTORS_KEPT],
    len: usize,
}

impl<'t> Ancestors<'t> {
    /// Keeps the first [`STRING_ANCESTORS_KEPT`] nodes of `ancestors`.
    fn new(literal: Node<'t>, ancestors: impl Iterator<Item = Node<'t>>) -> Self {
        let mut nearest = Ancestors {
            nodes: [literal; STRING_ANCESTORS_KEPT],
            len: 0,
        };
        for (slot, ancestor) in nearest.nodes.iter_mut().zip(ancestors) {
            *slot = ancestor;
            nearest.len += 1;
        }
        nearest
    }
}

impl<'t> std::ops::Deref for Ancestors<'t> {
    type Target = [Node<'t>];

    fn deref(&self) -> &[Node<'t>] {
        &self.nodes[..self.len]
    }
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
    pub branch_statements: BranchStatements,
}

impl<'t> FileIndex<'t> {
    pub(super) fn scope(&self, id: ScopeId) -> &Scope<'t> {
        &self.scopes[id]
    }
}

/// The state pushed when a node was entered, so that leaving it pops the same.
#[derive(Clone, Copy)]
struct Visit<'t> {
    node: Node<'t>,
    role: Role,
    pushed_scope: bool,
    pushed_branch: bool,
    pushed_output_call: bool,
    /// True for a call that only prints or logs its arguments.
    is_output_call: bool,
    /// The walk's position among the node's named children, while it
    /// visits them.
    children: Option<ChildPosition>,
}

pub(super) struct Walker<'t> {
    pub(super) index: FileIndex<'t>,
    /// The nodes entered and not yet left, outermost first.
    stack: Vec<Visit<'t>>,
    child_lists: ChildLists<'t>,
    /// Open scopes with the length of `branches` when each was entered.
    scope_stack: Vec<(ScopeId, usize)>,
    branches: Vec<usize>,
    output_call_depth: usize,
}

/// Walks the named nodes of the tree in source order. Anonymous tokens,
/// such as punctuation and keywords, record nothing and are not visited.
pub(super) fn build_index<'t>(tree: &'t Tree, source: &'t str) -> FileIndex<'t> {
    let root = tree.root_node();
    let mut walker = Walker::new(root, source);
    walker.visit(root);
    while let Some(node) = walker.next_node() {
        walker.visit(node);
    }
    walker.index
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
                branch_statements: BranchStatements::default(),
            },
            stack: Vec::new(),
            child_lists: ChildLists::new(),
            scope_stack: vec![(MODULE_SCOPE, 0)],
            branches: Vec::new(),
            output_call_depth: 0,
        }
    }

    /// Enters `node`, and leaves it at once unless its children are to be
    /// visited.
    fn visit(&mut self, node: Node<'t>) {
        // A leaf records nothing, because every kind with a role has
        // children. The exceptions are ERROR nodes, which are skipped, and an
        // empty `block`, whose branch would open and close with nothing in
        // it. So the walk does not descend into a node whose children are
        // all leaves.
        if self.enter(node)
            && has_grandchildren(node)
            && let Some(position) = self.child_lists.open(node)
            && let Some(visit) = self.stack.last_mut()
        {
            visit.children = Some(position);
            return;
        }
        self.leave();
    }

    /// Returns the next named child of the innermost open node, leaving
    /// each open node whose children have all been visited.
    fn next_node(&mut self) -> Option<Node<'t>> {
        loop {
            let visit = self.stack.last_mut()?;
            if let Some(position) = visit.children.as_mut()
                && let Some(child) = self.child_lists.next(visit.node, position)
            {
                return Some(child);
            }
            self.leave();
        }
    }

    /// Records what `node` contributes and returns whether to descend.
    fn enter(&mut self, node: Node<'t>) -> bool {
        let mut visit = Visit {
            node,
            role: Role::Other,
            pushed_scope: false,
            pushed_branch: false,
            pushed_output_call: false,
            is_output_call: false,
            children: None,
        };
        visit.role = role(node);
        // Tree-sitter wraps text it could not parse in ERROR nodes; nothing
        // inside one is trusted.
        if visit.role == Role::Error {
            self.stack.push(visit);
            return false;
        }
        if visit.role != Role::Other {
            let parent = self.stack.last().copied();
            self.enter_role(&mut visit, parent);
        }
        let descend = visit.role != Role::String || may_interpolate(node, self.index.source);
        self.stack.push(visit);
        descend
    }

    /// Opens the branch, scope or output call that `visit.node` starts and
    /// records what it binds, calls or contains. `parent` is the visit of
    /// the node that encloses it.
    fn enter_role(&mut self, visit: &mut Visit<'t>, parent: Option<Visit<'t>>) {
        let node = visit.node;
        let parent_node = parent.map(|parent| parent.node);
        match visit.role {
            Role::BranchClause => visit.pushed_branch = self.push_branch(node),
            Role::ExceptClause => {
                visit.pushed_branch = self.push_branch(node);
                self.record_except_alias(node);
            }
            Role::Block => {
                let in_branching_statement = parent.is_some_and(|parent| {
                    matches!(parent.role, Role::BranchingStatement | Role::ForStatement)
                });
                if in_branching_statement {
                    visit.pushed_branch = self.push_branch(node);
                }
            }
            Role::FunctionDefinition => {
                visit.pushed_scope = self.enter_scope(node, ScopeKind::Function, parent_node);
            }
            Role::ClassDefinition => {
                visit.pushed_scope = self.enter_scope(node, ScopeKind::Class, parent_node);
            }
            Role::Lambda => {
                visit.pushed_scope = self.enter_scope(node, ScopeKind::Lambda, parent_node);
            }
            // Python 2: `print "text"`
            Role::PrintStatement => visit.pushed_output_call = self.push_output_call(),
            Role::ArgumentList => {
                if parent.is_some_and(|parent| parent.is_output_call) {
                    visit.pushed_output_call = self.push_output_call();
                }
            }
            Role::Assignment => self.record_assignment(node),
            Role::AugmentedAssignment => self.record_augmented_assignment(node),
            Role::NamedExpression => self.record_named_expression(node),
            Role::WithItem => self.record_with_item(node),
            Role::ForStatement => self.record_loop_targets(node),
            Role::Import => self.record_import(node),
            Role::DeleteStatement => self.record_delete(node),
            Role::Call => {
                let callee = callee(node, self.index.source);
                visit.is_output_call =
                    callee.is_some_and(|callee| is_output_call(callee, self.index.source));
                self.record_call(node, callee);
            }
            Role::ReturnStatement => self.record_return(node),
            Role::String | Role::ConcatenatedString => {
                // The pieces of `"a" "b"` are recorded once, as the whole literal.
                let in_concatenation =
                    parent.is_some_and(|parent| parent.role == Role::ConcatenatedString);
                if !in_concatenation {
                    self.record_string(node);
                }
            }
            Role::BranchingStatement
            | Role::ParenthesizedExpression
            | Role::Error
            | Role::Other => {}
        }
    }

    fn leave(&mut self) {
        let Some(visit) = self.stack.pop() else {
            return;
        };
        if let Some(position) = visit.children {
            self.child_lists.close(position);
        }
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

    /// Starts a conditional branch at `node`: an `if`/`elif`/`else`
    /// branch, a loop body, a `try` body or handler, or a `case` of a
    /// `match`.
    fn push_branch(&mut self, node: Node<'t>) -> bool {
        self.branches.push(node.start_byte());
        self.index.branch_statements.record(node);
        true
    }

    fn push_output_call(&mut self) -> bool {
        self.output_call_depth += 1;
        true
    }

    // NOTE: comprehensions are not scopes here, so the loop variable of
    // `[x for x in ips]` is unbound and a use of `x` inside resolves to an
    // `x` of the enclosing scope, if there is one.
    fn enter_scope(&mut self, node: Node<'t>, kind: ScopeKind, parent: Option<Node<'t>>) -> bool {
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

    fn record_string(&mut self, node: Node<'t>) {
        let enclosing = self
            .stack
            .iter()
            .rev()
            .filter(|visit| visit.role != Role::ParenthesizedExpression)
            .map(|visit| visit.node);
        let ancestors = Ancestors::new(node, enclosing);
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

/// Returns true for the callee of a call that only prints or logs its
/// arguments: `print(...)`, `logger.info(...)`, `logging.error(...)`,
/// `sys.stderr.write(...)`.
fn is_output_call(callee: Callee, source: &str) -> bool {
    let Callee { receiver, name, .. } = callee;
    let Some(receiver) = receiver else {
        return matches!(name, "print" | "pprint");
    };
    // Only the method names below need the receiver's text, and most calls
    // have other names.
    let last_segment = || {
        let receiver_text = node_text(receiver, source);
        let segment = receiver_text.rsplit('.').next().unwrap_or("");
        segment.to_ascii_lowercase()
    };
    match name {
        "debug" | "info" | "warning" | "warn" | "error" | "exception" | "critical" | "fatal"
        | "log" => last_segment().contains("log"),
        "write" => matches!(last_segment().as_str(), "stdout" | "stderr"),
        "echo" | "secho" => last_segment() == "click",
        "print" => last_segment().contains("console"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::parse;
    use super::*;

    /// Returns the nodes from `node` up to the root, innermost first.
    fn path_to_root(node: Node) -> Vec<Node> {
        let mut path = Vec::new();
        let mut current = node.parent();
        while let Some(ancestor) = current {
            path.push(ancestor);
            current = ancestor.parent();
        }
        path
    }

    #[test]
    fn ancestors_keep_nearest_few() {
        let source = "def f():\n    g(h(['x']))\n";
        let tree = parse(source);
        let start = source.find("'x'").expect("the literal's text");
        let literal = tree
            .root_node()
            .descendant_for_byte_range(start, start + 3)
            .expect("the literal");
        assert_eq!(node_text(literal, source), "'x'");
        let path = path_to_root(literal);
        assert!(path.len() > STRING_ANCESTORS_KEPT, "{path:?}");
        let ancestors = Ancestors::new(literal, path.iter().copied());
        assert_eq!(&*ancestors, &path[..STRING_ANCESTORS_KEPT]);
    }

    #[test]
    fn ancestors_of_shallow_literal() {
        let source = "'x'\n";
        let tree = parse(source);
        let literal = tree
            .root_node()
            .descendant_for_byte_range(0, 3)
            .expect("the literal");
        let path = path_to_root(literal);
        assert_eq!(path.len(), 2, "a statement and the module: {path:?}");
        let ancestors = Ancestors::new(literal, path.iter().copied());
        assert_eq!(&*ancestors, path.as_slice());
        assert!(Ancestors::new(literal, std::iter::empty()).is_empty());
    }
}
