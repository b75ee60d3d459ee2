//! Reading a GNU Wget command line into requests, after the option list of
//! the Wget 1.21 manual.

use crate::template::Template;

use super::request::{Body, Request};
use super::word::{Word, display, drop_prefix};

/// Short options that take an argument.
const SHORT_WITH_ARGUMENT: &str = "OoaeiBtTwQPUDXIlAR";

/// Long options that take an argument when it is given as the next word
/// (`--header X`); the `--name=value` form needs no list. Sorted.
const LONG_WITH_ARGUMENT: &[&str] = &[
    "accept",
    "accept-regex",
    "append-output",
    "backups",
    "base",
    "bind-address",
    "bind-dns-address",
    "body-data",
    "body-file",
    "ca-certificate",
    "ca-directory",
    "certificate",
    "certificate-type",
    "ciphers",
    "compression",
    "config",
    "connect-timeout",
    "crl-file",
    "cut-dirs",
    "default-page",
    "directory-prefix",
    "dns-servers",
    "dns-timeout",
    "domains",
    "egd-file",
    "exclude-directories",
    "exclude-domains",
    "execute",
    "follow-tags",
    "ftp-password",
    "ftp-user",
    "header",
    "hsts-file",
    "http-password",
    "http-user",
    "ignore-tags",
    "include-directories",
    "input-file",
    "level",
    "limit-rate",
    "load-cookies",
    "local-encoding",
    "max-redirect",
    "method",
    "output-document",
    "output-file",
    "password",
    "pinnedpubkey",
    "post-data",
    "post-file",
    "prefer-family",
    "private-key",
    "private-key-type",
    "progress",
    "proxy-password",
    "proxy-user",
    "quota",
    "random-file",
    "read-timeout",
    "referer",
    "regex-type",
    "reject",
    "reject-regex",
    "rejected-log",
    "remote-encoding",
    "report-speed",
    "restrict-file-names",
    "retry-on-http-error",
    "save-cookies",
    "secure-protocol",
    "start-pos",
    "timeout",
    "tries",
    "use-askpass",
    "user",
    "user-agent",
    "wait",
    "waitretry",
    "warc-dedup",
    "warc-file",
    "warc-header",
    "warc-max-size",
    "warc-tempdir",
];

/// The parts of a Wget command line that shape its request.
#[derive(Default)]
struct WgetState {
    body: Body,
    urls: Vec<(usize, Template)>,
    method: Option<Option<String>>,
    posts: bool,
}

/// Reads Wget's arguments (the words after `wget`) into one request per URL.
pub fn parse_wget(words: &[Word]) -> Vec<Request> {
    let mut state = WgetState::default();
    let mut options_done = false;
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        let lead = word.leading_text();
        if !options_done && word.as_literal().as_deref() == Some("--") {
            options_done = true;
            index += 1;
        } else if options_done || !lead.starts_with('-') || lead == "-" {
            add_positional(&mut state, index, word);
            index += 1;
        } else if let Some(long) = lead.strip_prefix("--") {
            index = read_long(&mut state, words, index, long);
        } else {
            index = skip_short(words, index, lead);
        }
    }
    let method = match state.method {
        Some(method) => method,
        None if state.posts => Some("POST".to_string()),
        None => Some("GET".to_string()),
    };
    state
        .urls
        .iter()
        .map(|(index, url)| state.body.request(url, *index, method.clone()))
        .collect()
}

fn add_positional(state: &mut WgetState, index: usize, word: &Word) {
    if word.spread && word.template.as_literal().is_none() && word.leading_text().is_empty() {
        let description = word.template.unknown_description();
        state.body.add_unresolved(index, description, word.span);
        return;
    }
    state.urls.push((index, word.template.clone()));
}

/// Reads `--name=value` or `--name value` and returns the next word's index.
fn read_long(state: &mut WgetState, words: &[Word], index: usize, long: &str) -> usize {
    let word = &words[index];
    let (name, value, value_word, next) = match long.split_once('=') {
        Some((name, _)) => {
            let value = drop_prefix(&word.template, 3 + name.len());
            (name, Some(value), index, index + 1)
        }
        None if LONG_WITH_ARGUMENT.binary_search(&long).is_ok() => {
            let value = words.get(index + 1).map(|next| next.template.clone());
            (long, value, index + 1, index + 2)
        }
        None => (long, None, index, index + 1),
    };
    let Some(value) = value else {
        return next;
    };
    let span = words
        .get(value_word)
        .map(|word| word.span)
        .unwrap_or(word.span);
    match name {
        // --post-data='action=add&ips=10.0.0.1'
        "post-data" | "body-data" => {
            state.posts |= name == "post-data";
            state.body.add_form(value_word, &value, span);
        }
        // --post-file=body.txt
        "post-file" | "body-file" => {
            state.posts |= name == "post-file";
            let description = format!("--{name} {}", display(&value));
            state.body.add_unresolved(value_word, description, span);
        }
        // --method=PUT
        "method" => {
            state.method = Some(value.as_literal());
            state.body.add_source(value_word);
        }
        _ => {}
    }
    next
}

/// Skips a short option cluster such as `-qO-` or `-nv`, with the argument
/// of its first letter that takes one.
fn skip_short(words: &[Word], index: usize, lead: &str) -> usize {
    let letters: Vec<(usize, char)> = lead.char_indices().skip(1).collect();
    let mut position = 0;
    while position < letters.len() {
        let (at, letter) = letters[position];
        // -nv, -nc, -nd, -nH, -np: two-letter flags.
        if letter == 'n' {
            position += 2;
            continue;
        }
        if SHORT_WITH_ARGUMENT.contains(letter) {
            let rest = drop_prefix(&words[index].template, at + letter.len_utf8());
            return if rest.is_empty() {
                index + 2
            } else {
                index + 1
            };
        }
        position += 1;
    }
    index + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_list_is_sorted() {
        for pair in LONG_WITH_ARGUMENT.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{:?} must sort before {:?}",
                pair[0],
                pair[1]
            );
        }
    }
}
