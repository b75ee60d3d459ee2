//! End-to-end tests of the shell front end: each parses a small script and
//! checks the call sites or string uses extracted from it.

mod changed_values;
mod clients;
mod corpus;
mod curl_properties;
mod curl_sites;
mod quiet;
mod robustness;
mod run_from_strings;
mod string_uses;
mod values_by_path;
mod words;
mod wrappers;

use tree_sitter::{Parser, Tree};

use crate::model::{CallSite, Extraction, Param, Presence, Span, Target, Value};

/// Parses a bash script with a new parser.
pub fn parse_script(script: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_bash::LANGUAGE.into())
        .expect("tree-sitter-bash loads");
    parser
        .parse(script, None)
        .expect("tree-sitter returns a tree")
}

pub fn extract_script(script: &str) -> Extraction {
    let tree = parse_script(script);
    super::extract(&tree, script)
}

/// Returns the script's only call site, failing with the sites found when
/// there is not exactly one.
pub fn only_site(script: &str) -> CallSite {
    let mut sites = extract_script(script).call_sites;
    assert_eq!(
        sites.len(),
        1,
        "expected one call site in:\n{script}\nfound: {sites:#?}"
    );
    sites.remove(0)
}

pub fn assert_no_site(script: &str) {
    let sites = extract_script(script).call_sites;
    assert!(
        sites.is_empty(),
        "expected no call site in:\n{script}\nfound: {sites:#?}"
    );
}

/// Returns the 1-based line that a span starts on.
pub fn line_of(script: &str, span: Span) -> usize {
    script[..span.start].matches('\n').count() + 1
}

pub fn path_of(site: &CallSite) -> &str {
    match &site.target {
        Target::Path(path) => path,
        Target::Unknown(description) => panic!("target is unknown: {description}"),
    }
}

pub fn names(site: &CallSite) -> Vec<&str> {
    site.params
        .iter()
        .map(|param| param.name.as_str())
        .collect()
}

pub fn param<'s>(site: &'s CallSite, name: &str) -> &'s Param {
    site.params
        .iter()
        .find(|param| param.name == name)
        .unwrap_or_else(|| panic!("parameter {name} missing; parameters are {:?}", names(site)))
}

/// Returns the literal value of a parameter, failing when it is dynamic.
pub fn literal<'s>(site: &'s CallSite, name: &str) -> &'s str {
    match &param(site, name).value {
        Value::Literal(text) => text,
        Value::Dynamic(description) => {
            panic!("parameter {name} should be literal but is dynamic ({description})")
        }
    }
}

/// Returns the description of a dynamic parameter value, failing when it is
/// literal.
pub fn dynamic<'s>(site: &'s CallSite, name: &str) -> &'s str {
    match &param(site, name).value {
        Value::Dynamic(description) => description,
        Value::Literal(text) => panic!("parameter {name} should be dynamic but is {text:?}"),
    }
}

pub fn unresolved(site: &CallSite) -> Vec<&str> {
    site.unresolved
        .iter()
        .map(|piece| piece.description.as_str())
        .collect()
}

pub fn assert_always(site: &CallSite) {
    for param in &site.params {
        assert_eq!(
            param.presence,
            Presence::Always,
            "presence of {}",
            param.name
        );
    }
}
