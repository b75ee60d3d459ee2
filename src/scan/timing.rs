//! Processor time spent in each stage of a scan, for `--stats`.

use std::ops::AddAssign;
use std::time::Duration;

use cpu_time::ThreadTime;

/// Processor time spent in each stage, summed over the threads that ran
/// it. Time a thread spends waiting (for the disk, for work, for a slower
/// thread) is in no stage, so the stages add up to the work done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Walking folders, matching ignore rules, and opening and reading
    /// files.
    pub walk_read: Duration,
    /// The binary test and the prefilter's byte scan.
    pub prefilter: Duration,
    /// Decoding, parsing with tree-sitter and extracting call sites.
    pub parse_extract: Duration,
    /// Rules, suppressions, positions and masking.
    pub check: Duration,
    /// Parse, extract and check of the files that were parsed, without
    /// those searched as text, for the cost of one parsed file.
    pub parsed_files: Duration,
}

impl AddAssign<&StageTimes> for StageTimes {
    fn add_assign(&mut self, other: &StageTimes) {
        self.walk_read += other.walk_read;
        self.prefilter += other.prefilter;
        self.parse_extract += other.parse_extract;
        self.check += other.check;
        self.parsed_files += other.parsed_files;
    }
}

/// A worker thread's processor-time clock. Each lap is the time since the
/// previous one, so consecutive stages cost one clock read each. The first
/// lap only starts the clock, on the thread that will use it, and returns
/// zero. Reading the thread's processor time is a system call, so a
/// stopwatch made with `timed` false reads nothing and every lap is zero.
pub struct Stopwatch {
    timed: bool,
    /// The thread's processor time at the previous lap.
    last: Option<Duration>,
}

impl Stopwatch {
    pub fn start(timed: bool) -> Self {
        Stopwatch { timed, last: None }
    }

    /// Returns the processor time this thread used since the previous lap,
    /// and starts the next one.
    pub fn lap(&mut self) -> Duration {
        if !self.timed {
            return Duration::ZERO;
        }
        let Ok(now) = ThreadTime::try_now().map(|time| time.as_duration()) else {
            return Duration::ZERO;
        };
        let elapsed = self
            .last
            .map_or(Duration::ZERO, |last| now.saturating_sub(last));
        self.last = Some(now);
        elapsed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spins until this thread has used at least `target` of processor
    /// time, or a wall-clock bound passes.
    fn spin_for(target: Duration) {
        let started = ThreadTime::now();
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let mut sum = 0u64;
        while started.elapsed() < target && std::time::Instant::now() < deadline {
            sum = std::hint::black_box(sum.wrapping_add(1));
        }
    }

    #[test]
    fn untimed_laps_are_zero() {
        let mut clock = Stopwatch::start(false);
        spin_for(Duration::from_millis(2));
        assert_eq!(clock.lap(), Duration::ZERO);
    }

    #[test]
    fn timed_laps_count_work_but_not_sleep() {
        let mut clock = Stopwatch::start(true);
        assert_eq!(
            clock.lap(),
            Duration::ZERO,
            "the first lap only starts the clock"
        );
        spin_for(Duration::from_millis(5));
        let busy = clock.lap();
        assert!(
            busy >= Duration::from_millis(5),
            "a busy lap measured {busy:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
        let idle = clock.lap();
        assert!(
            idle < Duration::from_millis(25),
            "a sleeping lap measured {idle:?}"
        );
    }
}
