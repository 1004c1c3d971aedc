//! Which location of a finding is primary: the claim to fix.
//!
//! Owns the rule every output follows (the human snippet's primary label, the concise and
//! GitHub lines, SARIF's location, the output order):
//! 1. under `--changed-since` or `--baseline`, a claim the gate knows to be changed or new
//!    comes first, so that a pull request's annotation lands on the edited line;
//! 2. in a disagreement, the claim whose value has the least independent support (counted as
//!    the report counts it: sources that depend on one another, or claims citing one party,
//!    count once) is the most likely wrong;
//! 3. ties go to the later claim by file position (path, then place in the file).
//!
//! It only reorders locations: a finding's identity reads its claims as a set
//! ([`identity`](super::identity)), so moving the primary location changes no fingerprint.
//! Must not add, drop or relabel locations.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::assess::support::{Unit, unit};
use crate::compare::values::{Relation, relate};
use crate::findings::{ClaimRef, Finding, Role};

use super::identity::claim_digest;
use crate::model::Dataset;

/// Past this many distinct values in one finding, support counts equal values only (relating
/// every pair would be quadratic).
const RELATE_LIMIT: usize = 256;

/// What the gate knows to be fresh: claims changed since a revision (by key), or claims the
/// baseline did not know (by [`claim_digest`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Fresh<'a> {
    /// Keys of the claims changed since `--changed-since`.
    pub changed: Option<&'a FxHashSet<String>>,
    /// The digest of every claim the baseline knew; `None` (or empty, for an older file):
    /// nothing is known.
    pub known: Option<&'a FxHashSet<String>>,
}

impl Fresh<'_> {
    fn contains(&self, claim: &ClaimRef) -> bool {
        self.changed
            .is_some_and(|changed| changed.contains(claim.key()))
            || self.known.is_some_and(|known| {
                !known.is_empty() && !known.contains(&claim_digest(claim.key(), claim.value_key()))
            })
    }
}

/// Puts each finding's claim to fix first. `groups` is each source's independence group.
pub fn point(dataset: &Dataset, findings: &mut [Finding], groups: &[u32], fresh: Fresh<'_>) {
    let mut index: Option<FxHashMap<&str, u32>> = None;
    for finding in findings.iter_mut() {
        let involved: Vec<usize> = (0..finding.locations.len())
            .filter(|&i| {
                let location = &finding.locations[i];
                location.role == Role::Involved && location.claim.is_some()
            })
            .collect();
        if involved.len() < 2 {
            continue;
        }
        let disagreement = finding.code.is_disagreement();
        let support: Vec<usize> = if disagreement {
            let index = index.get_or_insert_with(|| {
                (0..dataset.claims.len())
                    .map(|i| {
                        (
                            &*dataset.claims[i].key,
                            u32::try_from(i).unwrap_or(u32::MAX),
                        )
                    })
                    .collect()
            });
            support(dataset, finding, &involved, index, groups)
        } else {
            vec![0; involved.len()]
        };
        let path = |i: usize| {
            let span = finding.locations[i].span;
            (dataset.files.get(span.file).display_path(), span.start)
        };
        let is_fresh = |i: usize| {
            finding.locations[i]
                .claim
                .as_ref()
                .is_some_and(|claim| fresh.contains(claim))
        };
        let any_fresh = involved.iter().any(|&i| is_fresh(i));
        if !disagreement && !any_fresh {
            continue;
        }
        let best = (0..involved.len()).max_by(|&a, &b| {
            let (x, y) = (involved[a], involved[b]);
            is_fresh(x)
                .cmp(&is_fresh(y))
                .then(support[b].cmp(&support[a]))
                .then_with(|| path(x).cmp(&path(y)))
        });
        if let Some(best) = best {
            let location = finding.locations.remove(involved[best]);
            finding.locations.insert(0, location);
        }
    }
}

/// The independent support of each involved claim's value among the finding's claims: the
/// units of the claims whose values agree with it (its own included).
fn support(
    dataset: &Dataset,
    finding: &Finding,
    involved: &[usize],
    index: &FxHashMap<&str, u32>,
    groups: &[u32],
) -> Vec<usize> {
    let claims: Vec<Option<u32>> = involved
        .iter()
        .map(|&i| {
            let key = finding.locations[i].claim.as_ref()?.key();
            index.get(key).copied()
        })
        .collect();
    // Distinct values, by their stable key.
    let mut values: Vec<(&str, u32, Vec<usize>)> = Vec::new();
    let mut slot: FxHashMap<&str, usize> = FxHashMap::default();
    for (n, &i) in involved.iter().enumerate() {
        let (Some(claim_ref), Some(claim)) = (finding.locations[i].claim.as_ref(), claims[n])
        else {
            continue;
        };
        let next = values.len();
        let at = *slot.entry(claim_ref.value_key()).or_insert(next);
        if at == next {
            values.push((claim_ref.value_key(), claim, Vec::new()));
        }
        values[at].2.push(n);
    }
    let agree = |a: usize, b: usize| -> bool {
        if a == b {
            return true;
        }
        let (x, y) = (
            &dataset.claims[values[a].1 as usize],
            &dataset.claims[values[b].1 as usize],
        );
        let property = dataset.properties.entity_of(x.property.spelling);
        let Some(rules) = dataset.property_rules.get(property.0 as usize) else {
            return false;
        };
        matches!(relate(dataset, rules, &x.value, &y.value), Relation::Verdict(v) if !v.is_disagreement())
    };
    let related = values.len() <= RELATE_LIMIT;
    let per_value: Vec<usize> = (0..values.len())
        .map(|a| {
            let others = if related { 0..values.len() } else { a..a + 1 };
            let units: FxHashSet<Unit> = others
                .filter(|&b| agree(a, b))
                .flat_map(|b| values[b].2.iter())
                .filter_map(|&n| claims[n])
                .map(|c| unit(&dataset.claims[c as usize], groups))
                .collect();
            units.len()
        })
        .collect();
    let mut support = vec![usize::MAX; involved.len()];
    for (value, (_, _, members)) in values.iter().enumerate() {
        for &n in members {
            support[n] = per_value[value];
        }
    }
    support
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Checked;
    use crate::findings::Code;
    use crate::gate::Policy;
    use crate::testing::{check, check_under, source, with_code};

    /// Claims files as `check` takes them, from `(stem, text)` pairs.
    fn borrowed<S: AsRef<str>>(files: &[(S, String)]) -> Vec<(&str, &str)> {
        files
            .iter()
            .map(|(stem, text)| (stem.as_ref(), text.as_str()))
            .collect()
    }

    /// One claims file per `(stem, value)`, each saying when the Institute was founded.
    fn founded<'a>(values: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
        values
            .iter()
            .map(|&(stem, value)| (stem, source(&[("Institute", "founded", value)])))
            .collect()
    }

    /// The source of the primary claim of the one `code` finding among `files`.
    fn primary_among<S: AsRef<str>>(files: &[(S, String)], code: Code) -> String {
        primary_source(&check(&borrowed(files), None), code)
    }

    fn primary_source(checked: &Checked, code: Code) -> String {
        let found = with_code(checked, code);
        assert_eq!(found.len(), 1, "{:?}", checked.findings);
        found[0]
            .primary()
            .and_then(|l| l.claim.as_ref())
            .map(|c| c.source().to_owned())
            .unwrap_or_default()
    }

    #[test]
    fn the_least_supported_value_is_primary_wherever_it_is() {
        // The odd one out sits first by path: still primary.
        let files = founded(&[("a-odd", "1990"), ("b", "1977"), ("c", "1977")]);
        assert_eq!(primary_among(&files, Code::ConflictDate), "a-odd");
    }

    #[test]
    fn a_refinement_counts_as_support() {
        // Each value is stated once, but "the 1970s" refines 1977: they support each other,
        // and 1990, first by path, stands alone.
        let files = founded(&[("a", "1990"), ("b", "1977"), ("c", "the 1970s")]);
        assert_eq!(primary_among(&files, Code::ConflictDate), "a");
    }

    #[test]
    fn many_values_count_their_own_claims_only_and_stay_linear() {
        // 400 distinct values, one of them stated by two sources: every other value is less
        // supported, and the later one by file position is primary.
        let texts: Vec<(String, String)> = (0..400)
            .map(|i| {
                (
                    format!("s{i:03}"),
                    source(&[("Institute", "staff", &format!("{}", 1000 + i * 10))]),
                )
            })
            .chain(std::iter::once((
                "t".to_owned(),
                source(&[("Institute", "staff", "1000")]),
            )))
            .collect();
        assert_eq!(primary_among(&texts, Code::ConflictNumber), "s399");
    }

    #[test]
    fn ties_go_to_the_later_claim_by_file_position() {
        let files = founded(&[("a", "1990"), ("b", "1977")]);
        assert_eq!(primary_among(&files, Code::ConflictDate), "b");
    }

    #[test]
    fn dependent_sources_count_once() {
        // b and c are one source (c derives from b): 1977 has one independent source, like 1990.
        let mut files = founded(&[("a", "1990"), ("b", "1977"), ("d", "1990")]);
        let derived = crate::testing::source_with(
            "derived_from = [\"b\"]",
            &[("Institute", "founded", "1977")],
        );
        files.insert(2, ("c", derived));
        // 1990: a, d (2 units); 1977: b, c (1 unit): 1977 is primary, the later of b and c.
        assert_eq!(primary_among(&files, Code::ConflictDate), "c");
    }

    #[test]
    fn a_changed_claim_is_primary_and_the_fingerprint_stays() {
        let files = founded(&[("a", "1977"), ("b", "1990"), ("c", "1990")]);
        let files = borrowed(&files);
        let plain = check(&files, None);
        assert_eq!(primary_source(&plain, Code::ConflictDate), "a");
        let c_key = with_code(&plain, Code::ConflictDate)[0]
            .claims()
            .find(|c| c.source() == "c")
            .map(|c| c.key().to_owned())
            .unwrap_or_default();
        let policy = Policy {
            changed: Some(std::iter::once(c_key).collect()),
            ..Policy::default()
        };
        let changed = check_under(&files, None, None, &policy);
        assert_eq!(primary_source(&changed, Code::ConflictDate), "c");
        assert_eq!(
            with_code(&plain, Code::ConflictDate)[0].fingerprint(),
            with_code(&changed, Code::ConflictDate)[0].fingerprint(),
            "the identity does not depend on which claim is primary"
        );
    }

    #[test]
    fn a_claim_the_baseline_did_not_know_is_primary() {
        let files = founded(&[("a", "1977"), ("b", "1990"), ("c", "1990")]);
        let files = borrowed(&files);
        let plain = check(&files, None);
        let finding = with_code(&plain, Code::ConflictDate)[0];
        // The baseline knew a and c, not b.
        let known: FxHashSet<String> = finding
            .claims()
            .filter(|c| c.source() != "b")
            .map(|c| claim_digest(c.key(), c.value_key()))
            .collect();
        let policy = Policy {
            baseline: Some(crate::gate::baseline::Baseline {
                fingerprints: FxHashSet::default(),
                claims: known,
            }),
            ..Policy::default()
        };
        let checked = check_under(&files, None, None, &policy);
        assert_eq!(primary_source(&checked, Code::ConflictDate), "b");
    }
}
