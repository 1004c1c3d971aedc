//! `--statistics`: how many findings of each code.
//!
//! Owns the per-code counts, shown after the human and concise outputs (the JSON output
//! carries the same counts).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::findings::{Code, Finding, Severity, Status};

/// Counts per code: open findings by severity, and accepted ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Open findings.
    pub open: usize,
    /// Open findings that are errors (a property's `severity` can make one code both).
    pub errors: usize,
    /// Open findings that are warnings.
    pub warnings: usize,
    /// Reviewed or in the baseline.
    pub accepted: usize,
}

/// The counts of every code that has findings, in code order.
#[must_use]
pub fn counts(findings: &[Finding]) -> BTreeMap<Code, Counts> {
    let mut counts: BTreeMap<Code, Counts> = BTreeMap::new();
    for finding in findings {
        let entry = counts.entry(finding.code).or_default();
        if finding.status == Status::Open {
            entry.open += 1;
            match finding.severity {
                Severity::Error => entry.errors += 1,
                Severity::Warning => entry.warnings += 1,
                Severity::Allow => {}
            }
        } else {
            entry.accepted += 1;
        }
    }
    counts
}

/// The table: count, code, severity, and how many are accepted.
#[must_use]
pub fn render(findings: &[Finding]) -> String {
    let mut out = String::from("statistics:\n");
    for (code, count) in counts(findings) {
        let severity = match (count.errors, count.warnings) {
            (0, 0) => String::new(),
            (_, 0) => "error".to_owned(),
            (0, _) => "warning".to_owned(),
            (errors, warnings) => format!(
                "{errors} error{}, {warnings} warning{}",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            ),
        };
        let _ = write!(out, "{:>7}  {:<36} {severity}", count.open, code.as_str());
        if count.accepted > 0 {
            let _ = write!(out, " ({} accepted)", count.accepted);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_open_and_accepted_per_code() {
        let mut reviewed = Finding::new(Code::ConflictDate, "b");
        reviewed.status = Status::Reviewed(0);
        let findings = vec![
            Finding::new(Code::ConflictDate, "a"),
            reviewed,
            Finding::new(Code::NameVariant, "c"),
        ];
        let table = render(&findings);
        assert!(table.contains("      1  factcheck::conflict::date"));
        assert!(table.contains("(1 accepted)"));
        assert!(table.contains("factcheck::name::variant"));
        let mut warning = Finding::new(Code::ConflictDate, "d");
        warning.severity = Severity::Warning;
        let mixed = render(&[Finding::new(Code::ConflictDate, "a"), warning]);
        assert!(mixed.contains("1 error, 1 warning"), "{mixed}");
    }
}
