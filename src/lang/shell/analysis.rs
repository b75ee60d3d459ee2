//! The walk over one body of code (the script's top level or a function)
//! that tracks variables in source order, reads HTTP client commands, and
//! follows calls into wrapper functions.

use std::sync::LazyLock;

use regex::Regex;
use tree_sitter::Node;

use crate::model::{CallSite, Presence, Span, StringUse};

use super::assign;
use super::command::{Client, invocation};
use super::frame::Frame;
use super::functions::{Function, Functions};
use super::request::call_site;
use super::resolve::Resolver;
use super::sed;
use super::strings;
use super::syntax::{children, field_children, is_inert, node_span, span_text};
use super::word::{Word, display};
use super::xml_tools;

/// Deepest chain of wrapper calls that is followed.
const MAX_CALL_DEPTH: u32 = 16;

/// Most wrapper calls followed in one file, which bounds the work on a file
/// whose functions call each other many times over.
// NOTE: a request that depends on a wrapper's parameters and is reached
// only past these two limits is reported nowhere.
const MAX_EXPANSIONS: usize = 2000;

/// A Qualys API host name, such as `qualysapi.qg2.apps.qualys.com`.
static QUALYS_HOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bqualys(?:api|guard)\.[a-z0-9.-]*qualys\.[a-z.]+|\.apps\.qualys\.[a-z]+")
        .expect("host pattern is valid")
});

/// A request found while walking, before deciding where to report it.
#[derive(Clone, Debug)]
pub struct Found {
    pub site: CallSite,
    /// Union of the dependency bits of the words that built the request.
    pub deps: u32,
    /// Call depth of the frame whose command sent it.
    pub level: u32,
    /// For a request sent inside a called function: the command in the
    /// analysed body that made the outermost call, and that function's name.
    pub entry: Option<(Span, String)>,
}

pub struct Analysis<'a, 't> {
    text: &'t str,
    functions: &'a Functions<'t>,
    expansions_left: usize,
    /// Functions being followed now, to stop recursion.
    active: Vec<String>,
    /// The commands of the calls being followed, outermost first.
    call_spans: Vec<Span>,
    /// Values assigned inside a branch, with the span of that branch.
    conditional_values: Vec<(Span, Span)>,
    pub string_uses: Vec<StringUse>,
    pub names_qualys_host: bool,
    /// Set by `shopt -s nocasematch`, which makes `case` and `[[ == ]]`
    /// ignore case.
    nocasematch: bool,
}

/// A node to visit and the innermost conditional branch it lies in: an
/// `if` branch, a `case` item, or the right side of `&&` or `||`.
type Pending<'t> = (Node<'t>, Option<Span>);

impl<'a, 't> Analysis<'a, 't> {
    pub fn new(text: &'t str, functions: &'a Functions<'t>) -> Self {
        Analysis {
            text,
            functions,
            expansions_left: MAX_EXPANSIONS,
            active: Vec::new(),
            call_spans: Vec::new(),
            conditional_values: Vec::new(),
            string_uses: Vec::new(),
            names_qualys_host: false,
            nocasematch: false,
        }
    }

    /// Walks `body` in source order with an explicit stack. String uses are
    /// recorded only when `record` is set, so that a function body followed
    /// from a call adds none twice.
    pub fn walk(&mut self, body: Node<'t>, frame: &mut Frame, record: bool) -> Vec<Found> {
        let mut found = Vec::new();
        let mut stack: Vec<Pending<'t>> = vec![(body, None)];
        while let Some((node, branch)) = stack.pop() {
            let next = self.visit(node, branch, frame, record, &mut found);
            let pending = with_branches(node, next, branch);
            stack.extend(pending.into_iter().rev());
        }
        found
    }

    /// Handles one node and returns the children to visit next.
    fn visit(
        &mut self,
        node: Node<'t>,
        branch: Option<Span>,
        frame: &mut Frame,
        record: bool,
        found: &mut Vec<Found>,
    ) -> Vec<Node<'t>> {
        if is_inert(node) {
            return Vec::new();
        }
        match node.kind() {
            // Each function body is analysed on its own and at its calls.
            "function_definition" => return Vec::new(),
            "command" => return self.command(node, branch, frame, record, found),
            "variable_assignment" => self.assign(node, branch, frame),
            "declaration_command" => assign::apply_declaration(node, self.text, frame),
            "unset_command" => {
                for name in children(node)
                    .iter()
                    .filter(|n| n.kind() == "variable_name")
                {
                    frame.unset(span_text(self.text, node_span(*name)));
                }
            }
            "for_statement" => assign::apply_loop_variable(node, self.text, frame),
            "c_style_for_statement" => {
                assign::apply_arithmetic_loop(node, self.text, frame);
                return field_children(node, "body");
            }
            "expansion" => assign::apply_default_assignment(node, self.text, frame),
            _ => {}
        }
        if record {
            self.record_strings(node, frame);
        }
        children(node)
    }

    /// Records the string uses of an assignment, a `case` or a test.
    fn record_strings(&mut self, node: Node, frame: &Frame) {
        let resolver = Resolver::new(self.text, frame);
        let uses = match node.kind() {
            // MSG="Tried to delete"
            "variable_assignment" => {
                let uses = strings::assigned_literals(node, self.text);
                self.note_hosts(uses.iter().map(|use_| use_.text.as_str()));
                uses
            }
            // case "$reply" in *"text"*) ...
            "case_statement" => strings::case_patterns(node, &resolver, self.nocasematch),
            // [[ $reply == *"text"* ]]
            "test_command" => strings::test_patterns(node, &resolver, self.nocasematch),
            _ => return,
        };
        self.string_uses.extend(uses);
    }

    /// Applies an assignment, remembering a value set inside a branch: the
    /// value is still the variable's last one in the text, but the
    /// parameters it carries are only maybe sent.
    fn assign(&mut self, node: Node, branch: Option<Span>, frame: &mut Frame) {
        assign::apply_assignment(node, self.text, frame);
        if let (Some(branch), Some(value)) = (branch, node.child_by_field_name("value")) {
            self.conditional_values.push((node_span(value), branch));
        }
    }

    /// Handles a simple command and returns the children to visit: all but
    /// prefix assignments such as `LC_ALL=C` in `LC_ALL=C curl ...`, which
    /// do not set shell variables (their values are still visited).
    fn command(
        &mut self,
        node: Node<'t>,
        branch: Option<Span>,
        frame: &mut Frame,
        record: bool,
        found: &mut Vec<Found>,
    ) -> Vec<Node<'t>> {
        let standalone = standalone_assignments(node, self.text);
        for assignment in &standalone {
            self.assign(*assignment, branch, frame);
        }
        let mut parts = field_children(node, "name");
        parts.extend(field_children(node, "argument"));
        let words = Resolver::new(self.text, frame).all_words(&parts);
        let span = command_span(node, &standalone);
        self.run(&words, node.start_byte(), span, frame, record, found);
        children(node)
            .into_iter()
            .flat_map(|child| match child.kind() {
                "variable_assignment" if !standalone.contains(&child) => {
                    child.child_by_field_name("value")
                }
                _ => Some(child),
            })
            .collect()
    }

    /// Runs a command line already expanded into `words`.
    fn run(
        &mut self,
        words: &[Word],
        at: usize,
        span: Span,
        frame: &mut Frame,
        record: bool,
        found: &mut Vec<Found>,
    ) {
        let Some(invocation) = invocation(words) else {
            return;
        };
        let arguments = &words[invocation.name_word + 1..];
        let name = invocation.name.as_str();
        let functions = self.functions;
        if invocation.functions_visible
            && functions.sends_requests(name)
            && let Some(function) = functions.find(name, at)
        {
            self.follow_call(function, arguments.to_vec(), frame, span, found);
            return;
        }
        if let Some(client) = Client::named(name) {
            self.note_hosts(arguments.iter().map(|word| display(&word.template)));
            self.send(client, arguments, frame.level, span, found);
            return;
        }
        assign::apply_builtin(name, arguments, frame);
        match name {
            "grep" | "egrep" | "fgrep" if record => {
                self.string_uses
                    .extend(strings::grep_patterns(name, arguments));
            }
            "sed" if record => self.string_uses.extend(sed::sed_patterns(arguments)),
            "xmllint" | "xmlstarlet" if record => {
                self.string_uses
                    .extend(xml_tools::xpath_uses(name, arguments));
            }
            "shopt" => self.set_shell_options(arguments),
            _ => {}
        }
    }

    fn send(
        &mut self,
        client: Client,
        arguments: &[Word],
        level: u32,
        span: Span,
        found: &mut Vec<Found>,
    ) {
        for request in client.requests(arguments) {
            if let Some((mut site, deps)) = call_site(request, arguments, span) {
                self.mark_conditional(&mut site);
                found.push(Found {
                    site,
                    deps,
                    level,
                    entry: None,
                });
            }
        }
    }

    /// Marks as maybe present the parameters that come from a value
    /// assigned in a branch which neither this request nor any call leading
    /// to it is inside, as `network_id` in
    /// `if [ -n "$NET" ]; then BODY+="&network_id=$NET"; fi; curl -d "$BODY" ...`.
    fn mark_conditional(&self, site: &mut CallSite) {
        let uses: Vec<Span> = std::iter::once(site.span)
            .chain(self.call_spans.iter().copied())
            .collect();
        for param in &mut site.params {
            let conditional = self.conditional_values.iter().any(|(value, branch)| {
                contains(*value, param.span) && !uses.iter().any(|used| contains(*branch, *used))
            });
            if conditional {
                param.presence = Presence::Maybe;
            }
        }
    }

    /// Walks a function body with its positional parameters bound to the
    /// caller's words, and keeps the requests found there.
    fn follow_call(
        &mut self,
        function: &Function<'t>,
        arguments: Vec<Word>,
        frame: &Frame,
        span: Span,
        found: &mut Vec<Found>,
    ) {
        let recursive = self.active.contains(&function.name);
        if recursive || frame.level + 1 >= MAX_CALL_DEPTH || self.expansions_left == 0 {
            return;
        }
        self.expansions_left -= 1;
        self.active.push(function.name.clone());
        self.call_spans.push(span);
        // NOTE: the callee's frame is dropped after the walk, so a global
        // that the function assigns is not seen by the caller's later code.
        let mut callee = Frame::call(frame, arguments);
        let inner = self.walk(function.body, &mut callee, false);
        self.call_spans.pop();
        self.active.pop();
        for mut request in inner {
            if frame.level == 0 {
                request.entry = Some((span, function.name.clone()));
            }
            found.push(request);
        }
    }

    /// Tracks `shopt -s nocasematch` and `shopt -u nocasematch`.
    fn set_shell_options(&mut self, arguments: &[Word]) {
        let texts: Vec<String> = arguments.iter().filter_map(Word::as_literal).collect();
        if texts.iter().any(|text| text == "nocasematch") {
            self.nocasematch = texts.iter().any(|text| text == "-s");
        }
    }

    fn note_hosts<S: AsRef<str>>(&mut self, texts: impl Iterator<Item = S>) {
        if self.names_qualys_host {
            return;
        }
        self.names_qualys_host = texts
            .into_iter()
            .any(|text| QUALYS_HOST.is_match(text.as_ref()));
    }
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Pairs each child to visit with the branch it lies in: the statements
/// after `then`, an `elif` or `else` clause, a `case` item, or the right
/// side of `&&` and `||`. Other children stay in their parent's branch.
fn with_branches<'t>(
    node: Node<'t>,
    next: Vec<Node<'t>>,
    branch: Option<Span>,
) -> Vec<Pending<'t>> {
    match node.kind() {
        "if_statement" => if_branches(node, next, branch),
        "case_item" => {
            let item = Some(node_span(node));
            next.into_iter().map(|child| (child, item)).collect()
        }
        "list" => {
            let operator_end = children(node)
                .iter()
                .find(|child| matches!(child.kind(), "&&" | "||"))
                .map(|operator| operator.end_byte());
            next.into_iter()
                .map(|child| match operator_end {
                    Some(end) if child.start_byte() >= end => (child, Some(node_span(child))),
                    _ => (child, branch),
                })
                .collect()
        }
        _ => next.into_iter().map(|child| (child, branch)).collect(),
    }
}

/// Pairs the children of an `if` with their branches: the condition stays
/// in the parent's branch, the statements from `then` to the first `elif`,
/// `else` or `fi` are one branch, and each clause is another.
fn if_branches<'t>(node: Node<'t>, next: Vec<Node<'t>>, branch: Option<Span>) -> Vec<Pending<'t>> {
    let parts = children(node);
    let then_end = parts
        .iter()
        .find(|child| child.kind() == "then")
        .map_or(node.end_byte(), |then| then.end_byte());
    let consequence_end = parts
        .iter()
        .find(|child| {
            child.start_byte() >= then_end
                && matches!(child.kind(), "elif_clause" | "else_clause" | "fi")
        })
        .map_or(node.end_byte(), |end| end.start_byte());
    let consequence = Span::new(then_end, consequence_end);
    next.into_iter()
        .map(|child| match child.kind() {
            "elif_clause" | "else_clause" => (child, Some(node_span(child))),
            _ if child.start_byte() >= then_end => (child, Some(consequence)),
            _ => (child, branch),
        })
        .collect()
}

/// Returns the assignments at the start of a command that are really
/// statements of their own. tree-sitter-bash 0.25 attaches `A=1 B=2` to a
/// command on the next line (`A=1 B=2\ncurl ...`); an unescaped newline
/// between an assignment and the command name shows the split.
fn standalone_assignments<'t>(node: Node<'t>, text: &str) -> Vec<Node<'t>> {
    let Some(name) = node.child_by_field_name("name") else {
        return Vec::new();
    };
    let assignments: Vec<Node> = children(node)
        .into_iter()
        .filter(|child| child.kind() == "variable_assignment")
        .collect();
    let Some(last) = assignments
        .iter()
        .rposition(|a| has_line_break(span_text(text, Span::new(a.end_byte(), name.start_byte()))))
    else {
        return Vec::new();
    };
    assignments[..=last].to_vec()
}

fn has_line_break(gap: &str) -> bool {
    let mut previous = ' ';
    gap.chars().any(|c| {
        let line_break = c == '\n' && previous != '\\';
        previous = c;
        line_break
    })
}

/// Returns the span a command's findings are reported at: the whole command, less
/// any assignment lines that tree-sitter attached to it.
fn command_span(node: Node, standalone: &[Node]) -> Span {
    let span = node_span(node);
    if standalone.is_empty() {
        return span;
    }
    let first = children(node)
        .into_iter()
        .find(|child| !standalone.contains(child));
    match first {
        Some(first) => Span::new(first.start_byte(), span.end),
        None => span,
    }
}
