//! `check --stats`: what the scan saw and where its time went.

use std::io::{self, Write};
use std::time::Duration;

use crate::scan::Stats;

/// Writes the counts and stage times as aligned `name value` lines. The
/// scan stages are summed over worker threads; `report` and `total` are
/// wall-clock times of the whole run.
pub fn write(
    out: &mut impl Write,
    stats: &Stats,
    report: Duration,
    total: Duration,
) -> io::Result<()> {
    let skipped = &stats.skipped;
    let skipped_total = skipped.total() + skipped.links;
    writeln!(out, "agms-lint stats")?;
    count(out, "files seen", stats.seen)?;
    count(out, "  scripts", stats.scanned)?;
    count(out, "  not scripts", stats.not_scripts)?;
    writeln!(
        out,
        "  {:<18}{:>10}  (binary {}, too large {}, links {}, special {}, vanished {})",
        "skipped",
        skipped_total,
        skipped.binary,
        skipped.too_large,
        skipped.links,
        skipped.special,
        skipped.vanished
    )?;
    count(out, "prefiltered out", stats.prefiltered_out)?;
    count(out, "parsed", stats.parsed)?;
    count(out, "searched as text", stats.searched_as_text)?;
    count(out, "call sites", stats.call_sites)?;
    let times = &stats.times;
    seconds(
        out,
        "time walk+read",
        times.walk_read,
        "  (summed over threads)",
    )?;
    seconds(out, "time prefilter", times.prefilter, "")?;
    seconds(out, "time parse+extract", times.parse_extract, "")?;
    seconds(out, "time check", times.check, "")?;
    seconds(out, "time report", report, "")?;
    seconds(out, "time total", total, "  (wall clock)")
}

fn count(out: &mut impl Write, name: &str, value: usize) -> io::Result<()> {
    writeln!(out, "  {name:<18}{value:>10}")
}

fn seconds(out: &mut impl Write, name: &str, value: Duration, note: &str) -> io::Result<()> {
    writeln!(out, "  {name:<18}{:>10.3} s{note}", value.as_secs_f64())
}
