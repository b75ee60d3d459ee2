//! The cheap first pass: one scan over a file's bytes for the markers that
//! every file worth parsing contains.
//!
//! The scan looks for the first three bytes of each marker, in every ASCII
//! case, with a packed SIMD searcher, and checks the whole marker only where
//! those three bytes occur. Twenty short patterns keep that searcher fast,
//! where all case forms of the whole markers would be too many for it. On a
//! CPU it cannot use, an Aho-Corasick automaton does the same work.

use std::sync::LazyLock;

use aho_corasick::packed;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind, Span};

/// A file with a Qualys call site names a Qualys host or client library
/// (`qualys`), a v2 API path (`…/api/2.0/fo/…`) or a v1 script (`msp/…`).
/// The old error texts and `<DOMAIN>` only matter in such files, so they
/// need no markers of their own. The `/fo` spellings cover a base URL
/// written without its trailing slash before a quote or the line end.
const MARKERS: [&str; 8] = [
    "qualys", "msp/", "/fo/", "/fo\"", "/fo'", "/fo}", "/fo\n", "/fo\r",
];

/// Length of the longest marker, in bytes.
pub const MAX_MARKER_LEN: usize = 6;

/// Length of the start of each marker that the packed searcher looks for.
const HEAD_LEN: usize = 3;

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(MARKERS)
        .expect("prefilter markers build")
});

/// The packed searcher for marker starts, or `None` where the CPU lacks the
/// vector instructions it needs.
static HEADS: LazyLock<Option<packed::Searcher>> = LazyLock::new(|| {
    let mut builder = packed::Config::new().builder();
    for head in head_forms() {
        builder.add(head);
    }
    builder.build()
});

/// Returns every ASCII case form of the first three bytes of each marker,
/// once each.
fn head_forms() -> Vec<Vec<u8>> {
    let mut forms: Vec<Vec<u8>> = Vec::new();
    for marker in MARKERS {
        for form in case_forms(&marker.as_bytes()[..HEAD_LEN]) {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// Returns every spelling of `bytes` with its ASCII letters in either case.
fn case_forms(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut forms = vec![Vec::with_capacity(bytes.len())];
    for &byte in bytes {
        let cases = [byte.to_ascii_lowercase(), byte.to_ascii_uppercase()];
        let cases = if cases[0] == cases[1] {
            &cases[..1]
        } else {
            &cases[..]
        };
        forms = forms
            .into_iter()
            .flat_map(|form| {
                cases.iter().map(move |&case| {
                    let mut longer = form.clone();
                    longer.push(case);
                    longer
                })
            })
            .collect();
    }
    forms
}

/// Returns true when the bytes contain any marker.
pub fn is_candidate(bytes: &[u8]) -> bool {
    match HEADS.as_ref() {
        Some(heads) => has_marker(heads, bytes),
        None => MATCHER.is_match(bytes),
    }
}

/// Returns whether the bytes contain a marker, checking in full each marker
/// start that the packed searcher finds.
fn has_marker(heads: &packed::Searcher, bytes: &[u8]) -> bool {
    let mut from = 0;
    while let Some(head) = heads.find_in(bytes, Span::from(from..bytes.len())) {
        if starts_with_marker(&bytes[head.start()..]) {
            return true;
        }
        from = head.start() + 1;
    }
    false
}

/// Returns whether the bytes start with a marker, in any ASCII case.
fn starts_with_marker(bytes: &[u8]) -> bool {
    MARKERS.iter().any(|marker| {
        bytes
            .get(..marker.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(marker.as_bytes()))
    })
}

/// Returns the byte offset of each marker in `bytes`.
pub fn marker_offsets(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    MATCHER.find_iter(bytes).map(|found| found.start())
}

/// Markers in UTF-16 files are spread over two bytes a character, so such
/// files are tested after decoding.
pub fn is_candidate_text(text: &str) -> bool {
    is_candidate(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Returns whether some marker occurs in the text folded to lower case,
    /// the plain definition that the fast search must agree with.
    fn contains_marker(bytes: &[u8]) -> bool {
        let folded = bytes.to_ascii_lowercase();
        MARKERS.iter().any(|marker| {
            folded
                .windows(marker.len())
                .any(|window| window == marker.as_bytes())
        })
    }

    /// Generates text from pieces of markers in mixed case, near-misses and
    /// filler, so that marker starts, whole markers and broken ones occur.
    fn marker_soup() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop::sample::select(vec![
            "q", "Qu", "qUA", "ALYS", "lys", "quaLYs", "m", "MS", "msP", "p/", "/", "/f", "/FO",
            "/fO", "o", "\"", "'", "}", "\n", "\r", "x", " ", "fo", "\u{e9}", "\0",
        ]);
        prop::collection::vec(piece, 0..120).prop_map(|pieces| pieces.concat().into_bytes())
    }

    proptest! {
        #[test]
        fn is_candidate_matches_plain_search(bytes in marker_soup()) {
            prop_assert_eq!(is_candidate(&bytes), contains_marker(&bytes));
            prop_assert_eq!(MATCHER.is_match(&bytes), contains_marker(&bytes));
        }
    }

    #[test]
    fn packed_searcher_builds_on_this_cpu() {
        // Without it, the property test would only exercise the fallback.
        let heads = HEADS
            .as_ref()
            .expect("packed searcher not built: this CPU lacks the vector instructions it needs");
        assert!(has_marker(heads, b"see /api/2.0/FO/asset/ip/"));
    }

    #[test]
    fn head_forms_cover_every_case() {
        let forms = head_forms();
        // `qua` and `msp` in 8 cases each, `/fo` in 4.
        assert_eq!(forms.len(), 20);
        assert!(forms.contains(&b"qUa".to_vec()));
        assert!(forms.contains(&b"MSP".to_vec()));
        assert!(forms.contains(&b"/Fo".to_vec()));
        assert!(forms.iter().all(|form| form.len() == HEAD_LEN));
    }

    #[test]
    fn is_candidate_rejects_partial_markers() {
        assert!(!is_candidate(b"quality msp-/ /fox /fo"));
        assert!(!is_candidate(&b"/fox".repeat(40)));
        assert!(is_candidate(
            &[b"/fox".repeat(40), b"/fo'".to_vec()].concat()
        ));
    }

    #[test]
    fn markers_are_found_in_any_case() {
        assert!(is_candidate(b"import qualysapi\n"));
        assert!(is_candidate(b"URL=https://QUALYSAPI.QUALYS.COM/x"));
        assert!(is_candidate(b"curl $H/api/2.0/fo/asset/ip/"));
        assert!(is_candidate(b"BASE=\"$H/api/2.0/fo\"\n"));
        assert!(is_candidate(b"curl $H/msp/user.php"));
    }

    #[test]
    fn longest_marker_length_is_recorded() {
        let longest = MARKERS.iter().map(|marker| marker.len()).max();
        assert_eq!(longest, Some(MAX_MARKER_LEN));
    }

    #[test]
    fn ordinary_files_are_not_candidates() {
        assert!(!is_candidate(b"#!/bin/sh\necho hello /foo/bar\n"));
        assert!(!is_candidate(
            b"import requests\nrequests.get('https://example.com/api/v1/')\n"
        ));
    }
}
