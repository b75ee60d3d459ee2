//! String literals and how the script uses them: as a substring to look
//! for, a regular expression, or a value compared for equality. The rule
//! on the error texts that AGMS replaced tests each literal against them.
//!
//! Literals in `print(...)` and logging calls are messages, not tests, and
//! are skipped. Docstrings and other bare strings match no use below.

use tree_sitter::Node;

use super::fields::{FIELD, children_in_field};
use super::index::{FileIndex, StringRecord};
use super::literal::{is_string, literal_value};
use super::resolve::{Ctx, Resolver};
use super::skips;
use super::syntax::{
    Arg, Callee, call_args, callee_parts, find_arg, first_arg, kind, named_children, node_text,
    span_of, unparenthesize,
};
use super::value::{Object, Val};
use crate::model::{StringUse, StringUseKind};

/// Methods of `str` whose first argument is looked for as a substring,
/// including those that split or replace at it: `xml.split("<DOMAIN>")`.
const SUBSTRING_METHODS: &[&str] = &[
    "find",
    "rfind",
    "index",
    "rindex",
    "startswith",
    "endswith",
    "count",
    "split",
    "rsplit",
    "partition",
    "rpartition",
    "replace",
];

/// Methods of ElementTree and lxml elements whose first argument is a path
/// expression, such as `root.find(".//ASSET_GROUP[TITLE='All']")`. The
/// expression is kept whole as a substring use, so that rules can read the
/// predicates in it.
const XPATH_METHODS: &[&str] = &["find", "findall", "findtext", "iterfind", "xpath"];

/// Methods that make a comparison case-insensitive: `text.lower() == x`.
const CASE_FOLDING_METHODS: &[&str] = &["lower", "casefold", "upper"];

/// Functions of `re` that take a pattern first, with the position of their
/// `flags` parameter.
const REGEX_FUNCTIONS: &[(&str, usize)] = &[
    ("search", 2),
    ("match", 2),
    ("fullmatch", 2),
    ("findall", 2),
    ("finditer", 2),
    ("compile", 1),
    ("sub", 4),
    ("subn", 4),
    ("split", 3),
];

pub(super) fn collect_string_uses(index: &FileIndex<'_>) -> Vec<StringUse> {
    let mut resolver = Resolver::new(index);
    let mut uses = Vec::new();
    for record in index.strings.iter().filter(|record| !record.in_output_call) {
        let Some((kind, case_insensitive)) = classify(record, index, &mut resolver) else {
            continue;
        };
        let Some(text) = literal_value(record.node, index.source) else {
            continue;
        };
        uses.push(StringUse {
            text,
            kind,
            case_insensitive,
            span: span_of(record.node),
        });
    }
    uses.extend(patterns_held_in_names(index, &mut resolver));
    uses
}

fn classify<'t>(
    record: &StringRecord<'t>,
    index: &FileIndex<'t>,
    resolver: &mut Resolver<'_, 't>,
) -> Option<(StringUseKind, bool)> {
    let first = *record.ancestors.first()?;
    // `x in ("a", "b")`, `text.startswith(("a", "b"))`, `ERRORS = ["a", "b"]`
    let in_container = matches!(kind(first), "tuple" | "list" | "set");
    let offset = usize::from(in_container);
    let child = if in_container { first } else { record.node };
    let parent = *record.ancestors.get(offset)?;
    match kind(parent) {
        "comparison_operator" => comparison_use(parent, child, in_container, index.source),
        // `SCOPE_ERROR = "One or more IPs are not assigned to this user"`
        "assignment" => {
            let right = unparenthesize(parent.child_by_field_id(FIELD.right)?);
            (right.id() == child.id()).then_some((StringUseKind::Substring, false))
        }
        "argument_list" => {
            let call = *record.ancestors.get(offset + 1)?;
            call_use(call, child, record.scope, index, resolver)
        }
        // `groups_by_title["All"]` compares the key with each key of a dict.
        "subscript" if !in_container => subscript_use(parent, child, record),
        // `re.search(pattern="...", string=text)`
        "keyword_argument" => {
            let name = parent.child_by_field_id(FIELD.name)?;
            if node_text(name, index.source) != "pattern" {
                return None;
            }
            let call = *record.ancestors.get(offset + 2)?;
            regex_use(call, record.scope, index, resolver)
        }
        _ => None,
    }
}

/// Returns an equality use for a literal key read from a subscript. A key
/// that is stored or deleted, as in `ids["All"] = group_id`, is not looked
/// up.
fn subscript_use(
    subscript: Node,
    child: Node,
    record: &StringRecord,
) -> Option<(StringUseKind, bool)> {
    let key = subscript.child_by_field_id(FIELD.subscript)?;
    if unparenthesize(key).id() != child.id() {
        return None;
    }
    let written = record.ancestors.get(1).is_some_and(|statement| {
        let target = match kind(*statement) {
            "assignment" | "augmented_assignment" => statement.child_by_field_id(FIELD.left),
            "delete_statement" => statement.named_child(0),
            _ => None,
        };
        target.is_some_and(|target| target.id() == subscript.id())
    });
    (!written).then_some((StringUseKind::Equality, false))
}

// `"already exists" in text`, `status == "FAILED"`, `title.lower() != "all"`
fn comparison_use(
    comparison: Node,
    child: Node,
    in_container: bool,
    source: &str,
) -> Option<(StringUseKind, bool)> {
    let operands = named_children(comparison);
    let [left, right] = operands.as_slice() else {
        return None;
    };
    let operators = children_in_field(comparison, FIELD.operators);
    let [operator] = operators.as_slice() else {
        return None;
    };
    let child_is_left = unparenthesize(*left).id() == child.id();
    let other = if child_is_left { *right } else { *left };
    let case_insensitive = is_case_folded(other, source);
    let kind = match node_text(*operator, source) {
        "in" | "not in" if child_is_left && !in_container => {
            return Some((StringUseKind::Substring, case_insensitive));
        }
        // `title in ("All", "ALL")` compares with each item.
        "in" if !child_is_left && in_container => StringUseKind::Equality,
        "not in" if !child_is_left && in_container => StringUseKind::Inequality,
        "==" if !in_container => StringUseKind::Equality,
        "!=" if !in_container => StringUseKind::Inequality,
        _ => return None,
    };
    Some((skips::effective_kind(comparison, kind), case_insensitive))
}

// `text.find("x")`, `body.startswith(("a", "b"))`, `re.search("x", text, re.I)`,
// `tree.xpath("//ASSET_GROUP[TITLE='All']")`
fn call_use<'t>(
    call: Node<'t>,
    child: Node<'t>,
    scope: usize,
    index: &FileIndex<'t>,
    resolver: &mut Resolver<'_, 't>,
) -> Option<(StringUseKind, bool)> {
    // Only the first argument is read, because a literal in each of
    // thousands of arguments would otherwise read them all each time.
    let first = match first_arg(call, index.source) {
        Some(Arg::Positional(first)) => unparenthesize(first),
        _ => return None,
    };
    if first.id() != child.id() {
        return None;
    }
    let (receiver, name) = callee_parts(call, index.source)?;
    // `re.split(...)` and `re.findall(...)` are regex functions, not
    // `str.split` or an element's `findall`, so a receiver that is the `re`
    // module goes on to the regex check.
    let is_text_method = SUBSTRING_METHODS.contains(&name) || XPATH_METHODS.contains(&name);
    if let Some(receiver) = receiver.filter(|_| is_text_method)
        && !is_regex_module(receiver, call, scope, resolver)
    {
        let case_insensitive = is_case_folded(receiver, index.source);
        return Some((StringUseKind::Substring, case_insensitive));
    }
    if kind(child) != "string" && kind(child) != "concatenated_string" {
        return None;
    }
    regex_use(call, scope, index, resolver)
}

fn is_regex_module<'t>(
    receiver: Node<'t>,
    call: Node<'t>,
    scope: usize,
    resolver: &mut Resolver<'_, 't>,
) -> bool {
    let value = resolver.resolve_untracked(receiver, Ctx::at(scope, call));
    value == Val::Object(Object::Module("re".to_string()))
}

/// Decides whether `call` is a `re` function and whether it ignores case.
fn regex_use<'t>(
    call: Node<'t>,
    scope: usize,
    index: &FileIndex<'t>,
    resolver: &mut Resolver<'_, 't>,
) -> Option<(StringUseKind, bool)> {
    let flags_position = regex_flags_position(call, scope, resolver)?;
    let args = call_args(call, index.source);
    let pattern = find_arg(&args, Some(0), "pattern")?;
    let flags_ignore_case = find_arg(&args, Some(flags_position), "flags")
        .is_some_and(|flags| flags_ignore_case(node_text(flags, index.source)));
    let inline_ignore_case =
        literal_value(pattern, index.source).is_some_and(|text| inline_flags_ignore_case(&text));
    Some((
        StringUseKind::Regex,
        flags_ignore_case || inline_ignore_case,
    ))
}

/// Returns the position of the `flags` parameter when `call` is one of the
/// `re` functions, under any import alias.
fn regex_flags_position<'t>(
    call: Node<'t>,
    scope: usize,
    resolver: &mut Resolver<'_, 't>,
) -> Option<usize> {
    resolver.reset(Vec::new());
    let function = call.child_by_field_id(FIELD.function)?;
    let Val::Object(Object::Module(path)) =
        resolver.resolve_untracked(function, Ctx::at(scope, call))
    else {
        return None;
    };
    let name = path.strip_prefix("re.")?;
    REGEX_FUNCTIONS
        .iter()
        .find(|(function, _)| *function == name)
        .map(|(_, position)| *position)
}

/// `re.I`, `re.IGNORECASE | re.M`, or `I` imported from `re`.
fn flags_ignore_case(flags: &str) -> bool {
    flags
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .any(|token| token == "I" || token == "IGNORECASE")
}

/// Returns true for a pattern that starts with inline flags that ignore
/// case, such as `(?i)` or `(?mi:...)`.
fn inline_flags_ignore_case(pattern: &str) -> bool {
    let Some(rest) = pattern.strip_prefix("(?") else {
        return false;
    };
    rest.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .any(|c| c == 'i')
}

fn is_case_folded(node: Node, source: &str) -> bool {
    let node = unparenthesize(node);
    if kind(node) != "call" {
        return false;
    }
    callee_parts(node, source)
        .is_some_and(|(receiver, name)| receiver.is_some() && CASE_FOLDING_METHODS.contains(&name))
}

/// Finds patterns written once and used by name:
/// `PATTERN = r"..."` then `re.search(PATTERN, text)`.
fn patterns_held_in_names<'t>(
    index: &FileIndex<'t>,
    resolver: &mut Resolver<'_, 't>,
) -> Vec<StringUse> {
    let mut uses = Vec::new();
    for call in &index.calls {
        let Some(Callee { name, .. }) = call.callee else {
            continue;
        };
        if !REGEX_FUNCTIONS
            .iter()
            .any(|(function, _)| *function == name)
        {
            continue;
        }
        let args = call_args(call.node, index.source);
        let Some(pattern) =
            find_arg(&args, Some(0), "pattern").filter(|pattern| kind(*pattern) == "identifier")
        else {
            continue;
        };
        let Some((_, case_insensitive)) = regex_use(call.node, call.scope, index, resolver) else {
            continue;
        };
        let ctx = Ctx::at(call.scope, call.node);
        let Some(literal) = resolver
            .bound_value_node(pattern, ctx)
            .filter(|value| is_string(*value))
        else {
            continue;
        };
        let Some(text) = literal_value(literal, index.source) else {
            continue;
        };
        let case_insensitive = case_insensitive || inline_flags_ignore_case(&text);
        uses.push(StringUse {
            text,
            kind: StringUseKind::Regex,
            case_insensitive,
            span: span_of(literal),
        });
    }
    uses
}

#[cfg(test)]
mod tests {
    use super::super::test_support::extract;
    use crate::model::{StringUse, StringUseKind};

    const OLD: &str = "One or more IPs are not assigned to this user";

    fn uses_of(source: &str, text: &str) -> Vec<StringUse> {
        extract(source)
            .string_uses
            .into_iter()
            .filter(|string_use| string_use.text == text)
            .collect()
    }

    fn only_use(source: &str, text: &str) -> StringUse {
        let uses = uses_of(source, text);
        assert_eq!(
            uses.len(),
            1,
            "expected one use of {text:?} in:\n{source}\nfound {uses:#?}"
        );
        uses.into_iter().next().unwrap()
    }

    #[test]
    fn substring_tests() {
        let sources = [
            format!("if '{OLD}' in text:\n    pass\n"),
            format!("if '{OLD}' not in text:\n    pass\n"),
            format!("text.find('{OLD}')\n"),
            format!("text.startswith('{OLD}')\n"),
            format!("text.endswith(('{OLD}', 'other'))\n"),
            format!("text.count('{OLD}')\n"),
            format!("text.split('{OLD}')\n"),
            format!("text.partition('{OLD}')\n"),
            format!("text.replace('{OLD}', '')\n"),
            format!("SCOPE_ERROR = '{OLD}'\n"),
            format!("ERRORS = ['{OLD}', 'other']\n"),
        ];
        for source in sources {
            let string_use = only_use(&source, OLD);
            assert_eq!(
                string_use.kind,
                StringUseKind::Substring,
                "source:\n{source}"
            );
            assert!(!string_use.case_insensitive, "source:\n{source}");
        }
    }

    #[test]
    fn substring_of_lowered_text_is_case_insensitive() {
        let source = "if 'already exists' in response.text.lower():\n    pass\nresponse.text.casefold().find('x')\n";
        assert!(only_use(source, "already exists").case_insensitive);
        assert!(only_use(source, "x").case_insensitive);
    }

    #[test]
    fn regex_patterns_and_flags() {
        let cases = [
            ("import re\nre.search(r'not assigned\\s+to', text)\n", false),
            (
                "import re\nre.match('not assigned\\\\s+to', text, re.I)\n",
                true,
            ),
            (
                "import re\nre.compile(r'not assigned\\s+to', flags=re.IGNORECASE | re.M)\n",
                true,
            ),
            (
                "import re as regex\nregex.sub(r'not assigned\\s+to', '', text, 0, regex.I)\n",
                true,
            ),
            (
                "from re import fullmatch, I\nfullmatch(r'not assigned\\s+to', text, I)\n",
                true,
            ),
            (
                "import re\nre.split(pattern=r'not assigned\\s+to', string=text)\n",
                false,
            ),
        ];
        for (source, case_insensitive) in cases {
            let string_use = only_use(source, r"not assigned\s+to");
            assert_eq!(string_use.kind, StringUseKind::Regex, "source:\n{source}");
            assert_eq!(
                string_use.case_insensitive, case_insensitive,
                "source:\n{source}"
            );
        }
    }

    #[test]
    fn inline_ignore_case_flag() {
        let source = "import re\nre.findall(r'(?i)not assigned', text)\n";
        let string_use = only_use(source, "(?i)not assigned");
        assert_eq!(string_use.kind, StringUseKind::Regex);
        assert!(string_use.case_insensitive);
    }

    #[test]
    fn regex_held_in_a_name() {
        let source = "import re\nPATTERN = r'title .* already exists'\nif re.search(PATTERN, text, re.I):\n    pass\n";
        let uses = uses_of(source, "title .* already exists");
        let kinds: Vec<_> = uses
            .iter()
            .map(|string_use| (string_use.kind, string_use.case_insensitive))
            .collect();
        assert!(kinds.contains(&(StringUseKind::Regex, true)), "{uses:#?}");
        assert!(
            kinds.contains(&(StringUseKind::Substring, false)),
            "{uses:#?}"
        );
    }

    #[test]
    fn equality_comparisons() {
        let source = "if title == 'All':\n    pass\nif 'All' == group['TITLE']:\n    pass\nif name.lower() == 'all':\n    pass\nif t in ('ALL', 'All'):\n    pass\n";
        assert_eq!(
            uses_of(source, "All").len(),
            3,
            "{:#?}",
            uses_of(source, "All")
        );
        for string_use in uses_of(source, "All") {
            assert_eq!(string_use.kind, StringUseKind::Equality);
        }
        let lowered = only_use(source, "all");
        assert_eq!(lowered.kind, StringUseKind::Equality);
        assert!(lowered.case_insensitive);
    }

    #[test]
    fn tests_that_skip_a_value_are_inequalities() {
        let sources = [
            "if 'All' != group['TITLE']:\n    pass\n",
            "ids = [g for g in groups if g['TITLE'] not in ('All', 'Other')]\n",
            "for g in groups:\n    if g['TITLE'] == 'All':\n        continue\n    use(g)\n",
            "for g in groups:\n    if g['TITLE'] == 'All': continue\n",
            "for g in groups:\n    if x:\n        pass\n    elif g['TITLE'] == 'All':\n        continue\n",
            "if not (title == 'All'):\n    use(title)\n",
        ];
        for source in sources {
            let string_use = only_use(source, "All");
            assert_eq!(
                string_use.kind,
                StringUseKind::Inequality,
                "source:\n{source}"
            );
        }
    }

    #[test]
    fn tests_whose_match_is_used_stay_equalities() {
        let sources = [
            "for g in groups:\n    if g['TITLE'] == 'All':\n        all_id = g['ID']\n",
            "for g in groups:\n    if g['TITLE'] == 'All':\n        all_id = g['ID']\n        continue\n",
            "for g in groups:\n    if g['TITLE'] != 'All':\n        continue\n    all_id = g['ID']\n",
            "if not title != 'All':\n    use(title)\n",
            "found = title == 'All' or fallback\n",
        ];
        for source in sources {
            let string_use = only_use(source, "All");
            assert_eq!(
                string_use.kind,
                StringUseKind::Equality,
                "source:\n{source}"
            );
        }
    }

    #[test]
    fn subscript_keys_that_are_read_are_equalities() {
        let read = [
            "all_id = ids_by_title['All']\n",
            "scan(targets=ids_by_title['All'])\n",
            "launch(ids_by_title[('All')])\n",
        ];
        for source in read {
            let string_use = only_use(source, "All");
            assert_eq!(
                string_use.kind,
                StringUseKind::Equality,
                "source:\n{source}"
            );
        }
        let written = [
            "ids_by_title['All'] = group_id\n",
            "counts['All'] += 1\n",
            "del ids_by_title['All']\n",
        ];
        for source in written {
            let uses = uses_of(source, "All");
            assert!(uses.is_empty(), "source:\n{source}\nfound {uses:#?}");
        }
    }

    #[test]
    fn xpath_arguments_are_substring_uses() {
        let path = "//ASSET_GROUP[TITLE='All']/ID";
        let calls = ["xpath", "find", "findall", "findtext", "iterfind"];
        for call in calls {
            let source = format!("ids = root.{call}(\"{path}\")\n");
            let string_use = only_use(&source, path);
            assert_eq!(
                string_use.kind,
                StringUseKind::Substring,
                "source:\n{source}"
            );
        }
        for function in ["findall", "split"] {
            let source = format!("import re\nre.{function}(r'<ID>(\\d+)</ID>', text)\n");
            let regex = only_use(&source, r"<ID>(\d+)</ID>");
            assert_eq!(regex.kind, StringUseKind::Regex, "source:\n{source}");
        }
    }

    #[test]
    fn span_is_the_literal() {
        let source = format!("x = 1\nif '{OLD}' in text:\n    pass\n");
        let string_use = only_use(&source, OLD);
        assert_eq!(
            &source[string_use.span.start..string_use.span.end],
            format!("'{OLD}'")
        );
    }

    #[test]
    fn concatenated_literal_is_one_use() {
        let source = "MESSAGE = ('One or more IPs are '\n           'not assigned to this user')\n";
        assert_eq!(only_use(source, OLD).kind, StringUseKind::Substring);
    }

    #[test]
    fn messages_docstrings_and_fields_are_not_uses() {
        let source = format!(
            "\"\"\"Handles '{OLD}'.\"\"\"\n\
             import logging\n\
             log = logging.getLogger(__name__)\n\
             def f(text, user):\n\
             \x20   \"\"\"{OLD}\"\"\"\n\
             \x20   print('{OLD}' in text)\n\
             \x20   log.error('{OLD}')\n\
             \x20   logging.warning('%s', '{OLD}')\n\
             \x20   self_check = f'{OLD} {{user}}' in text\n\
             \x20   '{OLD}'\n"
        );
        let uses = extract(&source).string_uses;
        assert!(
            uses.iter()
                .all(|string_use| !string_use.text.contains("not assigned")),
            "{uses:#?}"
        );
    }
}
