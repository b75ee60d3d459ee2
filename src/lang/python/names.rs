//! Name lookup: the last binding before the use in the same scope, then
//! the enclosing scopes; the parameters of a function evaluated for one
//! call; and `self.x` attributes set in the methods of the same class.

use tree_sitter::Node;

use super::alternatives::join_alternatives;
use super::fields::FIELD;
use super::parameters::Argument;
use super::reaching::{branches_at, reaching};
use super::resolve::{Ctx, Resolver};
use super::scopes::{
    Binding, BindingKind, MODULE_SCOPE, MutationKind, Parameter, ParameterKind, ScopeId, ScopeKind,
};
use super::syntax::{describe, kind, named_children, node_text, span_of};
use super::value::{DictVal, Object, Val};
use crate::model::{Presence, Span, Unresolved};

/// Where a name was found.
enum Found<'a, 't> {
    /// The assignments in one scope that can reach the use, latest first,
    /// and the function parameter whose value reaches it on the paths
    /// that assign nothing.
    Bindings {
        scope: ScopeId,
        bindings: Vec<&'a Binding<'t>>,
        parameter: Option<usize>,
    },
    Parameter(ScopeId, usize),
    /// More assignments reach the use than are joined.
    TooMany,
}

impl<'a, 't> Resolver<'a, 't> {
    // `URL`, `params`, `requests`
    pub(super) fn resolve_name(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        let name = node_text(node, self.source);
        self.resolve_name_text(name, ctx)
    }

    pub(super) fn resolve_name_text(&mut self, name: &'t str, ctx: Ctx) -> Val {
        match self.lookup(name, ctx) {
            Some(Found::Bindings {
                scope,
                bindings,
                parameter,
            }) if bindings.len() == 1 && parameter.is_none() => {
                self.resolve_binding(name, scope, bindings[0], ctx)
            }
            Some(Found::Bindings {
                scope,
                bindings,
                parameter,
            }) => {
                let key = (name, ctx, self.tracking);
                if let Some(value) = self.joined_names.get(&key) {
                    return value.clone();
                }
                let mut values = Vec::new();
                if let Some(index) = parameter {
                    values.push(self.resolve_parameter(scope, index, ctx));
                }
                for binding in bindings.into_iter().rev() {
                    values.push(self.resolve_binding(name, scope, binding, ctx));
                }
                let span = Span::new(ctx.position, ctx.position);
                let joined = join_alternatives(values, name, span);
                self.joined_names.insert(key, joined.clone());
                joined
            }
            Some(Found::Parameter(scope, index)) => self.resolve_parameter(scope, index, ctx),
            Some(Found::TooMany) => Val::Unknown(name.to_string()),
            // A name bound nowhere in the file: a builtin such as `dict`,
            // or a global from a star import.
            None => Val::Object(Object::Module(name.to_string())),
        }
    }

    /// Returns the expression that `name` was last assigned before `ctx`,
    /// for a plain `name = value` binding.
    pub(super) fn bound_value_node(&self, name: Node<'t>, ctx: Ctx) -> Option<Node<'t>> {
        match self.lookup(node_text(name, self.source), ctx)? {
            Found::Bindings { bindings, .. } => match bindings.first()?.kind {
                BindingKind::Value(value) => Some(value),
                _ => None,
            },
            Found::Parameter(..) | Found::TooMany => None,
        }
    }

    /// Finds the binding of `name` that a use in `ctx` sees. Within the
    /// use's own scope only bindings before the use count. From inside a
    /// function, an enclosing scope's last binding counts, because the
    /// function runs after the module has been executed. Class bodies are
    /// not visible from their methods, as in Python.
    fn lookup(&self, name: &str, ctx: Ctx) -> Option<Found<'a, 't>> {
        let index = self.index;
        let mut scope_id = ctx.scope;
        let mut position = Some(ctx.position);
        let mut from_function = false;
        loop {
            let scope = index.scope(scope_id);
            let visible = !(from_function && scope.kind == ScopeKind::Class);
            if visible {
                if let Some(found) = self.reaching_bindings(scope_id, name, position) {
                    return Some(found);
                }
                if scope.is_function() {
                    let parameter = scope
                        .parameters
                        .iter()
                        .position(|parameter| parameter.name == name);
                    if let Some(parameter) = parameter {
                        return Some(Found::Parameter(scope_id, parameter));
                    }
                }
            }
            if scope.is_function() {
                from_function = true;
                position = None;
            }
            scope_id = scope.parent?;
        }
    }

    /// Finds the assignments of `name` in `scope_id` that reach a use at
    /// `position`, or anywhere in the scope when `position` is `None`.
    fn reaching_bindings(
        &self,
        scope_id: ScopeId,
        name: &str,
        position: Option<usize>,
    ) -> Option<Found<'a, 't>> {
        let index = self.index;
        let scope = index.scope(scope_id);
        let latest = scope.binding_before(name, position)?;
        if latest.branches.is_empty() {
            return Some(Found::Bindings {
                scope: scope_id,
                bindings: vec![latest],
                parameter: None,
            });
        }
        let use_branches = match position {
            Some(position) => branches_at(index, scope_id, position),
            None => Vec::new(),
        };
        let all = scope.bindings.get(name)?;
        let found = reaching(&index.branch_statements, all, position, &use_branches);
        if found.truncated {
            return Some(Found::TooMany);
        }
        let parameter = match found.complete || !scope.is_function() {
            true => None,
            false => scope
                .parameters
                .iter()
                .position(|parameter| parameter.name == name),
        };
        Some(Found::Bindings {
            scope: scope_id,
            bindings: found.bindings,
            parameter,
        })
    }

    fn resolve_binding(
        &mut self,
        name: &'t str,
        scope: ScopeId,
        binding: &'a Binding<'t>,
        use_ctx: Ctx,
    ) -> Val {
        let frame = if scope == use_ctx.scope {
            use_ctx.frame
        } else {
            None
        };
        match binding.kind {
            BindingKind::Value(value) => {
                let ctx = Ctx {
                    scope,
                    position: value.start_byte(),
                    frame,
                };
                match self.resolve(value, ctx) {
                    Val::Dict(dict) => {
                        Val::Dict(self.apply_mutations(dict, name, scope, binding, use_ctx))
                    }
                    Val::Object(Object::HttpClient {
                        library,
                        base_url,
                        mut params,
                    }) => {
                        let writes = self.writes_between(name, scope, binding, use_ctx);
                        self.apply_client_params(&mut params, writes);
                        Val::Object(Object::HttpClient {
                            library,
                            base_url,
                            params,
                        })
                    }
                    other => other,
                }
            }
            BindingKind::Augmented { operator, value } => {
                let ctx = Ctx {
                    scope,
                    position: value.start_byte(),
                    frame,
                };
                self.resolve_augmented(name, operator, value, ctx)
            }
            BindingKind::Element { value, index } => {
                let ctx = Ctx {
                    scope,
                    position: value.start_byte(),
                    frame,
                };
                self.resolve_element(name, value, index, ctx)
            }
            BindingKind::Import(path) => Val::Object(Object::Module(path.to_string())),
            BindingKind::ImportFrom { module, name } => {
                Val::Object(Object::Module(format!("{module}.{name}")))
            }
            BindingKind::Function(function) => Val::Object(Object::Function(function)),
            BindingKind::Opaque(node) => Val::Unknown(describe(node, self.source)),
        }
    }

    // `url += "?action=list"`, `params |= {"ag_title": "All"}`
    fn resolve_augmented(
        &mut self,
        name: &'t str,
        operator: &str,
        value: Node<'t>,
        ctx: Ctx,
    ) -> Val {
        let previous = self.resolve_name_text(name, ctx);
        let addition = self.resolve(value, ctx);
        let span = span_of(value);
        match (operator, previous, addition) {
            ("|=", Val::Dict(mut dict), Val::Dict(other)) => {
                dict.merge(other, Presence::Always);
                Val::Dict(dict)
            }
            ("+=", previous, addition) => {
                let joined = self.join_values(
                    (previous, name, span),
                    (addition, &describe(value, self.source), span),
                );
                joined.unwrap_or_else(|| Val::Unknown(name.to_string()))
            }
            _ => Val::Unknown(name.to_string()),
        }
    }

    // `host, path = "qualysapi.qualys.com", "/api/2.0/fo/scan/"`
    fn resolve_element(&mut self, name: &str, value: Node<'t>, index: usize, ctx: Ctx) -> Val {
        if matches!(kind(value), "expression_list" | "tuple" | "list") {
            return match named_children(value).get(index) {
                Some(element) => self.resolve(*element, ctx),
                None => Val::Unknown(name.to_string()),
            };
        }
        match self.resolve(value, ctx) {
            Val::Seq(items) => items
                .get(index)
                .cloned()
                .unwrap_or_else(|| Val::Unknown(name.to_string())),
            _ => Val::Unknown(name.to_string()),
        }
    }

    /// Resolves a parameter: from the frame of the call being evaluated,
    /// else as an unknown value named after the parameter.
    fn resolve_parameter(&mut self, scope: ScopeId, index: usize, ctx: Ctx) -> Val {
        let parameter = &self.index.scope(scope).parameters[index];
        let frame = ctx.frame.filter(|&frame| {
            self.frames
                .get(frame)
                .is_some_and(|frame| frame.function == scope)
        });
        let Some(frame) = frame else {
            return self.unbound_parameter(scope, parameter);
        };
        let caller = self.frames[frame].caller;
        let argument = self.frames[frame].arguments.get(parameter.name).cloned();
        match argument {
            Some(Argument::Expression(node)) => self.resolve(node, caller),
            Some(Argument::Default(node)) => {
                let definition = self.index.scope(scope);
                let ctx = Ctx {
                    scope: definition.parent.unwrap_or(MODULE_SCOPE),
                    position: definition.node.start_byte(),
                    frame: None,
                };
                self.resolve(node, ctx)
            }
            Some(Argument::ExtraPositional(nodes)) => Val::Seq(
                nodes
                    .into_iter()
                    .map(|node| self.resolve(node, caller))
                    .collect(),
            ),
            Some(Argument::ExtraKeywords(keywords, splat)) => {
                Val::Dict(self.keyword_dict(&keywords, splat, caller))
            }
            Some(Argument::FromSplat(node)) => self.unknown(node),
            Some(Argument::Missing) | None => Val::Unknown(parameter.name.to_string()),
        }
    }

    fn unbound_parameter(&mut self, scope: ScopeId, parameter: &Parameter<'t>) -> Val {
        let is_instance = self.index.scope(scope).instance_parameter() == Some(parameter.name);
        if self.tracking && !is_instance {
            self.unbound_reads.insert(scope);
        }
        let description = match parameter.kind {
            ParameterKind::Star => format!("*{}", parameter.name),
            ParameterKind::DoubleStar => format!("**{}", parameter.name),
            _ => parameter.name.to_string(),
        };
        Val::Unknown(description)
    }

    /// Builds the dict a `**kwargs` parameter receives.
    fn keyword_dict(
        &mut self,
        keywords: &[(&'t str, Node<'t>, Node<'t>)],
        splat: Option<Node<'t>>,
        caller: Ctx,
    ) -> DictVal {
        let mut dict = DictVal::default();
        for (name, value, argument) in keywords {
            let value = self.resolve(*value, caller);
            dict.set(
                name.to_string(),
                value,
                Presence::Always,
                span_of(*argument),
            );
        }
        if let Some(splat) = splat {
            dict.unresolved.push(Unresolved {
                description: describe(splat, self.source),
                span: span_of(splat),
            });
        }
        dict
    }

    // `self.session`, `requests.Session`, `urllib.parse.urlencode`
    pub(super) fn resolve_attribute(&mut self, node: Node<'t>, ctx: Ctx) -> Val {
        let (Some(object), Some(attribute)) = (
            node.child_by_field_id(FIELD.object),
            node.child_by_field_id(FIELD.attribute),
        ) else {
            return self.unknown(node);
        };
        let attribute = node_text(attribute, self.source);
        if let Some(value) = self.instance_attribute(object, attribute, ctx) {
            return value;
        }
        match self.resolve(object, ctx) {
            Val::Object(Object::Module(path)) => {
                Val::Object(Object::Module(format!("{path}.{attribute}")))
            }
            _ => self.unknown(node),
        }
    }

    /// Resolves `self.name` inside a method from what the class's methods
    /// assign to it: the same method before the use, then `__init__`, then
    /// any method, then a class attribute.
    ///
    /// NOTE: the arguments of `Client(...)` are not bound to `__init__`'s
    /// parameters, so `self.base = base` stays unknown even when every
    /// construction in the file passes a literal.
    fn instance_attribute(
        &mut self,
        object: Node<'t>,
        attribute: &'t str,
        ctx: Ctx,
    ) -> Option<Val> {
        let index = self.index;
        let method = index.scope(ctx.scope);
        let instance = method.instance_parameter()?;
        if kind(object) != "identifier" || node_text(object, self.source) != instance {
            return None;
        }
        let class = method.class?;
        let class_scope = index.scope(class);
        let assigned = class_scope
            .attributes
            .get(attribute)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let binding = assigned
            .iter()
            .rev()
            .find(|binding| binding.scope == ctx.scope && binding.position <= ctx.position)
            .or_else(|| {
                assigned
                    .iter()
                    .rev()
                    .find(|binding| index.scope(binding.scope).name == "__init__")
            })
            .or_else(|| assigned.last());
        let Some(binding) = binding else {
            // `URL = "..."` in the class body, read as `self.URL`.
            let class_binding = class_scope.binding_before(attribute, None)?;
            return Some(self.resolve_binding(attribute, class, class_binding, ctx));
        };
        // Attribute bindings are always `self.name = value`.
        let BindingKind::Value(value) = binding.kind else {
            return Some(Val::Unknown(format!("self.{attribute}")));
        };
        let value_ctx = Ctx {
            scope: binding.scope,
            position: value.start_byte(),
            frame: if binding.scope == ctx.scope {
                ctx.frame
            } else {
                None
            },
        };
        match self.resolve(value, value_ctx) {
            Val::Object(Object::HttpClient {
                library,
                base_url,
                mut params,
            }) => {
                let writes = self.attribute_params_writes(class, attribute, ctx);
                self.apply_client_params(&mut params, writes);
                Some(Val::Object(Object::HttpClient {
                    library,
                    base_url,
                    params,
                }))
            }
            other => Some(other),
        }
    }

    /// Lists the writes to `self.attribute.params` that can precede a use
    /// in `ctx`. Those in `__init__` and those before the use in its own
    /// method are always made, and those in other methods only maybe.
    fn attribute_params_writes(
        &self,
        class: ScopeId,
        attribute: &str,
        ctx: Ctx,
    ) -> Vec<(MutationKind<'t>, Presence, Ctx)> {
        let index = self.index;
        let mut writes = Vec::new();
        let recorded = index.scope(class).attribute_mutations.get(attribute);
        for (method, mutation) in recorded.into_iter().flatten() {
            let same_method = *method == ctx.scope;
            if same_method && mutation.position > ctx.position {
                continue;
            }
            let always_made = same_method || index.scope(*method).name == "__init__";
            let presence = if always_made && mutation.branches.is_empty() {
                Presence::Always
            } else {
                Presence::Maybe
            };
            let write_ctx = Ctx {
                scope: *method,
                position: mutation.position,
                frame: if same_method { ctx.frame } else { None },
            };
            writes.push((mutation.kind, presence, write_ctx));
        }
        writes
    }
}
