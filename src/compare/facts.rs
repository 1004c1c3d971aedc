//! Grouping claims into facts (DESIGN 1.2, separators).
//!
//! Owns the answer to "are these two claims about the same fact?": same subject entity, same
//! property entity, and no separating qualifier key that both carry with different values.
//! A qualifier present on one side only does not separate. Claims are sorted by
//! (subject, property), so grouping is one pass, never a comparison of every pair of claims.
//!
//! Within a (subject, property) group, claims with the same separating qualifiers form a
//! bucket; a fact is a maximal bucket together with every bucket whose qualifiers are a subset
//! of it. So with `fiscal_year = "2019"`, `"2020"` and an unqualified claim, there are two
//! facts, and the unqualified claim is compared with both.

use rayon::prelude::*;

use crate::model::{Claim, Dataset, EntityId};

/// One fact: the claims that are about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The subject entity.
    pub subject: EntityId,
    /// The property entity.
    pub property: EntityId,
    /// The separating qualifiers that define it, `(key, value entity)`, sorted by key.
    pub qualifiers: Vec<(u32, EntityId)>,
    /// Indexes of its claims in [`Dataset::claims`], in file order.
    pub claims: Vec<u32>,
}

/// Every fact of the dataset, in order of (subject, property, qualifiers).
#[must_use]
pub fn facts(dataset: &Dataset) -> Vec<Fact> {
    let key = |claim: &Claim| {
        (
            dataset.names.entity_of(claim.subject.spelling),
            dataset.properties.entity_of(claim.property.spelling),
        )
    };
    // Keys computed once, then sorted: the sort compares plain integers.
    let mut keyed: Vec<((EntityId, EntityId), u32)> = dataset
        .claims
        .par_iter()
        .enumerate()
        .map(|(index, claim)| (key(claim), u32::try_from(index).unwrap_or(u32::MAX)))
        .collect();
    keyed.par_sort_unstable();

    let mut facts = Vec::new();
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        let claims: Vec<u32> = run.iter().map(|&(_, index)| index).collect();
        group(dataset, run[0].0, &claims, &mut facts);
    }
    facts
}

/// Separating qualifiers of a claim, `(key, value entity)`, sorted by key.
type Assignment = Vec<(u32, EntityId)>;

/// Splits one (subject, property) group into facts.
fn group(
    dataset: &Dataset,
    (subject, property): (EntityId, EntityId),
    claims: &[u32],
    facts: &mut Vec<Fact>,
) {
    let rules = &dataset.property_rules[property.0 as usize];
    let assignment = |index: u32| -> Assignment {
        dataset.claims[index as usize]
            .qualifiers
            .iter()
            .filter(|q| rules.separates(q.key))
            .map(|q| (q.key.0, dataset.names.entity_of(q.value.spelling)))
            .collect()
    };
    // Fast path: nobody carries a separating qualifier.
    if claims.iter().all(|&i| assignment(i).is_empty()) {
        facts.push(Fact {
            subject,
            property,
            qualifiers: Vec::new(),
            claims: claims.to_vec(),
        });
        return;
    }

    // Only keys with at least two different values can separate anything.
    let mut all: Vec<(u32, EntityId)> = claims.iter().flat_map(|&i| assignment(i)).collect();
    all.sort_unstable();
    all.dedup();
    let separating: Vec<u32> = all
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[0].0)
        .collect();

    let mut buckets: Vec<(Assignment, Vec<u32>)> = Vec::new();
    let mut keyed: Vec<(Assignment, u32)> = claims
        .iter()
        .map(|&i| {
            let mut a = assignment(i);
            a.retain(|(k, _)| separating.binary_search(k).is_ok());
            (a, i)
        })
        .collect();
    keyed.sort();
    for (a, i) in keyed {
        match buckets.last_mut() {
            Some((last, members)) if *last == a => members.push(i),
            _ => buckets.push((a, vec![i])),
        }
    }

    let subset = |small: &[(u32, EntityId)], large: &[(u32, EntityId)]| {
        small.len() <= large.len() && small.iter().all(|pair| large.binary_search(pair).is_ok())
    };
    // A bucket of the greatest length is maximal; only shorter ones (typically the claims
    // with no separating qualifier) need looking at, which keeps this linear in practice.
    let longest = buckets.iter().map(|(a, _)| a.len()).max().unwrap_or(0);
    let (maximal, partial): (Vec<usize>, Vec<usize>) = (0..buckets.len()).partition(|&b| {
        let own = &buckets[b].0;
        own.len() == longest
            || !buckets
                .iter()
                .any(|(other, _)| other.len() > own.len() && subset(own, other))
    });
    for &m in &maximal {
        let mut members = buckets[m].1.clone();
        for &p in &partial {
            if subset(&buckets[p].0, &buckets[m].0) {
                members.extend(&buckets[p].1);
            }
        }
        members.sort_unstable();
        facts.push(Fact {
            subject,
            property,
            qualifiers: buckets[m].0.clone(),
            claims: members,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::findings::Code;
    use crate::testing::{check, codes, source, stated, with_code};

    #[test]
    fn differing_values_of_a_shared_qualifier_make_different_facts() {
        let checked = check(
            &[
                (
                    "a",
                    &source(&[("Japan", "budget | fiscal_year=2019", "2019 figure")]),
                ),
                (
                    "b",
                    &source(&[("Japan", "budget | fiscal_year=2020", "2020 figure")]),
                ),
            ],
            None,
        );
        assert!(checked.findings.is_empty(), "{:?}", codes(&checked));
        assert_eq!(checked.comparison.facts.len(), 2);
    }

    #[test]
    fn a_qualifier_on_one_side_only_does_not_separate() {
        let checked = check(
            &[
                (
                    "a",
                    &source(&[(
                        "Japan–NATO relations",
                        "first contact | nature=informal",
                        "late 1970s",
                    )]),
                ),
                (
                    "b",
                    &source(&[("Japan-NATO relations", "first contact", "early 1990s")]),
                ),
            ],
            None,
        );
        assert_eq!(codes(&checked), vec![Code::ConflictDate]);
    }

    #[test]
    fn an_unqualified_claim_is_compared_with_every_qualified_fact_once() {
        let checked = check(
            &[
                ("a", &source(&[("X", "head | year=2019", "Ann Lee")])),
                ("b", &source(&[("X", "head | year=2020", "Bob Ray")])),
                (
                    "c",
                    &source(&[("X", "head", "Cy Young"), ("X", "head", "Di Moss")]),
                ),
            ],
            None,
        );
        assert_eq!(checked.comparison.facts.len(), 2);
        let conflicts = with_code(&checked, Code::ConflictValue);
        // Ann vs the unqualified two; Bob vs the unqualified two. The unqualified pair's own
        // disagreement is part of both, but each distinct set of claims is reported once.
        assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
        for conflict in conflicts {
            assert_eq!(stated(conflict).len(), 3);
        }
    }

    #[test]
    fn declared_separators_are_the_only_ones() {
        let rules = "[[property]]\nname = \"head\"\nseparators = [\"year\"]\n";
        let checked = check(
            &[
                (
                    "a",
                    &source(&[("X", "head | year=2019, via=press", "Ann Lee")]),
                ),
                (
                    "b",
                    &source(&[("X", "head | year=2019, via=web", "Bob Ray")]),
                ),
            ],
            Some(rules),
        );
        assert_eq!(
            codes(&checked),
            vec![Code::ConflictValue],
            "`via` does not separate"
        );
    }
}
