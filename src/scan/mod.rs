//! The pipeline over a set of paths: discover, prefilter, parse, extract,
//! check. Reader threads walk, read and prefilter; checker threads parse
//! and check the candidates, each with its own parsers. Results are sorted
//! at the end so that output does not depend on thread scheduling.

mod checker;
mod file;
pub mod plain_text;
mod read;
mod result;
mod skip_warnings;
mod timing;
mod walk_error;
mod worker;

use std::path::PathBuf;
use std::sync::Mutex;

use crate::catalogue::Lang;
use crate::discover::{PathNames, WalkOptions, exclusions, walker};
use crate::settings::Settings;

pub use file::check_text;
pub use result::{FileReport, Located, ReadError, ScanResult, Skipped, Stats};
pub use timing::StageTimes;

use skip_warnings::SkipWarnings;
use worker::WorkerBuilder;

pub struct ScanOptions {
    pub walk: WalkOptions,
    /// Files larger than this many bytes are skipped and counted.
    pub max_file_size: u64,
    /// Texts larger than this many bytes are searched, not parsed.
    pub max_parse_size: usize,
    pub lang: Lang,
    pub settings: Settings,
    /// Record every call site for the inventory, not only findings.
    pub inventory: bool,
    /// Compute GitHub's line hashes, which only SARIF shows.
    pub line_hashes: bool,
    /// Measure each stage's processor time, which only `--stats` shows.
    pub timed: bool,
}

/// Scans every script under `paths`.
pub fn scan(paths: &[PathBuf], options: &ScanOptions) -> ScanResult {
    let collected = Mutex::new(ScanResult::default());
    let exclude = options
        .settings
        .exclude
        .as_ref()
        .map(|(root, globs)| exclusions(root, globs));
    let names = PathNames::new(paths, exclude.is_some());
    let warnings = SkipWarnings::default();
    let threads = Threads::for_request(options.walk.threads);
    let (sender, receiver) = checker::channel(threads.checkers);
    let mut result = std::thread::scope(|scope| {
        let checkers: Vec<_> = (0..threads.checkers)
            .map(|_| scope.spawn(|| checker::run(&receiver, options)))
            .collect();
        let mut builder = WorkerBuilder {
            options,
            collected: &collected,
            names: &names,
            exclude: exclude.as_ref(),
            warnings: &warnings,
            candidates: sender,
        };
        let walk = WalkOptions {
            threads: threads.readers,
            ..options.walk
        };
        walker(paths, &walk, exclude.as_ref()).visit(&mut builder);
        // Dropping the last sender ends the checkers' loops.
        drop(builder);
        let mut result = collected
            .into_inner()
            .unwrap_or_else(|poison| poison.into_inner());
        for checker in checkers {
            match checker.join() {
                Ok(found) => result.absorb(found),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        result
    });
    warnings.warn_about_hidden();
    result.sort();
    result
}

/// How many threads read and how many check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Threads {
    readers: usize,
    checkers: usize,
}

/// Most threads of either kind, the cap of the `ignore` crate's walker.
const MAX_THREADS: usize = 12;

impl Threads {
    /// `requested` threads of each kind, or for 0, one checker per core and
    /// four readers per core, since readers mostly wait on the disk.
    fn for_request(requested: usize) -> Self {
        if requested > 0 {
            let count = requested.min(MAX_THREADS);
            return Threads {
                readers: count,
                checkers: count,
            };
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Threads {
            readers: (4 * cores).min(MAX_THREADS),
            checkers: cores.min(MAX_THREADS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_asked_for_are_used_for_both_kinds() {
        let threads = Threads::for_request(3);
        assert_eq!(
            threads,
            Threads {
                readers: 3,
                checkers: 3
            }
        );
        assert_eq!(Threads::for_request(40).checkers, MAX_THREADS);
    }

    #[test]
    fn threads_by_default_follow_the_cores() {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = Threads::for_request(0);
        assert_eq!(threads.checkers, cores.min(MAX_THREADS));
        assert_eq!(threads.readers, (4 * cores).min(MAX_THREADS));
    }
}
