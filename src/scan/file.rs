//! Checking one file's bytes: binary test, prefilter, decoding, parsing,
//! rules, suppressions, and positions and fingerprints of what remains.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::checker::Candidate;
use super::plain_text;
use super::read::{looks_binary, starts_with_utf16_bom};
use super::skip_warnings::{SkipReason, SkipWarnings};
use super::timing::Stopwatch;
use super::{FileReport, Located, ScanOptions, ScanResult, Stats};
use crate::excerpt::Excerpt;
use crate::finding::Finding;
use crate::fingerprint::fingerprint;
use crate::inventory;
use crate::lang::Parsers;
use crate::lang::python::indentation;
use crate::language::Language;
use crate::model::{Extraction, TextSearch};
use crate::prefilter;
use crate::printable::printable;
use crate::report::line_hash::line_hashes;
use crate::rules::{self, Context};
use crate::secrets::Credentials;
use crate::settings::Settings;
use crate::source::SourceText;
use crate::suppress;

/// Decodes, parses and checks one candidate and adds what it finds to
/// `out`. Each stage's time is taken from `clock`.
pub fn check_candidate(
    candidate: Candidate,
    options: &ScanOptions,
    parsers: &mut Parsers,
    clock: &mut Stopwatch,
    out: &mut ScanResult,
) {
    let Candidate {
        path,
        language,
        bytes,
        utf16,
    } = candidate;
    let size = bytes.len();
    let source = SourceText::decode(bytes);
    if utf16 && !prefilter::is_candidate_text(&source.text) {
        out.stats.prefiltered_out += 1;
        out.stats.times.prefilter += clock.lap();
        return;
    }

    let text_search = text_search_reason(&path, language, size, &source.text, options);
    let parsed = text_search.is_none();
    let extraction = match text_search {
        Some(reason) => {
            out.stats.searched_as_text += 1;
            plain_text::extract(&source.text, reason)
        }
        None => {
            out.stats.parsed += 1;
            extract(language, &source.text, parsers, &mut out.stats)
        }
    };
    let extract_time = clock.lap();
    out.stats.times.parse_extract += extract_time;

    record_findings(path, language, &source, &extraction, options, out);
    let check_time = clock.lap();
    out.stats.times.check += check_time;
    if parsed {
        out.stats.times.parsed_files += extract_time + check_time;
    }
}

/// Returns why the file must be searched as text instead of parsed, after
/// logging it, or `None` when it can be parsed.
fn text_search_reason(
    path: &str,
    language: Language,
    size: usize,
    text: &str,
    options: &ScanOptions,
) -> Option<TextSearch> {
    // The limit is on the file's size, which the warning and AGMS102 name,
    // and not on its decoded text, which a legacy Japanese encoding makes up
    // to half as large again.
    if size > options.max_parse_size {
        tracing::warn!(
            "{path}: larger than the parse limit of {} bytes; searched as text",
            options.max_parse_size
        );
        return Some(TextSearch::OverParseLimit(options.max_parse_size));
    }
    if language != Language::Python {
        return None;
    }
    let columns = indentation::too_deep(text)?;
    tracing::warn!(
        "{path}: indented {columns} columns deep, more than the Python grammar can parse; \
         searched as text"
    );
    Some(TextSearch::IndentTooDeep(columns))
}

/// Runs the rules and suppressions over one file's model, then records the
/// findings that remain with their positions and a masked copy of the text.
fn record_findings(
    path: String,
    language: Language,
    source: &SourceText,
    extraction: &Extraction,
    options: &ScanOptions,
    out: &mut ScanResult,
) {
    let findings = run_rules(extraction, &source.text, options);
    let line_of = |offset| source.position(offset).line - 1;
    // A suppression of a rule that did not run is not reported as unused,
    // and on a file searched as text most rules have nothing to check.
    let searched_as_text = extraction.searched_as_text.is_some();
    let enabled = |code: &str| {
        options.settings.is_enabled(code)
            && (!searched_as_text || plain_text::RULES_RUN.contains(&code))
    };
    let mut findings = suppress::apply(
        &source.text,
        &extraction.comments,
        findings,
        line_of,
        enabled,
        options.lang,
    );
    if searched_as_text {
        plain_text::limit_notes(&mut findings);
    }
    if findings.is_empty() && !options.inventory {
        return;
    }
    let credentials = Credentials::find(&source.text);
    let known_secrets = credentials.values(&source.text);
    if options.inventory {
        let mut records = inventory::records(&path, source, &extraction.call_sites, &findings);
        inventory::make_printable(&mut records, &known_secrets);
        out.inventory.extend(records);
    }
    if findings.is_empty() {
        return;
    }
    let findings = locate(source, &path, findings, &known_secrets, options.line_hashes);
    let display = display_text(credentials.mask(&source.text), &known_secrets);
    let excerpt = Excerpt::around(&display, findings.iter().map(|f| f.finding.span.start));
    out.files.push(FileReport {
        path,
        language,
        excerpt,
        findings,
    });
}

/// Returns whether the file must be decoded and parsed: `None` when it is
/// binary or has no marker, else whether it is UTF-16, whose markers can
/// only be searched for after decoding.
pub fn prefilter_bytes(
    path: &str,
    bytes: &[u8],
    stats: &mut Stats,
    warnings: &SkipWarnings,
) -> Option<bool> {
    let utf16 = starts_with_utf16_bom(bytes);
    if !utf16 && looks_binary(bytes) {
        skip_binary(path, stats, warnings);
        return None;
    }
    if !utf16 && !prefilter::is_candidate(bytes) {
        stats.prefiltered_out += 1;
        return None;
    }
    Some(utf16)
}

/// Counts a binary file as skipped and logs a warning.
pub fn skip_binary(path: &str, stats: &mut Stats, warnings: &SkipWarnings) {
    stats.skipped.binary += 1;
    warnings.warn(SkipReason::Binary, format_args!("{path}: skipped, binary"));
}

/// Extracts one file's model and runs the enabled rules over it.
pub fn check_text(
    language: Language,
    text: &str,
    options: &ScanOptions,
    parsers: &mut Parsers,
    stats: &mut Stats,
) -> (Extraction, Vec<Finding>) {
    let extraction = extract(language, text, parsers, stats);
    let findings = run_rules(&extraction, text, options);
    (extraction, findings)
}

fn extract(language: Language, text: &str, parsers: &mut Parsers, stats: &mut Stats) -> Extraction {
    let mut extraction = parsers.extract(language, text);
    if !extraction.qualys_context {
        extraction.qualys_context = names_qualys_host(text);
    }
    stats.call_sites += extraction.call_sites.len();
    extraction
}

fn run_rules(extraction: &Extraction, text: &str, options: &ScanOptions) -> Vec<Finding> {
    let settings = &options.settings;
    let context = Context {
        extraction,
        profile: &settings.profile,
        lang: options.lang,
        text,
    };
    let mut findings = rules::check(&context, |code| settings.is_enabled(code));
    apply_severity_overrides(&mut findings, settings);
    findings
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

/// Parts of Qualys API host names such as `qualysapi.qualys.com` or
/// `qualysguard.qg2.apps.qualys.eu`, matched in any case.
const HOST_MARKERS: [&str; 4] = ["qualysapi.", "qualysguard.", ".qualys.com", ".qualys.eu"];

static HOST_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(HOST_MARKERS)
        .expect("host markers build")
});

/// Returns true when the text names a Qualys API host, which marks a file
/// that talks to the API even where no call site was found.
fn names_qualys_host(text: &str) -> bool {
    HOST_MATCHER.is_match(text)
}

/// Prepares masked source text for code frames: credential values masked
/// again where they reappear, and lone `\r` line breaks made `\n`.
/// Control characters other than tabs and line breaks, and bidirectional
/// overrides, become one `?` for each of their bytes. Each change keeps
/// the byte length, so spans stay valid.
fn display_text(masked: String, known_secrets: &[String]) -> String {
    let mut text = masked;
    for secret in known_secrets {
        if text.contains(secret.as_str()) {
            text = text.replace(secret.as_str(), &"*".repeat(secret.len()));
        }
    }
    // An ASCII byte never occurs inside a multi-byte UTF-8 sequence, so
    // swapping one ASCII byte for another keeps the text valid. A lone
    // `\r` ends a line, as in the positions reported, so it becomes `\n`
    // for the code frame, which breaks lines only there.
    let mut bytes = text.into_bytes();
    for index in 0..bytes.len() {
        let byte = bytes[index];
        if matches!(byte, b' '..=b'~') {
            continue;
        }
        if byte == b'\r' && bytes.get(index + 1) != Some(&b'\n') {
            bytes[index] = b'\n';
        } else if byte.is_ascii_control() && !matches!(byte, b'\n' | b'\r' | b'\t') {
            bytes[index] = b'?';
        } else if let Some(length) = hidden_control_length(&bytes[index..]) {
            bytes[index..index + length].fill(b'?');
        }
    }
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Returns the length in bytes of the character at the start of `bytes`
/// when a terminal may act on it instead of showing it. That is a C1
/// control (U+0080 to U+009F, such as the one-byte CSI), or a
/// bidirectional override or isolate (U+202A to U+202E, U+2066 to
/// U+2069), which can make a line read in another order than it runs. A
/// lead byte never occurs inside another character, so the test is safe
/// at any index.
fn hidden_control_length(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [0xC2, 0x80..=0x9F, ..] => Some(2),
        [0xE2, 0x80, 0xAA..=0xAE, ..] | [0xE2, 0x81, 0xA6..=0xA9, ..] => Some(3),
        _ => None,
    }
}

fn locate(
    source: &SourceText,
    path: &str,
    mut findings: Vec<Finding>,
    known_secrets: &[String],
    with_line_hashes: bool,
) -> Vec<Located> {
    findings.sort_by_key(|finding| (finding.span.start, finding.rule, finding.span.end));
    findings.dedup();
    let line_hashes = if with_line_hashes {
        line_hashes(&source.text)
    } else {
        Vec::new()
    };
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::catalogue::Lang;
    use crate::discover::WalkOptions;

    fn options(line_hashes: bool) -> ScanOptions {
        ScanOptions {
            walk: WalkOptions {
                threads: 1,
                follow_links: false,
            },
            max_file_size: 1 << 20,
            max_parse_size: 1 << 20,
            lang: Lang::En,
            settings: Settings::default(),
            inventory: false,
            line_hashes,
            timed: false,
        }
    }

    #[test]
    fn display_text_masks_secrets_and_controls() {
        let masked = "pw=*** then Hunter22 again\x1b[31m\tred\x7f é\r\nold\rmac\r";
        let display = display_text(masked.to_string(), &["Hunter22".to_string()]);
        assert_eq!(
            display,
            "pw=*** then ******** again?[31m\tred? é\r\nold\nmac\n"
        );
        assert_eq!(display.len(), masked.len(), "spans must stay valid");
    }

    #[test]
    fn display_text_masks_direction_overrides() {
        let masked =
            "a\u{9b}31m b\u{85}c \u{202e}dlrow\u{202c} \u{2066}x\u{2069} \u{200b}é\u{a0}\n";
        let display = display_text(masked.to_string(), &[]);
        assert_eq!(display, "a??31m b??c ???dlrow??? ???x??? \u{200b}é\u{a0}\n");
        assert_eq!(display.len(), masked.len(), "spans must stay valid");
    }

    /// Builds a script of 80 lines whose one finding is on line 40.
    fn script() -> String {
        let mut lines: Vec<String> = (1..=80).map(|n| format!("echo line {n}")).collect();
        lines[39] = "curl -d 'action=add&ips=10.0.0.1' \"$BASE/api/2.0/fo/asset/ip/\"".into();
        lines.join("\n") + "\n"
    }

    /// Checks `script` as the shell script `add.sh`, timed by `clock`.
    fn check_with(script: &str, options: &ScanOptions, clock: &mut Stopwatch) -> ScanResult {
        let mut out = ScanResult::default();
        let candidate = Candidate {
            path: "add.sh".into(),
            language: Language::Shell,
            bytes: script.as_bytes().to_vec(),
            utf16: false,
        };
        check_candidate(candidate, options, &mut Parsers::new(), clock, &mut out);
        out
    }

    fn check(script: &str, line_hashes: bool) -> ScanResult {
        check_with(script, &options(line_hashes), &mut Stopwatch::start(false))
    }

    proptest::proptest! {
        #[test]
        fn display_text_keeps_length_and_hides_controls(text in "\\PC*|[\\x00-\\x20\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}a-z\\r\\n]*") {
            let display = display_text(text.clone(), &[]);
            proptest::prop_assert_eq!(display.len(), text.len());
            let bytes = display.as_bytes();
            for (index, &byte) in bytes.iter().enumerate() {
                let allowed = match byte {
                    b'\r' => bytes.get(index + 1) == Some(&b'\n'),
                    b'\n' | b'\t' => true,
                    _ => !byte.is_ascii_control(),
                };
                proptest::prop_assert!(allowed, "byte {} at {} in {:?}", byte, index, display);
            }
            let hidden = display.chars().find(|c| {
                ('\u{80}'..='\u{9f}').contains(c)
                    || ('\u{202a}'..='\u{202e}').contains(c)
                    || ('\u{2066}'..='\u{2069}').contains(c)
            });
            proptest::prop_assert_eq!(hidden, None);
        }
    }

    /// Checks `script` with a parse limit of `max_parse_size` bytes and a
    /// running clock, and returns the scan result with its stage times.
    fn timed_check(script: &str, max_parse_size: usize) -> ScanResult {
        let options = ScanOptions {
            max_parse_size,
            timed: true,
            ..options(false)
        };
        let mut clock = Stopwatch::start(true);
        clock.lap();
        check_with(script, &options, &mut clock)
    }

    #[test]
    fn per_file_time_counts_parsed_files_only() {
        let script = script();
        let parsed = timed_check(&script, 1 << 20);
        assert_eq!(parsed.stats.parsed, 1);
        assert!(parsed.stats.times.parse_extract > Duration::ZERO);
        assert_eq!(
            parsed.stats.times.parsed_files,
            parsed.stats.times.parse_extract + parsed.stats.times.check
        );
        let searched = timed_check(&script, 64);
        assert_eq!(searched.stats.searched_as_text, 1);
        assert!(searched.stats.times.parse_extract > Duration::ZERO);
        assert_eq!(searched.stats.times.parsed_files, Duration::ZERO);
    }

    #[test]
    fn report_keeps_only_the_lines_near_its_findings() {
        let script = script();
        let out = check(&script, false);
        let file = out.files.first().expect("the request has findings");
        let at = |line: &str| script.find(line).expect("line in script");
        assert!(file.excerpt.chunk_at(at("curl")).is_some());
        assert!(file.excerpt.chunk_at(at("echo line 38\n")).is_some());
        assert!(file.excerpt.chunk_at(at("echo line 1\n")).is_none());
        assert!(file.excerpt.chunk_at(at("echo line 80\n")).is_none());
    }

    #[test]
    fn line_hashes_are_computed_only_when_asked_for() {
        let script = script();
        let without = check(&script, false);
        let with = check(&script, true);
        let hashes = |out: &ScanResult| -> Vec<String> {
            out.files[0]
                .findings
                .iter()
                .map(|f| f.line_hash.clone())
                .collect()
        };
        assert!(hashes(&without).iter().all(String::is_empty));
        let computed = hashes(&with);
        assert!(!computed.is_empty());
        assert!(
            computed.iter().all(|hash| hash.ends_with(":1")),
            "{computed:?}"
        );
    }
}
