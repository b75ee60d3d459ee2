//! Time spent in each stage of a scan, for `--stats`.

use std::ops::AddAssign;
use std::time::{Duration, Instant};

/// Time spent in each stage, summed over worker threads, so that with
/// several threads the sum can exceed the wall-clock time of the scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Walking folders, matching ignore rules, waiting for work, and
    /// opening and reading files.
    pub walk_read: Duration,
    /// The binary test and the prefilter's byte scan.
    pub prefilter: Duration,
    /// Decoding, parsing with tree-sitter and extracting call sites.
    pub parse_extract: Duration,
    /// Rules, suppressions, positions and masking.
    pub check: Duration,
}

impl AddAssign<&StageTimes> for StageTimes {
    fn add_assign(&mut self, other: &StageTimes) {
        self.walk_read += other.walk_read;
        self.prefilter += other.prefilter;
        self.parse_extract += other.parse_extract;
        self.check += other.check;
    }
}

/// A worker thread's clock. Each lap is the time since the previous one,
/// so consecutive stages cost one clock read each.
pub struct Stopwatch {
    last: Instant,
}

impl Stopwatch {
    pub fn start() -> Self {
        Stopwatch {
            last: Instant::now(),
        }
    }

    /// Returns the time since the previous lap and starts the next one.
    pub fn lap(&mut self) -> Duration {
        let now = Instant::now();
        let elapsed = now - self.last;
        self.last = now;
        elapsed
    }
}
