//! Regular expressions in `awk` programs, such as the one in
//! `awk '/not assigned to this user/ {print}'`: each regex literal `/RE/`,
//! and each string literal matched with `~` or `!~`. Programs are read as
//! extended regular expressions, as POSIX awk reads them.

use crate::model::StringUse;

use super::regex_dialect::from_ere;
use super::strings::valid_regex;
use super::word::Word;

/// Reads the regular expressions of an `awk` command's program: the first
/// operand, or each `-e`/`--source` text of gawk. A program read from a file
/// (`-f`) or with an unknown piece is left out.
pub fn awk_patterns(arguments: &[Word]) -> Vec<StringUse> {
    let mut uses = Vec::new();
    for word in programs(arguments) {
        let Some(program) = word.as_literal() else {
            continue;
        };
        let span = word.template.span_or(word.span);
        let case_insensitive = ignores_case(&program);
        for pattern in program_regexes(&program) {
            uses.extend(valid_regex(from_ere(&pattern), case_insensitive, span));
        }
    }
    uses
}

/// Returns the program words of an `awk` command line.
fn programs(arguments: &[Word]) -> Vec<Word> {
    let mut sources = Vec::new();
    let mut from_file = false;
    let mut index = 0;
    while let Some(word) = arguments.get(index) {
        index += 1;
        let text = word.leading_text();
        match text.as_ref() {
            "--" => break,
            "-e" | "--source" => {
                sources.extend(arguments.get(index).cloned());
                index += 1;
            }
            "-f" | "--file" => {
                from_file = true;
                index += 1;
            }
            // These take the next word as their value.
            "-F" | "-v" | "-l" | "--field-separator" | "--assign" | "--load" => index += 1,
            _ if text.starts_with("-f") || text.starts_with("--file=") => from_file = true,
            _ if text.starts_with('-') && text.len() > 1 => {}
            _ => {
                index -= 1;
                break;
            }
        }
    }
    if sources.is_empty() && !from_file {
        sources.extend(arguments.get(index).cloned());
    }
    sources
}

/// Returns whether the program compares text without regard to case, as
/// gawk's `IGNORECASE` and a match against `tolower(...)` do.
fn ignores_case(program: &str) -> bool {
    ["IGNORECASE", "tolower(", "toupper("]
        .iter()
        .any(|marker| program.contains(marker))
}

/// Returns the text of each regex literal and each string literal matched
/// with `~` or `!~` in an awk program.
fn program_regexes(program: &str) -> Vec<String> {
    let chars: Vec<char> = program.chars().collect();
    let mut found = Vec::new();
    let mut previous = None;
    let mut at = 0;
    while let Some(&current) = chars.get(at) {
        match current {
            '#' => at = skip_comment(&chars, at),
            '"' => {
                let (text, end) = read_string(&chars, at);
                if previous == Some('~') {
                    found.extend(text);
                }
                at = end;
                previous = Some('"');
                continue;
            }
            '/' if starts_regex(previous) => {
                let (text, end) = read_regex(&chars, at);
                found.push(text);
                at = end;
                previous = Some('/');
                continue;
            }
            _ => {}
        }
        if !current.is_whitespace() || current == '\n' {
            previous = Some(current);
        }
        at += 1;
    }
    found
}

/// Returns whether a `/` after `previous`, the last character that was not
/// a space, starts a regex rather than a division.
fn starts_regex(previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some(character) => "(,{};~!&|\n=?:[".contains(character),
    }
}

fn skip_comment(chars: &[char], at: usize) -> usize {
    chars[at..]
        .iter()
        .position(|&character| character == '\n')
        .map_or(chars.len(), |offset| at + offset)
}

/// Reads a string literal from its opening quote, and returns its text when
/// it has no escape sequence, with the position after the closing quote.
fn read_string(chars: &[char], start: usize) -> (Option<String>, usize) {
    let mut text = String::new();
    let mut escaped = false;
    let mut at = start + 1;
    while let Some(&current) = chars.get(at) {
        at += 1;
        match current {
            '\\' => {
                escaped = true;
                at += 1;
            }
            '"' => return ((!escaped).then_some(text), at),
            _ => text.push(current),
        }
    }
    (None, at)
}

/// Reads a regex literal from its opening `/` and returns its text and the
/// position after the closing `/`. A `/` inside a bracket expression or
/// after a backslash does not close it.
fn read_regex(chars: &[char], start: usize) -> (String, usize) {
    let mut text = String::new();
    let mut in_brackets = false;
    let mut at = start + 1;
    while let Some(&current) = chars.get(at) {
        at += 1;
        match current {
            '\\' => {
                text.push(current);
                text.extend(chars.get(at));
                at += 1;
            }
            '/' if !in_brackets => return (unescape_slashes(&text), at),
            '\n' => break,
            '[' => {
                in_brackets = true;
                text.push(current);
            }
            ']' => {
                in_brackets = false;
                text.push(current);
            }
            _ => text.push(current),
        }
    }
    (unescape_slashes(&text), at)
}

/// Turns the `\/` that a regex literal needs for a slash into a plain `/`.
fn unescape_slashes(text: &str) -> String {
    text.replace("\\/", "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regex_literal_is_found() {
        assert_eq!(
            program_regexes("/not assigned to this user/ {print}"),
            ["not assigned to this user"]
        );
    }

    #[test]
    fn division_is_not_a_regex() {
        assert!(program_regexes("{ x = $1 / 2; y = n / 4 }").is_empty());
    }

    #[test]
    fn matched_string_is_found() {
        assert_eq!(
            program_regexes(r#"$0 ~ "Tried to delete" { exit 1 }"#),
            ["Tried to delete"]
        );
        assert!(program_regexes(r#"{ print "Tried to delete" }"#).is_empty());
    }

    #[test]
    fn slash_in_brackets_or_escaped_stays_inside() {
        assert_eq!(program_regexes(r"/a[/]b\/c/"), ["a[/]b/c"]);
    }

    #[test]
    fn comment_is_skipped() {
        assert!(program_regexes("# /not assigned/\n{ print }").is_empty());
    }

    #[test]
    fn program_follows_options() {
        let words = [
            Word::literal("-F", Default::default()),
            Word::literal(",", Default::default()),
            Word::literal("-v", Default::default()),
            Word::literal("x=1", Default::default()),
            Word::literal("/a/", Default::default()),
            Word::literal("file", Default::default()),
        ];
        let found = programs(&words);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].as_literal().as_deref(), Some("/a/"));
    }

    #[test]
    fn program_file_has_no_operand_program() {
        let words = [
            Word::literal("-f", Default::default()),
            Word::literal("prog.awk", Default::default()),
            Word::literal("/a/", Default::default()),
        ];
        assert!(programs(&words).is_empty());
    }

    #[test]
    fn case_folding_is_seen() {
        assert!(ignores_case("tolower($0) ~ /not assigned/"));
        assert!(!ignores_case("/not assigned/"));
    }
}
