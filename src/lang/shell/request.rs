//! An HTTP request read from one command line, and how it becomes a call
//! site once its URL is matched to a Qualys API path.

use crate::endpoint::{is_api_path, parse_url};
use crate::language::Language;
use crate::model::{CallSite, Presence, Span, Target, Unresolved};
use crate::template::{FormFields, Template, form_fields};

use super::word::Word;

/// A request as a client's arguments describe it: a URL, the method, and
/// the parameters and unreadable pieces that each argument adds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub url: Template,
    /// Index of the word that contains the URL.
    pub url_word: usize,
    pub method: Option<String>,
    /// Parameters by the index of the word that places them: the word they
    /// came from, or the URL's word for data that curl's `-G` appends to
    /// the query. Query and body parameters merge in that order.
    pub parts: Vec<(usize, FormFields)>,
    /// Indices of every word that went into the request.
    pub sources: Vec<usize>,
}

/// Parameters and unreadable pieces gathered while reading a command's
/// options, before the URLs are known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    pub parts: Vec<(usize, FormFields)>,
    pub sources: Vec<usize>,
}

impl Body {
    /// Adds form-encoded text such as `action=add&ips=$1` from word `index`.
    pub fn add_form(&mut self, index: usize, text: &Template, fallback: Span) {
        let fields = form_fields(text, Presence::Always, fallback);
        self.add_fields(index, fields);
    }

    pub fn add_fields(&mut self, index: usize, fields: FormFields) {
        self.parts.push((index, fields));
        self.sources.push(index);
    }

    /// Records a piece that could carry any parameter, such as `-d @file`.
    pub fn add_unresolved(&mut self, index: usize, description: String, span: Span) {
        let fields = FormFields {
            params: Vec::new(),
            unresolved: vec![Unresolved { description, span }],
        };
        self.add_fields(index, fields);
    }

    /// Notes a word that shaped the request without adding parameters,
    /// such as the value of `-X`.
    pub fn add_source(&mut self, index: usize) {
        self.sources.push(index);
    }

    /// Makes the request that sends this body to the URL in word `url_word`.
    pub fn request(&self, url: &Template, url_word: usize, method: Option<String>) -> Request {
        let mut sources = self.sources.clone();
        sources.push(url_word);
        Request {
            url: url.clone(),
            url_word,
            method,
            parts: self.parts.clone(),
            sources,
        }
    }
}

/// Makes the call site of a request, or returns `None` when its URL is not
/// a Qualys API path. `deps` is the union of the dependency bits of its words.
pub fn call_site(request: Request, words: &[Word], span: Span) -> Option<(CallSite, u32)> {
    let url_span = words
        .get(request.url_word)
        .map(|word| word.span)
        .unwrap_or(span);
    let parsed = parse_url(&request.url, url_span);
    let Target::Path(path) = &parsed.target else {
        return None;
    };
    if !is_api_path(path) {
        return None;
    }

    // The URL's own query goes first, and the stable sort keeps it ahead of
    // parts placed at the same word, such as data that `-G` appends to it.
    let mut parts = vec![(request.url_word, parsed.query)];
    parts.extend(request.parts);
    parts.sort_by_key(|(index, _)| *index);
    let mut fields = FormFields::default();
    for (_, part) in parts {
        fields.extend(part);
    }

    let deps = request
        .sources
        .iter()
        .filter_map(|index| words.get(*index))
        .fold(0, |deps, word| deps | word.deps);

    let site = CallSite {
        language: Language::Shell,
        span,
        target: parsed.target,
        method: request.method,
        params: fields.params,
        unresolved: fields.unresolved,
        via: None,
    };
    Some((site, deps))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_and_body_merge_in_word_order() {
        let span = Span::new(0, 1);
        let words = vec![
            Word::literal("-d", span),
            Word::literal("ips=1", span),
            Word::literal("https://h/api/2.0/fo/asset/ip/?action=add", span),
        ];
        let mut body = Body::default();
        body.add_form(1, &Template::text("ips=1", span), span);
        let request = body.request(&words[2].template, 2, Some("POST".into()));
        let (site, deps) = call_site(request, &words, span).expect("an API path");
        let names: Vec<&str> = site.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["ips", "action"]);
        assert_eq!(deps, 0);
    }
}
