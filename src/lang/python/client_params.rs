//! The `params` of a client object, which requests and httpx merge into
//! the query of every request the client sends: `session.params = {...}`,
//! `session.params[key] = value`, `session.params.update(...)`, and httpx's
//! `Client(params=...)`.

use super::dicts::dict_from_value;
use super::resolve::{Ctx, Resolver};
use super::scopes::{MutationKind, ParamsWrite};
use super::syntax::{call_args, describe, span_of};
use super::value::DictVal;
use crate::model::Presence;

impl<'a, 't> Resolver<'a, 't> {
    /// Applies the writes to a client's `params` made between the client's
    /// binding and the use.
    pub(super) fn apply_client_params(
        &mut self,
        params: &mut DictVal,
        writes: Vec<(MutationKind<'t>, Presence, Ctx)>,
    ) {
        for (kind, presence, ctx) in writes {
            let MutationKind::ClientParams(write) = kind else {
                continue;
            };
            match write {
                ParamsWrite::Assign(value) => {
                    let description = describe(value, self.source);
                    let resolved = self.resolve(value, ctx);
                    let assigned = dict_from_value(resolved, &description, span_of(value));
                    if presence == Presence::Always {
                        *params = assigned;
                    } else {
                        params.merge(assigned, presence);
                    }
                }
                ParamsWrite::SetItem { key, value } => {
                    let span = span_of(key).cover(span_of(value));
                    self.set_item(params, key, value, presence, span, ctx);
                }
                ParamsWrite::Update(call) => {
                    let args = call_args(call, self.source);
                    self.update_dict(params, &args, presence, ctx);
                }
                ParamsWrite::Other(call) => params.unresolved.push(self.unresolved_piece(call)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{dynamic, literal, only_call_site, presence, unresolved};
    use crate::model::Presence;

    const HEADER: &str =
        "import os, httpx, requests\nBASE = 'https://qualysapi.qualys.com/api/2.0/fo/'\n";

    fn session_post(setup: &str) -> crate::model::CallSite {
        only_call_site(&format!(
            "{HEADER}session = requests.Session()\n{setup}session.post(BASE + 'asset/ip/', data={{'action': 'update', 'ips': '1.2.3.4'}})\n"
        ))
    }

    #[test]
    fn session_params_assigned() {
        let call_site = session_post("session.params = {'network_id': os.environ['NET']}\n");
        assert_eq!(dynamic(&call_site, "network_id"), "os.environ['NET']");
        assert!(call_site.is_complete());
    }

    #[test]
    fn session_params_item_and_update() {
        let call_site = session_post(
            "session.params['network_id'] = '7'\nsession.params.update({'echo_request': '1'})\n",
        );
        assert_eq!(literal(&call_site, "network_id"), "7");
        assert_eq!(literal(&call_site, "echo_request"), "1");
    }

    #[test]
    fn session_params_under_condition() {
        let call_site = session_post("if net:\n    session.params['network_id'] = net\n");
        assert_eq!(presence(&call_site, "network_id"), Presence::Maybe);
    }

    #[test]
    fn session_params_unknown_make_incomplete() {
        let call_site = session_post("session.params = load_params()\n");
        assert_eq!(unresolved(&call_site), ["load_params()"]);
    }

    #[test]
    fn session_params_other_method_makes_incomplete() {
        let call_site = session_post("session.params.setdefault('network_id', net)\n");
        assert_eq!(
            unresolved(&call_site),
            ["session.params.setdefault('network_id', net)"]
        );
    }

    #[test]
    fn session_without_params_is_unchanged() {
        let call_site = session_post("session.headers['X-Requested-With'] = 'x'\n");
        assert!(call_site.is_complete());
        assert_eq!(
            call_site
                .params
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            ["action", "ips"]
        );
    }

    #[test]
    fn instance_session_params() {
        let call_site = only_call_site(&format!(
            "{HEADER}class Api:\n\
             \x20   def __init__(self):\n\
             \x20       self.session = requests.Session()\n\
             \x20       self.session.params = {{'network_id': '4'}}\n\
             \x20   def retrack(self):\n\
             \x20       self.session.params['echo_request'] = '1'\n\
             \x20       return self.session.post(BASE + 'asset/ip/', data={{'action': 'update'}})\n\
             \x20   def other(self):\n\
             \x20       self.session.params['ips'] = '1.2.3.4'\n"
        ));
        assert_eq!(literal(&call_site, "network_id"), "4");
        assert_eq!(presence(&call_site, "network_id"), Presence::Always);
        assert_eq!(presence(&call_site, "echo_request"), Presence::Always);
        assert_eq!(presence(&call_site, "ips"), Presence::Maybe);
    }

    #[test]
    fn httpx_client_params() {
        for class in ["Client", "AsyncClient"] {
            let call_site = only_call_site(&format!(
                "{HEADER}client = httpx.{class}(base_url=BASE, params={{'network_id': '9'}})\nclient.post('asset/ip/', data={{'action': 'update'}})\n"
            ));
            assert_eq!(literal(&call_site, "network_id"), "9", "{class}");
        }
    }
}
