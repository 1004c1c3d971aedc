//! Stage 3b: the CI gate, one concept in one place (DESIGN 4.1, 4.2).
//!
//! Owns what the gate does with the findings the earlier stages produced, in order:
//! 1. `--changed-since`: only findings that touch a claim added or changed since a revision
//!    (the whole dataset was still checked: a conflict needs both sides);
//! 2. reviews ([`reviews`]): a review explains the finding its code, claims and values
//!    identify, or that finding joined by claims agreeing with a reviewed value; a review that
//!    matches nothing is stale, one past its expiry explains nothing;
//! 3. the baseline: findings whose fingerprints it lists are accepted;
//! 4. severities: the command line, then a property's `severity`, then the `[severity]` table
//!    of `rules.toml`, then the code's default; `allow` removes a finding;
//! 5. the primary location: each finding points first at the claim to fix ([`primary`]).
//!
//! A finding's identity (what reviews and baselines are keyed on) is [`identity`]'s, and never
//! depends on which of its locations is primary. The baseline file's format is [`baseline`]'s.
//!
//! Pure: reading the baseline file, asking git and reading the clock are the command's job.
//! Load problems are never filtered, accepted or softened: unreadable input stops the gate.

pub mod baseline;
pub mod identity;
pub mod primary;
pub mod reviews;

use rustc_hash::FxHashSet;

use crate::findings::{Finding, Severity, Status};
use crate::model::Dataset;
use crate::model::date::Day;
use crate::model::review::selects;

use self::reviews::apply_reviews;

/// The gate's settings for one run.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// `--deny`, `--warn` and `--allow`: `(code or namespace, severity)`, in the order given.
    pub overrides: Vec<(String, Severity)>,
    /// What the baseline accepts.
    pub baseline: Option<baseline::Baseline>,
    /// Keys of the claims added or changed since `--changed-since`.
    pub changed: Option<FxHashSet<String>>,
    /// Today, for review expiry (a day number).
    pub today: Day,
    /// The dataset arguments as given on the command line (shell-quoted), repeated in the
    /// commands findings suggest, so that they run on the same dataset.
    pub invocation: String,
}

/// What the policy leaves to report.
#[derive(Debug, Clone, Default)]
pub struct Triaged {
    /// The findings to report, with statuses and final severities.
    pub findings: Vec<Finding>,
    /// Findings left out by `--changed-since`: they involve no changed claim.
    pub unchanged: usize,
}

/// Applies the policy. `groups` is each source's independence group, which the primary
/// location's support is counted in.
#[must_use]
pub fn triage(
    dataset: &Dataset,
    mut findings: Vec<Finding>,
    policy: &Policy,
    groups: &[u32],
) -> Triaged {
    // Reviews first: a review of a finding `--changed-since` leaves out is not stale.
    let mut review_findings = apply_reviews(dataset, &mut findings, policy);
    let before = findings.len();
    if let Some(changed) = &policy.changed {
        findings.retain(|f| f.code.is_load() || f.claims().any(|c| changed.contains(c.key())));
    }
    let unchanged = before - findings.len();
    if let Some(baseline) = &policy.baseline {
        for finding in &mut findings {
            if finding.status == Status::Open
                && !finding.code.is_load()
                && baseline.fingerprints.contains(&finding.fingerprint())
            {
                finding.status = Status::Baselined;
            }
        }
    }
    findings.append(&mut review_findings);
    for finding in &mut findings {
        finding.severity = severity(dataset, finding, &policy.overrides);
    }
    findings.retain(|f| f.severity != Severity::Allow);
    let fresh = primary::Fresh {
        changed: policy.changed.as_ref(),
        known: policy.baseline.as_ref().map(|b| &b.claims),
    };
    primary::point(dataset, &mut findings, groups, fresh);
    Triaged {
        findings,
        unchanged,
    }
}

/// The final severity of a finding.
fn severity(dataset: &Dataset, finding: &Finding, overrides: &[(String, Severity)]) -> Severity {
    if finding.code.is_load() {
        return Severity::Error;
    }
    let most_specific = |rules: &mut dyn Iterator<Item = (&str, Severity)>| {
        rules
            .filter(|(selector, _)| selects(selector, finding.code))
            // The longest selector wins; among equals, the last.
            .max_by_key(|(selector, _)| selector.len())
            .map(|(_, severity)| severity)
    };
    let mut command_line = overrides.iter().map(|(s, v)| (s.as_str(), *v));
    let mut rules = dataset
        .severities
        .iter()
        .map(|r| (r.selector.as_str(), r.severity));
    most_specific(&mut command_line)
        .or(finding.property_severity)
        .or_else(|| most_specific(&mut rules))
        .unwrap_or_else(|| finding.code.default_severity())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;
    use crate::model::date::calendar;
    use crate::testing::{check_under, codes, reviews_of, source, with_code};

    fn files() -> Vec<(&'static str, String)> {
        vec![
            ("alpha", source(&[("Institute", "founded", "1977")])),
            ("beta", source(&[("Institute", "founded", "1990")])),
            ("gamma", source(&[("Lab", "opened", "2001")])),
            ("delta", source(&[("Lab", "opened", "2011")])),
        ]
    }

    fn run(files: &[(&str, String)], reviews: Option<&str>, policy: &Policy) -> crate::Checked {
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        check_under(&files, None, reviews, policy)
    }

    fn day(y: i64, m: u32, d: u32) -> Day {
        calendar::to_day(calendar::from_civil(y, m, d)).expect("in range")
    }

    fn conflicts(checked: &crate::Checked) -> Vec<&Finding> {
        with_code(checked, Code::ConflictDate)
    }

    #[test]
    fn a_review_marks_its_finding_reviewed() {
        let first = run(&files(), None, &Policy::default());
        let institute = conflicts(&first)[0];
        let reviews = reviews_of(&[institute], None);
        let second = run(&files(), Some(&reviews), &Policy::default());
        let statuses: Vec<Status> = conflicts(&second).iter().map(|f| f.status).collect();
        assert_eq!(statuses, [Status::Reviewed(0), Status::Open]);
        assert_eq!(second.summary.reviewed, 1);
        assert_eq!(second.summary.errors, 1);
    }

    #[test]
    fn a_review_goes_stale_when_a_value_changes() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        let mut edited = files();
        edited[1].1 = source(&[("Institute", "founded", "1992")]);
        let second = run(&edited, Some(&reviews), &Policy::default());
        let stale = with_code(&second, Code::ReviewStale);
        assert_eq!(stale.len(), 1);
        assert!(
            stale[0]
                .message
                .contains("`beta#1` now says 1992 (1992; reviewed: 1990)"),
            "{}",
            stale[0].message
        );
        assert!(conflicts(&second).iter().all(|f| f.status == Status::Open));
        // The help is the command that records the review of the finding as it is now.
        let now = conflicts(&second)[0].fingerprint();
        let help = stale[0].help.as_deref().unwrap_or_default();
        assert!(
            help.contains(&format!(
                "factcheck review {now} --decision explained --reason r`"
            )),
            "{help}"
        );
    }

    #[test]
    fn a_review_holds_when_a_source_agreeing_with_a_reviewed_value_is_added() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        for value in ["1977", "1990"] {
            let mut more = files();
            more.push(("epsilon", source(&[("Institute", "founded", value)])));
            let checked = run(&more, Some(&reviews), &Policy::default());
            assert!(with_code(&checked, Code::ReviewStale).is_empty(), "{value}");
            assert_eq!(
                conflicts(&checked)[0].status,
                Status::Reviewed(0),
                "{value}"
            );
        }
    }

    #[test]
    fn a_review_holds_when_a_source_refining_a_reviewed_value_is_added() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        let mut more = files();
        more.push(("epsilon", source(&[("Institute", "founded", "March 1990")])));
        let checked = run(&more, Some(&reviews), &Policy::default());
        assert!(with_code(&checked, Code::ReviewStale).is_empty());
        assert_eq!(conflicts(&checked)[0].status, Status::Reviewed(0));
    }

    #[test]
    fn a_review_goes_stale_when_a_new_value_joins_and_names_the_claim() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        let mut more = files();
        more.push(("epsilon", source(&[("Institute", "founded", "1985")])));
        let checked = run(&more, Some(&reviews), &Policy::default());
        let stale = with_code(&checked, Code::ReviewStale);
        assert_eq!(stale.len(), 1);
        assert!(
            stale[0]
                .message
                .contains("the finding now also involves `epsilon#1` (says 1985)"),
            "{}",
            stale[0].message
        );
    }

    #[test]
    fn a_stale_review_of_a_finding_that_is_gone_says_to_remove_it() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        let mut edited = files();
        edited[1].1 = source(&[("Institute", "founded", "1977")]);
        let checked = run(&edited, Some(&reviews), &Policy::default());
        let stale = with_code(&checked, Code::ReviewStale);
        assert_eq!(stale.len(), 1);
        assert_eq!(
            stale[0].help.as_deref(),
            Some("the finding is gone: remove this review")
        );
    }

    #[test]
    fn the_command_that_records_a_review_again_repeats_the_dataset_arguments() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        let mut edited = files();
        edited[1].1 = source(&[("Institute", "founded", "1992")]);
        let policy = Policy {
            invocation: "data --reviews 'my reviews.toml'".to_owned(),
            ..Policy::default()
        };
        let checked = run(&edited, Some(&reviews), &policy);
        let help = with_code(&checked, Code::ReviewStale)[0]
            .help
            .clone()
            .unwrap_or_default();
        let now = conflicts(&checked)[0].fingerprint();
        assert!(
            help.contains(&format!(
                "`factcheck review {now} data --reviews 'my reviews.toml' --decision explained"
            )),
            "{help}"
        );
    }

    #[test]
    fn a_review_goes_stale_when_a_claim_disappears() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        let mut edited = files();
        edited[1].1 = source(&[("Somewhere else", "founded", "1990")]);
        let second = run(&edited, Some(&reviews), &Policy::default());
        let stale = with_code(&second, Code::ReviewStale);
        assert_eq!(stale.len(), 1);
        assert!(stale[0].message.contains("no longer exists"));
    }

    #[test]
    fn an_expired_review_fails_and_explains_nothing() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], Some("2026-06-30"));
        let before = Policy {
            today: day(2026, 6, 30),
            ..Policy::default()
        };
        let checked = run(&files(), Some(&reviews), &before);
        assert!(with_code(&checked, Code::ReviewExpired).is_empty());
        assert_eq!(checked.summary.reviewed, 1);
        let after = Policy {
            today: day(2026, 7, 1),
            ..Policy::default()
        };
        let checked = run(&files(), Some(&reviews), &after);
        let expired = with_code(&checked, Code::ReviewExpired);
        assert_eq!(expired.len(), 1);
        assert_eq!(expired[0].severity, Severity::Error);
        assert!(conflicts(&checked).iter().all(|f| f.status == Status::Open));
    }

    #[test]
    fn a_newer_review_replaces_an_expired_one() {
        let first = run(&files(), None, &Policy::default());
        let institute = conflicts(&first)[0];
        let reviews = format!(
            "{}{}",
            reviews_of(&[institute], Some("2026-06-30")),
            reviews_of(&[institute], Some("2027-06-30"))
        );
        let policy = Policy {
            today: day(2026, 7, 1),
            ..Policy::default()
        };
        let checked = run(&files(), Some(&reviews), &policy);
        assert!(with_code(&checked, Code::ReviewExpired).is_empty());
        assert_eq!(conflicts(&checked)[0].status, Status::Reviewed(1));
    }

    #[test]
    fn the_baseline_accepts_what_it_lists() {
        let first = run(&files(), None, &Policy::default());
        let lab = conflicts(&first)[1].fingerprint();
        let policy = Policy {
            baseline: Some(baseline::Baseline {
                fingerprints: std::iter::once(lab).collect(),
                claims: FxHashSet::default(),
            }),
            ..Policy::default()
        };
        let checked = run(&files(), None, &policy);
        let statuses: Vec<Status> = conflicts(&checked).iter().map(|f| f.status).collect();
        assert_eq!(statuses, [Status::Open, Status::Baselined]);
        assert_eq!(checked.summary.baselined, 1);
    }

    #[test]
    fn changed_since_reports_only_findings_on_changed_claims() {
        let first = run(&files(), None, &Policy::default());
        let lab_keys: FxHashSet<String> = conflicts(&first)[1]
            .claims()
            .map(|c| c.key().to_owned())
            .collect();
        let policy = Policy {
            changed: Some(lab_keys.iter().take(1).cloned().collect()),
            ..Policy::default()
        };
        let checked = run(&files(), None, &policy);
        let found = conflicts(&checked);
        assert_eq!(found.len(), 1);
        assert!(found[0].claims().all(|c| lab_keys.contains(c.key())));
        assert_eq!(checked.summary.unchanged, 1);
    }

    #[test]
    fn changed_since_does_not_make_reviews_of_unchanged_findings_stale() {
        let first = run(&files(), None, &Policy::default());
        let reviews = reviews_of(&[conflicts(&first)[0]], None);
        let lab_key = conflicts(&first)[1]
            .claims()
            .next()
            .map(|c| c.key().to_owned());
        let policy = Policy {
            changed: Some(lab_key.into_iter().collect()),
            ..Policy::default()
        };
        let checked = run(&files(), Some(&reviews), &policy);
        assert_eq!(codes(&checked), [Code::ConflictDate]);
    }

    #[test]
    fn severities_layer_command_line_over_property_over_rules_over_default() {
        let files: Vec<(&str, &str)> = vec![
            (
                "alpha",
                "[source]\ntitle = \"T\"\npublisher = \"P\"\n[[claim]]\nsubject = \"Institute\"\nproperty = \"founded\"\nvalue = \"1977\"\n[[claim]]\nsubject = \"Lab\"\nproperty = \"opened\"\nvalue = \"2001\"\n",
            ),
            (
                "beta",
                "[source]\ntitle = \"T\"\npublisher = \"P\"\n[[claim]]\nsubject = \"Institute\"\nproperty = \"founded\"\nvalue = \"1990\"\n[[claim]]\nsubject = \"Lab\"\nproperty = \"opened\"\nvalue = \"2011\"\n",
            ),
        ];
        let rules = "[[property]]\nname = \"founded\"\nseverity = \"warning\"\n\
                     [severity]\n\"factcheck::conflict\" = \"allow\"\n";
        let severities = |policy: &Policy| -> Vec<(String, Severity)> {
            check_under(&files, Some(rules), None, policy)
                .findings
                .iter()
                .map(|f| {
                    (
                        f.message.split(':').next().unwrap_or("").to_owned(),
                        f.severity,
                    )
                })
                .collect()
        };
        // rules.toml allows the namespace, but the property's own severity wins for `founded`.
        let by_rules = severities(&Policy::default());
        assert_eq!(by_rules.len(), 1, "{by_rules:?}");
        assert!(by_rules[0].0.contains("Institute"));
        assert_eq!(by_rules[0].1, Severity::Warning);
        // The command line wins over both; the most specific selector wins on it.
        let policy = Policy {
            overrides: vec![
                ("factcheck::conflict".to_owned(), Severity::Error),
                ("factcheck::conflict::date".to_owned(), Severity::Warning),
            ],
            ..Policy::default()
        };
        let by_command_line: Vec<Severity> = severities(&policy).iter().map(|s| s.1).collect();
        assert_eq!(by_command_line, [Severity::Warning, Severity::Warning]);
        let allow = Policy {
            overrides: vec![("factcheck::conflict::date".to_owned(), Severity::Allow)],
            ..Policy::default()
        };
        assert!(severities(&allow).is_empty());
    }
}
