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
const CAPACITY: usize = 1024;

/// Maximum length of a cached pattern, which with [`CAPACITY`] bounds the
/// keys of a full cache at 4 MiB per thread. Longer patterns are compiled
/// every time.
const MAX_PATTERN_LEN: usize = 4096;

type Key = (String, bool);
type Compiled = Result<Regex, String>;

thread_local! {
    static COMPILED: RefCell<HashMap<Key, Compiled>> = RefCell::new(HashMap::new());
}

/// Returns `pattern` compiled, case-insensitive when `fold` is set, or
/// `None` when the regex crate does not accept it.
pub fn compiled(pattern: &str, fold: bool) -> Option<Regex> {
    lookup(pattern, fold).ok()
}

/// Returns why the regex crate rejects `pattern`, or `None` when it
/// accepts it.
pub fn compile_error(pattern: &str) -> Option<String> {
    lookup(pattern, false).err()
}

fn lookup(pattern: &str, fold: bool) -> Compiled {
    if pattern.len() > MAX_PATTERN_LEN {
        return compile(pattern, fold);
    }
    COMPILED.with_borrow_mut(|cache| {
        let key = (pattern.to_string(), fold);
        if let Some(found) = cache.get(&key) {
            return found.clone();
        }
        if cache.len() >= CAPACITY {
            cache.clear();
        }
        let compiled = compile(pattern, fold);
        cache.insert(key, compiled.clone());
        compiled
    })
}

fn compile(pattern: &str, fold: bool) -> Compiled {
    RegexBuilder::new(pattern)
        .case_insensitive(fold)
        .size_limit(SIZE_LIMIT)
        .build()
        .map_err(|error| error.to_string())
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
        for _ in 0..2 {
            assert!(compile_error("a(b").is_some());
            assert!(compile_error("a(b").is_some_and(|error| error.contains("unclosed group")));
            assert!(compile_error("a(b)").is_none());
        }
    }

    #[test]
    fn long_patterns_are_compiled_but_not_kept() {
        let long = "a".repeat(MAX_PATTERN_LEN + 1);
        assert!(compile_error(&long).is_none());
        let cached = COMPILED.with_borrow(|cache| cache.contains_key(&(long.clone(), false)));
        assert!(!cached);
    }

    #[test]
    fn cache_starts_again_when_full() {
        for index in 0..CAPACITY + 10 {
            assert!(compile_error(&format!("x{index}")).is_none());
        }
        let size = COMPILED.with_borrow(HashMap::len);
        assert!(size <= CAPACITY, "cache holds {size} patterns");
        assert!(compiled("x3", false).is_some_and(|regex| regex.is_match("x3")));
    }
}
