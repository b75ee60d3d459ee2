//! AGMS010: creating a virtual scanner appliance. Without `asset_group_id`
//! a unit manager or scanner is rejected; with a literal ID the group must
//! be in the user's scope, else CODE 1905 and `parameter asset_group_id has
//! invalid value (Given Asset Group is not in user's scope: N)`.

use super::request::{Lookup, Verdict, action_lacks, lookup, sites_of};
use super::{Context, report, report_verdict};
use crate::catalogue::rule;
use crate::endpoint::EndpointKind;
use crate::finding::{Finding, Severity};
use crate::model::{CallSite, Value};

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    for site in sites_of(&context.extraction.call_sites, EndpointKind::Appliance) {
        match action_lacks(site, "create", "asset_group_id", context.lang) {
            Verdict::Sends => out.extend(scope_note(context, site)),
            // Managers may still create appliances without an asset group.
            _ if context.profile.is_manager() => {}
            verdict => report_verdict(context, "AGMS010", site, verdict, out),
        }
    }
}

/// A literal `asset_group_id` gets a note: whether it is in scope depends
/// on the user, which no script shows. A variable gives no finding.
fn scope_note(context: &Context, site: &CallSite) -> Option<Finding> {
    let Lookup::Present(param) = lookup(site, "asset_group_id") else {
        return None;
    };
    let Value::Literal(id) = &param.value else {
        return None;
    };
    if !super::request::has_action(site, "create", context.lang) {
        return None;
    }
    let rule = rule("AGMS010");
    let message = rule.message(context.lang, "in_scope", &[("value", id)]);
    Some(report(rule, Severity::Note, site.span, message))
}
