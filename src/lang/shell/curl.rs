//! Reading a curl command line into requests. This is a pure function over
//! words that are already expanded, so it can be tested on its own.

use crate::model::{Param, Presence, Span, Value};
use crate::template::{FormFields, Template, decode_form};

use super::curl_options::{long_takes_argument, short_takes_argument};
use super::request::{Body, Request};
use super::word::{Split, Word, display, drop_prefix, split_at_first};

/// The curl options that shape a request. Every other option is skipped,
/// with its argument when it takes one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CurlOption {
    /// `-d`, `--data`, `--data-ascii`, `--data-binary`: `@file` reads a file.
    Data,
    /// `--data-raw`: `@` has no special meaning.
    DataRaw,
    /// `--data-urlencode`.
    DataUrlencode,
    /// `-F`, `--form`.
    Form,
    /// `--form-string`: the value is taken literally.
    FormString,
    /// `--url-query` (curl 7.87): like `--data-urlencode`, into the query.
    UrlQuery,
    /// `--json`: a JSON body, which form fields cannot describe.
    Json,
    /// `-K`, `--config`: more options from a file.
    Config,
    /// `-G`, `--get`.
    Get,
    /// `-I`, `--head`.
    Head,
    /// `-T`, `--upload-file`.
    UploadFile,
    /// `-X`, `--request`.
    Request,
    /// `--url`.
    Url,
    /// `-:`, `--next`: the options after it make a new request.
    Next,
    Other {
        takes_argument: bool,
    },
}

fn long_option(name: &str) -> CurlOption {
    match name.strip_prefix("expand-").unwrap_or(name) {
        "data" | "data-ascii" | "data-binary" => CurlOption::Data,
        "data-raw" => CurlOption::DataRaw,
        "data-urlencode" => CurlOption::DataUrlencode,
        "form" => CurlOption::Form,
        "form-string" => CurlOption::FormString,
        "url-query" => CurlOption::UrlQuery,
        "json" => CurlOption::Json,
        "config" => CurlOption::Config,
        "get" => CurlOption::Get,
        "head" => CurlOption::Head,
        "upload-file" => CurlOption::UploadFile,
        "request" => CurlOption::Request,
        "url" => CurlOption::Url,
        "next" => CurlOption::Next,
        other => CurlOption::Other {
            takes_argument: long_takes_argument(other),
        },
    }
}

fn short_option(letter: char) -> CurlOption {
    match letter {
        'd' => CurlOption::Data,
        'F' => CurlOption::Form,
        'K' => CurlOption::Config,
        'G' => CurlOption::Get,
        'I' => CurlOption::Head,
        'T' => CurlOption::UploadFile,
        'X' => CurlOption::Request,
        ':' => CurlOption::Next,
        other => CurlOption::Other {
            takes_argument: short_takes_argument(other),
        },
    }
}

fn takes_argument(option: CurlOption) -> bool {
    !matches!(
        option,
        CurlOption::Get
            | CurlOption::Head
            | CurlOption::Next
            | CurlOption::Other {
                takes_argument: false
            }
    )
}

/// An option's argument: the word it came from and its text.
struct Argument {
    word: usize,
    template: Template,
    span: Span,
    /// The option as written, such as `-d` or `--data-binary`, for messages.
    option: String,
}

/// The state of one request group; `--next` starts another.
#[derive(Default)]
struct Group {
    body: Body,
    urls: Vec<(usize, Template)>,
    /// The value of `-X`: `None` inside when it is not known.
    method: Option<Option<String>>,
    sends_body: bool,
    get: bool,
    head: bool,
    upload: bool,
}

impl Group {
    fn method(&self) -> Option<String> {
        if let Some(method) = &self.method {
            return method.clone();
        }
        let method = if self.head {
            "HEAD"
        } else if self.get {
            "GET"
        } else if self.upload {
            "PUT"
        } else if self.sends_body {
            "POST"
        } else {
            "GET"
        };
        Some(method.to_string())
    }

    fn finish(self, requests: &mut Vec<Request>) {
        let method = self.method();
        for (index, url) in &self.urls {
            let mut request = self.body.request(url, *index, method.clone());
            if self.get {
                // `-G` appends the data to the query the URL already has,
                // so the data follows it wherever the options were written.
                for (part_word, _) in &mut request.parts {
                    *part_word = *index;
                }
            }
            requests.push(request);
        }
    }
}

/// Reads curl's arguments (the words after `curl`) into one request per
/// URL. Words that may stand for several unknown words, such as an unknown
/// `"$@"`, become unresolved pieces of every request in their group.
pub fn parse_curl(words: &[Word]) -> Vec<Request> {
    let mut requests = Vec::new();
    let mut group = Group::default();
    let mut options_done = false;
    let mut index = 0;
    while index < words.len() {
        let word = &words[index];
        let lead = word.leading_text();
        // --
        if !options_done && word.as_literal().as_deref() == Some("--") {
            options_done = true;
            index += 1;
            continue;
        }
        if options_done || !lead.starts_with('-') || lead == "-" {
            add_positional(&mut group, index, word);
            index += 1;
            continue;
        }
        let (options, next) = read_options(words, index);
        for (option, argument) in options {
            if option == CurlOption::Next {
                std::mem::take(&mut group).finish(&mut requests);
            } else {
                apply(&mut group, option, argument);
            }
        }
        index = next;
    }
    group.finish(&mut requests);
    requests
}

/// Adds a URL, or a word that may hide several unknown options.
fn add_positional(group: &mut Group, index: usize, word: &Word) {
    let has_text = word.template.as_literal().is_some()
        || word
            .template
            .pieces
            .iter()
            .any(|(piece, _)| matches!(piece, crate::template::Piece::Text(_)));
    if word.spread && !has_text {
        let description = word.template.unknown_description();
        group.body.add_unresolved(index, description, word.span);
        return;
    }
    group.urls.push((index, word.template.clone()));
}

/// The options read from one word, each with its argument.
type ReadOptions = Vec<(CurlOption, Option<Argument>)>;

/// Reads the option in word `index` with its argument, and returns the
/// index of the word after them. A short cluster such as `-sSGd` yields
/// each letter, up to the first one that takes an argument.
fn read_options(words: &[Word], index: usize) -> (ReadOptions, usize) {
    let word = &words[index];
    let lead = word.leading_text();
    if let Some(long) = lead.strip_prefix("--") {
        // --data=action=add is not curl syntax, but its meaning is plain.
        let (name, inline) = match long.split_once('=') {
            Some((name, _)) => (name, Some(drop_prefix(&word.template, 3 + name.len()))),
            None => (long, None),
        };
        let option = long_option(name);
        let option_text = &lead[..2 + name.len()];
        let (argument, next) = read_argument(words, index, option, option_text, inline);
        return (vec![(option, argument)], next);
    }
    let mut options = Vec::new();
    for (at, letter) in lead.char_indices().skip(1) {
        let option = short_option(letter);
        if !takes_argument(option) {
            options.push((option, None));
            continue;
        }
        let rest = drop_prefix(&word.template, at + letter.len_utf8());
        let inline = (!rest.is_empty()).then_some(rest);
        // Named alone, as `-d` and not `sd` for `-sd`, and built rather than
        // sliced because the letter before it may span several bytes.
        let option_text = format!("-{letter}");
        let (argument, next) = read_argument(words, index, option, &option_text, inline);
        options.push((option, argument));
        return (options, next);
    }
    (options, index + 1)
}

fn read_argument(
    words: &[Word],
    index: usize,
    option: CurlOption,
    option_text: &str,
    inline: Option<Template>,
) -> (Option<Argument>, usize) {
    if !takes_argument(option) {
        return (None, index + 1);
    }
    if let Some(template) = inline {
        let argument = Argument {
            word: index,
            template,
            span: words[index].span,
            option: option_text.to_string(),
        };
        return (Some(argument), index + 1);
    }
    match words.get(index + 1) {
        Some(next) => {
            let argument = Argument {
                word: index + 1,
                template: next.template.clone(),
                span: next.span,
                option: option_text.to_string(),
            };
            (Some(argument), index + 2)
        }
        None => (None, index + 1),
    }
}

fn apply(group: &mut Group, option: CurlOption, argument: Option<Argument>) {
    match option {
        CurlOption::Get => group.get = true,
        CurlOption::Head => group.head = true,
        _ => {}
    }
    let Some(argument) = argument else {
        return;
    };
    match option {
        CurlOption::Data | CurlOption::DataRaw => add_data(group, option, &argument),
        CurlOption::DataUrlencode | CurlOption::UrlQuery => {
            add_urlencoded(group, option, &argument)
        }
        CurlOption::Form | CurlOption::FormString => add_form(group, option, &argument),
        CurlOption::Json | CurlOption::Config => {
            group.sends_body |= option == CurlOption::Json;
            let description = format!("{} {}", argument.option, display(&argument.template));
            group
                .body
                .add_unresolved(argument.word, description, argument.span);
        }
        CurlOption::UploadFile => group.upload = true,
        CurlOption::Request => {
            group.method = Some(argument.template.as_literal());
            group.body.add_source(argument.word);
        }
        CurlOption::Url => group.urls.push((argument.word, argument.template)),
        _ => {}
    }
}

/// `-d action=add&ips=1.2.3.4`, `-d @body.txt`, `--data-raw @literal`.
fn add_data(group: &mut Group, option: CurlOption, argument: &Argument) {
    group.sends_body = true;
    let reads_file = option == CurlOption::Data && argument.template.pieces.first().is_some_and(
        |(piece, _)| matches!(piece, crate::template::Piece::Text(text) if text.starts_with('@')),
    );
    if reads_file {
        let description = format!("{} {}", argument.option, display(&argument.template));
        group
            .body
            .add_unresolved(argument.word, description, argument.span);
        return;
    }
    group
        .body
        .add_form(argument.word, &argument.template, argument.span);
}

/// `--data-urlencode` in its forms `name=content`, `=content`, `content`,
/// `name@file` and `@file`; curl looks for `=` first and for `@` only when
/// there is none. `--url-query` adds `+content`, sent without encoding.
fn add_urlencoded(group: &mut Group, option: CurlOption, argument: &Argument) {
    group.sends_body |= option == CurlOption::DataUrlencode;
    let template = &argument.template;
    if option == CurlOption::UrlQuery && super::word::leading_text(template).starts_with('+') {
        let raw = drop_prefix(template, 1);
        group.body.add_form(argument.word, &raw, argument.span);
        return;
    }
    match urlencoded_field(template) {
        Some((name, value)) => add_param(group, argument, name, value),
        None => {
            let description = format!("{} {}", argument.option, display(template));
            group
                .body
                .add_unresolved(argument.word, description, argument.span);
        }
    }
}

/// Reads one `--data-urlencode` argument into a parameter name and value.
/// Returns `None` for `@file`, or when an unknown piece could hold the name.
fn urlencoded_field(template: &Template) -> Option<(String, Value)> {
    let empty = || Value::Literal(String::new());
    match split_at_first(template, '=') {
        // =content: the encoded content alone is the field.
        Split::Found(name, content) if name.is_empty() => Some((content.as_literal()?, empty())),
        // name=content
        Split::Found(name, content) => {
            let name = decode_form(&name.as_literal()?);
            Some((name, literal_or_dynamic(&content)))
        }
        Split::Blocked => None,
        Split::Absent => match split_at_first(template, '@') {
            // name@file: the value is the file's content.
            Split::Found(name, file) => {
                let name = name.as_literal().filter(|name| !name.is_empty())?;
                let value = Value::Dynamic(format!("@{}", display(&file)));
                Some((decode_form(&name), value))
            }
            // content: the encoded content alone is the field.
            _ => Some((template.as_literal()?, empty())),
        },
    }
}

/// `-F name=value`, `-F name=@file`, `-F "name=<file"`,
/// `-F "name=value;type=text/plain"`.
fn add_form(group: &mut Group, option: CurlOption, argument: &Argument) {
    group.sends_body = true;
    let template = &argument.template;
    let (name, content) = match split_at_first(template, '=') {
        Split::Found(name, content) => (name, content),
        // Without `=` curl rejects the option, so nothing is sent.
        Split::Absent => return,
        Split::Blocked => {
            let description = format!("{} {}", argument.option, display(template));
            group
                .body
                .add_unresolved(argument.word, description, argument.span);
            return;
        }
    };
    let Some(name) = name.as_literal() else {
        return;
    };
    let lead = super::word::leading_text(&content);
    let value = if option == CurlOption::Form && (lead.starts_with('@') || lead.starts_with('<')) {
        Value::Dynamic(display(&content))
    } else if option == CurlOption::Form {
        match content.as_literal() {
            Some(text) => Value::Literal(without_form_attributes(&text).to_string()),
            None => literal_or_dynamic(&content),
        }
    } else {
        literal_or_dynamic(&content)
    };
    add_param(group, argument, name, value);
}

/// Cuts `;type=...` and the other attributes curl reads after a `-F` value.
fn without_form_attributes(value: &str) -> &str {
    let attributes = [";type=", ";filename=", ";headers=", ";encoder="];
    let cut = attributes
        .iter()
        .filter_map(|attribute| value.find(attribute))
        .min()
        .unwrap_or(value.len());
    &value[..cut]
}

fn literal_or_dynamic(template: &Template) -> Value {
    match template.as_literal() {
        Some(text) => Value::Literal(text),
        None => Value::Dynamic(template.unknown_description()),
    }
}

fn add_param(group: &mut Group, argument: &Argument, name: String, value: Value) {
    let param = Param {
        name,
        value,
        presence: Presence::Always,
        span: argument.template.span_or(argument.span),
    };
    let fields = FormFields {
        params: vec![param],
        unresolved: Vec::new(),
    };
    group.body.add_fields(argument.word, fields);
}
