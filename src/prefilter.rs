//! The cheap first pass: one Aho-Corasick scan over a file's bytes for the
//! markers that every file worth parsing contains.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(MARKERS)
        .expect("prefilter markers build")
});

/// Returns true when the bytes contain any marker.
pub fn is_candidate(bytes: &[u8]) -> bool {
    MATCHER.is_match(bytes)
}

/// Returns the byte offset of each marker in `bytes`.
pub fn marker_offsets(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    MATCHER.find_iter(bytes).map(|found| found.start())
}

/// Markers in UTF-16 files are spread over two bytes a character, so such
/// files are tested after decoding.
pub fn is_candidate_text(text: &str) -> bool {
    MATCHER.is_match(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

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
