//! Name findings: fuzzy variants, with every place they are used.
//!
//! Owns turning the [`Variant`]s that name resolution found into `factcheck::name::variant`
//! findings: each names the canonical spelling, points at every use of the variant, and at
//! one use (or the declaration) of the canonical spelling for comparison.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::files::Span;
use crate::findings::{ClaimRef, ClaimText, Code, Finding, Location, Role};
use crate::model::{Claim, Dataset, Namespace, SpellingId, Value};
use crate::names::fuzzy::Level;
use crate::names::{Variant, person};

/// Which namespace the variants belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    /// Subjects, name values and qualifier values.
    Names,
    /// Properties.
    Properties,
}

/// One finding per variant.
#[must_use]
pub fn findings(dataset: &Dataset, variants: &[Variant], space: Space) -> Vec<Finding> {
    if variants.is_empty() {
        return Vec::new();
    }
    let namespace = match space {
        Space::Names => &dataset.names,
        Space::Properties => &dataset.properties,
    };
    let in_variant: FxHashMap<SpellingId, usize> = variants
        .iter()
        .enumerate()
        .flat_map(|(index, v)| v.spellings.iter().map(move |&s| (s, index)))
        .collect();
    let targets: FxHashSet<_> = variants.iter().map(|v| v.target).collect();

    let mut uses: Vec<Vec<(usize, SpellingId, Span)>> = vec![Vec::new(); variants.len()];
    let mut canonical_uses: FxHashMap<_, Vec<(usize, SpellingId, Span)>> = FxHashMap::default();
    for (index, claim) in dataset.claims.iter().enumerate() {
        for_each_mention(claim, space, |spelling, span| {
            if let Some(&variant) = in_variant.get(&spelling) {
                uses[variant].push((index, spelling, span));
            } else {
                let entity = namespace.entity_of(spelling);
                if targets.contains(&entity) {
                    canonical_uses
                        .entry(entity)
                        .or_default()
                        .push((index, spelling, span));
                }
            }
        });
    }

    variants
        .iter()
        .zip(uses)
        .filter(|(_, uses)| !uses.is_empty())
        .map(|(variant, uses)| {
            finding(
                dataset,
                namespace,
                variant,
                &uses,
                canonical_uses.get(&variant.target),
                space,
            )
        })
        .collect()
}

/// What to do about a variant, as the TOML to write: an alias added to the declared `table`
/// of `canonical`, or a new one declared with it (the alias is undeclared either way).
fn variant_help(from: &str, canonical: &str, table: &str, declared: bool) -> String {
    let alias = if declared {
        format!("add \"{from}\" to the `aliases` of the [[{table}]] `{canonical}` in rules.toml")
    } else {
        format!(
            "declare it in rules.toml: [[{table}]] name = \"{canonical}\", aliases = \
             [\"{from}\"]"
        )
    };
    format!(
        "its claims are compared with those of `{canonical}`; if `{from}` means the same, \
         {alias}; if it is something else, declare it as its own [[{table}]]"
    )
}

fn finding(
    dataset: &Dataset,
    namespace: &Namespace,
    variant: &Variant,
    uses: &[(usize, SpellingId, Span)],
    canonical_uses: Option<&Vec<(usize, SpellingId, Span)>>,
    space: Space,
) -> Finding {
    let from = namespace.text(variant.from);
    let to = namespace.text(variant.to);
    let canonical = namespace.canonical(variant.target);
    let what = match space {
        Space::Names => "",
        Space::Properties => "property ",
    };
    let relation = match variant.found.level {
        Level::Close => format!("looks like a misspelling of `{to}`"),
        Level::Similar => format!(
            "looks like a variant spelling of `{to}` ({} edits apart)",
            variant.found.edits
        ),
        Level::Reordered => format!("has the same words as `{to}` in another order"),
    };
    let also = if canonical == to {
        String::new()
    } else {
        format!(" ({canonical})")
    };
    let mut finding = Finding::new(
        Code::NameVariant,
        format!("{what}`{from}` {relation}{also}"),
    )
    .with_help(format!(
        "{}{}",
        variant_help(
            from,
            canonical,
            match space {
                Space::Names => "entity",
                Space::Properties => "property",
            },
            namespace.entities[variant.target.0 as usize]
                .declared
                .is_some(),
        ),
        title_note(&[from, to, canonical])
    ));
    for &(index, spelling, span) in uses {
        let claim = &dataset.claims[index];
        let source = &dataset.source_of(claim).id;
        let written = namespace.text(spelling);
        finding.locations.push(Location {
            span,
            label: format!("{source} writes `{written}`"),
            claim: Some(claim_ref(dataset, claim, written, canonical)),
            role: Role::Involved,
        });
    }
    let primary_file = uses.first().map(|u| u.2.file);
    // Prefer the spelling the variant matched, then another file, so the reader sees the
    // two spellings side by side.
    let reference = canonical_uses.and_then(|found| {
        let elsewhere = |u: &&(usize, SpellingId, Span)| Some(u.2.file) != primary_file;
        let matched = |u: &&(usize, SpellingId, Span)| u.1 == variant.to;
        found
            .iter()
            .find(|u| matched(u) && elsewhere(u))
            .or_else(|| found.iter().find(matched))
            .or_else(|| found.iter().find(elsewhere))
            .or_else(|| found.first())
    });
    if let Some(&(index, spelling, span)) = reference {
        let claim = &dataset.claims[index];
        let written = namespace.text(spelling);
        finding.locations.push(Location {
            span,
            label: format!("{} writes `{written}`", dataset.source_of(claim).id),
            claim: Some(claim_ref(dataset, claim, written, canonical)),
            role: Role::Context,
        });
    } else if let Some(declared) = namespace.entities[variant.target.0 as usize].declared {
        finding.locations.push(Location {
            span: declared,
            label: format!("`{canonical}` is declared here"),
            claim: None,
            role: Role::Context,
        });
    }
    finding
}

/// What the help says when a name involved carries a title: names are matched without their
/// titles, so "Dr. Jane Roe" is "Jane Roe".
fn title_note(names: &[&str]) -> String {
    let mut titles: Vec<String> = names
        .iter()
        .filter_map(|name| person::parse(name))
        .flat_map(|found| found.titles)
        .collect();
    titles.dedup();
    if titles.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = titles.iter().map(|t| format!("`{t}`")).collect();
    format!(
        "; {} {} a title: names are matched without their titles, so a titled name and the \
         same name without it are one person",
        listed.join(", "),
        if titles.len() == 1 { "is" } else { "are" }
    )
}

fn claim_ref(dataset: &Dataset, claim: &Claim, written: &str, canonical: &str) -> ClaimRef {
    ClaimRef::new(&ClaimText {
        source: &dataset.source_of(claim).id,
        claim: &claim.handle(),
        key: &claim.key,
        stated: written,
        normalized: canonical,
        value_key: written,
    })
}

/// Calls `visit` with every name a claim uses in a namespace, and where.
fn for_each_mention(claim: &Claim, space: Space, mut visit: impl FnMut(SpellingId, Span)) {
    match space {
        Space::Properties => visit(claim.property.spelling, claim.property.span),
        Space::Names => {
            visit(claim.subject.spelling, claim.subject.span);
            if let Value::Name(spelling) = claim.value {
                visit(spelling, claim.value_span);
            }
            for qualifier in &claim.qualifiers {
                visit(qualifier.value.spelling, qualifier.value.span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_help_says_which_alias_to_write() {
        let undeclared = variant_help("Lakeside Libary", "Lakeside Library", "entity", false);
        assert!(
            undeclared.contains(
                "declare it in rules.toml: [[entity]] name = \"Lakeside Library\", aliases = [\"Lakeside Libary\"]"
            ),
            "{undeclared}"
        );
        let declared = variant_help("opend", "opened", "property", true);
        assert!(
            declared.contains("add \"opend\" to the `aliases` of the [[property]] `opened`"),
            "{declared}"
        );
        assert!(
            declared.ends_with("declare it as its own [[property]]"),
            "{declared}"
        );
    }
}
