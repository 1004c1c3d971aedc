//! How a fact's best-supported value is estimated: the estimators behind one seam.
//!
//! Owns the choice between [`Method::Vote`] (the baseline: every independent unit counts one)
//! and [`Method::Trust`] (the default: sources are weighed by a reliability learnt from the
//! data, [`trust`]), and what both return ([`Estimate`]). Both read the same [`Evidence`],
//! built once; neither renders anything.

pub mod trust;

use crate::assess::evidence::Evidence;
use crate::assess::labels::Label;
use crate::assess::support::{self, Best, ValueSupport};
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
