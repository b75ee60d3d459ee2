//! A check that a Python file's indentation stays within what the
//! grammar's scanner can store.
//!
//! tree-sitter-python 0.25.0 saves its state between tokens in a
//! 1,024-byte buffer: two bytes of flags and counts, one byte for each open
//! string delimiter (at most 255), and two bytes for each indentation
//! level. With about 511 levels the state no longer fits, and tree-sitter's
//! own assertion aborts the whole process. Such a file is therefore
//! searched as text instead of parsed.

/// Maximum indentation levels parsed: what fits in the scanner's buffer
/// with the largest count of open string delimiters, (1,024 - 2 - 255) / 2
/// rounded down.
pub const MAX_INDENT_LEVELS: usize = 383;

/// Columns a tab advances the scanner's indentation count by.
const TAB_COLUMNS: usize = 8;

/// Returns the widest leading whitespace of any line, in the scanner's
/// columns, when it is wider than [`MAX_INDENT_LEVELS`]. Each level is at
/// least one column deeper than the one around it, so a file whose lines
/// are all narrower cannot reach that many levels.
pub fn too_deep(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let line_starts = memchr::memchr2_iter(b'\n', b'\r', bytes).map(|end| end + 1);
    let widest = std::iter::once(0)
        .chain(line_starts)
        .map(|start| leading_columns(&bytes[start..]))
        .max()
        .unwrap_or(0);
    (widest > MAX_INDENT_LEVELS).then_some(widest)
}

/// Counts the columns of the spaces, tabs and form feeds at the start of
/// `line`. A form feed resets the scanner's count, so counting it as one
/// column overstates the width, which keeps the check on the safe side.
fn leading_columns(line: &[u8]) -> usize {
    line.iter()
        .take_while(|byte| matches!(byte, b' ' | b'\t' | b'\x0C'))
        .map(|&byte| if byte == b'\t' { TAB_COLUMNS } else { 1 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_indentation_is_accepted() {
        assert_eq!(too_deep("def f():\n    if x:\n\treturn 1\n"), None);
        assert_eq!(too_deep(""), None);
        let widest = format!("x = [\n{}1]\n", " ".repeat(MAX_INDENT_LEVELS));
        assert_eq!(too_deep(&widest), None);
    }

    #[test]
    fn wide_indentation_is_reported() {
        let spaces = format!("if 1:\n{}x = 1\n", " ".repeat(MAX_INDENT_LEVELS + 1));
        assert_eq!(too_deep(&spaces), Some(MAX_INDENT_LEVELS + 1));
        let tabs = format!("if 1:\r\n{}x = 1\r\n", "\t".repeat(49));
        assert_eq!(too_deep(&tabs), Some(49 * TAB_COLUMNS));
    }
}
