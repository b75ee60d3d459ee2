//! Values of Python expressions as far as the resolver can tell, and how
//! they become request parameters.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::http_clients::{HttpLibrary, HttpRequest, Preset};
use super::scopes::ScopeId;
use crate::model::{Param, Presence, Span, Unresolved, Value};
use crate::template::{FormFields, Template, form_fields};

/// Characters left as they are in a form-encoded name or value.
const FORM_ENCODE_SET: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'*');

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Val {
    /// A string, bytes, or a number or boolean as the text it is sent as.
    Str(Template),
    /// A dict, or a list of pairs read as one.
    Dict(DictVal),
    /// The form-encoded text of a dict: `urlencode(params)`.
    Form(DictVal),
    /// A list or tuple.
    Seq(Vec<Val>),
    /// `None`, which requests leaves out of a form.
    NoneValue,
    Object(Object),
    /// A value that cannot be known here; the text names its source.
    Unknown(String),
}

/// Values that are not data: modules, functions and client objects.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Object {
    /// An imported module or function by its dotted path, such as
    /// `requests.post`, or a name bound nowhere in the file (a builtin).
    Module(String),
    /// A function defined in this file.
    Function(ScopeId),
    /// `requests.Session()`, `httpx.Client(base_url=...)`.
    HttpClient {
        library: HttpLibrary,
        base_url: Option<Template>,
        /// Query parameters the client adds to every request: httpx's
        /// `params=` argument, or writes to a session's `params`.
        params: DictVal,
    },
    /// `qualysapi.connect()`
    QualysConnector,
    /// `urllib.request.Request(url, data)`
    UrllibRequest(Box<UrllibRequest>),
    /// `urllib.request.build_opener()`
    UrllibOpener,
    /// `functools.partial(requests.post, url)`: a request function with
    /// its leading arguments bound.
    PartialRequest(Box<PartialRequest>),
    /// `requests.Request(...)` or its `.prepare()`, sent later with
    /// `session.send(...)`.
    PreparedRequest(Box<HttpRequest>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PartialRequest {
    pub library: HttpLibrary,
    /// The request function's name, such as `post`.
    pub function: String,
    pub preset: Preset,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct UrllibRequest {
    pub url: Template,
    pub data: Option<Body>,
    pub method: Option<String>,
}

/// A value sent as request parameters: a `data=`, `params=` or `json=`
/// argument, or the data of a `urllib` request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Body {
    pub value: Val,
    pub description: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub key: String,
    pub value: Val,
    pub presence: Presence,
    pub span: Span,
}

/// A dict built in the script, with the pieces that could add keys this
/// front end cannot see (`**other`, a key from a variable).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct DictVal {
    pub entries: Vec<Entry>,
    pub unresolved: Vec<Unresolved>,
}

impl DictVal {
    /// Sets a key as `d[key] = value` does. A conditional write over a key
    /// that is always present leaves it present, with a value that is no
    /// longer known unless both writes agree.
    pub(super) fn set(&mut self, key: String, value: Val, presence: Presence, span: Span) {
        let Some(existing) = self.entries.iter_mut().find(|entry| entry.key == key) else {
            self.entries.push(Entry {
                key,
                value,
                presence,
                span,
            });
            return;
        };
        if presence == Presence::Always {
            existing.value = value;
            existing.presence = Presence::Always;
            existing.span = span;
        } else if existing.value != value {
            existing.value = Val::Unknown(format!("{} (set on some paths)", existing.key));
        }
    }

    /// Removes a key as `del d[key]` does; a conditional removal leaves the
    /// key only maybe present.
    pub(super) fn remove(&mut self, key: &str, presence: Presence) {
        match presence {
            Presence::Always => self.entries.retain(|entry| entry.key != key),
            Presence::Maybe => {
                for entry in self.entries.iter_mut().filter(|entry| entry.key == key) {
                    entry.presence = Presence::Maybe;
                }
            }
        }
    }

    /// Adds every key of `other`, as `d.update(other)` or `{**other}` do.
    pub(super) fn merge(&mut self, other: DictVal, presence: Presence) {
        for entry in other.entries {
            let presence = weaker(entry.presence, presence);
            self.set(entry.key, entry.value, presence, entry.span);
        }
        self.unresolved.extend(other.unresolved);
    }

    pub(super) fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.key == key)
    }
}

fn weaker(first: Presence, second: Presence) -> Presence {
    if first == Presence::Always && second == Presence::Always {
        Presence::Always
    } else {
        Presence::Maybe
    }
}

impl Val {
    pub(super) fn literal(text: impl Into<String>, span: Span) -> Val {
        Val::Str(Template::text(text, span))
    }

    /// Returns the whole text of a string whose pieces are all known.
    pub(super) fn as_literal(&self) -> Option<String> {
        match self {
            Val::Str(template) => template.as_literal(),
            _ => None,
        }
    }

    /// Returns the value as a string, with an unknown piece named `description`
    /// wherever its text is not known.
    pub(super) fn to_template(&self, description: &str, span: Span) -> Template {
        match self {
            Val::Str(template) => template.clone(),
            Val::Form(dict) => form_template(dict, span),
            Val::NoneValue => Template::text("None", span),
            Val::Unknown(source) => Template::unknown(source.clone(), span),
            _ => Template::unknown(description, span),
        }
    }

    /// Returns the values a form field gets from this value: a list sends the key
    /// once per item, as requests does, and `None` sends nothing.
    pub(super) fn field_values(&self, description: &str) -> Vec<Value> {
        match self {
            Val::Str(template) => vec![template_value(template)],
            Val::NoneValue => Vec::new(),
            Val::Seq(items) => items
                .iter()
                .flat_map(|item| item_value(item, description))
                .collect(),
            Val::Unknown(source) => vec![Value::Dynamic(source.clone())],
            _ => vec![Value::Dynamic(description.to_string())],
        }
    }

    /// Reads the value as the parameters of a request body or query.
    pub(super) fn form_fields(&self, description: &str, span: Span) -> FormFields {
        match self {
            Val::Dict(dict) | Val::Form(dict) => dict_fields(dict, description),
            // `data="action=add&ips=10.0.0.1"`
            Val::Str(template) => form_fields(template, Presence::Always, span),
            // `data=[("action", "add"), ("ips", ips)]`
            Val::Seq(items) => pairs_fields(items, description, span),
            Val::NoneValue => FormFields::default(),
            Val::Unknown(source) => unresolved_fields(source, span),
            Val::Object(_) => unresolved_fields(description, span),
        }
    }
}

fn item_value(item: &Val, description: &str) -> Option<Value> {
    match item {
        Val::NoneValue => None,
        Val::Str(template) => Some(template_value(template)),
        Val::Unknown(source) => Some(Value::Dynamic(source.clone())),
        _ => Some(Value::Dynamic(description.to_string())),
    }
}

pub(super) fn template_value(template: &Template) -> Value {
    match template.as_literal() {
        Some(text) => Value::Literal(text),
        None => Value::Dynamic(template.unknown_description()),
    }
}

fn unresolved_fields(description: &str, span: Span) -> FormFields {
    FormFields {
        params: Vec::new(),
        unresolved: vec![Unresolved {
            description: description.to_string(),
            span,
        }],
    }
}

fn dict_fields(dict: &DictVal, description: &str) -> FormFields {
    let mut fields = FormFields {
        params: Vec::new(),
        unresolved: dict.unresolved.clone(),
    };
    for entry in &dict.entries {
        let entry_description = format!("{description}[{:?}]", entry.key);
        for value in entry.value.field_values(&entry_description) {
            fields.params.push(Param {
                name: entry.key.clone(),
                value,
                presence: entry.presence,
                span: entry.span,
            });
        }
    }
    fields
}

fn pairs_fields(items: &[Val], description: &str, span: Span) -> FormFields {
    let mut dict = DictVal::default();
    for item in items {
        match pair_of(item) {
            Some((key, value)) => dict.set(key, value, Presence::Always, span),
            None => dict.unresolved.push(Unresolved {
                description: description.to_string(),
                span,
            }),
        }
    }
    dict_fields(&dict, description)
}

/// Reads `("key", value)` as a pair with a known key.
pub(super) fn pair_of(item: &Val) -> Option<(String, Val)> {
    let Val::Seq(pair) = item else {
        return None;
    };
    let [key, value] = pair.as_slice() else {
        return None;
    };
    Some((key.as_literal()?, value.clone()))
}

/// Writes a dict as form-encoded text. Keys set only on some paths are
/// written as always present, because a query string cannot mark them.
fn form_template(dict: &DictVal, span: Span) -> Template {
    let mut template = Template::default();
    let mut first = true;
    for entry in &dict.entries {
        for value in entry.value.field_values(&entry.key) {
            if !first {
                template.push_text("&", span);
            }
            first = false;
            template.push_text(format!("{}=", form_encode(&entry.key)), entry.span);
            match value {
                Value::Literal(text) => template.push_text(form_encode(&text), entry.span),
                Value::Dynamic(source) => template.push_unknown(source, entry.span),
            }
        }
    }
    for piece in &dict.unresolved {
        if !first {
            template.push_text("&", span);
        }
        first = false;
        template.push_unknown(piece.description.clone(), piece.span);
    }
    template
}

fn form_encode(text: &str) -> String {
    utf8_percent_encode(text, FORM_ENCODE_SET).to_string()
}
