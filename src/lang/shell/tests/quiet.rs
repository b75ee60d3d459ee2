//! Text that mentions a request but never sends one.

use super::*;

#[test]
fn echo_and_printf_text() {
    assert_no_site("echo \"curl -d action=add -d ips=1.1.1.1 https://h/api/2.0/fo/asset/ip/\"\n");
    assert_no_site("printf '%s\\n' 'curl -d action=add https://h/api/2.0/fo/asset/ip/'\n");
    assert_no_site("echo \"Usage: $0 IP  (calls /api/2.0/fo/asset/ip/ with action=update)\"\n");
}

#[test]
fn comments() {
    assert_no_site("# curl -d action=add https://h/api/2.0/fo/asset/ip/\n");
    assert_no_site("ls -l # curl -d action=add https://h/api/2.0/fo/asset/ip/\n");
}

#[test]
fn heredoc_body() {
    let script = "cat <<EOF > example.sh\ncurl -d action=add https://h/api/2.0/fo/asset/ip/\nEOF\n";
    assert_no_site(script);
    let script = "cat <<-'EOF'\n\tcurl -d action=add https://h/api/2.0/fo/asset/ip/\n\tEOF\n";
    assert_no_site(script);
}

#[test]
fn code_inside_strings() {
    assert_no_site("echo 'curl -d action=add https://h/api/2.0/fo/asset/ip/'\n");
    assert_no_site("ssh host 'curl -d action=add https://h/api/2.0/fo/asset/ip/'\n");
}

#[test]
fn url_in_assignment_only() {
    assert_no_site("URL=https://h/api/2.0/fo/asset/ip/\necho \"$URL\"\n");
}

#[test]
fn no_qualys_context_without_requests() {
    let extraction = extract_script("echo hello\ngrep -q 'already exists' out.txt\n");
    assert!(
        !extraction.qualys_context,
        "a file without requests or Qualys hosts"
    );
}

#[test]
fn qualys_host_gives_context() {
    let extraction =
        extract_script("QG_API=https://qualysapi.qg2.apps.qualys.com\ncurl \"$QG_API$ENDPOINT\"\n");
    assert!(extraction.call_sites.is_empty(), "the endpoint is unknown");
    assert!(
        extraction.qualys_context,
        "the script names a Qualys API host"
    );
}
