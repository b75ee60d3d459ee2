//! Running a scan from command-line arguments: checking the paths, finding
//! the configuration for each, and merging the results. Shared by `check`
//! and `inventory`.

use std::path::PathBuf;

use super::{UsageError, choose_lang};
use crate::catalogue;
use crate::cli::ScanArgs;
use crate::config::{self, LoadedConfig, ProfileTable};
use crate::discover::{WalkOptions, display_path};
use crate::scan::{ReadError, ScanOptions, ScanResult, scan};
use crate::settings::{self, Overrides};

/// A finished scan and the codes of every rule that ran in it.
pub struct Scanned {
    pub result: ScanResult,
    pub enabled_rules: Vec<String>,
}

/// What a scan is for, which decides what it records beside findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Findings for `check`, with GitHub's line hashes when a SARIF report
    /// will show them, and stage times when `--stats` will print them.
    Check { line_hashes: bool, timed: bool },
    /// Every call site as well as the findings.
    Inventory,
}

/// Scans each group of paths with its configuration.
pub fn run_scan(args: &ScanArgs, purpose: Purpose) -> Result<Scanned, UsageError> {
    let mut result = ScanResult::default();
    let (found, missing) = existing_paths(&args.paths);
    result.errors = missing;
    let paths = distinct_paths(&found);
    let overrides = overrides(args);
    let mut enabled_rules: Vec<String> = Vec::new();
    for (config, paths) in config_groups(args, &paths)? {
        if paths.is_empty() {
            continue;
        }
        let settings = settings::resolve(config.as_ref(), &overrides)?;
        for rule in catalogue::rules() {
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
            max_parse_size: args.max_parse_size,
            lang: choose_lang(&args.display),
            settings,
            inventory: purpose == Purpose::Inventory,
            line_hashes: matches!(
                purpose,
                Purpose::Check {
                    line_hashes: true,
                    ..
                }
            ),
            timed: matches!(purpose, Purpose::Check { timed: true, .. }),
        };
        result.merge(scan(&paths, &options));
    }
    enabled_rules.sort();
    for error in &result.errors {
        tracing::error!("cannot read {}: {}", error.path, error.message);
    }
    Ok(Scanned {
        result,
        enabled_rules,
    })
}

/// Splits the paths named on the command line into those that exist and
/// read errors for the others, which are reported like unreadable files so
/// that the rest of the scan goes on.
fn existing_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for path in paths {
        match std::fs::symlink_metadata(path) {
            Ok(_) => found.push(path.clone()),
            Err(error) => missing.push(ReadError {
                path: display_path(path, None),
                message: error.to_string(),
            }),
        }
    }
    (found, missing)
}

/// Drops paths named twice, such as `check scripts scripts/`, which would
/// report every finding twice.
fn distinct_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut seen = Vec::new();
    let mut distinct = Vec::new();
    for path in paths {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
        let key: PathBuf = absolute.components().collect();
        if !seen.contains(&key) {
            seen.push(key);
            distinct.push(path.clone());
        }
    }
    distinct
}

fn overrides(args: &ScanArgs) -> Overrides {
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
fn config_groups(args: &ScanArgs, paths: &[PathBuf]) -> Result<Vec<ConfigGroup>, UsageError> {
    if args.isolated {
        return Ok(vec![(None, paths.to_vec())]);
    }
    if let Some(file) = &args.config {
        return Ok(vec![(Some(config::load(file)?), paths.to_vec())]);
    }
    let mut groups: Vec<ConfigGroup> = Vec::new();
    for path in paths {
        let found = config::discover(path)?;
        match groups.iter_mut().find(|(config, _)| *config == found) {
            Some((_, paths)) => paths.push(path.clone()),
            None => groups.push((found, vec![path.clone()])),
        }
    }
    Ok(groups)
}
