//! Property tests of the curl argument parser over expanded words: it never
//! panics, and `name=value` data options become parameters in order,
//! whatever their spelling and whatever unrelated options surround them.

use proptest::prelude::*;

use crate::lang::shell::curl::parse_curl;
use crate::lang::shell::request::call_site;
use crate::lang::shell::word::Word;
use crate::model::{Span, Value};
use crate::template::Template;

const URL: &str = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/";

/// Generates parameter names as scripts write them.
fn name() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,10}"
}

/// Generates values that form decoding leaves as they are: no `+`, `%`,
/// `&` or blank. A value may contain `=`, because only the first `=` ends
/// the name.
fn value() -> impl Strategy<Value = String> {
    "[A-Za-z0-9._~:/,=-]{0,12}"
}

fn pairs(max: usize) -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((name(), value()), 0..max)
}

/// Writes one data option as words, in one of the spellings curl accepts.
fn data_option(pair: &(String, String), spelling: usize) -> Vec<String> {
    let argument = format!("{}={}", pair.0, pair.1);
    match spelling % 7 {
        0 => vec!["-d".into(), argument],
        1 => vec!["--data".into(), argument],
        2 => vec!["--data-raw".into(), argument],
        3 => vec!["--data-binary".into(), argument],
        4 => vec!["--data-ascii".into(), argument],
        5 => vec![format!("-d{argument}")],
        _ => vec![format!("--data={argument}")],
    }
}

/// Generates options that change neither the parameters nor the method.
fn unrelated_option() -> impl Strategy<Value = Vec<String>> {
    let options: Vec<Vec<&str>> = vec![
        vec!["-s"],
        vec!["-sS"],
        vec!["-k"],
        vec!["-L"],
        vec!["--silent"],
        vec!["--compressed"],
        vec!["-H", "X-Requested-With: curl"],
        vec!["--header", "Accept: text/xml"],
        vec!["-u", "apiuser:pass"],
        vec!["-o", "out.xml"],
        vec!["--max-time", "30"],
        vec!["-A", "agms-test/1.0"],
    ];
    prop::sample::select(options)
        .prop_map(|words| words.into_iter().map(String::from).collect::<Vec<_>>())
}

/// The options of a generated curl command before they are laid out.
#[derive(Clone, Debug)]
struct Options {
    /// The `name=value` pairs of the data options, in order.
    pairs: Vec<(String, String)>,
    /// The spelling of each data option, for [`data_option`].
    spellings: Vec<usize>,
    /// Options to interleave with the data options, each as its words.
    unrelated: Vec<Vec<String>>,
}

/// Generates data options in order, each with its spelling, and unrelated
/// options to interleave with them.
fn options() -> impl Strategy<Value = Options> {
    pairs(6).prop_flat_map(|pairs| {
        let count = pairs.len();
        (
            Just(pairs),
            prop::collection::vec(any::<usize>(), count),
            prop::collection::vec(unrelated_option(), 0..4),
        )
            .prop_map(|(pairs, spellings, unrelated)| Options {
                pairs,
                spellings,
                unrelated,
            })
    })
}

/// Lays out the data options in order with the unrelated options and the
/// URL at positions chosen by `seed`.
fn arrange(options: &Options, url: &str, seed: usize) -> Vec<String> {
    let mut groups: Vec<Vec<String>> = options
        .pairs
        .iter()
        .zip(&options.spellings)
        .map(|(pair, spelling)| data_option(pair, *spelling))
        .collect();
    for (index, option) in options.unrelated.iter().enumerate() {
        let at = seed.wrapping_add(index * 7) % (groups.len() + 1);
        groups.insert(at, option.clone());
    }
    let at = seed.wrapping_mul(31) % (groups.len() + 1);
    groups.insert(at, vec![url.to_string()]);
    groups.concat()
}

fn words(texts: &[String]) -> Vec<Word> {
    texts
        .iter()
        .enumerate()
        .map(|(index, text)| Word::literal(text.as_str(), Span::new(index, index + 1)))
        .collect()
}

/// Lists the parameters of a request's body in order, as `(name, literal)`.
fn body_pairs(request: &crate::lang::shell::request::Request) -> Vec<(String, String)> {
    request
        .parts
        .iter()
        .flat_map(|(_, fields)| &fields.params)
        .map(|param| (param.name.clone(), literal_text(&param.value)))
        .collect()
}

fn literal_text(value: &Value) -> String {
    match value {
        Value::Literal(text) => text.clone(),
        Value::Dynamic(description) => format!("<dynamic {description}>"),
    }
}

fn query(pairs: &[(String, String)]) -> String {
    let fields: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    fields.join("&")
}

proptest! {
    #[test]
    fn data_options_keep_pairs_in_order(options in options(), seed in any::<usize>()) {
        let pairs = &options.pairs;
        let texts = arrange(&options, URL, seed);
        let requests = parse_curl(&words(&texts));
        prop_assert_eq!(requests.len(), 1, "one URL, one request: {:?}", texts);
        let request = &requests[0];
        prop_assert_eq!(&body_pairs(request), pairs, "words: {:?}", texts);
        let unresolved: Vec<_> = request.parts.iter().flat_map(|(_, f)| &f.unresolved).collect();
        prop_assert!(unresolved.is_empty(), "unresolved {:?} in {:?}", unresolved, texts);
        let method = if pairs.is_empty() { "GET" } else { "POST" };
        prop_assert_eq!(request.method.as_deref(), Some(method), "words: {:?}", texts);
    }

    /// `-G` sends the data in the URL's query, after any query the URL
    /// already has, so a repeated name in the data overrides the URL's.
    #[test]
    fn get_option_moves_data_to_query(
        options in options(),
        url_query in pairs(3),
        long_spelling in any::<bool>(),
        seed in any::<usize>(),
    ) {
        let url = if url_query.is_empty() {
            URL.to_string()
        } else {
            format!("{URL}?{}", query(&url_query))
        };
        let get = if long_spelling { "--get" } else { "-G" };
        let mut options = options;
        let at = seed % (options.unrelated.len() + 1);
        options.unrelated.insert(at, vec![get.to_string()]);
        let texts = arrange(&options, &url, seed);
        let words = words(&texts);
        let requests = parse_curl(&words);
        prop_assert_eq!(requests.len(), 1, "words: {:?}", texts);
        let request = requests.into_iter().next().unwrap();
        prop_assert_eq!(request.method.as_deref(), Some("GET"), "words: {:?}", texts);

        let (site, _) = call_site(request, &words, Span::new(0, 1)).expect("an API path");
        let sent: Vec<(String, String)> = site
            .params
            .iter()
            .map(|param| (param.name.clone(), literal_text(&param.value)))
            .collect();
        let expected: Vec<(String, String)> =
            url_query.iter().chain(&options.pairs).cloned().collect();
        prop_assert_eq!(sent, expected, "words: {:?}", texts);
    }

    #[test]
    fn arbitrary_words_never_panic(
        pieces in prop::collection::vec(
            prop::collection::vec((any::<bool>(), word_text()), 0..3),
            0..12,
        ),
        spread in prop::collection::vec(any::<bool>(), 12),
    ) {
        let words: Vec<Word> = pieces
            .iter()
            .enumerate()
            .map(|(index, word_pieces)| {
                let span = Span::new(index, index + 1);
                let mut template = Template::default();
                for (known, text) in word_pieces {
                    if *known {
                        template.push_text(text.as_str(), span);
                    } else {
                        template.push_unknown(text.as_str(), span);
                    }
                }
                Word { template, span, spread: spread[index], deps: 0 }
            })
            .collect();
        for request in parse_curl(&words) {
            prop_assert!(request.url_word < words.len());
            prop_assert!(request.sources.iter().all(|index| *index < words.len()));
        }
    }
}

/// Generates text for a word piece: mostly curl's own option spellings and
/// the characters its parser splits at, sometimes any text at all.
fn word_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "-d",
            "--data",
            "--data-raw",
            "--data-urlencode",
            "-F",
            "--form",
            "--form-string",
            "--url-query",
            "--json",
            "-K",
            "-G",
            "-I",
            "-T",
            "-X",
            "--url",
            "--next",
            "-:",
            "--",
            "-",
            "-sSd",
            "--data=",
            "=",
            "@",
            "<",
            "+",
            "&",
            "%",
            "a=1",
            URL,
            "é",
        ])
        .prop_map(String::from),
        any::<String>(),
    ]
}
