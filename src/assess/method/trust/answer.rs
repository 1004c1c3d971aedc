//! How a fact's answer is chosen once the reliabilities are estimated.
//!
//! Owns the answer's weights: each unit counts by its record on the *other* facts (its
//! sources' reliability without the fact's own claims, so that a claim does not vouch for its
//! own source) and only by what that record adds to an unknown source's ([`answer_vote`]);
//! the rival share shown as confidence; and the choice among the values (ambiguity, reviews,
//! placeholders, the most precise agreeing value, units that cannot be compared). Must not
//! estimate anything: it reads the last round of [`estimate`](super::estimate).

use crate::assess::evidence::FactEvidence;
use crate::assess::support::{Best, ValueSupport, width};
use crate::model::Dataset;

use super::{
    MAX_TRUST, PRIOR, Prep, REFINEMENT_SHARE, REVIEW_WEIGHT, agree, disagree, sigma, supporting,
    units_sum, vote,
};

/// What a unit weighs in a fact's answer beyond its record: a unit nothing is known about
/// (its reliability at [`PRIOR`]) weighs this thousandth of a vote, so that between values no
/// record tells apart the count of units decides, as in the vote, while a thousand unknown
/// sources are needed to outweigh a record worth one vote.
pub const UNIT_VOTE: f64 = 1e-3;

/// A unit's weight in a fact's answer, for its reliability `t` estimated from its claims on
/// the other facts: [`UNIT_VOTE`] plus how much its vote exceeds an unknown source's,
/// `ln((1 - PRIOR) / (1 - t))`, nothing for a source no better than the prior.
#[must_use]
pub fn answer_vote(trust: f64) -> f64 {
    UNIT_VOTE + (vote(trust) - vote(PRIOR)).max(0.0)
}

/// What the last round's reliabilities rest on: per source, the weighed sum of its claims'
/// confidences and their weight (each with the prior's pseudo-claims), and per value its
/// confidence.
#[derive(Default)]
pub(super) struct Record {
    pub(super) sum: Vec<f64>,
    pub(super) weight: Vec<f64>,
    pub(super) confidence: Vec<f64>,
}

impl Record {
    /// Each source's reliability without the claims of the fact whose values start at
    /// `start` (a claim does not vouch for its own source), sorted by source.
    fn without_fact(
        &self,
        fact: &FactEvidence,
        prep: &Prep,
        start: usize,
        dataset: &Dataset,
    ) -> Vec<(u32, f64)> {
        let mut own: Vec<(u32, f64, f64)> = fact
            .values
            .iter()
            .enumerate()
            .flat_map(|(a, claims)| {
                let w = if prep.clamp[start + a].is_some() {
                    REVIEW_WEIGHT
                } else {
                    1.0
                };
                let confidence = self.confidence.get(start + a).copied().unwrap_or(PRIOR);
                claims
                    .iter()
                    .map(move |&c| (dataset.claims[c as usize].source.0, w * confidence, w))
            })
            .collect();
        own.sort_unstable_by_key(|&(source, ..)| source);
        own.chunk_by(|x, y| x.0 == y.0)
            .map(|claims| {
                let source = claims[0].0;
                let (sum, weight) = claims
                    .iter()
                    .fold((0.0, 0.0), |(s, w), &(_, x, y)| (s + x, w + y));
                let s = source as usize;
                let rest = match (self.sum.get(s), self.weight.get(s)) {
                    (Some(&total), Some(&of)) if of - weight > 0.0 => {
                        ((total - sum) / (of - weight)).clamp(0.0, MAX_TRUST)
                    }
                    _ => PRIOR,
                };
                (source, rest)
            })
            .collect()
    }
}

/// The weight of a value in its fact's answer: the sum of its units' votes
/// ([`unit_vote`](super::unit_vote) of [`answer_vote`]s), each source's reliability its record
/// without this fact (`rest`, sorted by source) among `pairs` (sorted by unit).
fn answer_sigma(pairs: &[(u32, u32)], rest: &[(u32, f64)], declared: &[u32]) -> f64 {
    let trust = |source: u32| {
        rest.binary_search_by_key(&source, |&(s, _)| s)
            .map_or(PRIOR, |i| rest[i].1)
    };
    units_sum(pairs, trust, declared, answer_vote)
}

/// One fact's values with their support, best first, and its best value. In a single-valued
/// fact a value's weight counts each unit by its record on the other facts
/// ([`answer_sigma`]); a multi-valued fact's values keep the votes of the estimation
/// (`trust`), which its best set weighs.
pub(super) fn decide(
    dataset: &Dataset,
    fact: &FactEvidence,
    prep: &Prep,
    start: usize,
    (trust, declared): (&[f64], &[u32]),
    record: &Record,
) -> (Vec<ValueSupport>, Best) {
    let n = fact.values.len();
    let slice = |starts: &[usize], pairs: &'_ [(u32, u32)], v: usize| -> Vec<(u32, u32)> {
        pairs[starts[start + v]..starts[start + v + 1]].to_vec()
    };
    let rest = if fact.multi {
        Vec::new()
    } else {
        record.without_fact(fact, prep, start, dataset)
    };
    let weigh = |pairs: &[(u32, u32)]| {
        if fact.multi {
            sigma(pairs, trust, declared)
        } else {
            answer_sigma(pairs, &rest, declared)
        }
    };
    let support: Vec<f64> = (0..n)
        .map(|a| weigh(&slice(&prep.support_start, &prep.support, a)))
        .collect();
    let own: Vec<f64> = (0..n)
        .map(|a| weigh(&slice(&prep.own_start, &prep.own, a)))
        .collect();
    let ambiguous = &prep.ambiguous[start..start + n];

    // Rival share: e^σ of a value against those of the values it disagrees with. An answer
    // vote is a log-likelihood ratio against an unknown source, `ln((1 - PRIOR) / (1 - t))`,
    // so e^σ is the odds the value's units give it; no dampening.
    let confidence: Vec<f64> = (0..n)
        .map(|a| {
            let rivals: Vec<usize> = (0..n)
                .filter(|&b| b != a && disagree(fact.relations.get(a, b)))
                .collect();
            let top = rivals
                .iter()
                .map(|&b| support[b])
                .fold(support[a], f64::max);
            let own = (support[a] - top).exp();
            own / (own
                + rivals
                    .iter()
                    .map(|&b| (support[b] - top).exp())
                    .sum::<f64>())
        })
        .collect();

    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        support[b]
            .total_cmp(&support[a])
            .then(own[b].total_cmp(&own[a]))
            .then(a.cmp(&b))
    });
    let values: Vec<ValueSupport> = order
        .iter()
        .map(|&a| {
            let supporters = slice(&prep.support_start, &prep.support, a);
            let mut units: Vec<u32> = supporters.iter().map(|&(u, _)| u).collect();
            units.dedup();
            let mut claims: Vec<u32> = supporting(fact, ambiguous, a)
                .into_iter()
                .flat_map(|b| fact.values[b].iter().copied())
                .collect();
            claims.sort_unstable();
            let mut disagreeing: Vec<u32> = (0..n)
                .filter(|&b| disagree(fact.relations.get(a, b)))
                .flat_map(|b| fact.values[b].iter().copied())
                .collect();
            disagreeing.sort_unstable();
            ValueSupport {
                claims: fact.values[a].clone(),
                supporters: claims,
                support: units.len(),
                disagreeing,
                confidence: Some(confidence[a]),
                weight: Some(support[a]),
            }
        })
        .collect();
    if fact.multi || n == 0 {
        return (values, Best::None);
    }

    let clamp = &prep.clamp[start..start + n];
    let best = choose(dataset, fact, ambiguous, clamp, &support, &own, &order);
    (values, best)
}

/// Whether value `a` of `fact` is a placeholder: stated without a letter or digit (`-`, `?`,
/// `—`), the mark a table puts where it has no value.
fn placeholder(dataset: &Dataset, fact: &FactEvidence, a: usize) -> bool {
    fact.values[a].first().is_some_and(|&c| {
        !dataset.claims[c as usize]
            .stated
            .chars()
            .any(char::is_alphanumeric)
    })
}

/// The best value of a single-valued fact (indexes into `order`, the values best first). A
/// value a review says is right (`clamp` 1) is chosen among those only; one it says is wrong
/// (`clamp` 0) is never chosen while another value can be.
fn choose(
    dataset: &Dataset,
    fact: &FactEvidence,
    ambiguous: &[bool],
    clamp: &[Option<f64>],
    support: &[f64],
    own: &[f64],
    order: &[usize],
) -> Best {
    let n = fact.values.len();
    let related = !fact.multi && fact.relations.any();
    let position = |a: usize| order.iter().position(|&o| o == a).unwrap_or(0);
    let right: Vec<usize> = (0..n)
        .filter(|&a| clamp[a].is_some_and(|c| c >= 1.0))
        .collect();
    let mut candidates: Vec<usize> = if right.is_empty() {
        (0..n)
            .filter(|&a| !ambiguous[a] && !clamp[a].is_some_and(|c| c <= 0.0))
            .collect()
    } else {
        right
    };
    // A placeholder ("-", "?": text without a letter or digit) says the source has no value:
    // never the answer while a value is stated.
    if candidates.iter().any(|&a| !placeholder(dataset, fact, a)) {
        candidates.retain(|&a| !placeholder(dataset, fact, a));
    }
    if candidates.is_empty() {
        candidates = (0..n).filter(|&a| !ambiguous[a]).collect();
    }
    if candidates.is_empty() {
        candidates = (0..n).collect();
    }
    let most = candidates
        .iter()
        .map(|&a| support[a])
        .fold(f64::NEG_INFINITY, f64::max);
    let close = |x: f64| (most - x).abs() <= 1e-9 * most.abs().max(1.0);
    let leaders: Vec<usize> = order
        .iter()
        .copied()
        .filter(|a| candidates.contains(a) && close(support[*a]))
        .collect();
    let fit = leaders.iter().all(|&i| {
        leaders
            .iter()
            .all(|&j| i == j || agree(fact.relations.get(i, j)))
    });
    let Some(&winner) = leaders.first() else {
        return Best::None;
    };
    if !fit {
        return Best::Tie(leaders.into_iter().map(position).collect());
    }
    // Among the values agreeing with the winner, the most precise one with enough support.
    let group: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&b| b == winner || (related && agree(fact.relations.get(winner, b))))
        .collect();
    let best_own = group.iter().map(|&b| own[b]).fold(0.0, f64::max);
    let width = |b: usize| width(&dataset.claims[fact.values[b][0] as usize].value);
    let answer = group
        .iter()
        .copied()
        .filter(|&b| own[b] > 0.0 && own[b] >= REFINEMENT_SHARE * best_own - 1e-12)
        .min_by(|&a, &b| {
            width(a)
                .total_cmp(&width(b))
                .then(own[b].total_cmp(&own[a]))
                .then(a.cmp(&b))
        })
        .unwrap_or(winner);
    // Numbers in units that cannot be compared with the answer's (pounds and dollars) are
    // other quantities: no choice between them. (Date-times that cannot be compared, a
    // local clock time and a zoned one, are one quantity with an unknown offset: the
    // best-supported is the answer.)
    let number = matches!(
        dataset.claims[fact.values[answer][0] as usize].value,
        crate::model::Value::Number(_)
    );
    if related && number {
        let other = candidates
            .iter()
            .copied()
            .filter(|&b| fact.relations.get(answer, b).is_none())
            .max_by(|&a, &b| support[a].total_cmp(&support[b]).then(b.cmp(&a)));
        if let Some(other) = other {
            return Best::Tie(vec![position(answer), position(other)]);
        }
    }
    Best::Value(position(answer))
}
