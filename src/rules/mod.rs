//! The rules: each is a function from the extracted model to findings.
//! Rules know nothing about shell or Python.

mod appliance_create_asset_group;
mod asset_group_all_not_listed;
mod asset_group_list_unit_ids;
mod contact_user_asset_groups;
mod domain_netblock_attribute;
mod error_texts;
mod ip_add_ag_title_not_all;
mod ip_add_all_missing_network_id;
mod ip_add_missing_ag_title;
mod ip_update_missing_network_id;
mod old_error_text;
mod request;
mod scan_list_scope_changed;
mod unparsed_api_code;

use crate::catalogue::Lang;
use crate::finding::Finding;
use crate::model::Extraction;
use crate::profile::Profile;

pub use error_texts::{OLD_ERROR_TEXTS, matches_old_error_text};

/// Returns the literal `action` of a call site, when it is known.
pub fn request_action(site: &crate::model::CallSite) -> Option<String> {
    match request::action(site, Lang::En) {
        request::Action::Is(action) => Some(action),
        request::Action::Unknown(_) | request::Action::Missing => None,
    }
}

/// The input of every rule: one file's model, the subscription profile and
/// the language for messages.
pub struct Context<'a> {
    pub extraction: &'a Extraction,
    pub profile: &'a Profile,
    pub lang: Lang,
    /// The file's text, which the spans index.
    pub text: &'a str,
}

type Check = fn(&Context, &mut Vec<Finding>);

/// Every rule's check, by code.
const CHECKS: [(&str, Check); 12] = [
    ("AGMS001", ip_update_missing_network_id::check),
    ("AGMS002", ip_add_missing_ag_title::check),
    ("AGMS003", ip_add_ag_title_not_all::check),
    ("AGMS004", ip_add_all_missing_network_id::check),
    ("AGMS005", contact_user_asset_groups::check),
    ("AGMS006", old_error_text::check),
    ("AGMS007", asset_group_all_not_listed::check),
    ("AGMS008", asset_group_list_unit_ids::check),
    ("AGMS009", domain_netblock_attribute::check),
    ("AGMS010", appliance_create_asset_group::check),
    ("AGMS011", scan_list_scope_changed::check),
    ("AGMS102", unparsed_api_code::check),
];

/// Runs every rule that `enabled` accepts over one file's model.
pub fn check(context: &Context, enabled: impl Fn(&str) -> bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (code, check) in CHECKS {
        if enabled(code) {
            check(context, &mut findings);
        }
    }
    findings
}

/// Builds a finding of `rule` with one of its catalogue messages.
fn report(
    rule: &'static crate::catalogue::Rule,
    severity: crate::finding::Severity,
    span: crate::model::Span,
    message: String,
) -> Finding {
    Finding::new(rule, severity, span, message)
}

/// Reports a finding about parameters the call site is known to send. If
/// some piece of the request was not resolved, that piece could still
/// change them (the API takes the last value of a name), so the finding
/// becomes a note that names the piece.
fn report_sent(
    context: &Context,
    rule: &'static crate::catalogue::Rule,
    site: &crate::model::CallSite,
    severity: crate::finding::Severity,
    message: String,
) -> Finding {
    if site.is_complete() {
        return report(rule, severity, site.span, message);
    }
    let reason = request::unresolved_reason(site, context.lang);
    let message = rule.message(context.lang, "uncertain", &[("reason", &reason)]);
    report(rule, crate::finding::Severity::Note, site.span, message)
}

/// Reports the usual outcome of a missing-parameter rule: the rule's own
/// severity when the parameter is certainly missing, a note when it may be.
fn report_verdict(
    context: &Context,
    code: &str,
    site: &crate::model::CallSite,
    verdict: request::Verdict,
    out: &mut Vec<Finding>,
) {
    let rule = crate::catalogue::rule(code);
    let (severity, message) = match verdict {
        request::Verdict::Sends => return,
        request::Verdict::Lacks => (rule.severity, rule.message(context.lang, "default", &[])),
        request::Verdict::Perhaps(reason) => (
            crate::finding::Severity::Note,
            rule.message(context.lang, "uncertain", &[("reason", &reason)]),
        ),
    };
    out.push(report(rule, severity, site.span, message));
}

#[cfg(test)]
mod tests;
