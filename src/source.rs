//! A scanned file's text and the mapping from byte offsets to lines and
//! columns.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::bytes::Regex;

/// A 1-based line and column. `column` counts characters, as people and
/// the human output count them. `column_utf16` counts UTF-16 code units,
/// which SARIF consumers such as GitHub code scanning expect by default.
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

    /// Decodes a file's bytes. A byte order mark selects UTF-8 or UTF-16,
    /// and valid UTF-8 is taken as such, without a copy. Anything else is
    /// decoded in the legacy encoding that `chardetng` finds most likely,
    /// which covers the Shift_JIS, CP932 and EUC-JP files of Japanese teams.
    /// Bytes invalid in the chosen encoding become U+FFFD.
    pub fn decode(bytes: Vec<u8>) -> Self {
        if Encoding::for_bom(&bytes).is_some() {
            return Self::decode_other(&bytes);
        }
        match String::from_utf8(bytes) {
            Ok(text) => SourceText::new(text),
            Err(error) => Self::decode_other(error.as_bytes()),
        }
    }

    /// Decodes bytes that carry a byte order mark or are not UTF-8.
    fn decode_other(bytes: &[u8]) -> Self {
        let encoding = match Encoding::for_bom(bytes) {
            Some((encoding, _)) => encoding,
            None => declared_encoding(bytes).unwrap_or_else(|| guess_legacy_encoding(bytes)),
        };
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

/// Reads a PEP 263 coding declaration (`# -*- coding: cp932 -*-`) from
/// the first two lines, which Emacs and Vim also honour in shell scripts.
/// A declaration beats guessing, which is unreliable on short files.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)").expect("coding pattern is valid")
    });
    bytes
        .split(|&byte| byte == b'\n')
        .take(2)
        .filter_map(|line| COOKIE.captures(line))
        .find_map(|captures| encoding_for_python_name(&captures[1]))
}

/// Maps a Python codec name, such as `cp932` or `euc_jp`, to the WHATWG
/// label that `encoding_rs` knows.
fn encoding_for_python_name(name: &[u8]) -> Option<&'static Encoding> {
    let name = String::from_utf8_lossy(name)
        .to_ascii_lowercase()
        .replace('_', "-");
    let label = match name.as_str() {
        "cp932" | "ms932" | "mskanji" => "windows-31j",
        "eucjp" | "ujis" => "euc-jp",
        "utf8" => "utf-8",
        other => other,
    };
    Encoding::for_label(label.as_bytes())
}

fn guess_legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    // ISO-2022-JP is left out: it is 7-bit, so it never reaches here
    // without also being valid UTF-8.
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Deny)
}

/// Offsets where lines start. `\n`, `\r\n` and a lone `\r` all end a line.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for index in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        let ends_line = bytes[index] == b'\n' || bytes.get(index + 1) != Some(&b'\n');
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
    fn line_starts_follow_each_ending() {
        assert_eq!(line_starts(""), [0]);
        assert_eq!(line_starts("a\r\r\nb\n"), [0, 2, 4, 6]);
        assert_eq!(line_starts("a\rb\r"), [0, 2, 4]);
        assert_eq!(line_starts("\n\n"), [0, 1, 2]);
    }

    #[test]
    fn byte_order_marks_select_the_encoding() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("ab".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(SourceText::decode(utf16le).text, "ab");
        assert_eq!(SourceText::decode(b"\xEF\xBB\xBFab".to_vec()).text, "ab");
    }

    #[test]
    fn japanese_legacy_encodings_are_detected() {
        let text = "# 資産グループの一覧を取得する\ncurl -d action=list https://h/api/2.0/fo/asset/group/\n";
        for encoding in [encoding_rs::SHIFT_JIS, encoding_rs::EUC_JP] {
            let (bytes, _, _) = encoding.encode(text);
            assert_eq!(
                SourceText::decode(bytes.into_owned()).text,
                text,
                "{}",
                encoding.name()
            );
        }
    }

    #[test]
    fn coding_declaration_decides_for_short_files() {
        let text = "# -*- coding: cp932 -*-\nag_title = \"東京\"\n";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        assert_eq!(SourceText::decode(bytes.into_owned()).text, text);
    }

    #[test]
    fn decode_keeps_utf8_text_unchanged() {
        let text = "ag_title=\"東京\" # \u{FEFF} inside is not a mark\r\n";
        assert_eq!(SourceText::decode(text.as_bytes().to_vec()).text, text);
    }

    #[test]
    fn invalid_utf8_keeps_ascii_text() {
        let source = SourceText::decode(b"curl \xFF\xFE\xFD -d action=add\n".to_vec());
        assert!(source.text.contains("curl"), "{}", source.text);
        assert!(source.text.contains("-d action=add"), "{}", source.text);
    }
}
