//! Concise output: one line per finding, `file:line:col: severity code: message`.
//!
//! Owns the grep- and editor-friendly format (the shape compilers and linters use). A
//! finding without a location is printed with the tool's name in place of the file.

use std::fmt::Write as _;

use crate::render::{Report, printable};

/// One line per finding, then the summary line.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    for finding in report.open() {
        let place = finding.primary().map_or_else(
            || "factcheck".to_owned(),
            |location| {
                let file = report.files.get(location.span.file);
                let start = report.files.start(location.span);
                format!("{}:{}:{}", file.display_path(), start.line, start.column)
            },
        );
        let _ = writeln!(
            out,
            "{place}: {} {}: {}",
            finding.severity,
            finding.code,
            printable(&finding.message)
        );
    }
    let _ = writeln!(out, "factcheck: {}", report.summary);
    out
}
