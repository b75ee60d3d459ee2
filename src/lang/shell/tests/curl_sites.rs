//! curl command lines: data options, forms, methods, URLs, option parsing.

use super::*;

#[test]
fn repeated_data_options_join() {
    let site = only_site("curl -d action=add -d ips=10.0.0.1 https://h/api/2.0/fo/asset/ip/\n");
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
    assert_eq!(names(&site), ["action", "ips"]);
    assert_eq!(literal(&site, "ips"), "10.0.0.1");
    assert_eq!(site.method.as_deref(), Some("POST"));
    assert_eq!(site.via, None);
    assert!(
        site.unresolved.is_empty(),
        "unexpected unresolved: {:?}",
        unresolved(&site)
    );
    assert_always(&site);
}

#[test]
fn one_data_option_with_several_fields() {
    let site = only_site(
        "curl -d 'action=add&ips=10.0.0.1&ag_title=All+Servers' https://h/api/2.0/fo/asset/ip/",
    );
    assert_eq!(names(&site), ["action", "ips", "ag_title"]);
    assert_eq!(
        literal(&site, "ag_title"),
        "All Servers",
        "-d values are form-decoded"
    );
}

#[test]
fn every_data_option_spelling() {
    let script = "curl --data action=add --data-raw ips=1.1.1.1 --data-binary enable_vm=1 \
                  --data-ascii ag_title=All https://h/api/2.0/fo/asset/ip/";
    let site = only_site(script);
    assert_eq!(names(&site), ["action", "ips", "enable_vm", "ag_title"]);
}

#[test]
fn data_raw_keeps_at_sign() {
    let site = only_site("curl --data-raw '@notafile=1' https://h/api/2.0/fo/asset/ip/");
    assert_eq!(names(&site), ["@notafile"]);
    assert!(site.unresolved.is_empty(), "--data-raw never reads a file");
}

#[test]
fn data_urlencode_forms() {
    let script = r#"curl --data-urlencode "action=add" --data-urlencode "ag_title=A+B & C" \
  --data-urlencode "=echo_request" --data-urlencode "ips@ips.txt" \
  --data-urlencode @more.txt https://h/api/2.0/fo/asset/ip/"#;
    let site = only_site(script);
    assert_eq!(names(&site), ["action", "ag_title", "echo_request", "ips"]);
    assert_eq!(
        literal(&site, "ag_title"),
        "A+B & C",
        "encoded content is sent as written"
    );
    assert_eq!(literal(&site, "echo_request"), "");
    assert_eq!(dynamic(&site, "ips"), "@ips.txt");
    assert_eq!(unresolved(&site), ["--data-urlencode @more.txt"]);
}

#[test]
fn data_urlencode_unknown_name_is_unresolved() {
    let site = only_site(r#"curl --data-urlencode "$FIELD" https://h/api/2.0/fo/asset/ip/"#);
    assert!(
        site.params.is_empty(),
        "no parameter can be named: {:?}",
        names(&site)
    );
    assert_eq!(unresolved(&site), ["--data-urlencode $FIELD"]);
}

#[test]
fn form_fields() {
    let script = r#"curl -F action=add -F "ips=@ips.txt" -F "ag_title=All;type=text/plain" \
  --form-string "comment=@literal" https://h/api/2.0/fo/asset/ip/"#;
    let site = only_site(script);
    assert_eq!(names(&site), ["action", "ips", "ag_title", "comment"]);
    assert_eq!(
        dynamic(&site, "ips"),
        "@ips.txt",
        "a file upload still names the parameter"
    );
    assert_eq!(
        literal(&site, "ag_title"),
        "All",
        "the ;type= attribute is not part of the value"
    );
    assert_eq!(
        literal(&site, "comment"),
        "@literal",
        "--form-string reads no file"
    );
    assert_eq!(site.method.as_deref(), Some("POST"));
}

#[test]
fn get_option_sends_data_as_query() {
    let site = only_site("curl -G -d action=list -d state=Finished https://h/api/2.0/fo/scan/");
    assert_eq!(site.method.as_deref(), Some("GET"));
    assert_eq!(names(&site), ["action", "state"]);
}

#[test]
fn get_option_appends_data_after_url_query() {
    // curl -G sends `?action=list&action=add`, and the API takes the last
    // value, so this is an add even though the URL comes last.
    let site = only_site("curl -G -d action=add 'https://h/api/2.0/fo/asset/ip/?action=list'");
    let actions: Vec<&str> = site
        .params
        .iter()
        .map(|param| param.value.as_literal().unwrap_or("?"))
        .collect();
    assert_eq!(actions, ["list", "add"]);
}

#[test]
fn request_option_sets_method() {
    let cases = [
        (
            "curl -X POST https://h/api/2.0/fo/scan/?action=list",
            Some("POST"),
        ),
        (
            "curl -XPOST https://h/api/2.0/fo/scan/?action=list",
            Some("POST"),
        ),
        (
            "curl --request PUT https://h/api/2.0/fo/scan/?action=list",
            Some("PUT"),
        ),
        (
            "curl -sXGET https://h/api/2.0/fo/scan/?action=list",
            Some("GET"),
        ),
        (
            "curl -X \"$VERB\" https://h/api/2.0/fo/scan/?action=list",
            None,
        ),
        ("curl https://h/api/2.0/fo/scan/?action=list", Some("GET")),
        (
            "curl -I https://h/api/2.0/fo/scan/?action=list",
            Some("HEAD"),
        ),
        (
            "curl -T up.xml https://h/api/2.0/fo/scan/?action=list",
            Some("PUT"),
        ),
    ];
    for (script, method) in cases {
        let site = only_site(script);
        assert_eq!(site.method.as_deref(), method, "method of {script}");
        assert_eq!(names(&site), ["action"], "parameters of {script}");
    }
}

#[test]
fn url_option() {
    let site = only_site("curl -d action=list --url https://h/api/2.0/fo/scan/");
    assert_eq!(path_of(&site), "/api/2.0/fo/scan/");
    assert_eq!(names(&site), ["action"]);
}

#[test]
fn combined_short_flags() {
    let cases = [
        "curl -sSd action=list https://h/api/2.0/fo/scan/",
        "curl -daction=list https://h/api/2.0/fo/scan/",
        "curl -sdaction=list https://h/api/2.0/fo/scan/",
        "curl --data=action=list https://h/api/2.0/fo/scan/",
    ];
    for script in cases {
        let site = only_site(script);
        assert_eq!(names(&site), ["action"], "parameters of {script}");
        assert_eq!(literal(&site, "action"), "list", "value in {script}");
    }
}

#[test]
fn option_arguments_are_skipped() {
    let script = r#"curl -u "$QG_USER:$QG_PASSWORD" -H 'X-Requested-With: curl' -o out.xml \
  -A agent -b cookies -c jar -e https://ref/api/2.0/fo/asset/ip/ -w '%{http_code}' -m 30 \
  --connect-timeout 5 --retry 3 --header "Accept: */*" --user-agent x --cacert ca.pem \
  -K "$HOME/.curlrc.d/none" https://h/api/2.0/fo/scan/?action=list"#;
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/scan/");
    assert_eq!(names(&site), ["action"]);
    assert_eq!(
        unresolved(&site),
        ["-K $HOME/.curlrc.d/none"],
        "a config file may add parameters"
    );
}

#[test]
fn header_naming_api_path_is_not_url() {
    assert_no_site("curl -H 'Referer: https://h/api/2.0/fo/asset/ip/' https://example.com/\n");
}

#[test]
fn query_string_and_body_in_source_order() {
    let site = only_site(
        "curl -d ips=1.1.1.1 'https://h/api/2.0/fo/asset/ip/?action=add&enable_vm=1' -d ag_title=All",
    );
    assert_eq!(names(&site), ["ips", "action", "enable_vm", "ag_title"]);
}

#[test]
fn continued_command_spans_every_line() {
    let script = "echo start\ncurl -s \\\n  -d action=add \\\n  -d ips=1.1.1.1 \\\n  https://h/api/2.0/fo/asset/ip/\necho done\n";
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 2, "reported at the curl line");
    assert!(
        script[site.span.start..site.span.end].ends_with("asset/ip/"),
        "span should end at the last argument: {:?}",
        &script[site.span.start..site.span.end]
    );
}

#[test]
fn file_and_unknown_bodies_are_unresolved() {
    let script = r#"curl -d action=add -d @body.txt --data-binary @- -d "$BODY" https://h/api/2.0/fo/asset/ip/"#;
    let site = only_site(script);
    assert_eq!(names(&site), ["action"]);
    assert_eq!(
        unresolved(&site),
        ["-d @body.txt", "--data-binary @-", "$BODY"]
    );
}

#[test]
fn clustered_data_option_is_named_alone() {
    let site = only_site("curl -sd @body.txt https://h/api/2.0/fo/asset/ip/");
    assert_eq!(unresolved(&site), ["-d @body.txt"]);
}

#[test]
fn cluster_with_non_ascii_letter() {
    // The option name was once sliced from the byte before `d`, which lies
    // inside `é` here.
    let site = only_site("curl -éd action=list https://h/api/2.0/fo/scan/");
    assert_eq!(names(&site), ["action"]);
    let site = only_site("curl -éd @body.txt https://h/api/2.0/fo/scan/");
    assert_eq!(unresolved(&site), ["-d @body.txt"]);
}

#[test]
fn command_substitution_body_is_unresolved() {
    let site = only_site(r#"curl -d "$(make_body add)" https://h/api/2.0/fo/asset/ip/"#);
    assert_eq!(unresolved(&site), ["$(make_body add)"]);
}

#[test]
fn unknown_value_is_dynamic_not_missing() {
    let site =
        only_site(r#"curl -d "action=update&network_id=$NET" https://h/api/2.0/fo/asset/ip/"#);
    assert_eq!(dynamic(&site, "network_id"), "$NET");
    assert!(
        site.unresolved.is_empty(),
        "a dynamic value leaves the set complete"
    );
}

#[test]
fn json_body_is_unresolved() {
    let site = only_site(r#"curl --json '{"action":"list"}' https://h/api/2.0/fo/scan/"#);
    assert_eq!(unresolved(&site), [r#"--json {"action":"list"}"#]);
    assert_eq!(site.method.as_deref(), Some("POST"));
}

#[test]
fn similar_path_is_another_endpoint() {
    let site =
        only_site("curl -d action=add -d ips=1.1.1.1 https://h/api/2.0/fo/asset/excluded_ip/");
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/excluded_ip/");
}

#[test]
fn other_urls_are_not_call_sites() {
    assert_no_site("curl -d action=add https://example.com/api/add\n");
    assert_no_site("curl -s \"$URL\" -d action=add\n");
    assert_no_site("curl -s https://h/api/v1/asset/ip/\n");
}

#[test]
fn next_starts_a_new_request() {
    let script = "curl -d action=list https://h/api/2.0/fo/scan/ --next -d action=add https://h/api/2.0/fo/asset/ip/";
    let sites = extract_script(script).call_sites;
    assert_eq!(sites.len(), 2, "one call site per request: {sites:#?}");
    assert_eq!(path_of(&sites[0]), "/api/2.0/fo/scan/");
    assert_eq!(literal(&sites[0], "action"), "list");
    assert_eq!(path_of(&sites[1]), "/api/2.0/fo/asset/ip/");
    assert_eq!(literal(&sites[1], "action"), "add");
}

#[test]
fn host_version_and_slash_variants() {
    let cases = [
        (
            "curl https://qualysapi.qualys.eu//api/2.0/fo/asset/ip?action=list",
            "/api/2.0/fo/asset/ip/",
        ),
        (
            "curl \"$QG/api/3.0/fo/scan/?action=list\"",
            "/api/3.0/fo/scan/",
        ),
        (
            "curl qualysapi.qualys.com/msp/user.php?action=list",
            "/msp/user.php",
        ),
        (
            "curl -- https://h/api/2.0/fo/scan/?action=list",
            "/api/2.0/fo/scan/",
        ),
    ];
    for (script, path) in cases {
        assert_eq!(path_of(&only_site(script)), path, "path of {script}");
    }
}

#[test]
fn client_behind_prefixes() {
    let cases = [
        "sudo -u svc curl -d action=list https://h/api/2.0/fo/scan/",
        "/usr/bin/curl -d action=list https://h/api/2.0/fo/scan/",
        "command curl -d action=list https://h/api/2.0/fo/scan/",
        "env LC_ALL=C curl -d action=list https://h/api/2.0/fo/scan/",
        "time curl -d action=list https://h/api/2.0/fo/scan/",
        "LC_ALL=C curl -d action=list https://h/api/2.0/fo/scan/",
        r"\curl -d action=list https://h/api/2.0/fo/scan/",
    ];
    for script in cases {
        let site = only_site(script);
        assert_eq!(names(&site), ["action"], "parameters of {script}");
    }
}

#[test]
fn commands_in_every_position() {
    let request = "curl -d action=list https://h/api/2.0/fo/scan/";
    let scripts = [
        format!("reply=$({request})\n"),
        format!("reply=`{request}`\n"),
        format!("{request} | grep -c SCAN\n"),
        format!("cd /tmp && {request} || exit 1\n"),
        format!("for i in 1 2; do\n  {request}\ndone\n"),
        format!("while true; do {request}; break; done\n"),
        format!("if {request}; then :; fi\n"),
        format!("if true; then\n  :\nelse\n  {request}\nfi\n"),
        format!("( {request} )\n"),
        format!("{{ {request}; }} > out.xml\n"),
        format!("echo \"$({request})\"\n"),
        format!("case $1 in\n  list) {request} ;;\nesac\n"),
        format!("! {request}\n"),
    ];
    for script in &scripts {
        let site = only_site(script);
        assert_eq!(literal(&site, "action"), "list", "parameters in:\n{script}");
    }
}

#[test]
fn assignment_lines_before_command_keep_its_line() {
    // tree-sitter-bash attaches `A=1 B=2` on one line to the command on the
    // next one. The call site must still start at curl, and both
    // assignments must count.
    let script = "ACTION=add IPS=10.0.0.1\ncurl -d \"action=$ACTION\" -d \"ips=$IPS\" https://h/api/2.0/fo/asset/ip/\n";
    let site = only_site(script);
    assert_eq!(line_of(script, site.span), 2, "reported at the curl line");
    assert_eq!(literal(&site, "action"), "add");
    assert_eq!(literal(&site, "ips"), "10.0.0.1");
}

#[test]
fn prefix_assignment_only_affects_environment() {
    let script =
        "ACTION=list\nACTION=add curl -d \"action=$ACTION\" https://h/api/2.0/fo/asset/ip/\n";
    let site = only_site(script);
    assert_eq!(
        literal(&site, "action"),
        "list",
        "a prefix assignment does not change the shell's own expansion"
    );
}
