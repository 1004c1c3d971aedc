//! The evidence estimation reads, built once per fact: its distinct values, how each pair of
//! values relates, and which claims (of which sources) state each value.
//!
//! Owns the facts' identities ([`FactId`], an index into the comparison's facts) and the value
//! relations every estimator shares. Must not weigh anything: which value is best supported
//! is the estimators' ([`method`](super::method)).

use rayon::prelude::*;

use crate::Checked;
use crate::compare::JudgedFact;
use crate::compare::values::{Relation, distinct_values, relate};
use crate::compare::verdict::Verdict;
use crate::model::Dataset;

/// Past this many distinct values, a fact's values are not related pair by pair: each value
/// is supported by its own claims only (a fact with that many values is a finding already).
pub const RELATE_LIMIT: usize = 256;

/// A fact's identity: its index in the comparison's facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactId(pub u32);

/// What is known of one fact before any weighing.
#[derive(Debug, Clone)]
pub struct FactEvidence {
    /// Its identity.
    pub id: FactId,
    /// Its claims grouped by distinct value (indexes into the dataset's claims), in order of
    /// first appearance; each group in file order.
    pub values: Vec<Vec<u32>>,
    /// How each pair of its values relates.
    pub relations: Relations,
    /// Whether its property is multi-valued (its values are all true at once).
    pub multi: bool,
}

/// The evidence of every fact, parallel to the comparison's facts.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Every fact's evidence, indexed by [`FactId`].
    pub facts: Vec<FactEvidence>,
}

impl Evidence {
    /// The evidence of a checked dataset.
    #[must_use]
    pub fn build(checked: &Checked) -> Self {
        let dataset = &checked.dataset;
        let facts = checked
            .comparison
            .facts
            .par_iter()
            .enumerate()
            .map(|(index, judged)| {
                let values = distinct_values(dataset, &judged.fact.claims);
                let relations = relations(dataset, judged, &values);
                FactEvidence {
                    id: FactId(u32::try_from(index).unwrap_or(u32::MAX)),
                    multi: dataset.property_rules[judged.fact.property.0 as usize].multi,
                    values,
                    relations,
                }
            })
            .collect();
        Self { facts }
    }
}

/// How each pair of a fact's distinct values relates.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    n: usize,
    /// Row-major `n × n`; empty when the values are not related (multi-valued facts, or more
    /// than [`RELATE_LIMIT`] values).
    cells: Vec<Option<Verdict>>,
}

impl Relations {
    /// Relations from a row-major `n × n` table (for tests and hand-built evidence).
    #[must_use]
    pub fn from_cells(n: usize, cells: Vec<Option<Verdict>>) -> Self {
        if cells.len() == n * n {
            Self { n, cells }
        } else {
            Self::default()
        }
    }

    /// How value `a` relates to value `b`: `Equal` for a value and itself, `None` when not
    /// compared (not related at all, or incomparable units).
    #[must_use]
    pub fn get(&self, a: usize, b: usize) -> Option<Verdict> {
        if a == b {
            return Some(Verdict::Equal);
        }
        self.cells.get(a * self.n + b).copied().flatten()
    }

    /// Whether any two values were related.
    #[must_use]
    pub fn any(&self) -> bool {
        !self.cells.is_empty()
    }
}

/// How each pair of distinct values relates. Multi-valued facts relate nothing: their values
/// are all true at once; nor do facts with more than [`RELATE_LIMIT`] values, whose values
/// are then each supported by their own claims only.
fn relations(dataset: &Dataset, judged: &JudgedFact, values: &[Vec<u32>]) -> Relations {
    let n = values.len();
    let rules = &dataset.property_rules[judged.fact.property.0 as usize];
    if rules.multi || !(2..=RELATE_LIMIT).contains(&n) {
        return Relations::default();
    }
    let mut cells = vec![None; n * n];
    for a in 0..n {
        for b in a + 1..n {
            let (x, y) = (
                &dataset.claims[values[a][0] as usize].value,
                &dataset.claims[values[b][0] as usize].value,
            );
            if let Relation::Verdict(verdict) = relate(dataset, rules, x, y) {
                cells[a * n + b] = Some(verdict);
                cells[b * n + a] = Some(verdict);
            }
        }
    }
    Relations { n, cells }
}
