//! The lines of a file that a report shows around its findings.
//!
//! A scan keeps each file with findings until the report is written, so
//! that the output can be sorted. Keeping only the lines around each
//! finding, rather than the whole text, keeps the scan's memory flat on a
//! tree where every script has findings.

use memchr::{memchr_iter, memrchr};

/// Lines kept before and after the line a finding starts on. The human
/// report shows one line of context; one more on each side leaves room.
const MARGIN_LINES: usize = 2;

/// One run of whole lines, with its place in the file.
#[derive(Debug)]
pub struct Chunk {
    /// Byte offset of the chunk's first character in the file.
    pub start: usize,
    /// Number of line breaks in the file before the chunk. `\r\n`, `\n`
    /// and a lone `\r` each count once, as miette counts them.
    pub line_breaks_before: usize,
    pub text: String,
}

/// The lines around a set of offsets, in file order.
#[derive(Debug, Default)]
pub struct Excerpt {
    chunks: Vec<Chunk>,
}

impl Excerpt {
    /// Keeps the lines of `text` within [`MARGIN_LINES`] of each offset in
    /// `starts`.
    pub fn around(text: &str, starts: impl IntoIterator<Item = usize>) -> Self {
        let mut ranges: Vec<(usize, usize)> = starts
            .into_iter()
            .map(|offset| lines_around(text.as_bytes(), offset.min(text.len())))
            .collect();
        ranges.sort_unstable();
        let merged = merge(ranges);
        let mut chunks = Vec::with_capacity(merged.len());
        let mut counted_to = 0;
        let mut line_breaks = 0;
        for (start, end) in merged {
            line_breaks += count_line_breaks(&text.as_bytes()[counted_to..start]);
            counted_to = start;
            chunks.push(Chunk {
                start,
                line_breaks_before: line_breaks,
                text: text.get(start..end).unwrap_or_default().to_string(),
            });
        }
        Excerpt { chunks }
    }

    /// Returns the chunk that contains byte `offset` of the file.
    pub fn chunk_at(&self, offset: usize) -> Option<&Chunk> {
        let index = self.chunks.partition_point(|chunk| chunk.start <= offset);
        let chunk = self.chunks.get(index.checked_sub(1)?)?;
        (offset <= chunk.start + chunk.text.len()).then_some(chunk)
    }

    /// Returns the file's byte range of the line that contains `offset`,
    /// without its line ending, or an empty range at `offset` when no
    /// chunk contains it.
    pub fn line_range(&self, offset: usize) -> (usize, usize) {
        let Some(chunk) = self.chunk_at(offset) else {
            return (offset, offset);
        };
        let local = offset - chunk.start;
        let text = &chunk.text;
        let start = text
            .get(..local)
            .and_then(|before| before.rfind(['\n', '\r']))
            .map_or(0, |at| at + 1);
        let end = text
            .get(local..)
            .and_then(|after| after.find(['\n', '\r']))
            .map_or(text.len(), |at| local + at);
        (chunk.start + start, chunk.start + end)
    }
}

/// Returns the byte range of the whole lines from [`MARGIN_LINES`] before
/// the line of `offset` to as many after it, their last line break
/// included.
fn lines_around(bytes: &[u8], offset: usize) -> (usize, usize) {
    // The line break that ends the line before the first kept line.
    let mut before = Some(offset);
    for _ in 0..=MARGIN_LINES {
        before = before.and_then(|end| memrchr(b'\n', &bytes[..end]));
    }
    let start = before.map_or(0, |at| at + 1);
    let end = memchr_iter(b'\n', &bytes[offset..])
        .nth(MARGIN_LINES)
        .map_or(bytes.len(), |at| offset + at + 1);
    (start, end)
}

/// Counts the line breaks in `bytes`, a run of whole lines: each `\n`,
/// and each `\r` that is not the first half of a `\r\n`.
fn count_line_breaks(bytes: &[u8]) -> usize {
    let newlines = memchr_iter(b'\n', bytes).count();
    let lone_returns = memchr_iter(b'\r', bytes)
        .filter(|&at| bytes.get(at + 1) != Some(&b'\n'))
        .count();
    newlines + lone_returns
}

/// Joins overlapping or touching ranges of a sorted list.
fn merge(ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\n";

    fn offset_of(line: &str) -> usize {
        TEXT.find(line).expect("line in text")
    }

    fn texts(excerpt: &Excerpt) -> Vec<&str> {
        excerpt.chunks.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn keeps_two_lines_each_side() {
        let excerpt = Excerpt::around(TEXT, [offset_of("l5") + 1]);
        assert_eq!(texts(&excerpt), ["l3\nl4\nl5\nl6\nl7\n"]);
        assert_eq!(excerpt.chunks[0].start, offset_of("l3"));
        assert_eq!(excerpt.chunks[0].line_breaks_before, 2);
    }

    #[test]
    fn stops_at_the_ends_of_the_file() {
        let excerpt = Excerpt::around(TEXT, [0, offset_of("l9")]);
        assert_eq!(texts(&excerpt), ["l1\nl2\nl3\n", "l7\nl8\nl9\n"]);
        assert_eq!(excerpt.chunks[1].line_breaks_before, 6);
    }

    #[test]
    fn excerpt_keeps_a_leading_blank_line() {
        let text = "\nl2\nl3\nl4\n";
        let excerpt = Excerpt::around(text, [text.find("l2").unwrap()]);
        assert_eq!(texts(&excerpt), ["\nl2\nl3\nl4\n"]);
        assert_eq!(excerpt.chunks[0].line_breaks_before, 0);
    }

    #[test]
    fn lone_carriage_returns_count_as_line_breaks() {
        // Three lines end in a lone `\r` and one in `\r\n` before the
        // `\n` lines, so `curl` is on line 9.
        let text = "a\rb\rc\rd\r\ne\nf\ng\nh\ncurl\ni\n";
        let excerpt = Excerpt::around(text, [text.find("curl").unwrap()]);
        assert_eq!(texts(&excerpt), ["g\nh\ncurl\ni\n"]);
        assert_eq!(excerpt.chunks[0].line_breaks_before, 6);
    }

    #[test]
    fn overlapping_lines_become_one_chunk() {
        let excerpt = Excerpt::around(TEXT, [offset_of("l5"), offset_of("l3")]);
        assert_eq!(texts(&excerpt), ["l1\nl2\nl3\nl4\nl5\nl6\nl7\n"]);
    }

    #[test]
    fn line_range_is_in_file_offsets() {
        let excerpt = Excerpt::around(TEXT, [offset_of("l5")]);
        let at = offset_of("l4") + 1;
        assert_eq!(
            excerpt.line_range(at),
            (offset_of("l4"), offset_of("l4") + 2)
        );
        let missing = offset_of("l9");
        assert_eq!(excerpt.line_range(missing), (missing, missing));
    }
}
