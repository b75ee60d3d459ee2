//! The pipeline over a set of paths: discover, prefilter, parse, extract,
//! check. Each worker thread reads one file at a time with its own parsers,
//! and results are sorted at the end so that output does not depend on
//! thread scheduling.

mod file;
pub mod plain_text;
mod read;
mod result;
mod timing;
mod walk_error;
mod worker;

use std::path::PathBuf;
use std::sync::Mutex;

use crate::catalogue::Lang;
use crate::discover::{WalkOptions, exclusions, walker};
use crate::settings::Settings;

pub use file::check_text;
pub use result::{FileReport, Located, ReadError, ScanResult, Skipped, Stats};
pub use timing::StageTimes;

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
}

/// Scans every script under `paths`.
pub fn scan(paths: &[PathBuf], options: &ScanOptions) -> ScanResult {
    let current_dir = std::env::current_dir().ok();
    let collected = Mutex::new(ScanResult::default());
    let exclude = options
        .settings
        .exclude
        .as_ref()
        .map(|(root, globs)| exclusions(root, globs));
    let mut builder = WorkerBuilder {
        options,
        collected: &collected,
        current_dir: current_dir.as_deref(),
        exclude: exclude.as_ref(),
    };
    walker(paths, &options.walk, exclude.as_ref()).visit(&mut builder);
    let mut result = collected
        .into_inner()
        .unwrap_or_else(|poison| poison.into_inner());
    result.sort();
    result
}
