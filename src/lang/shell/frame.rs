//! Variable scopes: the script's top level and each function call, with
//! the positional parameters of that call.
//!
//! Values are tracked in textual order. A variable keeps every assignment
//! that may reach the current statement. An assignment replaces the earlier
//! ones inside its own branch, or all of them when it is outside any
//! branch. It keeps those that a path around the branch still reaches, as
//! `A=x` in `A=x; if c; then A=y; fi`. Its plain value is the last one. Bash scopes
//! are dynamic, so a function frame reads its caller's variables.

use std::collections::HashMap;

use crate::model::Span;
use crate::template::{Piece, Template};

use super::word::Word;

/// Maximum length, in bytes of known text, of a value a variable keeps. Longer
/// values, such as one doubled in a loop (`X="$X$X"`), become unknown.
const MAX_VALUE_TEXT: usize = 64 * 1024;

/// Most pieces a value keeps; a value doubled in a loop from an unknown
/// start grows in pieces rather than in text.
const MAX_VALUE_PIECES: usize = 256;

/// Most elements an array keeps before it becomes unknown.
const MAX_ARRAY_ELEMENTS: usize = 4096;

/// Maximum number of assignments kept as reaching one variable. Past it the oldest
/// ones are dropped, and the rest are marked as maybe changed.
const MAX_REACHING: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Var {
    Scalar(Word),
    Array(Vec<Word>),
    /// An array whose elements are not known (`read -a`, `mapfile`).
    UnknownArray(String),
    /// Removed by `unset`, hiding any value in an outer frame.
    Unset,
}

/// One assignment of a variable that may reach the current statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reaching {
    pub var: Var,
    /// Byte offset of the statement that assigned it.
    pub at: usize,
    /// Set when a later statement may have changed the variable without
    /// the change being known, such as `read` or `. ./config.sh`. The text
    /// names that piece, for example `$BODY after add_net`.
    pub maybe_changed: Option<String>,
}

/// The statement being walked: where it starts and the innermost
/// conditional branch it lies in.
#[derive(Clone, Copy, Debug, Default)]
pub struct Statement {
    pub at: usize,
    pub branch: Option<Span>,
}

/// The positional parameters of a frame.
#[derive(Clone, Debug)]
pub enum Positional {
    /// The script's own arguments or an unknown caller's: `$1` is unknown.
    Unknown,
    /// The words a known caller passed.
    Bound(Vec<Word>),
}

pub struct Frame<'p> {
    vars: HashMap<String, Vec<Reaching>>,
    /// The statement that assignments are made by.
    pub statement: Statement,
    pub positional: Positional,
    /// Call depth below the analysed root: 0 for the root, 1 for a function
    /// called from it, and so on.
    pub level: u32,
    /// False only for the script's top level, whose positional parameters
    /// are the script's arguments rather than a function's.
    pub in_function: bool,
    parent: Option<&'p Frame<'p>>,
}

impl<'p> Frame<'p> {
    pub fn top_level() -> Self {
        Frame {
            vars: HashMap::new(),
            statement: Statement::default(),
            positional: Positional::Unknown,
            level: 0,
            in_function: false,
            parent: None,
        }
    }

    /// Starts the frame of a function body analysed on its own: the caller
    /// is unknown, and the globals are those at the end of the script.
    pub fn function_root(globals: &'p Frame<'p>) -> Self {
        Frame {
            vars: HashMap::new(),
            statement: Statement::default(),
            positional: Positional::Unknown,
            level: 0,
            in_function: true,
            parent: Some(globals),
        }
    }

    /// Starts the frame of a call from `caller` with `arguments`.
    pub fn call(caller: &'p Frame<'p>, arguments: Vec<Word>) -> Self {
        Frame {
            vars: HashMap::new(),
            statement: Statement::default(),
            positional: Positional::Bound(arguments),
            level: caller.level + 1,
            in_function: true,
            parent: Some(caller),
        }
    }

    /// Returns the dependency bit that a positional parameter of this frame
    /// adds to a word.
    pub fn positional_bit(&self) -> u32 {
        if self.in_function {
            1u32.checked_shl(self.level).unwrap_or(0)
        } else {
            0
        }
    }

    /// Starts a frame that reads `parent` with some variables fixed to one
    /// of their reaching assignments, to resolve one combination of them.
    pub fn pinned(parent: &'p Frame<'p>, pins: &[(String, Reaching)]) -> Self {
        let vars = pins
            .iter()
            .map(|(name, reaching)| (name.clone(), vec![reaching.clone()]))
            .collect();
        Frame {
            vars,
            statement: parent.statement,
            positional: parent.positional.clone(),
            level: parent.level,
            in_function: parent.in_function,
            parent: Some(parent),
        }
    }

    /// Looks a variable up in this frame, then in its callers, and returns
    /// the value of the last assignment that reaches here.
    pub fn get(&self, name: &str) -> Option<&Var> {
        match self.reaching(name).last() {
            Some(Reaching {
                var: Var::Unset, ..
            })
            | None => None,
            Some(reaching) => Some(&reaching.var),
        }
    }

    /// Returns every assignment of a variable that may reach here, oldest
    /// first, from the innermost frame that assigns it.
    pub fn reaching(&self, name: &str) -> &[Reaching] {
        let mut frame = Some(self);
        while let Some(current) = frame {
            if let Some(reaching) = current.vars.get(name) {
                return reaching;
            }
            frame = current.parent;
        }
        &[]
    }

    /// Returns whether a variable in this frame or its callers has several
    /// reaching values or may have been changed. When none has, every
    /// command runs once with the values as they are.
    pub fn has_alternatives(&self) -> bool {
        let mut frame = Some(self);
        while let Some(current) = frame {
            let ambiguous = current.vars.values().any(|reaching| {
                reaching.len() > 1 || reaching.iter().any(|one| one.maybe_changed.is_some())
            });
            if ambiguous {
                return true;
            }
            frame = current.parent;
        }
        false
    }

    /// Names every variable assigned in this frame or its callers.
    pub fn visible_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        let mut frame = Some(self);
        while let Some(current) = frame {
            names.extend(current.vars.keys().cloned());
            frame = current.parent;
        }
        names.sort();
        names.dedup();
        names
    }

    pub fn set(&mut self, name: &str, var: Var) {
        self.assign(name, vec![var], None);
    }

    /// Records an assignment made by the current statement. Each of `vars`
    /// is a value it may give, one for each combination of the
    /// assignments that reach its value's variables.
    pub fn assign(&mut self, name: &str, vars: Vec<Var>, maybe_changed: Option<String>) {
        let Statement { at, branch } = self.statement;
        let mut reaching: Vec<Reaching> = match branch {
            None => Vec::new(),
            Some(branch) => self
                .reaching(name)
                .iter()
                .filter(|earlier| !(branch.start <= earlier.at && earlier.at < branch.end))
                .cloned()
                .collect(),
        };
        for var in vars {
            let var = capped(name, var);
            if reaching
                .iter()
                .any(|earlier| earlier.var == var && earlier.at == at)
            {
                continue;
            }
            let maybe_changed = maybe_changed.clone();
            reaching.push(Reaching {
                var,
                at,
                maybe_changed,
            });
        }
        if reaching.len() > MAX_REACHING {
            reaching.drain(..reaching.len() - MAX_REACHING);
            let note = format!("${name}, assigned on many branches");
            for kept in &mut reaching {
                kept.maybe_changed.get_or_insert_with(|| note.clone());
            }
        }
        self.vars.insert(name.to_string(), reaching);
    }

    pub fn unset(&mut self, name: &str) {
        self.assign(name, vec![Var::Unset], None);
    }

    /// Marks the assignments of `name` that reach here as maybe changed by
    /// the current statement, which `description` names. A variable with
    /// no known assignment is unknown already and stays as it is.
    pub fn mark_changed(&mut self, name: &str, description: &str) {
        let mut reaching = self.reaching(name).to_vec();
        if reaching.is_empty() {
            return;
        }
        for earlier in &mut reaching {
            earlier
                .maybe_changed
                .get_or_insert_with(|| description.to_string());
        }
        self.vars.insert(name.to_string(), reaching);
    }

    /// Returns a variable's value to extend it (`VAR+=...`). A value that
    /// lives in an outer frame is copied, since `+=` in a function creates
    /// the result in the frame that runs it here.
    pub fn take(&self, name: &str) -> Option<Var> {
        self.get(name).cloned()
    }

    pub fn shift(&mut self, count: usize) {
        if let Positional::Bound(words) = &mut self.positional {
            let count = count.min(words.len());
            words.drain(..count);
        }
    }
}

fn text_len(template: &Template) -> usize {
    template
        .pieces
        .iter()
        .map(|(piece, _)| match piece {
            Piece::Text(text) => text.len(),
            Piece::Unknown(_) => 0,
        })
        .sum()
}

fn capped(name: &str, var: Var) -> Var {
    match var {
        Var::Scalar(word)
            if text_len(&word.template) > MAX_VALUE_TEXT
                || word.template.pieces.len() > MAX_VALUE_PIECES =>
        {
            let span = word.template.span_or(Span::default());
            Var::Scalar(Word {
                template: Template::unknown(format!("${name}"), span),
                ..word
            })
        }
        Var::Array(elements)
            if elements.len() > MAX_ARRAY_ELEMENTS
                || elements
                    .iter()
                    .map(|word| text_len(&word.template))
                    .sum::<usize>()
                    > MAX_VALUE_TEXT =>
        {
            Var::UnknownArray(format!("${{{name}[@]}}"))
        }
        var => var,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(text: &str) -> Var {
        Var::Scalar(Word::literal(text, Span::default()))
    }

    #[test]
    fn callee_sees_caller_variables() {
        let mut top = Frame::top_level();
        top.set("BASE", literal("https://h"));
        let callee = Frame::call(&top, Vec::new());
        assert_eq!(callee.get("BASE"), Some(&literal("https://h")));
        assert_eq!(callee.level, 1);
    }

    #[test]
    fn unset_hides_outer_value() {
        let mut top = Frame::top_level();
        top.set("X", literal("1"));
        let mut callee = Frame::call(&top, Vec::new());
        callee.unset("X");
        assert_eq!(callee.get("X"), None);
    }

    #[test]
    fn huge_value_becomes_unknown() {
        let mut top = Frame::top_level();
        top.set("X", literal(&"a".repeat(MAX_VALUE_TEXT + 1)));
        let Some(Var::Scalar(word)) = top.get("X") else {
            panic!("X should still be a scalar");
        };
        assert_eq!(
            word.as_literal(),
            None,
            "an over-long value must become unknown"
        );
    }

    #[test]
    fn positional_bits_by_level() {
        let top = Frame::top_level();
        assert_eq!(
            top.positional_bit(),
            0,
            "script arguments carry no function bit"
        );
        let root = Frame::function_root(&top);
        assert_eq!(root.positional_bit(), 1);
        let callee = Frame::call(&root, Vec::new());
        assert_eq!(callee.positional_bit(), 2);
    }
}
