//! AGMS004: an IP add into `All` without `network_id`. With network support
//! on, a user adding into All must also name the network.

use super::ip_add_ag_title_not_all::is_all;
use super::request::{Action, Lookup, Missing, Verdict, action, lookup, missing_reason, sites_of};
use super::{Context, report_verdict};
use crate::endpoint::EndpointKind;
use crate::finding::Finding;
use crate::model::CallSite;

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

fn verdict(context: &Context, site: &CallSite) -> Option<Verdict> {
    let Action::Is(found) = action(site, context.lang) else {
        return None;
    };
    let into_all = match lookup(site, "ag_title") {
        Lookup::Present(param) => param.value.as_literal().is_some_and(is_all),
        _ => false,
    };
    if found != "add" || !into_all {
        return None;
    }
    Some(match missing_reason(site, "network_id", context.lang) {
        None => Verdict::Sends,
        Some(Missing::Certainly) => Verdict::Lacks,
        Some(Missing::Perhaps(reason)) => Verdict::Perhaps(reason),
    })
}
