//! AGMS004: an IP add into `All` without `network_id`. With network support
//! on, a user adding into All must also name the network.

use super::ip_add_ag_title_not_all::is_all;
use super::request::{
    Action, Lookup, Missing, Verdict, action, conditional_reason, dynamic_reason, lookup,
    missing_reason, sites_of,
};
use super::{Context, report_verdict};
use crate::endpoint::EndpointKind;
use crate::finding::Finding;
use crate::model::{CallSite, Param, Value};

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    if context.profile.is_manager() || context.profile.networks_off() {
        return;
    }
    for site in sites_of(&context.extraction.call_sites, EndpointKind::AssetIp) {
        if let Some(verdict) = verdict(context, site) {
            report_verdict(context, "AGMS004", site, verdict, out);
        }
    }
}

/// Decides the finding for one IP request. A request that may be an add,
/// or may name All, is reported as a note that names the piece that is
/// uncertain: an unknown action, as in `action=$ACTION&ag_title=All`, or
/// an `ag_title=All` set only under a condition.
fn verdict(context: &Context, site: &CallSite) -> Option<Verdict> {
    let lang = context.lang;
    let action_doubt = match action(site, lang) {
        Action::Is(found) if found == "add" => None,
        Action::Unknown(reason) => Some(reason),
        Action::Is(_) | Action::Missing => return None,
    };
    let title_doubt = match lookup(site, "ag_title") {
        Lookup::Present(param) if names_all(param) => None,
        Lookup::Conditional(param) if names_all(param) => Some(conditional_reason(param, lang)),
        Lookup::Present(param) | Lookup::Conditional(param) => {
            let pieces = alternatives_with_all(param)?;
            Some(dynamic_reason(param, pieces, lang))
        }
        _ => return None,
    };
    Some(match missing_reason(site, "network_id", lang) {
        None => Verdict::Sends,
        Some(Missing::Perhaps(reason)) => Verdict::Perhaps(reason),
        Some(Missing::Certainly) => match action_doubt.or(title_doubt) {
            Some(reason) => Verdict::Perhaps(reason),
            None => Verdict::Lacks,
        },
    })
}

fn names_all(param: &Param) -> bool {
    param.value.as_literal().is_some_and(is_all)
}

/// Returns the description of a value that differs by path when one of
/// the values it lists is `All`, as in ``$GROUP (`Web` or `All`)``. The
/// front ends list such values in backticks.
fn alternatives_with_all(param: &Param) -> Option<&str> {
    let Value::Dynamic(description) = &param.value else {
        return None;
    };
    let listed = description.split('`').skip(1).step_by(2).any(is_all);
    listed.then_some(description.as_str())
}
