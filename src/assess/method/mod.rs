//! How a fact's best-supported value is estimated: the estimators behind one seam.
//!
//! Owns the choice between [`Method::Vote`] (the baseline: every independent unit counts one)
//! and [`Method::Trust`] (the default: sources are weighed by a reliability learnt from the
//! data, [`trust`]), and what both return ([`Estimate`]). Both read the same [`Evidence`],
//! built once; neither renders anything.

pub mod trust;

use rustc_hash::FxHashMap;

use crate::assess::evidence::Evidence;
use crate::assess::labels::Label;
use crate::assess::support::{self, Best, Unit, ValueSupport, unit};
use crate::model::Dataset;

/// An estimator of the best-supported values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Majority of independent units: each source's independence group (or cited party)
    /// counts one, whatever its record. The baseline.
    Vote,
    /// Truth discovery: each source's reliability is estimated from how well its values are
    /// supported, iteratively, and weighs its vote ([`trust`]). The default.
    #[default]
    Trust,
}

impl Method {
    /// The word used on the command line and in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Vote => "vote",
            Method::Trust => "trust",
        }
    }
}

/// A source's estimated reliability.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Reliability {
    /// The estimated probability that a value it states is right, in `[0, 0.99]`.
    pub trust: f64,
    /// How many claims (counted once per fact they bear on) the estimate rests on.
    pub claims: usize,
    /// How many of them are in facts a review settled.
    pub reviewed: usize,
}

/// What an estimator returns.
#[derive(Debug, Clone, Default)]
pub struct Estimate {
    /// Per fact (parallel to [`Evidence::facts`]): its values with their support, best
    /// supported first, and the best value among them (an index into that list).
    pub facts: Vec<(Vec<ValueSupport>, Best)>,
    /// Per source, parallel to the dataset's sources; empty for [`Method::Vote`].
    pub reliability: Vec<Reliability>,
    /// How many rounds the estimation took (0 for [`Method::Vote`]).
    pub rounds: usize,
    /// The independence group of each source the estimate used.
    pub groups: Vec<u32>,
}

impl Estimate {
    /// The weight of each of `claims` (claims of one fact, indexes into the dataset's claims)
    /// in that fact, parallel to `claims`: its unit's vote, shared among the unit's claims in
    /// the list, so that a group of dependent sources (or claims citing one party) weighs as
    /// one. Under [`Method::Vote`] a unit's vote is 1; under [`Method::Trust`] it is
    /// `-ln(1 - t)` for the mean reliability `t` of the unit's sources among the claims.
    #[must_use]
    pub fn claim_weights(&self, dataset: &Dataset, claims: &[u32]) -> Vec<f64> {
        claim_weights(dataset, &self.reliability, &self.groups, claims)
    }
}

/// The weight of each of `claims` (claims of one fact) in that fact, parallel to `claims`,
/// given each source's `reliability` (empty: the plain vote, every unit weighs 1) and
/// independence `groups`: its unit's vote `-ln(1 - t)`, `t` the mean reliability of the unit's
/// sources among the claims, shared among the unit's claims in the list (a group of dependent
/// sources, or claims citing one party, weighs as one).
#[must_use]
pub fn claim_weights(
    dataset: &Dataset,
    reliability: &[Reliability],
    groups: &[u32],
    claims: &[u32],
) -> Vec<f64> {
    let units: Vec<Unit> = claims
        .iter()
        .map(|&c| unit(&dataset.claims[c as usize], groups))
        .collect();
    // Per unit: how many of the claims, and the sum of their sources' reliabilities.
    let mut totals: FxHashMap<&Unit, (f64, f64)> = FxHashMap::default();
    for (&claim, unit) in claims.iter().zip(&units) {
        let source = dataset.claims[claim as usize].source.0 as usize;
        let trust = reliability.get(source).map_or(trust::PRIOR, |r| r.trust);
        let entry = totals.entry(unit).or_insert((0.0, 0.0));
        entry.0 += 1.0;
        entry.1 += trust;
    }
    units
        .iter()
        .map(|unit| {
            let (count, sum) = totals.get(unit).copied().unwrap_or((1.0, trust::PRIOR));
            let vote = if reliability.is_empty() {
                1.0
            } else {
                trust::vote(sum / count)
            };
            vote / count
        })
        .collect()
}

/// Estimates the best-supported values of every fact with `method`. `groups` is each source's
/// independence group; `labels` what reviews say of each fact (parallel to the evidence's
/// facts, or empty).
#[must_use]
pub fn estimate(
    method: Method,
    dataset: &Dataset,
    evidence: &Evidence,
    groups: &[u32],
    labels: &[Label],
) -> Estimate {
    match method {
        Method::Vote => Estimate {
            facts: evidence
                .facts
                .iter()
                .map(|fact| {
                    support::support(dataset, &fact.values, &fact.relations, groups, fact.multi)
                })
                .collect(),
            reliability: Vec::new(),
            rounds: 0,
            groups: groups.to_vec(),
        },
        Method::Trust => trust::estimate(dataset, evidence, groups, labels),
    }
}
