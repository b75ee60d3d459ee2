//! Masking of credentials in source text before any of it is printed.
//!
//! Scripts that call the Qualys API carry credentials: `curl -u user:pass`,
//! `Authorization:` headers, `auth=(user, password)`, passwords in URLs and
//! in variables. Every piece of source text that an output format shows
//! goes through [`mask`] first. Masking keeps the byte length, so spans
//! computed on the original text stay valid on the masked text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Parts of names that mark a credential, as in `QG_PASSWORD`, `QG_PW`,
/// `api_key` or `X-Api-Token`.
const CREDENTIAL_NAME: &str = "pass(?:word|wd)?|pwd?|token|secret|api_?key|cred|auth|bearer";

static CREDENTIAL_NAME_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){CREDENTIAL_NAME}")).expect("credential name pattern is valid")
});

/// A quoted shell or Python value: `$'...'`, `$(...)`, a quoted string, or
/// a Python tuple of quoted strings such as `("admin", "pass")`.
const VALUE: &str =
    r#"\$'[^'\n]*'|\$\([^)\n]*\)|"[^"\n]*"|'[^'\n]*'|\((?:\s*(?:"[^"\n]*"|'[^'\n]*')\s*,?)+\s*\)"#;

/// A quoted value with no white space in it. Only such a value continues a
/// credential that has begun, as in `PASS=abc"def"`. One with spaces after
/// the secret is more often the next argument: in `-H "X-Token: abc" -d
/// "x"`, the text `" -d "` is not part of the token.
const TIGHT_VALUE: &str = r#"\$'[^'\s]*'|\$\([^)\s]*\)|"[^"\s]*"|'[^'\s]*'"#;

/// Builds the pattern of a shell word that contains a credential, from its
/// first piece: quoted values, backslash-escaped characters (`pass\ word`)
/// and bare characters other than those in `stop`. After a `:` or `=`, a quoted
/// value may hold spaces, as in `-u admin:"pass word"`.
fn credential_word(stop: &str) -> String {
    let bare = format!(r#"\\.|[^\s'"\\{stop}]"#);
    format!(r#"(?:{VALUE}|{bare})(?:[:=](?:{VALUE})|{TIGHT_VALUE}|{bare})*"#)
}

/// Each pattern's group named `secret` is masked.
static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    // The match starts at the credential part of the name, not at the start
    // of the word. The secret found is the same, and the search needs no
    // backward scan to find where each match starts.
    let name_and_value = format!(
        r#"(?i)(?:{CREDENTIAL_NAME})[A-Za-z0-9_]*['"]?\s*[:=]\s*(?P<secret>{})"#,
        credential_word("&")
    );
    let name_then_default = format!(
        r#"(?i)['"][A-Za-z0-9_]*(?:{CREDENTIAL_NAME})[A-Za-z0-9_]*['"]\s*,\s*(?P<secret>"[^"\n]*"|'[^'\n]*')"#
    );
    // curl -u user:pass, --user=user:pass, -su "$U:$P", -u user:"pass",
    // wget --password x, HTTPie -a user:pass, curl --oauth2-bearer t,
    // -b "Session=...". The value is a whole shell word, quotes and all.
    let option_value = format!(
        r#"(?:^|[\s'"])(?:-[A-Za-z]*[uU]|-a|-b|--user|--proxy-user|--auth|--password|--http-password|--ftp-password|--proxy-password|--oauth2-bearer|--cookie|--pass|--key-pass)(?:\s+|=)?(?P<secret>{})"#,
        credential_word("")
    );
    // curl -E cert.pem:password, --cert cert.pem:password, and in a curl
    // config file (`-K`) `cert = cert.pem:password`.
    // Without a leading context, the searcher can start from the literals.
    let certificate = r#"(?:-E|--cert|\bcert)(?:\s+|\s*=\s*)['"]?[^\s'":]+:(?P<secret>[^\s'"]+)"#;
    [
        // https://user:password@host/
        r"(?i)[a-z][a-z0-9+.-]*://(?P<secret>[^/\s@'\x22]+)@",
        &option_value,
        certificate,
        // -H "Authorization: Basic abc", "X-Api-Token: abc". With
        // `(?:proxy-)?` in place of a second name, the engine finds the same
        // matches in less than half the time on Qualys scripts.
        r"(?i)(?:(?:proxy-)?authorization|cookie|x-[a-z0-9-]*(?:token|key|auth|secret|password)[a-z0-9-]*)\s*['\x22]?\s*[:=]\s*['\x22]?(?P<secret>[^'\x22\n]+)",
        // auth=("user", "pass"), HTTPBasicAuth("user", "pass"), BasicAuth(...),
        // also split over lines as formatters write them, where a quoted `)`
        // or `]` does not end them.
        r#"(?:\bauth\s*=\s*[(\[]|Auth\()(?P<secret>(?:"[^"\n]*"|'[^'\n]*'|[^)\]"'])*)"#,
        // A curl config file (`-K`): `user = apiuser:pass`, `user apiuser:pass`,
        // `proxy-user = u:p`. curl reads these names in lower case only, and
        // a case-sensitive `user` lets the searcher skip ahead to it.
        r#"(?:^|[\s'"(])(?:proxy-)?user\s*[=:]?\s*['"]?[^\s'":@/]+:(?P<secret>[^\s'"]+)"#,
        // cookies={"QualysSession": "x"}, cookies=dict(...),
        // s.cookies.update({...}): the cookies' names and values.
        r#"\bcookies(?:\s*=\s*|\.update\(\s*)(?:\{|dict\()(?P<secret>(?:"[^"\n]*"|'[^'\n]*'|[^)}"'])*)"#,
        // s.cookies.set("QualysSession", "x"), s.cookies["QualysSession"] = "x"
        r#"\bcookies(?:\.set\(\s*(?:"[^"\n]*"|'[^'\n]*')\s*,|\[[^\]\n]*\]\s*=)\s*(?P<secret>"[^"\n]*"|'[^'\n]*')"#,
        // password=x, QG_PASSWORD="x", QG_PW='x', "api_key": "x", token: x
        &name_and_value,
        // os.environ.get("QG_PASSWORD", "x"), settings.get("api_key", "x")
        &name_then_default,
    ]
    .iter()
    .map(|pattern| Regex::new(pattern).expect("credential pattern is valid"))
    .collect()
});

/// Returns whether a name, such as a form parameter's or a variable's,
/// marks its value as a credential.
pub fn is_credential_name(name: &str) -> bool {
    CREDENTIAL_NAME_PATTERN.is_match(name)
}

/// The byte ranges of the credentials in `text`, found once and then used
/// both to mask the text and to list the values.
pub struct Credentials {
    ranges: Vec<Range<usize>>,
}

impl Credentials {
    pub fn find(text: &str) -> Self {
        let ranges = PATTERNS
            .iter()
            .flat_map(|pattern| pattern.captures_iter(text))
            .filter_map(|captures| captures.name("secret"))
            .map(|secret| secret.range())
            .collect();
        Credentials { ranges }
    }

    /// Returns the credential values, without their quotes, so that the
    /// same value can be masked where it reappears after resolution, as in
    /// `password = "x"` later sent as `comment=x`. The password of a
    /// `user:password` pair is listed on its own too. Values shorter than four
    /// characters are left out: they would mask ordinary words.
    pub fn values(&self, text: &str) -> Vec<String> {
        let mut found: Vec<String> = self
            .ranges
            .iter()
            .filter_map(|range| text.get(range.clone()))
            .flat_map(quoted_parts)
            .flat_map(with_password_part)
            .filter(|value| value.chars().count() >= 4 && !value.starts_with('$'))
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// Returns `text` with every credential replaced by `*`, byte for byte.
    pub fn mask(&self, text: &str) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for range in &self.ranges {
            bytes[range.clone()].fill(b'*');
        }
        // A match can end inside a multi-byte character. Lossy conversion
        // then keeps the result valid UTF-8.
        String::from_utf8(bytes)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
    }
}

/// Returns the credential values in `text`, as [`Credentials::values`] does.
pub fn values(text: &str) -> Vec<String> {
    Credentials::find(text).values(text)
}

/// Splits a masked region such as `"user", "pass"` into its quoted parts,
/// or returns the whole region when it has no quotes.
fn quoted_parts(region: &str) -> Vec<String> {
    let parts: Vec<String> = region
        .split(['"', '\''])
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    if parts.is_empty() {
        vec![region.trim().to_string()]
    } else {
        parts
    }
}

/// Returns `value`, and for a `user:password` pair, as `curl -u` and URLs
/// carry them, the password alone too, because scripts reuse it bare.
fn with_password_part(value: String) -> Vec<String> {
    let password = value
        .split_once(':')
        .map(|(_, password)| password.to_string())
        .filter(|password| !password.starts_with("//"));
    std::iter::once(value).chain(password).collect()
}

/// Replaces every occurrence of each value in `text` with `*`.
pub fn scrub(text: &str, values: &[String]) -> String {
    let mut out = text.to_string();
    for value in values {
        if out.contains(value.as_str()) {
            out = out.replace(value.as_str(), &"*".repeat(value.chars().count()));
        }
    }
    out
}

/// Returns `text` with every credential replaced by `*`, byte for byte.
pub fn mask(text: &str) -> String {
    Credentials::find(text).mask(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_masked(line: &str, secret: &str) {
        let masked = mask(line);
        assert!(!masked.contains(secret), "{secret:?} visible in {masked:?}");
        assert_eq!(
            masked.len(),
            line.len(),
            "masking changed the length of {line:?}"
        );
    }

    #[test]
    fn shell_credentials_are_masked() {
        assert_masked(
            r#"curl -u "admin:Hunter2!" https://h/api/2.0/fo/scan/"#,
            "Hunter2!",
        );
        assert_masked("curl -u admin:Hunter2 https://h/", "Hunter2");
        assert_masked("curl -sSu admin:Hunter2 https://h/", "Hunter2");
        assert_masked("curl --user=admin:Hunter2 https://h/", "Hunter2");
        assert_masked("wget --password 'Hunter2' https://h/", "Hunter2");
        assert_masked(r#"curl -u admin:"Hunt er2" https://h/"#, "er2");
        assert_masked(
            r#"curl -H "Authorization: Basic YWRtaW46aHVudGVy" https://h/"#,
            "YWRtaW46aHVudGVy",
        );
        assert_masked(r#"curl -H 'X-Api-Token: tok123' https://h/"#, "tok123");
        assert_masked(
            r#"curl -H "Proxy-Authorization: Basic cHJveHk6cHc=" https://h/"#,
            "cHJveHk6cHc=",
        );
        assert_masked(r#"curl -H "Cookie: QualysSession=s3ss" https://h/"#, "s3ss");
        assert_masked("MY_API_TOKEN: tok123", "tok123");
        assert_masked(
            "curl https://admin:Hunter2@qualysapi.qualys.com/msp/user.php",
            "Hunter2",
        );
        assert_masked(r#"QG_PASSWORD="Hunter2""#, "Hunter2");
        assert_masked("PW='Hunter2'", "Hunter2");
        assert_masked(r#"export QG_PWD="Hunter2""#, "Hunter2");
        assert_masked(
            "curl -d 'action=add&password=Hunter2&x=1' https://h/",
            "Hunter2",
        );
        // A form value ends only at `&`, so `,`, `;` and `)` inside it are
        // part of the password.
        assert_masked(
            r#"curl -d "action=add&password=;Hunter2,x)y" https://h/"#,
            ";Hunter2,x)y",
        );
    }

    #[test]
    fn python_credentials_are_masked() {
        assert_masked(
            r#"requests.post(url, auth=("admin", "Hunter2"))"#,
            "Hunter2",
        );
        assert_masked(r#"s.auth = HTTPBasicAuth("admin", "Hunter2")"#, "Hunter2");
        assert_masked(r#"auth=("admin", "Hun)ter]2")"#, "ter]2");
        assert_masked(
            r#"qualysapi.connect(username="admin", password="Hunter2")"#,
            "Hunter2",
        );
        assert_masked(
            r#"headers = {"Authorization": "Bearer abc.def"}"#,
            "abc.def",
        );
        assert_masked(r#"conf = {"api_key": "k-123"}"#, "k-123");
        assert_masked(
            r#"PW = os.environ.get("QG_PASSWORD", "Hunter2")"#,
            "Hunter2",
        );
        assert_masked(r#"key = os.getenv('API_KEY', 'k-123')"#, "k-123");
    }

    #[test]
    fn credential_names() {
        for name in [
            "password",
            "QG_PASSWORD",
            "passwd",
            "pw",
            "api_key",
            "apikey",
            "token",
        ] {
            assert!(is_credential_name(name), "{name} names a credential");
        }
        for name in ["action", "ips", "ag_title", "network_id"] {
            assert!(!is_credential_name(name), "{name} names no credential");
        }
    }

    #[test]
    fn more_option_and_name_shapes_are_masked() {
        assert_masked("http -a apiuser:Hunter2 POST https://h/", "Hunter2");
        assert_masked("curl --oauth2-bearer Hunter2tok https://h/", "Hunter2tok");
        assert_masked(r#"curl -b "QualysSession=Hunter2" https://h/"#, "Hunter2");
        assert_masked("curl -E client.pem:Hunter2 https://h/", "Hunter2");
        assert_masked("curl -u $'apiuser:Hunter2' https://h/", "Hunter2");
        assert_masked("curl -d 'action=add&pwd=Hunter2' https://h/", "Hunter2");
        assert_masked("QG_PW=Hunter2", "Hunter2");
        assert_masked("MY_CRED=Hunter2", "Hunter2");
        assert_masked("secret=$(echo Hunter2 now)", "Hunter2");
        assert_masked("auth=(\"apiuser\",\n    \"Hunter2\"))", "Hunter2");
    }

    #[test]
    fn values_are_found_and_scrubbed_elsewhere() {
        let text = "password = \"Hunter2-var\"\nauth=(\"apiuser\", \"Hunter2-b\")\n";
        let found = values(text);
        assert!(found.contains(&"Hunter2-var".to_string()), "{found:?}");
        assert!(found.contains(&"Hunter2-b".to_string()), "{found:?}");
        assert_eq!(scrub("comment=Hunter2-var", &found), "comment=***********");
    }

    #[test]
    fn password_of_a_user_pair_is_a_value() {
        let text = "curl -u admin:S3cretPass $URL\nsshpass -p S3cretPass ssh host\n";
        let found = values(text);
        assert!(found.contains(&"S3cretPass".to_string()), "{found:?}");
        assert_eq!(
            scrub("sshpass -p S3cretPass", &found),
            "sshpass -p **********"
        );
    }

    #[test]
    fn cookies_and_curl_config_lines_are_masked() {
        assert_masked(
            r#"requests.post(URL, cookies={"QualysSession": "Sekr1tP09"}, data=d)"#,
            "Sekr1tP09",
        );
        assert_masked(
            "s.cookies.update({\n    'QualysSession': 'Sekr1tP09',\n})",
            "Sekr1tP09",
        );
        assert_masked(
            r#"s.cookies.set("QualysSession", "Sekr1tP09")"#,
            "Sekr1tP09",
        );
        assert_masked(r#"s.cookies["QualysSession"] = 'Sekr1tP09'"#, "Sekr1tP09");
        assert_masked(
            r#"curl -K <(echo "user = apiuser:Sekr1tL03") https://h/"#,
            "Sekr1tL03",
        );
        assert_masked("user apiuser:Sekr1tL03", "Sekr1tL03");
        assert_masked("proxy-user = p:Sekr1tL03", "Sekr1tL03");
        assert_masked("cert = client.pem:Sekr1tL03", "Sekr1tL03");
    }

    #[test]
    fn credential_tuples_are_masked_whole() {
        assert_masked(r#"QUALYS_CREDS = ("admin", "PyCredsPw7")"#, "PyCredsPw7");
        assert_masked(r#"API_AUTH = ("admin", "Py)AuthPw8")"#, "AuthPw8");
        assert_masked(
            r#"opts = {"auth": ("admin", "KwargsPw7"), "timeout": 5}"#,
            "KwargsPw7",
        );
    }

    #[test]
    fn escaped_characters_stay_in_the_secret() {
        assert_masked(r"curl -u x:Sekr1t\ Z11 https://h/", "Z11");
        assert_masked(r"QG_PASSWORD=Sekr1t\ Z11", "Z11");
    }

    #[test]
    fn mask_stops_at_closing_quote() {
        let token = r#"curl -H "X-Api-Token: Sekr1tIII" -d "action=list" "https://h/api/2.0/fo/asset/group/""#;
        assert_eq!(
            mask(token),
            r#"curl -H "X-Api-Token: *********" -d "action=list" "https://h/api/2.0/fo/asset/group/""#
        );
        let form = r#"curl -d "action=update&password=Sekr1tHHH" "https://h/api/2.0/fo/asset/ip/""#;
        assert_eq!(
            mask(form),
            r#"curl -d "action=update&password=*********" "https://h/api/2.0/fo/asset/ip/""#
        );
        // A credential that ends a quoted argument lists no other argument
        // as a value to mask elsewhere.
        let text = format!("curl -d \"action=update&ips=1\" https://h/\n{token}\n");
        let found = values(&text);
        assert_eq!(found, vec!["Sekr1tIII".to_string()]);
        assert!(mask(&text).starts_with("curl -d \"action=update&ips=1\" https://h/\n"));
    }

    #[test]
    fn ordinary_code_is_kept() {
        let line = r#"curl -d "action=add&ag_title=All" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"#;
        assert_eq!(mask(line), line);
    }
}
