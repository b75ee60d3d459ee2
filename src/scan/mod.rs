//! The pipeline over a set of paths: discover, prefilter, parse, extract,
//! check. Each worker thread reads one file at a time with its own parsers,
//! and results are sorted at the end so that output does not depend on
//! thread scheduling.

mod file;
mod read;
mod result;

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{DirEntry, WalkState};

use crate::catalogue::Lang;
use crate::discover::{WalkOptions, display_path, exclusions, is_excluded, walker};
use crate::lang::Parsers;
use crate::settings::Settings;

pub use file::check_text;
pub use result::{FileReport, Located, ReadError, ScanResult, Skipped, Stats};

use read::{Contents, read_script};

pub struct ScanOptions {
    pub walk: WalkOptions,
    /// Files larger than this many bytes are skipped and counted.
    pub max_file_size: u64,
    pub lang: Lang,
    pub settings: Settings,
    /// Record every call site for the inventory, not only findings.
    pub inventory: bool,
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
    let exclude = exclude.as_ref();
    walker(paths, &options.walk, exclude).run(|| {
        let mut parsers = Parsers::new();
        let mut local = ScanResult::default();
        let collected = &collected;
        let current_dir = current_dir.as_deref();
        Box::new(move |entry| {
            match entry {
                Ok(entry)
                    if entry.depth() == 0
                        && exclude.is_some_and(|globs| is_excluded(globs, entry.path())) => {}
                Ok(entry) => visit(&entry, options, &mut parsers, current_dir, &mut local),
                Err(error) => walk_error(&error, current_dir, &mut local),
            }
            // Flush after every file, because the walker drops this closure
            // without a final call. Only files with findings keep their text.
            merge_into(collected, &mut local);
            WalkState::Continue
        })
    });
    let mut result = collected
        .into_inner()
        .unwrap_or_else(|poison| poison.into_inner());
    result.sort();
    result
}

fn merge_into(collected: &Mutex<ScanResult>, local: &mut ScanResult) {
    let mut shared = collected
        .lock()
        .unwrap_or_else(|poison| poison.into_inner());
    shared.absorb(std::mem::take(local));
}

/// Records a walk error. Symlink loops and dangling links are counted and
/// named in a warning. Other walk errors, such as a folder without read
/// permission, are read errors that fail the run.
fn walk_error(error: &ignore::Error, current_dir: Option<&Path>, out: &mut ScanResult) {
    let path = io_error_path(error)
        .map(|path| display_path(path, current_dir))
        .unwrap_or_default();
    if is_loop(error) {
        out.stats.skipped.links += 1;
        tracing::warn!("{path}: skipped, symbolic link loop");
        return;
    }
    let dangling = error
        .io_error()
        .is_some_and(|io| io.kind() == ErrorKind::NotFound);
    if dangling {
        out.stats.skipped.links += 1;
        tracing::warn!("{path}: skipped, the link's target does not exist");
        return;
    }
    out.errors.push(ReadError {
        path,
        message: error.to_string(),
    });
}

fn is_loop(error: &ignore::Error) -> bool {
    match error {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn io_error_path(error: &ignore::Error) -> Option<&Path> {
    match error {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            io_error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

fn visit(
    entry: &DirEntry,
    options: &ScanOptions,
    parsers: &mut Parsers,
    current_dir: Option<&Path>,
    out: &mut ScanResult,
) {
    let Some(kind) = entry.file_type() else {
        return;
    };
    let path = entry.path();
    let shown = display_path(path, current_dir);
    if kind.is_dir() {
        return;
    }
    // Symbolic links are followed only with --follow-links, and then the
    // walker reports the target's type, so a link seen here is not followed.
    if kind.is_symlink() {
        out.stats.skipped.links += 1;
        tracing::debug!("{shown}: skipped, symbolic link");
        return;
    }
    // FIFOs, sockets and devices are never opened: reading one could block
    // the scan forever.
    if !kind.is_file() {
        out.stats.skipped.special += 1;
        tracing::warn!("{shown}: skipped, not a regular file");
        return;
    }
    read_and_check(path, shown, options, parsers, out);
}

fn read_and_check(
    path: &Path,
    shown: String,
    options: &ScanOptions,
    parsers: &mut Parsers,
    out: &mut ScanResult,
) {
    match read_script(path, options.max_file_size) {
        Ok(Contents::Script(language, bytes)) => {
            out.stats.scanned += 1;
            file::check_bytes(shown, language, &bytes, options, parsers, out);
        }
        Ok(Contents::NotScript) => {}
        Ok(Contents::TooLarge) => {
            out.stats.scanned += 1;
            out.stats.skipped.too_large += 1;
            tracing::warn!(
                "{shown}: skipped, larger than {} bytes",
                options.max_file_size
            );
        }
        // A file deleted between the walk and the read is gone, not broken.
        Err(error) if error.kind() == ErrorKind::NotFound => {
            out.stats.skipped.vanished += 1;
            tracing::warn!("{shown}: skipped, removed during the scan");
        }
        Err(error) => out.errors.push(ReadError {
            path: shown,
            message: error.to_string(),
        }),
    }
}
