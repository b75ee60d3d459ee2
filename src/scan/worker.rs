//! One walker thread's work: each entry the walker hands it is read and
//! prefiltered, and each candidate is sent to the checker threads. Counts
//! and errors collected here are merged into the shared result once, when
//! the thread finishes.

use std::io::ErrorKind;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;

use ignore::overrides::Override;
use ignore::{DirEntry, ParallelVisitor, ParallelVisitorBuilder, WalkState};

use crossbeam_channel::Sender;

use super::checker::{Candidate, INTERNAL_ERROR};
use super::read::{Contents, read_script};
use super::skip_warnings::{SkipReason, SkipWarnings};
use super::timing::Stopwatch;
use super::walk_error::walk_error;
use super::{ReadError, ScanOptions, ScanResult, file};
use crate::discover::{PathNames, is_excluded};

/// Builds one `Worker` for each thread the walker starts.
pub struct WorkerBuilder<'a> {
    pub options: &'a ScanOptions,
    pub collected: &'a Mutex<ScanResult>,
    pub names: &'a PathNames,
    /// Exclude globs, tested here against paths named on the command line.
    pub exclude: Option<&'a Override>,
    pub warnings: &'a SkipWarnings,
    pub candidates: Sender<Candidate>,
}

impl<'s> ParallelVisitorBuilder<'s> for WorkerBuilder<'s> {
    fn build(&mut self) -> Box<dyn ParallelVisitor + 's> {
        Box::new(Worker {
            options: self.options,
            collected: self.collected,
            names: self.names,
            exclude: self.exclude,
            warnings: self.warnings,
            candidates: self.candidates.clone(),
            local: ScanResult::default(),
            clock: Stopwatch::start(self.options.timed),
        })
    }
}

struct Worker<'a> {
    options: &'a ScanOptions,
    collected: &'a Mutex<ScanResult>,
    names: &'a PathNames,
    exclude: Option<&'a Override>,
    warnings: &'a SkipWarnings,
    candidates: Sender<Candidate>,
    local: ScanResult,
    clock: Stopwatch,
}

impl ParallelVisitor for Worker<'_> {
    fn visit(&mut self, entry: Result<DirEntry, ignore::Error>) -> WalkState {
        // The time since the previous entry went to the walker itself.
        self.local.stats.times.walk_read += self.clock.lap();
        match entry {
            Ok(entry) if entry.depth() == 0 && self.is_excluded(&entry) => {
                self.warnings.warn(
                    SkipReason::Excluded,
                    format_args!(
                        "{}: not checked, it matches an `exclude` glob of the configuration file",
                        self.shown(entry.path())
                    ),
                );
            }
            Ok(entry) => self.visit_entry(&entry),
            Err(error) => walk_error(&error, self.names, &mut self.local, self.warnings),
        }
        WalkState::Continue
    }
}

/// The walker drops each worker when its thread finishes, before the walk
/// returns (ignore 0.4.35 runs its threads in a `std::thread::scope`), so
/// every thread's results reach the shared result.
impl Drop for Worker<'_> {
    fn drop(&mut self) {
        let mut shared = self
            .collected
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        shared.absorb(std::mem::take(&mut self.local));
    }
}

impl Worker<'_> {
    fn is_excluded(&self, entry: &DirEntry) -> bool {
        self.exclude
            .is_some_and(|globs| is_excluded(globs, entry.path()))
    }

    fn visit_entry(&mut self, entry: &DirEntry) {
        let Some(kind) = entry.file_type() else {
            return;
        };
        if kind.is_dir() {
            return;
        }
        self.local.stats.seen += 1;
        let path = entry.path();
        // Symbolic links are followed only with --follow-links, and then the
        // walker reports the target's type, so a link seen here is not followed.
        if kind.is_symlink() {
            self.local.stats.skipped.links += 1;
            tracing::debug!("{}: skipped, symbolic link", self.shown(path));
            return;
        }
        // FIFOs, sockets and devices are never opened: reading one could block
        // the scan forever.
        if !kind.is_file() {
            self.local.stats.skipped.special += 1;
            self.warnings.warn(
                SkipReason::NotRegularFile,
                format_args!("{}: skipped, not a regular file", self.shown(path)),
            );
            return;
        }
        let read = panic::catch_unwind(AssertUnwindSafe(|| self.read_and_check(path)));
        if read.is_err() {
            // A fault while reading one file must not end the scan.
            let path = self.shown(path);
            self.local.errors.push(ReadError {
                path,
                message: INTERNAL_ERROR.to_string(),
            });
        }
    }

    fn shown(&self, path: &Path) -> String {
        self.names.show(path)
    }

    fn read_and_check(&mut self, path: &Path) {
        let options = self.options;
        let names = self.names;
        let out = &mut self.local;
        let contents = read_script(path, options.max_file_size);
        out.stats.times.walk_read += self.clock.lap();
        match contents {
            Ok(Contents::Script(language, bytes)) => {
                out.stats.scanned += 1;
                let path = names.show(path);
                let utf16 = file::prefilter_bytes(&path, &bytes, &mut out.stats, self.warnings);
                out.stats.times.prefilter += self.clock.lap();
                if let Some(utf16) = utf16 {
                    let candidate = Candidate {
                        path,
                        language,
                        bytes,
                        utf16,
                    };
                    // The checkers outlive every reader, so the channel is
                    // open for as long as this thread sends.
                    let _ = self.candidates.send(candidate);
                    // Time spent waiting for room in the queue is not
                    // charged to any stage.
                    self.clock.lap();
                }
            }
            Ok(Contents::Unmarked { binary }) => {
                out.stats.scanned += 1;
                if binary {
                    let display = names.show(path);
                    file::skip_binary(&display, &mut out.stats, self.warnings);
                } else {
                    out.stats.prefiltered_out += 1;
                }
            }
            Ok(Contents::NotScript) => out.stats.not_scripts += 1,
            Ok(Contents::TooLarge) => {
                out.stats.scanned += 1;
                out.stats.skipped.too_large += 1;
                self.warnings.warn(
                    SkipReason::TooLarge,
                    format_args!(
                        "{}: skipped, larger than {} bytes",
                        names.show(path),
                        options.max_file_size
                    ),
                );
            }
            // A file deleted between the walk and the read is gone, not broken.
            Err(error) if error.kind() == ErrorKind::NotFound => {
                out.stats.skipped.vanished += 1;
                self.warnings.warn(
                    SkipReason::Vanished,
                    format_args!("{}: skipped, removed during the scan", names.show(path)),
                );
            }
            Err(error) => out.errors.push(ReadError {
                path: names.show(path),
                message: error.to_string(),
            }),
        }
    }
}
