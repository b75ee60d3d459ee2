//! Recognising Qualys API endpoints in URLs, whatever the host, version or
//! spelling, and classifying them.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Presence, Span, Target};
use crate::template::{FormFields, Piece, Template, form_fields};

/// The endpoints the rules know. Every other path is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointKind {
    /// `/api/2.0/fo/asset/ip/`
    AssetIp,
    /// `/api/2.0/fo/asset/group/`
    AssetGroup,
    /// `/msp/asset_group_list.php`, the v1 asset group list.
    AssetGroupListV1,
    /// `/msp/user.php`
    MspUser,
    /// `/api/2.0/fo/appliance/`
    Appliance,
    /// `/api/2.0/fo/scan/`
    Scan,
    /// `/api/2.0/fo/scan/compliance/`
    ScanCompliance,
    Other,
}

/// Matches the API path inside a URL whose host (if any) was stripped.
/// Versions vary (`/api/3.0/fo/`), and doubled slashes are common.
static API_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|/)(api/+\d+\.\d+/+fo/+[A-Za-z0-9_./-]*|msp/+[A-Za-z0-9_./-]*\.php)")
        .expect("API path pattern is valid")
});

/// Placeholder for an unknown piece while a URL is searched as text.
const UNKNOWN_MARK: char = '\u{1}';

/// The endpoint and query-string parameters of a request URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    pub target: Target,
    pub query: FormFields,
}

/// Finds the API path in a URL such as `https://host//api/2.0/fo/asset/ip?x=1`
/// or `$QG_API/api/2.0/fo/asset/ip/`, and reads its query string.
pub fn parse_url(url: &Template, fallback: Span) -> ParsedUrl {
    let (location, query) = match url.split_once('?') {
        Some((location, query)) => (location, Some(query)),
        None => (url.clone(), None),
    };
    let query = query
        .map(|query| form_fields(&query, Presence::Always, fallback))
        .unwrap_or_default();
    ParsedUrl {
        target: target_of(&location),
        query,
    }
}

fn target_of(location: &Template) -> Target {
    let flat = flatten(location);
    let without_host = strip_scheme_and_host(&flat);
    match API_PATH.captures(without_host) {
        Some(captures) => Target::Path(normalise_path(&captures[1])),
        None if location.as_literal().is_some() => Target::Path(normalise_path(without_host)),
        None => Target::Unknown(location.unknown_description()),
    }
}

fn flatten(template: &Template) -> String {
    let mut flat = String::new();
    for (piece, _) in &template.pieces {
        match piece {
            Piece::Text(text) => flat.push_str(text),
            Piece::Unknown(_) => flat.push(UNKNOWN_MARK),
        }
    }
    flat
}

fn strip_scheme_and_host(url: &str) -> &str {
    let Some(scheme_end) = url.find("://") else {
        return url;
    };
    let rest = &url[scheme_end + 3..];
    match rest.find('/') {
        Some(slash) => &rest[slash..],
        None => "",
    }
}

/// Normalises an API path to one spelling: a leading slash, single
/// slashes, and a trailing slash except after a `.php` script.
pub fn normalise_path(path: &str) -> String {
    let mut out = String::from("/");
    for segment in path.split('/').filter(|segment| !segment.is_empty()) {
        out.push_str(segment);
        out.push('/');
    }
    if out.ends_with(".php/") {
        out.pop();
    }
    out
}

/// Resolves a path given relative to the v2 API root, as library helpers
/// take it: `asset/ip` is `/api/2.0/fo/asset/ip/`, while paths that already
/// start at `api/` or `msp/` are kept.
pub fn path_from_api_root(call: &str) -> String {
    let trimmed = call.trim_start_matches('/');
    if trimmed.starts_with("api/") || trimmed.starts_with("msp/") {
        normalise_path(trimmed)
    } else {
        normalise_path(&format!("api/2.0/fo/{trimmed}"))
    }
}

/// Classifies a normalised path such as `/api/2.0/fo/asset/ip/`.
pub fn classify(path: &str) -> EndpointKind {
    if let Some(rest) = api_v2_rest(path) {
        return match rest {
            "asset/ip/" => EndpointKind::AssetIp,
            "asset/group/" => EndpointKind::AssetGroup,
            "appliance/" => EndpointKind::Appliance,
            "scan/" => EndpointKind::Scan,
            "scan/compliance/" => EndpointKind::ScanCompliance,
            _ => EndpointKind::Other,
        };
    }
    match path {
        "/msp/user.php" => EndpointKind::MspUser,
        "/msp/asset_group_list.php" => EndpointKind::AssetGroupListV1,
        _ => EndpointKind::Other,
    }
}

/// True for a normalised Qualys API path: `/api/N.N/fo/...` or a v1 script
/// `/msp/<name>.php`. Front ends report call sites only for these.
pub fn is_api_path(path: &str) -> bool {
    let msp = path
        .strip_prefix("/msp/")
        .is_some_and(|script| script.ends_with(".php"));
    msp || api_v2_rest(path).is_some()
}

/// Returns what follows `/api/N.N/fo/` in a normalised path.
fn api_v2_rest(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/api/")?;
    let (version, rest) = rest.split_once('/')?;
    let (major, minor) = version.split_once('.')?;
    let numeric = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    if !numeric(major) || !numeric(minor) {
        return None;
    }
    rest.strip_prefix("fo/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal_target(url: &str) -> Target {
        parse_url(&Template::text(url, Span::new(0, 1)), Span::new(0, 1)).target
    }

    fn path(text: &str) -> Target {
        Target::Path(text.to_string())
    }

    #[test]
    fn hosts_versions_and_slashes() {
        let cases = [
            (
                "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/",
                "/api/2.0/fo/asset/ip/",
            ),
            (
                "https://qualysapi.qg2.apps.qualys.com/api/2.0/fo/asset/ip",
                "/api/2.0/fo/asset/ip/",
            ),
            (
                "https://qualysapi.qualys.eu//api/2.0/fo/asset/ip/",
                "/api/2.0/fo/asset/ip/",
            ),
            (
                "https://qualysapi.qualys.com/api/3.0/fo/scan/?action=list",
                "/api/3.0/fo/scan/",
            ),
            (
                "/api/2.0/fo/scan/compliance",
                "/api/2.0/fo/scan/compliance/",
            ),
            ("https://qualysapi.qualys.com/msp/user.php", "/msp/user.php"),
            ("api/2.0/fo/asset/group/", "/api/2.0/fo/asset/group/"),
        ];
        for (url, expected) in cases {
            assert_eq!(literal_target(url), path(expected), "url {url}");
        }
    }

    #[test]
    fn unknown_host_before_known_path() {
        let mut url = Template::unknown("${QG_API}", Span::new(0, 9));
        url.push_text("/api/2.0/fo/asset/ip/", Span::new(9, 30));
        assert_eq!(
            parse_url(&url, Span::default()).target,
            path("/api/2.0/fo/asset/ip/")
        );
    }

    #[test]
    fn unknown_url_is_unknown_target() {
        let url = Template::unknown("$URL", Span::new(0, 4));
        assert_eq!(
            parse_url(&url, Span::default()).target,
            Target::Unknown("$URL".into())
        );
    }

    #[test]
    fn query_string_becomes_parameters() {
        let parsed = parse_url(
            &Template::text(
                "https://h/api/2.0/fo/asset/ip/?action=add&enable_vm=1",
                Span::new(0, 5),
            ),
            Span::default(),
        );
        let names: Vec<_> = parsed
            .query
            .params
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["action", "enable_vm"]);
    }

    #[test]
    fn classification() {
        assert_eq!(classify("/api/2.0/fo/asset/ip/"), EndpointKind::AssetIp);
        assert_eq!(classify("/api/4.0/fo/asset/ip/"), EndpointKind::AssetIp);
        assert_eq!(
            classify("/api/2.0/fo/asset/excluded_ip/"),
            EndpointKind::Other
        );
        assert_eq!(
            classify("/api/2.0/fo/asset/group/"),
            EndpointKind::AssetGroup
        );
        assert_eq!(
            classify("/api/2.0/fo/scan/compliance/"),
            EndpointKind::ScanCompliance
        );
        assert_eq!(classify("/msp/user.php"), EndpointKind::MspUser);
        assert_eq!(
            classify("/msp/asset_group_list.php"),
            EndpointKind::AssetGroupListV1
        );
        assert_eq!(classify("/apix/2.0/fo/asset/ip/"), EndpointKind::Other);
    }

    #[test]
    fn api_paths() {
        assert!(is_api_path("/api/2.0/fo/asset/ip/"));
        assert!(is_api_path("/api/3.0/fo/scan/"));
        assert!(is_api_path("/msp/user.php"));
        assert!(!is_api_path("/api/v2/fo/asset/ip/"), "the version is N.N");
        assert!(!is_api_path("/msp/"), "an msp path names a .php script");
        assert!(!is_api_path("/index.html"));
    }

    #[test]
    fn api_root_relative_paths() {
        assert_eq!(path_from_api_root("asset/ip"), "/api/2.0/fo/asset/ip/");
        assert_eq!(path_from_api_root("/api/2.0/fo/scan/"), "/api/2.0/fo/scan/");
        assert_eq!(path_from_api_root("msp/user.php"), "/msp/user.php");
    }
}
