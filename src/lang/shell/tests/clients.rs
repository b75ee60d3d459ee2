//! Wget and HTTPie command lines.

use super::*;

#[test]
fn wget_post_data() {
    let site =
        only_site("wget -q --post-data='action=add&ips=10.0.0.1' https://h/api/2.0/fo/asset/ip/\n");
    assert_eq!(path_of(&site), "/api/2.0/fo/asset/ip/");
    assert_eq!(names(&site), ["action", "ips"]);
    assert_eq!(site.method.as_deref(), Some("POST"));
}

#[test]
fn wget_options_with_arguments() {
    let script = "wget -qO- --header 'X-Requested-With: wget' --user \"$U\" --post-data \"action=list\" \
                  -o log.txt -t 3 https://h/api/2.0/fo/scan/\n";
    let site = only_site(script);
    assert_eq!(path_of(&site), "/api/2.0/fo/scan/");
    assert_eq!(names(&site), ["action"]);
}

#[test]
fn wget_post_file_is_unresolved() {
    let site = only_site("wget --post-file=body.txt https://h/api/2.0/fo/asset/ip/\n");
    assert_eq!(unresolved(&site), ["--post-file body.txt"]);
    assert_eq!(site.method.as_deref(), Some("POST"));
}

#[test]
fn wget_method_and_body() {
    let site =
        only_site("wget --method=PUT --body-data 'action=update' https://h/api/2.0/fo/asset/ip/\n");
    assert_eq!(site.method.as_deref(), Some("PUT"));
    assert_eq!(names(&site), ["action"]);

    let site = only_site("wget --method POST --body-file=b.txt https://h/api/2.0/fo/asset/ip/\n");
    assert_eq!(site.method.as_deref(), Some("POST"));
    assert_eq!(unresolved(&site), ["--body-file b.txt"]);
}

#[test]
fn wget_get_with_query() {
    let site = only_site("wget -O out.xml \"https://h/api/2.0/fo/scan/?action=list\"\n");
    assert_eq!(site.method.as_deref(), Some("GET"));
    assert_eq!(names(&site), ["action"]);
}

#[test]
fn wget_of_other_url_is_quiet() {
    assert_no_site("wget --post-data='action=add' https://example.com/upload\n");
}

#[test]
fn httpie_items() {
    let script = "http POST https://h/api/2.0/fo/asset/ip/ action==add ips=10.0.0.1 X-Requested-With:httpie\n";
    let site = only_site(script);
    assert_eq!(site.method.as_deref(), Some("POST"));
    assert_eq!(
        names(&site),
        ["action", "ips"],
        "headers are not parameters"
    );
    assert_eq!(literal(&site, "action"), "add");
}

#[test]
fn httpie_method_from_items() {
    let site = only_site("http --form -a user:pass https://h/api/2.0/fo/scan/ action=list\n");
    assert_eq!(
        site.method.as_deref(),
        Some("POST"),
        "data items make a POST"
    );
    assert_eq!(names(&site), ["action"]);

    let site = only_site("https qualysapi.qualys.com/api/2.0/fo/scan/ action==list\n");
    assert_eq!(
        site.method.as_deref(),
        Some("GET"),
        "query items alone make a GET"
    );
}

#[test]
fn httpie_file_and_unknown_items() {
    let site =
        only_site("http https://h/api/2.0/fo/asset/ip/ action=add ips=@ips.txt \"$EXTRA\"\n");
    assert_eq!(dynamic(&site, "ips"), "@ips.txt");
    assert_eq!(unresolved(&site), ["$EXTRA"]);
}
