//! Three-valued questions about a call site's parameters, and the reasons
//! given in a note when the answer is not certain.

use crate::catalogue::{Lang, common, fill};
use crate::endpoint::{EndpointKind, classify};
use crate::model::{CallSite, Param, Presence, Target, Value};

/// Whether a call site sends a parameter.
pub enum Lookup<'a> {
    /// Sent on every path through the code.
    Present(&'a Param),
    /// Sent only under a condition.
    Conditional(&'a Param),
    /// Not sent: every piece of the request was resolved.
    Absent,
    /// Not among the known parameters, but some piece was not resolved.
    Unseen,
}

/// The `action` parameter of a call site.
pub enum Action {
    Is(String),
    /// The action could not be determined; the text gives the reason.
    Unknown(String),
    Missing,
}

/// Returns the endpoint kind of a call site with a known path.
pub fn endpoint_kind(site: &CallSite) -> Option<EndpointKind> {
    match &site.target {
        Target::Path(path) => Some(classify(path)),
        Target::Unknown(_) => None,
    }
}

/// Looks up a parameter by name. When a name is sent more than once the
/// API takes the last one, so the last unconditional one wins. A parameter
/// sent with an empty literal value (`ag_title=`) carries nothing and counts
/// as not sent.
pub fn lookup<'a>(site: &'a CallSite, name: &str) -> Lookup<'a> {
    let mut conditional = None;
    let named = |param: &&Param| param.name == name && param.value != Value::Literal(String::new());
    for param in site.params.iter().rev().filter(named) {
        match param.presence {
            Presence::Always => return Lookup::Present(param),
            Presence::Maybe => conditional = conditional.or(Some(param)),
        }
    }
    match conditional {
        Some(param) => Lookup::Conditional(param),
        None if site.is_complete() => Lookup::Absent,
        None => Lookup::Unseen,
    }
}

pub fn action(site: &CallSite, lang: Lang) -> Action {
    match lookup(site, "action") {
        Lookup::Present(param) => match &param.value {
            Value::Literal(text) => Action::Is(text.trim().to_string()),
            Value::Dynamic(pieces) => Action::Unknown(fill(
                &common().text(lang).unknown_action,
                &[("pieces", pieces)],
            )),
        },
        Lookup::Conditional(param) => Action::Unknown(conditional_reason(param, lang)),
        Lookup::Unseen => Action::Unknown(unresolved_reason(site, lang)),
        Lookup::Absent => Action::Missing,
    }
}

/// Pieces named in one note; a message is one line, not a listing.
const MAX_PIECES: usize = 4;
/// Characters kept of one piece's source text, such as a long `$(...)`.
const MAX_PIECE_CHARS: usize = 60;

/// Shortens a piece of source for a message. Credentials are masked first,
/// because cutting a quoted value short would hide it from the masker.
fn shorten(text: &str) -> String {
    let masked = crate::secrets::mask(text);
    let one_line = masked.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= MAX_PIECE_CHARS {
        return one_line;
    }
    let kept: String = one_line.chars().take(MAX_PIECE_CHARS).collect();
    format!("{kept}…")
}

/// Says which pieces of the request could not be resolved.
pub fn unresolved_reason(site: &CallSite, lang: Lang) -> String {
    let mut pieces: Vec<String> = site
        .unresolved
        .iter()
        .take(MAX_PIECES)
        .map(|piece| format!("`{}`", shorten(&piece.description)))
        .collect();
    if site.unresolved.len() > MAX_PIECES {
        pieces.push("…".to_string());
    }
    fill(
        &common().text(lang).unresolved,
        &[("pieces", &pieces.join(", "))],
    )
}

pub fn conditional_reason(param: &Param, lang: Lang) -> String {
    fill(&common().text(lang).conditional, &[("param", &param.name)])
}

pub fn dynamic_reason(param: &Param, pieces: &str, lang: Lang) -> String {
    fill(
        &common().text(lang).dynamic_value,
        &[("param", &param.name), ("pieces", &shorten(pieces))],
    )
}

/// Why a parameter that a rule requires may be missing, or `None` when it
/// is certainly sent.
pub fn missing_reason(site: &CallSite, name: &str, lang: Lang) -> Option<Missing> {
    match lookup(site, name) {
        Lookup::Present(_) => None,
        Lookup::Absent => Some(Missing::Certainly),
        Lookup::Conditional(param) => Some(Missing::Perhaps(conditional_reason(param, lang))),
        Lookup::Unseen => Some(Missing::Perhaps(unresolved_reason(site, lang))),
    }
}

/// A required parameter that is not sent for certain, or perhaps not sent.
pub enum Missing {
    Certainly,
    Perhaps(String),
}

/// Call sites of one endpoint kind, in source order.
pub fn sites_of<'a>(
    sites: &'a [CallSite],
    kind: EndpointKind,
) -> impl Iterator<Item = &'a CallSite> + 'a {
    sites
        .iter()
        .filter(move |site| endpoint_kind(site) == Some(kind))
}

/// Whether a call site with a given action lacks a parameter.
pub enum Verdict {
    /// The action is known and the parameter is certainly not sent.
    Lacks,
    /// The action or the parameter could not be determined; the text says
    /// which piece.
    Perhaps(String),
    Sends,
}

/// Tests "is this an `action=<action>` request without `<param>`?".
/// An unknown action counts as perhaps, unless the parameter is sent anyway.
pub fn action_lacks(site: &CallSite, expected: &str, param: &str, lang: Lang) -> Verdict {
    match action(site, lang) {
        Action::Is(found) if found == expected => match missing_reason(site, param, lang) {
            None => Verdict::Sends,
            Some(Missing::Certainly) => Verdict::Lacks,
            Some(Missing::Perhaps(reason)) => Verdict::Perhaps(reason),
        },
        Action::Unknown(reason) => match lookup(site, param) {
            Lookup::Present(_) => Verdict::Sends,
            _ => Verdict::Perhaps(reason),
        },
        Action::Is(_) | Action::Missing => Verdict::Sends,
    }
}

/// True when the call site's action is known to be `expected`.
pub fn has_action(site: &CallSite, expected: &str, lang: Lang) -> bool {
    matches!(action(site, lang), Action::Is(found) if found == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_pieces_are_shortened_to_one_line() {
        assert_eq!(shorten("$BODY"), "$BODY");
        assert_eq!(shorten("$(make\n   body)"), "$(make body)");
        let long = "x".repeat(200);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), MAX_PIECE_CHARS + 1);
        assert!(short.ends_with('…'));
    }
}
