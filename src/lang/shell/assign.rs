//! Variable changes made by statements: assignments, declarations, loop
//! variables, `${VAR:=default}`, and builtins such as `read` and `shift`.

use tree_sitter::Node;

use crate::model::Span;

use super::child_table::ChildTable;
use super::expansion::{Parameter, ParameterExpansion};
use super::frame::{Frame, Positional, Var};
use super::resolve::Resolver;
use super::syntax::{FIELDS, field_child, kind, node_span, span_text};
use super::word::{Word, append_unmerged};

/// Applies `NAME=value`, `NAME+=value`, `arr=(a b)`, `arr+=(c)` or
/// `arr[2]=x`.
pub fn apply_assignment<'t>(node: Node<'t>, text: &str, table: &ChildTable<'t>, frame: &mut Frame) {
    if let Some(target) = field_child(node, FIELDS.name).filter(|t| kind(*t) == "subscript") {
        let new = new_value(node, text, table, frame);
        assign_element(target, text, frame, new);
        return;
    }
    if let Some((name, value)) = assigned_value(node, text, table, frame) {
        frame.set(&name, value);
    }
}

/// Returns the variable that `NAME=value`, `NAME+=value` or `arr=(a b)`
/// sets and the value it gets, resolved against `frame`. Returns `None`
/// for an element assignment such as `arr[2]=x`.
pub fn assigned_value<'t>(
    node: Node<'t>,
    text: &str,
    table: &ChildTable<'t>,
    frame: &Frame,
) -> Option<(String, Var)> {
    let target = field_child(node, FIELDS.name)?;
    if kind(target) == "subscript" {
        return None;
    }
    let new = new_value(node, text, table, frame);
    let name = span_text(text, node_span(target));
    let combined = match frame.take(name) {
        Some(old) if is_append(node, table) => appended(old, new),
        _ => new,
    };
    Some((name.to_string(), combined))
}

/// True for `NAME+=value`.
pub fn is_append<'t>(node: Node<'t>, table: &ChildTable<'t>) -> bool {
    table
        .children(node)
        .iter()
        .any(|child| kind(*child) == "+=")
}

/// Resolves the right side of an assignment.
fn new_value<'t>(node: Node<'t>, text: &str, table: &ChildTable<'t>, frame: &Frame) -> Var {
    let resolver = Resolver::new(text, frame, table);
    match field_child(node, FIELDS.value) {
        // NAME=
        None => Var::Scalar(Word::literal("", node_span(node))),
        // args=(-d "a=1" --data-urlencode 'b=2')
        Some(value) if kind(value) == "array" => {
            let elements = table
                .children(value)
                .iter()
                .filter(|element| element.is_named())
                .flat_map(|element| resolver.words(*element))
                .collect();
            Var::Array(elements)
        }
        Some(value) => Var::Scalar(resolver.scalar(value)),
    }
}

/// Joins `old` and the value of `+=`.
fn appended(old: Var, new: Var) -> Var {
    match (old, new) {
        (Var::Scalar(mut old), Var::Scalar(new)) => {
            append_unmerged(&mut old.template, &new.template);
            old.deps |= new.deps;
            Var::Scalar(old)
        }
        // local args; args+=(-d x): an empty declaration is no element.
        (Var::Scalar(old), Var::Array(new)) if old.as_literal().is_some_and(|t| t.is_empty()) => {
            Var::Array(new)
        }
        (Var::Scalar(old), Var::Array(new)) => {
            Var::Array(std::iter::once(old).chain(new).collect())
        }
        (Var::Array(mut old), Var::Array(new)) => {
            old.extend(new);
            Var::Array(old)
        }
        // arr+=x appends to the first element.
        (Var::Array(mut old), Var::Scalar(new)) => {
            match old.first_mut() {
                Some(first) => {
                    append_unmerged(&mut first.template, &new.template);
                    first.deps |= new.deps;
                }
                None => old.push(new),
            }
            Var::Array(old)
        }
        (Var::UnknownArray(description), _) => Var::UnknownArray(description),
        (Var::Unset, new) => new,
        (_, Var::UnknownArray(description)) => Var::UnknownArray(description),
        (_, Var::Unset) => Var::Unset,
    }
}

/// Applies `arr[2]=x`. An index that is not a number, as in `arr[$i]=x`,
/// makes the array unknown; an associative array (`map[key]=x`) is not
/// tracked.
fn assign_element(target: Node, text: &str, frame: &mut Frame, value: Var) {
    let Some(name) = field_child(target, FIELDS.name) else {
        return;
    };
    let name = span_text(text, node_span(name));
    let index = field_child(target, FIELDS.index)
        .map(|index| span_text(text, node_span(index)))
        .unwrap_or("");
    let Var::Scalar(value) = value else {
        return;
    };
    let Ok(index) = index.parse::<usize>() else {
        if index.contains('$') {
            frame.set(name, Var::UnknownArray(format!("${{{name}[@]}}")));
        }
        return;
    };
    let mut elements = match frame.take(name) {
        Some(Var::Array(elements)) => elements,
        Some(Var::Scalar(first)) => vec![first],
        Some(Var::UnknownArray(description)) => {
            frame.set(name, Var::UnknownArray(description));
            return;
        }
        Some(Var::Unset) | None => Vec::new(),
    };
    // Bash arrays may be sparse; a gap is closed up here.
    match elements.get_mut(index) {
        Some(slot) => *slot = value,
        None => elements.push(value),
    }
    frame.set(name, Var::Array(elements));
}

/// Applies the bare names of `local X` or `declare -a args`: inside a
/// function they start out empty and hide the caller's value.
pub fn apply_declaration<'t>(
    node: Node<'t>,
    text: &str,
    table: &ChildTable<'t>,
    frame: &mut Frame,
) {
    let parts = table.children(node);
    let Some(keyword) = parts.first().map(|child| kind(*child)) else {
        return;
    };
    let local = matches!(keyword, "local" | "declare" | "typeset") && frame.in_function;
    if !local {
        return;
    }
    let array = parts.iter().any(|part| {
        kind(*part) == "word" && {
            let flags = span_text(text, node_span(*part));
            flags.starts_with('-') && flags.contains(['a', 'A'])
        }
    });
    for part in parts.iter().filter(|part| kind(**part) == "variable_name") {
        let name = span_text(text, node_span(*part));
        let empty = if array {
            Var::Array(Vec::new())
        } else {
            Var::Scalar(Word::literal("", node_span(*part)))
        };
        frame.set(name, empty);
    }
}

/// Maximum number of literal words of a `for` loop kept as the values of its variable.
const MAX_LOOP_VALUES: usize = 8;

/// Sets the variable of `for action in add update` to each of its literal
/// words, one value per path. Any other list, as in `for host in $HOSTS`
/// or `select x in ...`, makes it unknown.
pub fn apply_loop_variable<'t>(
    node: Node<'t>,
    text: &str,
    table: &ChildTable<'t>,
    frame: &mut Frame,
) {
    let values = loop_values(node, text, table, frame);
    for variable in table.field_children(node, FIELDS.variable) {
        let name = span_text(text, node_span(variable));
        match &values {
            Some(values) => frame.assign(name, values.clone(), None),
            None => set_unknown(frame, name, node_span(variable)),
        }
    }
}

/// Returns the literal words a `for` loop runs over, or `None` when one is
/// not literal, there are none, or there are too many to keep apart.
fn loop_values<'t>(
    node: Node<'t>,
    text: &str,
    table: &ChildTable<'t>,
    frame: &Frame,
) -> Option<Vec<Var>> {
    if kind(node) != "for_statement" {
        return None;
    }
    let parts: Vec<Node> = table.field_children(node, FIELDS.value).collect();
    let words = Resolver::new(text, frame, table).all_words(&parts);
    let literal = words.iter().all(|word| word.as_literal().is_some());
    if words.is_empty() || words.len() > MAX_LOOP_VALUES || !literal {
        return None;
    }
    Some(words.into_iter().map(Var::Scalar).collect())
}

/// Makes the counters of `for ((i = 0; i < n; i++))` unknown.
pub fn apply_arithmetic_loop<'t>(
    node: Node<'t>,
    text: &str,
    table: &ChildTable<'t>,
    frame: &mut Frame,
) {
    for initializer in table.field_children(node, FIELDS.initializer) {
        if let Some(name) = field_child(initializer, FIELDS.name) {
            set_unknown(frame, span_text(text, node_span(name)), node_span(name));
        }
    }
}

/// Applies `${VAR:=default}` and `${VAR=default}`, which assign the
/// default when VAR is unset (or, with the colon, empty).
pub fn apply_default_assignment<'t>(
    node: Node<'t>,
    text: &'t str,
    table: &ChildTable<'t>,
    frame: &mut Frame,
) {
    let Some(expansion) = ParameterExpansion::parse(node, text, table) else {
        return;
    };
    let (Parameter::Named(name), Some(operator)) = (&expansion.parameter, expansion.operator)
    else {
        return;
    };
    if operator != ":=" && operator != "=" {
        return;
    }
    let needs_default = match frame.get(name) {
        None => true,
        Some(Var::Scalar(word)) => {
            operator == ":=" && word.as_literal().is_some_and(|text| text.is_empty())
        }
        Some(_) => false,
    };
    if !needs_default {
        return;
    }
    let value = Resolver::new(text, frame, table).scalar_between(
        &expansion.operands,
        expansion.operand_span.start,
        expansion.operand_span.end,
        0,
    );
    frame.set(name, Var::Scalar(value));
}

/// Maximum number of nodes of a function body searched for the variables it assigns.
const MAX_SEARCHED_NODES: usize = 4096;

/// Names the variables that a function body assigns and does not declare
/// `local`: those a call of it may change for the caller. Assignments of
/// `NAME=value`, `NAME+=value` and `arr[i]=x` count, and the names that
/// `read`, `mapfile`, `readarray`, `getopts` and `printf -v` set.
// NOTE: functions that the body calls are not searched, so a change made
// two calls deep is missed.
pub fn assigned_globals<'t>(body: Node<'t>, text: &str, table: &ChildTable<'t>) -> Vec<String> {
    let mut assigned = Vec::new();
    let mut local = Vec::new();
    let mut stack = vec![body];
    let mut searched = 0;
    while let Some(node) = stack.pop() {
        searched += 1;
        if searched > MAX_SEARCHED_NODES {
            break;
        }
        let children = table.children(node);
        match kind(node) {
            "variable_assignment" => assigned.extend(assigned_name(node, text)),
            "declaration_command" => local.extend(declared_names(&children, text)),
            "command" => assigned.extend(builtin_targets(node, text, table)),
            _ => {}
        }
        stack.extend(children.iter().copied());
    }
    assigned.retain(|name| !local.contains(name));
    assigned.sort();
    assigned.dedup();
    assigned
}

fn assigned_name(node: Node, text: &str) -> Option<String> {
    let target = field_child(node, FIELDS.name)?;
    let name = match kind(target) {
        "subscript" => field_child(target, FIELDS.name)?,
        _ => target,
    };
    Some(span_text(text, node_span(name)).to_string())
}

/// Names declared by `local`, `declare` or `typeset`, which inside a
/// function make a variable of the function's own.
fn declared_names(parts: &[Node], text: &str) -> Vec<String> {
    let keyword = parts.first().map(|part| kind(*part));
    if !matches!(keyword, Some("local" | "declare" | "typeset")) {
        return Vec::new();
    }
    parts
        .iter()
        .filter_map(|part| match kind(*part) {
            "variable_name" => Some(*part),
            "variable_assignment" => field_child(*part, FIELDS.name),
            _ => None,
        })
        .map(|name| span_text(text, node_span(name)).to_string())
        .collect()
}

/// Names the variables a builtin such as `read -r EXTRA` sets, read from
/// its literal arguments.
fn builtin_targets<'t>(node: Node<'t>, text: &str, table: &ChildTable<'t>) -> Vec<String> {
    let words: Vec<&str> = table
        .field_children(node, FIELDS.name)
        .chain(table.field_children(node, FIELDS.argument))
        .map(|part| span_text(text, node_span(part)))
        .collect();
    let Some((command, arguments)) = words.split_first() else {
        return Vec::new();
    };
    let targets: Vec<&str> = match *command {
        "read" | "mapfile" | "readarray" => arguments.to_vec(),
        "getopts" => arguments.get(1).copied().into_iter().collect(),
        "printf" if arguments.first() == Some(&"-v") => {
            arguments.get(1).copied().into_iter().collect()
        }
        _ => Vec::new(),
    };
    targets
        .into_iter()
        .filter(|word| !word.is_empty())
        .filter(|word| word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .map(str::to_string)
        .collect()
}

/// True for the builtins that `apply_builtin` reads. It ignores any other
/// command name.
pub fn is_applied_builtin(name: &str) -> bool {
    matches!(
        name,
        "read" | "mapfile" | "readarray" | "printf" | "getopts" | "shift" | "set"
    )
}

/// Applies builtins that set variables or positional parameters. Keep
/// `is_applied_builtin` in step with the names matched here.
pub fn apply_builtin(name: &str, arguments: &[Word], frame: &mut Frame) {
    match name {
        // while read -r host; do ...
        "read" => read_names(arguments, frame),
        // mapfile -t hosts < hosts.txt
        "mapfile" | "readarray" => {
            let names = names_after_options(arguments, "dnOsuCc");
            let name = names.last().cloned().unwrap_or_else(|| "MAPFILE".into());
            let array = Var::UnknownArray(format!("${{{name}[@]}}"));
            set_by_builtin(frame, &name, array, "mapfile");
        }
        // printf -v stamp '%(%F)T'
        "printf" => match arguments {
            [flag, variable, ..] if flag.as_literal().as_deref() == Some("-v") => {
                set_read_word(frame, variable, "printf -v");
            }
            _ => {}
        },
        // getopts "u:p:" opt
        "getopts" => {
            if let Some(variable) = arguments.get(1) {
                set_read_word(frame, variable, "getopts");
            }
        }
        // shift, shift 2
        "shift" => {
            let count = arguments
                .first()
                .and_then(|word| word.as_literal())
                .and_then(|text| text.parse().ok())
                .unwrap_or(1);
            frame.shift(count);
        }
        // set -- "$@" extra
        "set" => {
            let end_of_options = |word: &Word| word.as_literal().as_deref() == Some("--");
            if let Some(at) = arguments.iter().position(end_of_options) {
                frame.positional = Positional::Bound(arguments[at + 1..].to_vec());
            }
        }
        _ => {}
    }
}

/// Makes the variable that `word` names unknown, when the name is known.
fn set_read_word(frame: &mut Frame, word: &Word, builtin: &str) {
    if let Some(name) = word.as_literal() {
        set_read(frame, &name, word.span, builtin);
    }
}

/// Makes a variable that a builtin such as `read` sets unknown. A value the
/// script gave it before may have been a fragment of a request, as
/// `EXTRA=""` in `curl -d "ips=1.2.3.4$EXTRA"`. What the builtin reads could
/// then carry parameters, so the new value is marked as maybe changed, and
/// requests that use it become uncertain.
fn set_read(frame: &mut Frame, name: &str, span: Span, builtin: &str) {
    if is_variable_name(name) {
        let unknown = Var::Scalar(Word::unknown(format!("${name}"), span));
        set_by_builtin(frame, name, unknown, builtin);
    }
}

fn set_by_builtin(frame: &mut Frame, name: &str, var: Var, builtin: &str) {
    let changed = frame
        .get(name)
        .is_some()
        .then(|| format!("${name} after {builtin}"));
    frame.assign(name, vec![var], changed);
}

fn is_variable_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `read [-ers] [-a array] [-d delim] [-p prompt] ... name ...`, with
/// clusters such as `-ra hosts`.
fn read_names(arguments: &[Word], frame: &mut Frame) {
    let mut index = 0;
    let mut names = Vec::new();
    let mut array = None;
    while let Some(word) = arguments.get(index) {
        index += 1;
        let text = word.as_literal().unwrap_or_default();
        let Some(letters) = text.strip_prefix('-').filter(|letters| !letters.is_empty()) else {
            names.push((text, word.span));
            continue;
        };
        for (at, letter) in letters.char_indices() {
            if !"adinNptu".contains(letter) {
                continue;
            }
            let rest = &letters[at + letter.len_utf8()..];
            let argument = if rest.is_empty() {
                index += 1;
                arguments.get(index - 1).and_then(Word::as_literal)
            } else {
                Some(rest.to_string())
            };
            if letter == 'a' {
                array = argument;
            }
            break;
        }
    }
    if let Some(array) = array {
        let unknown = Var::UnknownArray(format!("${{{array}[@]}}"));
        set_by_builtin(frame, &array, unknown, "read");
    } else if names.is_empty() {
        names.push(("REPLY".to_string(), Span::default()));
    }
    for (name, span) in names {
        set_read(frame, &name, span, "read");
    }
}

fn names_after_options(arguments: &[Word], with_argument: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut index = 0;
    while let Some(word) = arguments.get(index) {
        let text = word.as_literal().unwrap_or_default();
        if text.starts_with('-') {
            index += if takes_argument(&text, with_argument) {
                2
            } else {
                1
            };
            continue;
        }
        names.push(text);
        index += 1;
    }
    names
}

/// True for a single-letter option such as `-d` whose letter is in
/// `letters`.
fn takes_argument(option: &str, letters: &str) -> bool {
    option
        .strip_prefix('-')
        .is_some_and(|letter| letter.len() == 1 && letters.contains(letter))
}

fn set_unknown(frame: &mut Frame, name: &str, span: Span) {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return;
    }
    frame.set(name, Var::Scalar(Word::unknown(format!("${name}"), span)));
}
