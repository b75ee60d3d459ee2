//! Checking one file's bytes: binary test, prefilter, decoding, parsing,
//! rules, suppressions, and positions and fingerprints of what remains.

use super::read::looks_binary;
use super::{FileReport, Located, ScanOptions, ScanResult, Stats};
use crate::finding::Finding;
use crate::fingerprint::fingerprint;
use crate::inventory;
use crate::lang::Parsers;
use crate::language::Language;
use crate::model::Extraction;
use crate::prefilter;
use crate::printable::printable;
use crate::report::line_hash::line_hashes;
use crate::rules::{self, Context};
use crate::secrets;
use crate::settings::Settings;
use crate::source::SourceText;
use crate::suppress;

pub fn check_bytes(
    path: String,
    language: Language,
    bytes: &[u8],
    options: &ScanOptions,
    parsers: &mut Parsers,
    out: &mut ScanResult,
) {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && looks_binary(bytes) {
        out.stats.skipped.binary += 1;
        tracing::warn!("{path}: skipped, binary");
        return;
    }
    if !utf16 && !prefilter::is_candidate(bytes) {
        out.stats.prefiltered_out += 1;
        return;
    }
    let source = SourceText::decode(bytes);
    if utf16 && !prefilter::is_candidate_text(&source.text) {
        out.stats.prefiltered_out += 1;
        return;
    }
    out.stats.parsed += 1;
    let (extraction, findings) =
        check_text(language, &source.text, options, parsers, &mut out.stats);
    let line_of = |offset| source.position(offset).line - 1;
    let enabled = |code: &str| options.settings.is_enabled(code);
    let findings = suppress::apply(
        &source.text,
        &extraction.comments,
        findings,
        line_of,
        enabled,
        options.lang,
    );
    if findings.is_empty() && !options.inventory {
        return;
    }
    let known_secrets = secrets::values(&source.text);
    if options.inventory {
        let mut records = inventory::records(&path, &source, &extraction.call_sites, &findings);
        inventory::make_printable(&mut records, &known_secrets);
        out.inventory.extend(records);
    }
    if findings.is_empty() {
        return;
    }
    let findings = locate(&source, &path, findings, &known_secrets);
    let source = SourceText::new(display_text(&source.text, &known_secrets));
    out.files.push(FileReport {
        path,
        language,
        source,
        findings,
    });
}

/// Extracts one file's model and runs the enabled rules over it.
pub fn check_text(
    language: Language,
    text: &str,
    options: &ScanOptions,
    parsers: &mut Parsers,
    stats: &mut Stats,
) -> (Extraction, Vec<Finding>) {
    let mut extraction = parsers.extract(language, text);
    extraction.qualys_context |= names_qualys_host(text);
    stats.call_sites += extraction.call_sites.len();
    let settings = &options.settings;
    let context = Context {
        extraction: &extraction,
        profile: &settings.profile,
        lang: options.lang,
        text,
    };
    let mut findings = rules::check(&context, |code| settings.is_enabled(code));
    apply_severity_overrides(&mut findings, settings);
    (extraction, findings)
}

/// Applies configured severities in place of rules' default severities.
/// Notes that a rule gives when it is not certain stay notes.
fn apply_severity_overrides(findings: &mut [Finding], settings: &Settings) {
    for finding in findings {
        let Some(&severity) = settings.severity.get(finding.rule) else {
            continue;
        };
        if finding.severity == crate::catalogue::rule(finding.rule).severity {
            finding.severity = severity;
        }
    }
}

/// Detects a Qualys API host name such as `qualysapi.qualys.com` or
/// `qualysguard.qg2.apps.qualys.eu`, which marks a file that talks to the API.
fn names_qualys_host(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("qualysapi.")
        || lower.contains("qualysguard.")
        || lower.contains(".qualys.com")
        || lower.contains(".qualys.eu")
}

/// Prepares source text for code frames: credentials masked and control
/// characters other than line breaks and tabs shown as `?`. Both keep the
/// byte length, so spans stay valid.
fn display_text(text: &str, known_secrets: &[String]) -> String {
    let masked = secrets::mask(text);
    let masked = known_secrets.iter().fold(masked, |text, secret| {
        text.replace(secret.as_str(), &"*".repeat(secret.len()))
    });
    masked
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => c,
            c if c.is_ascii_control() => '?',
            c => c,
        })
        .collect()
}

fn locate(
    source: &SourceText,
    path: &str,
    mut findings: Vec<Finding>,
    known_secrets: &[String],
) -> Vec<Located> {
    findings.sort_by_key(|finding| (finding.span.start, finding.rule, finding.span.end));
    findings.dedup();
    let line_hashes = line_hashes(&source.text);
    findings
        .into_iter()
        .map(|mut finding| {
            // Messages quote pieces of the script, such as an unresolved
            // `--json` body or an `ag_title` value, so they are made safe
            // like the source text.
            finding.message = printable(&finding.message, known_secrets);
            let start = source.position(finding.span.start);
            let span_text = source
                .text
                .get(finding.span.start..finding.span.end)
                .unwrap_or("");
            Located {
                fingerprint: fingerprint(finding.rule, path, span_text),
                line_hash: line_hashes.get(start.line - 1).cloned().unwrap_or_default(),
                end: source.position(finding.span.end),
                start,
                finding,
            }
        })
        .collect()
}
