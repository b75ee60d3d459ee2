//! Language front ends: each turns a tree-sitter syntax tree into the
//! language-neutral model of call sites and string uses.

mod children;
mod kind_names;
pub mod python;
pub mod shell;
mod syntax_regions;

use tree_sitter::Parser;

use crate::language::Language;
use crate::model::Extraction;
use crate::suppress;

/// One tree-sitter parser per language, created once per worker thread and
/// reused for every file that thread reads.
pub struct Parsers {
    shell: Parser,
    python: Parser,
}

impl Parsers {
    pub fn new() -> Self {
        Parsers {
            shell: parser_for(tree_sitter_bash::LANGUAGE.into()),
            python: parser_for(tree_sitter_python::LANGUAGE.into()),
        }
    }

    /// Parses `text` and extracts its call sites and string uses. A file
    /// with syntax errors is still analysed: tree-sitter recovers around
    /// them and the front ends skip the error nodes.
    pub fn extract(&mut self, language: Language, text: &str) -> Extraction {
        let parser = match language {
            Language::Shell => &mut self.shell,
            Language::Python => &mut self.python,
        };
        let normalised = normalise_line_endings(text);
        let text = normalised.as_deref().unwrap_or(text);
        // NOTE: the whole tree stays in memory while the file is analysed,
        // about 65 bytes for each input byte of a generated 3 MB Python
        // table, so one large candidate file sets the scan's peak memory.
        let Some(tree) = parser.parse(text, None) else {
            return Extraction::default();
        };
        let mut extraction = match language {
            Language::Shell => shell::extract(&tree, text),
            Language::Python => python::extract(&tree, text),
        };
        let regions = syntax_regions::regions(&tree, suppress::may_contain_directives(text));
        extraction.comments = regions.comments;
        extraction.unparsed = regions.unparsed;
        extraction
    }
}

impl Default for Parsers {
    fn default() -> Self {
        Self::new()
    }
}

/// Prepares text for the grammars, which break lines only at `\n` and stop
/// at a NUL byte as if the file ended there. Each lone `\r` (old Mac line
/// endings) becomes `\n` and each NUL a space. Both swaps keep one byte for
/// one byte, so every span stays valid in the original text. Returns `None`
/// when nothing changes.
fn normalise_line_endings(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let lone_cr = |index: usize| bytes[index] == b'\r' && bytes.get(index + 1) != Some(&b'\n');
    let needs_swap = |index: usize| bytes[index] == 0 || lone_cr(index);
    if !(0..bytes.len()).any(needs_swap) {
        return None;
    }
    let replaced: Vec<u8> = (0..bytes.len())
        .map(|index| match bytes[index] {
            0 => b' ',
            _ if lone_cr(index) => b'\n',
            byte => byte,
        })
        .collect();
    // Only ASCII bytes were swapped, so the text is still UTF-8.
    String::from_utf8(replaced).ok()
}

fn parser_for(language: tree_sitter::Language) -> Parser {
    let mut parser = Parser::new();
    // The grammars are compiled into the binary against the same ABI range
    // as the tree-sitter crate, so this only fails on a build mistake.
    parser
        .set_language(&language)
        .expect("bundled grammar matches the tree-sitter ABI");
    parser
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_carriage_returns_become_newlines() {
        assert_eq!(
            normalise_line_endings("a\rb\r\nc"),
            Some("a\nb\r\nc".to_string())
        );
        assert_eq!(normalise_line_endings("a\r\nb\n"), None);
        assert_eq!(normalise_line_endings("a\0b"), Some("a b".to_string()));
    }
}
