//! AGMS102: a region tree-sitter could not parse that names the Qualys
//! API, or a call where the analysis stopped because a limit on its work
//! was reached. Requests there were never checked, so the file must not
//! pass silently.

use super::{Context, report};
use crate::catalogue::rule;
use crate::finding::Finding;
use crate::model::{AnalysisLimit, Span, TextSearch};
use crate::prefilter;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let rule = rule("AGMS102");
    for &region in &context.extraction.unparsed {
        if !names_api_outside_call_sites(context, region) {
            continue;
        }
        let message = match context.extraction.searched_as_text {
            Some(TextSearch::OverParseLimit(limit)) => {
                rule.message(context.lang, "too_large", &[("limit", &limit.to_string())])
            }
            Some(TextSearch::IndentTooDeep(columns)) => rule.message(
                context.lang,
                "too_deep",
                &[("columns", &columns.to_string())],
            ),
            None => rule.message(context.lang, "default", &[]),
        };
        out.push(report(rule, rule.severity, region, message));
    }
    for stop in &context.extraction.stops {
        let (key, limit) = match stop.limit {
            AnalysisLimit::WrapperCalls(limit) => ("wrapper_calls", limit.to_string()),
            AnalysisLimit::WrapperDepth(depth) => ("wrapper_depth", depth.to_string()),
            AnalysisLimit::CallSitesPerRequest(limit) => ("call_sites", limit.to_string()),
        };
        let message = rule.message(context.lang, key, &[("limit", &limit)]);
        out.push(report(rule, rule.severity, stop.span, message));
    }
}

/// Tests the region's text for Qualys API markers after blanking the call
/// sites the front end did recover inside it, so that one recovered request
/// does not vouch for the rest of the region.
fn names_api_outside_call_sites(context: &Context, region: Span) -> bool {
    let Some(text) = context.text.get(region.start..region.end) else {
        return false;
    };
    let mut bytes = text.as_bytes().to_vec();
    for site in &context.extraction.call_sites {
        let start = site.span.start.clamp(region.start, region.end) - region.start;
        let end = site.span.end.clamp(region.start, region.end) - region.start;
        bytes[start..end].fill(b' ');
    }
    prefilter::is_candidate(&bytes)
}
