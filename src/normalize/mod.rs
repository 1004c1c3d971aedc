//! Stage 2: raw claims and rules to the validated model (DESIGN 2).
//!
//! Owns the order of normalization, which matters because each step needs the one before:
//! 1. sources (ids, `published` anchors, `derived_from`) — [`sources`];
//! 2. claims drafted, names interned, structural checks — [`claims`];
//! 3. `rules.toml` declarations and property settings — [`rules`];
//! 4. properties resolved (aliases, fuzzy variants) — [`names`];
//! 5. each property's type inferred or taken from the rules, every value parsed — [`values`];
//! 6. quotes checked against the sources' texts (and, once values and names are resolved,
//!    against their claims' values) — [`quotes`]; acronym definitions read
//!    from the dataset's own text — [`definitions`];
//! 7. names resolved (aliases, acronyms, fuzzy variants) — [`names`];
//! 8. ordering constraints resolved, name findings built — [`rules`], [`variants`];
//! 9. reviews and severity settings validated — [`reviews`].
//!
//! Nothing after this stage sees a raw type. Every problem found becomes a finding; the
//! claims that are still valid go on to be compared.

pub mod claims;
// The names concept lives in `crate::names`; these paths stay for code written against them.
pub use crate::names::{self, acronym, definitions, fuzzy, variants};
pub mod date;
/// The name fold, at the path it had before it moved to [`crate::text`].
pub use crate::text::fold;
pub mod number;
pub mod quotes;
pub mod reviews;
pub mod rules;
pub mod sources;
pub mod text;
pub mod time;
pub mod tolerance;
pub mod values;

use rayon::prelude::*;

use crate::files::Files;
use crate::findings::Finding;
use crate::load::rules::LoadedRules;
use crate::load::{Loaded, LoadedReviews};
use crate::model::review::{Review, SeverityRule};
use crate::model::{Claim, Dataset, EntityId, PropertyRules, SpellingId, Value, ValueKind};

use self::claims::{Draft, KeyTable, Namespaces};
use self::names::Interner;
use self::rules::PropertySettings;
use self::time::property::DeclaredZones;
use crate::text::fold::fold;

/// The model, and every problem found while building it.
#[derive(Debug)]
pub struct Normalized {
    /// The valid part of the dataset.
    pub dataset: Dataset,
    /// Load problems, and name findings (variants, acronyms).
    pub findings: Vec<Finding>,
}

/// Normalizes everything loaded.
#[must_use]
#[allow(clippy::too_many_lines)] // the stages in order, each one call
pub fn normalize(loaded: Loaded) -> Normalized {
    let Loaded {
        files,
        sources: declared,
        claims: loaded_claims,
        rules: loaded_rules,
        reviews: loaded_reviews,
        mut problems,
    } = loaded;

    let built = sources::build(&declared, &loaded_claims, &mut problems);
    drop(declared);
    let mut names = Interner::default();
    let mut properties = Interner::default();
    let mut keys = KeyTable::default();
    let source_ids = built.ids();
    let drafts = claims::draft(
        &loaded_claims,
        &built,
        &mut Namespaces {
            names: &mut names,
            properties: &mut properties,
            keys: &mut keys,
        },
        &mut problems,
    );
    let file_zones = rules::file_zones(&loaded_claims, &mut problems);
    // A million raw claims take a while to free: not on the way to the findings. The drafts
    // own what they keep, so the raw claims go before anything else is built beside them.
    rayon::spawn(move || drop(loaded_claims));
    problems.extend(quotes::check(&built.texts, &source_ids, &drafts));
    let sources = built.sources;
    let rules = rules::draft(
        &loaded_rules,
        &mut names,
        &mut properties,
        &keys,
        &mut problems,
    );

    // Each stated value's key, once: evidence for both namespaces.
    let stated_keys = StatedKeys::of(&drafts);
    let (resolved_properties, settings, property_of) =
        resolve_properties(properties, &rules, &drafts, &stated_keys);
    problems.extend(resolved_properties.problems.iter().cloned());
    let declared_kinds: Vec<_> = settings.iter().map(|s| s.kind).collect();
    let interpreted = values::interpret(
        &drafts,
        &sources,
        &property_of,
        &declared_kinds,
        &DeclaredZones {
            properties: settings.iter().map(|s| s.zone).collect(),
            files: file_zones,
        },
        &mut names,
        &mut problems,
    );

    tolerance::check(
        &resolved_properties.namespace,
        &settings,
        &interpreted.kinds,
        (&drafts, &interpreted.values, &property_of),
        &mut problems,
    );

    let (resolved_names, acronym_problems) = resolve_names(
        &files,
        &sources,
        (&drafts, &stated_keys),
        &property_of,
        &interpreted.values,
        names,
        &rules,
    );
    problems.extend(resolved_names.problems.iter().cloned());
    // Not held while the claims are finished, when memory is at its peak.
    drop(stated_keys);

    let claims = finish_claims(drafts, interpreted.values, &resolved_names);

    let orders = rules::orders(
        &loaded_rules,
        &resolved_names,
        &resolved_properties,
        &interpreted.kinds,
        &mut problems,
    );

    let (reviews, severities) = reviews_and_severities(
        &files,
        &loaded_rules,
        loaded_reviews.as_ref(),
        &mut problems,
    );

    let name_variants = resolved_names.variants.clone();
    let property_variants = resolved_properties.variants.clone();
    let dataset = Dataset {
        files,
        sources,
        claims,
        names: resolved_names.namespace,
        properties: resolved_properties.namespace,
        property_rules: property_rules(settings, &interpreted.kinds),
        qualifier_keys: keys.into_keys(),
        orders,
        reviews,
        severities,
        copies: rules.copies,
    };
    problems.extend(variants::findings(
        &dataset,
        &name_variants,
        variants::Space::Names,
    ));
    problems.extend(variants::findings(
        &dataset,
        &property_variants,
        variants::Space::Properties,
    ));
    problems.extend(acronym_problems);
    finish(dataset, problems)
}

/// The normalized dataset, with the findings that need it whole: quotes that do not state
/// their claims' values (once names are resolved, so an alias states a name).
fn finish(dataset: Dataset, mut problems: Vec<Finding>) -> Normalized {
    problems.extend(quotes::unsupported(&dataset));
    Normalized {
        dataset,
        findings: problems,
    }
}

/// Resolves the properties namespace (no acronyms), with each property entity's settings and
/// each draft's property entity. As evidence, each property is used in one role whose facts
/// are the subject and value stated: two spellings that state the same subject's same value
/// agree, and one source writing both uses them as two properties.
fn resolve_properties(
    properties: Interner,
    rules: &rules::RulesDraft,
    drafts: &[Draft],
    stated_keys: &StatedKeys,
) -> (names::Resolution, Vec<PropertySettings>, Vec<EntityId>) {
    let uses: Vec<names::Use> = drafts
        .iter()
        .zip(stated_keys.each())
        .map(|(draft, stated)| {
            let fact = format!("{}\u{1f}{stated}", draft.subject.spelling.0);
            names::Use::new(
                draft.property.spelling,
                draft.source.0,
                names::Role::Value(0),
                &fact,
            )
        })
        .collect();
    let resolved = names::resolve(
        properties,
        &rules.properties,
        &[],
        false,
        &rules.settings,
        &uses,
    );
    let mut settings = vec![PropertySettings::default(); resolved.namespace.entities.len()];
    for (declaration, entity) in resolved.declared.iter().enumerate() {
        settings[entity.0 as usize] = rules.property_settings[declaration].clone();
    }
    let property_of = drafts
        .iter()
        .map(|d| resolved.namespace.entity_of(d.property.spelling))
        .collect();
    (resolved, settings, property_of)
}

/// Each stated value's folded key (evidence for both namespaces), computed once for each
/// distinct text: real datasets state a few values many times.
struct StatedKeys {
    /// The distinct texts' keys.
    keys: Vec<String>,
    /// Each draft's key, by index in `keys`.
    of: Vec<u32>,
}

impl StatedKeys {
    fn of(drafts: &[Draft]) -> StatedKeys {
        let mut seen: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
        let mut texts: Vec<&str> = Vec::new();
        let of = drafts
            .iter()
            .map(|draft| {
                // As many distinct texts as drafts at most, and a dataset of more than 4
                // billion claims cannot be loaded (claim positions are 32-bit too).
                let next = u32::try_from(texts.len()).unwrap_or(u32::MAX);
                *seen.entry(&draft.stated).or_insert_with(|| {
                    texts.push(&draft.stated);
                    next
                })
            })
            .collect();
        drop(seen);
        let keys = texts
            .par_iter()
            .map(|text| fold::compact_key(text))
            .collect();
        StatedKeys { keys, of }
    }

    /// Each draft's key, in the drafts' order.
    fn each(&self) -> impl Iterator<Item = &String> {
        self.of.iter().map(|&k| &self.keys[k as usize])
    }
}

/// Resolves the names namespace: acronym definitions read from the claims' own text, then
/// declarations, acronyms and variants (with the claims' uses as evidence).
fn resolve_names(
    files: &Files,
    sources: &[crate::model::Source],
    (drafts, stated_keys): (&[Draft], &StatedKeys),
    property_of: &[EntityId],
    values: &[Option<Value>],
    mut names: Interner,
    rules: &rules::RulesDraft,
) -> (names::Resolution, Vec<Finding>) {
    let (links, acronym_problems) =
        definitions::find(files, sources, drafts, &mut names, &rules.entities);
    let uses = name_uses((drafts, stated_keys), property_of, values, &names);
    let resolved = names::resolve(names, &rules.entities, &links, true, &rules.settings, &uses);
    (resolved, acronym_problems)
}

/// How the claims use names, as evidence for name resolution: each subject with its property
/// and value (as read for dates, date-times and numbers, so that one day written two ways
/// agrees; as written otherwise), each name value with its property and subject.
fn name_uses(
    (drafts, stated_keys): (&[Draft], &StatedKeys),
    property_of: &[EntityId],
    values: &[Option<Value>],
    names: &Interner,
) -> Vec<names::Use> {
    let mut uses = Vec::with_capacity(drafts.len());
    // Few subjects, many claims: fold each subject's spelling once.
    let mut subject_keys: rustc_hash::FxHashMap<SpellingId, String> =
        rustc_hash::FxHashMap::default();
    for (((draft, stated), property), value) in drafts
        .iter()
        .zip(stated_keys.each())
        .zip(property_of)
        .zip(values)
    {
        let subject = draft.subject.spelling;
        // The fact as read, where it was read: "2 March 1990" and "1990-03-02" agree.
        let read = match value {
            Some(Value::Date(date)) => Some(date.edtf()),
            Some(Value::DateTime(time)) => Some(time.iso()),
            Some(Value::Number(quantity)) => Some(quantity.key()),
            Some(Value::Name(_) | Value::Text(_)) | None => None,
        };
        uses.push(names::Use::new(
            subject,
            draft.source.0,
            names::Role::Subject(property.0),
            read.as_deref().unwrap_or(stated),
        ));
        if let Some(Value::Name(spelling)) = value {
            let subject_key = subject_keys
                .entry(subject)
                .or_insert_with(|| fold::compact_key(names.text(subject)));
            uses.push(names::Use::new(
                *spelling,
                draft.source.0,
                names::Role::Value(property.0),
                subject_key,
            ));
        }
    }
    uses
}

/// The reviews of `rules.toml` and of the reviews file, and the `[severity]` table.
fn reviews_and_severities(
    files: &Files,
    rules: &LoadedRules,
    reviews_file: Option<&LoadedReviews>,
    problems: &mut Vec<Finding>,
) -> (Vec<Review>, Vec<SeverityRule>) {
    let mut review_files = Vec::new();
    if let Some(file) = rules.file {
        review_files.push((file, rules.reviews.as_slice()));
    }
    if let Some(loaded) = reviews_file {
        review_files.push((loaded.file, loaded.reviews.as_slice()));
    }
    let reviews = reviews::reviews(files, &review_files, problems);
    let severities = reviews::severities(rules.file, rules.severity.as_ref(), problems);
    (reviews, severities)
}

/// Drafts with their parsed values become claims; drafts whose value could not be read are
/// left out (their problem is already reported). Percentage bases are canonicalized here,
/// once names are resolved: "GDP" and "gross domestic product" are one base.
fn finish_claims(
    drafts: Vec<Draft>,
    values: Vec<Option<Value>>,
    names: &names::Resolution,
) -> Vec<Claim> {
    // Few distinct bases, many claims: resolve each base once.
    let mut bases: rustc_hash::FxHashMap<String, Option<String>> = rustc_hash::FxHashMap::default();
    // Sized once: a growing vector of a million claims touches twice the memory, and fresh
    // memory is most of this step's time.
    let mut claims = Vec::with_capacity(drafts.len());
    let finished = drafts.into_iter().zip(values).filter_map(|(draft, value)| {
        let value = match value? {
            Value::Number(mut quantity) => {
                if let Some(base) = quantity.base.take() {
                    let canonical = if let Some(known) = bases.get(&base) {
                        known.clone()
                    } else {
                        let found = names
                            .lookup(&base)
                            .map(|entity| fold(names.namespace.canonical(entity)));
                        bases.insert(base.clone(), found.clone());
                        found
                    };
                    quantity.base = Some(canonical.unwrap_or(base));
                }
                Value::Number(quantity)
            }
            other => other,
        };
        Some(draft.with_value(value))
    });
    claims.extend(finished);
    claims
}

/// Each property's settings with its final type.
fn property_rules(settings: Vec<PropertySettings>, kinds: &[ValueKind]) -> Vec<PropertyRules> {
    settings
        .into_iter()
        .zip(kinds)
        .map(|(settings, &kind)| PropertyRules {
            kind,
            multi: settings.multi,
            separators: settings.separators,
            severity: settings.severity,
            tolerance: settings.tolerance,
            zone: settings.zone,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::findings::Code;
    use crate::model::{Value, ValueKind};
    use crate::testing::{check, codes, source, source_with};

    fn kinds(checked: &crate::Checked) -> Vec<ValueKind> {
        checked
            .dataset
            .property_rules
            .iter()
            .map(|r| r.kind)
            .collect()
    }

    #[test]
    fn types_are_inferred_from_most_of_the_values_of_a_property() {
        let checked = check(
            &[
                (
                    "a",
                    &source(&[
                        ("X", "founded", "2014"),
                        ("X", "budget", "$5 billion"),
                        ("X", "head", "Ann Lee"),
                    ]),
                ),
                (
                    "b",
                    &source(&[
                        ("X", "founded", "late 2014"),
                        ("X", "budget", "5bn dollars"),
                        ("X", "head", "Bob Ray"),
                    ]),
                ),
                ("c", &source(&[("X", "head", "2014")])),
            ],
            None,
        );
        assert_eq!(
            kinds(&checked),
            vec![ValueKind::Date, ValueKind::Number, ValueKind::Name]
        );
    }

    #[test]
    fn one_unreadable_value_does_not_turn_dates_into_strings() {
        let checked = check(
            &[
                ("a", &source(&[("ITPP", "signed", "2023")])),
                ("b", &source(&[("ITPP", "signed", "July 2023")])),
                ("c", &source(&[("Other", "signed", "sometime in 2019")])),
            ],
            None,
        );
        assert_eq!(
            codes(&checked),
            vec![Code::LoadDate],
            "reported, not string-compared"
        );
        assert!(
            checked.findings[0]
                .message
                .contains("most values of its property are dates")
        );
    }

    #[test]
    fn counts_that_are_not_plausible_years_are_numbers() {
        let checked = check(
            &[
                ("a", &source(&[("Mission", "troops", "2000")])),
                ("b", &source(&[("Mission", "troops", "2500")])),
            ],
            None,
        );
        assert_eq!(kinds(&checked), vec![ValueKind::Number]);
        assert_eq!(codes(&checked), vec![Code::ConflictNumber]);
    }
    #[test]
    fn a_declared_type_makes_unreadable_values_errors() {
        let checked = check(
            &[(
                "a",
                &source(&[("X", "founded", "the Cold War"), ("X", "founded", "1991")]),
            )],
            Some("[[property]]\nname = \"founded\"\ntype = \"date\"\n"),
        );
        assert_eq!(codes(&checked), vec![Code::LoadDate]);
        assert_eq!(
            checked.dataset.claims.len(),
            1,
            "the unreadable claim is left out"
        );
    }

    #[test]
    fn a_relative_date_needs_the_sources_date() {
        let checked = check(&[("a", &source(&[("X", "opened", "on Thursday")]))], None);
        assert_eq!(codes(&checked), vec![Code::LoadDate]);
        assert!(
            checked.findings[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("published")
        );

        let checked = check(
            &[(
                "a",
                &source_with("published = 2025-01-17", &[("X", "opened", "on Thursday")]),
            )],
            None,
        );
        assert!(checked.findings.is_empty());
        let Value::Date(date) = &checked.dataset.claims[0].value else {
            panic!("a date");
        };
        assert_eq!(date.describe(), "16 January 2025");
    }

    #[test]
    fn percentage_bases_compare_through_acronyms_the_dataset_defines() {
        let defining = "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\nsubject = \"Japan\"\nproperty = \"target\"\nvalue = \"2% of GDP\"\nquote = \"2% of its gross domestic product (GDP)\"\n";
        let checked = check(
            &[
                ("a", defining),
                (
                    "b",
                    &source(&[("Japan", "target", "2% of gross domestic product")]),
                ),
                (
                    "c",
                    &source(&[("Japan", "target", "3% of gross domestic product")]),
                ),
            ],
            None,
        );
        assert_eq!(
            codes(&checked),
            vec![Code::ConflictNumber],
            "comparable, and 3% differs"
        );
    }

    #[test]
    fn property_aliases_and_variants_merge_facts() {
        let checked = check(
            &[
                ("a", &source(&[("Mission", "opened", "January 2025")])),
                ("b", &source(&[("Mission", "launched", "2024")])),
                ("c", &source(&[("Mission", "opend", "January 2025")])),
            ],
            Some("[[property]]\nname = \"opened\"\naliases = [\"launched\"]\n"),
        );
        assert_eq!(codes(&checked), vec![Code::ConflictDate, Code::NameVariant]);
        assert_eq!(checked.comparison.facts.len(), 1);
        assert!(checked.findings[1].message.starts_with("property `opend`"));
    }

    #[test]
    fn a_misspelt_subject_whose_fact_agrees_as_read_is_a_variant() {
        let built = |subject: &str, day: &str| source(&[(subject, "built", day)]);
        let checked = check(
            &[
                ("a", &built("Alpha Bravo Charlie 12", "2 March 1990")),
                ("b", &built("Alpha Bravo Charlie 12", "March 2, 1990")),
                ("c", &built("Alpha Bravo Chralie 12", "1990-03-02")),
            ],
            None,
        );
        assert_eq!(
            codes(&checked),
            vec![Code::NameVariant],
            "one day written three ways: the facts agree"
        );
        assert_eq!(checked.comparison.facts.len(), 1);
        let checked = check(
            &[
                ("a", &built("Alpha Bravo Charlie 12", "2 March 1990")),
                ("b", &built("Alpha Bravo Charlie 12", "March 2, 1990")),
                ("c", &built("Alpha Bravo Chralie 12", "1990-03-09")),
            ],
            None,
        );
        assert!(codes(&checked).is_empty(), "different days: two things");
        assert_eq!(checked.comparison.facts.len(), 2);
    }

    #[test]
    fn an_undeclared_property_variant_needs_evidence() {
        let founded = |year: &str| source(&[("Mission", "founded", year)]);
        let typo = source(&[("Mission", "foundde", "2001")]);
        let checked = check(
            &[
                ("a", &founded("2001")),
                ("b", &founded("2001")),
                ("c", &typo),
            ],
            None,
        );
        assert_eq!(codes(&checked), vec![Code::NameVariant], "the same fact");
        let both = source(&[
            ("Mission", "founded", "2001"),
            ("Mission", "funded", "2003"),
        ]);
        let checked = check(&[("a", &both), ("b", &founded("2001"))], None);
        assert!(
            codes(&checked).is_empty(),
            "one source writes both: two properties"
        );
    }
}
