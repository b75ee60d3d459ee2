//! Scopes and the names bound in them: what the resolver looks up when it
//! meets a name, a `self.x` attribute or a write into a dict.

use std::collections::HashMap;

use tree_sitter::Node;

pub(super) type ScopeId = usize;

/// The module scope is always the first.
pub(super) const MODULE_SCOPE: ScopeId = 0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ScopeKind {
    Module,
    Function,
    Class,
    Lambda,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ParameterKind {
    /// `def f(a)` or `def f(a=1)`: filled by position or keyword.
    Positional,
    /// `def f(*, a)`: filled by keyword only.
    KeywordOnly,
    /// `def f(*args)`
    Star,
    /// `def f(**kwargs)`
    DoubleStar,
}

#[derive(Clone, Debug)]
pub(super) struct Parameter<'t> {
    pub name: &'t str,
    pub kind: ParameterKind,
    pub default: Option<Node<'t>>,
}

/// How a name gets its value.
#[derive(Clone, Copy, Debug)]
pub(super) enum BindingKind<'t> {
    /// `x = value`, `with value as x`, `(x := value)`
    Value(Node<'t>),
    /// `x += value`
    Augmented { operator: &'t str, value: Node<'t> },
    /// `a, b = value`: element `index` of `value`.
    Element { value: Node<'t>, index: usize },
    /// `import requests as r` binds `r` to `requests`.
    Import(&'t str),
    /// `from urllib.parse import urlencode` binds `urlencode` to the dotted
    /// path of the imported name.
    ImportFrom { module: &'t str, name: &'t str },
    /// `def name(...)` in this scope.
    Function(ScopeId),
    /// A value this front end does not follow: a loop variable, an `except`
    /// alias, a class. The node is described in messages.
    Opaque(Node<'t>),
}

#[derive(Clone, Debug)]
pub(super) struct Binding<'t> {
    /// Where the binding takes effect: the end of the statement, so that
    /// `x = x + "a"` reads the earlier `x` on its right side.
    pub position: usize,
    pub kind: BindingKind<'t>,
    /// The scope whose code made the binding. For a `self.x = ...` binding
    /// kept on a class, this is the method.
    pub scope: ScopeId,
    /// The conditional branches enclosing the binding within its scope, as
    /// for [`Mutation::branches`].
    pub branches: Vec<usize>,
}

/// A write into a dict held in a name, after the dict was built.
#[derive(Clone, Copy, Debug)]
pub(super) enum MutationKind<'t> {
    /// `d[key] = value`
    SetItem { key: Node<'t>, value: Node<'t> },
    /// `d.update({...})`, `d.update(k=v)`: the call node.
    Update(Node<'t>),
    /// `d.setdefault(key, value)`: the call node.
    SetDefault(Node<'t>),
    /// `del d[key]`, `d.pop(key)`
    Remove { key: Node<'t> },
    /// `change(d)`, `d.clear()`: a call that may change the dict in ways
    /// not followed here. The node is the call.
    Passed(Node<'t>),
    /// A write to the `params` of a client object held in the name:
    /// `session.params = {...}`, `session.params[key] = value`,
    /// `session.params.update(...)`.
    ClientParams(ParamsWrite<'t>),
}

/// A write to a client's `params`, which requests merges into the query
/// of every request the session sends.
#[derive(Clone, Copy, Debug)]
pub(super) enum ParamsWrite<'t> {
    /// `session.params = value`
    Assign(Node<'t>),
    /// `session.params[key] = value`
    SetItem { key: Node<'t>, value: Node<'t> },
    /// `session.params.update(...)`: the call node.
    Update(Node<'t>),
    /// Any other call of a method of `session.params`.
    Other(Node<'t>),
}

#[derive(Clone, Debug)]
pub(super) struct Mutation<'t> {
    pub position: usize,
    /// The conditional branches (if, elif, else, loop and try bodies) that
    /// enclose the write within its scope, outermost first. A write is
    /// conditional relative to a dict when it sits in a branch that does
    /// not also enclose the dict's own binding.
    pub branches: Vec<usize>,
    pub kind: MutationKind<'t>,
}

#[derive(Debug)]
pub(super) struct Scope<'t> {
    pub kind: ScopeKind,
    pub node: Node<'t>,
    pub parent: Option<ScopeId>,
    pub name: &'t str,
    /// For a function defined directly in a class body: that class.
    pub class: Option<ScopeId>,
    pub parameters: Vec<Parameter<'t>>,
    /// True for a `@staticmethod`, whose first parameter is not the instance.
    pub is_static: bool,
    pub bindings: HashMap<&'t str, Vec<Binding<'t>>>,
    pub mutations: HashMap<&'t str, Vec<Mutation<'t>>>,
    /// For a class: `self.name = value` bindings made in its methods.
    pub attributes: HashMap<&'t str, Vec<Binding<'t>>>,
    /// For a class: writes to `self.name.params` made in its methods, with
    /// the method that makes each.
    pub attribute_mutations: HashMap<&'t str, Vec<(ScopeId, Mutation<'t>)>>,
    /// For a function: the values of its `return` statements.
    pub returns: Vec<Node<'t>>,
}

impl<'t> Scope<'t> {
    pub(super) fn new(
        kind: ScopeKind,
        node: Node<'t>,
        parent: Option<ScopeId>,
        name: &'t str,
    ) -> Self {
        Scope {
            kind,
            node,
            parent,
            name,
            class: None,
            parameters: Vec::new(),
            is_static: false,
            bindings: HashMap::new(),
            mutations: HashMap::new(),
            attributes: HashMap::new(),
            attribute_mutations: HashMap::new(),
            returns: Vec::new(),
        }
    }

    /// The name of the instance parameter (`self`) of a method.
    pub(super) fn instance_parameter(&self) -> Option<&'t str> {
        if self.class.is_none() || self.is_static {
            return None;
        }
        self.parameters
            .first()
            .filter(|parameter| parameter.kind == ParameterKind::Positional)
            .map(|parameter| parameter.name)
    }

    pub(super) fn is_function(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda)
    }

    /// The last binding of `name` that takes effect at or before `position`,
    /// or the last binding at all when `position` is `None`.
    pub(super) fn binding_before(
        &self,
        name: &str,
        position: Option<usize>,
    ) -> Option<&Binding<'t>> {
        let bindings = self.bindings.get(name)?;
        match position {
            Some(position) => bindings
                .iter()
                .rev()
                .find(|binding| binding.position <= position),
            None => bindings.last(),
        }
    }
}

/// Whether a write in `write_branches` happens on every path that reaches
/// it from a binding in `binding_branches`.
pub(super) fn is_conditional_relative_to(
    write_branches: &[usize],
    binding_branches: &[usize],
) -> bool {
    write_branches
        .iter()
        .any(|branch| !binding_branches.contains(branch))
}
