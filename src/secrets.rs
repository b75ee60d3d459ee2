//! Masking of credentials in source text before any of it is printed.
//!
//! Scripts that call the Qualys API carry credentials: `curl -u user:pass`,
//! `Authorization:` headers, `auth=(user, password)`, passwords in URLs and
//! in variables. Every piece of source text that an output format shows
//! goes through [`mask`] first. Masking keeps the byte length, so spans
//! computed on the original text stay valid on the masked text.

use std::sync::LazyLock;

use regex::Regex;

/// Parts of names that mark a credential, as in `QG_PASSWORD`, `QG_PW`,
/// `api_key` or `X-Api-Token`.
const CREDENTIAL_NAME: &str = "pass(?:word|wd)?|pwd?|token|secret|api_?key|credential";

static CREDENTIAL_NAME_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){CREDENTIAL_NAME}")).expect("credential name pattern is valid")
});

/// Each pattern's group named `secret` is masked.
static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let name_and_value = format!(
        r#"(?i)[A-Za-z0-9_]*(?:{CREDENTIAL_NAME})[A-Za-z0-9_]*['"]?\s*[:=]\s*(?P<secret>(?:"[^"\n]*"|'[^'\n]*'|[^\s'"&])+)"#
    );
    let name_then_default = format!(
        r#"(?i)['"][A-Za-z0-9_]*(?:{CREDENTIAL_NAME})[A-Za-z0-9_]*['"]\s*,\s*(?P<secret>"[^"\n]*"|'[^'\n]*')"#
    );
    [
        // https://user:password@host/
        r"(?i)[a-z][a-z0-9+.-]*://(?P<secret>[^/\s@'\x22]+)@",
        // curl -u user:pass, --user=user:pass, -su "$U:$P", -u user:"pass",
        // wget --password x. The value is a whole shell word, quotes and all.
        r#"(?:^|[\s'"])(?:-[A-Za-z]*[uU]|--user|--proxy-user|--password|--http-password|--ftp-password|--proxy-password)(?:\s+|=)?(?P<secret>(?:"[^"\n]*"|'[^'\n]*'|[^\s'"])+)"#,
        // -H "Authorization: Basic abc", "X-Api-Token: abc"
        r"(?i)(?:authorization|proxy-authorization|cookie|x-[a-z0-9-]*(?:token|key|auth|secret|password)[a-z0-9-]*)\s*['\x22]?\s*[:=]\s*['\x22]?(?P<secret>[^'\x22\n]+)",
        // auth=("user", "pass"), HTTPBasicAuth("user", "pass"), BasicAuth(...),
        // where a quoted `)` or `]` does not end them.
        r#"(?:\bauth\s*=\s*[(\[]|Auth\()(?P<secret>(?:"[^"\n]*"|'[^'\n]*'|[^)\]\n"'])*)"#,
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

/// Returns `text` with every credential replaced by `*`, byte for byte.
pub fn mask(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for pattern in PATTERNS.iter() {
        for captures in pattern.captures_iter(text) {
            if let Some(secret) = captures.name("secret") {
                bytes[secret.range()].fill(b'*');
            }
        }
    }
    // Masking replaces whole characters with ASCII stars, but a match can
    // still end inside a multi-byte character; lossy conversion keeps the
    // result valid UTF-8 in that case.
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
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
    fn ordinary_code_is_kept() {
        let line = r#"curl -d "action=add&ag_title=All" https://qualysapi.qualys.com/api/2.0/fo/asset/ip/"#;
        assert_eq!(mask(line), line);
    }
}
