//! The walk over one body of code (the script's top level or a function)
//! that tracks variables in source order, reads HTTP client commands, and
//! follows calls into wrapper functions.

use std::sync::LazyLock;

use regex::Regex;
use tree_sitter::Node;

use crate::model::{CallSite, Span, StringUse};

use super::assign;
use super::command::{Client, invocation};
use super::frame::Frame;
use super::functions::{Function, Functions};
use super::request::call_site;
use super::resolve::Resolver;
use super::strings;
use super::syntax::{children, field_children, is_inert, node_span, span_text};
use super::word::{Word, display};

/// Deepest chain of wrapper calls that is followed.
const MAX_CALL_DEPTH: u32 = 16;

/// Most wrapper calls followed in one file, which bounds the work on a file
/// whose functions call each other many times over.
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
    pub string_uses: Vec<StringUse>,
    pub names_qualys_host: bool,
    /// Set by `shopt -s nocasematch`, which makes `case` and `[[ == ]]`
    /// ignore case.
    nocasematch: bool,
}

impl<'a, 't> Analysis<'a, 't> {
    pub fn new(text: &'t str, functions: &'a Functions<'t>) -> Self {
        Analysis {
            text,
            functions,
            expansions_left: MAX_EXPANSIONS,
            active: Vec::new(),
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
        let mut stack = vec![body];
        while let Some(node) = stack.pop() {
            let next = self.visit(node, frame, record, &mut found);
            stack.extend(next.into_iter().rev());
        }
        found
    }

    /// Handles one node and returns the children to visit next.
    fn visit(
        &mut self,
        node: Node<'t>,
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
            "command" => return self.command(node, frame, record, found),
            "variable_assignment" => {
                assign::apply_assignment(node, self.text, frame);
                if record {
                    let uses = strings::assigned_literals(node, self.text);
                    self.note_hosts(uses.iter().map(|use_| use_.text.as_str()));
                    self.string_uses.extend(uses);
                }
            }
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
            "case_statement" if record => {
                let resolver = Resolver::new(self.text, frame);
                let uses = strings::case_patterns(node, &resolver, self.nocasematch);
                self.string_uses.extend(uses);
            }
            "test_command" if record => {
                let resolver = Resolver::new(self.text, frame);
                let uses = strings::test_patterns(node, &resolver, self.nocasematch);
                self.string_uses.extend(uses);
            }
            _ => {}
        }
        children(node)
    }

    /// Handles a simple command and returns the children to visit: all but
    /// prefix assignments such as `LC_ALL=C` in `LC_ALL=C curl ...`, which
    /// do not set shell variables (their values are still visited).
    fn command(
        &mut self,
        node: Node<'t>,
        frame: &mut Frame,
        record: bool,
        found: &mut Vec<Found>,
    ) -> Vec<Node<'t>> {
        let standalone = standalone_assignments(node, self.text);
        for assignment in &standalone {
            assign::apply_assignment(*assignment, self.text, frame);
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
            if let Some((site, deps)) = call_site(request, arguments, span) {
                found.push(Found {
                    site,
                    deps,
                    level,
                    entry: None,
                });
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
        let mut callee = Frame::call(frame, arguments);
        let inner = self.walk(function.body, &mut callee, false);
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

/// The span a command's findings are reported at: the whole command, less
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
