//! The rule catalogue: one TOML file per rule under `rules/`, embedded in
//! the binary. Rule metadata, user docs and finding messages come from here.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::finding::Severity;

/// The language of user-facing rule texts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    Ja,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub slug: String,
    pub severity: Severity,
    pub profile: Vec<String>,
    pub tags: Vec<String>,
    /// How often a finding is right, as SARIF consumers rank it:
    /// `very-high`, `high`, `medium` or `low`.
    pub precision: String,
    pub examples: Examples,
    pub en: RuleText,
    pub ja: RuleText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    pub language: String,
    pub fires: String,
    pub passes: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleText {
    pub summary: String,
    pub why: String,
    pub fix: String,
    pub options: String,
    pub limits: String,
    pub messages: BTreeMap<String, String>,
}

impl Rule {
    pub fn text(&self, lang: Lang) -> &RuleText {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }

    /// Returns the message `key` in `lang` with `{name}` placeholders filled.
    pub fn message(&self, lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
        let template = self
            .text(lang)
            .messages
            .get(key)
            .unwrap_or_else(|| panic!("rule {} has no message {key:?}", self.id));
        fill(template, values)
    }
}

/// Phrases shared by all rules, such as the reasons given in notes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Common {
    pub en: CommonText,
    pub ja: CommonText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommonText {
    pub unresolved: String,
    pub conditional: String,
    pub dynamic_value: String,
    pub unknown_action: String,
    pub headings: BTreeMap<String, String>,
}

impl Common {
    pub fn text(&self, lang: Lang) -> &CommonText {
        match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

const RULE_FILES: [(&str, &str); 14] = [
    ("AGMS001", include_str!("../rules/AGMS001.toml")),
    ("AGMS002", include_str!("../rules/AGMS002.toml")),
    ("AGMS003", include_str!("../rules/AGMS003.toml")),
    ("AGMS004", include_str!("../rules/AGMS004.toml")),
    ("AGMS005", include_str!("../rules/AGMS005.toml")),
    ("AGMS006", include_str!("../rules/AGMS006.toml")),
    ("AGMS007", include_str!("../rules/AGMS007.toml")),
    ("AGMS008", include_str!("../rules/AGMS008.toml")),
    ("AGMS009", include_str!("../rules/AGMS009.toml")),
    ("AGMS010", include_str!("../rules/AGMS010.toml")),
    ("AGMS011", include_str!("../rules/AGMS011.toml")),
    ("AGMS100", include_str!("../rules/AGMS100.toml")),
    ("AGMS101", include_str!("../rules/AGMS101.toml")),
    ("AGMS102", include_str!("../rules/AGMS102.toml")),
];

const COMMON_FILE: &str = include_str!("../rules/common.toml");

// The files are compiled in and covered by tests, so a parse failure is a
// build mistake, not a user error.
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    RULE_FILES
        .iter()
        .map(|(id, text)| {
            let rule: Rule = toml::from_str(text)
                .unwrap_or_else(|error| panic!("rules/{id}.toml is invalid: {error}"));
            assert_eq!(rule.id, *id, "rules/{id}.toml declares another id");
            rule
        })
        .collect()
});

static COMMON: LazyLock<Common> = LazyLock::new(|| {
    toml::from_str(COMMON_FILE)
        .unwrap_or_else(|error| panic!("rules/common.toml is invalid: {error}"))
});

/// Returns every rule, in code order.
pub fn rules() -> &'static [Rule] {
    &RULES
}

pub fn common() -> &'static Common {
    &COMMON
}

/// Finds a rule by code (`AGMS001`, any case) or slug.
pub fn find(name: &str) -> Option<&'static Rule> {
    rules()
        .iter()
        .find(|rule| rule.id.eq_ignore_ascii_case(name) || rule.slug == name)
}

/// Returns the rule with a code the program itself uses.
pub fn rule(id: &str) -> &'static Rule {
    find(id).unwrap_or_else(|| panic!("no rule {id} in the catalogue"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_file_loads() {
        let codes: Vec<&str> = rules().iter().map(|rule| rule.id.as_str()).collect();
        let mut expected: Vec<String> = (1..=11).map(|number| format!("AGMS{number:03}")).collect();
        expected.extend(["AGMS100", "AGMS101", "AGMS102"].map(String::from));
        assert_eq!(codes, expected);
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(fill("a {x} b {y}", &[("x", "1"), ("y", "2")]), "a 1 b 2");
        assert_eq!(fill("keep {z}", &[("x", "1")]), "keep {z}");
    }
}
