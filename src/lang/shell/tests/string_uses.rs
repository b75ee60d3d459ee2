//! String uses from case patterns, tests, grep and assignments.

use super::*;
use crate::model::{StringUse, StringUseKind};

fn uses(script: &str) -> Vec<StringUse> {
    extract_script(script).string_uses
}

/// Returns the uses as (text, kind) pairs, for compact comparisons.
fn texts(script: &str) -> Vec<(String, StringUseKind)> {
    uses(script)
        .into_iter()
        .map(|use_| (use_.text, use_.kind))
        .collect()
}

fn pair(text: &str, kind: StringUseKind) -> (String, StringUseKind) {
    (text.to_string(), kind)
}

use StringUseKind::{Equality, Inequality, Regex, Substring};

#[test]
fn case_patterns() {
    let script = r#"case "$reply" in
  *"Tried to delete invalid Asset Group"*) gone ;;
  *already\ exists*|"exact") other ;;
  *'One or more IPs'*" are not"*) ips ;;
  *) ;;
esac
"#;
    let found = uses(script);
    let pairs: Vec<_> = found.iter().map(|u| (u.text.clone(), u.kind)).collect();
    assert_eq!(
        pairs,
        [
            pair("Tried to delete invalid Asset Group", Substring),
            pair("already exists", Substring),
            pair("exact", Equality),
            pair(r"(?s)^.*One or more IPs.* are not.*$", Regex),
        ]
    );
    assert_eq!(
        line_of(script, found[0].span),
        2,
        "span of the first pattern"
    );
    assert!(
        found.iter().all(|u| !u.case_insensitive),
        "case patterns match case"
    );
}

#[test]
fn nocasematch_makes_patterns_case_insensitive() {
    let script = "shopt -s nocasematch\ncase $r in *\"already exists\"*) : ;; esac\n";
    let found = uses(script);
    assert_eq!(found.len(), 1, "one use: {found:?}");
    assert!(found[0].case_insensitive, "nocasematch is on");
}

#[test]
fn double_bracket_comparisons() {
    let script = r#"[[ $r == *"Asset Group"* ]] && [[ $r == "exact text" ]]
[[ $r != *not\ assigned* ]] || [[ $r = pre* ]]
"#;
    assert_eq!(
        texts(script),
        [
            pair("Asset Group", Substring),
            pair("exact text", Equality),
            pair("not assigned", Inequality),
            pair("(?s)^pre.*$", Regex),
        ]
    );
}

#[test]
fn regex_matches() {
    let script = r#"[[ $r =~ ^One\ or\ more(.*)$ ]]
[[ $r =~ "already exists."(.*) ]]
"#;
    assert_eq!(
        texts(script),
        [
            pair("^One or more(.*)$", Regex),
            pair(r"already exists\.(.*)", Regex)
        ]
    );
}

#[test]
fn single_bracket_compares_literally() {
    assert_eq!(texts("[ \"$r\" = \"a*b\" ]\n"), [pair("a*b", Equality)]);
    assert_eq!(texts("[ \"$r\" = a*b ]\n"), [pair("a*b", Equality)]);
}

#[test]
fn regex_from_variable_points_at_assignment() {
    let script = "RE='One or more IPs.*assigned'\n[[ $r =~ $RE ]]\n";
    let found = uses(script);
    assert_eq!(found.len(), 2, "a substring use and a regex use: {found:?}");
    assert!(
        found.iter().all(|u| line_of(script, u.span) == 1),
        "both at the literal: {found:?}"
    );
    let kinds: Vec<_> = found.iter().map(|u| u.kind).collect();
    assert!(kinds.contains(&Substring), "kinds {kinds:?}");
    assert!(kinds.contains(&Regex), "kinds {kinds:?}");
}

#[test]
fn grep_dialects() {
    let cases = [
        (r"grep 'a\(b\|c\)d' f", pair("a(b|c)d", Regex), false),
        ("grep 'x(y)' f", pair(r"x\(y\)", Regex), false),
        ("grep -E '(a|b)+' f", pair("(a|b)+", Regex), false),
        ("egrep 'a{2}' f", pair("a{2}", Regex), false),
        ("grep -F 'x.y' f", pair("x.y", Substring), false),
        ("fgrep -i 'x.y' f", pair("x.y", Substring), true),
        (
            "grep -qiE 'already exists' f",
            pair("already exists", Regex),
            true,
        ),
        (
            "grep --ignore-case --fixed-strings 'x' f",
            pair("x", Substring),
            true,
        ),
        ("grep -P '\\d+ IPs' f", pair(r"\d+ IPs", Regex), false),
        ("grep -c -- '-x' f", pair("-x", Regex), false),
    ];
    for (script, expected, case_insensitive) in cases {
        let found = uses(script);
        assert_eq!(found.len(), 1, "one use in {script}: {found:?}");
        assert_eq!(
            (found[0].text.clone(), found[0].kind),
            expected,
            "use in {script}"
        );
        assert_eq!(
            found[0].case_insensitive, case_insensitive,
            "case of {script}"
        );
    }
}

#[test]
fn grep_pattern_options() {
    let script = "grep -e 'first' -e\"second\" --regexp=third --regexp fourth -m 1 file\n";
    assert_eq!(
        texts(script),
        [
            pair("first", Regex),
            pair("second", Regex),
            pair("third", Regex),
            pair("fourth", Regex),
        ]
    );
}

#[test]
fn grep_in_pipeline_and_with_unknown_piece() {
    let script = "echo \"$reply\" | grep -q \"IPs $ip are not\" && echo ok\n";
    assert_eq!(texts(script), [pair("IPs .* are not", Regex)]);
}

#[test]
fn grep_pattern_from_variable() {
    let script = "OLD='Tried to delete invalid Asset Group'\ngrep -F \"$OLD\" log\n";
    let found = uses(script);
    assert_eq!(
        found.len(),
        1,
        "the same literal, used twice the same way: {found:?}"
    );
    assert_eq!(line_of(script, found[0].span), 1);
}

#[test]
fn assigned_literals() {
    let script =
        "MSG=\"Tried to delete $id here\"\nlocal_ok='already exists'\nN=42\nX=$(grep -c y f)\n";
    assert_eq!(
        texts(script),
        [
            pair("Tried to delete ", Substring),
            pair(" here", Substring),
            pair("already exists", Substring),
            pair("y", Regex),
        ]
    );
}

#[test]
fn echo_and_comments_are_not_uses() {
    let script = "echo \"Tried to delete invalid Asset Group\"\nprintf 'already exists\\n'\n# [[ $r == *\"x\"* ]]\n";
    assert!(uses(script).is_empty(), "found {:?}", uses(script));
}

#[test]
fn uses_in_functions_are_recorded_once() {
    let script = r#"check() {
  case "$1" in *"already exists"*) return 1 ;; esac
  curl -d "action=add&ips=$1" https://h/api/2.0/fo/asset/ip/
}
check a
check b
"#;
    let found = uses(script);
    assert_eq!(
        found.len(),
        1,
        "walking the function at each call adds no use: {found:?}"
    );
}

#[test]
fn skipping_tests_are_inequalities() {
    let script = r#"for title in $titles; do
  [[ $title != "All" ]] || echo all
  case "$title" in
    All) continue ;;
    Web) echo web ;;
  esac
done
"#;
    assert_eq!(
        texts(script),
        [
            pair("All", Inequality),
            pair("All", Inequality),
            pair("Web", Equality),
        ]
    );
}

#[test]
fn tests_whose_match_only_continues_are_inequalities() {
    let script = r#"for title in $titles; do
  [[ $title == All ]] && continue
  [ "$title" = "All" ] && continue
  if [ "$title" = All ]; then
    continue
  fi
  [[ $title == Web ]] && echo web
  [ "$title" = Web ] || continue
done
"#;
    assert_eq!(
        texts(script),
        [
            pair("All", Inequality),
            pair("All", Inequality),
            pair("All", Inequality),
            pair("Web", Equality),
            pair("Web", Equality),
        ]
    );
}

#[test]
fn not_equal_that_only_continues_keeps_the_value() {
    let script = r#"for title in $titles; do
  [[ $title != All ]] && continue
  if [ "$title" != All ]; then continue; fi
  [ "$title" != All ] || continue
done
"#;
    assert_eq!(
        texts(script),
        [
            pair("All", Equality),
            pair("All", Equality),
            pair("All", Inequality),
        ]
    );
}

#[test]
fn xpath_of_xml_tools() {
    let script = r#"xmllint --xpath "//ASSET_GROUP[TITLE='All']/ID" groups.xml
xmlstarlet sel -t -v '//ASSET_GROUP/TITLE' -n groups.xml
xmlstarlet ed -d '//ASSET_GROUP' groups.xml
xmllint --format groups.xml
xmllint --xpath "//ASSET_GROUP[TITLE='$name']" groups.xml
"#;
    assert_eq!(
        texts(script),
        [
            pair("//ASSET_GROUP[TITLE='All']/ID", Substring),
            pair("//ASSET_GROUP/TITLE", Substring),
        ]
    );
}

#[test]
fn backslash_in_regex_operand_quotes() {
    let found = uses("[[ $line =~ \\<DOMAIN\\>(.*) ]]\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, Regex);
    let regex = regex::Regex::new(&found[0].text).expect("valid regex");
    assert!(regex.is_match("<DOMAIN>abc123.com"), "{}", found[0].text);
    assert!(
        !regex.is_match("DOMAIN abc123.com"),
        "\\< is a literal <, not a word start: {}",
        found[0].text
    );
}

#[test]
fn sed_scripts_are_regex_uses() {
    let script = r#"sed -n 's/.*<ID>\(.*\)<\/ID>.*/\1/p' groups.xml
cat groups.xml | sed -E '/<TITLE>/d'
echo "$reply" | sed -e "s/$name//"
"#;
    let found = texts(script);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|(_, kind)| *kind == Regex), "{found:?}");
    assert!(found[0].0.contains("</ID>"), "{found:?}");
    assert!(found[1].0.contains("<TITLE>"), "{found:?}");
}

#[test]
fn awk_programs_are_regex_uses() {
    let script = r#"echo "$r" | awk '/not assigned/ { print }'
awk -v n=1 -F, '$2 ~ "Tried to delete" && NR > n' log.csv
awk -f scope.awk '/ignored: read from a file/' log.csv
awk '{ print $1 / 2 }' sizes.txt
"#;
    let found = texts(script);
    assert_eq!(
        found,
        [pair("not assigned", Regex), pair("Tried to delete", Regex)]
    );
}

#[test]
fn grep_function_still_reads_pattern() {
    let script =
        "grep() { command grep --color=never \"$@\"; }\ngrep 'not assigned to this user' out.txt\n";
    assert_eq!(texts(script), [pair("not assigned to this user", Regex)]);
}
