//! Helpers for the front end's tests: parse a script, extract it, and find
//! call sites and parameters with failure messages that name what is missing.

use crate::model::{CallSite, Extraction, Param, Presence, Target, Value};

pub(super) fn parse(source: &str) -> tree_sitter::Tree {
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_python::LANGUAGE.into())
        .expect("the Python grammar loads");
    parser
        .parse(source, None)
        .expect("tree-sitter returns a tree")
}

pub(super) fn extract(source: &str) -> Extraction {
    let tree = parse(source);
    super::extract(&tree, source)
}

/// Extracts `source` and returns its only call site.
pub(super) fn only_call_site(source: &str) -> CallSite {
    let extraction = extract(source);
    assert_eq!(
        extraction.call_sites.len(),
        1,
        "expected exactly one call site, found {:#?}",
        extraction.call_sites
    );
    extraction.call_sites.into_iter().next().unwrap()
}

pub(super) fn assert_no_call_sites(source: &str) {
    let extraction = extract(source);
    assert!(
        extraction.call_sites.is_empty(),
        "expected no call sites, found {:#?}",
        extraction.call_sites
    );
}

pub(super) fn path(call_site: &CallSite) -> &str {
    match &call_site.target {
        Target::Path(path) => path,
        Target::Unknown(description) => {
            panic!("target is unknown ({description}), expected a path")
        }
    }
}

pub(super) fn param<'c>(call_site: &'c CallSite, name: &str) -> &'c Param {
    call_site
        .params
        .iter()
        .find(|param| param.name == name)
        .unwrap_or_else(|| panic!("no parameter {name:?} in {:#?}", call_site.params))
}

pub(super) fn has_param(call_site: &CallSite, name: &str) -> bool {
    call_site.params.iter().any(|param| param.name == name)
}

pub(super) fn literal(call_site: &CallSite, name: &str) -> String {
    match &param(call_site, name).value {
        Value::Literal(text) => text.clone(),
        Value::Dynamic(source) => {
            panic!("parameter {name:?} is dynamic ({source}), expected a literal")
        }
    }
}

pub(super) fn dynamic(call_site: &CallSite, name: &str) -> String {
    match &param(call_site, name).value {
        Value::Dynamic(source) => source.clone(),
        Value::Literal(text) => {
            panic!("parameter {name:?} is the literal {text:?}, expected a dynamic value")
        }
    }
}

pub(super) fn presence(call_site: &CallSite, name: &str) -> Presence {
    param(call_site, name).presence
}

pub(super) fn names(call_site: &CallSite) -> Vec<&str> {
    call_site
        .params
        .iter()
        .map(|param| param.name.as_str())
        .collect()
}

pub(super) fn unresolved(call_site: &CallSite) -> Vec<&str> {
    call_site
        .unresolved
        .iter()
        .map(|piece| piece.description.as_str())
        .collect()
}

/// Returns the 1-based line on which the call site's span starts.
pub(super) fn line(source: &str, call_site: &CallSite) -> usize {
    source[..call_site.span.start].matches('\n').count() + 1
}
