//! Regular expressions in `sed` scripts, such as the two in
//! `sed -n '/<DOMAIN>/s/.*<DOMAIN>\(.*\)<\/DOMAIN>.*/\1/p'`: the address
//! `/RE/` and the pattern of each `s` command. Scripts are basic regular
//! expressions unless `-E` or `-r` selects extended ones, as in GNU sed.

use crate::model::StringUse;

use super::regex_dialect::{from_bre, from_ere};
use super::strings::valid_regex;
use super::word::Word;

/// The options of one `sed` command that decide how its scripts are read.
#[derive(Default)]
struct SedOptions {
    extended: bool,
    scripts: Vec<Word>,
}

/// Reads the regular expressions of a `sed` command: the scripts of each
/// `-e` or `--expression`, or else the first operand. Scripts with an
/// unknown piece and scripts read from a file (`-f`) are left out.
pub fn sed_patterns(arguments: &[Word]) -> Vec<StringUse> {
    let options = sed_options(arguments);
    let mut uses = Vec::new();
    for word in &options.scripts {
        let Some(script) = word.as_literal() else {
            continue;
        };
        let span = word.template.span_or(word.span);
        let regexes = script_regexes(&script).into_iter();
        for (pattern, case_insensitive) in regexes.filter(|(pattern, _)| !pattern.is_empty()) {
            let converted = if options.extended {
                from_ere(&pattern)
            } else {
                from_bre(&pattern)
            };
            uses.extend(valid_regex(converted, case_insensitive, span));
        }
    }
    uses
}

fn sed_options(arguments: &[Word]) -> SedOptions {
    let mut options = SedOptions::default();
    let mut operands = Vec::new();
    let mut index = 0;
    while let Some(word) = arguments.get(index) {
        index += 1;
        let text = word.leading_text();
        match text.as_ref() {
            "--regexp-extended" => options.extended = true,
            "--expression" => {
                options.scripts.extend(arguments.get(index).cloned());
                index += 1;
            }
            // The argument of these options is a file name or a number.
            "--file" | "--line-length" => index += 1,
            _ if text.starts_with("--expression=") => {
                options
                    .scripts
                    .extend(attached_script(word, "--expression="));
            }
            _ if text.starts_with("--") => {}
            _ if text.starts_with('-') && text.len() > 1 => {
                index += short_options(&mut options, word, arguments.get(index));
            }
            _ => operands.push(word),
        }
    }
    if options.scripts.is_empty() {
        options
            .scripts
            .extend(operands.first().map(|word| (*word).clone()));
    }
    options
}

/// Applies a short cluster such as `-nE`, `-ne SCRIPT` or `-i.bak`, and
/// returns how many following words it used.
fn short_options(options: &mut SedOptions, word: &Word, next: Option<&Word>) -> usize {
    let text = word.leading_text();
    for (at, letter) in text.char_indices().skip(1) {
        let rest = &text[at + letter.len_utf8()..];
        match letter {
            'E' | 'r' => options.extended = true,
            'e' if rest.is_empty() => {
                options.scripts.extend(next.cloned());
                return 1;
            }
            'e' => {
                options
                    .scripts
                    .extend(attached_script(word, &text[..at + 1]));
                return 0;
            }
            // `-f FILE` and `-l N` take the next word unless it is attached.
            'f' | 'l' => return usize::from(rest.is_empty()),
            // `-i` takes an attached backup suffix, never the next word.
            'i' => return 0,
            _ => {}
        }
    }
    0
}

/// Returns the script attached to an option, as in `-ne's/a/b/'`, when the
/// whole word is known.
fn attached_script(word: &Word, option: &str) -> Option<Word> {
    let text = word.as_literal()?;
    let script = text.strip_prefix(option)?;
    Some(Word::literal(script, word.span))
}

/// Returns each regular expression of a script with whether it ignores
/// case (the `I` flag of an address or of `s`).
fn script_regexes(script: &str) -> Vec<(String, bool)> {
    let chars: Vec<char> = script.chars().collect();
    let mut reader = Reader {
        chars: &chars,
        at: 0,
    };
    let mut found = Vec::new();
    while reader.at < chars.len() {
        reader.skip_separators();
        reader.read_addresses(&mut found);
        reader.read_command(&mut found);
    }
    found
}

/// A cursor over a sed script.
struct Reader<'a> {
    chars: &'a [char],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_separators(&mut self) {
        while self
            .peek()
            .is_some_and(|c| c.is_whitespace() || matches!(c, ';' | '{' | '}' | '!'))
        {
            self.at += 1;
        }
    }

    /// Reads `ADDRESS` or `ADDRESS,ADDRESS`, where an address is a line
    /// number, `$`, `/RE/` or `\cREc`, with an optional `I` after a regex.
    fn read_addresses(&mut self, found: &mut Vec<(String, bool)>) {
        for _ in 0..2 {
            match self.peek() {
                Some('/') => {
                    self.at += 1;
                    let pattern = self.read_delimited('/');
                    found.push((pattern, self.read_address_flag()));
                }
                Some('\\') => {
                    self.at += 1;
                    let Some(delimiter) = self.peek() else {
                        return;
                    };
                    self.at += 1;
                    let pattern = self.read_delimited(delimiter);
                    found.push((pattern, self.read_address_flag()));
                }
                Some(c) if c.is_ascii_digit() || c == '$' => {
                    while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '$') {
                        self.at += 1;
                    }
                }
                _ => return,
            }
            if self.peek() != Some(',') {
                return;
            }
            self.at += 1;
        }
    }

    fn read_address_flag(&mut self) -> bool {
        if self.peek() == Some('I') {
            self.at += 1;
            return true;
        }
        false
    }

    /// Reads one command. Only `s` carries a regular expression. The text
    /// of `a`, `i` and `c` runs to the end of the line, and other commands
    /// run to the next `;` or line break.
    fn read_command(&mut self, found: &mut Vec<(String, bool)>) {
        while self.peek().is_some_and(|c| c == ' ' || c == '!') {
            self.at += 1;
        }
        let Some(command) = self.peek() else {
            return;
        };
        self.at += 1;
        match command {
            's' => {
                let Some(delimiter) = self.peek() else {
                    return;
                };
                self.at += 1;
                let pattern = self.read_delimited(delimiter);
                self.read_delimited(delimiter);
                let flags = self.read_while(|c| c.is_ascii_alphanumeric());
                found.push((pattern, flags.contains('I') || flags.contains('i')));
            }
            'y' => {
                let Some(delimiter) = self.peek() else {
                    return;
                };
                self.at += 1;
                self.read_delimited(delimiter);
                self.read_delimited(delimiter);
            }
            'a' | 'i' | 'c' => {
                self.read_while(|c| c != '\n');
            }
            '{' | '}' | ';' => {}
            _ => {
                self.read_while(|c| c != ';' && c != '\n' && c != '}');
            }
        }
    }

    fn read_while(&mut self, keep: impl Fn(char) -> bool) -> String {
        let start = self.at;
        while self.peek().is_some_and(&keep) {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    /// Reads up to the next unescaped `delimiter` and steps past it. An
    /// escaped delimiter stands for itself, and a bracket expression such
    /// as `[^/]` may contain the delimiter unescaped.
    fn read_delimited(&mut self, delimiter: char) -> String {
        let mut text = String::new();
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                _ if c == delimiter => return text,
                '\\' => match self.peek() {
                    Some(next) if next == delimiter => {
                        text.push(next);
                        self.at += 1;
                    }
                    Some(next) => {
                        text.push('\\');
                        text.push(next);
                        self.at += 1;
                    }
                    None => text.push('\\'),
                },
                '[' => {
                    text.push('[');
                    text.push_str(&self.read_bracket());
                }
                _ => text.push(c),
            }
        }
        text
    }

    /// Reads the rest of a bracket expression after its `[`, where `]`
    /// first (after any `^`) is a member rather than the end.
    fn read_bracket(&mut self) -> String {
        let mut text = String::new();
        if self.peek() == Some('^') {
            text.push('^');
            self.at += 1;
        }
        if self.peek() == Some(']') {
            text.push(']');
            self.at += 1;
        }
        while let Some(c) = self.peek() {
            self.at += 1;
            text.push(c);
            if c == ']' {
                break;
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn regexes(script: &str) -> Vec<(String, bool)> {
        script_regexes(script)
    }

    fn plain(pattern: &str) -> (String, bool) {
        (pattern.to_string(), false)
    }

    #[test]
    fn substitution_and_address_patterns() {
        assert_eq!(
            regexes(r"s/.*<DOMAIN>\(.*\)<\/DOMAIN>.*/\1/p"),
            [plain(r".*<DOMAIN>\(.*\)</DOMAIN>.*")]
        );
        assert_eq!(
            regexes(r"/<DOMAIN_LIST>/,/<\/DOMAIN_LIST>/d; s|<ID>||g"),
            [
                plain("<DOMAIN_LIST>"),
                plain("</DOMAIN_LIST>"),
                plain("<ID>")
            ]
        );
    }

    #[test]
    fn flags_brackets_and_other_commands() {
        assert_eq!(regexes(r"s/<domain>//gI"), [("<domain>".to_string(), true)]);
        assert_eq!(regexes(r"\,<TITLE>,Ip"), [("<TITLE>".to_string(), true)]);
        assert_eq!(regexes(r"s/[^/]*\/x/y/"), [plain(r"[^/]*/x")]);
        assert_eq!(regexes("1d;$d;y/abc/xyz/"), Vec::<(String, bool)>::new());
        assert_eq!(
            regexes("/<ID>/a\\\nappended text /x/\ns/a/b/"),
            [plain("<ID>"), plain("a")]
        );
    }

    fn texts(arguments: &[&str]) -> Vec<String> {
        let words: Vec<Word> = arguments
            .iter()
            .map(|text| Word::literal(*text, Span::default()))
            .collect();
        sed_patterns(&words)
            .into_iter()
            .map(|used| used.text)
            .collect()
    }

    #[test]
    fn options_pick_scripts_and_dialect() {
        assert_eq!(texts(&["-ne", "s/<ID>//p", "groups.xml"]), ["<ID>"]);
        assert_eq!(texts(&["-nes/<ID>//p", "groups.xml"]), ["<ID>"]);
        assert_eq!(
            texts(&["--expression=s/<ID>//", "-e", "/<TITLE>/d"]),
            ["<ID>", "<TITLE>"]
        );
        assert_eq!(texts(&["-i.bak", "s/<ID>//", "groups.xml"]), ["<ID>"]);
        assert_eq!(
            texts(&["-f", "edit.sed", "groups.xml"]),
            Vec::<String>::new()
        );
        assert_eq!(texts(&["s/a+/b/"]), [r"a\+"]);
        assert_eq!(texts(&["-E", "s/a+/b/"]), ["a+"]);
        assert_eq!(texts(&["-nr", "s/a+/b/p"]), ["a+"]);
    }

    #[test]
    fn span_is_reported_for_each_script() {
        let words = [
            Word::literal("-n", Span::new(4, 6)),
            Word::literal("-e", Span::new(7, 9)),
            Word::literal("s/<DOMAIN>//p", Span::new(10, 23)),
            Word::literal("-E", Span::new(24, 26)),
            Word::literal("groups.xml", Span::new(27, 37)),
        ];
        let uses = sed_patterns(&words);
        assert_eq!(uses.len(), 1, "{uses:?}");
        assert_eq!(uses[0].span, Span::new(10, 23));
        assert_eq!(uses[0].text, "<DOMAIN>");
    }
}
