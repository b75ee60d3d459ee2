//! Arbitrary expanded words as curl's arguments. Every request must point
//! back at words that exist, and its URL must be readable.

#![no_main]

use agms_lint::endpoint::parse_url;
use agms_lint::lang::shell::parse_curl;
use agms_lint::model::Span;
use agms_lint_fuzz::curl_words::{FuzzWord, build_words};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: Vec<FuzzWord>| {
    let words = build_words(&input);
    for request in parse_curl(&words) {
        assert!(request.url_word < words.len(), "URL word out of range");
        for source in &request.sources {
            assert!(*source < words.len(), "source word {source} out of range");
        }
        for (index, _) in &request.parts {
            assert!(*index < words.len(), "part word {index} out of range");
        }
        parse_url(&request.url, Span::default());
    }
});
