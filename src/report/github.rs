//! GitHub Actions workflow commands: `::error file=…,line=…::message`,
//! which GitHub shows as annotations on the pull request.

use std::io::{self, Write};

use super::all_findings;
use crate::catalogue;
use crate::finding::Severity;
use crate::scan::ScanResult;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> io::Result<()> {
    for (file, located) in all_findings(result) {
        let finding = &located.finding;
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let rule = catalogue::rule(finding.rule);
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&file.path),
            located.start.line,
            located.start.column,
            located.end.line,
            located.end.column,
            escape_property(&format!("{} {}", rule.id, rule.slug)),
            escape_data(&finding.message)
        )?;
    }
    Ok(())
}

/// Message text may not hold raw `%`, CR or LF.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values additionally may not hold raw `:` or `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a,b:c.sh"), "a%2Cb%3Ac.sh");
    }
}
