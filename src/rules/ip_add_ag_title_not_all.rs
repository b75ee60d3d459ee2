//! AGMS003: an IP add whose `ag_title` is not `All`. A user who has the All
//! group assigned gets CODE 1905, `All is assigned to user, so please
//! specify All in ag_title`; a user without it is right to name a group.

use super::request::{Action, Lookup, action, conditional_reason, dynamic_reason, sites_of};
use super::{Context, report_sent};
use crate::catalogue::rule;
use crate::endpoint::EndpointKind;
use crate::finding::{Finding, Severity};
use crate::model::{CallSite, Value};
use crate::profile::AllGroup;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let severity = match context.profile.all_group {
        _ if context.profile.is_manager() => return,
        AllGroup::NotAssigned => return,
        AllGroup::Assigned => Severity::Error,
        AllGroup::Unknown => rule("AGMS003").severity,
    };
    for site in sites_of(&context.extraction.call_sites, EndpointKind::AssetIp) {
        if let Some(finding) = check_site(context, site, severity) {
            out.push(finding);
        }
    }
}

fn check_site(context: &Context, site: &CallSite, severity: Severity) -> Option<Finding> {
    let Action::Is(found) = action(site, context.lang) else {
        return None;
    };
    if found != "add" {
        return None;
    }
    let rule = rule("AGMS003");
    let lang = context.lang;
    let uncertain = |reason: String| rule.message(lang, "uncertain", &[("reason", &reason)]);
    let (severity, message) = match lookup_title(site) {
        // -d "ag_title=Datacenter"
        (Lookup::Present(_), Some(Value::Literal(title))) if !is_all(title) => {
            (severity, rule.message(lang, "default", &[("value", title)]))
        }
        // -d "ag_title=$GROUP" with GROUP set outside the script
        (Lookup::Present(param), Some(Value::Dynamic(pieces))) => (
            Severity::Note,
            uncertain(dynamic_reason(param, pieces, lang)),
        ),
        // if group: params["ag_title"] = "Datacenter"
        (Lookup::Conditional(param), Some(Value::Literal(title))) if !is_all(title) => {
            (Severity::Note, uncertain(conditional_reason(param, lang)))
        }
        _ => return None,
    };
    Some(report_sent(context, rule, site, severity, message))
}

fn lookup_title(site: &CallSite) -> (Lookup<'_>, Option<&Value>) {
    let found = super::request::lookup(site, "ag_title");
    let value = match &found {
        Lookup::Present(param) | Lookup::Conditional(param) => Some(&param.value),
        Lookup::Absent | Lookup::Unseen => None,
    };
    (found, value)
}

/// Tests whether a title names the All group. The comparison ignores case
/// so that `all` is not reported as another group.
pub fn is_all(title: &str) -> bool {
    title.trim().eq_ignore_ascii_case("all")
}
