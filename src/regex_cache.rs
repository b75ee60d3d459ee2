//! Compiled forms of the regular expressions that scripts test responses
//! with, kept per thread.
//!
//! A script's `grep -E` or `re.search` pattern is compiled once to check
//! that it is valid and again by each rule that matches it against error
//! texts, and the same patterns recur across the copies of a script in a
//! repository. Compiling one costs about as much as parsing a 5 KB file, so
//! each thread keeps what it compiled.

use std::cell::RefCell;
use std::collections::HashMap;

use regex::{Regex, RegexBuilder};

/// Largest compiled program accepted for a script's pattern, so that a
/// hostile pattern cannot take much memory or time.
const SIZE_LIMIT: usize = 1 << 20;

/// Patterns kept per thread before the cache starts again empty.
const CAPACITY: usize = 512;

type Key = (String, bool);

thread_local! {
    static COMPILED: RefCell<HashMap<Key, Option<Regex>>> = RefCell::new(HashMap::new());
}

/// Returns `pattern` compiled, case-insensitive when `fold` is set, or
/// `None` when the regex crate does not accept it.
pub fn compiled(pattern: &str, fold: bool) -> Option<Regex> {
    COMPILED.with_borrow_mut(|cache| {
        let key = (pattern.to_string(), fold);
        if let Some(found) = cache.get(&key) {
            return found.clone();
        }
        if cache.len() >= CAPACITY {
            cache.clear();
        }
        let regex = compile(pattern, fold);
        cache.insert(key, regex.clone());
        regex
    })
}

/// Returns whether the regex crate accepts `pattern`.
pub fn is_valid(pattern: &str) -> bool {
    compiled(pattern, false).is_some()
}

fn compile(pattern: &str, fold: bool) -> Option<Regex> {
    RegexBuilder::new(pattern)
        .case_insensitive(fold)
        .size_limit(SIZE_LIMIT)
        .build()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_with_and_without_case_folding() {
        let exact = compiled("Asset Group", false).expect("valid pattern");
        let folded = compiled("Asset Group", true).expect("valid pattern");
        assert!(!exact.is_match("asset group"));
        assert!(folded.is_match("asset group"));
    }

    #[test]
    fn invalid_patterns_stay_invalid_when_asked_again() {
        assert!(!is_valid("a(b"));
        assert!(!is_valid("a(b"));
        assert!(is_valid("a(b)"));
    }

    #[test]
    fn cache_starts_again_when_full() {
        for index in 0..CAPACITY + 10 {
            assert!(is_valid(&format!("x{index}")));
        }
        let size = COMPILED.with_borrow(HashMap::len);
        assert!(size <= CAPACITY, "cache holds {size} patterns");
        assert!(compiled("x3", false).is_some_and(|regex| regex.is_match("x3")));
    }
}
