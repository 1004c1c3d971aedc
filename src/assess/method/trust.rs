//! The default estimator: source reliability learnt from the data (truth discovery).
//!
//! Owns the method the README's "How the best-supported value is chosen" explains, after
//! `TruthFinder` (Yin, Han and Yu, KDD 2007 / TKDE 2008) with a prior, on precision-aware value
//! groups, with reviews as labels (after Pasternack and Roth, COLING 2010):
//! - a source's *reliability* `t` is the mean confidence of the values it states, shrunk
//!   towards [`PRIOR`] by [`PSEUDO_CLAIMS`] pseudo-claims (a source of one claim never gets
//!   extreme trust), capped at [`MAX_TRUST`];
//! - a value's *support* `σ` is the sum of the votes `-ln(1 - t)` of the independent units
//!   supporting it; within a group of dependent sources the most reliable member stating the
//!   value keeps its full vote and each next one, by reliability, counts
//!   `1 - COPY_RATE` times less than the one before ([`unit_vote`], after `AccuCopy`'s vote
//!   count): the original keeps its vote, its copiers add little (declared copies and
//!   identical quotes add nothing); its confidence is `1 / (1 + e^(-γσ))`;
//! - the *answer* weighs each unit by its record on the other facts: its sources'
//!   reliability without the fact's own claims (a claim does not vouch for its source, so a
//!   source of one claim is unknown there), counted by how much its vote exceeds an unknown
//!   source's, plus [`UNIT_VOTE`] ([`answer_vote`]), its members discounted as in
//!   [`unit_vote`]: a record confirmed elsewhere outweighs any number of unknown sources, and
//!   between values no record tells apart the count of units decides;
//! - *precision-aware support*: a value supports the values it agrees with (equal, refining,
//!   overlapping) only when those agree with one another; a value that agrees with two values
//!   that disagree with each other (a rounded `29.7` beside `29.65` and `29.68`) is
//!   *ambiguous*: it supports only itself and is never the answer;
//! - among agreeing values the answer is the most precise one whose own support is at least
//!   [`REFINEMENT_SHARE`] of the best-supported one's; numbers in units that cannot be
//!   compared with the answer's make a tie ("cannot choose");
//! - a placeholder (a value stated without a letter or digit: `-`, `?`) is never the answer
//!   while another value is stated;
//! - copying is estimated from shared false values ([`dependence`]) after every round from
//!   round [`DETECT_AFTER`] on, afresh from the declared groups each time, so groups found on
//!   early answers are undone when the answers change;
//! - a reviewed fact is known truth: the value a review says is right has confidence 1, its
//!   rivals 0, and those claims count [`REVIEW_WEIGHT`] times in their sources' reliability
//!   (once: a known truth in place of an estimate);
//! - it alternates both updates, at most [`MAX_ROUNDS`] rounds, each linear in the claims
//!   (plus the agreeing pairs of values within a fact, counted once before the first round).
//!
//! Must not read findings, reviews or files: it gets evidence, groups and labels.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::assess::dependence::{self, Standing};
use crate::assess::evidence::{Evidence, FactEvidence, RELATE_LIMIT};
use crate::assess::labels::Label;
use crate::compare::verdict::Verdict;
use crate::model::Dataset;
use crate::text::fold::compact_key;

use super::{Estimate, Reliability};

mod answer;

use answer::{Record, decide};
pub use answer::{UNIT_VOTE, answer_vote};

/// The reliability a source is shrunk towards, and the one of a source with no claim.
pub const PRIOR: f64 = 0.5;
/// How many claims' worth of weight the prior has.
pub const PSEUDO_CLAIMS: f64 = 2.0;
/// The reliability every source starts from (`TruthFinder`'s published default).
pub const INITIAL: f64 = 0.9;
/// The dampening of the confidence (`TruthFinder`'s `γ`).
pub const GAMMA: f64 = 0.3;
/// The highest reliability: a vote is at most `-ln 0.01 ≈ 4.6`.
pub const MAX_TRUST: f64 = 0.99;
/// At most this many rounds.
pub const MAX_ROUNDS: usize = 20;
/// The estimation stops when no source's reliability moves more than this in a round.
pub const CONVERGED: f64 = 1e-4;
/// How many claims a claim in a reviewed fact counts as in its source's reliability: one,
/// whose truth is known (after Pasternack and Roth: a label replaces the estimate, it does not
/// outweigh the source's other claims; one review must not undo a long record).
pub const REVIEW_WEIGHT: f64 = 1.0;
/// Among agreeing values, the most precise one whose own support is at least this share of
/// the best-supported one's is the answer.
pub const REFINEMENT_SHARE: f64 = 1.0 / 3.0;

/// A unit's vote for its reliability `t` while reliabilities are estimated: `-ln(1 - t)`,
/// near 0 at `t = 0.5`'s neighbourhood of ignorance and growing fast near 1.
#[must_use]
pub fn vote(trust: f64) -> f64 {
    -(1.0 - trust.clamp(0.0, MAX_TRUST)).ln()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The flat evidence one round reads.
#[derive(Default)]
struct Prep {
    /// Per fact, the offset of its first value in the per-value vectors (one more at the end).
    fact_start: Vec<usize>,
    /// Per value, the offset of its supporters in `support` (one more at the end).
    support_start: Vec<usize>,
    /// (unit, source) pairs supporting each value, sorted, each once.
    support: Vec<(u32, u32)>,
    /// Per value, the offset of its own claims' pairs in `own` (one more at the end).
    own_start: Vec<usize>,
    /// (unit, source) pairs of the claims stating each value, sorted, each once.
    own: Vec<(u32, u32)>,
    /// Per value: whether it agrees with values that disagree with each other.
    ambiguous: Vec<bool>,
    /// Per value: the confidence a review fixes, if any.
    clamp: Vec<Option<f64>>,
    /// (source, value) of every claim in every fact it belongs to.
    occurrences: Vec<(u32, u32)>,
    /// Per value, its fact.
    value_fact: Vec<u32>,
}

/// One fact's share of the flat evidence, built in parallel.
struct FactPrep {
    support: Vec<Vec<(u32, u32)>>,
    own: Vec<Vec<(u32, u32)>>,
    ambiguous: Vec<bool>,
    clamp: Vec<Option<f64>>,
    occurrences: Vec<(u32, u32)>,
}

/// Whether two related values agree (neither in tension nor in conflict).
fn agree(relation: Option<Verdict>) -> bool {
    relation.is_some_and(|verdict| !verdict.is_disagreement())
}

fn disagree(relation: Option<Verdict>) -> bool {
    relation.is_some_and(Verdict::is_disagreement)
}

/// Which values of a fact are ambiguous: compatible with two values that disagree. Sets of
/// values are bitsets (a related fact has at most [`RELATE_LIMIT`] values), so a fact costs
/// `n² · n/64` word operations at most.
fn ambiguous(fact: &FactEvidence) -> Vec<bool> {
    let n = fact.values.len();
    if fact.multi || !fact.relations.any() || n > RELATE_LIMIT {
        return vec![false; n];
    }
    let words = n.div_ceil(64);
    let set = |keep: &dyn Fn(usize) -> bool| -> Vec<u64> {
        let mut bits = vec![0u64; words];
        for b in (0..n).filter(|&b| keep(b)) {
            bits[b / 64] |= 1 << (b % 64);
        }
        bits
    };
    let agreeing: Vec<Vec<u64>> = (0..n)
        .map(|a| set(&|b| b != a && agree(fact.relations.get(a, b))))
        .collect();
    let disagreeing: Vec<Vec<u64>> = (0..n)
        .map(|a| set(&|b| disagree(fact.relations.get(a, b))))
        .collect();
    (0..n)
        .map(|a| {
            (0..n).any(|b| {
                agreeing[a][b / 64] & (1 << (b % 64)) != 0
                    && agreeing[a]
                        .iter()
                        .zip(&disagreeing[b])
                        .any(|(x, y)| x & y != 0)
            })
        })
        .collect()
}

/// The values whose claims support value `a`: itself, and the unambiguous values it agrees
/// with when it is unambiguous itself.
fn supporting(fact: &FactEvidence, ambiguous: &[bool], a: usize) -> Vec<usize> {
    if fact.multi || !fact.relations.any() || ambiguous[a] {
        return vec![a];
    }
    (0..fact.values.len())
        .filter(|&b| b == a || (!ambiguous[b] && agree(fact.relations.get(a, b))))
        .collect()
}

fn prepare(evidence: &Evidence, claim_unit: &[u32], dataset: &Dataset, labels: &[Label]) -> Prep {
    let source = |claim: u32| dataset.claims[claim as usize].source.0;
    let pairs = |values: &[usize], fact: &FactEvidence| {
        let mut pairs: Vec<(u32, u32)> = values
            .iter()
            .flat_map(|&b| fact.values[b].iter())
            .map(|&c| (claim_unit[c as usize], source(c)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    };
    let facts: Vec<FactPrep> = evidence
        .facts
        .par_iter()
        .enumerate()
        .map(|(index, fact)| {
            let n = fact.values.len();
            let ambiguous = ambiguous(fact);
            let support = (0..n)
                .map(|a| pairs(&supporting(fact, &ambiguous, a), fact))
                .collect();
            let own = (0..n).map(|a| pairs(&[a], fact)).collect();
            let clamp = labels
                .get(index)
                .map_or_else(|| vec![None; n], |label| clamps(fact, &ambiguous, label));
            let occurrences = fact
                .values
                .iter()
                .enumerate()
                .flat_map(|(a, claims)| {
                    claims
                        .iter()
                        .map(move |&c| (source(c), u32::try_from(a).unwrap_or(u32::MAX)))
                })
                .collect();
            FactPrep {
                support,
                own,
                ambiguous,
                clamp,
                occurrences,
            }
        })
        .collect();
    let mut prep = Prep::default();
    let mut offset = 0usize;
    for fact in facts {
        prep.fact_start.push(offset);
        let base = u32::try_from(offset).unwrap_or(u32::MAX);
        for (support, own) in fact.support.into_iter().zip(fact.own) {
            prep.support_start.push(prep.support.len());
            prep.support.extend(support);
            prep.own_start.push(prep.own.len());
            prep.own.extend(own);
        }
        offset += fact.ambiguous.len();
        let id = u32::try_from(prep.fact_start.len() - 1).unwrap_or(u32::MAX);
        prep.value_fact
            .extend(std::iter::repeat_n(id, fact.ambiguous.len()));
        prep.ambiguous.extend(fact.ambiguous);
        prep.clamp.extend(fact.clamp);
        prep.occurrences.extend(
            fact.occurrences
                .into_iter()
                .map(|(s, a)| (s, base.saturating_add(a))),
        );
    }
    prep.fact_start.push(offset);
    prep.support_start.push(prep.support.len());
    prep.own_start.push(prep.own.len());
    prep
}

/// The confidences a label fixes: the right value and the unambiguous values agreeing with it
/// 1, the values disagreeing with it or said wrong 0.
fn clamps(fact: &FactEvidence, ambiguous: &[bool], label: &Label) -> Vec<Option<f64>> {
    let n = fact.values.len();
    let value_of = |claim: u32| fact.values.iter().position(|v| v.contains(&claim));
    let mut clamp = vec![None; n];
    for &claim in &label.wrong {
        if let Some(a) = value_of(claim) {
            clamp[a] = Some(0.0);
        }
    }
    if let Some(right) = label.right.and_then(|(claim, _)| value_of(claim)) {
        for (b, slot) in clamp.iter_mut().enumerate() {
            let relation = fact.relations.get(right, b);
            if b == right || (!fact.multi && !ambiguous[b] && agree(relation)) {
                *slot = Some(1.0);
            } else if !fact.multi && disagree(relation) {
                *slot = Some(0.0);
            }
        }
    }
    clamp
}

/// The support of a value: the sum of its units' votes ([`unit_vote`]) among `pairs` (its
/// (unit, source) supporters, sorted by unit), each source's reliability from `trust`.
fn sigma(pairs: &[(u32, u32)], trust: &[f64], declared: &[u32]) -> f64 {
    let trust_of = |s: u32| trust.get(s as usize).copied().unwrap_or(PRIOR);
    units_sum(pairs, trust_of, declared, vote)
}

/// The sum over the units among `pairs` (sorted by unit) of their [`unit_vote`]s, each member's
/// reliability from `trust_of` and its vote by `vote_of`. Within a unit, sources of one
/// `declared` group (declared `derived_from`, or identical quotes) are copies of one another
/// outright: only the most reliable of them counts; the parts a detected dependence joined are
/// discounted one after another.
fn units_sum(
    pairs: &[(u32, u32)],
    trust_of: impl Fn(u32) -> f64,
    declared: &[u32],
    vote_of: fn(f64) -> f64,
) -> f64 {
    let mut members: Vec<(u32, f64)> = Vec::new();
    let mut parts: Vec<f64> = Vec::new();
    pairs
        .chunk_by(|a, b| a.0 == b.0)
        .map(|unit| {
            if let [(_, only)] = unit {
                return vote_of(trust_of(*only));
            }
            members.clear();
            members.extend(
                unit.iter()
                    .map(|&(_, s)| (declared.get(s as usize).copied().unwrap_or(s), trust_of(s))),
            );
            members.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
            parts.clear();
            parts.extend(members.chunk_by(|a, b| a.0 == b.0).map(|part| part[0].1));
            unit_vote(&mut parts, vote_of)
        })
        .sum()
}

/// The vote of one unit of dependent sources for a value, given the reliabilities of its
/// members stating it (the parts a detected dependence joined): as `AccuCopy` counts the
/// votes of sources that copy one another (Dong, Berti-Equille and Srivastava, VLDB 2009), the
/// most reliable keeps its full vote and each next one, by reliability, is discounted by
/// `1 - COPY_RATE` once more (`Σ vote(t_k) · 0.2^k`, at most a quarter more than the first's
/// vote). The original of a group of copiers is thus not drowned in its copiers' lower
/// reliability, and the copies add little.
///
/// `vote_of` is the vote for one reliability: [`vote`] in the estimation, [`answer_vote`] in
/// the answer.
#[must_use]
pub fn unit_vote(members: &mut [f64], vote_of: fn(f64) -> f64) -> f64 {
    members.sort_unstable_by(|a, b| b.total_cmp(a));
    let mut discount = 1.0;
    let mut total = 0.0;
    for &t in members.iter() {
        total += discount * vote_of(t);
        discount *= 1.0 - dependence::COPY_RATE;
    }
    total
}

/// Each claim's unit as a number: its source's independence group, or (past the sources)
/// the party it cites.
fn claim_units(dataset: &Dataset, groups: &[u32]) -> Vec<u32> {
    let sources = u32::try_from(dataset.sources.len()).unwrap_or(u32::MAX);
    let mut parties: FxHashMap<String, u32> = FxHashMap::default();
    dataset
        .claims
        .iter()
        .map(|claim| match claim.cites.as_deref().map(compact_key) {
            Some(cited) if !cited.is_empty() => {
                let next = u32::try_from(parties.len()).unwrap_or(u32::MAX);
                sources.saturating_add(*parties.entry(cited).or_insert(next))
            }
            _ => groups
                .get(claim.source.0 as usize)
                .copied()
                .unwrap_or(claim.source.0),
        })
        .collect()
}

/// Copying is estimated after every round from this one on (or from convergence, if sooner).
pub const DETECT_AFTER: usize = 3;

/// How each value stands against its fact's current answer (the unambiguous value of highest
/// confidence).
fn standings(evidence: &Evidence, prep: &Prep, confidence: &[f64]) -> Vec<Standing> {
    let mut standing = vec![Standing::Unknown; confidence.len()];
    for (index, fact) in evidence.facts.iter().enumerate() {
        if fact.multi || !fact.relations.any() {
            continue;
        }
        let start = prep.fact_start[index];
        let n = fact.values.len();
        let winner = (0..n)
            .filter(|&a| !prep.ambiguous[start + a])
            .max_by(|&a, &b| {
                confidence[start + a]
                    .total_cmp(&confidence[start + b])
                    .then(b.cmp(&a))
            });
        let Some(winner) = winner else { continue };
        for a in 0..n {
            let relation = fact.relations.get(winner, a);
            standing[start + a] = if disagree(relation) {
                Standing::False
            } else if agree(relation) && !prep.ambiguous[start + a] {
                Standing::True
            } else {
                Standing::Unknown
            };
        }
    }
    standing
}

/// The groups once copying is estimated from the current reliabilities and answers.
fn detect(
    evidence: &Evidence,
    prep: &Prep,
    groups: &[u32],
    trust: &[f64],
    confidence: &[f64],
) -> Vec<u32> {
    let standing = standings(evidence, prep, confidence);
    let mut claims: Vec<Vec<(u32, u32)>> = vec![Vec::new(); trust.len()];
    for &(source, value) in &prep.occurrences {
        if let Some(list) = claims.get_mut(source as usize) {
            list.push((prep.value_fact[value as usize], value));
        }
    }
    for list in &mut claims {
        list.sort_unstable();
        list.dedup();
    }
    let local = |value: u32| {
        let fact = prep.value_fact[value as usize] as usize;
        (fact, value as usize - prep.fact_start[fact])
    };
    dependence::groups(
        groups,
        &claims,
        trust,
        |value| standing[value as usize],
        |x, y| {
            let ((fact, a), (_, b)) = (local(x), local(y));
            disagree(evidence.facts[fact].relations.get(a, b))
        },
    )
}

/// Estimates every source's reliability and every fact's best value.
#[must_use]
pub fn estimate(
    dataset: &Dataset,
    evidence: &Evidence,
    groups: &[u32],
    labels: &[Label],
) -> Estimate {
    let declared = groups;
    let mut groups = groups.to_vec();
    let claim_unit = claim_units(dataset, &groups);
    let mut prep = prepare(evidence, &claim_unit, dataset, labels);
    let values = prep.ambiguous.len();
    let sources = dataset.sources.len();
    let mut trust = vec![INITIAL; sources];
    let mut confidence = vec![0.0; values];
    let mut rounds = 0;
    let mut record = Record::default();
    while rounds < MAX_ROUNDS {
        rounds += 1;
        (0..values)
            .into_par_iter()
            .map(|v| {
                prep.clamp[v].unwrap_or_else(|| {
                    let pairs = &prep.support[prep.support_start[v]..prep.support_start[v + 1]];
                    sigmoid(GAMMA * sigma(pairs, &trust, declared))
                })
            })
            .collect_into_vec(&mut confidence);
        let mut sum = vec![PRIOR * PSEUDO_CLAIMS; sources];
        let mut weight = vec![PSEUDO_CLAIMS; sources];
        for &(source, value) in &prep.occurrences {
            let w = if prep.clamp[value as usize].is_some() {
                REVIEW_WEIGHT
            } else {
                1.0
            };
            sum[source as usize] += w * confidence[value as usize];
            weight[source as usize] += w;
        }
        let mut moved: f64 = 0.0;
        for (s, t) in trust.iter_mut().enumerate() {
            let next = (sum[s] / weight[s]).min(MAX_TRUST);
            moved = moved.max((next - *t).abs());
            *t = next;
        }
        record = Record {
            sum,
            weight,
            confidence: Vec::new(),
        };
        // Copying afresh from the declared groups: a pair joined on early answers that later
        // ones no longer call false values is undone. The last round keeps its groups.
        if (rounds >= DETECT_AFTER || moved < CONVERGED) && rounds < MAX_ROUNDS {
            let joined = detect(evidence, &prep, declared, &trust, &confidence);
            if joined != groups {
                groups = joined;
                prep = prepare(evidence, &claim_units(dataset, &groups), dataset, labels);
                continue;
            }
        }
        if moved < CONVERGED {
            break;
        }
    }

    record.confidence = confidence;
    let mut reliability: Vec<Reliability> = trust
        .iter()
        .map(|&trust| Reliability {
            trust,
            ..Reliability::default()
        })
        .collect();
    for &(source, value) in &prep.occurrences {
        let r = &mut reliability[source as usize];
        r.claims += 1;
        r.reviewed += usize::from(prep.clamp[value as usize].is_some());
    }
    let facts = evidence
        .facts
        .par_iter()
        .enumerate()
        .map(|(index, fact)| {
            let start = prep.fact_start[index];
            decide(dataset, fact, &prep, start, (&trust, declared), &record)
        })
        .collect();
    Estimate {
        facts,
        reliability,
        rounds,
        groups,
    }
}

#[cfg(test)]
mod tests;
