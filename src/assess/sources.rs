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
            for &claim in &value.claims {
                let source = dataset.claims[claim as usize].source;
                let supporters = value.supporters.iter();
                if supporters
                    .map(|&s| dataset.claims[s as usize].source)
                    .any(|other| group(other) != group(source))
                {
                    corroborated[claim as usize] = true;
                }
                if value
                    .disagreeing
                    .iter()
                    .any(|&c| dataset.claims[c as usize].source != source)
                {
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
