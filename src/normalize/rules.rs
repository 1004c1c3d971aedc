//! `rules.toml`, first pass: raw rules to declarations and property settings.
//!
//! Owns the validation of everything in `rules.toml` that does not need the claims resolved:
//! names to declare, `[names]` and `[copies]` settings, property types and cardinality,
//! separators (which must name qualifier keys the claims use), severities and tolerances. Ordering constraints
//! refer to resolved names and are finished in `normalize`.

use rustc_hash::FxHashMap;
use toml::Spanned;

use crate::files::{FileId, Span};
use crate::findings::{Code, Finding, Severity};
use crate::load::raw::ClaimsInput;
use crate::load::rules::{
    LoadedRules, RawCardinality, RawCopies, RawFactRef, RawLevel, RawProperty, RawSeverity, RawType,
};
use crate::model::quantity::Tolerance;
use crate::model::time::Zone;
use crate::model::{CopySettings, EntityId, FactPattern, KeyId, OrderRule, ValueKind};
use crate::names::fuzzy::Level;
use crate::names::{Declaration, Interner, NameSettings, Resolution};
use crate::normalize::claims::KeyTable;
use crate::normalize::tolerance;
use crate::suggest;
use crate::text::fold::is_blank;

/// A `[[property]]`'s settings, validated.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PropertySettings {
    /// Declared type.
    pub kind: Option<ValueKind>,
    /// Multi-valued.
    pub multi: bool,
    /// Separating qualifier keys.
    pub separators: Option<Vec<KeyId>>,
    /// Severity of its conflicts.
    pub severity: Option<Severity>,
    /// Extra tolerance for numbers.
    pub tolerance: Option<Tolerance>,
    /// The tolerance as written and where, to check that it fits the property's values.
    pub tolerance_written: Option<tolerance::Written>,
    /// The zone of its date-times stated without one.
    pub zone: Option<Zone>,
}

/// Everything taken from `rules.toml` before names are resolved.
#[derive(Debug, Default)]
pub struct RulesDraft {
    /// Fuzzy matching settings.
    pub settings: NameSettings,
    /// `[[entity]]` declarations.
    pub entities: Vec<Declaration>,
    /// `[[property]]` declarations.
    pub properties: Vec<Declaration>,
    /// Settings of each `[[property]]`, parallel to `properties`.
    pub property_settings: Vec<PropertySettings>,
    /// When two sources look dependent.
    pub copies: CopySettings,
}

/// Validates the rules that do not depend on resolved names.
pub fn draft(
    rules: &LoadedRules,
    names: &mut Interner,
    properties: &mut Interner,
    keys: &KeyTable,
    problems: &mut Vec<Finding>,
) -> RulesDraft {
    let mut draft = RulesDraft::default();
    let Some(file) = rules.file else {
        return draft;
    };
    let at = |range: std::ops::Range<usize>| Span::new(file, range);

    if let Some(names_table) = &rules.names {
        if let Some(levels) = &names_table.value.variants {
            draft.settings.levels = levels
                .iter()
                .map(|level| match level.get_ref() {
                    RawLevel::Close => Level::Close,
                    RawLevel::Similar => Level::Similar,
                    RawLevel::Reordered => Level::Reordered,
                })
                .collect();
        }
        if let Some(min_length) = &names_table.value.min_length {
            draft.settings.min_length = *min_length.get_ref() as usize;
        }
        for (short, long) in names_table.value.abbreviations.iter().flatten() {
            if let Err(problem) = draft.settings.abbreviations.add(short, long.get_ref()) {
                problems.push(
                    Finding::new(Code::LoadRules, problem)
                        .with_help(
                            "write one word and what it stands for: `\"Cttee\" = \"Committee\"`",
                        )
                        .at(at(long.span()), format!("`{short}` is declared here")),
                );
            }
        }
    }

    if let Some(copies) = &rules.copies {
        draft.copies = copy_settings(&copies.value, &at, problems);
    }

    for entity in &rules.entities {
        if let Some(declaration) = declaration(
            file,
            &entity.value.name,
            &entity.value.aliases,
            entity.span.clone(),
            names,
            problems,
        ) {
            draft.entities.push(declaration);
        }
    }

    for property in &rules.properties {
        let raw = &property.value;
        let Some(declaration) = declaration(
            file,
            &raw.name,
            &raw.aliases,
            property.span.clone(),
            properties,
            problems,
        ) else {
            continue;
        };
        draft.properties.push(declaration);
        draft
            .property_settings
            .push(settings(raw, keys, &at, problems));
    }
    draft
}

/// The `[copies]` settings; a value out of range is reported and its default kept.
fn copy_settings(
    raw: &RawCopies,
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    problems: &mut Vec<Finding>,
) -> CopySettings {
    let mut settings = CopySettings::default();
    if let Some(min_shared) = &raw.min_shared {
        match u32::try_from(*min_shared.get_ref()) {
            Ok(count) if count >= 1 => settings.min_shared = count,
            _ => problems.push(
                Finding::new(
                    Code::LoadType,
                    format!(
                        "`min_shared` must be a whole number of at least 1, not {}",
                        min_shared.get_ref()
                    ),
                )
                .with_help("write how many quotes and rare values two sources must share, e.g. `3`")
                .at(at(min_shared.span()), "out of range"),
            ),
        }
    }
    if let Some(min_fraction) = &raw.min_fraction {
        let fraction = *min_fraction.get_ref();
        if (0.0..=1.0).contains(&fraction) {
            settings.min_fraction = fraction;
        } else {
            problems.push(
                Finding::new(
                    Code::LoadType,
                    format!("`min_fraction` must be between 0 and 1, not {fraction}"),
                )
                .with_help("write a share of the smaller source's claims, e.g. `0.2` for a fifth")
                .at(at(min_fraction.span()), "out of range"),
            );
        }
    }
    settings
}

fn declaration(
    file: FileId,
    name: &Spanned<String>,
    aliases: &[Spanned<String>],
    span: std::ops::Range<usize>,
    interner: &mut Interner,
    problems: &mut Vec<Finding>,
) -> Option<Declaration> {
    let mut named = |text: &Spanned<String>| {
        let trimmed = text.get_ref().trim();
        if is_blank(trimmed) {
            problems.push(
                Finding::new(Code::LoadEmpty, "an empty name in rules.toml")
                    .with_help("write the name, or remove it")
                    .at(Span::new(file, text.span()), "empty"),
            );
            None
        } else {
            Some((interner.declare(trimmed), Span::new(file, text.span())))
        }
    };
    let canonical = named(name)?;
    let aliases = aliases.iter().filter_map(&mut named).collect();
    Some(Declaration {
        canonical,
        aliases,
        span: Span::new(file, span),
    })
}

fn settings(
    raw: &RawProperty,
    keys: &KeyTable,
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    problems: &mut Vec<Finding>,
) -> PropertySettings {
    let separators = raw.separators.as_ref().map(|separators| {
        separators
            .iter()
            .filter_map(|key| {
                let found = keys.get(key.get_ref());
                if found.is_none() {
                    let known: Vec<&str> = keys.keys().iter().map(String::as_str).collect();
                    problems.push(
                        Finding::new(
                            Code::LoadUnknownName,
                            format!("no claim has the qualifier `{}`", key.get_ref()),
                        )
                        .with_help(suggest::help_for(key.get_ref(), &known, "qualifier key"))
                        .at(at(key.span()), "unknown qualifier key"),
                    );
                }
                found
            })
            .collect()
    });
    let tolerance = raw
        .tolerance
        .as_ref()
        .and_then(|raw| match tolerance::read(raw.get_ref()) {
            Ok(tolerance) => Some(tolerance),
            Err(message) => {
                problems.push(tolerance::problem(message, at(raw.span())));
                None
            }
        });
    let tolerance_written = raw
        .tolerance
        .as_ref()
        .filter(|_| tolerance.is_some())
        .map(|raw| tolerance::Written {
            text: tolerance::written(raw.get_ref()),
            span: at(raw.span()),
        });
    PropertySettings {
        kind: raw.kind.as_ref().map(|kind| match kind.get_ref() {
            RawType::Date => ValueKind::Date,
            RawType::Datetime => ValueKind::DateTime,
            RawType::Number => ValueKind::Number,
            RawType::Name => ValueKind::Name,
            RawType::Text => ValueKind::Text,
        }),
        multi: raw
            .cardinality
            .as_ref()
            .is_some_and(|c| *c.get_ref() == RawCardinality::Multi),
        separators,
        severity: raw.severity.as_ref().map(|s| match s.get_ref() {
            RawSeverity::Error => Severity::Error,
            RawSeverity::Warning => Severity::Warning,
            RawSeverity::Allow => Severity::Allow,
        }),
        tolerance,
        tolerance_written,
        zone: raw
            .zone
            .as_ref()
            .and_then(|zone| declared_zone(zone.get_ref(), at(zone.span()), problems)),
    }
}

/// A zone `rules.toml` declares (for a property or a table), or a finding at `span`.
fn declared_zone(text: &str, span: Span, problems: &mut Vec<Finding>) -> Option<Zone> {
    let read = crate::normalize::time::read_zone(text);
    if read.is_none() {
        problems.push(
            Finding::new(
                Code::LoadType,
                format!("`{text}` is not a time zone factcheck reads"),
            )
            .with_help(
                "write an offset from UTC (`-06:00`, `+05:30`, `UTC`) or an abbreviation of the \
                 README's zone table (`CST`, `CET`, `JST`); IANA names such as \
                 `America/Chicago` are not read",
            )
            .at(span, "not a zone"),
        );
    }
    read
}

/// The zone of every file whose `[[table]]` declares one; a zone that is not one is reported
/// once, however many files the table maps.
pub fn file_zones(inputs: &[ClaimsInput], problems: &mut Vec<Finding>) -> FxHashMap<FileId, Zone> {
    let mut read: FxHashMap<Span, Option<Zone>> = FxHashMap::default();
    let mut zones = FxHashMap::default();
    for input in inputs {
        let Some(written) = &input.zone else {
            continue;
        };
        let zone = *read
            .entry(written.span)
            .or_insert_with(|| declared_zone(&written.value, written.span, problems));
        if let Some(zone) = zone {
            zones.insert(input.file, zone);
        }
    }
    zones
}

/// Resolves the `[[order]]` constraints against the resolved names and properties.
pub fn orders(
    rules: &LoadedRules,
    names: &Resolution,
    properties: &Resolution,
    kinds: &[ValueKind],
    problems: &mut Vec<Finding>,
) -> Vec<OrderRule> {
    let Some(file) = rules.file else {
        return Vec::new();
    };
    let at = |range: std::ops::Range<usize>| Span::new(file, range);
    let mut orders = Vec::new();
    for order in &rules.orders {
        let before = fact_pattern(
            order.value.before.get_ref(),
            names,
            properties,
            kinds,
            &at,
            problems,
        );
        let after = fact_pattern(
            order.value.after.get_ref(),
            names,
            properties,
            kinds,
            &at,
            problems,
        );
        let (Some(before), Some(after)) = (before, after) else {
            continue;
        };
        let same_subject = before.subject.or(after.subject) == after.subject.or(before.subject);
        if before.property == after.property && same_subject {
            problems.push(
                Finding::new(Code::LoadRules, "this constraint orders a fact with itself")
                    .with_help("`before` and `after` must name two different facts")
                    .at(at(order.header.clone()), "same fact on both sides"),
            );
            continue;
        }
        orders.push(OrderRule {
            before,
            after,
            span: at(order.header.clone()),
            note: order.value.note.clone(),
        });
    }
    orders
}

/// One side of a constraint. Both its names are checked, so that two typos are reported
/// together.
fn fact_pattern(
    raw: &RawFactRef,
    names: &Resolution,
    properties: &Resolution,
    kinds: &[ValueKind],
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    problems: &mut Vec<Finding>,
) -> Option<FactPattern> {
    let property = date_property(raw, properties, kinds, at, problems);
    let subject = match &raw.subject {
        None => Some(None),
        Some(subject) => {
            let entity = names.lookup(subject.get_ref());
            if entity.is_none() {
                let known: Vec<&str> = names.spellings().collect();
                problems.push(
                    Finding::new(
                        Code::LoadUnknownName,
                        format!(
                            "no claim or [[entity]] has the subject `{}`",
                            subject.get_ref()
                        ),
                    )
                    .with_help(suggest::help_for(subject.get_ref(), &known, "subject"))
                    .at(at(subject.span()), "unknown subject"),
                );
            }
            entity.map(Some)
        }
    };
    Some(FactPattern {
        subject: subject?,
        property: property?,
    })
}

/// The property of one side of a constraint, which must exist and hold dates.
fn date_property(
    raw: &RawFactRef,
    properties: &Resolution,
    kinds: &[ValueKind],
    at: &impl Fn(std::ops::Range<usize>) -> Span,
    problems: &mut Vec<Finding>,
) -> Option<EntityId> {
    let property_text = raw.property.get_ref();
    let Some(property) = properties.lookup(property_text) else {
        let known: Vec<&str> = properties.spellings().collect();
        problems.push(
            Finding::new(
                Code::LoadUnknownName,
                format!("no claim or [[property]] has the property `{property_text}`"),
            )
            .with_help(suggest::help_for(property_text, &known, "property"))
            .at(at(raw.property.span()), "unknown property"),
        );
        return None;
    };
    let kind = kinds
        .get(property.0 as usize)
        .copied()
        .unwrap_or(ValueKind::Name);
    if !matches!(kind, ValueKind::Date | ValueKind::DateTime) {
        problems.push(
            Finding::new(
                Code::LoadRules,
                format!(
                    "ordering constraints compare dates and date-times, but `{property_text}` \
                     holds {kind}s"
                ),
            )
            .with_help(
                "order date or date-time properties only, or declare `type = \"date\"` for it",
            )
            .at(at(raw.property.span()), format!("a {kind} property")),
        );
        return None;
    }
    Some(property)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_tolerance_is_reported_at_its_place_with_the_forms() {
        let checked = crate::testing::check(
            &[(
                "a",
                &crate::testing::source(&[("Tower", "height", "300 metres")]),
            )],
            Some("[[property]]\nname = \"height\"\ntolerance = \"about 10 m\"\n"),
        );
        let found = crate::testing::with_code(&checked, Code::LoadType);
        assert_eq!(found.len(), 1, "{:?}", crate::testing::codes(&checked));
        assert!(
            found[0].message.contains("approximation"),
            "{}",
            found[0].message
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("\"10 m\"") && h.contains("bare number")),
        );
    }
}
