//! Values that differ by path. A variable assigned on both branches of an
//! `if` or `case`, or overwritten on one branch only, reaches a later use
//! with more than one value. The words that use it are resolved once for
//! each combination of those values, and the call sites found are merged
//! into one whose parameters show what the combinations agree on.

use tree_sitter::Node;

use crate::endpoint::{EndpointKind, classify};
use crate::model::{CallSite, Param, Presence, Target, Unresolved, Value};

use super::analysis::Found;
use super::child_table::ChildTable;
use super::frame::{Frame, Reaching, Var};
use super::syntax::{kind, node_span, span_text};
use super::word::display;

/// Maximum number of combinations of values resolved for one statement. Variables past
/// it keep their last value, and the result names them as not resolved.
const MAX_COMBINATIONS: usize = 16;

/// Maximum number of nodes searched for variable names under one statement.
const MAX_SEARCHED_NODES: usize = 4096;

/// Variables fixed to one of their reaching assignments.
pub type Pins = Vec<(String, Reaching)>;

/// The combinations of reaching values to resolve a statement with.
pub struct Combinations {
    /// One entry per combination; a single empty one when every variable
    /// has one value.
    pub pins: Vec<Pins>,
    /// Variables with more than one value that did not fit, described as
    /// unresolved pieces.
    pub left_out: Vec<String>,
}

impl Combinations {
    pub fn is_single(&self) -> bool {
        self.pins.len() <= 1
    }
}

/// Names the variables that the words under `nodes` expand, such as `A`
/// in `"action=$A"` or `${A:-add}`.
pub fn referenced_names<'t>(nodes: &[Node<'t>], text: &str, table: &ChildTable<'t>) -> Vec<String> {
    let mut names = Vec::new();
    let mut stack: Vec<Node> = nodes.to_vec();
    let mut searched = 0;
    while let Some(node) = stack.pop() {
        searched += 1;
        if searched > MAX_SEARCHED_NODES {
            break;
        }
        if kind(node) == "variable_name" {
            names.push(span_text(text, node_span(node)).to_string());
            continue;
        }
        stack.extend(table.children(node).iter().copied());
    }
    names.sort();
    names.dedup();
    names
}

/// Lists the combinations of the values that reach `names` in `frame`.
pub fn combinations(frame: &Frame, names: &[String]) -> Combinations {
    let mut pins: Vec<Pins> = vec![Vec::new()];
    let mut left_out = Vec::new();
    for name in names {
        let choices = distinct(frame.reaching(name));
        if choices.len() < 2 {
            continue;
        }
        if pins.len() * choices.len() > MAX_COMBINATIONS {
            left_out.push(format!("${name}, assigned on several branches"));
            continue;
        }
        pins = pins
            .iter()
            .flat_map(|pinned| {
                choices.iter().map(move |choice| {
                    let mut more = pinned.clone();
                    more.push((name.clone(), (*choice).clone()));
                    more
                })
            })
            .collect();
    }
    if pins.len() == 1 {
        pins[0].clear();
    }
    Combinations { pins, left_out }
}

/// Drops assignments whose values are the same text, as `A=add` on two
/// branches.
fn distinct(reaching: &[Reaching]) -> Vec<&Reaching> {
    let mut kept: Vec<&Reaching> = Vec::new();
    for candidate in reaching {
        let same = kept.iter().any(|earlier| {
            rendered(&earlier.var) == rendered(&candidate.var)
                && earlier.maybe_changed == candidate.maybe_changed
        });
        if !same {
            kept.push(candidate);
        }
    }
    kept
}

fn rendered(var: &Var) -> String {
    match var {
        Var::Scalar(word) => display(&word.template),
        Var::Array(words) => words
            .iter()
            .map(|word| display(&word.template))
            .collect::<Vec<_>>()
            .join(" "),
        Var::UnknownArray(description) => description.clone(),
        Var::Unset => String::new(),
    }
}

/// Returns the pieces that mark the values of `names` as maybe changed,
/// taking a pinned variable's value from `pins`.
pub fn changed_pieces(frame: &Frame, names: &[String], pins: &Pins) -> Vec<String> {
    let mut pieces: Vec<String> = names
        .iter()
        .filter_map(|name| {
            let pinned = pins.iter().find(|(pinned, _)| pinned == name);
            let reaching = match pinned {
                Some((_, reaching)) => Some(reaching),
                None => frame.reaching(name).last(),
            };
            reaching.and_then(|reaching| reaching.maybe_changed.clone())
        })
        .collect();
    pieces.dedup();
    pieces
}

/// Returns the pieces that mark the variables in `names` as maybe changed,
/// under any combination, and those left out of the combinations.
pub fn all_changed(frame: &Frame, names: &[String], combinations: &Combinations) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    for pins in &combinations.pins {
        for piece in changed_pieces(frame, names, pins) {
            if !pieces.contains(&piece) {
                pieces.push(piece);
            }
        }
    }
    pieces.extend(combinations.left_out.iter().cloned());
    pieces
}

/// Names the variables fixed in the combinations.
pub fn pinned_names(pins: &[Pins]) -> Vec<String> {
    let mut names: Vec<String> = pins
        .iter()
        .flatten()
        .map(|(name, _)| name.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Merges the requests each combination found. When every combination
/// found as many, the n-th of each are the same request; otherwise all are
/// merged by endpoint.
pub fn merge_found(variants: Vec<Vec<Found>>, names: &[String]) -> Vec<Found> {
    let count = variants.first().map_or(0, Vec::len);
    let aligned = variants.iter().all(|variant| variant.len() == count);
    let groups: Vec<Vec<Found>> = if aligned {
        let mut columns: Vec<Vec<Found>> = (0..count).map(|_| Vec::new()).collect();
        for variant in variants {
            for (column, request) in columns.iter_mut().zip(variant) {
                column.push(request);
            }
        }
        columns
    } else {
        vec![variants.into_iter().flatten().collect()]
    };
    let mut merged = Vec::new();
    for group in groups {
        let Some(first) = group.first() else {
            continue;
        };
        let (level, entry) = (first.level, first.entry.clone());
        let deps = group.iter().fold(0, |deps, request| deps | request.deps);
        let sites = group
            .into_iter()
            .map(|request| vec![request.site])
            .collect();
        for site in merge_sites(sites, names) {
            merged.push(Found {
                site,
                deps,
                level,
                entry: entry.clone(),
            });
        }
    }
    merged
}

/// Merges the call sites that one command gave under each combination of
/// values. Sites whose endpoints differ stay apart, so that no request is
/// lost; those of one endpoint become one site.
pub fn merge_sites(variants: Vec<Vec<CallSite>>, names: &[String]) -> Vec<CallSite> {
    let mut groups: Vec<(Option<EndpointKind>, Vec<CallSite>)> = Vec::new();
    for site in variants.into_iter().flatten() {
        let endpoint = match &site.target {
            Target::Path(path) => Some(classify(path)),
            Target::Unknown(_) => None,
        };
        match groups.iter_mut().find(|(kind, _)| *kind == endpoint) {
            Some((_, sites)) => sites.push(site),
            None => groups.push((endpoint, vec![site])),
        }
    }
    let piece = names
        .iter()
        .map(|name| format!("${name}"))
        .collect::<Vec<_>>()
        .join(", ");
    groups
        .into_iter()
        .map(|(_, sites)| merge_group(sites, &piece))
        .collect()
}

/// Merges sites of one endpoint. The last site gives the span, target and
/// order of parameters.
fn merge_group(mut sites: Vec<CallSite>, piece: &str) -> CallSite {
    let mut merged = sites.pop().expect("a group has a site");
    let others = sites;

    let mut names: Vec<String> = Vec::new();
    for param in merged
        .params
        .iter()
        .chain(others.iter().flat_map(|s| &s.params))
    {
        if !names.contains(&param.name) {
            names.push(param.name.clone());
        }
    }

    let all: Vec<&CallSite> = others.iter().chain(std::iter::once(&merged)).collect();
    let params: Vec<Param> = names
        .iter()
        .filter_map(|name| merge_param(&all, name, piece))
        .collect();

    let mut unresolved: Vec<Unresolved> = Vec::new();
    for piece in all.iter().flat_map(|site| &site.unresolved) {
        if !unresolved
            .iter()
            .any(|kept| kept.description == piece.description)
        {
            unresolved.push(piece.clone());
        }
    }
    if all.iter().any(|site| site.method != merged.method) {
        merged.method = None;
    }
    merged.params = params;
    merged.unresolved = unresolved;
    merged
}

/// Returns the parameter of a site that `lookup` in the rules reads: the
/// last one sent on every path, else the last conditional one. An empty
/// literal counts as not sent.
fn effective<'s>(site: &'s CallSite, name: &str) -> Option<&'s Param> {
    let named = || {
        site.params
            .iter()
            .rev()
            .filter(move |param| param.name == name && param.value != Value::Literal(String::new()))
    };
    let mut always = named().filter(|param| param.presence == Presence::Always);
    always.next().or_else(|| named().next())
}

/// Merges one parameter across the sites. It is sent for certain only when
/// every site sends it for certain; its value is known only when every
/// site sends the same value.
fn merge_param(sites: &[&CallSite], name: &str, piece: &str) -> Option<Param> {
    let found: Vec<Option<&Param>> = sites.iter().map(|site| effective(site, name)).collect();
    let Some(last) = found.iter().rev().flatten().next().copied() else {
        // Sent only with an empty value, such as `ag_title=`, everywhere.
        let site = sites.last()?;
        return site
            .params
            .iter()
            .rev()
            .find(|param| param.name == name)
            .cloned();
    };
    let always = found
        .iter()
        .all(|param| param.is_some_and(|param| param.presence == Presence::Always));
    let mut values: Vec<&Value> = Vec::new();
    for value in found.iter().flatten().map(|param| &param.value) {
        if !values.contains(&value) {
            values.push(value);
        }
    }
    let value = match values.as_slice() {
        [one] => (*one).clone(),
        _ => Value::Dynamic(describe_values(piece, &values)),
    };
    Some(Param {
        name: name.to_string(),
        value,
        presence: if always {
            Presence::Always
        } else {
            Presence::Maybe
        },
        span: last.span,
    })
}

/// Describes a value that differs by path: `$A (`add` or `update`)`.
fn describe_values(piece: &str, values: &[&Value]) -> String {
    let shown: Vec<String> = values
        .iter()
        .map(|value| match value {
            Value::Literal(text) => format!("`{text}`"),
            Value::Dynamic(source) => source.clone(),
        })
        .collect();
    let listed = match shown.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => shown.join(""),
    };
    format!("{piece} ({listed})")
}
