//! `path:line:col: AGMS001 [error] message`, one finding a line, for
//! editors and `grep`.

use std::io::{self, Write};

use crate::scan::ScanResult;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> io::Result<()> {
    for file in &result.files {
        for located in &file.findings {
            let finding = &located.finding;
            writeln!(
                out,
                "{}:{}:{}: {} [{}] {}",
                file.path,
                located.start.line,
                located.start.column,
                finding.rule,
                finding.severity.name(),
                finding.message
            )?;
        }
    }
    Ok(())
}
