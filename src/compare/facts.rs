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

/// Past this many distinct combinations of separating qualifiers in one (subject, property)
/// group, facts are formed linearly (see [`group`]).
const CLIQUE_LIMIT: usize = 64;
/// Past this many maximal cliques, the linear fallback is used too.
const MAX_CLIQUES: usize = 1024;

/// Splits one (subject, property) group into facts.
///
/// Claims with the same separating qualifiers form a bucket. Two buckets can be compared when
/// they are consistent: no key that both carry has two different values. The facts are the
/// maximal sets of mutually consistent buckets (maximal cliques), so that `{year=2019}`,
/// `{year=2020}` and an unqualified claim make two facts, and `{year=2019}` and `{via=press}`,
/// which share no key, are one. With very many buckets (a qualifier value per claim, say)
/// each bucket is instead one fact together with the unqualified claims.
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
    let mut keyed: Vec<(Assignment, u32)> = claims.iter().map(|&i| (assignment(i), i)).collect();
    // The common case: nobody carries a separating qualifier.
    if keyed.iter().all(|(a, _)| a.is_empty()) {
        facts.push(Fact {
            subject,
            property,
            qualifiers: Vec::new(),
            claims: claims.to_vec(),
        });
        return;
    }

    // Only keys with at least two different values can separate anything.
    let mut all: Vec<(u32, EntityId)> = keyed.iter().flat_map(|(a, _)| a.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    let separating: Vec<u32> = all
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .map(|w| w[0].0)
        .collect();
    for (a, _) in &mut keyed {
        a.retain(|(k, _)| separating.binary_search(k).is_ok());
    }
    keyed.sort();

    let mut buckets: Vec<(Assignment, Vec<u32>)> = Vec::new();
    for (a, i) in keyed {
        match buckets.last_mut() {
            Some((last, members)) if *last == a => members.push(i),
            _ => buckets.push((a, vec![i])),
        }
    }

    let units = cliques(&buckets).unwrap_or_else(|| {
        // Each qualified bucket with the unqualified one (sorted first, when present).
        let unqualified = buckets.first().filter(|(a, _)| a.is_empty()).map(|_| 0);
        let start = usize::from(unqualified.is_some());
        if start == buckets.len() {
            return vec![vec![0]];
        }
        (start..buckets.len())
            .map(|b| unqualified.into_iter().chain([b]).collect())
            .collect()
    });
    for unit in units {
        let mut members: Vec<u32> = unit
            .iter()
            .flat_map(|&b| buckets[b].1.iter().copied())
            .collect();
        members.sort_unstable();
        let mut qualifiers: Assignment = unit
            .iter()
            .flat_map(|&b| buckets[b].0.iter().copied())
            .collect();
        qualifiers.sort_unstable();
        qualifiers.dedup();
        facts.push(Fact {
            subject,
            property,
            qualifiers,
            claims: members,
        });
    }
}

/// Whether two buckets can be compared: no shared key with different values.
fn consistent(a: &[(u32, EntityId)], b: &[(u32, EntityId)]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if a[i].1 != b[j].1 {
                    return false;
                }
                i += 1;
                j += 1;
            }
        }
    }
    true
}

/// The maximal cliques of the consistency graph over buckets, each as bucket indexes in
/// order, in a deterministic order; `None` when there are too many buckets or cliques.
fn cliques(buckets: &[(Assignment, Vec<u32>)]) -> Option<Vec<Vec<usize>>> {
    let n = buckets.len();
    if n > CLIQUE_LIMIT {
        return None;
    }
    let mut adjacent = vec![0u64; n];
    for a in 0..n {
        for b in a + 1..n {
            if consistent(&buckets[a].0, &buckets[b].0) {
                adjacent[a] |= 1 << b;
                adjacent[b] |= 1 << a;
            }
        }
    }
    let everyone = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
    let mut found = Vec::new();
    if !bron_kerbosch(0, everyone, 0, &adjacent, &mut found) {
        return None;
    }
    found.sort_unstable_by_key(|&clique: &u64| clique.reverse_bits());
    Some(
        found
            .into_iter()
            .map(|clique| (0..n).filter(|&b| clique & (1 << b) != 0).collect())
            .collect(),
    )
}

/// Bron–Kerbosch with pivoting over bitsets; `false` once more than [`MAX_CLIQUES`] are
/// found.
fn bron_kerbosch(
    clique: u64,
    mut candidates: u64,
    mut excluded: u64,
    adjacent: &[u64],
    found: &mut Vec<u64>,
) -> bool {
    if candidates == 0 && excluded == 0 {
        found.push(clique);
        return found.len() <= MAX_CLIQUES;
    }
    let pivot = (candidates | excluded).trailing_zeros() as usize;
    let mut rest = candidates & !adjacent[pivot];
    while rest != 0 {
        let v = rest.trailing_zeros() as usize;
        let bit = 1u64 << v;
        if !bron_kerbosch(
            clique | bit,
            candidates & adjacent[v],
            excluded & adjacent[v],
            adjacent,
            found,
        ) {
            return false;
        }
        candidates &= !bit;
        excluded |= bit;
        rest &= !bit;
    }
    true
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
    fn claims_with_different_qualifier_keys_are_one_fact() {
        let checked = check(
            &[
                ("a", &source(&[("X", "head | year=2019", "Ann Lee")])),
                ("b", &source(&[("X", "head | year=2020", "Bob Ray")])),
                ("c", &source(&[("X", "head | via=press", "Cy Young")])),
                ("d", &source(&[("X", "head | via=web", "Di Moss")])),
            ],
            None,
        );
        // Ann and Bob never meet (same key, two values), nor do Cy and Di; every other pair does.
        let conflicts = with_code(&checked, Code::ConflictValue);
        let mut pairs: Vec<Vec<(String, String)>> = conflicts.iter().map(|f| stated(f)).collect();
        pairs.sort();
        assert_eq!(pairs.len(), 4, "{pairs:?}");
        for pair in &pairs {
            let sources: Vec<&str> = pair.iter().map(|(s, _)| s.as_str()).collect();
            assert!(
                sources != ["a", "b"] && sources != ["c", "d"],
                "{sources:?}"
            );
        }
    }

    #[test]
    fn many_qualifier_values_are_grouped_linearly() {
        let claims: Vec<(String, String, String)> = (0..300)
            .map(|i| {
                (
                    "X".to_owned(),
                    format!("head | year={}", 1700 + i),
                    format!("Person {i}"),
                )
            })
            .collect();
        let borrowed: Vec<(&str, &str, &str)> = claims
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        let mut text = source(&borrowed);
        text.push_str("[[claim]]\nsubject = \"X\"\nproperty = \"head\"\nvalue = \"Person 0\"\n");
        let checked = check(&[("a", &text)], None);
        assert_eq!(checked.comparison.facts.len(), 300);
        // Only "Person 0" in 1700 agrees with the unqualified claim.
        assert_eq!(with_code(&checked, Code::ConflictValue).len(), 299);
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
