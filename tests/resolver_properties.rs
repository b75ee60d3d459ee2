//! Property tests of the value resolvers through the real front ends: a
//! literal assigned in a script reaches the parameter it is sent as.

use agms_lint::lang::Parsers;
use agms_lint::language::Language;
use agms_lint::model::{CallSite, Value};
use proptest::prelude::*;

const URL: &str = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/";

fn only_site(language: Language, script: &str) -> CallSite {
    let mut sites = Parsers::new().extract(language, script).call_sites;
    assert_eq!(sites.len(), 1, "expected one call site in:\n{script}");
    sites.remove(0)
}

fn sent(site: &CallSite) -> Vec<(String, Value)> {
    site.params
        .iter()
        .map(|param| (param.name.clone(), param.value.clone()))
        .collect()
}

/// Generates parameter names as scripts write them.
fn name() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,10}"
}

/// Generates text that needs no quoting in bash, undergoes no tilde, glob
/// or brace expansion, and that form decoding leaves as it is.
fn shell_literal() -> impl Strategy<Value = String> {
    "[A-Za-z0-9._:/,@-]{0,16}"
}

/// Writes `VAR=literal` in one of the forms bash accepts.
fn shell_assignment(literal: &str, form: usize) -> String {
    match form % 7 {
        0 => format!("VALUE={literal}"),
        1 => format!("VALUE='{literal}'"),
        2 => format!("VALUE=\"{literal}\""),
        3 => format!("export VALUE=\"{literal}\""),
        4 => format!("readonly VALUE='{literal}'"),
        5 => format!("declare VALUE={literal}"),
        _ => format!("VALUE=unused\nVALUE=\"{literal}\""),
    }
}

/// Writes a curl command that sends `$VALUE` as parameter `name`.
fn shell_use(name: &str, form: usize) -> String {
    match form % 6 {
        0 => format!("curl -d \"action=list&{name}=$VALUE\" {URL}"),
        1 => format!("curl -d \"action=list&{name}=${{VALUE}}\" {URL}"),
        2 => format!("curl -d action=list -d {name}=\"$VALUE\" {URL}"),
        3 => format!("curl -d action=list --data-urlencode \"{name}=$VALUE\" {URL}"),
        4 => format!("curl -s -G -d action=list -d \"{name}=$VALUE\" {URL}"),
        _ => format!("curl \"{URL}?action=list&{name}=$VALUE\""),
    }
}

/// Generates Python string contents without quotes, backslashes or line
/// breaks, so that any quote style can hold them.
fn python_literal() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ._:/,@=&+%-]{0,16}"
}

/// Generates distinct keys with values, in an order of their own.
fn python_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::btree_map(name(), python_literal(), 1..8)
        .prop_map(|map| map.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
}

fn python_dict(pairs: &[(String, String)], quote: char) -> String {
    let entries: Vec<String> = pairs
        .iter()
        .map(|(key, value)| format!("{quote}{key}{quote}: {quote}{value}{quote}"))
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// Writes a script that sends the dict as `data=`, directly, through a
/// name, through a name bound at module level from inside a function, or
/// after building it key by key.
fn python_script(pairs: &[(String, String)], quote: char, form: usize) -> String {
    let dict = python_dict(pairs, quote);
    match form % 4 {
        0 => format!("import requests\nrequests.post(\"{URL}\", data={dict})\n"),
        1 => format!("import requests\nbody = {dict}\nrequests.post(\"{URL}\", data=body)\n"),
        2 => format!(
            "import requests\nBODY = {dict}\n\ndef send(session):\n    return session.post(\"{URL}\", data=BODY)\n\nsend(requests.Session())\n"
        ),
        _ => {
            let mut script = String::from("import requests\nbody = {}\n");
            for (key, value) in pairs {
                script.push_str(&format!(
                    "body[{quote}{key}{quote}] = {quote}{value}{quote}\n"
                ));
            }
            script.push_str(&format!("requests.post(\"{URL}\", data=body)\n"));
            script
        }
    }
}

proptest! {
    #[test]
    fn shell_variable_resolves_to_literal(
        literal in shell_literal(),
        name in name(),
        assignment in any::<usize>(),
        usage in any::<usize>(),
    ) {
        prop_assume!(name != "action");
        let script = format!(
            "#!/bin/bash\n{}\n{}\n",
            shell_assignment(&literal, assignment),
            shell_use(&name, usage)
        );
        let site = only_site(Language::Shell, &script);
        let expected = vec![
            ("action".to_string(), Value::Literal("list".into())),
            (name.clone(), Value::Literal(literal.clone())),
        ];
        prop_assert_eq!(sent(&site), expected, "script:\n{}", script);
        prop_assert!(site.is_complete(), "unresolved {:?} in:\n{}", site.unresolved, script);
    }

    #[test]
    fn python_dict_becomes_parameters(
        pairs in python_pairs(),
        double_quotes in any::<bool>(),
        form in any::<usize>(),
    ) {
        let quote = if double_quotes { '"' } else { '\'' };
        let script = python_script(&pairs, quote, form);
        let site = only_site(Language::Python, &script);
        let expected: Vec<(String, Value)> = pairs
            .iter()
            .map(|(key, value)| (key.clone(), Value::Literal(value.clone())))
            .collect();
        prop_assert_eq!(sent(&site), expected, "script:\n{}", script);
        prop_assert!(site.is_complete(), "unresolved {:?} in:\n{}", site.unresolved, script);
    }
}
