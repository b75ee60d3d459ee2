//! Structured input for the curl argument parser: words made of known and
//! unknown pieces, as the shell front end builds them after expansion.

use arbitrary::Arbitrary;

use agms_lint::lang::shell::Word;
use agms_lint::model::Span;
use agms_lint::template::{Piece, Template};

/// Text that the parser treats specially. Mutating bytes alone would
/// rarely spell out a long option, so the fuzzer picks from these too.
const VOCABULARY: &[&str] = &[
    "-d",
    "--data",
    "--data-ascii",
    "--data-binary",
    "--data-raw",
    "--data-urlencode",
    "--expand-data",
    "-F",
    "--form",
    "--form-string",
    "--url-query",
    "--json",
    "-K",
    "--config",
    "-G",
    "--get",
    "-I",
    "--head",
    "-T",
    "--upload-file",
    "-X",
    "--request",
    "--url",
    "--next",
    "-:",
    "--",
    "-",
    "-sSGd",
    "-u",
    "-H",
    "-o",
    "--data=",
    "=",
    "@",
    "<",
    "+",
    "&",
    "?",
    "%",
    "%zz",
    ";type=",
    "action=add",
    "ips=10.0.0.1",
    "POST",
    "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/",
    "/msp/user.php",
    "é",
];

#[derive(Arbitrary, Debug)]
pub enum FuzzPiece {
    /// An entry of [`VOCABULARY`], taken modulo its length.
    Known(u8),
    Text(String),
    /// An unresolved expansion; the text is its description.
    Unknown(String),
}

#[derive(Arbitrary, Debug)]
pub struct FuzzWord {
    pub pieces: Vec<FuzzPiece>,
    pub spread: bool,
    pub deps: u32,
}

/// Builds the words the parser reads. Text pieces are kept apart, as they
/// are after joining expansions, but empty ones are dropped because the
/// word builder never produces them.
pub fn build_words(input: &[FuzzWord]) -> Vec<Word> {
    input
        .iter()
        .enumerate()
        .map(|(index, word)| {
            let span = Span::new(index, index + 1);
            let mut template = Template::default();
            for piece in &word.pieces {
                let piece = match piece {
                    FuzzPiece::Known(choice) => {
                        let text = VOCABULARY[usize::from(*choice) % VOCABULARY.len()];
                        Piece::Text(text.to_string())
                    }
                    FuzzPiece::Text(text) if text.is_empty() => continue,
                    FuzzPiece::Text(text) => Piece::Text(text.clone()),
                    FuzzPiece::Unknown(description) => Piece::Unknown(description.clone()),
                };
                template.pieces.push((piece, span));
            }
            Word {
                template,
                span,
                spread: word.spread,
                deps: word.deps,
            }
        })
        .collect()
}
