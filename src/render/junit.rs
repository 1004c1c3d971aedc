//! `JUnit` XML output, for CI systems that show test reports (GitLab, Jenkins, Azure, test
//! reporter actions).
//!
//! Owns the mapping of a check onto tests, built with `quick-junit` (which escapes the XML and
//! drops what XML cannot hold). One suite, `factcheck`, holds:
//!
//! - one test case per compared fact (claimed more than once), named by its label, with the
//!   class `factcheck.facts`: it fails when an open finding is about that fact;
//! - one test case per finding that is not about a listed fact (names, acronyms, quotes, order
//!   constraints, load problems), named by its message, with its code as the class
//!   (`factcheck.name.variant`, so that tools that split classes on dots group them by
//!   namespace): it fails when the finding is open.
//!
//! A failure's type is the code, its message the finding's message, and its text the claims
//! involved (source, place, value as stated). A load problem is an `<error>` rather than a
//! `<failure>`: the input could not be checked. An accepted finding (reviewed or in the
//! baseline) does not fail: its test case is `<skipped>` with the review's decision and
//! reason as the message, the way an expected failure is reported (pytest's `xfail`), so that
//! it stays visible in a report without failing it. Names avoid line numbers, so a test's
//! history survives edits that move claims. No times or timestamps: the output is
//! deterministic.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use quick_junit::{NonSuccessKind, Property, TestCase, TestCaseStatus, TestSuite};

use crate::findings::{FactLabel, Finding, Role, Status};
use crate::render::{Report, more_locations, position, printable};

/// The class of the test cases of facts.
pub const FACTS_CLASS: &str = "factcheck.facts";

/// The report: one suite of test cases, with the run's counts as suite properties.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    let listed: HashSet<&FactLabel> = report.facts.iter().collect();
    let mut about: HashMap<&FactLabel, Vec<&Finding>> = HashMap::new();
    let mut others = Vec::new();
    for finding in report.findings {
        match &finding.fact {
            Some(label) if listed.contains(label) => about.entry(label).or_default().push(finding),
            _ => others.push(finding),
        }
    }

    let mut suite = TestSuite::new("factcheck");
    let s = report.summary;
    suite.add_properties([
        Property::new("sources", s.sources.to_string()),
        Property::new("claims", s.claims.to_string()),
        Property::new("facts", s.facts.to_string()),
        Property::new("compared", s.compared.to_string()),
    ]);
    let mut seen = HashSet::new();
    for label in report.facts {
        if !seen.insert(label) {
            continue;
        }
        let findings = about.get(label).map_or(&[][..], Vec::as_slice);
        let mut case = TestCase::new(printable(&label.to_string()), status(report, findings));
        case.set_classname(FACTS_CLASS);
        suite.add_test_case(case);
    }
    for finding in others {
        let mut case = TestCase::new(printable(&finding.message), status(report, &[finding]));
        case.set_classname(finding.code.as_str().replace("::", "."));
        suite.add_test_case(case);
    }

    let mut junit = quick_junit::Report::new("factcheck");
    junit.add_test_suite(suite);
    // Writing to a `Vec` cannot fail, and the values are plain strings.
    junit.to_string().unwrap_or_default()
}

/// A test case's outcome from the findings about it: a failure when one is open (the most
/// severe first), skipped when all are accepted, a success when there are none.
fn status(report: &Report<'_>, findings: &[&Finding]) -> TestCaseStatus {
    let mut open: Vec<&Finding> = findings
        .iter()
        .copied()
        .filter(|f| f.status == Status::Open)
        .collect();
    open.sort_by_key(|f| f.severity);
    let accepted = findings
        .iter()
        .copied()
        .filter(|f| f.status != Status::Open);
    let details = || {
        open.iter()
            .copied()
            .chain(accepted.clone())
            .map(|f| describe(report, f))
            .collect::<Vec<_>>()
            .join("\n")
    };
    if let Some(first) = open.first() {
        let kind = if first.code.is_load() {
            NonSuccessKind::Error
        } else {
            NonSuccessKind::Failure
        };
        let mut status = TestCaseStatus::non_success(kind);
        status
            .set_message(printable(&first.message))
            .set_type(first.code.as_str())
            .set_description(details());
        status
    } else if let Some(first) = accepted.clone().next() {
        let mut status = TestCaseStatus::skipped();
        status
            .set_message(acceptance(report, first))
            .set_type(first.code.as_str())
            .set_description(details());
        status
    } else {
        TestCaseStatus::success()
    }
}

/// Why an accepted finding does not fail: the review's decision and reason, or the baseline.
fn acceptance(report: &Report<'_>, finding: &Finding) -> String {
    match finding.status {
        Status::Reviewed(index) => report.reviews.get(index).map_or_else(
            || "reviewed".to_owned(),
            |review| {
                printable(&format!(
                    "reviewed ({} by {}, {}): {}",
                    review.decision.as_str(),
                    review.reviewer,
                    review.date,
                    review.reason
                ))
                .into_owned()
            },
        ),
        Status::Baselined => "accepted by the baseline".to_owned(),
        Status::Open => "open".to_owned(),
    }
}

/// A finding in plain text: severity, code, status and fingerprint; the message; every place
/// involved (for a claim: its source, address, place and value as stated), at most
/// [`MAX_LOCATIONS`](crate::findings::MAX_LOCATIONS) and a count of the rest; the help.
fn describe(report: &Report<'_>, finding: &Finding) -> String {
    let mut out = format!(
        "{} {} ({}, {})\n{}\n",
        finding.severity,
        finding.code,
        finding.status.as_str(),
        finding.fingerprint(),
        printable(&finding.message)
    );
    let (shown, hidden) = finding.shown_locations();
    for location in shown {
        let (start, _) = position(report.files, location.span);
        let place = format!(
            "{}:{}:{}",
            printable(&report.files.get(location.span.file).display_path()),
            start.line,
            start.column
        );
        match (&location.claim, location.role) {
            (Some(claim), Role::Involved) => {
                let _ = write!(
                    out,
                    "  - {} ({}) at {place} states {:?}",
                    printable(claim.source()),
                    printable(&claim.address()),
                    printable(claim.stated()).as_ref()
                );
                if claim.normalized() != claim.stated() {
                    let _ = write!(out, " ({})", printable(claim.normalized()));
                }
                out.push('\n');
            }
            (Some(_), Role::Context) => {
                let _ = writeln!(
                    out,
                    "  - for comparison, at {place}: {}",
                    printable(&location.label)
                );
            }
            (None, _) => {
                let _ = writeln!(out, "  - at {place}: {}", printable(&location.label));
            }
        }
    }
    if hidden > 0 {
        let _ = writeln!(out, "  - and {}", more_locations(hidden));
    }
    let _ = writeln!(out, "help: {}", printable(&finding.help_line()));
    if let Status::Reviewed(_) | Status::Baselined = finding.status {
        let _ = writeln!(out, "{}", acceptance(report, finding));
    }
    out
}
