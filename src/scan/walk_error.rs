//! Errors the walker reports: link loops and dangling links are counted,
//! the rest fail the run.

use std::io::ErrorKind;
use std::path::Path;

use super::{ReadError, ScanResult};
use crate::discover::display_path;

/// Symlink loops and dangling links are counted and named in a warning;
/// other walk errors, such as a folder without read permission, are read
/// errors that fail the run.
pub fn walk_error(error: &ignore::Error, current_dir: Option<&Path>, out: &mut ScanResult) {
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
