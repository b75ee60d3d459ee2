//! XPath expressions given to command-line XML tools, such as
//! `xmllint --xpath "//ASSET_GROUP[TITLE='All']/ID" groups.xml`. Each is a
//! substring use, so that rules can read the predicates in it.

use crate::model::{StringUse, StringUseKind};

use super::word::Word;

/// xmlstarlet `sel` options whose argument is an XPath expression.
const XMLSTARLET_XPATH_OPTIONS: &[&str] = &[
    "-m",
    "--match",
    "-v",
    "--value-of",
    "-i",
    "--if",
    "-c",
    "--copy-of",
];

/// Reads the XPath expressions of an `xmllint` or `xmlstarlet sel` command.
/// Expressions with an unknown piece are left out.
pub fn xpath_uses(name: &str, arguments: &[Word]) -> Vec<StringUse> {
    let options: &[&str] = match name {
        "xmllint" => &["--xpath"],
        "xmlstarlet" if is_select(arguments) => XMLSTARLET_XPATH_OPTIONS,
        _ => return Vec::new(),
    };
    arguments
        .windows(2)
        .filter(|pair| {
            pair[0]
                .as_literal()
                .is_some_and(|option| options.contains(&option.as_str()))
        })
        .filter_map(|pair| substring_use(&pair[1]))
        .collect()
}

/// True for `xmlstarlet sel ...` or `xmlstarlet select ...`.
fn is_select(arguments: &[Word]) -> bool {
    arguments
        .first()
        .and_then(Word::as_literal)
        .is_some_and(|command| command == "sel" || command == "select")
}

fn substring_use(word: &Word) -> Option<StringUse> {
    let span = word.template.span_or(word.span);
    Some(StringUse::new(
        word.as_literal()?,
        StringUseKind::Substring,
        false,
        span,
    ))
}
