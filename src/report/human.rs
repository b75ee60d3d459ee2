//! The default report: miette's graphical diagnostics, each with the
//! source line, a label under the span, the rule code and slug, and a help
//! line, followed by one summary line.

use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, NamedSource, SourceCode, SourceSpan, SpanContents,
};

use super::{ReportOptions, counts};
use crate::catalogue::{self, Lang};
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
        let source = CharColumns(NamedSource::new(&file.path, file.source.text.clone()));
        for located in &file.findings {
            let diagnostic = HumanDiagnostic::new(file, located, source.clone(), options.lang);
            let mut rendered = String::new();
            handler
                .render_report(&mut rendered, &diagnostic)
                .map_err(io::Error::other)?;
            writeln!(out, "{rendered}")?;
        }
    }
    writeln!(out, "{}", summary(result))
}

/// Formats the summary line: files scanned and skipped, and findings by
/// severity.
pub fn summary(result: &ScanResult) -> String {
    let stats = &result.stats;
    let [errors, warnings, notes] = counts(result);
    let mut line = format!(
        "Scanned {} {}",
        stats.scanned,
        plural(stats.scanned, "file", "files")
    );
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

fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

struct HumanDiagnostic {
    message: String,
    code: String,
    severity: Severity,
    help: String,
    label: LabeledSpan,
    source: CharColumns,
}

impl HumanDiagnostic {
    fn new(file: &FileReport, located: &Located, source: CharColumns, lang: Lang) -> Self {
        let finding = &located.finding;
        let rule = catalogue::rule(finding.rule);
        // A multi-line command is underlined on its first line only; the
        // rest of the command is still shown as context.
        let (_, line_end) = file.source.line_range(finding.span.start);
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

impl fmt::Debug for HumanDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HumanDiagnostic")
            .field("code", &self.code)
            .finish()
    }
}

impl fmt::Display for HumanDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for HumanDiagnostic {}

impl Diagnostic for HumanDiagnostic {
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

/// A named source whose header position (`path:line:column`) counts the
/// column in characters, as the other text formats do. miette counts bytes
/// there, which puts a call after Japanese text several columns too far.
/// The header is the only place miette reads a span with no context lines,
/// and the underline positions, read with context, are left as they are.
#[derive(Clone)]
struct CharColumns(NamedSource<String>);

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .0
            .read_span(span, context_lines_before, context_lines_after)?;
        if context_lines_before != 0 || context_lines_after != 0 {
            return Ok(contents);
        }
        let text = self.0.inner().as_str();
        let start = span.offset().min(text.len());
        let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |at| at + 1);
        let column = text
            .get(line_start..start)
            .map_or(0, |before| before.chars().count());
        let name = contents.name().unwrap_or_default().to_string();
        Ok(Box::new(MietteSpanContents::new_named(
            name,
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}
