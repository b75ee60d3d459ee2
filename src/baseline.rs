//! Baselines: a record of the findings a team has accepted for now, so
//! that CI reports only new ones. Entries are keyed by content fingerprint,
//! not line number, and the file is sorted JSON that diffs well in review.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::scan::ScanResult;

const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// Findings of one rule in one file with the same fingerprint. `count` is
/// the number of identical calls in the file.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    pub count: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid baseline {path}: {message}; write a new one with --write-baseline")]
    Invalid { path: String, message: String },
    #[error("cannot write baseline {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl Baseline {
    /// Records every finding of a scan.
    pub fn from_result(result: &ScanResult) -> Self {
        let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for file in &result.files {
            for located in &file.findings {
                let key = (
                    file.path.clone(),
                    located.finding.rule.to_string(),
                    located.fingerprint.clone(),
                );
                *counts.entry(key).or_default() += 1;
            }
        }
        let findings = counts
            .into_iter()
            .map(|((path, rule, fingerprint), count)| Entry {
                path,
                rule,
                fingerprint,
                count,
            })
            .collect();
        Baseline {
            version: FORMAT_VERSION,
            findings,
        }
    }

    pub fn load(path: &Path) -> Result<Self, BaselineError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            path: shown.clone(),
            source,
        })?;
        let baseline: Baseline =
            serde_json::from_str(&text).map_err(|error| BaselineError::Invalid {
                path: shown.clone(),
                message: error.to_string(),
            })?;
        if baseline.version != FORMAT_VERSION {
            return Err(BaselineError::Invalid {
                path: shown,
                message: format!(
                    "version {} is not supported (expected {FORMAT_VERSION})",
                    baseline.version
                ),
            });
        }
        Ok(baseline)
    }

    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let mut text = serde_json::to_string_pretty(self).expect("baseline serialises");
        text.push('\n');
        std::fs::write(path, text).map_err(|source| BaselineError::Write {
            path: path.display().to_string(),
            source,
        })
    }

    /// Removes from `result` the findings the baseline records, each entry
    /// absorbing at most `count` findings, and returns how many it removed.
    pub fn filter(&self, result: &mut ScanResult) -> usize {
        let mut remaining: BTreeMap<(String, String, String), usize> = self
            .findings
            .iter()
            .map(|entry| {
                let key = (
                    entry.path.clone(),
                    entry.rule.clone(),
                    entry.fingerprint.clone(),
                );
                (key, entry.count)
            })
            .collect();
        let mut removed = 0;
        for file in &mut result.files {
            file.findings.retain(|located| {
                let key = (
                    file.path.clone(),
                    located.finding.rule.to_string(),
                    located.fingerprint.clone(),
                );
                match remaining.get_mut(&key) {
                    Some(count) if *count > 0 => {
                        *count -= 1;
                        removed += 1;
                        false
                    }
                    _ => true,
                }
            });
        }
        result.files.retain(|file| !file.findings.is_empty());
        removed
    }
}
