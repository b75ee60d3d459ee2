//! `check --stats`: what the scan saw and where its time went.

use std::io::{self, Write};
use std::time::Duration;

use crate::scan::Stats;

/// Wall-clock and processor times of a whole run, measured outside the
/// scan.
pub struct RunTimes {
    /// Writing the reports, on the main thread.
    pub report: Duration,
    /// From start to finish.
    pub total: Duration,
    /// Processor time of the whole process, every thread and the start-up
    /// included.
    pub process_cpu: Duration,
}

/// Writes the counts and stage times as aligned `name value` lines. The
/// scan stages are processor time summed over the threads that ran them,
/// while `report` and `total` are wall-clock times of the whole run.
pub fn write(out: &mut impl Write, stats: &Stats, run: &RunTimes) -> io::Result<()> {
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
        "  (processor time, summed over threads)",
    )?;
    seconds(out, "time prefilter", times.prefilter, "")?;
    seconds(out, "time parse+extract", times.parse_extract, "")?;
    seconds(out, "time check", times.check, "")?;
    if stats.parsed > 0 {
        let per_file = times.parsed_files / count_u32(stats.parsed);
        writeln!(
            out,
            "  {:<18}{:>10.3} ms  (parse, extract and check)",
            "time per parsed",
            per_file.as_secs_f64() * 1e3
        )?;
    }
    seconds(out, "time report", run.report, "  (wall clock)")?;
    seconds(out, "time total", run.total, "  (wall clock)")?;
    seconds(out, "time processor", run.process_cpu, "  (whole process)")
}

/// Converts a file count for dividing a duration, saturating at `u32::MAX`.
fn count_u32(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

fn count(out: &mut impl Write, name: &str, value: usize) -> io::Result<()> {
    writeln!(out, "  {name:<18}{value:>10}")
}

fn seconds(out: &mut impl Write, name: &str, value: Duration, note: &str) -> io::Result<()> {
    writeln!(out, "  {name:<18}{:>10.3} s{note}", value.as_secs_f64())
}
