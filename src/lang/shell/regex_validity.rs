//! Whether the `regex` crate compiles a pattern, remembered per thread.
//! Under callgrind, compiling one short `grep` pattern took about 1.8
//! million instructions, roughly a hundred times the cost of reading the
//! rest of its command. The scripts of one repository often test the same
//! texts, such as one `grep` line copied into every script.

use std::cell::RefCell;
use std::collections::HashMap;

/// Maximum number of results one thread keeps. The cache is emptied when
/// it is full.
const MAX_ENTRIES: usize = 1024;

/// Maximum length, in bytes, of a pattern whose result is kept. With
/// `MAX_ENTRIES`, it bounds the keys of a full cache at 4 MiB per thread.
const MAX_PATTERN_LEN: usize = 4096;

thread_local! {
    /// The compile error of each pattern seen, or `None` when it compiled.
    static RESULTS: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
}

/// Returns the error `regex::Regex::new` gives for `pattern`, or `None`
/// when the pattern compiles.
pub fn compile_error(pattern: &str) -> Option<String> {
    if pattern.len() > MAX_PATTERN_LEN {
        return compile(pattern);
    }
    if let Some(result) = RESULTS.with(|results| results.borrow().get(pattern).cloned()) {
        return result;
    }
    let result = compile(pattern);
    RESULTS.with(|results| {
        let mut results = results.borrow_mut();
        if results.len() >= MAX_ENTRIES {
            results.clear();
        }
        results.insert(pattern.to_string(), result.clone());
    });
    result
}

fn compile(pattern: &str) -> Option<String> {
    regex::Regex::new(pattern)
        .err()
        .map(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_pattern_gives_same_result() {
        for _ in 0..2 {
            assert_eq!(compile_error("a.*b"), None);
            assert!(compile_error("a(b").is_some());
        }
    }

    #[test]
    fn long_pattern_is_still_checked() {
        let long = "a".repeat(MAX_PATTERN_LEN + 1);
        assert_eq!(compile_error(&long), None);
        let broken = format!("{long}(");
        assert!(compile_error(&broken).is_some());
    }
}
