//! Reaching assignments: the assignments of a name that can reach a use. A branch is identified by
//! the start byte of its block or clause, as the index walk records it in
//! [`Binding::branches`]. An assignment on a branch that does not enclose
//! the use does not hide the assignments before it, unless every branch
//! of an `if`/`else` chain or of a `try` body and its handlers assigns.

use std::collections::{HashMap, HashSet};

use tree_sitter::Node;

use super::index::FileIndex;
use super::roles::{Role, role};
use super::scopes::{Binding, ScopeId};
use super::syntax::kind;

/// Maximum number of assignments joined for one use. A name assigned in
/// more branches than this is read as unknown, which bounds the work on
/// generated code with long `if`/`elif` chains.
pub(super) const MAX_REACHING: usize = 16;

/// The statement a branch belongs to, keyed by the branch's id.
#[derive(Clone, Debug, Default)]
pub(super) struct BranchStatements {
    /// For each branch: the start byte of its `if`, `try`, loop or
    /// `match` statement.
    statement_of: HashMap<usize, usize>,
    /// For an `if` with an `else`, or a `try` with handlers: the ids of the
    /// branches one of which runs whenever the statement completes.
    exhaustive: HashMap<usize, Vec<usize>>,
    /// The statements already examined, so that each is read once, however
    /// many arms it has.
    examined: HashSet<usize>,
}

impl BranchStatements {
    /// Records the branch that starts at `branch`.
    pub(super) fn record(&mut self, branch: Node) {
        let Some(statement) = branch_statement(branch) else {
            return;
        };
        let start = statement.start_byte();
        self.statement_of.insert(branch.start_byte(), start);
        if self.examined.insert(start)
            && let Some(arms) = exhaustive_arms(statement)
        {
            self.exhaustive.insert(start, arms);
        }
    }
}

/// Returns the statement whose branch `branch` is: the parent of a block or
/// clause, or for a `case` clause the `match` statement above its block.
fn branch_statement(branch: Node) -> Option<Node> {
    let parent = branch.parent()?;
    match kind(parent) {
        "block" => parent.parent(),
        _ => Some(parent),
    }
}

/// Returns the branches of `statement` one of which runs on every path
/// through it: every arm of an `if` that has an `else`, or the body and the
/// handlers of a `try`. A path on which no handler catches the exception
/// does not reach the code after the `try`.
fn exhaustive_arms(statement: Node) -> Option<Vec<usize>> {
    let mut cursor = statement.walk();
    let children: Vec<Node> = statement.named_children(&mut cursor).collect();
    match kind(statement) {
        "if_statement" => {
            if !children.iter().any(|child| kind(*child) == "else_clause") {
                return None;
            }
            let arms = children
                .iter()
                .filter(|child| matches!(kind(**child), "block" | "elif_clause" | "else_clause"))
                .map(Node::start_byte)
                .collect();
            Some(arms)
        }
        "try_statement" => {
            let is_handler =
                |child: &&Node| matches!(kind(**child), "except_clause" | "except_group_clause");
            if !children.iter().any(|child| is_handler(&child)) {
                return None;
            }
            let body = children.iter().find(|child| kind(**child) == "block")?;
            let mut arms = vec![body.start_byte()];
            arms.extend(children.iter().filter(is_handler).map(Node::start_byte));
            Some(arms)
        }
        _ => None,
    }
}

/// Returns the branches of `scope` that enclose `position`, outermost
/// first, with the same ids as the index walk gives them.
pub(super) fn branches_at(index: &FileIndex, scope: ScopeId, position: usize) -> Vec<usize> {
    let scope_node = index.scope(scope).node;
    let root = index.scope(super::scopes::MODULE_SCOPE).node;
    let mut node = root.descendant_for_byte_range(position, position);
    let mut branches = Vec::new();
    while let Some(current) = node {
        if current == scope_node {
            break;
        }
        if matches!(
            role(current),
            Role::FunctionDefinition | Role::ClassDefinition | Role::Lambda
        ) {
            // The use sits in a scope nested in `scope`: only the branches
            // around that nested scope count.
            branches.clear();
        } else if is_branch(current) {
            branches.push(current.start_byte());
        }
        node = current.parent();
    }
    branches.reverse();
    branches
}

/// Mirrors the index walk: a clause, or a block directly under an `if`,
/// `while`, `try` or `for` statement.
fn is_branch(node: Node) -> bool {
    match role(node) {
        Role::BranchClause | Role::ExceptClause => true,
        Role::Block => node.parent().is_some_and(|parent| {
            matches!(role(parent), Role::BranchingStatement | Role::ForStatement)
        }),
        _ => false,
    }
}

/// The assignments of a name that can reach a use.
pub(super) struct Reaching<'a, 't> {
    /// Latest first.
    pub bindings: Vec<&'a Binding<'t>>,
    /// False when some path reaches the use without any of `bindings`,
    /// so the name keeps the value it had before: a function's parameter.
    pub complete: bool,
    /// True when more than [`MAX_REACHING`] assignments reach the use.
    pub truncated: bool,
}

/// Returns the bindings among `bindings` (in source order) that can reach
/// a use at `position` whose enclosing branches are `use_branches`.
pub(super) fn reaching<'a, 't>(
    statements: &BranchStatements,
    bindings: &'a [Binding<'t>],
    position: Option<usize>,
    use_branches: &[usize],
) -> Reaching<'a, 't> {
    let before = |binding: &&Binding| position.is_none_or(|position| binding.position <= position);
    let mut found = Vec::new();
    let mut hidden_before = None;
    for binding in bindings.iter().rev().filter(before) {
        // Bindings are in source order, so every one from here on is
        // before the statement that hides them.
        if hidden_before.is_some_and(|limit| binding.position < limit) {
            break;
        }
        if found.len() == MAX_REACHING {
            return Reaching {
                bindings: found,
                complete: false,
                truncated: true,
            };
        }
        found.push(binding);
        let Some(outermost) = extra_branches(binding, use_branches).next() else {
            return Reaching {
                bindings: found,
                complete: true,
                truncated: false,
            };
        };
        if hidden_before.is_none()
            && let Some(statement) =
                covering_statement(statements, bindings, outermost, use_branches)
        {
            hidden_before = Some(statement);
        }
    }
    Reaching {
        bindings: found,
        complete: hidden_before.is_some(),
        truncated: false,
    }
}

fn extra_branches<'b>(
    binding: &'b Binding,
    use_branches: &'b [usize],
) -> impl Iterator<Item = usize> + 'b {
    binding
        .branches
        .iter()
        .copied()
        .filter(|branch| !use_branches.contains(branch))
}

/// Returns the start of the statement that owns `branch` when each of its
/// exhaustive arms assigns the name outside any deeper branch.
fn covering_statement(
    statements: &BranchStatements,
    bindings: &[Binding],
    branch: usize,
    use_branches: &[usize],
) -> Option<usize> {
    let statement = *statements.statement_of.get(&branch)?;
    let arms = statements.exhaustive.get(&statement)?;
    // Only bindings inside the statement can assign in its arms, and they
    // come after its start in source order.
    let inside = bindings
        .iter()
        .rev()
        .take_while(|binding| binding.position > statement);
    let mut assigned = vec![false; arms.len()];
    for binding in inside {
        let mut extra = extra_branches(binding, use_branches);
        if let (Some(arm), None) = (extra.next(), extra.next())
            && let Some(index) = arms.iter().position(|candidate| *candidate == arm)
        {
            assigned[index] = true;
        }
    }
    assigned
        .iter()
        .all(|&assigned| assigned)
        .then_some(statement)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{dynamic, literal, only_call_site, path, presence};
    use super::*;

    #[test]
    fn statement_without_else_is_read_once() {
        let source = "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\n";
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_python::LANGUAGE.into())
            .expect("grammar loads");
        let tree = parser.parse(source, None).expect("parses");
        let statement = tree.root_node().named_child(0).expect("the if");
        let mut branches = BranchStatements::default();
        let mut cursor = statement.walk();
        let arms: Vec<Node> = statement
            .named_children(&mut cursor)
            .filter(|child| matches!(kind(*child), "block" | "elif_clause"))
            .collect();
        assert_eq!(arms.len(), 3);
        for arm in arms {
            branches.record(arm);
        }
        assert!(branches.exhaustive.is_empty(), "an if without else");
        assert_eq!(branches.examined.len(), 1, "one statement examined");
    }
    use crate::model::Presence;

    const URL: &str = "URL = 'https://qualysapi.qualys.com/api/2.0/fo/asset/ip/'\n";

    fn post_action(setup: &str) -> String {
        format!(
            "import requests\n{URL}{setup}requests.post(URL, data={{'action': action, 'ips': '1.2.3.4'}})\n"
        )
    }

    #[test]
    fn if_else_values_differ() {
        let source = post_action("if new:\n    action = 'add'\nelse:\n    action = 'update'\n");
        let call_site = only_call_site(&source);
        assert_eq!(dynamic(&call_site, "action"), "action (`add` or `update`)");
    }

    #[test]
    fn if_else_values_agree() {
        let source = post_action("if new:\n    action = 'add'\nelse:\n    action = 'add'\n");
        assert_eq!(literal(&only_call_site(&source), "action"), "add");
    }

    #[test]
    fn if_else_hides_earlier_value() {
        let source = post_action(
            "action = 'update'\nif new:\n    action = 'add'\nelif old:\n    action = 'add'\nelse:\n    action = 'add'\n",
        );
        assert_eq!(literal(&only_call_site(&source), "action"), "add");
    }

    #[test]
    fn earlier_value_reaches_past_one_branch() {
        let source = post_action("action = 'update'\nif new:\n    action = 'add'\n");
        assert_eq!(
            dynamic(&only_call_site(&source), "action"),
            "action (`update` or `add`)"
        );
    }

    #[test]
    fn try_and_handler_values_differ() {
        let source =
            post_action("try:\n    action = 'add'\nexcept KeyError:\n    action = 'update'\n");
        assert_eq!(
            dynamic(&only_call_site(&source), "action"),
            "action (`add` or `update`)"
        );
    }

    #[test]
    fn loop_body_value_reaches_with_earlier() {
        let source = post_action("action = 'update'\nfor ip in ips:\n    action = 'add'\n");
        assert_eq!(
            dynamic(&only_call_site(&source), "action"),
            "action (`update` or `add`)"
        );
    }

    #[test]
    fn match_cases_differ() {
        let source = post_action(
            "match mode:\n    case 'new':\n        action = 'add'\n    case _:\n        action = 'update'\n",
        );
        assert_eq!(
            dynamic(&only_call_site(&source), "action"),
            "action (`add` or `update`)"
        );
    }

    #[test]
    fn assignment_in_same_branch_as_use() {
        let source = format!(
            "import requests\n{URL}action = 'update'\nif new:\n    action = 'add'\n    requests.post(URL, data={{'action': action}})\n"
        );
        assert_eq!(literal(&only_call_site(&source), "action"), "add");
    }

    #[test]
    fn parameter_reaches_past_conditional_assignment() {
        let source = format!(
            "import requests\n{URL}def send(action):\n    if not action:\n        action = 'add'\n    return requests.post(URL, data={{'action': action}})\nsend('update')\n"
        );
        assert_eq!(
            dynamic(&only_call_site(&source), "action"),
            "action (`update` or `add`)"
        );
    }

    #[test]
    fn many_branches_make_unknown() {
        let mut setup = String::from("action = 'list'\n");
        for branch in 0..=super::MAX_REACHING {
            setup.push_str(&format!("if mode == {branch}:\n    action = 'add'\n"));
        }
        let call_site = only_call_site(&post_action(&setup));
        assert_eq!(dynamic(&call_site, "action"), "action");
    }

    #[test]
    fn default_url_of_parameter_stays_call_site() {
        let source = format!(
            "import requests\n{URL}def send(url=None):\n    if url is None:\n        url = URL\n    return requests.post(url, data={{'action': 'add'}})\n"
        );
        assert_eq!(path(&only_call_site(&source)), "/api/2.0/fo/asset/ip/");
    }

    #[test]
    fn augmented_on_many_branches_stays_bounded() {
        let mut source = format!("import requests\nurl = {}", &URL[6..]);
        for branch in 0..15 {
            source.push_str(&format!("if c{branch}:\n    url += '?k{branch}=v'\n"));
        }
        for request in 0..200 {
            source.push_str(&format!(
                "requests.post(url, data={{'ips': '{request}'}})\n"
            ));
        }
        let started = std::time::Instant::now();
        let extraction = super::super::test_support::extract(&source);
        assert_eq!(extraction.call_sites.len(), 200);
        assert!(
            started.elapsed().as_secs() < 20,
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn url_with_alternative_hosts_stays_call_site() {
        let source = "import requests\n\
            URL = 'https://qualysapi.qualys.com'\n\
            if eu:\n    URL = 'https://qualysapi.qualys.eu'\n\
            requests.post(URL + '/api/2.0/fo/asset/ip/', data={'action': 'add', 'ips': '1.2.3.4'})\n";
        let call_site = only_call_site(source);
        assert_eq!(path(&call_site), "/api/2.0/fo/asset/ip/");
        assert_eq!(literal(&call_site, "action"), "add");
    }

    #[test]
    fn conditional_expression_keeps_shared_path() {
        let source = "import requests\n\
            URL = 'https://a.example/api/2.0/fo/asset/ip/' if eu else 'https://b.example/api/2.0/fo/asset/ip/'\n\
            requests.post(URL, data={'action': 'add', 'ips': '1.2.3.4'})\n";
        assert_eq!(path(&only_call_site(source)), "/api/2.0/fo/asset/ip/");
    }

    #[test]
    fn dicts_on_two_branches_join() {
        let source = format!(
            "import requests\n{URL}if everyone:\n    params = {{'action': 'add', 'ag_title': 'All'}}\nelse:\n    params = {{'action': 'add', 'network_id': '1'}}\nrequests.post(URL, data=params)\n"
        );
        let call_site = only_call_site(&source);
        assert_eq!(literal(&call_site, "action"), "add");
        assert_eq!(presence(&call_site, "action"), Presence::Always);
        assert_eq!(presence(&call_site, "ag_title"), Presence::Maybe);
        assert_eq!(presence(&call_site, "network_id"), Presence::Maybe);
    }
}
