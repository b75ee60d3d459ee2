//! `primaryLocationLineHash`, computed the way GitHub code scanning computes
//! it when a SARIF upload lacks one, so that our results and GitHub's own
//! tracking agree on which alert is which across pushes.
//!
//! The hash of a line is a rolling polynomial hash (base 37, wrapping 64-bit
//! arithmetic) over a window of the next 100 non-blank UTF-16 code units of
//! the file, starting at the line's first non-blank unit. Spaces and tabs are
//! skipped, `\r\n` and `\r` count as `\n`, and the end of the file counts as
//! the unit 65535. A hash is written as lower-case hex with no leading zeros,
//! followed by `:N`, where N numbers the lines of the file that share the
//! hash, in order. Every line gets a hash because its line ending counts.

const WINDOW: usize = 100;
const BASE: u64 = 37;
const END_OF_FILE: u16 = 0xFFFF;

/// Returns one hash per line of `text`, for lines 1, 2, ….
pub fn line_hashes(text: &str) -> Vec<String> {
    let mut hasher = RollingHasher::new();
    let mut units = text.encode_utf16().peekable();
    while let Some(unit) = units.next() {
        match unit {
            0x20 | 0x09 => {}
            0x0D => {
                if units.peek() == Some(&0x0A) {
                    units.next();
                }
                hasher.push(0x0A);
            }
            unit => hasher.push(unit),
        }
    }
    hasher.push(END_OF_FILE);
    hasher.finish()
}

struct RollingHasher {
    window: [u16; WINDOW],
    /// The line that starts at each window slot, if any.
    starts: [Option<usize>; WINDOW],
    slot: usize,
    hash: u64,
    /// BASE to the power WINDOW: the weight of the unit leaving the window.
    leaving_weight: u64,
    line: usize,
    at_line_start: bool,
    hashes: Vec<(usize, u64)>,
}

impl RollingHasher {
    fn new() -> Self {
        RollingHasher {
            window: [0; WINDOW],
            starts: [None; WINDOW],
            slot: 0,
            hash: 0,
            leaving_weight: (0..WINDOW).fold(1u64, |weight, _| weight.wrapping_mul(BASE)),
            line: 0,
            at_line_start: true,
            hashes: Vec::new(),
        }
    }

    /// Adds one unit. A full window that began a line is emitted first.
    fn push(&mut self, unit: u16) {
        self.emit_if_line_start();
        if self.at_line_start {
            self.at_line_start = false;
            self.line += 1;
            self.starts[self.slot] = Some(self.line);
        }
        if unit == 0x0A {
            self.at_line_start = true;
        }
        self.roll(unit);
    }

    fn roll(&mut self, unit: u16) {
        let leaving = self.window[self.slot];
        self.window[self.slot] = unit;
        self.hash = self
            .hash
            .wrapping_mul(BASE)
            .wrapping_add(u64::from(unit))
            .wrapping_sub(self.leaving_weight.wrapping_mul(u64::from(leaving)));
        self.slot = (self.slot + 1) % WINDOW;
    }

    fn emit_if_line_start(&mut self) {
        if let Some(line) = self.starts[self.slot].take() {
            self.hashes.push((line, self.hash));
        }
    }

    /// Pads the last windows with zeros so every line gets its hash, then
    /// numbers repeated hashes.
    fn finish(mut self) -> Vec<String> {
        for _ in 0..WINDOW {
            self.emit_if_line_start();
            self.roll(0);
        }
        let mut seen = std::collections::HashMap::new();
        let mut out = vec![String::new(); self.line];
        for (line, hash) in self.hashes {
            let count = seen
                .entry(hash)
                .and_modify(|count| *count += 1)
                .or_insert(1);
            out[line - 1] = format!("{hash:x}:{count}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_one_line() {
        assert_eq!(line_hashes(""), ["c129715d7a2bc9a3:1"]);
    }

    #[test]
    fn repeated_lines_are_numbered() {
        let hashes = line_hashes("same\nsame\n");
        assert_eq!(hashes.len(), 3);
        assert!(hashes[0].ends_with(":1"), "{hashes:?}");
    }
}
