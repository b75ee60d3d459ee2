//! Arbitrary bytes as a shell script: front end, rules, inventory, masking.

#![no_main]

use agms_lint::language::Language;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    agms_lint_fuzz::check_script(Language::Shell, data);
});
