//! The shell functions of a file: where each is defined, which are called,
//! and which can send a request, directly or through other functions.

use std::borrow::Cow;

// Command names come from the script. foldhash hashes short strings faster
// than the standard SipHash, and its seed is random per process, so
// colliding names are hard to prepare in advance (foldhash 0.2 documents
// itself as minimally DoS-resistant).
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use memchr::memmem;
use tree_sitter::Node;

use super::child_table::ChildTable;
use super::command::Client;
use super::quoting::unescape_unquoted;
use super::syntax::{FIELDS, field_child, kind, node_span, span_text};

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

/// Facts the first pass collects about one definition's body, or about
/// the commands outside any function.
#[derive(Default)]
struct BodyFacts<'s> {
    /// Runs curl, wget or HTTPie, or a command whose name is computed.
    runs_client: bool,
    /// Names of the commands it runs, borrowed from the script's text
    /// unless removing escapes changed them.
    commands: HashSet<Cow<'s, str>>,
}

pub struct Functions<'t> {
    definitions: Vec<Function<'t>>,
    called: HashSet<String>,
    sends_requests: HashSet<String>,
}

impl<'t> Functions<'t> {
    /// Collects every function definition in the file, nested ones
    /// included, and the commands each body runs.
    pub fn collect(root: Node<'t>, text: &str, table: &ChildTable<'t>) -> Self {
        // Tree-sitter can insert a missing `)` while it recovers from a
        // syntax error, so only a tree without errors is judged by its text.
        if !root.has_error() && !may_define_functions(text) {
            return Functions {
                definitions: Vec::new(),
                called: HashSet::new(),
                sends_requests: HashSet::new(),
            };
        }
        Self::walk(root, text, table)
    }

    /// Walks the whole tree for `collect`.
    fn walk(root: Node<'t>, text: &str, table: &ChildTable<'t>) -> Self {
        let mut definitions = Vec::new();
        let mut facts: Vec<BodyFacts> = Vec::new();
        // Commands outside any function, then those of each definition.
        let mut top_level = BodyFacts::default();
        let mut stack = vec![(root, None::<usize>)];
        while let Some((node, owner)) = stack.pop() {
            let start = stack.len();
            if table.is_skipped(node) {
                continue;
            }
            match kind(node) {
                "function_definition" => {
                    if let Some(function) = definition(node, text) {
                        let index = definitions.len();
                        stack.push((function.body, Some(index)));
                        definitions.push(function);
                        facts.push(BodyFacts::default());
                    }
                    continue;
                }
                "command" => {
                    let target = match owner {
                        Some(index) => &mut facts[index],
                        None => &mut top_level,
                    };
                    note_command(node, table, text, target);
                    stack.extend(table.children(node).iter().map(|kid| (*kid, owner)));
                }
                _ => stack.extend(table.children(node).iter().map(|kid| (*kid, owner))),
            }
            // Pushed in source order, so reversed to pop the first child first.
            stack[start..].reverse();
        }
        let called = called_names(&definitions, &facts, &top_level.commands);
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

/// Returns whether `text` may contain a function definition. Bash writes
/// one as `function name ...` or `name () ...`, so a definition needs the
/// word `function` or a `(` followed by `)`. Blanks, line breaks and
/// backslashes may stand between the two, and a `#` after the `(` also
/// counts, since the grammar allows a comment there. An empty array such
/// as `a=()` passes too.
fn may_define_functions(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memmem::find(bytes, b"function").is_some() {
        return true;
    }
    memchr::memchr_iter(b'(', bytes).any(|at| {
        let next = bytes[at + 1..]
            .iter()
            .find(|byte| !matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\\'));
        matches!(next, None | Some(b')' | b'#'))
    })
}

fn definition<'t>(node: Node<'t>, text: &str) -> Option<Function<'t>> {
    let name = field_child(node, FIELDS.name)?;
    let body = field_child(node, FIELDS.body)?;
    Some(Function {
        name: unescape_unquoted(span_text(text, node_span(name))),
        body,
        start: node.start_byte(),
    })
}

/// Records in `facts` the names a command may call. Every plain word of
/// the command counts, so that `sudo curl` and `command my_wrapper` are
/// seen. This pass only needs to over-approximate.
fn note_command<'t, 's>(
    command: Node<'t>,
    table: &ChildTable<'t>,
    text: &'s str,
    facts: &mut BodyFacts<'s>,
) {
    let parts = table
        .field_children(command, FIELDS.name)
        .chain(table.field_children(command, FIELDS.argument).take(8));
    for (position, part) in parts.enumerate() {
        let source = span_text(text, node_span(part));
        if position == 0 && source.starts_with('$') {
            facts.runs_client = true;
        }
        // A command name is short; reading long arguments, such as nested
        // substitutions, would make this pass quadratic.
        if source.len() > MAX_NAME_LENGTH {
            continue;
        }
        let base = base_name(source.trim_matches(['"', '\'']));
        if Client::named(&base).is_some() {
            facts.runs_client = true;
        }
        facts.commands.insert(base);
    }
}

/// Removes the escapes of an unquoted word and returns the part after its
/// last `/`. Only a word with a backslash needs a new string.
fn base_name(word: &str) -> Cow<'_, str> {
    if !word.contains('\\') {
        return Cow::Borrowed(word.rsplit('/').next().unwrap_or(word));
    }
    let word = unescape_unquoted(word);
    Cow::Owned(word.rsplit('/').next().unwrap_or(&word).to_string())
}

fn called_names(
    definitions: &[Function],
    facts: &[BodyFacts],
    top_commands: &HashSet<Cow<str>>,
) -> HashSet<String> {
    let defined: HashSet<&str> = definitions.iter().map(|f| f.name.as_str()).collect();
    let mut called: HashSet<String> = HashSet::new();
    let mut note = |name: &Cow<str>| {
        if defined.contains(name.as_ref()) && !called.contains(name.as_ref()) {
            called.insert(name.to_string());
        }
    };
    top_commands.iter().for_each(&mut note);
    for (function, body) in definitions.iter().zip(facts) {
        body.commands
            .iter()
            .filter(|name| **name != function.name)
            .for_each(&mut note);
    }
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
                body.runs_client
                    || body
                        .commands
                        .iter()
                        .any(|called| senders.contains(called.as_ref()))
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

#[cfg(test)]
mod tests {
    use crate::lang::shell::tests::parse_script;

    use super::*;

    fn names(functions: &Functions) -> Vec<String> {
        functions
            .definitions()
            .iter()
            .map(|function| function.name.clone())
            .collect()
    }

    #[test]
    fn definitions_pass_the_text_test() {
        for text in [
            "f() { curl x; }\n",
            "f ( ) { curl x; }\n",
            "f (\n) { curl x; }\n",
            "f ( \\\n ) { curl x; }\n",
            "function f { curl x; }\n",
            "function f() { curl x; }\n",
            "if true; then g() { curl x; }; fi\n",
            "a=()\n",
        ] {
            assert!(may_define_functions(text), "{text:?}");
        }
    }

    #[test]
    fn scripts_without_definitions_fail_the_text_test() {
        for text in [
            "curl -d 'action=list' \"$(base)/api/2.0/fo/asset/ip/\"\n",
            "echo $((1 + 2)) (x)\n",
            "case $a in (x) echo;; esac\n",
            "",
        ] {
            assert!(!may_define_functions(text), "{text:?}");
        }
    }

    #[test]
    fn text_test_agrees_with_the_walk() {
        let texts = [
            "f() { curl x; }\nf\n",
            "function g { f; }\n",
            "curl -s https://h/api/2.0/fo/asset/ip/\n",
            "echo $(date) (x)\n",
            // A syntax error: tree-sitter may invent the missing `)`.
            "f( { curl x; }\nf\n",
            "f ( { curl x; }\n",
        ];
        for text in texts {
            let tree = parse_script(text);
            let table = ChildTable::new(tree.root_node(), text);
            let gated = Functions::collect(tree.root_node(), text, &table);
            let walked = Functions::walk(tree.root_node(), text, &table);
            assert_eq!(names(&gated), names(&walked), "{text:?}");
            assert_eq!(gated.called, walked.called, "{text:?}");
            assert_eq!(gated.sends_requests, walked.sends_requests, "{text:?}");
        }
    }
}
