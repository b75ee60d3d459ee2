//! Turning a recognised request into a call site: the endpoint from the
//! URL, and the parameters from the query string and each body argument.

use super::http_clients::HttpRequest;
use super::library_calls::LibraryRequest;
use super::value::Body;
use crate::endpoint::parse_url;
use crate::language::Language;
use crate::model::{CallSite, Param, Span, Target, Unresolved};
use crate::template::{FormFields, Template};

/// Everything read from one request before it becomes a call site.
#[derive(Clone, Debug)]
pub(super) struct RequestParts {
    pub target: RequestTarget,
    pub method: Option<String>,
    /// Parameters a library helper sends without a body argument.
    pub params: Vec<Param>,
    pub bodies: Vec<Body>,
    pub unresolved: Vec<Unresolved>,
    pub via: Option<String>,
}

#[derive(Clone, Debug)]
pub(super) enum RequestTarget {
    /// A URL whose API path is still to be found; requests to other hosts
    /// and paths are not call sites.
    Url(Template),
    /// The endpoint of a Qualys library helper, always a call site.
    Library { target: Target, query: FormFields },
    /// A URL already found not to be a Qualys API path.
    OffApi,
}

impl From<HttpRequest> for RequestParts {
    fn from(request: HttpRequest) -> Self {
        RequestParts {
            target: if request.off_api {
                RequestTarget::OffApi
            } else {
                RequestTarget::Url(request.url)
            },
            method: request.method,
            params: Vec::new(),
            bodies: request.bodies,
            unresolved: request.unresolved,
            via: None,
        }
    }
}

impl From<LibraryRequest> for RequestParts {
    fn from(request: LibraryRequest) -> Self {
        RequestParts {
            target: RequestTarget::Library {
                target: request.target,
                query: request.query,
            },
            method: request.method,
            params: request.params,
            bodies: request.bodies,
            unresolved: request.unresolved,
            via: Some(request.via),
        }
    }
}

impl RequestParts {
    /// Builds the call site reported at `span`, or `None` when the request
    /// does not go to a Qualys API path.
    pub(super) fn into_call_site(self, span: Span) -> Option<CallSite> {
        let (target, query) = match self.target {
            RequestTarget::Url(url) => {
                let parsed = parse_url(&url, span);
                if !is_qualys_target(&parsed.target) {
                    return None;
                }
                (parsed.target, parsed.query)
            }
            RequestTarget::Library { target, query } => (target, query),
            RequestTarget::OffApi => return None,
        };
        let mut params = self.params;
        let mut unresolved = query.unresolved;
        params.extend(query.params);
        for body in self.bodies {
            let fields = body.value.form_fields(&body.description, body.span);
            params.extend(fields.params);
            unresolved.extend(fields.unresolved);
        }
        unresolved.extend(self.unresolved);
        Some(CallSite {
            language: Language::Python,
            span,
            target,
            method: self.method,
            params,
            unresolved,
            via: self.via,
        })
    }
}

/// Whether a target is a Qualys API path.
pub(super) fn is_qualys_target(target: &Target) -> bool {
    matches!(target, Target::Path(path) if crate::endpoint::is_api_path(path))
}

/// Returns true when a request to `url` can become a call site, because
/// its path is a Qualys API path as [`RequestParts::into_call_site`] reads it.
pub(super) fn is_api_url(url: &Template) -> bool {
    is_qualys_target(&parse_url(url, Span::default()).target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_url(text: &str) -> Template {
        let mut url = Template::default();
        url.push_text(text, Span::default());
        url
    }

    #[test]
    fn api_url_of_qualys_path() {
        assert!(is_api_url(&text_url(
            "https://qualysapi.qualys.com/api/2.0/fo/asset/ip/?action=list"
        )));
        assert!(is_api_url(&text_url("/msp/user.php")));
    }

    #[test]
    fn api_url_of_other_path() {
        assert!(!is_api_url(&text_url("https://api.example.com/v2/nodes")));
        assert!(!is_api_url(&text_url("key")));
    }

    #[test]
    fn api_url_with_unknown_host() {
        let mut url = Template::default();
        url.push_unknown("BASE".to_string(), Span::default());
        url.push_text("/api/2.0/fo/scan/", Span::default());
        assert!(is_api_url(&url));
        let mut unknown = Template::default();
        unknown.push_unknown("url".to_string(), Span::default());
        assert!(!is_api_url(&unknown));
    }
}
