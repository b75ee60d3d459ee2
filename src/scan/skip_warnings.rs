//! Warnings about skipped files, capped per reason: a tree where thousands
//! of files vanish during the scan would otherwise print thousands of
//! lines. The summary still counts every skipped file.

use std::fmt::Arguments;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Maximum number of warnings logged for one reason in one scan.
pub const MAX_SHOWN: usize = 20;

/// The reason a file was skipped with a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    Binary,
    TooLarge,
    NotRegularFile,
    Vanished,
    LinkLoop,
    DanglingLink,
    /// A file named on the command line that matches an `exclude` glob.
    Excluded,
}

const REASONS: [SkipReason; 7] = [
    SkipReason::Binary,
    SkipReason::TooLarge,
    SkipReason::NotRegularFile,
    SkipReason::Vanished,
    SkipReason::LinkLoop,
    SkipReason::DanglingLink,
    SkipReason::Excluded,
];

impl SkipReason {
    /// Describes the skipped files in the warning that counts those not named.
    fn description(self) -> &'static str {
        match self {
            SkipReason::Binary => "binary files",
            SkipReason::TooLarge => "files over the size limit",
            SkipReason::NotRegularFile => "files that are not regular files",
            SkipReason::Vanished => "files removed during the scan",
            SkipReason::LinkLoop => "symbolic link loops",
            SkipReason::DanglingLink => "links whose target does not exist",
            SkipReason::Excluded => "named files that match an `exclude` glob",
        }
    }
}

/// The number of warnings requested for each reason, shared by the walker's
/// threads.
#[derive(Debug, Default)]
pub struct SkipWarnings {
    counts: [AtomicUsize; REASONS.len()],
}

impl SkipWarnings {
    /// Logs `message` as a warning unless [`MAX_SHOWN`] warnings were
    /// already logged for `reason`.
    pub fn warn(&self, reason: SkipReason, message: Arguments) {
        let earlier = self.counts[reason as usize].fetch_add(1, Ordering::Relaxed);
        if earlier < MAX_SHOWN {
            tracing::warn!("{message}");
        }
    }

    /// Logs one warning for each reason that had more files than were named.
    pub fn warn_about_hidden(&self) {
        for reason in REASONS {
            let count = self.counts[reason as usize].load(Ordering::Relaxed);
            if count > MAX_SHOWN {
                tracing::warn!(
                    "{} more {} skipped; only the first {MAX_SHOWN} are named",
                    count - MAX_SHOWN,
                    reason.description()
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_warning_per_reason() {
        let warnings = SkipWarnings::default();
        for _ in 0..MAX_SHOWN + 5 {
            warnings.warn(SkipReason::Vanished, format_args!("x: skipped"));
        }
        warnings.warn(SkipReason::Binary, format_args!("y: skipped"));
        let count = |reason: SkipReason| warnings.counts[reason as usize].load(Ordering::Relaxed);
        assert_eq!(count(SkipReason::Vanished), MAX_SHOWN + 5);
        assert_eq!(count(SkipReason::Binary), 1);
        assert_eq!(count(SkipReason::TooLarge), 0);
    }
}
