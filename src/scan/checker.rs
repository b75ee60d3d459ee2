//! The threads that parse and check candidate files.
//!
//! Reading waits on the disk and parsing waits on the processor, so the two
//! run on separate threads. The walker's threads read each file and run the
//! prefilter. They hand the few candidates over a bounded channel to one
//! checker thread per core, each with its own parsers. With a cold page
//! cache, many reads are then in flight while the checkers stay busy, and
//! the bound limits the bytes waiting to be parsed to a few files.

use std::panic::{self, AssertUnwindSafe};

use crossbeam_channel::{Receiver, Sender, bounded};

use super::timing::Stopwatch;
use super::{ReadError, ScanOptions, ScanResult, file};
use crate::lang::Parsers;
use crate::language::Language;

/// A file the prefilter let through, on its way to a checker.
pub struct Candidate {
    pub path: String,
    pub language: Language,
    pub bytes: Vec<u8>,
    /// UTF-16 text, whose markers can only be searched for after decoding.
    pub utf16: bool,
}

/// Candidates waiting per checker thread before readers wait in turn.
const QUEUE_PER_CHECKER: usize = 4;

/// Returns the channel that carries candidates to `checkers` threads.
pub fn channel(checkers: usize) -> (Sender<Candidate>, Receiver<Candidate>) {
    bounded(checkers.max(1) * QUEUE_PER_CHECKER)
}

/// Checks candidates until every sender is gone, then returns what this
/// thread found.
pub fn run(candidates: &Receiver<Candidate>, options: &ScanOptions) -> ScanResult {
    let mut parsers = Parsers::new();
    let mut out = ScanResult::default();
    let mut clock = Stopwatch::start(options.timed);
    for candidate in candidates {
        // Time spent waiting for work is not charged to any stage.
        clock.lap();
        let path = candidate.path.clone();
        let checked = panic::catch_unwind(AssertUnwindSafe(|| {
            file::check_candidate(candidate, options, &mut parsers, &mut clock, &mut out);
        }));
        if checked.is_err() {
            // A fault in one file's analysis must not end the scan. The
            // parsers may be mid-parse, so they are built afresh.
            parsers = Parsers::new();
            out.errors.push(ReadError {
                path,
                message: INTERNAL_ERROR.to_string(),
            });
        }
    }
    out
}

/// The message for a file whose reading or checking panicked.
pub const INTERNAL_ERROR: &str =
    "agms-lint failed on this file (an internal error; please report it with the file if you can)";
