//! Text from scanned scripts made safe to print: credentials masked, and
//! control characters escaped so that a value cannot start a new output
//! line (a forged `::warning` workflow command in a CI log), move the
//! terminal cursor, or break XML.

use crate::secrets;

/// Masks credentials, including values seen elsewhere in the file
/// (`known_secrets`), and escapes control characters.
pub fn printable(text: &str, known_secrets: &[String]) -> String {
    escape_controls(&secrets::scrub(&secrets::mask(text), known_secrets))
}

/// Escapes control characters and bidirectional overrides as Rust does
/// (`\n`, `\u{1b}`, `\u{202e}`), leaving all other text as it is.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if needs_escape(c) {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// True for control characters, and for the bidirectional overrides and
/// isolates (U+202A to U+202E, U+2066 to U+2069), which can make text
/// read in another order than it is stored.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_and_escapes_cannot_start_a_line() {
        let text = "Servers\n::warning file=README.md::merge it\u{1b}[2J\u{7}";
        let safe = printable(text, &[]);
        assert!(!safe.contains('\n'), "{safe}");
        assert!(!safe.chars().any(char::is_control), "{safe}");
        assert!(safe.starts_with("Servers\\n::warning"), "{safe}");
    }

    #[test]
    fn direction_overrides_are_escaped() {
        let safe = printable("All\u{202e}llA\u{202c} \u{2067}x\u{2069} é", &[]);
        assert_eq!(safe, "All\\u{202e}llA\\u{202c} \\u{2067}x\\u{2069} é");
    }

    #[test]
    fn known_secrets_are_masked() {
        let safe = printable("comment=Hunter2-var", &["Hunter2-var".to_string()]);
        assert!(!safe.contains("Hunter2"), "{safe}");
    }
}
