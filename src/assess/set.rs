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
mod tests {
    use super::*;

    /// A fact from each unit's list: `lists[i]` are the values unit `units[i]` lists.
    fn fact(values: usize, lists: &[(u32, &[usize])]) -> SetFact {
        let mut listed_by = vec![Vec::new(); values];
        for (position, (_, list)) in lists.iter().enumerate() {
            for &value in *list {
                listed_by[value].push(u32::try_from(position).expect("few"));
            }
        }
        SetFact {
            speakers: lists
                .iter()
                .map(|&(unit, _)| Speaker { unit, weight: 1.0 })
                .collect(),
            listed_by,
        }
    }

    #[test]
    fn a_value_most_units_list_is_in_and_one_only_one_unit_lists_is_out() {
        // Four complete units list authors 0 and 1; one adds 2.
        let book = fact(
            3,
            &[(0, &[0, 1]), (1, &[0, 1]), (2, &[0, 1]), (3, &[0, 1, 2])],
        );
        let set = choose(&book, &[1.0; 4]);
        assert_eq!(set.supported, [0, 1]);
        assert_eq!(set.unsupported, [2]);
    }

    #[test]
    fn a_partial_list_does_not_remove_what_another_lists() {
        // One unit lists both authors, another the first only: nothing contradicts the second.
        let book = fact(2, &[(0, &[0, 1]), (1, &[0])]);
        assert_eq!(choose(&book, &[1.0, 1.0]).supported, [0, 1]);
    }

    #[test]
    fn one_value_among_several_listed_by_one_of_four_complete_units_is_out() {
        let book = fact(2, &[(0, &[0, 1]), (1, &[0]), (2, &[0]), (3, &[0])]);
        assert_eq!(choose(&book, &[1.0; 4]).unsupported, [1]);
    }

    #[test]
    fn first_author_only_units_do_not_outvote_full_lists() {
        // Units 0..=4 list only the first author of every book; units 5 to 7 list them all.
        // Books 1 to 3 teach that 0..=4 leave authors out; on book 0 they are five against
        // two, and the two full lists still carry the second and third authors.
        let partial: &[usize] = &[0];
        let full: &[usize] = &[0, 1, 2];
        let lists = |full_units: u32| -> Vec<(u32, &[usize])> {
            (0..5)
                .map(|unit| (unit, partial))
                .chain((5..5 + full_units).map(|unit| (unit, full)))
                .collect()
        };
        let mut facts = vec![fact(3, &lists(2))];
        for _ in 1..=3 {
            facts.push(fact(3, &lists(3)));
        }
        let before = choose(&facts[0], &[1.0; 8]);
        assert_eq!(
            before.supported,
            [0],
            "counted as complete, the five partial lists outvote the two full ones"
        );
        let sets = estimate(&facts, 8);
        assert_eq!(sets.sets[0].supported, [0, 1, 2]);
        assert!(sets.completeness[0] < 0.5, "{:?}", sets.completeness);
        assert!(sets.completeness[5] > 0.9, "{:?}", sets.completeness);
        assert!(sets.rounds <= MAX_ROUNDS);
    }

    #[test]
    fn a_complete_unit_s_omission_weighs_more_than_a_partial_one_s() {
        let book = fact(2, &[(0, &[0, 1]), (1, &[0]), (2, &[0]), (3, &[0])]);
        assert_eq!(choose(&book, &[1.0, 0.2, 0.2, 0.2]).supported, [0, 1]);
        assert_eq!(choose(&book, &[1.0, 0.9, 0.9, 0.9]).supported, [0]);
    }

    #[test]
    fn weights_count_as_given() {
        // One trusted unit lists a second author; three barely trusted ones leave it out.
        let mut book = fact(2, &[(0, &[0, 1]), (1, &[0]), (2, &[0]), (3, &[0])]);
        assert_eq!(choose(&book, &[1.0; 4]).supported, [0]);
        book.speakers[0].weight = 3.0;
        assert_eq!(choose(&book, &[1.0; 4]).supported, [0, 1]);
        // A unit of no weight supports nothing, even alone.
        let alone = SetFact {
            speakers: vec![Speaker {
                unit: 0,
                weight: 0.0,
            }],
            listed_by: vec![vec![0]],
        };
        assert_eq!(choose(&alone, &[1.0]).unsupported, [0]);
    }

    #[test]
    fn a_value_of_a_single_unit_is_in() {
        let single = fact(2, &[(0, &[0, 1])]);
        assert_eq!(choose(&single, &[]).supported, [0, 1]);
    }

    #[test]
    fn a_unit_listing_a_value_twice_counts_once_and_bad_input_does_not_panic() {
        let book = SetFact {
            speakers: vec![
                Speaker {
                    unit: 0,
                    weight: f64::NAN,
                },
                Speaker {
                    unit: 1,
                    weight: f64::INFINITY,
                },
                Speaker {
                    unit: 9,
                    weight: 1.0,
                },
            ],
            listed_by: vec![vec![2, 2, 2, 2], vec![7], vec![]],
        };
        let set = choose(&book, &[1.0]);
        assert_eq!(set.supported, [0]);
        assert_eq!(set.unsupported, [1, 2]);
        let sets = estimate(&[book.clone(), SetFact::default()], 2);
        assert_eq!(sets.sets.len(), 2);
        assert!(sets.completeness.iter().all(|c| c.is_finite()));
    }

    #[test]
    fn a_unit_seen_on_one_fact_is_not_taken_as_partial_on_that_alone() {
        let facts = [fact(2, &[(0, &[0, 1]), (1, &[0, 1]), (2, &[0])])];
        let sets = estimate(&facts, 4);
        // Unit 2 listed one of two: (1 + 2) / (2 + 2); unit 3 never spoke: complete.
        assert!((sets.completeness[2] - 0.75).abs() < 1e-12);
        assert!((sets.completeness[3] - 1.0).abs() < 1e-12);
        // Units 0 and 1 listed both: (2 + 2) / (2 + 2).
        assert!((sets.completeness[0] - 1.0).abs() < 1e-12);
    }

    /// The stated values of the only multi-valued fact spoken of by several sources: (in, out).
    fn assessed_set(files: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
        let rules = "[[property]]\nname = \"author\"\ncardinality = \"multi\"\n";
        let checked = crate::testing::check(files, Some(rules));
        let assessment = crate::assess::assess(&checked);
        let fact = assessment
            .facts
            .iter()
            .find(|f| f.multi && f.sources > 1)
            .expect("a multi-valued fact");
        let set = fact.set.clone().expect("a best set");
        let stated = |indexes: &[usize]| -> Vec<String> {
            indexes
                .iter()
                .map(|&i| {
                    checked.dataset.claims[fact.values[i].claims[0] as usize]
                        .stated
                        .to_string()
                })
                .collect()
        };
        (stated(&set.supported), stated(&set.unsupported))
    }

    #[test]
    fn a_dataset_s_multi_valued_fact_gets_its_set_and_derived_sources_count_once() {
        use crate::testing::{source, source_with};
        let a = source(&[
            ("Compilers", "author", "Alfred Aho"),
            ("Compilers", "author", "Jeffrey Ullman"),
        ]);
        let only_aho = source(&[("Compilers", "author", "Alfred Aho")]);
        let (b, c) = (only_aho.clone(), only_aho.clone());
        // One full list against two that leave Ullman out: still in (1 >= 2 / 2).
        let (supported, unsupported) = assessed_set(&[("a", &a), ("b", &b), ("c", &c)]);
        assert_eq!(supported, ["Alfred Aho", "Jeffrey Ullman"]);
        assert!(unsupported.is_empty());
        // Three that leave him out: out.
        let d = only_aho.clone();
        let (supported, unsupported) = assessed_set(&[("a", &a), ("b", &b), ("c", &c), ("d", &d)]);
        assert_eq!(supported, ["Alfred Aho"]);
        assert_eq!(unsupported, ["Jeffrey Ullman"]);
        // Unless two of them are excerpts of the third: one unit, one omission.
        let excerpt = source_with(
            "derived_from = [\"b\"]",
            &[("Compilers", "author", "Alfred Aho")],
        );
        let (supported, _) =
            assessed_set(&[("a", &a), ("b", &b), ("c", &excerpt), ("d", &excerpt)]);
        assert_eq!(supported, ["Alfred Aho", "Jeffrey Ullman"]);
    }

    #[test]
    fn a_reliable_source_s_listing_outweighs_unreliable_omissions_under_the_trust_method() {
        use crate::assess::method::Method;
        use crate::testing::source;
        // Twenty towers whose heights the reliable source and two witnesses agree on, and
        // three unreliable sources each get differently wrong; then one book.
        let towers: Vec<String> = (1..=20).map(|n| format!("Tower {n}")).collect();
        let with_book = |height: &str, authors: &[&str]| {
            let mut claims: Vec<(&str, &str, &str)> = towers
                .iter()
                .map(|t| (t.as_str(), "height", height))
                .collect();
            claims.extend(authors.iter().map(|a| ("Compilers", "author", *a)));
            source(&claims)
        };
        let good = with_book("100 m", &["Alfred Aho", "Jeffrey Ullman"]);
        let witness = with_book("100 m", &[]);
        let bad = |height: &str| with_book(height, &["Alfred Aho"]);
        let (b1, b2, b3) = (bad("201 m"), bad("202 m"), bad("203 m"));
        let files = [
            ("good", &good),
            ("w1", &witness),
            ("w2", &witness),
            ("b1", &b1),
            ("b2", &b2),
            ("b3", &b3),
        ];
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let rules = "[[property]]\nname = \"author\"\ncardinality = \"multi\"\n";
        let checked = crate::testing::check(&files, Some(rules));
        let unsupported = |method: Method| {
            let assessment = crate::assess::assess_with(&checked, method);
            let fact = assessment.facts.iter().find(|f| f.multi).expect("the book");
            fact.set.clone().expect("a best set").unsupported.len()
        };
        // Counted as one unit each, three omissions outweigh one listing; weighed by
        // reliability, the source right on every town outweighs the three wrong on every town.
        assert_eq!(unsupported(Method::Vote), 1);
        assert_eq!(unsupported(Method::Trust), 0);
    }

    #[test]
    fn a_surname_alone_counts_as_the_one_person_of_that_surname_in_the_fact() {
        use crate::testing::source;
        let rules = "[[property]]\nname = \"author\"\ncardinality = \"multi\"\n";
        let both = source(&[
            ("Compilers", "author", "Alfred V. Aho"),
            ("Compilers", "author", "Jeffrey Ullman"),
        ]);
        let bare = source(&[("Compilers", "author", "AHO")]);
        let files = [("a", &both), ("b", &both), ("c", &bare), ("d", &bare)];
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let checked = crate::testing::check(&files, Some(rules));
        let assessment = crate::assess::assess(&checked);
        let fact = &assessment.facts[0];
        let set = fact.set.clone().expect("a set");
        let stated = |i: usize| {
            checked.dataset.claims[fact.values[i].claims[0] as usize]
                .stated
                .to_string()
        };
        let supported: Vec<String> = set.supported.iter().map(|&i| stated(i)).collect();
        assert_eq!(supported, ["Alfred V. Aho", "Jeffrey Ullman"]);
        assert!(set.unsupported.is_empty());
        let counted: Vec<(String, String)> = set
            .counted_as
            .iter()
            .map(|&(a, b)| (stated(a), stated(b)))
            .collect();
        assert_eq!(counted, [("AHO".to_owned(), "Alfred V. Aho".to_owned())]);

        // Two people of that surname: the surname alone is neither.
        let smiths = source(&[
            ("Economics", "author", "Adam Smith"),
            ("Economics", "author", "John Smith"),
        ]);
        let bare = source(&[("Economics", "author", "Smith")]);
        let (supported, _) = assessed_set(&[("a", &smiths), ("b", &bare)]);
        assert!(supported.contains(&"Smith".to_owned()), "{supported:?}");
    }

    #[test]
    fn many_units_on_one_value_cost_linear_time() {
        // Quadratic work here would be 10^10 steps: the test would not finish.
        let n = 100_000_u32;
        let book = SetFact {
            speakers: (0..n).map(|unit| Speaker { unit, weight: 1.0 }).collect(),
            listed_by: vec![(0..n).chain(0..n).collect(), vec![0]],
        };
        let sets = estimate(&[book], n as usize);
        assert_eq!(sets.sets[0].supported, [0]);
        assert_eq!(sets.sets[0].unsupported, [1]);
    }

    #[test]
    fn the_estimate_is_deterministic_and_bounded() {
        let facts: Vec<SetFact> = (0..20_u32)
            .map(|i| {
                let a: &[usize] = if i % 2 == 0 { &[0, 1] } else { &[0] };
                let b: &[usize] = if i % 3 == 0 { &[1] } else { &[0, 1] };
                fact(2, &[(i % 3, a), (3 + i % 2, b), (5, &[0])])
            })
            .collect();
        let first = estimate(&facts, 6);
        assert_eq!(first, estimate(&facts, 6));
        assert!(first.rounds <= MAX_ROUNDS);
    }
}
