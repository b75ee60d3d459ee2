//! Recognising which program a command line runs: HTTP clients behind
//! `sudo`, `env` or a full path, and which words are its arguments.

use super::curl::parse_curl;
use super::httpie::parse_httpie;
use super::request::Request;
use super::wget::parse_wget;
use super::word::Word;

/// An HTTP client whose command line the front end reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Client {
    Curl,
    Wget,
    Httpie,
}

impl Client {
    pub fn named(name: &str) -> Option<Client> {
        match name {
            "curl" => Some(Client::Curl),
            "wget" => Some(Client::Wget),
            "http" | "https" => Some(Client::Httpie),
            _ => None,
        }
    }

    /// Reads the client's arguments into requests.
    pub fn requests(self, arguments: &[Word]) -> Vec<Request> {
        match self {
            Client::Curl => parse_curl(arguments),
            Client::Wget => parse_wget(arguments),
            Client::Httpie => parse_httpie(arguments),
        }
    }
}

/// A command line with wrappers such as `sudo -u svc` removed.
#[derive(Debug, PartialEq, Eq)]
pub struct Invocation {
    /// Index of the word that names the program.
    pub name_word: usize,
    /// The program's name without its directory: `curl` for `/usr/bin/curl`.
    pub name: String,
    /// False when a prefix such as `command` or `sudo` runs the program
    /// directly, so a shell function of that name is not called.
    pub functions_visible: bool,
    /// True when `xargs` runs the program and appends words it reads from
    /// its input to the command line, as it does without `-I`.
    pub input_arguments: bool,
    /// The marker that `xargs -I` replaces with each line of its input.
    pub input_marker: Option<String>,
}

/// Finds the program that a command line runs. Returns `None` when its
/// name is not known text.
pub fn invocation(words: &[Word]) -> Option<Invocation> {
    let mut index = 0;
    let mut functions_visible = true;
    let mut input_arguments = false;
    let mut input_marker = None;
    loop {
        // tree-sitter-bash 0.25 starts the name `\curl` at the line break
        // before it when an assignment ends the line above.
        let name = base_name(words.get(index)?.as_literal()?.trim_start()).to_string();
        let skip = match name.as_str() {
            // command curl ..., builtin, exec: the program itself, not a function.
            "command" | "builtin" | "exec" => options_then_command(words, index + 1, ""),
            // nohup curl ..., time curl ...
            "nohup" | "time" => options_then_command(words, index + 1, ""),
            // sudo -u svc curl ...
            "sudo" => options_then_command(words, index + 1, "ugpChDrtUT"),
            // env QG_USER=x curl ...
            "env" => env_arguments(words, index + 1),
            // timeout 30 curl ..., nice -n 5 curl ...
            "timeout" => options_then_command(words, index + 1, "sk").map(|at| at + 1),
            "nice" => options_then_command(words, index + 1, "n"),
            // xargs -I{} curl -d "ips={}" ...: each input line replaces {}.
            // Without -I, the input words are appended to the command.
            "xargs" => {
                input_marker = replacement_marker(&words[index + 1..]);
                input_arguments = input_marker.is_none();
                options_then_command(words, index + 1, "IaEdLnPs")
            }
            _ => {
                return Some(Invocation {
                    name_word: index,
                    name,
                    functions_visible,
                    input_arguments,
                    input_marker,
                });
            }
        };
        functions_visible = false;
        index = skip?;
    }
}

/// Returns the marker of `xargs`'s `-I MARKER`, `-IMARKER`, `-i` or
/// `--replace`, which put each input line in place of the marker instead
/// of appending the input. `-i` and `--replace` default to `{}`.
fn replacement_marker(arguments: &[Word]) -> Option<String> {
    let options: Vec<String> = arguments
        .iter()
        .map(|word| word.leading_text().into_owned())
        .take_while(|text| text.starts_with('-'))
        .collect();
    options.iter().enumerate().find_map(|(at, text)| {
        if text == "-I" {
            let next = arguments.get(at + 1)?;
            return Some(next.leading_text().into_owned());
        }
        if let Some(marker) = text.strip_prefix("-I") {
            return Some(marker.to_string());
        }
        let attached = text
            .strip_prefix("--replace=")
            .or_else(|| text.strip_prefix("-i"))
            .filter(|marker| !marker.is_empty());
        match attached {
            Some(marker) => Some(marker.to_string()),
            None if text == "-i" || text == "--replace" => Some("{}".to_string()),
            None => None,
        }
    })
}

fn base_name(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".exe").unwrap_or(name)
}

/// Skips the options of a prefix command and returns the index of the
/// command it runs. `with_argument` lists the option letters that take the
/// next word as their argument.
fn options_then_command(words: &[Word], mut index: usize, with_argument: &str) -> Option<usize> {
    while let Some(word) = words.get(index) {
        let text = word.leading_text();
        if text == "--" {
            return Some(index + 1);
        }
        if !text.starts_with('-') || text == "-" {
            return Some(index);
        }
        let takes_argument =
            text.len() == 2 && text[1..].chars().all(|c| with_argument.contains(c));
        index += if takes_argument { 2 } else { 1 };
    }
    None
}

/// Skips `env`'s options and `NAME=value` words.
fn env_arguments(words: &[Word], mut index: usize) -> Option<usize> {
    while let Some(word) = words.get(index) {
        let text = word.leading_text();
        let assignment = text
            .split_once('=')
            .is_some_and(|(name, _)| !name.is_empty() && !name.starts_with('-'));
        if text == "-u" {
            index += 2;
        } else if text.starts_with('-') || assignment {
            index += 1;
        } else {
            return Some(index);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn words(line: &str) -> Vec<Word> {
        line.split_whitespace()
            .map(|text| Word::literal(text, Span::default()))
            .collect()
    }

    fn program(line: &str) -> Option<(String, usize, bool)> {
        invocation(&words(line)).map(|i| (i.name, i.name_word, i.functions_visible))
    }

    #[test]
    fn prefixes_are_skipped() {
        assert_eq!(program("curl -s x"), Some(("curl".into(), 0, true)));
        assert_eq!(program("/usr/bin/curl x"), Some(("curl".into(), 0, true)));
        assert_eq!(
            program("sudo -u svc curl x"),
            Some(("curl".into(), 3, false))
        );
        assert_eq!(
            program("env A=1 B=2 wget x"),
            Some(("wget".into(), 3, false))
        );
        assert_eq!(program("command curl x"), Some(("curl".into(), 1, false)));
        assert_eq!(
            program("timeout -s KILL 30 curl x"),
            Some(("curl".into(), 4, false))
        );
        assert_eq!(program("nohup"), None);
        assert_eq!(
            program("xargs -I{} -P 4 curl x"),
            Some(("curl".into(), 4, false))
        );
    }
}
