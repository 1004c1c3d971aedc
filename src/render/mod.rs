//! Stage 4: findings to text for people and machines.
//!
//! Owns what every output format shares: which findings are shown (severity `allow` is not),
//! the summary counts and the exit status. Each format has its own module and only reads
//! findings and files; none of them decides anything about the data, and none writes dataset
//! text (values, labels, file names, file lines) that has not gone through [`crate::safe`].

pub mod concise;
pub mod github;
#[cfg(test)]
mod hostile;
pub mod human;
pub mod json;
pub mod junit;
pub mod report;
pub mod sarif;
pub mod snippet;
pub mod statistics;

use std::fmt;

use crate::Checked;
use crate::files::{Files, LineCol, Span};
use crate::findings::{FactLabel, Finding, Severity, Status};
use crate::model::review::Review;

pub use crate::safe::printable;

/// A finished run, ready to render.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Every file read, for snippets and positions.
    pub files: &'a Files,
    /// Every finding in output order, open or accepted (severity `allow` already left out).
    /// Formats for people show the open ones; machine formats carry the statuses.
    pub findings: &'a [Finding],
    /// Counts for the summary.
    pub summary: &'a Summary,
    /// The facts that were compared (claimed more than once), for formats that list them.
    pub facts: &'a [FactLabel],
    /// The dataset's reviews: a finding with `Status::Reviewed(i)` is explained by `reviews[i]`.
    pub reviews: &'a [Review],
    /// The dataset arguments `check` was given (`data/claims --rules data/rules.toml`), for
    /// the commands the output suggests; empty for the defaults.
    pub invocation: &'a str,
}

impl<'a> Report<'a> {
    /// The report of a checked dataset; `invocation` as for [`Report::invocation`].
    #[must_use]
    pub fn of(checked: &'a Checked, invocation: &'a str) -> Self {
        Self {
            files: &checked.dataset.files,
            findings: &checked.findings,
            summary: &checked.summary,
            facts: &checked.compared,
            reviews: &checked.dataset.reviews,
            invocation,
        }
    }
}

impl Report<'_> {
    /// The findings that count: neither reviewed nor in the baseline.
    pub fn open(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status == Status::Open)
    }
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
    /// Open findings of severity error.
    pub errors: usize,
    /// Open findings of severity warning.
    pub warnings: usize,
    /// Findings explained by a review.
    pub reviewed: usize,
    /// Findings accepted by the baseline.
    pub baselined: usize,
    /// Findings not reported because they involve no claim changed since `--changed-since`.
    pub unchanged: usize,
}

impl Summary {
    /// Counts the open findings by severity, and the accepted ones.
    pub fn count(&mut self, findings: &[Finding]) {
        let open = |severity| {
            findings
                .iter()
                .filter(|f| f.status == Status::Open && f.severity == severity)
                .count()
        };
        self.errors = open(Severity::Error);
        self.warnings = open(Severity::Warning);
        self.reviewed = findings
            .iter()
            .filter(|f| matches!(f.status, Status::Reviewed(_)))
            .count();
        self.baselined = findings
            .iter()
            .filter(|f| f.status == Status::Baselined)
            .count();
    }
}

/// A count and its noun, singular for one: "1 warning", "0 warnings", "3 claims". Every
/// count a user reads goes through here ("1 warnings" was seen).
#[must_use]
pub fn counted(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = counted;
        write!(
            f,
            "{}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning")
        )?;
        let mut accepted = Vec::new();
        if self.reviewed > 0 {
            accepted.push(format!("{} reviewed", self.reviewed));
        }
        if self.baselined > 0 {
            accepted.push(format!("{} in the baseline", self.baselined));
        }
        if self.unchanged > 0 {
            accepted.push(format!(
                "{} more on unchanged claims not shown",
                self.unchanged
            ));
        }
        if !accepted.is_empty() {
            write!(f, " ({})", accepted.join(", "))?;
        }
        write!(
            f,
            " in {}, {}, {} ({} compared across sources)",
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

/// The exit status of `check`: 2 when the input could not be read as a dataset, 1 when an
/// open finding is at or above the failing severity, else 0.
#[must_use]
pub fn exit_status(findings: &[Finding], fail_on: FailOn) -> u8 {
    if findings.iter().any(|f| f.code.is_load()) {
        return 2;
    }
    let fails = |severity: Severity| match fail_on {
        FailOn::Error => severity == Severity::Error,
        FailOn::Warning => matches!(severity, Severity::Error | Severity::Warning),
        FailOn::Never => false,
    };
    u8::from(
        findings
            .iter()
            .any(|f| f.status == Status::Open && fails(f.severity)),
    )
}

/// How many locations of a finding are not listed, in words: "1 more location", "388 more
/// locations" (see [`MAX_LOCATIONS`](crate::findings::MAX_LOCATIONS)).
#[must_use]
pub fn more_locations(hidden: usize) -> String {
    if hidden == 1 {
        "1 more location".to_owned()
    } else {
        format!("{hidden} more locations")
    }
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
    fn summary_reads_naturally() {
        let summary = Summary {
            sources: 5,
            claims: 1,
            facts: 2,
            compared: 1,
            errors: 1,
            ..Summary::default()
        };
        assert_eq!(
            summary.to_string(),
            "1 error, 0 warnings in 5 sources, 1 claim, 2 facts (1 compared across sources)"
        );
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(counted(1, "warning"), "1 warning");
        assert_eq!(counted(0, "warning"), "0 warnings");
        assert_eq!(counted(2, "finding"), "2 findings");
        let one_of_each = Summary {
            sources: 1,
            claims: 1,
            facts: 1,
            compared: 1,
            errors: 1,
            warnings: 1,
            ..Summary::default()
        };
        assert_eq!(
            one_of_each.to_string(),
            "1 error, 1 warning in 1 source, 1 claim, 1 fact (1 compared across sources)"
        );
    }
}
