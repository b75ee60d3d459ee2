//! AGMS005: a contact user given `asset_groups` through `/msp/user.php`.
//! The API returns `<RETURN status="FAILED" number="1905">` with
//! `Invalid value for 'asset_groups' : AG1.This asset group is not accessible.`

use super::request::{Action, Lookup, action, conditional_reason, dynamic_reason, lookup};
use super::request::{sites_of, unresolved_reason};
use super::{Context, report_sent};
use crate::catalogue::rule;
use crate::endpoint::EndpointKind;
use crate::finding::{Finding, Severity};
use crate::model::{CallSite, Value};

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    for site in sites_of(&context.extraction.call_sites, EndpointKind::MspUser) {
        if let Some(finding) = check_site(context, site) {
            out.push(finding);
        }
    }
}

fn check_site(context: &Context, site: &CallSite) -> Option<Finding> {
    let lang = context.lang;
    let Action::Is(found) = action(site, lang) else {
        return None;
    };
    // An edit only matters when the request itself sends
    // `user_role=contact`, and an add without a role creates no contact.
    if found != "add" && found != "edit" {
        return None;
    }
    let mut doubts = Vec::new();
    match lookup(site, "user_role") {
        Lookup::Present(param) => match &param.value {
            Value::Literal(role) if role.trim() == "contact" => {}
            Value::Literal(_) => return None,
            Value::Dynamic(pieces) => doubts.push(dynamic_reason(param, pieces, lang)),
        },
        _ => return None,
    }
    match lookup(site, "asset_groups") {
        Lookup::Present(_) => {}
        Lookup::Conditional(param) => doubts.push(conditional_reason(param, lang)),
        Lookup::Unseen => doubts.push(unresolved_reason(site, lang)),
        Lookup::Absent => return None,
    }
    let rule = rule("AGMS005");
    let (severity, message) = if doubts.is_empty() {
        (rule.severity, rule.message(lang, "default", &[]))
    } else {
        let reason = doubts.join("; ");
        (
            Severity::Note,
            rule.message(lang, "uncertain", &[("reason", &reason)]),
        )
    };
    Some(report_sent(context, rule, site, severity, message))
}
