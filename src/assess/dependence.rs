//! Copying, estimated together with accuracy: sources that share *wrong* values.
//!
//! Owns the `AccuCopy` test of Dong, Berti-Equille and Srivastava ("Integrating conflicting
//! data: the role of source dependence", VLDB 2009) as the trust estimator runs it between
//! rounds: given each source's current reliability and each fact's current answer, a pair of
//! sources that share values the answers call false is far likelier to copy (one from the other,
//! or both from one upstream) than to err alike by chance; sharing true values says little.
//! Candidate pairs are only those sharing at least [`MIN_SHARED_FALSE`] false values held by at
//! most [`MAX_SHARING`] sources, so the work is linear in the claims plus the candidates' claims.
//! Pairs whose posterior of dependence passes one half are joined into groups that then vote
//! once, a group joining another only when each member of one depends on each member of the
//! other: a crawler group of three or more copying one upstream is one group, and a chain of
//! pairs does not merge unrelated sources.
//! Must not read findings or render anything; the `derived_from` and quote-based dependences
//! (`compare::copy`) come in as the starting groups.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::names::union_find::UnionFind;

/// The prior probability that one source copies the other, in each direction.
pub const ALPHA: f64 = 0.2;
/// The share of its values a copier copies.
pub const COPY_RATE: f64 = 0.8;
/// How many false values an item has (uniformly likely).
pub const FALSE_VALUES: f64 = 10.0;
/// A pair must share at least this many false values to be tested (as `[copies] min_shared`
/// asks of identical quotes).
pub const MIN_SHARED_FALSE: usize = 3;
/// A false value stated by more sources than this is not used to find candidate pairs.
pub const MAX_SHARING: usize = 50;

/// How one source's value on a fact stands against the fact's current answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The answer, or a value agreeing with it.
    True,
    /// A value disagreeing with the answer.
    False,
    /// Neither (an ambiguous value, or one not comparable with the answer).
    Unknown,
}

/// What two sources share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shared {
    /// Facts on which both state the same true value.
    pub true_values: usize,
    /// Facts on which both state the same false value.
    pub false_values: usize,
    /// Facts on which they state values that disagree.
    pub different: usize,
}

/// The posterior probability that two sources of reliabilities `a` and `b` depend on each other
/// (either copying the other), given what they share.
#[must_use]
pub fn posterior(a: f64, b: f64, shared: Shared) -> f64 {
    #[allow(clippy::cast_precision_loss)] // counts of facts, far below 2^52
    let (kt, kf, kd) = (
        shared.true_values as f64,
        shared.false_values as f64,
        shared.different as f64,
    );
    let (a, b) = (a.clamp(0.01, 0.99), b.clamp(0.01, 0.99));
    let pt = a * b;
    let pf = (1.0 - a) * (1.0 - b) / FALSE_VALUES;
    let pd = (1.0 - pt - pf).max(1e-12);
    let independent = kt * pt.ln() + kf * pf.ln() + kd * pd.ln();
    let copying = |copied: f64| {
        kt * (copied * COPY_RATE + pt * (1.0 - COPY_RATE)).ln()
            + kf * ((1.0 - copied) * COPY_RATE + pf * (1.0 - COPY_RATE)).ln()
            + kd * (pd * (1.0 - COPY_RATE)).ln()
    };
    let terms = [
        ALPHA.ln() + copying(a),
        ALPHA.ln() + copying(b),
        (1.0 - 2.0 * ALPHA).ln() + independent,
    ];
    let top = terms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = terms.iter().map(|t| (t - top).exp()).sum();
    ((terms[0] - top).exp() + (terms[1] - top).exp()) / sum
}

/// The groups after copying is estimated: `groups` (each source's starting group) joined by
/// every pair of sources whose posterior of dependence passes one half.
///
/// `claims` holds, per source, its (fact, value) pairs sorted by fact (values as indexes the
/// caller's `standing` and `related` understand); `standing(value)` says how a value stands
/// against its fact's answer, `disagree(x, y)` whether two values of one fact disagree;
/// `trust` is each source's reliability.
#[must_use]
pub fn groups(
    groups: &[u32],
    claims: &[Vec<(u32, u32)>],
    trust: &[f64],
    standing: impl Fn(u32) -> Standing,
    disagree: impl Fn(u32, u32) -> bool,
) -> Vec<u32> {
    // False values by the sources stating them.
    let mut holders: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (source, list) in claims.iter().enumerate() {
        for &(_, value) in list {
            if standing(value) == Standing::False {
                holders
                    .entry(value)
                    .or_default()
                    .push(u32::try_from(source).unwrap_or(u32::MAX));
            }
        }
    }
    let mut candidates: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for sources in holders.values_mut() {
        sources.sort_unstable();
        sources.dedup();
        if sources.len() < 2 || sources.len() > MAX_SHARING {
            continue;
        }
        for (i, &a) in sources.iter().enumerate() {
            for &b in &sources[i + 1..] {
                *candidates.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(u32, u32)> = candidates
        .into_iter()
        .filter(|&(_, n)| n >= MIN_SHARED_FALSE)
        .map(|(pair, _)| pair)
        .collect();
    pairs.sort_unstable();

    // Dependent pairs, most certain first.
    let mut dependent: Vec<(f64, u32, u32)> = pairs
        .into_iter()
        .filter_map(|(a, b)| {
            let shared = share(
                &claims[a as usize],
                &claims[b as usize],
                &standing,
                &disagree,
            );
            let p = posterior(trust[a as usize], trust[b as usize], shared);
            (p > 0.5).then_some((p, a, b))
        })
        .collect();
    dependent.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let linked: FxHashSet<(u32, u32)> = dependent.iter().map(|&(_, a, b)| (a, b)).collect();

    // Groups join only when every member of one depends on every member of the other (or
    // started in one group with it): a chain of pairs (a copies b, b shares an upstream with
    // c) does not make a and c one source.
    let mut sets = UnionFind::new(groups.len());
    for (source, &group) in groups.iter().enumerate() {
        if (group as usize) < groups.len() {
            sets.union(u32::try_from(source).unwrap_or(u32::MAX), group);
        }
    }
    let start: Vec<u32> = (0..u32::try_from(groups.len()).unwrap_or(u32::MAX))
        .map(|s| sets.find(s))
        .collect();
    let mut members: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (source, &root) in start.iter().enumerate() {
        members
            .entry(root)
            .or_default()
            .push(u32::try_from(source).unwrap_or(u32::MAX));
    }
    let tied = |x: u32, y: u32| {
        start[x as usize] == start[y as usize] || linked.contains(&(x.min(y), x.max(y)))
    };
    for (_, a, b) in dependent {
        let (ra, rb) = (sets.find(a), sets.find(b));
        if ra == rb {
            continue;
        }
        let (ma, mb) = (
            members.get(&ra).cloned().unwrap_or_default(),
            members.get(&rb).cloned().unwrap_or_default(),
        );
        if ma.iter().all(|&x| mb.iter().all(|&y| tied(x, y))) {
            let root = sets.union(ra, rb);
            let mut all = ma;
            all.extend(mb);
            members.remove(&ra);
            members.remove(&rb);
            members.insert(root, all);
        }
    }
    (0..u32::try_from(groups.len()).unwrap_or(u32::MAX))
        .map(|s| sets.find(s))
        .collect()
}

/// What two sources' claims (each sorted by fact) share, fact by fact.
fn share(
    a: &[(u32, u32)],
    b: &[(u32, u32)],
    standing: &impl Fn(u32) -> Standing,
    disagree: &impl Fn(u32, u32) -> bool,
) -> Shared {
    let mut shared = Shared::default();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (fa, va) = a[i];
        let (fb, vb) = b[j];
        match fa.cmp(&fb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if va == vb {
                    match standing(va) {
                        Standing::True => shared.true_values += 1,
                        Standing::False => shared.false_values += 1,
                        Standing::Unknown => {}
                    }
                } else if disagree(va, vb) {
                    shared.different += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sharing_false_values_is_evidence_of_copying_and_sharing_true_ones_is_not() {
        let true_only = Shared {
            true_values: 10,
            false_values: 0,
            different: 3,
        };
        assert!(posterior(0.8, 0.8, true_only) < 0.5);
        let mistakes = Shared {
            true_values: 10,
            false_values: 3,
            different: 3,
        };
        assert!(posterior(0.8, 0.8, mistakes) > 0.9);
        // Disagreeing often outweighs a few shared mistakes.
        let apart = Shared {
            true_values: 5,
            false_values: 2,
            different: 40,
        };
        assert!(posterior(0.8, 0.8, apart) < 0.5);
    }

    /// Value `2f` of fact `f` is true, `2f + 1` false.
    fn parity(value: u32) -> Standing {
        if value % 2 == 0 {
            Standing::True
        } else {
            Standing::False
        }
    }

    #[test]
    fn three_sources_sharing_wrong_values_become_one_group() {
        // Facts 0..4: value 2f is true, 2f+1 false. Sources 0, 1, 2 share the false values
        // of facts 0, 1, 2; source 3 states the true ones; source 4 the false one of fact 3
        // only.
        let disagree = |x: u32, y: u32| x / 2 == y / 2 && x != y;
        let copier: Vec<(u32, u32)> = (0..4)
            .map(|f| (f, if f < 3 { 2 * f + 1 } else { 2 * f }))
            .collect();
        let honest: Vec<(u32, u32)> = (0..4).map(|f| (f, 2 * f)).collect();
        let lone = vec![(3, 7)];
        let claims = vec![copier.clone(), copier.clone(), copier, honest, lone];
        let start: Vec<u32> = (0..5).collect();
        let groups = groups(&start, &claims, &[0.6; 5], parity, disagree);
        assert_eq!(groups, vec![0, 0, 0, 3, 4]);
    }

    #[test]
    fn a_chain_of_dependent_pairs_does_not_merge_unrelated_sources() {
        // 0 and 1 share the false values of facts 0-2; 1 and 2 those of facts 3-5; 0 and 2
        // share nothing wrong and disagree on facts 3-5.
        let disagree = |x: u32, y: u32| x / 2 == y / 2 && x != y;
        let say = |wrong: &[u32]| -> Vec<(u32, u32)> {
            (0..6)
                .map(|f| (f, if wrong.contains(&f) { 2 * f + 1 } else { 2 * f }))
                .collect()
        };
        let claims = vec![say(&[0, 1, 2]), say(&[0, 1, 2, 3, 4, 5]), say(&[3, 4, 5])];
        let groups = groups(&[0, 1, 2], &claims, &[0.6; 3], parity, disagree);
        assert_ne!(groups[0], groups[2], "{groups:?}");
        assert!(
            groups[1] == groups[0] || groups[1] == groups[2],
            "{groups:?}"
        );
    }
}
