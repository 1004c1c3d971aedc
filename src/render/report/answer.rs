//! The answer a review settles a contested fact on.
//!
//! Owns reading a review's decision as a value: `second-source-wrong` makes the first claim
//! the review lists right, `first-source-wrong` the second; other decisions settle no value.
//! Must not decide whether a review matches a finding (the gate's identity does).

use crate::assess::FactAssessment;
use crate::findings::Status as FindingStatus;
use crate::model::review::Decision;

use super::Context;

/// The value a review settled a fact on: a claim the review says is right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The claim (an index into the dataset's claims).
    pub claim: u32,
    /// The review's index in the dataset's reviews.
    pub review: usize,
}

/// The answer a review gives a contested fact: `second-source-wrong` makes the first claim it
/// lists right, `first-source-wrong` the second; other decisions settle no value.
#[must_use]
pub fn answer(context: &Context<'_>, fact: &FactAssessment) -> Option<Answer> {
    fact.findings.iter().find_map(|&index| {
        let FindingStatus::Reviewed(review) = context.checked.findings.get(index)?.status else {
            return None;
        };
        let reviewed = context.dataset().reviews.get(review)?;
        let right = match reviewed.decision {
            Decision::SecondSourceWrong => reviewed.claims.first(),
            Decision::FirstSourceWrong => reviewed.claims.get(1),
            Decision::Explained | Decision::BothWrong | Decision::Unresolved => None,
        }?;
        let claim = fact
            .claims
            .iter()
            .copied()
            .find(|&c| *context.claim(c).key == *right.0)?;
        Some(Answer { claim, review })
    })
}

/// The answer in words: "1977 (ipdf), as reviewed by Ann on 2026-01-01
/// (second-source-wrong): the other source misdates it". Dataset text goes through `escape`.
#[must_use]
pub fn answer_sentence(
    context: &Context<'_>,
    answer: &Answer,
    escape: impl Fn(&str) -> String,
) -> String {
    let claim = context.claim(answer.claim);
    let source = escape(context.source_id(claim.source));
    let value = escape(&claim.stated);
    context.dataset().reviews.get(answer.review).map_or_else(
        || format!("{value} ({source})"),
        |review| {
            format!(
                "{value} ({source}), as reviewed by {} on {} ({}): {}",
                escape(&review.reviewer),
                escape(&review.date),
                review.decision.as_str(),
                escape(&review.reason)
            )
        },
    )
}
