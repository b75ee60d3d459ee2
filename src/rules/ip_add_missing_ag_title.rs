//! AGMS002: an IP add without `ag_title`. With AGMS a unit manager or
//! scanner must say which asset group the new IPs go into.

use super::request::{action_lacks, sites_of};
use super::{Context, report_verdict};
use crate::endpoint::EndpointKind;
use crate::finding::Finding;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    if context.profile.is_manager() {
        return;
    }
    for site in sites_of(&context.extraction.call_sites, EndpointKind::AssetIp) {
        let verdict = action_lacks(site, "add", "ag_title", context.lang);
        report_verdict(context, "AGMS002", site, verdict, out);
    }
}
