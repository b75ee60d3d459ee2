//! The default report: miette's graphical diagnostics, each with the
//! source line, a label under the span, the rule code and slug, and a help
//! line, followed by one summary line.

use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{ReportOptions, counts};
use crate::catalogue::{self, Lang};
use crate::excerpt::Excerpt;
use crate::finding::Severity;
use crate::scan::{FileReport, Located, ScanResult};

pub fn write(result: &ScanResult, options: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
    for file in &result.files {
        let source = ExcerptSource::new(file);
        for located in &file.findings {
            let diagnostic = HumanDiagnostic::new(file, located, source, options.lang);
            let mut rendered = String::new();
            handler
                .render_report(&mut rendered, &diagnostic)
                .map_err(io::Error::other)?;
            writeln!(out, "{rendered}")?;
        }
    }
    writeln!(out, "{}", summary(result))
}

/// Formats the summary line: files checked and skipped, and findings by
/// severity.
pub fn summary(result: &ScanResult) -> String {
    let stats = &result.stats;
    let [errors, warnings, notes] = counts(result);
    let checked = stats.checked();
    let mut line = format!("Scanned {checked} {}", plural(checked, "file", "files"));
    let skipped = &stats.skipped;
    if skipped.total() > 0 {
        let reasons = [
            (skipped.binary, "binary"),
            (skipped.too_large, "too large"),
            (skipped.special, "not regular files"),
            (skipped.vanished, "removed during the scan"),
        ];
        let listed: Vec<String> = reasons
            .iter()
            .filter(|(count, _)| *count > 0)
            .map(|(count, reason)| format!("{count} {reason}"))
            .collect();
        line += &format!(" ({} skipped: {})", skipped.total(), listed.join(", "));
    }
    if !result.errors.is_empty() {
        line += &format!(", {} unreadable", result.errors.len());
    }
    line += &format!(
        "; found {errors} {}, {warnings} {}, {notes} {}.",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        plural(notes, "note", "notes")
    );
    line
}

/// Returns the singular word for a count of one, else the plural.
pub(super) fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

struct HumanDiagnostic<'f> {
    message: String,
    code: String,
    severity: Severity,
    help: String,
    label: LabeledSpan,
    source: ExcerptSource<'f>,
}

impl<'f> HumanDiagnostic<'f> {
    fn new(file: &FileReport, located: &Located, source: ExcerptSource<'f>, lang: Lang) -> Self {
        let finding = &located.finding;
        let rule = catalogue::rule(finding.rule);
        // A multi-line command is underlined on its first line only; the
        // rest of the command is still shown as context.
        let (_, line_end) = file.excerpt.line_range(finding.span.start);
        let end = finding.span.end.min(line_end).max(finding.span.start);
        let label = LabeledSpan::new_with_span(
            Some(rule.slug.clone()),
            (finding.span.start, end - finding.span.start),
        );
        HumanDiagnostic {
            message: finding.message.clone(),
            code: rule.id.clone(),
            severity: finding.severity,
            help: rule.text(lang).fix.trim().to_string(),
            label,
            source,
        }
    }
}

impl fmt::Debug for HumanDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HumanDiagnostic")
            .field("code", &self.code)
            .finish()
    }
}

impl fmt::Display for HumanDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for HumanDiagnostic<'_> {}

impl Diagnostic for HumanDiagnostic<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

/// The lines a report keeps of one file, as miette reads source code.
///
/// Each span is read from the chunk that contains it and given back in file
/// offsets and line numbers. The header position (`path:line:column`)
/// counts the column in characters, as the other text formats do. miette
/// counts bytes there, which puts a call after Japanese text several
/// columns too far. The header is the only place miette reads a span with
/// no context lines, and the underline positions, read with context, are
/// left as they are.
#[derive(Clone, Copy)]
struct ExcerptSource<'f> {
    name: &'f str,
    excerpt: &'f Excerpt,
}

impl<'f> ExcerptSource<'f> {
    fn new(file: &'f FileReport) -> Self {
        ExcerptSource {
            name: &file.path,
            excerpt: &file.excerpt,
        }
    }
}

impl SourceCode for ExcerptSource<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let chunk = self
            .excerpt
            .chunk_at(span.offset())
            .ok_or(MietteError::OutOfBounds)?;
        let text = chunk.text.as_str();
        let local = SourceSpan::new((span.offset() - chunk.start).into(), span.len());
        let contents = text.read_span(&local, context_lines_before, context_lines_after)?;
        let column = if context_lines_before == 0 && context_lines_after == 0 {
            char_column(text, local.offset())
        } else {
            contents.column()
        };
        let read = contents.span();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            SourceSpan::new((read.offset() + chunk.start).into(), read.len()),
            contents.line() + chunk.line_breaks_before,
            column,
            contents.line_count(),
        )))
    }
}

/// Returns the 0-based column, in characters, of byte `offset` of `text`.
fn char_column(text: &str, offset: usize) -> usize {
    let start = offset.min(text.len());
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |at| at + 1);
    text.get(line_start..start)
        .map_or(0, |before| before.chars().count())
}
