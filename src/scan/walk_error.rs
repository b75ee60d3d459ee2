//! Errors the walker reports: link loops and dangling links are counted,
//! the rest fail the run.

use std::io::ErrorKind;
use std::path::Path;

use super::skip_warnings::{SkipReason, SkipWarnings};
use super::{ReadError, ScanResult};
use crate::discover::PathNames;

/// Symlink loops and dangling links are counted and named in a warning;
/// other walk errors, such as a folder without read permission, are read
/// errors that fail the run.
pub fn walk_error(
    error: &ignore::Error,
    names: &PathNames,
    out: &mut ScanResult,
    warnings: &SkipWarnings,
) {
    let path = io_error_path(error)
        .map(|path| names.show(path))
        .unwrap_or_default();
    if is_loop(error) || is_link_chain_loop(error) {
        out.stats.skipped.links += 1;
        warnings.warn(
            SkipReason::LinkLoop,
            format_args!("{path}: skipped, symbolic link loop"),
        );
        return;
    }
    let dangling = error
        .io_error()
        .is_some_and(|io| io.kind() == ErrorKind::NotFound);
    if dangling {
        out.stats.skipped.links += 1;
        warnings.warn(
            SkipReason::DanglingLink,
            format_args!("{path}: skipped, the link's target does not exist"),
        );
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

/// True for links that lead back to each other, such as `a -> b` and
/// `b -> a`. The walker's own loop test only detects a link back to a folder
/// it is in, while this chain makes the system call fail with ELOOP, both
/// for a path named on the command line and inside a folder.
fn is_link_chain_loop(error: &ignore::Error) -> bool {
    #[cfg(unix)]
    return error.io_error().and_then(std::io::Error::raw_os_error) == Some(libc::ELOOP);
    #[cfg(not(unix))]
    return false;
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
