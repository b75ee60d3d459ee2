//! The shell functions of a file: where each is defined, which are called,
//! and which can send a request, directly or through other functions.

use std::collections::{HashMap, HashSet};

use tree_sitter::Node;

use super::command::Client;
use super::quoting::unescape_unquoted;
use super::syntax::{children, field_children, is_inert, kind, node_span, span_text};

/// Maximum length of an argument read as a possible command name.
const MAX_NAME_LENGTH: usize = 128;

/// One `name() { ... }` or `function name { ... }` definition.
#[derive(Clone, Debug)]
pub struct Function<'t> {
    pub name: String,
    pub body: Node<'t>,
    /// Byte offset of the definition's start.
    pub start: usize,
}

/// Facts the first pass collects about one definition's body.
#[derive(Default)]
struct BodyFacts {
    /// Runs curl, wget or HTTPie, or a command whose name is computed.
    runs_client: bool,
    /// Names of the commands it runs.
    commands: HashSet<String>,
}

pub struct Functions<'t> {
    definitions: Vec<Function<'t>>,
    called: HashSet<String>,
    sends_requests: HashSet<String>,
}

impl<'t> Functions<'t> {
    /// Collects every function definition in the file, nested ones
    /// included, and the commands each body runs.
    pub fn collect(root: Node<'t>, text: &str) -> Self {
        let mut definitions = Vec::new();
        let mut facts: Vec<BodyFacts> = Vec::new();
        // Commands outside any function, then those of each definition.
        let mut top_commands = HashSet::new();
        let mut stack = vec![(root, None::<usize>)];
        while let Some((node, owner)) = stack.pop() {
            if is_inert(node) {
                continue;
            }
            if kind(node) == "function_definition" {
                if let Some(function) = definition(node, text) {
                    let index = definitions.len();
                    stack.push((function.body, Some(index)));
                    definitions.push(function);
                    facts.push(BodyFacts::default());
                }
                continue;
            }
            if kind(node) == "command" {
                let target = match owner {
                    Some(index) => &mut facts[index],
                    None => &mut BodyFacts::default(),
                };
                let names = note_command(node, text, target);
                if owner.is_none() {
                    top_commands.extend(names);
                }
            }
            let mut kids = children(node);
            kids.reverse();
            stack.extend(kids.into_iter().map(|kid| (kid, owner)));
        }
        let called = called_names(&definitions, &facts, &top_commands);
        let sends_requests = request_senders(&definitions, &facts);
        Functions {
            definitions,
            called,
            sends_requests,
        }
    }

    pub fn definitions(&self) -> &[Function<'t>] {
        &self.definitions
    }

    /// Finds the definition a call at byte `at` runs: the last one above
    /// it, or else the first below it (a function may call one defined
    /// later in the file).
    pub fn find(&self, name: &str, at: usize) -> Option<&Function<'t>> {
        let mut candidates = self.definitions.iter().filter(|f| f.name == name);
        let first = candidates.clone().next()?;
        Some(candidates.rfind(|f| f.start < at).unwrap_or(first))
    }

    /// True when some command outside the function's own body calls it.
    pub fn is_called(&self, name: &str) -> bool {
        self.called.contains(name)
    }

    /// True when the function may send a request, so that its calls are
    /// worth following.
    pub fn sends_requests(&self, name: &str) -> bool {
        self.sends_requests.contains(name)
    }
}

fn definition<'t>(node: Node<'t>, text: &str) -> Option<Function<'t>> {
    let name = node.child_by_field_name("name")?;
    let body = node.child_by_field_name("body")?;
    Some(Function {
        name: unescape_unquoted(span_text(text, node_span(name))),
        body,
        start: node.start_byte(),
    })
}

/// Records a command's name in `facts` and returns the names it may call.
/// Every plain word of the command counts, so that `sudo curl` and
/// `command my_wrapper` are seen; this pass only needs to over-approximate.
fn note_command(node: Node, text: &str, facts: &mut BodyFacts) -> Vec<String> {
    let mut parts = field_children(node, "name");
    parts.extend(field_children(node, "argument").into_iter().take(8));
    let mut names = Vec::new();
    for (position, part) in parts.into_iter().enumerate() {
        let source = span_text(text, node_span(part));
        if position == 0 && source.starts_with('$') {
            facts.runs_client = true;
        }
        // A command name is short; reading long arguments, such as nested
        // substitutions, would make this pass quadratic.
        if source.len() > MAX_NAME_LENGTH {
            continue;
        }
        let word = unescape_unquoted(source.trim_matches(['"', '\'']));
        let base = word.rsplit('/').next().unwrap_or(&word).to_string();
        if Client::named(&base).is_some() {
            facts.runs_client = true;
        }
        names.push(base);
    }
    facts.commands.extend(names.iter().cloned());
    names
}

fn called_names(
    definitions: &[Function],
    facts: &[BodyFacts],
    top_commands: &HashSet<String>,
) -> HashSet<String> {
    let mut called: HashSet<String> = top_commands.clone();
    for (function, body) in definitions.iter().zip(facts) {
        called.extend(
            body.commands
                .iter()
                .filter(|name| **name != function.name)
                .cloned(),
        );
    }
    let defined: HashSet<&str> = definitions.iter().map(|f| f.name.as_str()).collect();
    called.retain(|name| defined.contains(name.as_str()));
    called
}

/// Finds the functions that run a client or call one that does, by
/// repeating until nothing changes.
fn request_senders(definitions: &[Function], facts: &[BodyFacts]) -> HashSet<String> {
    let mut senders: HashSet<String> = HashSet::new();
    let mut by_name: HashMap<&str, Vec<&BodyFacts>> = HashMap::new();
    for (function, body) in definitions.iter().zip(facts) {
        by_name
            .entry(function.name.as_str())
            .or_default()
            .push(body);
    }
    loop {
        let before = senders.len();
        for (name, bodies) in &by_name {
            let sends = bodies.iter().any(|body| {
                body.runs_client || body.commands.iter().any(|called| senders.contains(called))
            });
            if sends {
                senders.insert(name.to_string());
            }
        }
        if senders.len() == before {
            return senders;
        }
    }
}
