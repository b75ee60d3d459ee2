//! The shell front end: finds curl, wget and HTTPie requests to the Qualys
//! API in a bash script, resolving variables, arrays and wrapper functions,
//! and the string literals the script tests responses against.
//!
//! The script's top level and then each function body is walked once in
//! source order. A call of a function that sends requests is followed into
//! the function with its positional parameters bound to the caller's words.
//! Each request is reported once: where it depends on a function's
//! parameters, at every call of that function; otherwise at its own command.

mod alternatives;
mod analysis;
mod assign;
mod awk;
mod child_table;
mod command;
mod curl;
mod curl_options;
mod expansion;
mod frame;
mod functions;
mod glob;
mod httpie;
mod nested;
mod pattern;
mod quoting;
mod regex_dialect;
mod request;
mod resolve;
mod sed;
mod skips;
mod strings;
mod syntax;
mod wget;
mod word;
mod xml_tools;

#[cfg(test)]
mod tests;

use tree_sitter::Tree;

use crate::model::{CallSite, Extraction, StringUse, StringUseKind};

use analysis::{Analysis, Found};
use child_table::ChildTable;
use frame::Frame;
use functions::Functions;

pub use curl::parse_curl;
pub use request::Request;
pub use word::Word;

/// The body a walk started from, which decides where its requests are
/// reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Root {
    TopLevel,
    /// A function body analysed with an unknown caller.
    Function {
        called: bool,
    },
}

/// Extracts the call sites and string uses of a parsed bash script.
pub fn extract(tree: &Tree, text: &str) -> Extraction {
    let root = tree.root_node();
    let table = ChildTable::new(root, text);
    let functions = Functions::collect(root, text, &table);
    let mut analysis = Analysis::new(text, &functions, &table);

    let mut globals = Frame::top_level();
    let found = analysis.walk(root, &mut globals, true);
    let mut call_sites = reported(found, Root::TopLevel);
    for function in functions.definitions() {
        let mut frame = Frame::function_root(&globals);
        let found = analysis.walk(function.body, &mut frame, true);
        let called = functions.is_called(&function.name);
        call_sites.extend(reported(found, Root::Function { called }));
    }
    call_sites.sort_by_key(|site| site.span.start);

    let qualys_context = !call_sites.is_empty() || analysis.names_qualys_host;
    Extraction {
        call_sites,
        string_uses: unique_in_order(analysis.string_uses),
        qualys_context,
        stops: analysis.stops,
        ..Extraction::default()
    }
}

/// Chooses the requests a walk from `root` reports, and where.
///
/// A request that depends on the parameters of the function it was sent
/// from is reported at the calls of that function. Bit `n` of `deps` marks
/// a dependence on the parameters of the frame at call depth `n`, where the
/// root is depth 0 and a function it calls is depth 1.
fn reported(found: Vec<Found>, root: Root) -> Vec<CallSite> {
    let mut sites = Vec::new();
    for request in found {
        let lowest = (request.deps != 0).then(|| request.deps.trailing_zeros());
        let uncalled = root == Root::Function { called: false };
        let keep = match (request.level, lowest) {
            // A request sent by the analysed body itself.
            (0, None) => true,
            (0, Some(_)) => root == Root::TopLevel || uncalled,
            // Sent inside a call made here, built from this call's words.
            (_, Some(1)) => true,
            // Built from the analysed function's own parameters.
            (_, Some(0)) => uncalled,
            // Fixed inside the called function: reported there.
            _ => false,
        };
        if !keep {
            continue;
        }
        let mut site = request.site;
        if let Some((span, name)) = request.entry {
            site.span = span;
            site.via = Some(format!("wrapper {name}()"));
        }
        sites.push(site);
    }
    sites
}

/// Sorts string uses by position and drops exact repeats, such as a
/// variable's literal found both at its assignment and where it is tested.
fn unique_in_order(mut uses: Vec<StringUse>) -> Vec<StringUse> {
    let kind_order = |kind: StringUseKind| match kind {
        StringUseKind::Substring => 0,
        StringUseKind::Regex => 1,
        StringUseKind::Equality => 2,
        StringUseKind::Inequality => 3,
    };
    uses.sort_by(|a, b| {
        let key = |u: &StringUse| (u.span, kind_order(u.kind), u.case_insensitive);
        key(a).cmp(&key(b)).then_with(|| a.text.cmp(&b.text))
    });
    uses.dedup();
    uses
}
