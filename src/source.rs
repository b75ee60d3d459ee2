//! A scanned file's text and the mapping from byte offsets to lines and
//! columns.

use encoding_rs::{Encoding, UTF_8};

/// A 1-based line and column. `column` counts characters, as people and
/// the human output count them; `column_utf16` counts UTF-16 code units,
/// as SARIF consumers such as GitHub code scanning expect by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub column_utf16: usize,
}

#[derive(Debug)]
pub struct SourceText {
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(text: String) -> Self {
        let line_starts = line_starts(&text);
        SourceText { text, line_starts }
    }

    /// Decodes a file's bytes: a byte order mark selects UTF-8 or UTF-16,
    /// anything else is read as UTF-8 with invalid sequences replaced.
    pub fn decode(bytes: &[u8]) -> Self {
        let encoding = Encoding::for_bom(bytes).map_or(UTF_8, |(encoding, _)| encoding);
        let (text, _, _) = encoding.decode(bytes);
        SourceText::new(text.into_owned())
    }

    /// Returns the position of a byte offset; offsets inside a character
    /// or past the end are clamped.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let line_index = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let before = &self.text[self.line_starts[line_index]..offset];
        Position {
            line: line_index + 1,
            column: before.chars().count() + 1,
            column_utf16: before.encode_utf16().count() + 1,
        }
    }

    /// Returns the byte range of the line that contains `offset`, without
    /// its line ending.
    pub fn line_range(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_index = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line_index];
        let rest = &self.text[start..];
        let end = rest
            .find(['\n', '\r'])
            .map_or(self.text.len(), |end| start + end);
        (start, end)
    }
}

/// Offsets where lines start. `\n`, `\r\n` and a lone `\r` all end a line.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (index, &byte) in bytes.iter().enumerate() {
        let ends_line = byte == b'\n' || (byte == b'\r' && bytes.get(index + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(index + 1);
        }
    }
    starts
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_utf16_units() {
        let source = SourceText::new("ab\n日本 curl\n𝄞x".to_string());
        let curl = source.text.find("curl").unwrap();
        assert_eq!(
            source.position(curl),
            Position {
                line: 2,
                column: 4,
                column_utf16: 4
            }
        );
        let x = source.text.find('x').unwrap();
        assert_eq!(
            source.position(x),
            Position {
                line: 3,
                column: 2,
                column_utf16: 3
            }
        );
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let source = SourceText::new("a\r\nb\rc".to_string());
        assert_eq!(source.position(3).line, 2);
        assert_eq!(source.position(5).line, 3);
        assert_eq!(source.line_range(3), (3, 4));
    }

    #[test]
    fn byte_order_marks_select_the_encoding() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("ab".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(SourceText::decode(&utf16le).text, "ab");
        assert_eq!(SourceText::decode(b"\xEF\xBB\xBFab").text, "ab");
        assert_eq!(SourceText::decode(b"a\xFFb").text, "a\u{FFFD}b");
    }
}
