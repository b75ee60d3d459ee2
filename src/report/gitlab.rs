//! GitLab Code Quality: a JSON array of issues with a unique, stable
//! fingerprint each, shown in merge requests.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use super::all_findings;
use crate::finding::Severity;
use crate::scan::ScanResult;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> io::Result<()> {
    // GitLab needs unique fingerprints; identical calls in one file share a
    // content fingerprint, so later ones get their occurrence number.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let issues: Vec<Value> = all_findings(result)
        .map(|(file, located)| {
            let occurrence = seen.entry(located.fingerprint.as_str()).or_default();
            *occurrence += 1;
            let fingerprint = match *occurrence {
                1 => located.fingerprint.clone(),
                n => format!("{}-{n}", located.fingerprint),
            };
            json!({
                "description": located.finding.message,
                "check_name": located.finding.rule,
                "fingerprint": fingerprint,
                "severity": severity(located.finding.severity),
                "location": {
                    "path": file.path,
                    "lines": { "begin": located.start.line, "end": located.end.line },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}
