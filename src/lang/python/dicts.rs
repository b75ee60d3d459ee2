//! Dicts as the script builds them: literals, `dict(...)`, lists of pairs,
//! `{**other}`, and the writes made to a dict after it was bound to a name
//! (`d[k] = v`, `d.update(...)`, `d.setdefault(...)`, `del d[k]`).

use tree_sitter::Node;

use super::fields::FIELD;
use super::resolve::{Ctx, Resolver};
use super::scopes::{Binding, MutationKind, ScopeId, is_conditional_relative_to};
use super::syntax::{Arg, call_args, describe, kind, named_children, span_of};
use super::value::{DictVal, Val, pair_of};
use crate::model::{Presence, Span, Unresolved};

/// Unresolved pieces after which a dict passed to more calls records no
/// more of them. Rules name at most four pieces in a message.
const MAX_PASSED_PIECES: usize = 4;

impl<'a, 't> Resolver<'a, 't> {
    // `{"action": "add", "ips": ips, **extra}`
    pub(super) fn dict_literal(&mut self, node: Node<'t>, ctx: Ctx) -> DictVal {
        let mut dict = DictVal::default();
        for child in named_children(node) {
            match kind(child) {
                "pair" => {
                    let (Some(key), Some(value)) = (
                        child.child_by_field_id(FIELD.key),
                        child.child_by_field_id(FIELD.value),
                    ) else {
                        continue;
                    };
                    self.set_item(&mut dict, key, value, Presence::Always, span_of(child), ctx);
                }
                "dictionary_splat" => {
                    let Some(inner) = child.named_child(0) else {
                        continue;
                    };
                    // An unknown `**other` is named as written, with its stars.
                    let other = match self.resolve(inner, ctx) {
                        Val::Unknown(_) => Val::Unknown(describe(child, self.source)),
                        known => known,
                    };
                    let description = describe(child, self.source);
                    dict.merge(
                        dict_from_value(other, &description, span_of(child)),
                        Presence::Always,
                    );
                }
                _ => {}
            }
        }
        dict
    }

    // `dict(action="add", ips=ips)`, `dict(base, ag_title="All")`
    pub(super) fn dict_call(&mut self, args: &[Arg<'t>], ctx: Ctx) -> DictVal {
        let mut dict = DictVal::default();
        self.update_dict(&mut dict, args, Presence::Always, ctx);
        dict
    }

    /// Applies `update(...)`-style arguments: a dict or pairs, keywords and
    /// `**kw` splats.
    pub(super) fn update_dict(
        &mut self,
        dict: &mut DictVal,
        args: &[Arg<'t>],
        presence: Presence,
        ctx: Ctx,
    ) {
        for arg in args {
            match *arg {
                Arg::Positional(node) => {
                    let other = self.resolve(node, ctx);
                    let description = describe(node, self.source);
                    dict.merge(
                        dict_from_value(other, &description, span_of(node)),
                        presence,
                    );
                }
                Arg::Keyword { name, value, node } => {
                    let value = self.resolve(value, ctx);
                    dict.set(name.to_string(), value, presence, span_of(node));
                }
                Arg::Star(node) | Arg::DoubleStar(node) => dict.unresolved.push(Unresolved {
                    description: describe(node, self.source),
                    span: span_of(node),
                }),
            }
        }
    }

    pub(super) fn set_item(
        &mut self,
        dict: &mut DictVal,
        key: Node<'t>,
        value: Node<'t>,
        presence: Presence,
        span: Span,
        ctx: Ctx,
    ) {
        match self.resolve(key, ctx).as_literal() {
            Some(key) => {
                let value = self.resolve(value, ctx);
                dict.set(key, value, presence, span);
            }
            // `{field: value}` with a key from a variable could be any key.
            None => dict.unresolved.push(Unresolved {
                description: describe(key, self.source),
                span: span_of(key),
            }),
        }
    }

    // `{"action": "list"} | extra`
    pub(super) fn merge_dicts(
        &mut self,
        node: Node<'t>,
        left: Node<'t>,
        right: Node<'t>,
        ctx: Ctx,
    ) -> Val {
        let (Val::Dict(mut first), second) = (self.resolve(left, ctx), self.resolve(right, ctx))
        else {
            return self.unknown(node);
        };
        first.merge(
            dict_from_value(second, &describe(right, self.source), span_of(right)),
            Presence::Always,
        );
        Val::Dict(first)
    }

    /// Applies the writes made to the dict bound to `name` between its
    /// binding and the use: in the binding's scope after the binding, and
    /// in the use's own scope before the use. A write inside a branch that
    /// does not also hold the binding makes its key maybe present.
    pub(super) fn apply_mutations(
        &mut self,
        mut dict: DictVal,
        name: &str,
        scope: ScopeId,
        binding: &Binding<'t>,
        use_ctx: Ctx,
    ) -> DictVal {
        for (kind, presence, ctx) in self.writes_between(name, scope, binding, use_ctx) {
            self.apply_mutation(&mut dict, kind, presence, ctx);
        }
        dict
    }

    /// Lists the writes to the value bound to `name` between its binding
    /// and the use, each with its presence and the context it runs in.
    pub(super) fn writes_between(
        &self,
        name: &str,
        scope: ScopeId,
        binding: &Binding<'t>,
        use_ctx: Ctx,
    ) -> Vec<(MutationKind<'t>, Presence, Ctx)> {
        let index = self.index;
        let mut writes = Vec::new();
        for mutation in index.scope(scope).mutations.get(name).into_iter().flatten() {
            let before_use = use_ctx.scope != scope || mutation.position <= use_ctx.position;
            if mutation.position > binding.position && before_use {
                let conditional = is_conditional_relative_to(&mutation.branches, &binding.branches);
                writes.push((mutation, scope, conditional));
            }
        }
        if use_ctx.scope != scope {
            for mutation in index
                .scope(use_ctx.scope)
                .mutations
                .get(name)
                .into_iter()
                .flatten()
            {
                if mutation.position <= use_ctx.position {
                    writes.push((mutation, use_ctx.scope, !mutation.branches.is_empty()));
                }
            }
        }
        let mut found = Vec::new();
        for (mutation, write_scope, conditional) in writes {
            let presence = if conditional {
                Presence::Maybe
            } else {
                Presence::Always
            };
            let ctx = Ctx {
                scope: write_scope,
                position: mutation.position,
                frame: if write_scope == use_ctx.scope {
                    use_ctx.frame
                } else {
                    None
                },
            };
            found.push((mutation.kind, presence, ctx));
        }
        found
    }

    fn apply_mutation(
        &mut self,
        dict: &mut DictVal,
        kind: MutationKind<'t>,
        presence: Presence,
        ctx: Ctx,
    ) {
        match kind {
            // `params["ag_title"] = title`
            MutationKind::SetItem { key, value } => {
                let span = span_of(key).cover(span_of(value));
                self.set_item(dict, key, value, presence, span, ctx);
            }
            // `params.update({"network_id": net})` or `params.update(network_id=net)`
            MutationKind::Update(call) => {
                let args = call_args(call, self.source);
                self.update_dict(dict, &args, presence, ctx);
            }
            // `params.setdefault("action", "add")`
            MutationKind::SetDefault(call) => self.apply_setdefault(dict, call, presence, ctx),
            // `del params["ag_title"]`, `params.pop("ag_title", None)`
            MutationKind::Remove { key } => {
                if let Some(key) = self.resolve(key, ctx).as_literal() {
                    dict.remove(&key, presence);
                }
            }
            // `add_network(params)`. A message names a few pieces only, so
            // once that many are known a further call adds nothing.
            MutationKind::Passed(call) => {
                if dict.unresolved.len() < MAX_PASSED_PIECES && self.may_change_arguments(call, ctx)
                {
                    dict.unresolved.push(self.unresolved_piece(call));
                }
            }
            MutationKind::ClientParams(_) => {}
        }
    }

    fn apply_setdefault(
        &mut self,
        dict: &mut DictVal,
        call: Node<'t>,
        presence: Presence,
        ctx: Ctx,
    ) {
        let args = call_args(call, self.source);
        let mut positional = args.iter().filter_map(|arg| match arg {
            Arg::Positional(node) => Some(*node),
            _ => None,
        });
        let Some(key) = positional.next() else {
            return;
        };
        let Some(key_text) = self.resolve(key, ctx).as_literal() else {
            dict.unresolved.push(Unresolved {
                description: describe(key, self.source),
                span: span_of(key),
            });
            return;
        };
        if dict.get(&key_text).is_some() {
            return;
        }
        let value = match positional.next() {
            Some(value) => self.resolve(value, ctx),
            None => Val::NoneValue,
        };
        dict.set(key_text, value, presence, span_of(call));
    }
}

/// Reads a value as a dict: a dict itself, a list of pairs, or an unknown
/// value that could hold any keys.
pub(super) fn dict_from_value(value: Val, description: &str, span: Span) -> DictVal {
    match value {
        Val::Dict(dict) | Val::Form(dict) => dict,
        Val::Seq(items) => {
            let mut dict = DictVal::default();
            for item in &items {
                match pair_of(item) {
                    Some((key, value)) => dict.set(key, value, Presence::Always, span),
                    None => dict.unresolved.push(Unresolved {
                        description: description.to_string(),
                        span,
                    }),
                }
            }
            dict
        }
        Val::NoneValue => DictVal::default(),
        Val::Unknown(source) => DictVal {
            entries: Vec::new(),
            unresolved: vec![Unresolved {
                description: source,
                span,
            }],
        },
        _ => DictVal {
            entries: Vec::new(),
            unresolved: vec![Unresolved {
                description: description.to_string(),
                span,
            }],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        dynamic, has_param, literal, names, only_call_site, presence, unresolved,
    };
    use crate::model::Presence;

    const HEADER: &str =
        "import requests\nURL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'\n";

    fn extract_one(body: &str) -> crate::model::CallSite {
        only_call_site(&format!("{HEADER}{body}"))
    }

    #[test]
    fn dict_call_and_pairs() {
        let call_site = extract_one("requests.post(URL, data=dict(action='add', ips='1.1.1.1'))\n");
        assert_eq!(names(&call_site), ["action", "ips"]);
        let call_site =
            extract_one("requests.post(URL, data=[('action', 'add'), ('ips', '1.1.1.1')])\n");
        assert_eq!(names(&call_site), ["action", "ips"]);
        let call_site = extract_one("requests.post(URL, data=(('action', 'add'),))\n");
        assert_eq!(literal(&call_site, "action"), "add");
    }

    #[test]
    fn later_writes_into_a_dict() {
        let call_site = extract_one(
            "params = {'action': 'add'}\n\
             params['ips'] = '1.1.1.1'\n\
             params.update({'enable_vm': 1})\n\
             params.update(ag_title='All')\n\
             params.setdefault('action', 'list')\n\
             params.setdefault('network_id', 5)\n\
             requests.post(URL, data=params)\n\
             params['late'] = 'not sent'\n",
        );
        assert_eq!(
            names(&call_site),
            ["action", "ips", "enable_vm", "ag_title", "network_id"]
        );
        assert_eq!(literal(&call_site, "action"), "add");
        assert_eq!(presence(&call_site, "ag_title"), Presence::Always);
    }

    #[test]
    fn keys_set_under_a_condition_are_maybe_present() {
        let branches = [
            "if title:\n    params['ag_title'] = title\n",
            "if x:\n    pass\nelif title:\n    params['ag_title'] = title\n",
            "if x:\n    pass\nelse:\n    params['ag_title'] = title\n",
            "for t in titles:\n    params['ag_title'] = t\n",
            "while more():\n    params['ag_title'] = title\n",
            "try:\n    params['ag_title'] = lookup()\nexcept KeyError:\n    pass\n",
            "try:\n    pass\nexcept KeyError:\n    params.update(ag_title='All')\n",
        ];
        for branch in branches {
            let source = format!(
                "def add(title, titles, x):\n    params = {{'action': 'add'}}\n{}    requests.post(URL, data=params)\n",
                indent(branch)
            );
            let call_site = extract_one(&source);
            assert_eq!(
                presence(&call_site, "ag_title"),
                Presence::Maybe,
                "branch:\n{branch}"
            );
            assert_eq!(
                presence(&call_site, "action"),
                Presence::Always,
                "branch:\n{branch}"
            );
        }
    }

    #[test]
    fn write_in_dict_branch_always_present() {
        let call_site = extract_one(
            "if __name__ == '__main__':\n\
             \x20   params = {'action': 'add'}\n\
             \x20   params['ag_title'] = 'All'\n\
             \x20   requests.post(URL, data=params)\n",
        );
        assert_eq!(presence(&call_site, "ag_title"), Presence::Always);
    }

    #[test]
    fn removed_keys() {
        let call_site = extract_one(
            "params = {'action': 'add', 'ag_title': 'All', 'network_id': 1, 'x': 1}\n\
             del params['ag_title']\n\
             params.pop('network_id', None)\n\
             if cond:\n    del params['x']\n\
             requests.post(URL, data=params)\n",
        );
        assert!(!has_param(&call_site, "ag_title"), "{:?}", call_site.params);
        assert!(
            !has_param(&call_site, "network_id"),
            "{:?}",
            call_site.params
        );
        assert_eq!(presence(&call_site, "x"), Presence::Maybe);
    }

    #[test]
    fn splat_of_known_and_unknown_dicts() {
        let call_site = extract_one(
            "BASE = {'action': 'add'}\nrequests.post(URL, data={**BASE, 'ips': '1.1.1.1'})\n",
        );
        assert_eq!(names(&call_site), ["action", "ips"]);
        assert!(call_site.is_complete(), "{:?}", call_site.unresolved);
        let call_site =
            extract_one("def f(extra):\n    requests.post(URL, data={**extra, 'action': 'add'})\n");
        assert_eq!(unresolved(&call_site), ["**extra"]);
        assert_eq!(literal(&call_site, "action"), "add");
    }

    #[test]
    fn key_from_a_variable_is_unresolved() {
        let call_site = extract_one(
            "def f(field):\n    requests.post(URL, data={field: '1', 'action': 'add'})\n",
        );
        assert_eq!(unresolved(&call_site), ["field"]);
    }

    #[test]
    fn unknown_value_is_a_present_key() {
        let call_site = extract_one(
            "def f(net):\n    requests.post(URL, data={'action': 'update', 'network_id': net})\n",
        );
        assert_eq!(dynamic(&call_site, "network_id"), "net");
        assert_eq!(presence(&call_site, "network_id"), Presence::Always);
    }

    #[test]
    fn none_values_are_not_sent_and_lists_repeat() {
        let call_site = extract_one(
            "requests.post(URL, data={'action': 'add', 'ag_title': None, 'ips': ['1.1.1.1', '2.2.2.2']})\n",
        );
        assert!(
            !has_param(&call_site, "ag_title"),
            "requests drops None values: {:?}",
            call_site.params
        );
        assert_eq!(names(&call_site), ["action", "ips", "ips"]);
    }

    #[test]
    fn urlencoded_dict_and_query_string_variables() {
        let call_site = extract_one(
            "from urllib.parse import urlencode\n\
             query = {'action': 'add'}\n\
             if cond:\n    query['ag_title'] = 'All'\n\
             requests.post(URL + '?' + urlencode(query))\n",
        );
        assert_eq!(names(&call_site), ["action", "ag_title"]);
        let call_site = extract_one(
            "from urllib.parse import urlencode\n\
             query = {'action': 'add'}\n\
             if cond:\n    query['ag_title'] = 'All'\n\
             requests.post(URL, data=urlencode(query))\n",
        );
        assert_eq!(
            presence(&call_site, "ag_title"),
            Presence::Maybe,
            "a form body keeps presence"
        );
        let call_site = extract_one(
            "body = 'action=add&ips=1.1.1.1&ag_title=All+Servers'\nrequests.post(URL, data=body)\n",
        );
        assert_eq!(literal(&call_site, "ag_title"), "All Servers");
    }

    #[test]
    fn dict_passed_in_and_open_file_are_unresolved() {
        let call_site = extract_one("def f(params):\n    requests.post(URL, data=params)\n");
        assert_eq!(unresolved(&call_site), ["params"]);
        let call_site = extract_one("requests.post(URL, data=open('body.txt'))\n");
        assert_eq!(unresolved(&call_site), ["open('body.txt')"]);
        let call_site = extract_one("requests.post(URL, data=build_body())\n");
        assert_eq!(unresolved(&call_site), ["build_body()"]);
    }

    #[test]
    fn module_dict_written_inside_the_function() {
        let call_site = extract_one(
            "PARAMS = {'action': 'add'}\n\
             def add(ips):\n\
             \x20   PARAMS['ips'] = ips\n\
             \x20   requests.post(URL, data=PARAMS)\n",
        );
        assert_eq!(names(&call_site), ["action", "ips"]);
    }

    fn indent(block: &str) -> String {
        block.lines().map(|line| format!("    {line}\n")).collect()
    }
}
