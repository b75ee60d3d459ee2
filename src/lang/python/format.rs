//! String formatting: `"%s/api/2.0/fo/%s" % (host, path)`,
//! `"{}/api/2.0/fo/{name}".format(host, name=path)` and `",".join(ips)`.

use std::collections::HashMap;

use tree_sitter::Node;

use super::resolve::{Ctx, Resolver};
use super::syntax::{Arg, describe, kind, named_children, span_of};
use super::value::Val;
use crate::model::Span;
use crate::template::{Piece, Template};

/// The values a format string draws from.
#[derive(Default)]
struct FormatArguments {
    positional: Vec<Template>,
    named: HashMap<String, Template>,
    /// An argument list this front end cannot see into (`*args`, a tuple
    /// from a variable), so a missing argument is unknown, not an error.
    open: Option<String>,
}

impl FormatArguments {
    fn positional(&self, index: usize, span: Span) -> Template {
        self.positional
            .get(index)
            .cloned()
            .unwrap_or_else(|| Template::unknown(self.missing(), span))
    }

    fn named(&self, name: &str, span: Span) -> Template {
        self.named
            .get(name)
            .cloned()
            .unwrap_or_else(|| Template::unknown(self.missing(), span))
    }

    fn missing(&self) -> String {
        self.open
            .clone()
            .unwrap_or_else(|| "format argument".to_string())
    }
}

impl<'a, 't> Resolver<'a, 't> {
    // `"%s/api/2.0/fo/asset/ip/?action=%s" % (host, action)`
    pub(super) fn percent_format(
        &mut self,
        node: Node<'t>,
        left: Node<'t>,
        right: Node<'t>,
        ctx: Ctx,
    ) -> Val {
        let Val::Str(format) = self.resolve(left, ctx) else {
            return self.unknown(node);
        };
        let arguments = self.percent_arguments(right, ctx);
        let mut out = Template::default();
        for (piece, span) in format.pieces {
            match piece {
                Piece::Text(text) => apply_percent(&text, span, &arguments, &mut out),
                Piece::Unknown(description) => out.push_unknown(description, span),
            }
        }
        Val::Str(out)
    }

    fn percent_arguments(&mut self, right: Node<'t>, ctx: Ctx) -> FormatArguments {
        let mut arguments = FormatArguments::default();
        if kind(right) == "tuple" {
            for item in named_children(right) {
                arguments.positional.push(self.resolve_template(item, ctx));
            }
            return arguments;
        }
        match self.resolve(right, ctx) {
            // `"%(host)s" % {"host": host}`
            Val::Dict(dict) => {
                for entry in dict.entries {
                    let template = entry.value.to_template(&entry.key, entry.span);
                    arguments.named.insert(entry.key, template);
                }
            }
            Val::Seq(items) => {
                for item in items {
                    arguments
                        .positional
                        .push(item.to_template(&describe(right, self.source), span_of(right)));
                }
            }
            Val::Unknown(description) => {
                arguments
                    .positional
                    .push(Template::unknown(description.clone(), span_of(right)));
                arguments.open = Some(description);
            }
            single => {
                arguments
                    .positional
                    .push(single.to_template(&describe(right, self.source), span_of(right)));
            }
        }
        arguments
    }

    // `"{}/api/2.0/fo/{path}".format(host, path="asset/ip/")`
    pub(super) fn brace_format(&mut self, format: Template, args: &[Arg<'t>], ctx: Ctx) -> Val {
        let mut arguments = FormatArguments::default();
        for arg in args {
            match *arg {
                Arg::Positional(node) => {
                    arguments.positional.push(self.resolve_template(node, ctx))
                }
                Arg::Keyword { name, value, .. } => {
                    let template = self.resolve_template(value, ctx);
                    arguments.named.insert(name.to_string(), template);
                }
                Arg::Star(node) | Arg::DoubleStar(node) => {
                    arguments.open = Some(describe(node, self.source))
                }
            }
        }
        let mut out = Template::default();
        let mut next_index = 0;
        for (piece, span) in format.pieces {
            match piece {
                Piece::Text(text) => {
                    apply_braces(&text, span, &arguments, &mut next_index, &mut out)
                }
                Piece::Unknown(description) => out.push_unknown(description, span),
            }
        }
        Val::Str(out)
    }

    // `",".join(ips)`: known only when every item is.
    pub(super) fn join_strings(
        &mut self,
        call: Node<'t>,
        separator: &str,
        items: Node<'t>,
        ctx: Ctx,
    ) -> Val {
        let Val::Seq(values) = self.resolve(items, ctx) else {
            return self.unknown(call);
        };
        let mut texts = Vec::new();
        for value in values {
            match value.as_literal() {
                Some(text) => texts.push(text),
                None => return self.unknown(call),
            }
        }
        Val::literal(texts.join(separator), span_of(call))
    }
}

/// Applies `%` conversions in one known piece of a format string.
fn apply_percent(text: &str, span: Span, arguments: &FormatArguments, out: &mut Template) {
    let mut next_index = 0;
    let mut rest = text;
    while let Some(percent) = rest.find('%') {
        out.push_text(&rest[..percent], span);
        rest = &rest[percent + 1..];
        if let Some(after) = rest.strip_prefix('%') {
            out.push_text("%", span);
            rest = after;
            continue;
        }
        let (key, spec_length) = read_percent_spec(rest);
        let spec = &rest[..spec_length];
        rest = &rest[spec_length..];
        let value = match key {
            Some(key) => arguments.named(key, span),
            None => {
                next_index += 1;
                arguments.positional(next_index - 1, span)
            }
        };
        // Only a plain `%s` (or `%d` of a known number) keeps the text.
        let plain = spec.ends_with('s') && spec.len() == key.map_or(1, |key| key.len() + 3);
        let number = spec == "d" || spec == "i";
        if plain || (number && value.as_literal().is_some()) {
            out.append(value);
        } else {
            out.push_unknown(format!("%{spec}"), span);
        }
    }
    out.push_text(rest, span);
}

/// Reads a conversion spec after `%`: an optional `(key)`, flags, width,
/// precision, length modifier and the conversion letter. Returns the key
/// and the spec's length in bytes.
fn read_percent_spec(text: &str) -> (Option<&str>, usize) {
    let mut key = None;
    let mut length = 0;
    if let Some(inner) = text.strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        key = Some(&inner[..close]);
        length = close + 2;
    }
    let bytes = text.as_bytes();
    while length < bytes.len() && b"#0- +*.0123456789hlL".contains(&bytes[length]) {
        length += 1;
    }
    if length < bytes.len() && text.is_char_boundary(length + 1) {
        length += 1;
    }
    (key, length.min(text.len()))
}

/// Applies `{}` fields in one known piece of a `str.format` string.
fn apply_braces(
    text: &str,
    span: Span,
    arguments: &FormatArguments,
    next_index: &mut usize,
    out: &mut Template,
) {
    let mut rest = text;
    loop {
        let Some(brace) = rest.find(['{', '}']) else {
            out.push_text(rest, span);
            return;
        };
        out.push_text(&rest[..brace], span);
        let tail = &rest[brace..];
        // `{{` and `}}` stand for one brace.
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_text(&tail[..1], span);
            rest = &tail[2..];
            continue;
        }
        let Some(close) = tail.find('}').filter(|_| tail.starts_with('{')) else {
            out.push_text(&tail[..1], span);
            rest = &tail[1..];
            continue;
        };
        out.append(brace_field(&tail[1..close], span, arguments, next_index));
        rest = &tail[close + 1..];
    }
}

fn brace_field(
    field: &str,
    span: Span,
    arguments: &FormatArguments,
    next_index: &mut usize,
) -> Template {
    let name_end = field.find(['!', ':']).unwrap_or(field.len());
    let (name, conversion) = field.split_at(name_end);
    let value = if name.is_empty() {
        *next_index += 1;
        arguments.positional(*next_index - 1, span)
    } else if let Ok(index) = name.parse::<usize>() {
        arguments.positional(index, span)
    } else if name.contains(['.', '[']) {
        Template::unknown(format!("{{{field}}}"), span)
    } else {
        arguments.named(name, span)
    };
    // `{0!r}` or `{0:>5}` changes the text.
    if conversion.is_empty() {
        value
    } else {
        Template::unknown(format!("{{{field}}}"), span)
    }
}
