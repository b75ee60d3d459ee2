//! The rule catalogue under `rules/`: every rule's documented examples run
//! through the binary, and every text is present in English and Japanese
//! with the placeholders that the code fills. The files are read as plain
//! TOML, so that a failure names the file and the field.

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use support::{check_in, crate_dir, parse_concise, stderr, stdout};
use tempfile::TempDir;
use toml::{Table, Value};

/// The texts that each language of a rule must have.
const TEXT_FIELDS: [&str; 5] = ["summary", "why", "fix", "options", "limits"];

/// Placeholders that the code fills, by rule and message. Every rule's
/// `uncertain` message also takes `{reason}`.
const FILLED_PLACEHOLDERS: [(&str, &str, &[&str]); 4] = [
    ("AGMS003", "default", &["value"]),
    ("AGMS006", "default", &["old", "new"]),
    ("AGMS010", "in_scope", &["value"]),
    ("AGMS100", "default", &["code"]),
];

/// A rule file, parsed, with its name for messages.
struct RuleFile {
    name: String,
    table: Table,
}

impl RuleFile {
    /// Returns the string at a dotted path, such as `en.messages.default`,
    /// or fails the test naming the file and the field.
    fn text(&self, path: &str) -> &str {
        let mut value: Option<&Value> = None;
        let mut table = &self.table;
        for key in path.split('.') {
            value = table.get(key);
            if let Some(Value::Table(inner)) = value {
                table = inner;
            }
        }
        match value {
            Some(Value::String(text)) => text,
            Some(other) => panic!(
                "{}: `{path}` is a {}, not a string",
                self.name,
                other.type_str()
            ),
            None => panic!("{}: `{path}` is missing", self.name),
        }
    }

    fn messages(&self, lang: &str) -> &Table {
        match self.table.get(lang).and_then(|text| text.get("messages")) {
            Some(Value::Table(messages)) => messages,
            _ => panic!("{}: `{lang}.messages` is missing or not a table", self.name),
        }
    }
}

fn rule_files() -> Vec<RuleFile> {
    let folder = crate_dir().join("rules");
    let mut paths: Vec<PathBuf> = fs::read_dir(&folder)
        .expect("rules folder is readable")
        .map(|entry| entry.expect("folder entry").path())
        .filter(|path| {
            let name = path
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or("");
            name.starts_with("AGMS") && name.ends_with(".toml")
        })
        .collect();
    paths.sort();
    assert!(paths.len() >= 13, "found only {} rule files", paths.len());
    paths.into_iter().map(|path| read_toml(&path)).collect()
}

fn read_toml(path: &std::path::Path) -> RuleFile {
    let name = format!("rules/{}", path.file_name().unwrap().to_string_lossy());
    let text = fs::read_to_string(path).unwrap_or_else(|error| panic!("{name}: {error}"));
    let table = text
        .parse::<Table>()
        .unwrap_or_else(|error| panic!("{name} is not valid TOML: {error}"));
    RuleFile { name, table }
}

/// Returns the `{name}` placeholders in a text.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            found.insert(name.to_string());
        }
        rest = &after[close + 1..];
    }
    found
}

/// True for text with kana or kanji in it.
fn has_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

/// Runs the binary on one example with the default profile and returns
/// `(rule, severity)` for each finding.
fn example_findings(rule: &RuleFile, example: &str) -> Vec<(String, String)> {
    let extension = match rule.text("examples.language") {
        "shell" => "sh",
        "python" => "py",
        other => panic!("{}: unknown `examples.language` {other:?}", rule.name),
    };
    let dir = TempDir::new().expect("temporary folder");
    fs::create_dir(dir.path().join(".git")).expect("create .git");
    let file = format!("example.{extension}");
    fs::write(
        dir.path().join(&file),
        rule.text(&format!("examples.{example}")),
    )
    .expect("write example");
    let output = check_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--fail-on",
            "none",
            "--isolated",
            &file,
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}: `examples.{example}` failed to run: {}",
        rule.name,
        stderr(&output)
    );
    parse_concise(&stdout(&output))
        .into_iter()
        .map(|finding| (finding.rule, finding.severity))
        .collect()
}

#[test]
fn fires_examples_give_one_finding() {
    let mut failures = Vec::new();
    for rule in rule_files() {
        let expected = vec![(
            rule.text("id").to_string(),
            rule.text("severity").to_string(),
        )];
        let found = example_findings(&rule, "fires");
        if found != expected {
            failures.push(format!(
                "{}: `examples.fires` gave {found:?}, expected {expected:?}",
                rule.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn passes_examples_give_no_finding() {
    let mut failures = Vec::new();
    for rule in rule_files() {
        let found = example_findings(&rule, "passes");
        if !found.is_empty() {
            failures.push(format!(
                "{}: `examples.passes` gave {found:?}, expected none",
                rule.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn rule_fields_are_not_empty() {
    for rule in rule_files() {
        let top = ["id", "slug", "severity", "precision"];
        let examples = ["examples.language", "examples.fires", "examples.passes"];
        let texts = ["en", "ja"]
            .into_iter()
            .flat_map(|lang| TEXT_FIELDS.map(|field| format!("{lang}.{field}")));
        let paths = top
            .map(String::from)
            .into_iter()
            .chain(examples.map(String::from));
        for path in paths.chain(texts) {
            assert!(
                !rule.text(&path).trim().is_empty(),
                "{}: `{path}` is empty",
                rule.name
            );
        }
    }
}

#[test]
fn rule_file_name_matches_id() {
    for rule in rule_files() {
        let expected = format!("rules/{}.toml", rule.text("id"));
        assert_eq!(rule.name, expected, "the file declares another id");
    }
}

#[test]
fn messages_are_not_empty_in_both_languages() {
    for rule in rule_files() {
        for lang in ["en", "ja"] {
            let messages = rule.messages(lang);
            for key in ["default", "uncertain"] {
                assert!(
                    messages.contains_key(key),
                    "{}: `{lang}.messages.{key}` is missing",
                    rule.name
                );
            }
            for key in messages.keys() {
                let path = format!("{lang}.messages.{key}");
                assert!(
                    !rule.text(&path).trim().is_empty(),
                    "{}: `{path}` is empty",
                    rule.name
                );
            }
        }
        let english: BTreeSet<&String> = rule.messages("en").keys().collect();
        let japanese: BTreeSet<&String> = rule.messages("ja").keys().collect();
        assert_eq!(
            english, japanese,
            "{}: `en.messages` and `ja.messages` have different keys",
            rule.name
        );
    }
}

#[test]
fn uncertain_messages_take_a_reason() {
    for rule in rule_files() {
        for lang in ["en", "ja"] {
            let path = format!("{lang}.messages.uncertain");
            assert!(
                placeholders(rule.text(&path)).contains("reason"),
                "{}: `{path}` has no `{{reason}}`",
                rule.name
            );
        }
    }
}

#[test]
fn filled_placeholders_are_present() {
    let files = rule_files();
    for (id, key, names) in FILLED_PLACEHOLDERS {
        let rule = files
            .iter()
            .find(|rule| rule.text("id") == id)
            .unwrap_or_else(|| panic!("no rule file declares id {id}"));
        for lang in ["en", "ja"] {
            let path = format!("{lang}.messages.{key}");
            let found = placeholders(rule.text(&path));
            for name in names {
                assert!(
                    found.contains(*name),
                    "{}: `{path}` has no `{{{name}}}`",
                    rule.name
                );
            }
        }
    }
}

#[test]
fn translations_use_the_same_placeholders() {
    for rule in rule_files() {
        for key in rule.messages("en").keys() {
            let english = placeholders(rule.text(&format!("en.messages.{key}")));
            let japanese = placeholders(rule.text(&format!("ja.messages.{key}")));
            assert_eq!(
                english, japanese,
                "{}: `en.messages.{key}` and `ja.messages.{key}` differ in placeholders",
                rule.name
            );
        }
    }
}

#[test]
fn japanese_texts_are_japanese() {
    for rule in rule_files() {
        let fields = TEXT_FIELDS.map(|field| format!("ja.{field}"));
        let messages = rule
            .messages("ja")
            .keys()
            .map(|key| format!("ja.messages.{key}"));
        for path in fields.into_iter().chain(messages) {
            assert!(
                has_japanese(rule.text(&path)),
                "{}: `{path}` has no Japanese characters",
                rule.name
            );
        }
    }
}

#[test]
fn common_phrases_are_complete() {
    let common = read_toml(&crate_dir().join("rules").join("common.toml"));
    let phrases: [(&str, &[&str]); 4] = [
        ("unresolved", &["pieces"]),
        ("conditional", &["param"]),
        ("dynamic_value", &["param", "pieces"]),
        ("unknown_action", &["pieces"]),
    ];
    for lang in ["en", "ja"] {
        for (key, names) in phrases {
            let path = format!("{lang}.{key}");
            let text = common.text(&path);
            assert!(
                !text.trim().is_empty(),
                "{}: `{path}` is empty",
                common.name
            );
            let found = placeholders(text);
            for name in names {
                assert!(
                    found.contains(*name),
                    "{}: `{path}` has no `{{{name}}}`",
                    common.name
                );
            }
            if lang == "ja" {
                assert!(
                    has_japanese(text),
                    "{}: `{path}` has no Japanese characters",
                    common.name
                );
            }
        }
    }
}

#[test]
fn placeholder_reader_finds_names() {
    let found = placeholders("a `{old}` b {new} {} {Not} {x y} {reason}");
    let expected: BTreeSet<String> = ["old", "new", "reason"].map(String::from).into();
    assert_eq!(found, expected);
    assert!(has_japanese("なし。"));
    assert!(has_japanese("検出"));
    assert!(!has_japanese("None."));
}
