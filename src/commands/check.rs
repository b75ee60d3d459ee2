//! `agms-lint check`: scan paths and report findings.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use cpu_time::ProcessTime;

use super::scanning::{Purpose, Scanned, run_scan};
use super::{Outcome, UsageError, choose_lang, stats, use_color};
use crate::baseline::Baseline;
use crate::cli::{CheckArgs, FailOn, OutputTarget};
use crate::finding::Severity;
use crate::report::{self, Format, ReportOptions};
use crate::scan::ScanResult;

pub fn run(args: &CheckArgs) -> Result<Outcome, UsageError> {
    let started = Instant::now();
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let Scanned {
        mut result,
        enabled_rules,
    } = run_scan(
        &args.scan,
        Purpose::Check {
            line_hashes: wants_sarif(args),
            timed: args.stats,
        },
    )?;
    if let Some(path) = &args.write_baseline {
        let report_started = Instant::now();
        let written = Baseline::from_result(&result);
        written.write(path)?;
        tracing::info!(
            "wrote {} baseline entries to {}",
            written.findings.len(),
            path.display()
        );
        if args.stats {
            write_stats(&result, report_started, started)?;
        }
        return Ok(if result.errors.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Failed
        });
    }
    if let Some(baseline) = &baseline {
        let known = baseline.filter(&mut result);
        tracing::debug!("the baseline accounts for {known} findings");
    }
    let options = ReportOptions {
        lang: choose_lang(&args.scan.display),
        color: use_color(&args.scan.display),
        baseline_applied: baseline.is_some(),
        sarif_category: args.sarif_category.clone(),
        enabled_rules,
    };
    let report_started = Instant::now();
    let all_written = write_outputs(args, &result, &options)?;
    if args.stats {
        write_stats(&result, report_started, started)?;
    }
    if !all_written {
        return Ok(Outcome::Failed);
    }
    Ok(outcome(&result, args.fail_on))
}

/// Prints `--stats` to standard error, with the report counted from
/// `report_started` and the whole run from `started`.
fn write_stats(result: &ScanResult, report_started: Instant, started: Instant) -> io::Result<()> {
    let run = stats::RunTimes {
        report: report_started.elapsed(),
        total: started.elapsed(),
        process_cpu: ProcessTime::try_now().map_or(Duration::ZERO, |time| time.as_duration()),
    };
    stats::write(&mut io::stderr().lock(), &result.stats, &run)
}

/// True when some output is SARIF, the only format that shows GitHub's
/// line hashes.
fn wants_sarif(args: &CheckArgs) -> bool {
    output_targets(args)
        .iter()
        .any(|target| target.format == Format::Sarif)
}

fn output_targets(args: &CheckArgs) -> Vec<OutputTarget> {
    if args.output.is_empty() {
        vec![OutputTarget {
            format: args.format,
            file: None,
        }]
    } else {
        args.output.clone()
    }
}

/// Writes every output, and returns false when one was left out because it
/// would exceed the limits of where it is sent. The other outputs are still
/// written, so that one rejected SARIF file does not hide the findings.
fn write_outputs(
    args: &CheckArgs,
    result: &ScanResult,
    options: &ReportOptions,
) -> Result<bool, UsageError> {
    let mut targets = output_targets(args);
    let count = targets.len();
    targets.retain(
        |target| match report::check_limits(target.format, result, options) {
            Ok(()) => true,
            Err(error) => {
                let destination = target
                    .file
                    .as_ref()
                    .map_or("standard output".to_string(), |path| {
                        path.display().to_string()
                    });
                tracing::error!("not writing {destination}: {error}");
                false
            }
        },
    );
    let all_written = targets.len() == count;
    // Files first, so that a reader closing standard output early (`| head`)
    // cannot stop a SARIF file from being written.
    for target in &targets {
        if let Some(path) = &target.file {
            write_file(path, target.format, result, options)?;
        }
    }
    for target in targets.iter().filter(|target| target.file.is_none()) {
        // Standard output flushes at every line break, and the JSON formats
        // write many short lines, so whole blocks are gathered first.
        let mut stdout = BufWriter::with_capacity(STDOUT_BUFFER_BYTES, io::stdout().lock());
        let written = report::write(target.format, result, options, &mut stdout)
            .and_then(|()| stdout.flush());
        match written {
            // The reader has what it wanted; the exit code still reports
            // the findings.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(all_written),
            other => other?,
        }
    }
    Ok(all_written)
}

/// Bytes of a report gathered before each write to standard output.
const STDOUT_BUFFER_BYTES: usize = 64 * 1024;

fn write_file(
    path: &PathBuf,
    format: report::Format,
    result: &ScanResult,
    options: &ReportOptions,
) -> Result<(), UsageError> {
    let failed = |error: io::Error| UsageError::Output {
        path: path.display().to_string(),
        source: error,
    };
    let file = File::create(path).map_err(failed)?;
    let mut writer = BufWriter::new(file);
    // Files never get terminal colours.
    let plain = ReportOptions {
        color: false,
        ..options.clone()
    };
    report::write(format, result, &plain, &mut writer).map_err(failed)?;
    writer.flush().map_err(failed)
}

/// Files that could not be read make the run fail, even with findings,
/// because a partial scan must not pass a CI gate.
fn outcome(result: &ScanResult, fail_on: FailOn) -> Outcome {
    if !result.errors.is_empty() {
        return Outcome::Failed;
    }
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Note => Severity::Note,
        FailOn::None => return Outcome::Clean,
    };
    let failing = result
        .files
        .iter()
        .flat_map(|file| &file.findings)
        .any(|located| located.finding.severity >= threshold);
    if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
