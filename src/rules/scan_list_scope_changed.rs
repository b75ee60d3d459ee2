//! AGMS011: a VM or compliance scan list without `user_login`. For
//! sub-users the list now holds their own scans plus finished scans that
//! managers launched on assets in their scope.

use super::request::{action_lacks, sites_of};
use super::{Context, report_verdict};
use crate::endpoint::EndpointKind;
use crate::finding::Finding;

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let sites = &context.extraction.call_sites;
    let scans =
        sites_of(sites, EndpointKind::Scan).chain(sites_of(sites, EndpointKind::ScanCompliance));
    let mut scans: Vec<_> = scans.collect();
    scans.sort_by_key(|site| site.span.start);
    for site in scans {
        let verdict = action_lacks(site, "list", "user_login", context.lang);
        report_verdict(context, "AGMS011", site, verdict, out);
    }
}
