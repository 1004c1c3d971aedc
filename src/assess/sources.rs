//! Per source: how its claims fare against the other sources.
//!
//! Owns the counts of the report's source table. A claim is *corroborated* when a claim of an
//! independent source (another independence group) agrees with it, *contradicted* when a claim
//! of another source is in tension or conflict with it, and *single-source* when no other
//! source speaks of its fact. A claim can be both corroborated and contradicted, or neither
//! (only dependent sources agree with it).

use crate::assess::FactAssessment;
use crate::compare::JudgedFact;
use crate::model::{Dataset, SourceIx};

/// How one source's claims fare.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SourceAssessment {
    /// Valid claims.
    pub claims: usize,
    /// Claims an independent source agrees with.
    pub corroborated: usize,
    /// Claims another source disagrees with.
    pub contradicted: usize,
    /// Claims about facts no other source speaks of.
    pub single_source: usize,
}

/// The counts of every source, parallel to [`Dataset::sources`].
#[must_use]
pub fn assess(
    dataset: &Dataset,
    judged: &[JudgedFact],
    facts: &[FactAssessment],
    groups: &[u32],
) -> Vec<SourceAssessment> {
    let mut sources = vec![SourceAssessment::default(); dataset.sources.len()];
    for claim in &dataset.claims {
        sources[claim.source.0 as usize].claims += 1;
    }
    // A claim with no separating qualifier belongs to every fact it fits: count it once.
    let mut corroborated = vec![false; dataset.claims.len()];
    let mut contradicted = vec![false; dataset.claims.len()];
    let mut shared = vec![false; dataset.claims.len()];
    let group = |source: SourceIx| groups.get(source.0 as usize).copied().unwrap_or(source.0);
    for fact in facts {
        let Some(judged) = judged.get(fact.fact) else {
            continue;
        };
        if fact.sources > 1 {
            for &claim in &judged.fact.claims {
                shared[claim as usize] = true;
            }
        }
        for value in &fact.values {
            // Which groups support the value and which sources disagree with it, once per
            // value: a claim is corroborated when a group other than its own is among them.
            let supporting = distinct(
                value
                    .supporters
                    .iter()
                    .map(|&s| group(dataset.claims[s as usize].source)),
            );
            let disagreeing = distinct(
                value
                    .disagreeing
                    .iter()
                    .map(|&c| dataset.claims[c as usize].source.0),
            );
            for &claim in &value.claims {
                let source = dataset.claims[claim as usize].source;
                if has_other(&supporting, group(source)) {
                    corroborated[claim as usize] = true;
                }
                if has_other(&disagreeing, source.0) {
                    contradicted[claim as usize] = true;
                }
            }
        }
    }
    for (index, claim) in dataset.claims.iter().enumerate() {
        let counts = &mut sources[claim.source.0 as usize];
        counts.corroborated += usize::from(corroborated[index]);
        counts.contradicted += usize::from(contradicted[index]);
        counts.single_source += usize::from(!shared[index]);
    }
    sources
}

/// Up to two distinct items: enough to tell whether one differs from a given item.
fn distinct(items: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut seen: Vec<u32> = Vec::with_capacity(2);
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
            if seen.len() == 2 {
                break;
            }
        }
    }
    seen
}

/// Whether the items hold one other than `own`.
fn has_other(items: &[u32], own: u32) -> bool {
    items.iter().any(|&item| item != own)
}

#[cfg(test)]
mod tests {
    use crate::assess::assess;
    use crate::testing::{check, source, source_with};

    #[test]
    fn claims_are_corroborated_by_independent_sources_only() {
        let original = source(&[("Mission", "opened", "2018"), ("Lab", "opened", "2001")]);
        let excerpt = source_with(
            "derived_from = [\"original\"]",
            &[("Mission", "opened", "2018"), ("Mill", "built", "1870")],
        );
        let other = source(&[("Lab", "opened", "2011"), ("Mill", "built", "1870")]);
        let checked = check(
            &[
                ("original", &original),
                ("excerpt", &excerpt),
                ("other", &other),
            ],
            None,
        );
        let assessment = assess(&checked);
        let counts = |id: &str| {
            let c = assessment.sources[crate::testing::source_index(&checked.dataset, id)];
            (c.claims, c.corroborated, c.contradicted, c.single_source)
        };
        // The mission: only its own excerpt agrees. The lab: contradicted by `other`.
        assert_eq!(counts("original"), (2, 0, 1, 0));
        // The mill: corroborated by `other`, independent of it.
        assert_eq!(counts("excerpt"), (2, 1, 0, 0));
        assert_eq!(counts("other"), (2, 1, 1, 0));
    }

    #[test]
    fn a_fact_no_other_source_speaks_of_is_single_source() {
        let a = source(&[("Mission", "opened", "2018"), ("Mission", "head", "Izawa")]);
        let b = source(&[("Mission", "opened", "2018")]);
        let checked = check(&[("a", &a), ("b", &b)], None);
        let assessment = assess(&checked);
        assert_eq!(assessment.sources[0].single_source, 1);
        assert_eq!(assessment.sources[0].corroborated, 1);
        assert_eq!(assessment.sources[1].single_source, 0);
    }
}
