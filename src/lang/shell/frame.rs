//! Variable scopes: the script's top level and each function call, with
//! the positional parameters of that call.
//!
//! Values are tracked in textual order: a variable holds the last assignment
//! above the use in the same scope, even when that assignment sits in a loop
//! body or one branch of an `if`. Bash scopes are dynamic, so a function
//! frame sees its caller's variables.

use std::collections::HashMap;

use crate::model::Span;
use crate::template::{Piece, Template};

use super::word::Word;

/// Longest value, in bytes of known text, that a variable keeps. Longer
/// values, such as one doubled in a loop (`X="$X$X"`), become unknown.
const MAX_VALUE_TEXT: usize = 64 * 1024;

/// Most pieces a value keeps; a value doubled in a loop from an unknown
/// start grows in pieces rather than in text.
const MAX_VALUE_PIECES: usize = 256;

/// Most elements an array keeps before it becomes unknown.
const MAX_ARRAY_ELEMENTS: usize = 4096;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Var {
    Scalar(Word),
    Array(Vec<Word>),
    /// An array whose elements are not known (`read -a`, `mapfile`).
    UnknownArray(String),
    /// Removed by `unset`, hiding any value in an outer frame.
    Unset,
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
    vars: HashMap<String, Var>,
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

    /// Looks a variable up in this frame, then in its callers.
    pub fn get(&self, name: &str) -> Option<&Var> {
        let mut frame = Some(self);
        while let Some(current) = frame {
            match current.vars.get(name) {
                Some(Var::Unset) => return None,
                Some(var) => return Some(var),
                None => frame = current.parent,
            }
        }
        None
    }

    pub fn set(&mut self, name: &str, var: Var) {
        let var = capped(name, var);
        self.vars.insert(name.to_string(), var);
    }

    pub fn unset(&mut self, name: &str) {
        self.vars.insert(name.to_string(), Var::Unset);
    }

    /// Takes a variable's value out to extend it (`VAR+=...`). A value
    /// that lives in an outer frame is copied, since `+=` in a function
    /// creates the result in the frame that runs it here.
    pub fn take(&mut self, name: &str) -> Option<Var> {
        match self.vars.remove(name) {
            Some(Var::Unset) => None,
            Some(var) => Some(var),
            None => self.parent.and_then(|parent| parent.get(name)).cloned(),
        }
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
