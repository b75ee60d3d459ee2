//! Hostile and broken input: deep nesting, syntax errors, odd bytes.

use super::*;

#[test]
fn deeply_nested_command_substitutions() {
    let depth = 50_000;
    let script = format!("x={}{}\n", "$(echo ".repeat(depth), ")".repeat(depth));
    let extraction = extract_script(&script);
    assert!(extraction.call_sites.is_empty());
}

#[test]
fn deeply_nested_expansions_and_strings() {
    let depth = 20_000;
    let script = format!("echo {}{}\n", "${a:-".repeat(depth), "}".repeat(depth));
    assert!(extract_script(&script).call_sites.is_empty());

    let script = format!("echo {}{}\n", "\"$(".repeat(depth), ")\"".repeat(depth));
    assert!(extract_script(&script).call_sites.is_empty());

    let script = format!("{}{}\n", "( ".repeat(depth), " )".repeat(depth));
    assert!(extract_script(&script).call_sites.is_empty());
}

#[test]
fn request_deep_inside_substitutions_is_found() {
    let depth = 200;
    let script = format!(
        "x={}curl -d action=list https://h/api/2.0/fo/scan/{}\n",
        "$(".repeat(depth),
        ")".repeat(depth)
    );
    let site = only_site(&script);
    assert_eq!(literal(&site, "action"), "list");
}

#[test]
fn syntax_errors_do_not_stop_analysis() {
    let script = "if then fi ((( }\ncurl -d action=list https://h/api/2.0/fo/scan/\n";
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 2);
}

#[test]
fn broken_fragments_do_not_panic() {
    let fragments = [
        "curl -d",
        "curl --data=",
        "curl -",
        "curl --",
        "curl -X",
        "${",
        "$(",
        "\"$",
        "case",
        "[[ $x =~",
        "arr[",
        "f() {",
        "wget --post-data",
        "http",
        "http POST",
        "curl -F =",
        "curl -F '=@'",
        "grep -e",
        "grep --regexp",
        "read -a",
        "shift x",
        "set --",
        "${@:x}",
        "${#}",
        "${!}",
        "a=(",
        "declare -a",
        "local",
        "$'\\x",
        "[[ x == [ ]]",
        "case x in [) ;; esac",
        "curl \"${x:-${y:-${z:-}}}\"",
        "curl $'\\u{zz}'",
        "curl -d \"\\",
        "\u{feff}curl",
        "curl -d é=ü https://h/api/2.0/fo/scan/",
        "x=\"$x$x\"; x+=(a)",
        "unset",
        "for",
        "coproc curl https://h/api/2.0/fo/scan/",
        "curl https://h/api/2.0/fo/scan/ --next",
    ];
    for fragment in fragments {
        let _ = extract_script(fragment);
    }
}

#[test]
fn large_file_is_analysed() {
    let mut script = String::new();
    for index in 0..5000 {
        script.push_str(&format!("V{index}=\"value $index\"\n"));
        script.push_str("BODY+=\"&x=1\"\n");
    }
    script.push_str("curl -d action=list https://h/api/2.0/fo/scan/\n");
    let site = only_site(&script);
    assert_eq!(literal(&site, "action"), "list");
}
