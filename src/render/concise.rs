//! Concise output: one line per finding, `file:line:col: severity code: message`.
//!
//! Owns the grep- and editor-friendly format (the shape compilers and linters use), and the
//! one-line form of a finding the human format falls back to. A finding without a location is
//! printed with the tool's name in place of the file. Only the primary location is shown, so
//! the cap on locations does not apply. The file name and message are printable, and a line
//! that starts like a workflow command (a file named `::warning::x.toml` in a claims
//! directory given as `.`) is defused.

use std::fmt::Write as _;

use crate::files::Files;
use crate::findings::Finding;
use crate::render::{Report, printable};
use crate::safe::defuse_commands;

/// One line per finding, then the summary line.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    let mut out = String::new();
    for finding in report.open() {
        out.push_str(&line(report.files, finding));
        out.push('\n');
    }
    let _ = writeln!(out, "factcheck: {}", report.summary);
    defuse_commands(out)
}

/// A finding as one line, without a line break.
#[must_use]
pub fn line(files: &Files, finding: &Finding) -> String {
    let place = finding.primary().map_or_else(
        || "factcheck".to_owned(),
        |location| {
            let file = files.get(location.span.file);
            let start = files.start(location.span);
            format!(
                "{}:{}:{}",
                printable(&file.display_path()),
                start.line,
                start.column
            )
        },
    );
    format!(
        "{place}: {} {}: {}",
        finding.severity,
        finding.code,
        printable(&finding.message)
    )
}
