//! Command lines run from a string: `eval "curl ..."` and
//! `bash -c "curl ..."`. The string is split into words here rather than
//! parsed, so a request found in it is always reported as uncertain.

use crate::template::{Piece, Template};

use super::word::Word;

/// Shells whose `-c` option runs a command string.
const SHELLS: [&str; 5] = ["bash", "sh", "dash", "zsh", "ksh"];

/// True for the commands that `command_string` reads.
pub fn runs_string(name: &str) -> bool {
    name == "eval" || SHELLS.contains(&name)
}

/// Returns the words of the command line that `eval` or `bash -c` runs,
/// and a description of that piece for messages.
pub fn command_string(name: &str, arguments: &[Word]) -> Option<(Vec<Word>, String)> {
    let string = match name {
        // eval "curl -d 'action=list' $URL": the arguments joined by blanks.
        "eval" => joined(arguments)?,
        // bash -c "curl ...", sh -ec "curl ..."
        _ if SHELLS.contains(&name) => shell_string(arguments)?,
        _ => return None,
    };
    let span = arguments.first()?.span;
    let words: Vec<Word> = split_words(&string)
        .into_iter()
        .map(|template| Word {
            template,
            span,
            spread: false,
            deps: arguments.iter().fold(0, |deps, word| deps | word.deps),
        })
        .collect();
    let description = match name {
        "eval" => "the command that eval runs".to_string(),
        _ => format!("the command that {name} -c runs"),
    };
    Some((words, description))
}

fn joined(arguments: &[Word]) -> Option<Template> {
    let (first, rest) = arguments.split_first()?;
    let mut string = first.template.clone();
    for word in rest {
        string.push_text(" ", word.span);
        string.append(word.template.clone());
    }
    Some(string)
}

/// Finds the string after an option cluster that contains `c`.
fn shell_string(arguments: &[Word]) -> Option<Template> {
    let at = arguments.iter().position(|word| {
        let text = word.leading_text();
        text.starts_with('-') && !text.starts_with("--") && text.contains('c')
    })?;
    arguments.get(at + 1).map(|word| word.template.clone())
}

/// Splits a command string at blanks outside quotes and removes the quotes.
/// Expansions inside the string were already made by the outer shell, or
/// are unknown pieces.
fn split_words(string: &Template) -> Vec<Template> {
    let mut words = Vec::new();
    let mut current = Template::default();
    let mut quote: Option<char> = None;
    let mut started = false;
    for (piece, span) in &string.pieces {
        let text = match piece {
            Piece::Unknown(description) => {
                current.push_unknown(description.clone(), *span);
                started = true;
                continue;
            }
            Piece::Text(text) => text,
        };
        for c in text.chars() {
            match (quote, c) {
                (None, ' ' | '\t' | '\n') => {
                    if started {
                        words.push(std::mem::take(&mut current));
                        started = false;
                    }
                }
                (None, '\'' | '"') => {
                    quote = Some(c);
                    started = true;
                }
                (Some(open), _) if c == open => quote = None,
                _ => {
                    current.push_text(c.to_string(), *span);
                    started = true;
                }
            }
        }
    }
    if started {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn literal_words(name: &str, arguments: &[&str]) -> Vec<String> {
        let arguments: Vec<Word> = arguments
            .iter()
            .map(|text| Word::literal(*text, Span::default()))
            .collect();
        let (words, _) = command_string(name, &arguments).expect("a command string");
        words.iter().filter_map(Word::as_literal).collect()
    }

    #[test]
    fn eval_string_splits_outside_quotes() {
        let words = literal_words("eval", &["curl -d 'a=1&b=2 c' https://h/x"]);
        assert_eq!(words, ["curl", "-d", "a=1&b=2 c", "https://h/x"]);
    }

    #[test]
    fn shell_string_follows_c_option() {
        let words = literal_words("bash", &["-lc", "curl \"$X\""]);
        assert_eq!(words, ["curl", "$X"]);
        let none: Vec<Word> = vec![Word::literal("script.sh", Span::default())];
        assert!(command_string("bash", &none).is_none());
    }
}
