//! Secret planting: scripts that carry a random credential in every shape
//! that scripts for the Qualys API use, each beside a call that produces a
//! finding, are checked in every output format and listed by the inventory
//! in every format. No output may contain the credential or any six
//! characters of it in a row.

mod support;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use proptest::prelude::*;
use support::{agms_lint, stderr, stdout};
use tempfile::TempDir;

const CHECK_FORMATS: [&str; 9] = [
    "human",
    "concise",
    "json",
    "json-lines",
    "sarif",
    "github",
    "markdown",
    "gitlab",
    "junit",
];

const INVENTORY_FORMATS: [&str; 3] = ["table", "json", "csv"];

/// The shortest run of a secret's characters that counts as a leak. Six
/// characters drawn from about 75 make a chance match with ordinary output
/// improbable, yet a mask that stops early inside a secret is caught.
const LEAK_WINDOW: usize = 6;

const URL: &str = "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/";

/// An IP update without `network_id`: AGMS001 reports it.
const SHELL_UPDATE: &str = r#"-d "action=update&ips=10.0.0.1&tracking_method=DNS""#;

/// Generates credentials that fit between quotes in shell and Python: no
/// quote, backslash, `$` or backtick, which would end or expand the string.
fn secret() -> impl Strategy<Value = String> {
    "[A-Za-z0-9!#%+,.:;=?@^_~-]{8,24}"
}

/// Generates passwords for a URL's user information, where `@`, `/`, `?`,
/// `#` and `%` would end it or start an escape.
fn url_secret() -> impl Strategy<Value = String> {
    "[A-Za-z0-9!+,.:;=^_~-]{8,24}"
}

/// Shell scripts by file name, one credential shape each.
fn shell_scripts(secret: &str, url_secret: &str) -> Vec<(&'static str, String)> {
    let host = "qualysapi.qualys.com/api/2.0/fo/asset/ip/";
    vec![
        (
            "user_short.sh",
            format!("curl -s -u \"apiuser:{secret}\" {SHELL_UPDATE} {URL}\n"),
        ),
        (
            "user_long.sh",
            format!("curl -s --user 'apiuser:{secret}' {SHELL_UPDATE} {URL}\n"),
        ),
        (
            "basic_header.sh",
            format!("curl -s -H \"Authorization: Basic {secret}\" {SHELL_UPDATE} {URL}\n"),
        ),
        (
            "token_header.sh",
            format!("curl -s -H \"X-Api-Token: {secret}\" {SHELL_UPDATE} {URL}\n"),
        ),
        (
            "url_password.sh",
            format!("curl -s {SHELL_UPDATE} \"https://apiuser:{url_secret}@{host}\"\n"),
        ),
        (
            "body_password.sh",
            format!("curl -s -d \"action=update&ips=10.0.0.1&password={secret}\" {URL}\n"),
        ),
        (
            "password_variable.sh",
            format!(
                "QG_PASSWORD=\"{secret}\"\ncurl -s -u \"apiuser:$QG_PASSWORD\" {SHELL_UPDATE} {URL}\n"
            ),
        ),
        (
            "token_variable.sh",
            format!(
                "api_token=\"{secret}\"\ncurl -s -H \"X-Api-Token: $api_token\" {SHELL_UPDATE} {URL}\n"
            ),
        ),
        (
            "password_into_body.sh",
            format!(
                "PW='{secret}'\ncurl -s -d \"action=update&ips=10.0.0.1&password=$PW\" {URL}\n"
            ),
        ),
        (
            "user_password_reused.sh",
            format!("curl -s -u \"apiuser:{secret}\" {SHELL_UPDATE} {URL}\necho \"{secret}\"\n"),
        ),
        (
            "user_partly_quoted.sh",
            format!("curl -s -u apiuser:\"{secret}\" {SHELL_UPDATE} {URL}\n"),
        ),
        (
            "wget_password.sh",
            format!(
                "wget -qO- --user=apiuser --password='{secret}' --post-data=\"action=update&ips=10.0.0.1\" {URL}\n"
            ),
        ),
        (
            "curl_config_line.sh",
            format!("curl -s -K <(echo \"user = apiuser:{secret}\") {SHELL_UPDATE} {URL}\n"),
        ),
        (
            "cookie_option.sh",
            format!("curl -s -b \"QualysSession={secret}\" {SHELL_UPDATE} {URL}\n"),
        ),
        (
            "json_body.sh",
            format!("curl -s --json '{{\"action\":\"update\",\"password\":\"{secret}\"}}' {URL}\n"),
        ),
    ]
}

/// Python scripts by file name, one credential shape each.
fn python_scripts(secret: &str, url_secret: &str) -> Vec<(&'static str, String)> {
    let head = format!(
        "import requests\nfrom requests.auth import HTTPBasicAuth\n\
         URL = \"{URL}\"\n\
         DATA = {{\"action\": \"update\", \"ips\": \"10.0.0.1\", \"tracking_method\": \"DNS\"}}\n"
    );
    let host = "qualysapi.qualys.com/api/2.0/fo/asset/ip/";
    let bodies = [
        (
            "auth_tuple.py",
            format!("requests.post(URL, data=DATA, auth=(\"apiuser\", \"{secret}\"))\n"),
        ),
        (
            "basic_auth.py",
            format!(
                "requests.post(URL, data=DATA, auth=HTTPBasicAuth(\"apiuser\", \"{secret}\"))\n"
            ),
        ),
        (
            "bearer_header.py",
            format!(
                "requests.post(URL, data=DATA, headers={{\"Authorization\": \"Bearer {secret}\"}})\n"
            ),
        ),
        (
            "password_variable.py",
            format!(
                "QG_PASSWORD = \"{secret}\"\nrequests.post(URL, data=DATA, auth=(\"apiuser\", QG_PASSWORD))\n"
            ),
        ),
        (
            "token_variable.py",
            format!(
                "api_token = \"{secret}\"\nrequests.post(URL, data=DATA, headers={{\"X-Api-Token\": api_token}})\n"
            ),
        ),
        (
            "url_password.py",
            format!("requests.post(\"https://apiuser:{url_secret}@{host}\", data=DATA)\n"),
        ),
        (
            "body_password.py",
            format!(
                "requests.post(URL, data={{\"action\": \"update\", \"ips\": \"10.0.0.1\", \"password\": \"{secret}\"}})\n"
            ),
        ),
        (
            "environment_default.py",
            format!(
                "import os\nQG_PASSWORD = os.environ.get(\"QG_PASSWORD\", \"{secret}\")\nrequests.post(URL, data=DATA, auth=(\"apiuser\", QG_PASSWORD))\n"
            ),
        ),
        (
            "qualysapi_connect.py",
            format!(
                "import qualysapi\nconn = qualysapi.connect(username=\"apiuser\", password=\"{secret}\", hostname=\"qualysapi.qualys.com\")\nconn.request(\"/api/2.0/fo/asset/ip/\", DATA)\n"
            ),
        ),
        (
            "cookies_argument.py",
            format!("requests.post(URL, data=DATA, cookies={{\"QualysSession\": \"{secret}\"}})\n"),
        ),
        (
            "session_cookie.py",
            format!(
                "session = requests.Session()\nsession.cookies.set(\"QualysSession\", \"{secret}\")\nsession.post(URL, data=DATA)\n"
            ),
        ),
        (
            "session_auth.py",
            format!(
                "session = requests.Session()\nsession.auth = (\"apiuser\", \"{secret}\")\nsession.post(URL, data=DATA)\n"
            ),
        ),
    ];
    bodies
        .into_iter()
        .map(|(name, body)| (name, format!("{head}{body}")))
        .collect()
}

/// Returns the whole secret when `output` contains it, or else the first
/// run of `LEAK_WINDOW` characters of it that `output` contains.
fn leaked_part<'s>(output: &str, secret: &'s str) -> Option<&'s str> {
    if output.contains(secret) {
        return Some(secret);
    }
    let characters: Vec<(usize, char)> = secret.char_indices().collect();
    characters.windows(LEAK_WINDOW).find_map(|window| {
        let start = window[0].0;
        let last = window[LEAK_WINDOW - 1];
        let part = &secret[start..last.0 + last.1.len_utf8()];
        output.contains(part).then_some(part)
    })
}

fn write_scripts(dir: &Path, scripts: &[(&str, String)]) {
    for (name, text) in scripts {
        fs::write(dir.join(name), text).expect("write script");
    }
}

/// Returns the files that have at least one finding, from JSON output.
fn files_with_findings(json: &str) -> BTreeSet<String> {
    let document: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    document["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter_map(|finding| finding["path"].as_str().map(String::from))
        .collect()
}

/// Runs `check` once with every format written to its own file, then the
/// inventory in each format, and returns each output by the command that
/// printed it. Standard output and error are kept too, since warnings go
/// there.
fn outputs(dir: &Path) -> Vec<(String, String)> {
    let reports = TempDir::new().expect("temporary folder");
    let mut args = vec!["--fail-on".to_string(), "none".to_string()];
    for format in CHECK_FORMATS {
        let file = reports.path().join(format);
        args.push("--output".to_string());
        args.push(format!("{format}:{}", file.display()));
    }
    let output = agms_lint()
        .current_dir(dir)
        .arg("check")
        .args(&args)
        .output()
        .expect("agms-lint runs");
    assert_eq!(output.status.code(), Some(0), "check: {}", stderr(&output));

    let mut all = vec![("check".to_string(), stdout(&output) + &stderr(&output))];
    for format in CHECK_FORMATS {
        let text = fs::read_to_string(reports.path().join(format)).expect("report written");
        all.push((format!("check --output {format}"), text));
    }
    for format in INVENTORY_FORMATS {
        let output = agms_lint()
            .current_dir(dir)
            .args(["inventory", "--format", format])
            .output()
            .expect("agms-lint runs");
        assert_eq!(output.status.code(), Some(0), "inventory --format {format}");
        let text = stdout(&output) + &stderr(&output);
        all.push((format!("inventory --format {format}"), text));
    }
    all
}

proptest! {
    // Each case runs the binary four times over twenty-six scripts, so the
    // cases are kept few.
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn planted_secrets_never_printed(secret in secret(), url_secret in url_secret()) {
        let dir = TempDir::new().expect("temporary folder");
        let mut scripts = shell_scripts(&secret, &url_secret);
        scripts.extend(python_scripts(&secret, &url_secret));
        write_scripts(dir.path(), &scripts);

        let all = outputs(dir.path());
        let json = &all.iter().find(|(name, _)| name == "check --output json").unwrap().1;
        let reported = files_with_findings(json);
        for (name, _) in &scripts {
            prop_assert!(reported.contains(*name), "{} has no finding to mask", name);
        }
        for (command, text) in &all {
            for planted in [&secret, &url_secret] {
                if let Some(part) = leaked_part(text, planted) {
                    prop_assert!(false, "{} shows {:?} of {:?}:\n{}", command, part, planted, text);
                }
            }
        }
    }
}
