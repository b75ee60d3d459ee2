//! The pipeline over a set of paths: discover, prefilter, parse, extract,
//! check. Each worker thread reads one file at a time with its own parsers,
//! and results are sorted at the end so that output does not depend on
//! thread scheduling.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{DirEntry, WalkState};

use crate::catalogue::Lang;
use crate::discover::{WalkOptions, display_path, walker};
use crate::finding::Finding;
use crate::fingerprint::fingerprint;
use crate::inventory::{self, Record};
use crate::lang::Parsers;
use crate::language::Language;
use crate::model::Extraction;
use crate::prefilter;
use crate::report::line_hash::line_hashes;
use crate::rules::{self, Context};
use crate::secrets;
use crate::settings::Settings;
use crate::source::{Position, SourceText};
use crate::suppress;

pub struct ScanOptions {
    pub walk: WalkOptions,
    /// Files larger than this many bytes are skipped and counted.
    pub max_file_size: u64,
    pub lang: Lang,
    pub settings: Settings,
    /// Record every call site for the inventory, not only findings.
    pub inventory: bool,
}

/// A finding tied to its file, with positions and fingerprints computed.
#[derive(Clone, Debug)]
pub struct Located {
    pub finding: Finding,
    pub start: Position,
    pub end: Position,
    /// The content fingerprint used by baselines.
    pub fingerprint: String,
    /// GitHub's `primaryLocationLineHash` of the start line.
    pub line_hash: String,
}

/// A file that produced findings, with its text masked for display.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    pub language: Language,
    pub source: SourceText,
    pub findings: Vec<Located>,
}

/// A file or folder that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub message: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Script files looked at, whether or not they were parsed.
    pub scanned: usize,
    pub skipped_binary: usize,
    pub skipped_too_large: usize,
    /// Script files without any Qualys marker, never parsed.
    pub prefiltered_out: usize,
    pub parsed: usize,
    pub call_sites: usize,
}

impl Stats {
    pub fn skipped(&self) -> usize {
        self.skipped_binary + self.skipped_too_large
    }

    fn add(&mut self, other: &Stats) {
        self.scanned += other.scanned;
        self.skipped_binary += other.skipped_binary;
        self.skipped_too_large += other.skipped_too_large;
        self.prefiltered_out += other.prefiltered_out;
        self.parsed += other.parsed;
        self.call_sites += other.call_sites;
    }
}

#[derive(Debug, Default)]
pub struct ScanResult {
    pub files: Vec<FileReport>,
    pub errors: Vec<ReadError>,
    pub stats: Stats,
    /// Every call site, when the scan was asked for an inventory.
    pub inventory: Vec<Record>,
}

impl ScanResult {
    /// Adds another scan's results, keeping files and errors sorted by path.
    pub fn merge(&mut self, other: ScanResult) {
        self.files.extend(other.files);
        self.errors.extend(other.errors);
        self.stats.add(&other.stats);
        self.inventory.extend(other.inventory);
        self.sort();
    }

    fn sort(&mut self) {
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        self.errors.sort_by(|a, b| a.path.cmp(&b.path));
        self.inventory
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    }
}

/// Bytes read to find a `#!` line in a file without a known extension.
const SHEBANG_HEAD: usize = 256;
/// Bytes searched for a NUL to tell a binary file.
const BINARY_HEAD: usize = 8192;

/// Scans every script under `paths`.
pub fn scan(paths: &[PathBuf], options: &ScanOptions) -> ScanResult {
    let current_dir = std::env::current_dir().ok();
    let collected = Mutex::new(ScanResult::default());
    walker(paths, &options.walk, options.settings.exclude.as_ref()).run(|| {
        let mut parsers = Parsers::new();
        let mut local = ScanResult::default();
        let collected = &collected;
        let current_dir = current_dir.as_deref();
        Box::new(move |entry| {
            match entry {
                Ok(entry) => visit(&entry, options, &mut parsers, current_dir, &mut local),
                Err(error) => local.errors.push(walk_error(&error, current_dir)),
            }
            // Flush per file so that nothing is lost when the walker drops
            // this closure, and memory stays bounded by files with findings.
            merge_into(collected, &mut local);
            WalkState::Continue
        })
    });
    let mut result = collected
        .into_inner()
        .unwrap_or_else(|poison| poison.into_inner());
    result.files.sort_by(|a, b| a.path.cmp(&b.path));
    result.errors.sort_by(|a, b| a.path.cmp(&b.path));
    result
}

fn merge_into(collected: &Mutex<ScanResult>, local: &mut ScanResult) {
    let mut shared = collected
        .lock()
        .unwrap_or_else(|poison| poison.into_inner());
    shared.files.append(&mut local.files);
    shared.errors.append(&mut local.errors);
    shared.inventory.append(&mut local.inventory);
    shared.stats.add(&local.stats);
    local.stats = Stats::default();
}

fn walk_error(error: &ignore::Error, current_dir: Option<&Path>) -> ReadError {
    let path = io_error_path(error)
        .map(|path| display_path(path, current_dir))
        .unwrap_or_default();
    ReadError {
        path,
        message: error.to_string(),
    }
}

fn io_error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            io_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

fn visit(
    entry: &DirEntry,
    options: &ScanOptions,
    parsers: &mut Parsers,
    current_dir: Option<&Path>,
    out: &mut ScanResult,
) {
    // FIFOs, sockets and devices are never opened: reading one could block
    // the scan forever. Symbolic links are followed only on request.
    if !entry.file_type().is_some_and(|kind| kind.is_file()) {
        return;
    }
    let path = entry.path();
    let shown = display_path(path, current_dir);
    match read_script(path, options.max_file_size) {
        Ok(Contents::Script(language, bytes)) => {
            out.stats.scanned += 1;
            check_bytes(shown, language, &bytes, options, parsers, out);
        }
        Ok(Contents::NotScript) => {}
        Ok(Contents::TooLarge) => {
            out.stats.scanned += 1;
            out.stats.skipped_too_large += 1;
            tracing::warn!(
                "{shown}: skipped, larger than {} bytes",
                options.max_file_size
            );
        }
        Err(error) => out.errors.push(ReadError {
            path: shown,
            message: error.to_string(),
        }),
    }
}

enum Contents {
    Script(Language, Vec<u8>),
    NotScript,
    TooLarge,
}

/// Reads a file if it is a shell or Python script of acceptable size.
fn read_script(path: &Path, max_size: u64) -> std::io::Result<Contents> {
    let mut file = File::open(path)?;
    let size = file.metadata()?.len();
    let language = match Language::from_extension(path) {
        Some(language) => language,
        None => {
            let mut head = Vec::with_capacity(SHEBANG_HEAD);
            file.by_ref()
                .take(SHEBANG_HEAD as u64)
                .read_to_end(&mut head)?;
            let Some(language) = Language::from_shebang(&head) else {
                return Ok(Contents::NotScript);
            };
            if size > max_size {
                return Ok(Contents::TooLarge);
            }
            let mut bytes = head;
            file.read_to_end(&mut bytes)?;
            return Ok(Contents::Script(language, bytes));
        }
    };
    if size > max_size {
        return Ok(Contents::TooLarge);
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read at most one byte past the cap, in case the file grew since the
    // size was taken.
    file.take(max_size + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_size {
        return Ok(Contents::TooLarge);
    }
    Ok(Contents::Script(language, bytes))
}

fn check_bytes(
    path: String,
    language: Language,
    bytes: &[u8],
    options: &ScanOptions,
    parsers: &mut Parsers,
    out: &mut ScanResult,
) {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && memchr::memchr(0, &bytes[..bytes.len().min(BINARY_HEAD)]).is_some() {
        out.stats.skipped_binary += 1;
        tracing::debug!("{path}: skipped, binary");
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
    let findings = suppress::apply(&source.text, findings, line_of, enabled, options.lang);
    if options.inventory {
        out.inventory.extend(inventory::records(
            &path,
            &source,
            &extraction.call_sites,
            &findings,
        ));
    }
    if findings.is_empty() {
        return;
    }
    let findings = locate(&source, &path, findings);
    let source = SourceText::new(secrets::mask(&source.text));
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
    };
    let mut findings = rules::check(&context, |code| settings.is_enabled(code));
    apply_severity_overrides(&mut findings, settings);
    (extraction, findings)
}

/// A configured severity replaces a rule's default severity. Notes that a
/// rule gives when it is not certain stay notes.
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

/// A Qualys API host name such as `qualysapi.qualys.com` or
/// `qualysguard.qg2.apps.qualys.eu` marks a file that talks to the API.
fn names_qualys_host(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("qualysapi.")
        || lower.contains("qualysguard.")
        || lower.contains(".qualys.com")
        || lower.contains(".qualys.eu")
}

fn locate(source: &SourceText, path: &str, mut findings: Vec<Finding>) -> Vec<Located> {
    findings.sort_by_key(|finding| (finding.span.start, finding.rule, finding.span.end));
    findings.dedup();
    let line_hashes = line_hashes(&source.text);
    findings
        .into_iter()
        .map(|finding| {
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
