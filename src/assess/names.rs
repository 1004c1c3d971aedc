//! Names written more than one way, and the spelling chosen for each.
//!
//! Owns the report's name table: every entity the claims name with more than one spelling
//! (subjects, values of type name, qualifier values), the canonical spelling, and for each
//! other spelling how it was joined (an alias, an acronym, a variant spelling) and which
//! sources write it.

use rustc_hash::FxHashMap;

use crate::model::{Claim, Dataset, EntityId, Link, SourceIx, SpellingId, Value};

/// An entity named more than one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameGroup {
    /// The entity.
    pub entity: EntityId,
    /// The spelling chosen: declared in `rules.toml`, else the most used.
    pub canonical: String,
    /// Whether `rules.toml` declares it.
    pub declared: bool,
    /// Every spelling the claims use, the canonical ones first.
    pub spellings: Vec<SpellingUse>,
}

/// A spelling and who uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpellingUse {
    /// The text, as first written.
    pub text: String,
    /// How it came to name the entity.
    pub link: Link,
    /// How many times claims use it.
    pub uses: usize,
    /// The sources that use it, in source order.
    pub sources: Vec<SourceIx>,
}

/// Every entity the claims name in more than one way (after folding), in canonical order.
#[must_use]
pub fn groups(dataset: &Dataset) -> Vec<NameGroup> {
    let mut uses: FxHashMap<SpellingId, (usize, Vec<SourceIx>)> = FxHashMap::default();
    for claim in &dataset.claims {
        for spelling in mentions(claim) {
            let entry = uses.entry(spelling).or_default();
            entry.0 += 1;
            entry.1.push(claim.source);
        }
    }
    let mut by_entity: FxHashMap<EntityId, Vec<SpellingUse>> = FxHashMap::default();
    for (spelling, (count, mut sources)) in uses {
        sources.sort_unstable();
        sources.dedup();
        let written = &dataset.names.spellings[spelling.0 as usize];
        by_entity
            .entry(written.entity)
            .or_default()
            .push(SpellingUse {
                text: written.text.to_string(),
                link: written.link,
                uses: count,
                sources,
            });
    }
    let mut groups: Vec<NameGroup> = by_entity
        .into_iter()
        .filter(|(_, spellings)| spellings.iter().any(|s| s.link != Link::Canonical))
        .map(|(entity, mut spellings)| {
            spellings.sort_by(|a, b| a.link.cmp(&b.link).then_with(|| a.text.cmp(&b.text)));
            let named = &dataset.names.entities[entity.0 as usize];
            NameGroup {
                entity,
                canonical: named.canonical.to_string(),
                declared: named.declared.is_some(),
                spellings,
            }
        })
        .collect();
    groups.sort_by(|a, b| {
        a.canonical
            .to_lowercase()
            .cmp(&b.canonical.to_lowercase())
            .then(a.entity.cmp(&b.entity))
    });
    groups
}

/// The names a claim mentions: its subject, its value when a name, its qualifier values.
fn mentions(claim: &Claim) -> impl Iterator<Item = SpellingId> + '_ {
    let value = match claim.value {
        Value::Name(spelling) => Some(spelling),
        _ => None,
    };
    std::iter::once(claim.subject.spelling)
        .chain(value)
        .chain(claim.qualifiers.iter().map(|q| q.value.spelling))
}
