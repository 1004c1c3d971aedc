//! Stage 3b: the gate's policy, applied to findings (DESIGN 4.1, 4.2).
//!
//! Owns what the CI gate does with the findings the earlier stages produced, in order:
//! 1. `--changed-since`: only findings that touch a claim added or changed since a revision
//!    (the whole dataset was still checked: a conflict needs both sides);
//! 2. reviews: a review explains the finding whose fingerprint its code, claims and values
//!    give; a review that matches nothing is stale, one past its expiry explains nothing;
//! 3. the baseline: findings whose fingerprints it lists are accepted;
//! 4. severities: the command line, then a property's `severity`, then the `[severity]` table
//!    of `rules.toml`, then the code's default; `allow` removes a finding.
//!
//! Pure: reading the baseline file, asking git and reading the clock are the command's job.
//! Load problems are never filtered, accepted or softened: unreadable input stops the gate.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::findings::{Code, Finding, Location, Role, Severity, Status, fingerprint_of};
use crate::model::Dataset;
use crate::model::date::Day;
use crate::model::review::{Review, selects};

/// The gate's settings for one run.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// `--deny`, `--warn` and `--allow`: `(code or namespace, severity)`, in the order given.
    pub overrides: Vec<(String, Severity)>,
    /// Fingerprints the baseline accepts.
    pub baseline: Option<FxHashSet<String>>,
    /// Keys of the claims added or changed since `--changed-since`.
    pub changed: Option<FxHashSet<String>>,
    /// Today, for review expiry (a day number).
    pub today: Day,
}

/// Applies the policy; returns the findings to report, with statuses and final severities.
#[must_use]
pub fn triage(dataset: &Dataset, mut findings: Vec<Finding>, policy: &Policy) -> Vec<Finding> {
    if let Some(changed) = &policy.changed {
        findings.retain(|f| f.code.is_load() || f.claims().any(|c| changed.contains(&c.key)));
    }
    let mut review_findings = apply_reviews(dataset, &mut findings, policy);
    if let Some(baseline) = &policy.baseline {
        for finding in &mut findings {
            if finding.status == Status::Open
                && !finding.code.is_load()
                && baseline.contains(&finding.fingerprint())
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
    findings
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

/// Marks reviewed findings; returns the findings about stale and expired reviews.
fn apply_reviews(dataset: &Dataset, findings: &mut [Finding], policy: &Policy) -> Vec<Finding> {
    if dataset.reviews.is_empty() {
        return Vec::new();
    }
    let by_fingerprint: FxHashMap<String, usize> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.code.is_load())
        .map(|(i, f)| (f.fingerprint(), i))
        .collect();
    let mut problems = Vec::new();
    let mut stale = Vec::new();
    for (index, review) in dataset.reviews.iter().enumerate() {
        let claims = review.claims.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        match by_fingerprint.get(&fingerprint_of(review.code, claims)) {
            Some(&finding) if review.expires.is_some_and(|last| policy.today > last) => {
                problems.push(expired(review, &findings[finding]));
            }
            Some(&finding) => findings[finding].status = Status::Reviewed(index),
            None => stale.push(review),
        }
    }
    if !stale.is_empty() {
        problems.extend(stale_reviews(dataset, &stale));
    }
    problems
}

fn expired(review: &Review, finding: &Finding) -> Finding {
    let mut problem = Finding::new(
        Code::ReviewExpired,
        format!(
            "the review of \"{}\" ({}, {}) has expired, so the finding counts again",
            finding.message,
            review.decision.as_str(),
            review.date
        ),
    )
    .with_help("review the finding again, and write a new review or fix the data")
    .at(review.span, "expired review");
    problem.locations.extend(context(finding));
    problem
}

/// A stale-review finding for each review, saying what changed.
fn stale_reviews(dataset: &Dataset, stale: &[&Review]) -> Vec<Finding> {
    let wanted: FxHashSet<&str> = stale
        .iter()
        .flat_map(|r| r.claims.iter().map(|(key, _)| key.as_str()))
        .collect();
    let mut current: FxHashMap<&str, (String, &crate::model::Claim)> = FxHashMap::default();
    for claim in &dataset.claims {
        if wanted.contains(&*claim.key) {
            current.insert(&claim.key, (claim.value_key(), claim));
        }
    }
    stale
        .iter()
        .map(|review| {
            let mut changes = Vec::new();
            let mut locations = Vec::new();
            for (key, value) in &review.claims {
                match current.get(key.as_str()) {
                    None => changes.push(format!("`{key}` no longer exists")),
                    Some((now, claim)) => {
                        if now != value {
                            changes.push(format!("`{key}` now says {now} (reviewed: {value})"));
                        }
                        locations.push(Location {
                            span: claim.value_span,
                            label: format!("{key} says {}", claim.stated),
                            claim: None,
                            role: Role::Context,
                        });
                    }
                }
            }
            let why = if changes.is_empty() {
                "its claims are unchanged, but the finding now involves other claims, or is gone"
                    .to_owned()
            } else {
                changes.join("; ")
            };
            let mut problem = Finding::new(
                Code::ReviewStale,
                format!("a review of {} no longer matches: {why}", review.code),
            )
            .with_help(
                "look at the finding again: update the review's claims and values, or remove it",
            )
            .at(review.span, "stale review");
            problem.locations.extend(locations);
            problem
        })
        .collect()
}

/// A finding's locations, shown for context in a finding about its review.
fn context(finding: &Finding) -> impl Iterator<Item = Location> + '_ {
    finding.locations.iter().map(|location| Location {
        role: Role::Context,
        ..location.clone()
    })
}
