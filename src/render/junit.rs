//! `JUnit` XML output. PLACEHOLDER, replaced by the implementation.

use crate::render::Report;

/// The `JUnit` report.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    format!("<testsuites tests=\"{}\"/>\n", report.facts.len())
}
