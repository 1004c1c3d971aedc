//! Stage 4: findings to text for people and machines.
//!
//! Owns what every output format shares: which findings are shown (severity `allow` is not),
//! the summary counts, and the exit status. Each format has its own module and only reads
//! findings and files; none of them decides anything about the data.

pub mod concise;
pub mod human;
pub mod json;

use std::borrow::Cow;
use std::fmt;

use crate::files::{Files, LineCol, Span};
use crate::findings::{Finding, Severity};

/// A finished run, ready to render.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Every file read, for snippets and positions.
    pub files: &'a Files,
    /// The findings to show, in output order (severity `allow` already left out).
    pub findings: &'a [Finding],
    /// Counts for the summary.
    pub summary: &'a Summary,
}

/// What a run looked at and found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Claims files read.
    pub sources: usize,
    /// Valid claims.
    pub claims: usize,
    /// Facts the claims are about.
    pub facts: usize,
    /// Facts with claims from more than one source (the ones that can disagree).
    pub compared: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
}

impl Summary {
    /// Counts the severities of `findings`.
    pub fn count(&mut self, findings: &[Finding]) {
        self.errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        self.warnings = findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count();
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        write!(
            f,
            "{}, {} in {}, {}, {} ({} compared across sources)",
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
            plural(self.sources, "source"),
            plural(self.claims, "claim"),
            plural(self.facts, "fact"),
            self.compared,
        )
    }
}

/// Which findings make `check` fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Errors only.
    #[default]
    Error,
    /// Errors and warnings.
    Warning,
    /// Nothing (load problems still exit 2).
    Never,
}

/// The exit status of `check`: 2 when the input could not be read as a dataset, 1 when a
/// finding is at or above the failing severity, else 0.
#[must_use]
pub fn exit_status(findings: &[Finding], fail_on: FailOn) -> u8 {
    if findings
        .iter()
        .any(|f| f.code.is_load() && f.severity != Severity::Allow)
    {
        return 2;
    }
    let fails = |severity: Severity| match fail_on {
        FailOn::Error => severity == Severity::Error,
        FailOn::Warning => matches!(severity, Severity::Error | Severity::Warning),
        FailOn::Never => false,
    };
    u8::from(findings.iter().any(|f| fails(f.severity)))
}

/// Text from the dataset made safe for a terminal: control characters and bidirectional
/// overrides are escaped (`\n`, `\u{1b}`), so a value cannot move the cursor, change
/// colours, break a one-line record, or reorder what is shown.
#[must_use]
pub fn printable(text: &str) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Start and end of a span, 1-based.
#[must_use]
pub fn position(files: &Files, span: Span) -> (LineCol, LineCol) {
    (files.start(span), files.end(span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;

    #[test]
    fn exit_status_is_deliberate() {
        let warning = Finding::new(Code::NameVariant, "w");
        let error = Finding::new(Code::ConflictDate, "e");
        let load = Finding::new(Code::LoadSyntax, "l");
        assert_eq!(exit_status(&[], FailOn::Error), 0);
        assert_eq!(
            exit_status(std::slice::from_ref(&warning), FailOn::Error),
            0
        );
        assert_eq!(
            exit_status(std::slice::from_ref(&warning), FailOn::Warning),
            1
        );
        assert_eq!(exit_status(std::slice::from_ref(&error), FailOn::Error), 1);
        assert_eq!(exit_status(std::slice::from_ref(&error), FailOn::Never), 0);
        assert_eq!(exit_status(&[error, load], FailOn::Never), 2);
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_escaped() {
        assert_eq!(printable("plain – text"), "plain – text");
        assert_eq!(printable("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(printable("x\u{202E}y"), "x\\u{202e}y");
    }

    #[test]
    fn summary_reads_naturally() {
        let summary = Summary {
            sources: 5,
            claims: 1,
            facts: 2,
            compared: 1,
            errors: 1,
            warnings: 0,
        };
        assert_eq!(
            summary.to_string(),
            "1 error, 0 warnings in 5 sources, 1 claim, 2 facts (1 compared across sources)"
        );
    }
}
