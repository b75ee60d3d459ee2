//! `agms-lint rules` and `agms-lint explain`: the catalogue for people and
//! tools.

use std::io::{self, Write};

use serde_json::json;

use super::{Outcome, choose_lang};
use crate::catalogue::{self, Lang, Rule, common};
use crate::cli::{ExplainArgs, ListFormat, RulesArgs};

pub fn rules(args: &RulesArgs) -> io::Result<Outcome> {
    let lang = choose_lang(&args.display);
    let mut out = io::stdout().lock();
    match args.format {
        ListFormat::Text => {
            for rule in catalogue::rules() {
                writeln!(
                    out,
                    "{}  {:<32} {:<8} {}",
                    rule.id,
                    rule.slug,
                    rule.severity.name(),
                    rule.text(lang).summary.trim()
                )?;
            }
        }
        ListFormat::Json => {
            let list: Vec<_> = catalogue::rules()
                .iter()
                .map(|rule| {
                    json!({
                        "code": rule.id,
                        "slug": rule.slug,
                        "severity": rule.severity,
                        "summary": rule.text(lang).summary.trim(),
                        "profile": rule.profile,
                        "tags": rule.tags,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
    }
    Ok(Outcome::Clean)
}

pub fn explain(args: &ExplainArgs) -> io::Result<Outcome> {
    let Some(rule) = catalogue::find(&args.rule) else {
        tracing::error!(
            "unknown rule {:?}; run `agms-lint rules` to list the codes",
            args.rule
        );
        return Ok(Outcome::Failed);
    };
    let lang = choose_lang(&args.display);
    let mut out = io::stdout().lock();
    out.write_all(explanation(rule, lang).as_bytes())?;
    Ok(Outcome::Clean)
}

/// Renders a rule's docs with the catalogue's headings, in Markdown.
pub fn explanation(rule: &Rule, lang: Lang) -> String {
    let text = rule.text(lang);
    let heading = |key: &str| common().text(lang).headings[key].clone();
    let fence = &rule.examples.language;
    let sections = [
        (heading("flags"), text.summary.trim().to_string()),
        (heading("severity"), rule.severity.name().to_string()),
        (heading("why"), text.why.trim().to_string()),
        (
            heading("example"),
            format!("```{fence}\n{}\n```", rule.examples.fires.trim_end()),
        ),
        (
            heading("fixed"),
            format!(
                "{}\n\n```{fence}\n{}\n```",
                text.fix.trim(),
                rule.examples.passes.trim_end()
            ),
        ),
        (heading("options"), text.options.trim().to_string()),
        (heading("limits"), text.limits.trim().to_string()),
    ];
    let mut out = format!("# {} {}\n", rule.id, rule.slug);
    for (title, body) in sections {
        out += &format!("\n## {title}\n\n{body}\n");
    }
    out
}
