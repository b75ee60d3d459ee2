//! Joining the values that can reach one use: a name assigned on several
//! branches, or `a if c else b`. What the values share stays known, so a
//! rule that looks only at that part stays certain. What differs becomes
//! an unknown piece that names the value, which rules report as a note.

use super::value::{DictVal, Entry, Object, Val};
use crate::model::{Presence, Span};
use crate::secrets;
use crate::template::{Piece, Template};

/// Characters after which a shared prefix of two strings may end, and at
/// which a shared suffix may start, so that a URL or form string keeps
/// whole path segments and whole `key=` names.
const BOUNDARIES: [char; 5] = ['/', '?', '&', '=', ':'];

/// Joins the values that can reach one use of `name` into one value.
pub(super) fn join_alternatives(values: Vec<Val>, name: &str, span: Span) -> Val {
    let mut values = values.into_iter();
    let Some(first) = values.next() else {
        return Val::Unknown(name.to_string());
    };
    values.fold(first, |joined, next| join_two(joined, next, name, span))
}

fn join_two(first: Val, second: Val, name: &str, span: Span) -> Val {
    if first == second {
        return first;
    }
    match (first, second) {
        (Val::Str(first), Val::Str(second)) => join_templates(&first, &second, name, span),
        (Val::Dict(first), Val::Dict(second)) => Val::Dict(join_dicts(first, second, span)),
        (Val::Form(first), Val::Form(second)) => Val::Form(join_dicts(first, second, span)),
        (Val::Seq(first), Val::Seq(second)) if first.len() == second.len() => Val::Seq(
            first
                .into_iter()
                .zip(second)
                .map(|(first, second)| join_two(first, second, name, span))
                .collect(),
        ),
        (
            Val::Object(Object::HttpClient {
                library,
                base_url: first_base,
                params: first_params,
            }),
            Val::Object(Object::HttpClient {
                library: other_library,
                base_url: second_base,
                params: second_params,
            }),
        ) if library == other_library => {
            let base_url = match (first_base, second_base) {
                (None, None) => None,
                (Some(first), Some(second)) => {
                    Some(match join_templates(&first, &second, name, span) {
                        Val::Str(template) => template,
                        _ => Template::unknown(differs(name), span),
                    })
                }
                _ => Some(Template::unknown(differs(name), span)),
            };
            Val::Object(Object::HttpClient {
                library,
                base_url,
                params: join_dicts(first_params, second_params, span),
            })
        }
        // `try: from urllib.parse import urlencode` with an `except
        // ImportError` that imports the Python 2 name: alternative imports
        // are taken to do the same, so the later one is used for both.
        (Val::Object(Object::Module(_)), later @ Val::Object(Object::Module(_)))
        | (Val::Object(Object::Function(_)), later @ Val::Object(Object::Function(_))) => later,
        // NOTE: `None` on one branch is read as "not set yet", as in
        // `url = None` followed by `if ...: url = DEFAULT`. So the other value
        // is kept as if always assigned, and a dict entry holding it counts
        // as always sent.
        (Val::NoneValue, other) | (other, Val::NoneValue) => other,
        // `if not url: url = DEFAULT` with `url` a parameter: the known text
        // follows an unknown piece, as after an unknown host, so a URL
        // still names its endpoint while a value is no longer a literal.
        (Val::Unknown(_), Val::Str(known)) | (Val::Str(known), Val::Unknown(_)) => {
            let mut template = Template::unknown(differs(name), span);
            template.append(known);
            Val::Str(template)
        }
        _ => Val::Unknown(differs(name)),
    }
}

/// Names a value that differs between branches, as messages show it.
fn differs(name: &str) -> String {
    format!("{name} (assigned differently on different branches)")
}

/// Maximum length of a literal shown in a description of values that differ.
const SHOWN_VALUE_MAX: usize = 40;

/// Names a value that differs between branches, with the two literal
/// texts that differ, as in ``action (`add` or `update`)``, when both are
/// short and known and the name does not mark a credential.
fn differs_between(name: &str, first: &[Token], second: &[Token]) -> String {
    let (Some(first), Some(second)) = (literal(first), literal(second)) else {
        return differs(name);
    };
    let short =
        first.chars().count() <= SHOWN_VALUE_MAX && second.chars().count() <= SHOWN_VALUE_MAX;
    if !short || first.is_empty() || second.is_empty() || secrets::is_credential_name(name) {
        return differs(name);
    }
    format!("{name} (`{first}` or `{second}`)")
}

/// Returns the text of tokens that contain no unknown piece.
fn literal(tokens: &[Token]) -> Option<String> {
    tokens
        .iter()
        .map(|token| match token {
            Token::Char(c) => Some(*c),
            Token::Unknown(_) => None,
        })
        .collect()
}

/// Keeps the pieces two strings share at their start and end, cut at a
/// [`BOUNDARIES`] character, with one unknown piece for the rest.
fn join_templates(first: &Template, second: &Template, name: &str, span: Span) -> Val {
    let first_text = flatten(first);
    let second_text = flatten(second);
    // Equal text from two assignments differs only in its spans.
    if first_text == second_text {
        return Val::Str(first.clone());
    }
    let prefix_len = shared_prefix(&first_text, &second_text);
    let first_rest = &first_text[prefix_len..];
    let second_rest = &second_text[prefix_len..];
    let suffix_len = shared_suffix(first_rest, second_rest);
    let description = differs_between(
        name,
        &first_rest[..first_rest.len() - suffix_len],
        &second_rest[..second_rest.len() - suffix_len],
    );
    if prefix_len == 0 && suffix_len == 0 {
        return Val::Unknown(description);
    }
    let mut template = Template::default();
    push_tokens(&mut template, &first_text[..prefix_len], span);
    template.push_unknown(description, span);
    push_tokens(
        &mut template,
        &first_rest[first_rest.len() - suffix_len..],
        span,
    );
    Val::Str(template)
}

/// A template as a list of characters and unknown pieces, so that two
/// templates compare position by position.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Char(char),
    Unknown(String),
}

fn flatten(template: &Template) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (piece, _) in &template.pieces {
        match piece {
            Piece::Text(text) => tokens.extend(text.chars().map(Token::Char)),
            Piece::Unknown(description) => tokens.push(Token::Unknown(description.clone())),
        }
    }
    tokens
}

fn is_boundary(token: &Token) -> bool {
    matches!(token, Token::Char(c) if BOUNDARIES.contains(c))
}

/// Length of the shared start, cut just after its last boundary character.
fn shared_prefix(first: &[Token], second: &[Token]) -> usize {
    let same = first
        .iter()
        .zip(second)
        .take_while(|(first, second)| first == second)
        .count();
    if same == first.len() && same == second.len() {
        return same;
    }
    first[..same]
        .iter()
        .rposition(is_boundary)
        .map_or(0, |position| position + 1)
}

/// Length of the shared end, cut so that it starts at a boundary character.
fn shared_suffix(first: &[Token], second: &[Token]) -> usize {
    let same = first
        .iter()
        .rev()
        .zip(second.iter().rev())
        .take_while(|(first, second)| first == second)
        .count();
    let shared = &first[first.len() - same..];
    shared
        .iter()
        .position(is_boundary)
        .map_or(0, |position| same - position)
}

fn push_tokens(template: &mut Template, tokens: &[Token], span: Span) {
    for token in tokens {
        match token {
            Token::Char(c) => template.push_text(c.to_string(), span),
            Token::Unknown(description) => template.push_unknown(description.clone(), span),
        }
    }
}

/// Joins two dicts: a key in both is always present with the joined value,
/// and a key in one only is present only under a condition.
fn join_dicts(first: DictVal, mut second: DictVal, span: Span) -> DictVal {
    let mut joined = DictVal {
        entries: Vec::new(),
        unresolved: first.unresolved,
    };
    for piece in second.unresolved.drain(..) {
        if !joined.unresolved.contains(&piece) {
            joined.unresolved.push(piece);
        }
    }
    for entry in first.entries {
        let other = second
            .entries
            .iter()
            .position(|other| other.key == entry.key)
            .map(|position| second.entries.remove(position));
        joined.entries.push(match other {
            Some(other) => Entry {
                value: join_two(entry.value, other.value, &entry.key, span),
                presence: weaker(entry.presence, other.presence),
                ..entry
            },
            None => Entry {
                presence: Presence::Maybe,
                ..entry
            },
        });
    }
    for entry in second.entries {
        joined.entries.push(Entry {
            presence: Presence::Maybe,
            ..entry
        });
    }
    joined
}

fn weaker(first: Presence, second: Presence) -> Presence {
    if first == Presence::Always && second == Presence::Always {
        Presence::Always
    } else {
        Presence::Maybe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str) -> Val {
        Val::literal(value, Span::default())
    }

    fn joined_text(first: &str, second: &str) -> Val {
        join_alternatives(vec![text(first), text(second)], "x", Span::default())
    }

    fn pieces(value: &Val) -> Vec<Piece> {
        match value {
            Val::Str(template) => template.pieces.iter().map(|(p, _)| p.clone()).collect(),
            other => panic!("expected a string, found {other:?}"),
        }
    }

    #[test]
    fn equal_values_stay_known() {
        assert_eq!(joined_text("add", "add"), text("add"));
    }

    #[test]
    fn different_words_are_unknown() {
        let named = |first, second| Val::Unknown(format!("x (`{first}` or `{second}`)"));
        assert_eq!(joined_text("add", "update"), named("add", "update"));
        assert_eq!(joined_text("delete", "update"), named("delete", "update"));
    }

    #[test]
    fn credential_values_are_not_named() {
        let joined = join_alternatives(
            vec![text("Sekr1t-one"), text("Sekr1t-two")],
            "password",
            Span::default(),
        );
        assert_eq!(joined, Val::Unknown(differs("password")));
    }

    #[test]
    fn long_values_are_not_named() {
        let long = "a".repeat(SHOWN_VALUE_MAX + 1);
        assert_eq!(joined_text(&long, "b"), Val::Unknown(differs("x")));
    }

    #[test]
    fn alternative_imports_keep_later() {
        let first = Val::Object(Object::Module("urllib.parse.urlencode".into()));
        let second = Val::Object(Object::Module("urllib.urlencode".into()));
        let joined = join_alternatives(vec![first, second.clone()], "x", Span::default());
        assert_eq!(joined, second);
    }

    #[test]
    fn none_gives_way_to_value() {
        let joined = join_alternatives(vec![Val::NoneValue, text("a")], "x", Span::default());
        assert_eq!(joined, text("a"));
    }

    #[test]
    fn unknown_and_text_keep_text_after_unknown() {
        let joined = join_alternatives(
            vec![
                Val::Unknown("url".into()),
                text("https://h/api/2.0/fo/scan/"),
            ],
            "x",
            Span::default(),
        );
        let expected = vec![
            Piece::Unknown(differs("x")),
            Piece::Text("https://h/api/2.0/fo/scan/".into()),
        ];
        assert_eq!(pieces(&joined), expected);
    }

    #[test]
    fn hosts_differ_but_path_is_kept() {
        let joined = joined_text(
            "https://a.example/api/2.0/fo/asset/ip/",
            "https://b.example/api/2.0/fo/asset/ip/",
        );
        let expected = vec![
            Piece::Text("https://".into()),
            Piece::Unknown("x (`a.example` or `b.example`)".into()),
            Piece::Text("/api/2.0/fo/asset/ip/".into()),
        ];
        assert_eq!(pieces(&joined), expected);
    }

    #[test]
    fn paths_differ_in_last_segment() {
        let joined = joined_text(
            "https://h/api/2.0/fo/asset/ip/",
            "https://h/api/2.0/fo/scan/",
        );
        let expected = vec![
            Piece::Text("https://h/api/2.0/fo/".into()),
            Piece::Unknown("x (`asset/ip` or `scan`)".into()),
            Piece::Text("/".into()),
        ];
        assert_eq!(pieces(&joined), expected);
    }

    #[test]
    fn dict_keys_in_one_branch_only_become_conditional() {
        let entry = |key: &str, value: &str| Entry {
            key: key.into(),
            value: text(value),
            presence: Presence::Always,
            span: Span::default(),
        };
        let first = DictVal {
            entries: vec![entry("action", "add"), entry("ag_title", "All")],
            unresolved: Vec::new(),
        };
        let second = DictVal {
            entries: vec![entry("action", "add"), entry("network_id", "1")],
            unresolved: Vec::new(),
        };
        let Val::Dict(joined) = join_alternatives(
            vec![Val::Dict(first), Val::Dict(second)],
            "p",
            Span::default(),
        ) else {
            panic!("expected a dict");
        };
        let action = joined.get("action").expect("action is kept");
        assert_eq!(action.presence, Presence::Always);
        assert_eq!(action.value, text("add"));
        let title = joined.get("ag_title").expect("ag_title is kept");
        assert_eq!(title.presence, Presence::Maybe);
        let network = joined.get("network_id").expect("network_id is kept");
        assert_eq!(network.presence, Presence::Maybe);
    }
}
