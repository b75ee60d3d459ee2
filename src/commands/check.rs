//! `agms-lint check`: scan paths and report findings.

use std::io::{self, Write};

use super::{Outcome, UsageError, choose_lang, use_color};
use crate::catalogue;
use crate::cli::{CheckArgs, FailOn};
use crate::discover::WalkOptions;
use crate::finding::Severity;
use crate::profile::Profile;
use crate::report::{self, ReportOptions};
use crate::scan::{ScanOptions, ScanResult, scan};

pub fn run(args: &CheckArgs) -> Result<Outcome, UsageError> {
    for path in &args.paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(UsageError::PathNotFound(path.display().to_string()));
        }
    }
    let lang = choose_lang(&args.display);
    let options = ScanOptions {
        walk: WalkOptions {
            threads: args.threads,
            follow_links: args.follow_links,
        },
        max_file_size: args.max_file_size,
        profile: profile(args),
        lang,
        rules: selected_rules(args)?,
    };
    let result = scan(&args.paths, &options);
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

fn profile(args: &CheckArgs) -> Profile {
    let defaults = Profile::default();
    Profile {
        role: args.profile.role.unwrap_or(defaults.role),
        networks: args.profile.networks.unwrap_or(defaults.networks),
        all_group: args.profile.all_group.unwrap_or(defaults.all_group),
    }
}

/// Resolves `--select` and `--ignore` to the list of rule codes to run.
fn selected_rules(args: &CheckArgs) -> Result<Option<Vec<String>>, UsageError> {
    if args.select.is_empty() && args.ignore.is_empty() {
        return Ok(None);
    }
    let select = codes(&args.select, "select")?;
    let ignore = codes(&args.ignore, "ignore")?;
    let selected = catalogue::rules()
        .iter()
        .map(|rule| rule.id.clone())
        .filter(|code| select.is_empty() || select.contains(code))
        .filter(|code| !ignore.contains(code))
        .collect();
    Ok(Some(selected))
}

fn codes(names: &[String], option: &'static str) -> Result<Vec<String>, UsageError> {
    names
        .iter()
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .map(|name| match catalogue::find(name) {
            Some(rule) => Ok(rule.id.clone()),
            None => Err(UsageError::UnknownRule {
                name: name.to_string(),
                option,
            }),
        })
        .collect()
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
