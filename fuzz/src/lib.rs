//! The bodies of the fuzz targets, shared so that the shell and Python
//! targets run exactly the same checks.

pub mod curl_words;

use std::cell::RefCell;

use agms_lint::catalogue::Lang;
use agms_lint::excerpt::Excerpt;
use agms_lint::finding::Finding;
use agms_lint::inventory;
use agms_lint::lang::Parsers;
use agms_lint::language::Language;
use agms_lint::model::{Extraction, Span};
use agms_lint::printable::printable;
use agms_lint::profile::{AllGroup, Networks, Profile, Role};
use agms_lint::rules::{self, Context};
use agms_lint::secrets;
use agms_lint::source::SourceText;
use agms_lint::suppress;

thread_local! {
    // The scanner keeps one set of parsers per worker thread and reuses it
    // for every file, so the fuzzer does the same: state left behind by one
    // input must not break the next.
    static PARSERS: RefCell<Parsers> = RefCell::new(Parsers::new());
}

/// Profiles that take different branches in the rules (all unknown, a
/// manager, and a unit manager without networks or the All group), each
/// with a message language. One pass per profile keeps the target fast
/// enough, and the rules branch on the language only to pick a text.
const PROFILES: [(Profile, Lang); 3] = [
    (
        Profile {
            role: Role::Unknown,
            networks: Networks::Unknown,
            all_group: AllGroup::Unknown,
        },
        Lang::En,
    ),
    (
        Profile {
            role: Role::Manager,
            networks: Networks::On,
            all_group: AllGroup::Assigned,
        },
        Lang::Ja,
    ),
    (
        Profile {
            role: Role::UnitManager,
            networks: Networks::Off,
            all_group: AllGroup::NotAssigned,
        },
        Lang::En,
    ),
];

/// Reads arbitrary bytes as a script of `language`, decoded as lossy UTF-8,
/// and takes it through the scanner's steps after decoding. These are the
/// front end, every rule and the suppressions under each profile, the
/// inventory, and the masking that prepares text for output. Panics if any
/// step panics or if a span points outside the text.
pub fn check_script(language: Language, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let extraction = PARSERS.with_borrow_mut(|parsers| parsers.extract(language, &text));
    assert_spans_in_text(&extraction, text.len());

    let source = SourceText::new(text.into_owned());
    let line_of = |offset| source.position(offset).line - 1;
    let mut findings = Vec::new();
    for (profile, lang) in &PROFILES {
        let context = Context {
            extraction: &extraction,
            profile,
            lang: *lang,
            text: &source.text,
        };
        let found = rules::check(&context, |_| true);
        let comments = &extraction.comments;
        let unsuppressed = suppress::apply(&source.text, comments, found, line_of, |_| true, *lang);
        findings.extend(unsuppressed);
    }
    for finding in &findings {
        assert_in_text(finding.span, source.text.len(), finding.rule);
    }

    let known_secrets = secrets::values(&source.text);
    let mut records = inventory::records("fuzz", &source, &extraction.call_sites, &findings);
    inventory::make_printable(&mut records, &known_secrets);
    for finding in &findings {
        printable(&finding.message, &known_secrets);
    }
    let masked = secrets::mask(&source.text);
    assert_eq!(
        masked.len(),
        source.text.len(),
        "masking changed the length"
    );
    check_excerpt(&masked, &findings);
}

/// Keeps the lines around the findings, as a report does, and checks that
/// each finding's line is found inside the text.
fn check_excerpt(text: &str, findings: &[Finding]) {
    let excerpt = Excerpt::around(text, findings.iter().map(|finding| finding.span.start));
    for finding in findings {
        let (start, end) = excerpt.line_range(finding.span.start);
        assert!(
            start <= end && end <= text.len() && text.is_char_boundary(start),
            "line {start}..{end} of {} outside the text",
            finding.rule
        );
        assert!(
            excerpt.chunk_at(finding.span.start).is_some(),
            "no lines kept for {}",
            finding.rule
        );
    }
}

fn assert_spans_in_text(extraction: &Extraction, len: usize) {
    for site in &extraction.call_sites {
        assert_in_text(site.span, len, "call site");
        for param in &site.params {
            assert_in_text(param.span, len, &param.name);
        }
        for piece in &site.unresolved {
            assert_in_text(piece.span, len, &piece.description);
        }
    }
    for string_use in &extraction.string_uses {
        assert_in_text(string_use.span, len, &string_use.text);
    }
    for span in extraction.comments.iter().chain(&extraction.unparsed) {
        assert_in_text(*span, len, "comment or unparsed region");
    }
}

fn assert_in_text(span: Span, len: usize, what: &str) {
    assert!(
        span.start <= span.end && span.end <= len,
        "span {span:?} of {what:?} lies outside a text of {len} bytes"
    );
}
