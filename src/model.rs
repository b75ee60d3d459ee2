//! The language-neutral model that front ends produce and rules consume.

use crate::language::Language;

/// A byte range in a file's decoded text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Returns the smallest span that covers both `self` and `other`.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A parameter value as far as the front end could resolve it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Literal(String),
    /// A value that is sent but not known here; the text names its source,
    /// for example `$host` or `ips` (a function parameter).
    Dynamic(String),
}

impl Value {
    pub fn as_literal(&self) -> Option<&str> {
        match self {
            Value::Literal(text) => Some(text),
            Value::Dynamic(_) => None,
        }
    }
}

/// Whether a parameter is sent on every path through the code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Always,
    /// Set only under a condition, such as `if x: params["ag_title"] = x`.
    Maybe,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    pub name: String,
    pub value: Value,
    pub presence: Presence,
    pub span: Span,
}

/// A piece of a request that could carry parameters but was not resolved,
/// such as `-d @body.txt`, `$(make_body)` or `**extra`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub description: String,
    pub span: Span,
}

/// The request target as written, after joining with any known base URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The URL or path is known well enough to name the API path in it.
    Path(String),
    /// The URL could not be resolved; the text names the unknown piece.
    Unknown(String),
}

/// One HTTP request to the Qualys API made by a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallSite {
    pub language: Language,
    /// Where findings about this request are reported: the command or call
    /// expression, or the call of a wrapper function.
    pub span: Span,
    pub target: Target,
    /// The HTTP method when it is known (`-X POST`, `requests.post`).
    pub method: Option<String>,
    /// Parameters from the query string and the body, in source order.
    pub params: Vec<Param>,
    /// Pieces that could carry more parameters; empty when the parameter
    /// set is complete.
    pub unresolved: Vec<Unresolved>,
    /// How the request is made when that is not obvious from the span,
    /// for example `qualysapi addIP()` or `wrapper add_ips()`.
    pub via: Option<String>,
}

impl CallSite {
    pub fn is_complete(&self) -> bool {
        self.unresolved.is_empty()
    }
}

/// How a string literal is used, which decides how it can match a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringUseKind {
    /// Compared as a substring, for example `"x" in text`, a shell `case`
    /// glob `*x*`, or a literal assigned to a name.
    Substring,
    /// Used as a regular expression (`re.search`, `grep` without `-F`,
    /// `[[ =~ ]]`).
    Regex,
    /// Compared for equality with a whole value: `==`, `[ "$t" = "All" ]`.
    Equality,
    /// A test that skips the value: `!=`, `not in`, or an `==` test whose
    /// branch only does `continue`.
    Inequality,
}

/// A string literal in the script together with how it is used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringUse {
    pub text: String,
    pub kind: StringUseKind,
    pub case_insensitive: bool,
    pub span: Span,
}

impl StringUse {
    pub fn new(
        text: impl Into<String>,
        kind: StringUseKind,
        case_insensitive: bool,
        span: Span,
    ) -> Self {
        StringUse {
            text: text.into(),
            kind,
            case_insensitive,
            span,
        }
    }
}

/// The model a front end extracts from one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extraction {
    pub call_sites: Vec<CallSite>,
    pub string_uses: Vec<StringUse>,
    /// True when the file talks to the Qualys API: it has a call site, names
    /// a Qualys host, or imports a Qualys client library.
    pub qualys_context: bool,
    /// Comments, where suppression directives are read. Left empty when
    /// the text contains no `agms-lint:`, so no directive, because then
    /// nothing reads them.
    pub comments: Vec<Span>,
    /// Regions tree-sitter could not parse, outermost only.
    pub unparsed: Vec<Span>,
    /// The reason the file was searched as text instead of parsed, if it
    /// was. `unparsed` then lists the lines with markers.
    pub searched_as_text: Option<TextSearch>,
    /// Places where the front end stopped following wrapper calls because
    /// a limit on its work was reached, at most one per limit and request.
    pub stops: Vec<AnalysisStop>,
}

/// A call that the front end did not follow because a limit on the work
/// spent on one file was reached. Requests sent through it were not checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalysisStop {
    /// The first call not followed.
    pub span: Span,
    pub limit: AnalysisLimit,
}

/// A limit that bounds the time spent on a file whose wrapper functions
/// call each other many times over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnalysisLimit {
    /// Most shell wrapper calls followed in one file.
    WrapperCalls(usize),
    /// Deepest chain of shell wrapper calls followed.
    WrapperDepth(u32),
    /// Most call sites that one Python request expands into.
    CallSitesPerRequest(usize),
}

/// The reason a file was searched as text instead of parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSearch {
    /// The file is larger than the parse limit, in bytes.
    OverParseLimit(usize),
    /// A Python file's leading whitespace is this many columns wide, more
    /// than the Python grammar can parse.
    IndentTooDeep(usize),
}
