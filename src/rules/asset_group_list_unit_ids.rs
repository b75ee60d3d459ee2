//! AGMS008: an asset group list with `show_attributes` including
//! `ASSIGNED_UNIT_IDS`. Groups assigned to business units that have the All
//! group are no longer returned, so the response can hold only a DATETIME.

use super::request::{Action, Lookup, action, conditional_reason, lookup, sites_of};
use super::request::{dynamic_reason, unresolved_reason};
use super::{Context, report, report_sent};
use crate::catalogue::rule;
use crate::endpoint::EndpointKind;
use crate::finding::{Finding, Severity};
use crate::model::{CallSite, Value};

const ATTRIBUTE: &str = "ASSIGNED_UNIT_IDS";

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    for site in sites_of(&context.extraction.call_sites, EndpointKind::AssetGroup) {
        if let Some(finding) = check_site(context, site) {
            out.push(finding);
        }
    }
}

fn check_site(context: &Context, site: &CallSite) -> Option<Finding> {
    let lang = context.lang;
    let rule = rule("AGMS008");
    match action(site, lang) {
        Action::Is(found) if found == "list" => {}
        // -d "action=$ACTION&show_attributes=ASSIGNED_UNIT_IDS": only a list
        // takes show_attributes, so naming the attribute points at one.
        Action::Unknown(reason) if asks_for_attribute(site) => {
            let message = rule.message(lang, "uncertain", &[("reason", &reason)]);
            return Some(report(rule, Severity::Note, site.span, message));
        }
        Action::Is(_) | Action::Unknown(_) | Action::Missing => return None,
    }
    let reason = match lookup(site, "show_attributes") {
        // -d "show_attributes=ID,TITLE,ASSIGNED_UNIT_IDS"
        Lookup::Present(param) => match &param.value {
            Value::Literal(list) if names_attribute(list) => {
                let message = rule.message(lang, "default", &[]);
                return Some(report_sent(context, rule, site, rule.severity, message));
            }
            Value::Literal(_) => return None,
            Value::Dynamic(pieces) => dynamic_reason(param, pieces, lang),
        },
        Lookup::Conditional(param) if param.value.as_literal().is_some_and(names_attribute) => {
            conditional_reason(param, lang)
        }
        Lookup::Unseen => unresolved_reason(site, lang),
        Lookup::Conditional(_) | Lookup::Absent => return None,
    };
    let message = rule.message(lang, "uncertain", &[("reason", &reason)]);
    Some(report(rule, Severity::Note, site.span, message))
}

/// True when a literal `show_attributes`, sent always or under a condition,
/// names the attribute.
fn asks_for_attribute(site: &CallSite) -> bool {
    match lookup(site, "show_attributes") {
        Lookup::Present(param) | Lookup::Conditional(param) => {
            param.value.as_literal().is_some_and(names_attribute)
        }
        Lookup::Absent | Lookup::Unseen => false,
    }
}

/// `show_attributes` is a comma-separated list; `ALL` does not include
/// `ASSIGNED_UNIT_IDS`, which must be asked for by name.
fn names_attribute(list: &str) -> bool {
    list.split(',')
        .any(|name| name.trim().eq_ignore_ascii_case(ATTRIBUTE))
}
