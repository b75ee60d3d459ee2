//! Findings: what a rule reports about one place in one file.

use serde::{Deserialize, Serialize};

use crate::catalogue::Rule;
use crate::model::Span;

/// Severities in increasing order, so that `>=` compares with `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::choice::deserialize(deserializer)
    }
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One reported problem, before it is tied to a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule code, such as `AGMS001`.
    pub rule: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
}

impl Finding {
    pub fn new(rule: &'static Rule, severity: Severity, span: Span, message: String) -> Self {
        Finding {
            rule: rule.id.as_str(),
            severity,
            span,
            message,
        }
    }
}
