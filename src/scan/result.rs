//! Scan results: findings by file, files that could not be read, counts,
//! and the inventory of call sites.

use crate::excerpt::Excerpt;
use crate::finding::Finding;
use crate::inventory::Record;
use crate::language::Language;
use crate::source::Position;

use super::timing::StageTimes;

/// A finding tied to its file, with positions and fingerprints computed.
#[derive(Clone, Debug)]
pub struct Located {
    pub finding: Finding,
    pub start: Position,
    pub end: Position,
    /// The content fingerprint used by baselines.
    pub fingerprint: String,
    /// GitHub's `primaryLocationLineHash` of the start line, computed only
    /// for reports that show it.
    pub line_hash: String,
}

/// A file that produced findings, with the lines around them masked for
/// display.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    pub language: Language,
    pub excerpt: Excerpt,
    pub findings: Vec<Located>,
}

/// A file or folder that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub path: String,
    pub message: String,
}

/// Files that were seen but not checked, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Scripts with a NUL byte in their first 8 KiB.
    pub binary: usize,
    /// Scripts over the size cap.
    pub too_large: usize,
    /// Symbolic links not followed, link loops and dangling links.
    pub links: usize,
    /// FIFOs, sockets and devices, which are never opened.
    pub special: usize,
    /// Files removed between the walk and the read.
    pub vanished: usize,
}

impl Skipped {
    /// Skips that lose a script the user may expect to be checked. Links
    /// that are not followed by choice are left out.
    pub fn total(&self) -> usize {
        self.binary + self.too_large + self.special + self.vanished
    }

    fn add(&mut self, other: &Skipped) {
        self.binary += other.binary;
        self.too_large += other.too_large;
        self.links += other.links;
        self.special += other.special;
        self.vanished += other.vanished;
    }
}

/// Counts and stage times of a scan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Entries the walker reported other than folders: files of every
    /// kind, symbolic links and special files.
    pub seen: usize,
    /// Script files looked at, whether or not they were parsed.
    pub scanned: usize,
    /// Regular files whose name and `#!` line name no script language.
    pub not_scripts: usize,
    pub skipped: Skipped,
    /// Script files without any Qualys marker, never parsed.
    pub prefiltered_out: usize,
    pub parsed: usize,
    /// Candidates over the parse limit, searched as plain text.
    pub searched_as_text: usize,
    pub call_sites: usize,
    pub times: StageTimes,
}

impl Stats {
    /// Returns the number of script files read and checked: those scanned
    /// less the ones skipped as binary or too large.
    pub fn checked(&self) -> usize {
        self.scanned - self.skipped.binary - self.skipped.too_large
    }

    fn add(&mut self, other: &Stats) {
        self.seen += other.seen;
        self.scanned += other.scanned;
        self.not_scripts += other.not_scripts;
        self.skipped.add(&other.skipped);
        self.prefiltered_out += other.prefiltered_out;
        self.parsed += other.parsed;
        self.searched_as_text += other.searched_as_text;
        self.call_sites += other.call_sites;
        self.times += &other.times;
    }
}

#[derive(Debug, Default)]
pub struct ScanResult {
    pub files: Vec<FileReport>,
    pub errors: Vec<ReadError>,
    pub stats: Stats,
    /// Every call site, when the scan was asked for an inventory.
    pub inventory: Vec<Record>,
}

impl ScanResult {
    /// Adds another scan's results, keeping files and errors sorted by path.
    pub fn merge(&mut self, other: ScanResult) {
        self.absorb(other);
        self.sort();
    }

    /// Adds another scan's results without sorting.
    pub(super) fn absorb(&mut self, other: ScanResult) {
        self.files.extend(other.files);
        self.errors.extend(other.errors);
        self.stats.add(&other.stats);
        self.inventory.extend(other.inventory);
    }

    /// Sorts by path and drops a file reached twice, for example through a
    /// folder and a file inside it both named on the command line.
    pub(super) fn sort(&mut self) {
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
        self.files.dedup_by(|a, b| a.path == b.path);
        self.errors.sort_by(|a, b| a.path.cmp(&b.path));
        self.errors.dedup();
        self.inventory
            .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        self.inventory.dedup();
    }
}
