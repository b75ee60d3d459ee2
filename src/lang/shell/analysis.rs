//! The walk over one body of code (the script's top level or a function)
//! that tracks variables in source order, reads HTTP client commands, and
//! follows calls into wrapper functions.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use tree_sitter::Node;

use crate::model::{AnalysisLimit, AnalysisStop, CallSite, Presence, Span, StringUse, Unresolved};

use super::alternatives::{
    Combinations, all_changed, changed_pieces, combinations, merge_found, pinned_names,
    referenced_names,
};
use super::assign;
use super::awk;
use super::child_table::ChildTable;
use super::command::{Client, Invocation, invocation};
use super::frame::{Frame, Statement};
use super::functions::{Function, Functions};
use super::nested;
use super::request::call_site;
use super::resolve::Resolver;
use super::sed;
use super::strings;
use super::syntax::{FIELDS, field_child, is_inert_kind, kind, node_span, span_text};
use super::word::{Word, display};
use super::xml_tools;

/// Deepest chain of wrapper calls that is followed.
const MAX_CALL_DEPTH: u32 = 16;

/// Most wrapper calls followed in one file, which bounds the work on a file
/// whose functions call each other many times over. The first call not
/// followed past either limit is recorded in `stops`, which AGMS102 reports.
const MAX_EXPANSIONS: usize = 2000;

/// The commands other than HTTP clients and builtins whose arguments `run`
/// reads.
const READ_COMMANDS: [&str; 11] = [
    "awk",
    "gawk",
    "mawk",
    "nawk",
    "grep",
    "egrep",
    "fgrep",
    "sed",
    "xmllint",
    "xmlstarlet",
    "shopt",
];

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
    /// Pieces that make the command being run uncertain: variables it
    /// expands that a statement such as `read` may have changed.
    changed: Vec<String>,
    /// The same pieces of the calls being followed, which the called
    /// function's requests inherit through its positional parameters.
    inherited: Vec<String>,
    pub string_uses: Vec<StringUse>,
    pub names_qualys_host: bool,
    /// The first call not followed past each limit.
    pub stops: Vec<AnalysisStop>,
    /// The globals each function assigns, by the start of its body, read
    /// once however often the function is called.
    assigned_by: HashMap<usize, Vec<String>>,
    /// Set by `shopt -s nocasematch`, which makes `case` and `[[ == ]]`
    /// ignore case.
    nocasematch: bool,
    /// The children of the nodes that the walk enters, listed once per file.
    table: &'a ChildTable<'t>,
}

/// A node to visit and the innermost conditional branch it lies in: an
/// `if` branch, a `case` item, or the right side of `&&` or `||`.
type Pending<'t> = (Node<'t>, Option<Span>);

/// A node being visited, with its kind and the innermost conditional
/// branch it lies in.
#[derive(Clone, Copy)]
struct Place<'t> {
    node: Node<'t>,
    node_kind: &'t str,
    branch: Option<Span>,
}

impl<'a, 't> Analysis<'a, 't> {
    /// Starts an analysis of the script whose syntax tree `table` lists.
    pub fn new(text: &'t str, functions: &'a Functions<'t>, table: &'a ChildTable<'t>) -> Self {
        Analysis {
            text,
            functions,
            expansions_left: MAX_EXPANSIONS,
            active: Vec::new(),
            call_spans: Vec::new(),
            conditional_values: Vec::new(),
            changed: Vec::new(),
            inherited: Vec::new(),
            string_uses: Vec::new(),
            names_qualys_host: false,
            stops: Vec::new(),
            assigned_by: HashMap::new(),
            nocasematch: false,
            table,
        }
    }

    /// Walks `body` in source order with an explicit stack. String uses are
    /// recorded only when `record` is set, so that a function body followed
    /// from a call adds none twice.
    pub fn walk(&mut self, body: Node<'t>, frame: &mut Frame, record: bool) -> Vec<Found> {
        let mut found = Vec::new();
        let mut stack: Vec<Pending<'t>> = vec![(body, None)];
        // The children of the node being visited, in source order.
        let mut next = Vec::new();
        while let Some((node, branch)) = stack.pop() {
            let node_kind = kind(node);
            if self.table.is_skipped(node) {
                continue;
            }
            next.clear();
            frame.statement = Statement {
                at: node.start_byte(),
                branch,
            };
            let place = Place {
                node,
                node_kind,
                branch,
            };
            self.visit(place, frame, record, &mut found, &mut next);
            // Pushed in reverse, so that the first child is popped first.
            let start = stack.len();
            push_with_branches(place, &next, &mut stack);
            stack[start..].reverse();
        }
        found
    }

    /// Handles one node and appends to `next` the children to visit.
    fn visit(
        &mut self,
        place: Place<'t>,
        frame: &mut Frame,
        record: bool,
        found: &mut Vec<Found>,
        next: &mut Vec<Node<'t>>,
    ) {
        let Place {
            node,
            node_kind,
            branch,
        } = place;
        if is_inert_kind(node_kind) {
            return;
        }
        match node_kind {
            // Each function body is analysed on its own and at its calls.
            "function_definition" => return,
            "command" => return self.command(node, branch, frame, record, found, next),
            "c_style_for_statement" => {
                assign::apply_arithmetic_loop(node, self.text, self.table, frame);
                next.extend(self.table.field_children(node, FIELDS.body));
                return;
            }
            _ => {}
        }
        next.extend_from_slice(&self.table.children(node));
        match node_kind {
            "variable_assignment" => self.assign(node, branch, frame),
            "declaration_command" => {
                assign::apply_declaration(node, self.text, self.table, frame);
            }
            "unset_command" => {
                for name in next.iter().filter(|n| kind(**n) == "variable_name") {
                    frame.unset(span_text(self.text, node_span(*name)));
                }
            }
            "for_statement" => assign::apply_loop_variable(node, self.text, self.table, frame),
            "expansion" => {
                assign::apply_default_assignment(node, self.text, self.table, frame);
            }
            _ => {}
        }
        if record {
            self.record_strings(node, node_kind, frame);
        }
    }

    /// Records the string uses of an assignment, a `case` or a test.
    fn record_strings(&mut self, node: Node<'t>, node_kind: &str, frame: &Frame) {
        let resolver = Resolver::new(self.text, frame, self.table);
        let uses = match node_kind {
            // MSG="Tried to delete"
            "variable_assignment" => {
                let uses = strings::assigned_literals(node, self.text, self.table);
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
    /// parameters it carries are only maybe sent.
    fn assign(&mut self, node: Node<'t>, branch: Option<Span>, frame: &mut Frame) {
        frame.statement = Statement {
            at: node.start_byte(),
            branch,
        };
        self.assign_combinations(node, frame);
        if let (Some(branch), Some(value)) = (branch, field_child(node, FIELDS.value)) {
            self.conditional_values.push((node_span(value), branch));
        }
    }

    /// Applies an assignment once for each combination of the values that
    /// reach the variables it reads, as `B="action=$A"` after `A` was set
    /// on two branches, so that the variable keeps every value it may have.
    fn assign_combinations(&mut self, node: Node<'t>, frame: &mut Frame) {
        let (text, table) = (self.text, self.table);
        let Some(target) = field_child(node, FIELDS.name).filter(|t| kind(*t) != "subscript")
        else {
            return assign::apply_assignment(node, text, table, frame);
        };
        if !frame.has_alternatives() {
            return assign::apply_assignment(node, text, table, frame);
        }

        let mut names = referenced_names(
            &field_child(node, FIELDS.value)
                .into_iter()
                .collect::<Vec<_>>(),
            text,
            table,
        );
        if assign::is_append(node, table) {
            names.push(span_text(text, node_span(target)).to_string());
        }
        let combinations = combinations(frame, &names);
        let changed = all_changed(frame, &names, &combinations);
        if combinations.is_single() && changed.is_empty() {
            return assign::apply_assignment(node, text, table, frame);
        }

        let mut values = Vec::new();
        let mut assigned = None;
        for pins in &combinations.pins {
            let pinned = Frame::pinned(frame, pins);
            if let Some((name, value)) = assign::assigned_value(node, text, table, &pinned) {
                values.push(value);
                assigned = Some(name);
            }
        }

        if let Some(name) = assigned {
            let changed = (!changed.is_empty()).then(|| changed.join(", "));
            frame.assign(&name, values, changed);
        }
    }

    /// Handles a simple command and appends to `next` the children to
    /// visit: all but prefix assignments such as `LC_ALL=C` in
    /// `LC_ALL=C curl ...`, which do not set shell variables (their values
    /// are still visited).
    fn command(
        &mut self,
        node: Node<'t>,
        branch: Option<Span>,
        frame: &mut Frame,
        record: bool,
        found: &mut Vec<Found>,
        next: &mut Vec<Node<'t>>,
    ) {
        let table = self.table;
        let children = table.children(node);
        let standalone = standalone_assignments(node, &children, self.text);
        for assignment in &standalone {
            self.assign(*assignment, branch, frame);
        }
        let parts: Vec<Node> = table
            .field_children(node, FIELDS.name)
            .chain(table.field_children(node, FIELDS.argument))
            .collect();
        if let Some(words) = self.command_words(&parts, frame) {
            let span = command_span(node, &children, &standalone, self.text);
            let names = if frame.has_alternatives() {
                referenced_names(&parts, self.text, table)
            } else {
                Vec::new()
            };
            let combinations = combinations(frame, &names);
            let at = node.start_byte();
            if combinations.is_single() || !self.sends(&words) {
                self.changed = all_changed(frame, &names, &combinations);
                self.run(&words, at, span, frame, record, found);
            } else {
                let command = Command {
                    parts: &parts,
                    at,
                    span,
                    record,
                };
                self.run_combinations(command, &names, &combinations, frame, found);
            }
            self.changed.clear();
        }
        next.extend(children.iter().filter_map(|&child| match kind(child) {
            "variable_assignment" if !standalone.contains(&child) => {
                field_child(child, FIELDS.value)
            }
            _ => Some(child),
        }));
    }

    /// True when a command line sends requests: it runs an HTTP client or a
    /// function that sends them.
    fn sends(&self, words: &[Word]) -> bool {
        invocation(words).is_some_and(|program| {
            Client::named(&program.name).is_some()
                || (program.functions_visible && self.functions.sends_requests(&program.name))
        })
    }

    /// Runs a command that sends requests once for each combination of the
    /// values that reach the variables it expands, and merges the call
    /// sites found into one per request and endpoint.
    fn run_combinations(
        &mut self,
        command: Command<'_, 't>,
        names: &[String],
        combinations: &Combinations,
        frame: &Frame,
        found: &mut Vec<Found>,
    ) {
        let mut variants: Vec<Vec<Found>> = Vec::new();
        for pins in &combinations.pins {
            let mut pinned = Frame::pinned(frame, pins);
            let words = Resolver::new(self.text, &pinned, self.table).all_words(command.parts);
            self.changed = changed_pieces(frame, names, pins);
            self.changed.extend(combinations.left_out.iter().cloned());
            let mut variant = Vec::new();
            self.run(
                &words,
                command.at,
                command.span,
                &mut pinned,
                command.record,
                &mut variant,
            );
            variants.push(variant);
        }
        let differing: Vec<String> = pinned_names(&combinations.pins);
        found.extend(merge_found(variants, &differing));
    }

    /// Expands a command's name and arguments, or returns `None` when its
    /// first word alone shows that `run` would do nothing. That is so when
    /// the word is not known text, or when it names a program whose
    /// arguments `run` ignores, such as `echo`, with no prefix such as
    /// `sudo`. Expansion has no side effects, so skipping it changes
    /// nothing else.
    fn command_words(&self, parts: &[Node<'t>], frame: &Frame) -> Option<Vec<Word>> {
        let resolver = Resolver::new(self.text, frame, self.table);
        let Some((first, rest)) = parts.split_first() else {
            return Some(Vec::new());
        };
        let mut words = resolver.words(*first);
        let program = invocation(&words);
        let ignored = match &program {
            // With more words, `invocation` still stops at the first.
            Some(program) => !self.reads_arguments(program),
            None => words
                .first()
                .is_some_and(|word| word.as_literal().is_none()),
        };
        if ignored {
            return None;
        }
        // A call of a function that sends nothing only marks what the
        // function assigns, which needs no arguments.
        if program.is_some_and(|program| !self.uses_arguments(&program)) {
            return Some(words);
        }
        words.extend(resolver.all_words(rest));
        Some(words)
    }

    /// True when `run` reads the arguments of `program`, not only its
    /// name: everything that `reads_arguments` accepts except a call of a
    /// function in the file that sends no request.
    fn uses_arguments(&self, program: &Invocation) -> bool {
        let name = program.name.as_str();
        program.name_word != 0
            || !program.functions_visible
            || self.functions.sends_requests(name)
            || matches!(name, "." | "source")
            || nested::runs_string(name)
            || Client::named(name).is_some()
            || assign::is_applied_builtin(name)
            || READ_COMMANDS.contains(&name)
    }

    /// True unless `program` runs directly from the command's first word,
    /// and `run` does nothing with a program of that name.
    fn reads_arguments(&self, program: &Invocation) -> bool {
        self.uses_arguments(program) || self.functions.find(&program.name, 0).is_some()
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
            && let Some(function) = functions.find(name, at)
        {
            let sends = functions.sends_requests(name);
            if sends {
                self.follow_call(function, arguments.to_vec(), frame, span, found);
            }
            self.mark_assigned_by(function, frame);
            // A function that sends nothing, such as a `grep` wrapper, is
            // still read by the name it shares with a program below.
            if sends {
                return;
            }
        }
        if matches!(name, "." | "source") {
            let file = arguments.first().map(|word| display(&word.template));
            mark_all_changed(frame, &format!("{name} {}", file.unwrap_or_default()));
            return;
        }
        if let Some((inner, description)) = nested::command_string(name, arguments) {
            self.changed.push(description);
            self.run(&inner, at, span, frame, false, found);
            self.changed.pop();
            return;
        }
        if let Some(client) = Client::named(name) {
            if invocation.input_arguments {
                self.changed
                    .push("the arguments that xargs adds".to_string());
            }
            if let Some(marker) = &invocation.input_marker {
                let replaced = arguments
                    .iter()
                    .any(|word| display(&word.template).contains(marker.as_str()));
                if replaced {
                    self.changed.push(format!(
                        "the input lines that xargs puts in place of `{marker}`"
                    ));
                }
            }
            self.note_hosts(arguments.iter().map(|word| display(&word.template)));
            self.send(client, arguments, frame.level, span, found);
            return;
        }
        assign::apply_builtin(name, arguments, frame);
        // Keep READ_COMMANDS in step with the names matched here.
        match name {
            "grep" | "egrep" | "fgrep" if record => {
                self.string_uses
                    .extend(strings::grep_patterns(name, arguments));
            }
            "sed" if record => self.string_uses.extend(sed::sed_patterns(arguments)),
            "awk" | "gawk" | "mawk" | "nawk" if record => {
                self.string_uses.extend(awk::awk_patterns(arguments));
            }
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
                self.add_changed_pieces(&mut site);
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

    /// Names as unresolved the pieces that a statement such as `read` or
    /// `. ./config.sh` may have changed, as `$EXTRA` in
    /// `EXTRA=""; read -r EXTRA; curl -d "ips=1.2.3.4$EXTRA" ...`.
    fn add_changed_pieces(&self, site: &mut CallSite) {
        for piece in self.changed.iter().chain(&self.inherited) {
            if site
                .unresolved
                .iter()
                .any(|known| &known.description == piece)
            {
                continue;
            }
            site.unresolved.push(Unresolved {
                description: piece.clone(),
                span: site.span,
            });
        }
    }

    /// Marks the variables that a function defined in the file assigns as
    /// maybe changed after a call of it, as `BODY` after `add_net` in
    /// `add_net() { BODY="$BODY&network_id=$N"; }`. The function's own
    /// assignments are not applied here, so the value is not known.
    fn mark_assigned_by(&mut self, function: &Function<'t>, frame: &mut Frame) {
        let (text, table) = (self.text, self.table);
        let names = self
            .assigned_by
            .entry(function.body.start_byte())
            .or_insert_with(|| assign::assigned_globals(function.body, text, table));
        for name in names.iter() {
            frame.mark_changed(name, &format!("${name} after {}", function.name));
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
        if self.active.contains(&function.name) {
            return;
        }
        let limit = if frame.level + 1 >= MAX_CALL_DEPTH {
            // The analysed body is level 0, so the deepest call followed is at
            // level MAX_CALL_DEPTH - 1.
            Some(AnalysisLimit::WrapperDepth(MAX_CALL_DEPTH - 1))
        } else if self.expansions_left == 0 {
            Some(AnalysisLimit::WrapperCalls(MAX_EXPANSIONS))
        } else {
            None
        };
        if let Some(limit) = limit {
            if !self.stops.iter().any(|stop| stop.limit == limit) {
                self.stops.push(AnalysisStop { span, limit });
            }
            return;
        }
        self.expansions_left -= 1;
        self.active.push(function.name.clone());
        self.call_spans.push(span);
        // NOTE: the callee's frame is dropped after the walk. The caller
        // marks the globals that the function assigns as maybe changed.
        let mut callee = Frame::call(frame, arguments);
        let inherited = self.inherited.len();
        self.inherited.extend(self.changed.iter().cloned());
        let inner = self.walk(function.body, &mut callee, false);
        self.inherited.truncate(inherited);
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

/// A command being run once for each combination of values.
#[derive(Clone, Copy)]
struct Command<'c, 't> {
    parts: &'c [Node<'t>],
    at: usize,
    span: Span,
    record: bool,
}

/// Marks every variable as maybe changed by `. file` or `source file`,
/// which can assign anything. An assignment after it is known again.
fn mark_all_changed(frame: &mut Frame, statement: &str) {
    for name in frame.visible_names() {
        frame.mark_changed(&name, &format!("${name} after {statement}"));
    }
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Appends each child to visit to `out`, paired with the branch it lies in:
/// the statements after `then`, an `elif` or `else` clause, a `case` item,
/// a loop body, or the right side of `&&` and `||`. Other children stay in their
/// parent's branch. For an `if` and a list, `next` must be all of the
/// node's children, as `visit` returns them.
fn push_with_branches<'t>(place: Place<'t>, next: &[Node<'t>], out: &mut Vec<Pending<'t>>) {
    let Place {
        node,
        node_kind,
        branch,
    } = place;
    match node_kind {
        "if_statement" => if_branches(node, next, branch, out),
        // The body of a `for`, `while` or `until` loop may run no times.
        "case_item" | "do_group" => {
            let item = Some(node_span(node));
            out.extend(next.iter().map(|child| (*child, item)));
        }
        "list" => {
            let operator_end = next
                .iter()
                .find(|child| matches!(kind(**child), "&&" | "||"))
                .map(|operator| operator.end_byte());
            out.extend(next.iter().map(|&child| match operator_end {
                Some(end) if child.start_byte() >= end => (child, Some(node_span(child))),
                _ => (child, branch),
            }));
        }
        _ => out.extend(next.iter().map(|child| (*child, branch))),
    }
}

/// Pairs the children of an `if` with their branches: the condition stays
/// in the parent's branch, the statements from `then` to the first `elif`,
/// `else` or `fi` are one branch, and each clause is another.
fn if_branches<'t>(
    node: Node<'t>,
    parts: &[Node<'t>],
    branch: Option<Span>,
    out: &mut Vec<Pending<'t>>,
) {
    let then_end = parts
        .iter()
        .find(|child| kind(**child) == "then")
        .map_or(node.end_byte(), |then| then.end_byte());
    let consequence_end = parts
        .iter()
        .find(|child| {
            child.start_byte() >= then_end
                && matches!(kind(**child), "elif_clause" | "else_clause" | "fi")
        })
        .map_or(node.end_byte(), |end| end.start_byte());
    let consequence = Span::new(then_end, consequence_end);
    out.extend(parts.iter().map(|&child| match kind(child) {
        "elif_clause" | "else_clause" => (child, Some(node_span(child))),
        _ if child.start_byte() >= then_end => (child, Some(consequence)),
        _ => (child, branch),
    }));
}

/// Returns the assignments at the start of a command that are really
/// statements of their own. tree-sitter-bash 0.25 attaches `A=1 B=2` to a
/// command on the next line (`A=1 B=2\ncurl ...`); an unescaped newline
/// between an assignment and the command name shows the split.
fn standalone_assignments<'t>(node: Node<'t>, children: &[Node<'t>], text: &str) -> Vec<Node<'t>> {
    let Some(name) = field_child(node, FIELDS.name) else {
        return Vec::new();
    };
    let assignments: Vec<Node> = children
        .iter()
        .copied()
        .filter(|child| kind(*child) == "variable_assignment")
        .collect();
    // With `\curl` on the line below, the name's node starts at the line
    // break before the backslash.
    let name_text = span_text(text, node_span(name));
    let name_start = name.start_byte() + (name_text.len() - name_text.trim_start().len());
    let Some(last) = assignments
        .iter()
        .rposition(|a| has_line_break(span_text(text, Span::new(a.end_byte(), name_start))))
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
fn command_span(node: Node, children: &[Node], standalone: &[Node], text: &str) -> Span {
    let span = node_span(node);
    if standalone.is_empty() {
        return span;
    }
    let first = children
        .iter()
        .copied()
        .find(|child| !standalone.contains(child));
    let Some(first) = first else {
        return span;
    };
    let first_text = span_text(text, node_span(first));
    let blank = first_text.len() - first_text.trim_start().len();
    Span::new(first.start_byte() + blank, span.end)
}
