//! Claim values: each property's type, and every value parsed for it.
//!
//! Owns type inference (DESIGN 1.2: with no declared type, a property whose values all read as
//! dates is a date property, else one whose values all read as numbers is a number property,
//! else a name property) and the parsing of every value for its property's type. A value
//! that cannot be read for a declared type is an error at its span, never a silent string
//! comparison (DESIGN 2.2). Each value is parsed once; parsing runs in parallel.

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::findings::{Code, Finding};
use crate::model::date::{DateValue, Granularity};
use crate::model::quantity::Quantity;
use crate::model::{EntityId, Source, Value, ValueKind};
use crate::normalize::claims::Draft;
use crate::normalize::date::{DateError, parse_date};
use crate::normalize::fold::fold;
use crate::normalize::names::Interner;
use crate::normalize::number::{NumberError, parse_number};

/// Every property's type and every draft's value (`None` where it could not be read).
#[derive(Debug)]
pub struct Interpreted {
    /// Type of each property entity.
    pub kinds: Vec<ValueKind>,
    /// Value of each draft.
    pub values: Vec<Option<Value>>,
}

/// Infers types and parses values.
///
/// `property_of` gives each draft's property entity; `declared` each property's declared
/// type. Name values are interned into `names`; percentage bases are declared there too, so
/// that "GDP" and "gross domestic product" can be linked like any acronym.
pub fn interpret(
    drafts: &[Draft],
    sources: &[Source],
    property_of: &[EntityId],
    declared: &[Option<ValueKind>],
    names: &mut Interner,
    problems: &mut Vec<Finding>,
) -> Interpreted {
    let published = |draft: &Draft| sources[draft.source.0 as usize].published.as_ref();
    let kind_of = |kinds: &[Option<ValueKind>], index: usize| kinds[property_of[index].0 as usize];
    let properties = declared.len();
    // Inference is a vote: a property is of the type most of its values read as, dates
    // winning ties (a value such as "2014" reads as both). The values that do not read are
    // then reported at their span rather than compared as strings (DESIGN 2.2).
    let dates = parse_where(
        drafts,
        |i| matches!(kind_of(declared, i), None | Some(ValueKind::Date)),
        |draft| parse_date(&draft.stated, published(draft)),
    );
    let date_votes = count_per_property(property_of, properties, |i| match &dates[i] {
        Some(Ok(_)) => looks_like_a_year(&drafts[i].stated),
        // A relative date in a source with no `published` date is still a date: the missing
        // anchor is reported as such, not hidden by reading the value as a name.
        Some(Err(_)) => {
            published(&drafts[i]).is_none()
                && parse_date(&drafts[i].stated, Some(&stand_in_anchor())).is_ok()
        }
        None => false,
    });
    let totals = count_per_property(property_of, properties, |_| true);
    let unanimous: Vec<bool> = (0..properties)
        .map(|p| date_votes[p] == totals[p])
        .collect();
    let numbers = parse_where(
        drafts,
        |i| {
            let property = property_of[i].0 as usize;
            match declared[property] {
                None => !unanimous[property],
                Some(kind) => kind == ValueKind::Number,
            }
        },
        |draft| parse_number(&draft.stated),
    );
    let number_votes = count_per_property(property_of, properties, |i| {
        matches!(numbers[i], Some(Ok(_)))
    });
    let kinds: Vec<ValueKind> = (0..properties)
        .map(|p| {
            declared[p].unwrap_or_else(|| {
                let best = date_votes[p].max(number_votes[p]);
                if best == 0 || best * 2 < totals[p] {
                    ValueKind::Name
                } else if date_votes[p] >= number_votes[p] {
                    ValueKind::Date
                } else {
                    ValueKind::Number
                }
            })
        })
        .collect();

    let values = drafts
        .iter()
        .enumerate()
        .zip(dates.into_iter().zip(numbers))
        .map(|((index, draft), parsed)| {
            let kind = kinds[property_of[index].0 as usize];
            let declared = kind_of(declared, index).is_some();
            value(draft, kind, declared, parsed, names, problems)
        })
        .collect();

    Interpreted { kinds, values }
}

/// A value parsed as one type: `None` when it was not tried.
type Parsed<T, E> = Option<Result<T, E>>;

/// `parse` applied, in parallel, to the drafts `wanted` selects (`None` for the others).
fn parse_where<T: Send, E: Send>(
    drafts: &[Draft],
    wanted: impl Fn(usize) -> bool + Sync,
    parse: impl Fn(&Draft) -> Result<T, E> + Sync,
) -> Vec<Parsed<T, E>> {
    drafts
        .par_iter()
        .enumerate()
        .map(|(index, draft)| wanted(index).then(|| parse(draft)))
        .collect()
}

/// For each property, how many of its drafts `counted` accepts.
fn count_per_property(
    property_of: &[EntityId],
    properties: usize,
    counted: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut counts = vec![0; properties];
    for (index, property) in property_of.iter().enumerate() {
        if counted(index) {
            counts[property.0 as usize] += 1;
        }
    }
    counts
}

/// For inference only: a bare whole number counts as a date when it is a plausible year, so
/// that counts such as 2500 vote for numbers. (A property declared as a date takes any year.)
fn looks_like_a_year(value: &str) -> bool {
    let value = value.trim();
    !value.bytes().all(|b| b.is_ascii_digit())
        || value
            .parse::<u32>()
            .is_ok_and(|year| (1000..=2100).contains(&year))
}

/// One draft's value for its property's type, or a problem.
fn value(
    draft: &Draft,
    kind: ValueKind,
    declared: bool,
    (date, number): (Parsed<DateValue, DateError>, Parsed<Quantity, NumberError>),
    names: &mut Interner,
    problems: &mut Vec<Finding>,
) -> Option<Value> {
    let why = || {
        if declared {
            format!("its property is declared as a {kind} in rules.toml")
        } else {
            format!("most values of its property are {kind}s")
        }
    };
    match (kind, date, number) {
        (ValueKind::Date, Some(Ok(date)), _) => Some(Value::Date(date)),
        (ValueKind::Date, Some(Err(error)), _) => {
            problems.push(unreadable(
                Code::LoadDate,
                draft,
                &error.message,
                error.hint,
                &why(),
            ));
            None
        }
        (ValueKind::Number, _, Some(Ok(quantity))) => {
            if let Some(base) = &quantity.base {
                names.declare(base_as_written(&draft.stated, base).unwrap_or(base));
            }
            Some(Value::Number(quantity))
        }
        (ValueKind::Number, _, Some(Err(error))) => {
            problems.push(unreadable(
                Code::LoadNumber,
                draft,
                &error.message,
                error.hint,
                &why(),
            ));
            None
        }
        (ValueKind::Text, _, _) => {
            let folded = fold(&draft.stated);
            // A text with no letter or digit compares as written ("%" is not "-").
            let text = if folded.is_empty() {
                draft.stated.trim()
            } else {
                &folded
            };
            Some(Value::Text(Box::from(text)))
        }
        _ => Some(Value::Name(names.mention(&draft.stated, draft.source.0))),
    }
}

/// The words of a stated value that fold to its percentage's base, as written: "GDP" in
/// "2% of GDP", so that the acronym can be recognised (the base itself is folded).
fn base_as_written<'a>(stated: &'a str, base: &str) -> Option<&'a str> {
    let starts = std::iter::once(0).chain(
        stated
            .char_indices()
            .filter(|&(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8()),
    );
    starts
        .map(|start| stated[start..].trim())
        .find(|suffix| !suffix.is_empty() && fold(suffix) == base)
}

fn unreadable(
    code: Code,
    draft: &Draft,
    message: &str,
    hint: Option<String>,
    why: &str,
) -> Finding {
    let what = if code == Code::LoadDate {
        "date"
    } else {
        "number"
    };
    let mut finding = Finding::new(code, format!("{message} ({why})"))
        .at(draft.value_span, format!("not a {what} factcheck can read"));
    finding.help = Some(hint.unwrap_or_else(|| {
        format!("write the {what} in one of the forms listed in the README, or declare the property's type")
    }));
    finding
}

/// An arbitrary anchor, only to tell "a relative date" from "not a date".
fn stand_in_anchor() -> DateValue {
    let day = NaiveDate::from_ymd_opt(2000, 6, 15).map_or(730_286, |d| d.num_days_from_ce());
    DateValue {
        earliest: day,
        latest: day,
        granularity: Granularity::Day,
        margin: 0,
        approximate: false,
        relative: false,
    }
}

#[cfg(test)]
mod tests {
    use super::base_as_written;
    use crate::findings::Code;
    use crate::testing::{check, codes, source};

    #[test]
    fn the_base_is_found_as_written() {
        assert_eq!(base_as_written("2% of GDP", "gdp"), Some("GDP"));
        assert_eq!(
            base_as_written("3 to 5 percent of their GDP", "gdp"),
            Some("GDP")
        );
        assert_eq!(base_as_written("2%", "gdp"), None);
    }

    #[test]
    fn an_acronym_base_matches_its_expansion_without_rules() {
        let checked = check(
            &[
                ("a", &source(&[("Japan", "target", "2% of GDP")])),
                (
                    "b",
                    &source(&[("Japan", "target", "2 percent of gross domestic product")]),
                ),
                ("c", &source(&[("Japan", "target", "3% of GDP")])),
            ],
            None,
        );
        assert_eq!(
            codes(&checked),
            vec![Code::ConflictNumber],
            "comparable, and 3% differs"
        );
    }
}
