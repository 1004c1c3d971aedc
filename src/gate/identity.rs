//! A finding's identity: what reviews and baselines are keyed on.
//!
//! Owns the one definition of a fingerprint (the code and the `(claim key, value key)` pairs
//! of the claims involved, as a set, hashed) and the one rule for whether a review still
//! matches a finding. Both read the claims as a set, so neither depends on the order of a
//! finding's locations (which one is primary is [`primary`](super::primary)'s business), on
//! line numbers or on the wording of a message. Must not decide severities or statuses.

use std::fmt::Write as _;

use rustc_hash::FxHashSet;
use sha2::{Digest, Sha256};

use crate::findings::{ClaimRef, ClaimText, Code, Finding};
use crate::model::review::Review;
use crate::model::{Claim, Dataset};

/// The fingerprint of a finding with this code about these `(claim key, value key)` pairs,
/// in any order: what [`Finding::fingerprint`] computes, and what a review is matched on.
#[must_use]
pub fn fingerprint_of<'a>(
    code: Code,
    claims: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> String {
    let mut parts: Vec<String> = claims
        .into_iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    parts.sort();
    parts.dedup();
    let mut hasher = Sha256::new();
    hasher.update(code.as_str());
    for part in &parts {
        hasher.update([0]);
        hasher.update(part);
    }
    format!("fc1-{}", hex(&hasher.finalize()[..8]))
}

/// A claim as a finding about its value names it: its address, its key and its value, stated,
/// understood, and in the stable machine form (`Claim::value_key`) that fingerprints, reviews
/// and baselines are keyed on. Every finding about claims' values builds its claims here.
#[must_use]
pub fn claim_ref(dataset: &Dataset, claim: &Claim) -> ClaimRef {
    ClaimRef::new(&ClaimText {
        source: &dataset.source_of(claim).id,
        claim: &claim.handle(),
        key: &claim.key,
        stated: &claim.stated,
        normalized: &crate::compare::values::normalized(dataset, claim),
        value_key: &claim.value_key(),
    })
}

/// A short digest of one claim as it stands (its key and value key), for the baseline's record
/// of the claims it knew: 12 hex digits, so a dataset of a million claims is unlikely to
/// hold two that collide.
#[must_use]
pub fn claim_digest(key: &str, value_key: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(key);
    hasher.update([0]);
    hasher.update(value_key);
    hex(&hasher.finalize()[..6])
}

/// Bytes as lower-case hexadecimal.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// Whether a review still explains a finding whose fingerprint is not the review's: the
/// finding has the review's code and every reviewed claim with its reviewed value, and each
/// other claim it involves agrees with a reviewed value: states it, or `agrees` says so (a
/// value that refines or overlaps it). A source added later that sides with a reviewed value
/// does not reopen the question the review settled; a reviewed claim that changes or
/// disappears, or a claim with a value of its own, does.
#[must_use]
pub fn review_covers(
    review: &Review,
    finding: &Finding,
    agrees: impl Fn(&ClaimRef) -> bool,
) -> bool {
    if review.code != finding.code || review.claims.is_empty() {
        return false;
    }
    let reviewed: FxHashSet<(&str, &str)> = review
        .claims
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect();
    let values: FxHashSet<&str> = review.claims.iter().map(|(_, v)| v.as_str()).collect();
    let mut found = FxHashSet::default();
    for claim in finding.claims() {
        let pair = (claim.key(), claim.value_key());
        if reviewed.contains(&pair) {
            found.insert(pair);
        } else if review.claims.iter().any(|(key, _)| *key == claim.key())
            || !(values.contains(claim.value_key()) || agrees(claim))
        {
            return false;
        }
    }
    found.len() == reviewed.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::{FileId, Span};
    use crate::findings::{Location, Role};
    use crate::model::review::Decision;

    fn finding(claims: &[(&str, &str)]) -> Finding {
        let mut finding = Finding::new(Code::ConflictDate, "conflict");
        for (key, value) in claims {
            finding.locations.push(Location {
                span: Span::new(FileId(0), 0..1),
                label: String::new(),
                claim: Some(crate::testing::claim_ref(key, value)),
                role: Role::Involved,
            });
        }
        finding
    }

    fn review(claims: &[(&str, &str)]) -> Review {
        Review {
            code: Code::ConflictDate,
            claims: claims
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            decision: Decision::Explained,
            reason: "r".into(),
            reviewer: "t".into(),
            date: "2026-01-01".into(),
            expires: None,
            span: Span::new(FileId(0), 0..1),
        }
    }

    fn review_covers_exactly(review: &Review, finding: &Finding) -> bool {
        review_covers(review, finding, |_| false)
    }

    #[test]
    fn a_claim_that_agrees_without_stating_a_reviewed_value_is_covered_when_said_so() {
        let reviewed = review(&[("a#1", "1977"), ("b#1", "1990")]);
        let refining = finding(&[("a#1", "1977"), ("b#1", "1990"), ("c#9", "1990-07")]);
        assert!(!review_covers_exactly(&reviewed, &refining));
        assert!(review_covers(&reviewed, &refining, |c| c.value_key() == "1990-07"));
        // Never for a reviewed claim that changed.
        let changed = finding(&[("a#1", "1977"), ("b#1", "1990-07")]);
        assert!(!review_covers(&reviewed, &changed, |_| true));
    }

    #[test]
    fn the_fingerprint_ignores_the_order_of_the_claims() {
        let a = finding(&[("a#1", "1977"), ("b#1", "1990"), ("c#1", "1985")]);
        let mut b = a.clone();
        b.locations.rotate_left(1);
        assert_eq!(a.fingerprint(), b.fingerprint());
        b.locations.reverse();
        assert_eq!(a.fingerprint(), b.fingerprint());
        let other = finding(&[("a#1", "1977"), ("b#1", "1991")]);
        assert_ne!(a.fingerprint(), other.fingerprint());
    }

    #[test]
    fn a_review_covers_its_finding_and_agreeing_sources_added_later() {
        let reviewed = review(&[("a#1", "1977"), ("b#1", "1990")]);
        assert!(review_covers_exactly(
            &reviewed,
            &finding(&[("a#1", "1977"), ("b#1", "1990")])
        ));
        // A new source that agrees with either reviewed value.
        let more = finding(&[("a#1", "1977"), ("b#1", "1990"), ("c#9", "1990")]);
        assert!(review_covers_exactly(&reviewed, &more));
        let both = finding(&[
            ("c#9", "1977"),
            ("a#1", "1977"),
            ("d#2", "1990"),
            ("b#1", "1990"),
        ]);
        assert!(review_covers_exactly(&reviewed, &both));
    }

    #[test]
    fn a_review_does_not_cover_a_new_value_nor_a_changed_or_missing_claim() {
        let reviewed = review(&[("a#1", "1977"), ("b#1", "1990")]);
        let new_value = finding(&[("a#1", "1977"), ("b#1", "1990"), ("c#9", "1985")]);
        assert!(!review_covers_exactly(&reviewed, &new_value));
        let changed = finding(&[("a#1", "1977"), ("b#1", "1992")]);
        assert!(!review_covers_exactly(&reviewed, &changed));
        let changed_to_other_reviewed =
            finding(&[("a#1", "1977"), ("b#1", "1977"), ("c#1", "1990")]);
        assert!(!review_covers_exactly(
            &reviewed,
            &changed_to_other_reviewed
        ));
        let missing = finding(&[("a#1", "1977"), ("c#9", "1990")]);
        assert!(!review_covers_exactly(&reviewed, &missing));
        let mut other_code = finding(&[("a#1", "1977"), ("b#1", "1990")]);
        other_code.code = Code::TensionDate;
        assert!(!review_covers_exactly(&reviewed, &other_code));
    }
}
