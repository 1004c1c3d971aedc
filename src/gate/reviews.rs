//! Reviews, applied: which finding each review explains, and the findings about reviews that
//! explain nothing any more (stale) or no longer count (expired).
//!
//! Owns matching reviews to findings (through [`identity`](super::identity), the one rule)
//! and the wording of `review::stale` and `review::expired`: what changed, and the command
//! that records the review again. Must not read files or decide severities.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::findings::{Code, Finding, Location, Role, Status};
use crate::model::Dataset;
use crate::model::review::Review;

use crate::compare::values::{Relation, relate};

use super::Policy;
use super::identity::{fingerprint_of, review_covers};

/// Marks reviewed findings; returns the findings about stale and expired reviews.
pub(super) fn apply_reviews(
    dataset: &Dataset,
    findings: &mut [Finding],
    policy: &Policy,
) -> Vec<Finding> {
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
    let mut expired_reviews = Vec::new();
    let mut by_claim: Option<FxHashMap<&str, Vec<usize>>> = None;
    let mut claim_at: Option<FxHashMap<&str, usize>> = None;
    let matched: Vec<Option<usize>> = dataset
        .reviews
        .iter()
        .map(|review| {
            let claims = review.claims.iter().map(|(k, v)| (k.as_str(), v.as_str()));
            if let Some(&exact) = by_fingerprint.get(&fingerprint_of(review.code, claims)) {
                return Some(exact);
            }
            // Not the same claims: still the finding if the claims added agree with a
            // reviewed value (a new source saying what one side said).
            let by_claim = by_claim.get_or_insert_with(|| claims_index(findings));
            let claim_at = claim_at.get_or_insert_with(|| {
                (0..dataset.claims.len())
                    .map(|i| (&*dataset.claims[i].key, i))
                    .collect()
            });
            let agrees = |claim: &crate::findings::ClaimRef| {
                agrees_with_reviewed(dataset, claim_at, review, claim.key())
            };
            let (first, _) = review.claims.first()?;
            by_claim
                .get(first.as_str())?
                .iter()
                .copied()
                .find(|&f| review_covers(review, &findings[f], agrees))
        })
        .collect();
    for (index, (review, found)) in dataset.reviews.iter().zip(matched).enumerate() {
        match found {
            Some(finding) if review.expires.is_some_and(|last| policy.today > last) => {
                expired_reviews.push((review, finding));
            }
            Some(finding) => findings[finding].status = Status::Reviewed(index),
            None => stale.push(review),
        }
    }
    // An expired review that a newer one has replaced is history, not a problem.
    for (review, finding) in expired_reviews {
        let finding = &findings[finding];
        let touched = policy
            .changed
            .as_ref()
            .is_none_or(|changed| finding.claims().any(|c| changed.contains(c.key())));
        if finding.status == Status::Open && touched {
            problems.push(expired(review, finding));
        }
    }
    if !stale.is_empty() {
        problems.extend(stale_reviews(dataset, findings, &stale, policy));
    }
    problems
}

/// Whether the claim with this key agrees (is equal, refines, is refined by or overlaps) with
/// the value of a claim the review covers, as the claims stand now.
fn agrees_with_reviewed(
    dataset: &Dataset,
    claim_at: &FxHashMap<&str, usize>,
    review: &Review,
    key: &str,
) -> bool {
    let Some(claim) = claim_at.get(key).map(|&i| &dataset.claims[i]) else {
        return false;
    };
    let property = dataset.properties.entity_of(claim.property.spelling);
    let Some(rules) = dataset.property_rules.get(property.0 as usize) else {
        return false;
    };
    review.claims.iter().any(|(reviewed, _)| {
        claim_at.get(reviewed.as_str()).is_some_and(|&i| {
            matches!(
                relate(dataset, rules, &claim.value, &dataset.claims[i].value),
                Relation::Verdict(verdict) if !verdict.is_disagreement()
            )
        })
    })
}

/// The reviewable findings each claim key is involved in.
fn claims_index(findings: &[Finding]) -> FxHashMap<&str, Vec<usize>> {
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, finding) in findings.iter().enumerate() {
        if finding.code.is_reviewable() {
            for claim in finding.claims() {
                index.entry(claim.key()).or_default().push(i);
            }
        }
    }
    index
}

fn expired(review: &Review, finding: &Finding) -> Finding {
    let expiry = review.expires.map_or_else(String::new, |day| {
        let (y, m, d) = crate::model::date::calendar::civil(i64::from(day));
        format!(" on {y:04}-{m:02}-{d:02}")
    });
    let mut problem = Finding::new(
        Code::ReviewExpired,
        format!(
            "a review ({} by {}, {}) expired{expiry}, so this finding counts again: {}",
            review.decision.as_str(),
            review.reviewer,
            review.date,
            finding.message
        ),
    )
    .with_help("review the finding again, and write a new review or fix the data")
    .at(review.span, "expired review");
    problem.locations.extend(context(finding));
    problem
}

/// A stale-review finding for each review, naming each claim that changed, disappeared or
/// joined the finding, and the command that records the review again; with
/// `--changed-since`, only for reviews of a claim changed since, or gone.
fn stale_reviews(
    dataset: &Dataset,
    findings: &[Finding],
    stale: &[&Review],
    policy: &Policy,
) -> Vec<Finding> {
    let changed_since = policy.changed.as_ref();
    let arguments = if policy.invocation.is_empty() {
        String::new()
    } else {
        format!(" {}", policy.invocation)
    };
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
    let by_claim = claims_index(findings);
    let address =
        |claim: &crate::model::Claim| format!("{}#{}", dataset.source_of(claim).id, claim.handle());
    stale
        .iter()
        .filter(|review| {
            changed_since.is_none_or(|changed| {
                review
                    .claims
                    .iter()
                    .any(|(key, _)| changed.contains(key) || !current.contains_key(key.as_str()))
            })
        })
        .map(|review| {
            let mut changes = Vec::new();
            let mut locations = Vec::new();
            for (key, value) in &review.claims {
                match current.get(key.as_str()) {
                    None => changes.push(format!("`{key}` no longer exists")),
                    Some((now, claim)) => {
                        if now != value {
                            changes.push(format!(
                                "`{}` now says {} ({now}; reviewed: {value})",
                                address(claim),
                                claim.stated
                            ));
                        }
                        locations.push(Location {
                            span: claim.value_span,
                            label: format!("{} says {}", address(claim), claim.stated),
                            claim: None,
                            role: Role::Context,
                        });
                    }
                }
            }
            // The finding the review's claims are in now, if any.
            let now = review
                .claims
                .iter()
                .filter_map(|(key, _)| by_claim.get(key.as_str()))
                .flatten()
                .map(|&f| &findings[f])
                .find(|f| f.code == review.code);
            if changes.is_empty() {
                let reviewed: FxHashSet<&str> =
                    review.claims.iter().map(|(k, _)| k.as_str()).collect();
                let joined: Vec<String> = now
                    .into_iter()
                    .flat_map(Finding::claims)
                    .filter(|c| !reviewed.contains(c.key()))
                    .take(4)
                    .map(|c| format!("`{}` (says {})", c.address(), c.stated()))
                    .collect();
                changes.push(if joined.is_empty() {
                    "its claims are unchanged, but the finding is gone".to_owned()
                } else {
                    format!("the finding now also involves {}", joined.join(", "))
                });
            }
            let help = again(now, review, &arguments);
            let mut problem = Finding::new(
                Code::ReviewStale,
                format!(
                    "a review of {} no longer matches: {}",
                    review.code,
                    changes.join("; ")
                ),
            )
            .with_help(help)
            .at(review.span, "stale review");
            problem.locations.extend(locations);
            problem
        })
        .collect()
}

/// What to do about a stale review: the command that records it again for the finding its
/// claims are in now (`arguments`: the dataset arguments, with a leading space), or to
/// remove it.
fn again(now: Option<&Finding>, review: &Review, arguments: &str) -> String {
    now.map_or_else(
        || "the finding is gone: remove this review".to_owned(),
        |finding| {
            format!(
                "look at the finding again; to record the review again, remove this one \
                 and run `factcheck review {}{arguments} --decision {} --reason {}`",
                finding.fingerprint(),
                review.decision.as_str(),
                shell_word(&review.reason)
            )
        },
    )
}

/// A word as a POSIX shell reads it back: single-quoted unless it is made of safe characters.
fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:@%+=,".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// A finding's locations, shown for context in a finding about its review.
fn context(finding: &Finding) -> impl Iterator<Item = Location> + '_ {
    finding.locations.iter().map(|location| Location {
        role: Role::Context,
        ..location.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_read_back() {
        assert_eq!(shell_word("plain"), "plain");
        assert_eq!(shell_word("it's two words"), "'it'\\''s two words'");
        assert_eq!(shell_word(""), "''");
    }
}
