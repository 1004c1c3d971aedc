//! GitHub Actions annotations and step summary. PLACEHOLDER, replaced by the implementation.

use crate::render::Report;

/// The workflow commands, one per open finding.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    format!("{}\n", report.summary)
}

/// The Markdown summary for `$GITHUB_STEP_SUMMARY`.
#[must_use]
pub fn step_summary(report: &Report<'_>) -> String {
    format!("{}\n", report.summary)
}
