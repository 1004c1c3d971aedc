//! Reviews read as labels: what a researcher's decision says is right or wrong in a fact.
//!
//! Owns reading a review's decision as known truth about claims: `second-source-wrong` makes
//! the first claim the review lists right and the second wrong, `first-source-wrong` the
//! reverse, `both-wrong` both wrong; `explained` and `unresolved` say nothing. Estimators use
//! labels to learn which sources to trust (semi-supervised). Must not decide whether a review
//! matches a finding (the gate's identity does) nor word anything.

use crate::Checked;
use crate::findings::Status as FindingStatus;
use crate::model::review::Decision;

/// What reviews say of one fact's claims.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Label {
    /// The claim a review says is right, and that review's index in the dataset's reviews.
    pub right: Option<(u32, usize)>,
    /// Claims reviews say are wrong (indexes into the dataset's claims).
    pub wrong: Vec<u32>,
}

impl Label {
    /// Whether the reviews say anything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.right.is_none() && self.wrong.is_empty()
    }
}

/// What the reviews of a fact's findings (`findings`: indexes into the checked findings) say
/// of its claims (`claims`: indexes into the dataset's claims). The first review that settles
/// a value gives the right claim.
#[must_use]
pub fn label(checked: &Checked, claims: &[u32], findings: &[usize]) -> Label {
    let mut label = Label::default();
    let find = |key: &str| {
        claims
            .iter()
            .copied()
            .find(|&c| *checked.dataset.claims[c as usize].key == *key)
    };
    for &index in findings {
        let Some(FindingStatus::Reviewed(review)) = checked.findings.get(index).map(|f| f.status)
        else {
            continue;
        };
        let Some(reviewed) = checked.dataset.reviews.get(review) else {
            continue;
        };
        let first = reviewed.claims.first().and_then(|(key, _)| find(key));
        let second = reviewed.claims.get(1).and_then(|(key, _)| find(key));
        let (right, wrong) = match reviewed.decision {
            Decision::SecondSourceWrong => (first, vec![second]),
            Decision::FirstSourceWrong => (second, vec![first]),
            Decision::BothWrong => (None, vec![first, second]),
            Decision::Explained | Decision::Unresolved => (None, Vec::new()),
        };
        if label.right.is_none() {
            label.right = right.map(|claim| (claim, review));
        }
        label.wrong.extend(wrong.into_iter().flatten());
    }
    label.wrong.sort_unstable();
    label.wrong.dedup();
    label
}
