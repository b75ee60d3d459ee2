//! JUnit XML: one test suite per file with findings, one failing test case
//! per finding, and a single passing case when nothing was found.

use std::io::{self, Write};

use quick_xml::escape::escape;

use super::counts;
use crate::scan::ScanResult;

pub fn write(result: &ScanResult, out: &mut dyn Write) -> io::Result<()> {
    let total: usize = counts(result).iter().sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="agms-lint" tests="{}" failures="{total}">"#,
        total.max(1)
    )?;
    if total == 0 {
        writeln!(
            out,
            r#"  <testsuite name="agms-lint" tests="1" failures="0">"#
        )?;
        writeln!(
            out,
            r#"    <testcase name="no findings" classname="agms-lint"/>"#
        )?;
        writeln!(out, "  </testsuite>")?;
    }
    for file in &result.files {
        let path = escape(file.path.as_str());
        let count = file.findings.len();
        writeln!(
            out,
            r#"  <testsuite name="{path}" tests="{count}" failures="{count}">"#
        )?;
        for located in &file.findings {
            let finding = &located.finding;
            let name = format!(
                "{} line {} column {}",
                finding.rule, located.start.line, located.start.column
            );
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{path}" file="{path}" line="{}">"#,
                escape(name.as_str()),
                located.start.line
            )?;
            writeln!(
                out,
                r#"      <failure message="{}" type="{}">{}:{}:{}: {}</failure>"#,
                escape(finding.message.as_str()),
                finding.severity.name(),
                path,
                located.start.line,
                located.start.column,
                escape(finding.message.as_str())
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}
