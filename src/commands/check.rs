//! `agms-lint check`: scan paths and report findings.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{Outcome, UsageError, choose_lang, use_color};
use crate::cli::{CheckArgs, FailOn};
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
    let lang = choose_lang(&args.display);
    let overrides = overrides(args);
    let mut result = ScanResult::default();
    for (config, paths) in config_groups(args)? {
        let options = ScanOptions {
            walk: WalkOptions {
                threads: args.threads,
                follow_links: args.follow_links,
            },
            max_file_size: args.max_file_size,
            lang,
            settings: settings::resolve(config.as_ref(), &overrides)?,
        };
        result.merge(scan(&paths, &options));
    }
    for error in &result.errors {
        tracing::error!("cannot read {}: {}", error.path, error.message);
    }
    let report_options = ReportOptions {
        lang,
        color: use_color(&args.display),
    };
    let mut stdout = io::stdout().lock();
    let written = report::write(args.format, &result, &report_options, &mut stdout)
        .and_then(|()| stdout.flush());
    match written {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => return Ok(Outcome::Clean),
        other => other?,
    }
    Ok(outcome(&result, args.fail_on))
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
