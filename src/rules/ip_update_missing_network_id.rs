//! AGMS001: an IP update without `network_id`. With network support on, a
//! unit manager or scanner must name the network of the IPs it updates.

use super::request::{action_lacks, sites_of};
use super::{Context, report_verdict};
use crate::endpoint::EndpointKind;
use crate::finding::Finding;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    if context.profile.is_manager() || context.profile.networks_off() {
        return;
    }
    for site in sites_of(&context.extraction.call_sites, EndpointKind::AssetIp) {
        let verdict = action_lacks(site, "update", "network_id", context.lang);
        report_verdict(context, "AGMS001", site, verdict, out);
    }
}
