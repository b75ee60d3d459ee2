//! `agms-lint check`: scan paths and report findings.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use super::{Outcome, UsageError, choose_lang, use_color};
use crate::baseline::Baseline;
use crate::cli::{CheckArgs, FailOn, OutputTarget};
use crate::config::{self, LoadedConfig, ProfileTable};
use crate::discover::WalkOptions;
use crate::finding::Severity;
use crate::report::{self, ReportOptions};
use crate::scan::{ScanOptions, ScanResult, scan};
use crate::settings::{self, Overrides};

pub fn run(args: &CheckArgs) -> Result<Outcome, UsageError> {
    for path in &args.paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(UsageError::PathNotFound(path.display().to_string()));
        }
    }
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let (mut result, enabled_rules) = scan_groups(args)?;
    for error in &result.errors {
        tracing::error!("cannot read {}: {}", error.path, error.message);
    }
    if let Some(path) = &args.write_baseline {
        let written = Baseline::from_result(&result);
        written.write(path)?;
        tracing::info!(
            "wrote {} baseline entries to {}",
            written.findings.len(),
            path.display()
        );
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
        lang: choose_lang(&args.display),
        color: use_color(&args.display),
        baseline_applied: baseline.is_some(),
        sarif_category: args.sarif_category.clone(),
        enabled_rules,
    };
    match write_outputs(args, &result, &options) {
        Err(UsageError::Io(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            return Ok(Outcome::Clean);
        }
        other => other?,
    }
    Ok(outcome(&result, args.fail_on))
}

/// Scans each group of paths with its configuration and merges the
/// results; also returns the codes of every rule that ran in any group.
fn scan_groups(args: &CheckArgs) -> Result<(ScanResult, Vec<String>), UsageError> {
    let overrides = overrides(args);
    let mut result = ScanResult::default();
    let mut enabled_rules: Vec<String> = Vec::new();
    for (config, paths) in config_groups(args)? {
        let settings = settings::resolve(config.as_ref(), &overrides)?;
        for rule in crate::catalogue::rules() {
            if settings.is_enabled(&rule.id) && !enabled_rules.contains(&rule.id) {
                enabled_rules.push(rule.id.clone());
            }
        }
        let options = ScanOptions {
            walk: WalkOptions {
                threads: args.threads,
                follow_links: args.follow_links,
            },
            max_file_size: args.max_file_size,
            lang: choose_lang(&args.display),
            settings,
        };
        result.merge(scan(&paths, &options));
    }
    enabled_rules.sort();
    Ok((result, enabled_rules))
}

fn write_outputs(
    args: &CheckArgs,
    result: &ScanResult,
    options: &ReportOptions,
) -> Result<(), UsageError> {
    let targets = if args.output.is_empty() {
        vec![OutputTarget {
            format: args.format,
            file: None,
        }]
    } else {
        args.output.clone()
    };
    for target in &targets {
        report::check_limits(target.format, result, options)?;
    }
    for target in targets {
        match &target.file {
            None => {
                let mut stdout = io::stdout().lock();
                report::write(target.format, result, options, &mut stdout)?;
                stdout.flush()?;
            }
            Some(path) => write_file(path, target.format, result, options)?,
        }
    }
    Ok(())
}

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

fn overrides(args: &CheckArgs) -> Overrides {
    let list = |names: &Vec<String>| (!names.is_empty()).then(|| names.clone());
    Overrides {
        profile: ProfileTable {
            role: args.profile.role,
            networks: args.profile.networks,
            all_group: args.profile.all_group,
        },
        select: list(&args.select),
        ignore: list(&args.ignore),
        severity: args.severity.iter().cloned().collect(),
    }
}

/// Scanned paths that share one configuration file, or none.
type ConfigGroup = (Option<LoadedConfig>, Vec<PathBuf>);

/// Groups the scanned paths by the configuration file that applies to
/// each, so that each group is scanned with its own settings.
fn config_groups(args: &CheckArgs) -> Result<Vec<ConfigGroup>, UsageError> {
    if args.isolated {
        return Ok(vec![(None, args.paths.clone())]);
    }
    if let Some(file) = &args.config {
        return Ok(vec![(Some(config::load(file)?), args.paths.clone())]);
    }
    let mut groups: Vec<ConfigGroup> = Vec::new();
    for path in &args.paths {
        let found = config::discover(path)?;
        match groups.iter_mut().find(|(config, _)| *config == found) {
            Some((_, paths)) => paths.push(path.clone()),
            None => groups.push((found, vec![path.clone()])),
        }
    }
    Ok(groups)
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
