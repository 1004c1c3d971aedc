//! The best set of a multi-valued fact: which of its values are supported, which are not.
//!
//! Owns the rule, which the README explains to users. The values of a multi-valued fact are
//! all true at once (the authors of a book), so no value is a rival of another; what a source
//! says against a value is that it speaks of the fact and leaves the value out. How much that
//! silence weighs depends on the source: a store that lists only the first author of every
//! book says little by leaving out the second; a source whose lists are complete elsewhere
//! says a lot. So:
//!
//! - each independent unit (a source's independence group, or a party several claims cite, as
//!   for single values: [`support::unit`](crate::assess::support::unit)) that speaks of the
//!   fact *lists* some of its values and *leaves out* the others;
//! - a unit's **completeness** is the share of the best-set values it lists, over the
//!   multi-valued facts it speaks of with another unit, with [`PRIOR_CLAIMS`] pseudo-values it
//!   lists: a unit is taken as complete until its lists show otherwise, and one omission on
//!   one fact does not make it partial;
//! - a value is **supported** when the weight of the units listing it is at least
//!   [`LISTED_AGAINST_LEFT_OUT`] times the weight of the units that leave it out, each of those
//!   counted by its completeness. Naming an author who did not write the book is a rarer slip
//!   than leaving one out, so one listing outweighs two complete omissions; a value listed by
//!   one unit against three complete lists that leave it out is not supported;
//! - the sets and the completeness of every unit are estimated together: every unit starts
//!   complete, then sets and completeness are recomputed in turn until no set changes, at most
//!   [`MAX_ROUNDS`] times. Each round costs one pass over the claims.
//!
//! The weight of a unit is a parameter ([`SetFact::speakers`], [`assign`]'s `weight`): today one
//! per independent unit. Pure: [`choose`] and [`estimate`] read indexes and weights only;
//! [`assign`] reads the dataset for each claim's unit. It renders nothing and does not touch
//! single-valued facts.

use rustc_hash::FxHashMap;

use crate::assess::FactAssessment;
use crate::assess::support::{Unit, ValueSupport, unit};
use crate::model::{Dataset, Value};
use crate::names::person;

/// At most this many rounds of estimating sets and completeness in turn.
pub const MAX_ROUNDS: usize = 10;

/// Pseudo-values every unit is counted as listing, in its completeness.
pub const PRIOR_CLAIMS: f64 = 2.0;

/// A value is supported when the units listing it weigh at least this share of the
/// (completeness-weighted) units leaving it out.
pub const LISTED_AGAINST_LEFT_OUT: f64 = 0.5;

/// The values of a multi-valued fact, split: indexes into the fact's values, each list in the
/// values' order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BestSet {
    /// The values in the best set.
    pub supported: Vec<usize>,
    /// The values some unit lists but the others' silence outweighs.
    pub unsupported: Vec<usize>,
    /// Values counted as another value of the fact, written less fully: (the value, the one
    /// it is counted as). A surname alone ("Knuth") is the one person of that surname the
    /// fact lists ("Donald E. Knuth"), when it lists exactly one; its units list that person.
    pub counted_as: Vec<(usize, usize)>,
}

/// One unit that speaks of a fact.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Speaker {
    /// Which unit (an index shared by every fact, to estimate its completeness).
    pub unit: u32,
    /// How much its word weighs (one per independent unit today).
    pub weight: f64,
}

/// What one multi-valued fact's units say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SetFact {
    /// The units that speak of the fact, each once.
    pub speakers: Vec<Speaker>,
    /// Per distinct value of the fact, the positions in `speakers` of the units listing it.
    pub listed_by: Vec<Vec<u32>>,
}

/// The best set of every fact, and how complete each unit's lists are.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sets {
    /// Parallel to the facts given.
    pub sets: Vec<BestSet>,
    /// Per unit (indexed by [`Speaker::unit`]): the share of best-set values it lists,
    /// smoothed; one (complete) for a unit that never speaks with another.
    pub completeness: Vec<f64>,
    /// How many rounds the estimate took.
    pub rounds: usize,
}

/// The best set of one fact, given the completeness of each unit (indexed by
/// [`Speaker::unit`]; a unit past its end counts as complete).
#[must_use]
pub fn choose(fact: &SetFact, completeness: &[f64]) -> BestSet {
    let complete = |unit: u32| completeness.get(unit as usize).copied().unwrap_or(1.0);
    let weight = |speaker: &Speaker| {
        if speaker.weight.is_finite() {
            speaker.weight.max(0.0)
        } else {
            0.0
        }
    };
    // Every unit's omission weight, once; a value's is this minus its listers'.
    let silent_total: f64 = fact
        .speakers
        .iter()
        .map(|s| weight(s) * complete(s.unit))
        .sum();
    let mut set = BestSet::default();
    for (value, listers) in fact.listed_by.iter().enumerate() {
        let mut listing = 0.0;
        let mut listing_silence = 0.0;
        for position in distinct(listers) {
            if let Some(speaker) = fact.speakers.get(position as usize) {
                listing += weight(speaker);
                listing_silence += weight(speaker) * complete(speaker.unit);
            }
        }
        let left_out = (silent_total - listing_silence).max(0.0);
        if listing > 0.0 && listing >= LISTED_AGAINST_LEFT_OUT * left_out {
            set.supported.push(value);
        } else {
            set.unsupported.push(value);
        }
    }
    set
}

/// The best set of every fact, with the completeness of `units` units estimated from all of
/// them (see the module documentation).
#[must_use]
pub fn estimate(facts: &[SetFact], units: usize) -> Sets {
    let mut completeness = vec![1.0; units];
    let mut sets: Vec<BestSet> = facts.iter().map(|f| choose(f, &completeness)).collect();
    let mut rounds = 1;
    while rounds < MAX_ROUNDS {
        completeness = estimate_completeness(facts, &sets, units);
        let next: Vec<BestSet> = facts.iter().map(|f| choose(f, &completeness)).collect();
        rounds += 1;
        let settled = next == sets;
        sets = next;
        if settled {
            break;
        }
    }
    if rounds == 1 {
        completeness = estimate_completeness(facts, &sets, units);
    }
    Sets {
        sets,
        completeness,
        rounds,
    }
}

/// Each position once, sorted: linear after the sort however often a unit is repeated.
fn distinct(listers: &[u32]) -> Vec<u32> {
    let mut listers = listers.to_vec();
    listers.sort_unstable();
    listers.dedup();
    listers
}

/// Gives every multi-valued fact of `facts` its best set (`FactAssessment::set`), indexes into
/// its values. `weight` gives a claim's weight (one for every claim today); a unit weighs the
/// most any of its claims on the fact does.
pub fn assign(
    dataset: &Dataset,
    facts: &mut [FactAssessment],
    groups: &[u32],
    weight: impl Fn(u32) -> f64,
) {
    let mut units: FxHashMap<Unit, u32> = FxHashMap::default();
    let mut evidence = Vec::new();
    let mut which = Vec::new();
    for (index, fact) in facts.iter().enumerate() {
        if !fact.multi || fact.values.is_empty() {
            continue;
        }
        let mut speakers: Vec<Speaker> = Vec::new();
        let mut position: FxHashMap<u32, u32> = FxHashMap::default();
        let mut listed_by = Vec::with_capacity(fact.values.len());
        for value in &fact.values {
            let mut listers = Vec::new();
            for &claim in &value.claims {
                let Some(stated) = dataset.claims.get(claim as usize) else {
                    continue;
                };
                let next = u32::try_from(units.len()).unwrap_or(u32::MAX);
                let id = *units.entry(unit(stated, groups)).or_insert(next);
                let next = u32::try_from(speakers.len()).unwrap_or(u32::MAX);
                let at = *position.entry(id).or_insert(next);
                if at == next {
                    speakers.push(Speaker {
                        unit: id,
                        weight: 0.0,
                    });
                }
                if let Some(speaker) = speakers.get_mut(at as usize) {
                    speaker.weight = speaker.weight.max(weight(claim));
                }
                listers.push(at);
            }
            listed_by.push(distinct(&listers));
        }
        let counted_as = surnames_alone(dataset, fact);
        for &(alone, person) in &counted_as {
            let moved = std::mem::take(&mut listed_by[alone]);
            listed_by[person].extend(moved);
            listed_by[person] = distinct(&listed_by[person]);
        }
        evidence.push(SetFact {
            speakers,
            listed_by,
        });
        which.push((index, counted_as));
    }
    let estimated = estimate(&evidence, units.len());
    for ((index, counted_as), mut set) in which.into_iter().zip(estimated.sets) {
        set.unsupported
            .retain(|value| !counted_as.iter().any(|&(alone, _)| alone == *value));
        set.counted_as = counted_as;
        if let Some(fact) = facts.get_mut(index) {
            fact.set = Some(set);
        }
    }
}

/// The values of a fact that are a surname alone, each with the one value of the fact that is
/// a person of that surname (none when the fact lists no such person, or several).
fn surnames_alone(dataset: &Dataset, fact: &FactAssessment) -> Vec<(usize, usize)> {
    let spelling = |value: &ValueSupport| -> Option<&str> {
        let claim = dataset.claims.get(*value.claims.first()? as usize)?;
        match &claim.value {
            Value::Name(spelling) => Some(dataset.names.text(*spelling)),
            _ => None,
        }
    };
    // Per surname, the one value that is a person of that surname, or `None` for several: one
    // pass, so a fact of many values costs linear time.
    let mut people: FxHashMap<String, Option<usize>> = FxHashMap::default();
    for (index, value) in fact.values.iter().enumerate() {
        let Some(claim) = value
            .claims
            .first()
            .and_then(|&c| dataset.claims.get(c as usize))
        else {
            continue;
        };
        let Value::Name(spelling) = &claim.value else {
            continue;
        };
        let canonical = dataset.names.canonical(dataset.names.entity_of(*spelling));
        if let Some(person) = person::parse(canonical).filter(|p| !p.given.is_empty()) {
            people
                .entry(person.surname)
                .and_modify(|one| *one = None)
                .or_insert(Some(index));
        }
    }
    let mut counted = Vec::new();
    for (alone, value) in fact.values.iter().enumerate() {
        let Some(surname) = spelling(value).and_then(person::bare_surname) else {
            continue;
        };
        if let Some(&Some(person)) = people.get(&surname) {
            if person != alone {
                counted.push((alone, person));
            }
        }
    }
    counted
}

/// Per unit, the smoothed share of the best-set values it lists, over the facts it speaks of
/// with another unit.
fn estimate_completeness(facts: &[SetFact], sets: &[BestSet], units: usize) -> Vec<f64> {
    let mut listed = vec![0.0_f64; units];
    let mut expected = vec![0.0_f64; units];
    for (fact, set) in facts.iter().zip(sets) {
        if fact.speakers.len() < 2 || set.supported.is_empty() {
            continue;
        }
        let mut hits = vec![0_u32; fact.speakers.len()];
        for &value in &set.supported {
            let Some(listers) = fact.listed_by.get(value) else {
                continue;
            };
            for position in distinct(listers) {
                if let Some(hit) = hits.get_mut(position as usize) {
                    *hit += 1;
                }
            }
        }
        #[allow(clippy::cast_precision_loss)] // counts of values, far below 2^52
        let size = set.supported.len() as f64;
        for (speaker, &hit) in fact.speakers.iter().zip(&hits) {
            let unit = speaker.unit as usize;
            if unit < units {
                listed[unit] += f64::from(hit);
                expected[unit] += size;
            }
        }
    }
    listed
        .iter()
        .zip(&expected)
        .map(|(&l, &e)| (l + PRIOR_CLAIMS) / (e + PRIOR_CLAIMS))
        .collect()
}

#[cfg(test)]
mod tests;
