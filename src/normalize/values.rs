//! Claim values: each property's type, and every value parsed for it.
//!
//! Owns type inference (DESIGN 1.2: with no declared type, a property whose values all read as
//! dates is a date property, else one whose values all read as numbers is a number property,
//! else a name property) and the parsing of every value for its property's type. A value
//! that cannot be read for a declared type is an error at its span, never a silent string
//! comparison (DESIGN 2.2). Each distinct value (its property, text, `published` anchor and
//! declared zone) is parsed once, however many claims state it; parsing runs in parallel.
//! Findings about a value are built per claim, at each claim's own span.

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::findings::{ClaimRef, ClaimText, Code, Finding, Location, Role};
use crate::model::date::{DateValue, Granularity};
use crate::model::quantity::Quantity;
use crate::model::time::{SECONDS_PER_DAY, TimePrecision, Zone};
use crate::model::{EntityId, Source, Value, ValueKind};
use crate::normalize::claims::Draft;
use crate::normalize::date::WrongWeekday;
use crate::normalize::date::{DateError, ReadDate, parse_date, read_date};
use crate::normalize::names::Interner;
use crate::normalize::number::context;
use crate::normalize::number::{NumberError, Reading, read_number};
use crate::normalize::time::property::{
    DeclaredZones, TimeInputs, decide_slash_orders, read_more_times, read_times,
};
use crate::normalize::time::{ReadTime, has_clock};
use crate::text::fold::fold;

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
/// type, `zones` the declared zones (a property's, a table file's). Name values are interned into `names`; percentage bases are declared there too, so
/// that "GDP" and "gross domestic product" can be linked like any acronym.
pub fn interpret(
    drafts: &[Draft],
    sources: &[Source],
    property_of: &[EntityId],
    declared: &[Option<ValueKind>],
    zones: &DeclaredZones,
    names: &mut Interner,
    problems: &mut Vec<Finding>,
) -> Interpreted {
    let published = |draft: &Draft| sources[draft.source.0 as usize].published.as_ref();
    let properties = declared.len();
    // Each distinct value is read once, by its first draft; `at(d)` is that draft's index.
    let distinct = Distinct::of(drafts, sources, property_of, zones);
    let first = &distinct.first;
    let at = |d: usize| first[d];
    let kind_of = |kinds: &[Option<ValueKind>], d: usize| kinds[property_of[at(d)].0 as usize];
    let dates = parse_where(
        drafts,
        first,
        |d| matches!(kind_of(declared, d), None | Some(ValueKind::Date)),
        |draft| read_date(&draft.stated, published(draft)),
    );
    let inputs = TimeInputs {
        drafts,
        sources,
        property_of,
        zones,
    };
    let times = read_times(inputs, first, |d| match kind_of(declared, d) {
        Some(ValueKind::DateTime) => true,
        None | Some(ValueKind::Date) => has_clock(&drafts[at(d)].stated),
        Some(_) => false,
    });
    let times = decide_slash_orders(inputs, first, times);
    // Numbers are read where they can decide the vote or are needed: a value that reads as a
    // date or a date-time votes for it whatever else it reads as (a number property's values
    // not read yet are read once the vote is in).
    let mut numbers = parse_where(
        drafts,
        first,
        |d| match kind_of(declared, d) {
            None => !matches!(dates[d], Some(Ok(_))) && !matches!(times[d], Some(Ok(_))),
            Some(kind) => kind == ValueKind::Number,
        },
        |draft| read_number(&draft.stated),
    );
    let votes = vote(
        (drafts, sources, property_of),
        &distinct,
        (&dates, &times, &numbers),
        properties,
    );
    let kinds: Vec<ValueKind> = (0..properties)
        .map(|p| declared[p].unwrap_or_else(|| votes[p].kind()))
        .collect();
    let kind_at = |d: usize| kinds[property_of[at(d)].0 as usize];
    // Values of number properties not read yet (they also read as dates or date-times): read them now.
    let late: Vec<(usize, Result<Reading, NumberError>)> = numbers
        .par_iter()
        .enumerate()
        .filter(|&(d, parsed)| parsed.is_none() && kind_at(d) == ValueKind::Number)
        .map(|(d, _)| (d, read_number(&drafts[at(d)].stated)))
        .collect();
    for (d, parsed) in late {
        numbers[d] = Some(parsed);
    }

    let properties_of: Vec<usize> = first.iter().map(|&i| property_of[i].0 as usize).collect();
    let numbers = decide_numbers(numbers, &kinds, &properties_of);
    drop(properties_of);

    // Values of inferred date-time properties with no clock time (a day among times): read
    // them now.
    let mut times = times;
    let late = read_more_times(inputs, first, |d| {
        times[d].is_none() && kind_at(d) == ValueKind::DateTime
    });
    for (d, parsed) in late {
        times[d] = Some(parsed);
    }
    // Each draft's value from its distinct value's readings; what is wrong with a value is
    // reported at every draft that states it.
    let values = drafts
        .iter()
        .zip(&distinct.of)
        .map(|(draft, &d)| {
            let d = d as usize;
            let kind = kind_at(d);
            let declared = kind_of(declared, d).is_some();
            let source = &sources[draft.source.0 as usize].id;
            let (date, number, time) = (&dates[d], &numbers[d], &times[d]);
            if let (ValueKind::Date, Some(Ok(read))) = (kind, date) {
                if let Some(wrong) = &read.wrong_weekday {
                    let shown = (read.value.describe(), read.value.edtf());
                    problems.push(wrong_weekday(draft, source, wrong, shown));
                }
            }
            if let (ValueKind::DateTime, Some(Ok(read))) = (kind, time) {
                if let Some(wrong) = &read.wrong_weekday {
                    let shown = (read.value.describe(), read.value.iso());
                    problems.push(wrong_weekday(draft, source, wrong, shown));
                }
            }
            let time_kind = matches!(kind, ValueKind::DateTime | ValueKind::Date);
            if let Some(time) = time.as_ref().filter(|_| time_kind) {
                return time_value(draft, kind, declared, (date, time), problems);
            }
            value(draft, kind, declared, (date, number), names, problems)
        })
        .collect();

    Interpreted { kinds, values }
}

/// Each distinct value's date, date-time and number readings, as far as they were tried.
type Readings<'a> = (
    &'a [Parsed<ReadDate, DateError>],
    &'a [Parsed<ReadTime, DateError>],
    &'a [Parsed<Reading, NumberError>],
);

/// Each property's votes: each distinct value's readings, counted once for every draft that
/// states it.
fn vote(
    (drafts, sources, property_of): (&[Draft], &[Source], &[EntityId]),
    distinct: &Distinct,
    (dates, times, numbers): Readings<'_>,
    properties: usize,
) -> Vec<Votes> {
    let mut votes = vec![Votes::default(); properties];
    for (d, &index) in distinct.first.iter().enumerate() {
        let draft = &drafts[index];
        let reads_as_date = match &dates[d] {
            Some(Ok(_)) => true,
            // A relative date in a source with no `published` date is still a date: the missing
            // anchor is reported as such, not hidden by reading the value as a name.
            Some(Err(_)) => {
                sources[draft.source.0 as usize].published.is_none()
                    && parse_date(&draft.stated, Some(&stand_in_anchor())).is_ok()
            }
            None => false,
        };
        let reads_as_number = matches!(numbers[d], Some(Ok(_)));
        let reads_as_time = matches!(times[d], Some(Ok(_)));
        votes[property_of[index].0 as usize].count(
            &draft.stated,
            (reads_as_date, reads_as_time, reads_as_number),
            distinct.count[d],
        );
    }
    votes
}

/// Each number value as decided: an ambiguous unit is decided by the property's other values
/// (`number::context`); `None` where no number was read or the property holds no numbers.
///
/// `property[i]` is the property of value `i`, by index.
fn decide_numbers(
    numbers: Vec<Parsed<Reading, NumberError>>,
    kinds: &[ValueKind],
    property: &[usize],
) -> Vec<Option<NumberRead>> {
    let is_number = |i: usize| kinds[property[i]] == ValueKind::Number;
    let readings: Vec<Option<&Reading>> = numbers
        .iter()
        .enumerate()
        .map(|(i, parsed)| {
            parsed
                .as_ref()
                .and_then(|r| r.as_ref().ok())
                .filter(|_| is_number(i))
        })
        .collect();
    let decided = context::decide(&readings, property);
    numbers
        .into_iter()
        .zip(decided)
        .map(|(parsed, decided)| match (parsed, decided) {
            (Some(Err(error)), _) => Some(NumberRead::Unreadable(error)),
            (Some(Ok(reading)), Some(Ok(quantity))) => {
                Some(NumberRead::Value(quantity, reading.inconsistency))
            }
            (Some(Ok(_)), Some(Err(ambiguity))) => Some(NumberRead::Ambiguous(ambiguity)),
            (Some(Ok(_)), None) | (None, _) => None,
        })
        .collect()
}

/// A value parsed as one type: `None` when it was not tried.
type Parsed<T, E> = Option<Result<T, E>>;

/// A value of a number property as read and decided.
enum NumberRead {
    /// Read, with a parenthesised equivalent that disagrees with it, if any.
    Value(Quantity, Option<String>),
    /// Its unit reads two ways and nothing decides.
    Ambiguous(NumberError),
    /// Not a number.
    Unreadable(NumberError),
}

/// `parse` applied, in parallel, to the drafts `values` lists (by index) that `wanted` selects
/// (by position in `values`); `None` for the others.
fn parse_where<T: Send, E: Send>(
    drafts: &[Draft],
    values: &[usize],
    wanted: impl Fn(usize) -> bool + Sync,
    parse: impl Fn(&Draft) -> Result<T, E> + Sync,
) -> Vec<Parsed<T, E>> {
    values
        .par_iter()
        .enumerate()
        .map(|(position, &index)| wanted(position).then(|| parse(&drafts[index])))
        .collect()
}

/// What a value's reading depends on: its property, its text, its source's anchor (by index
/// among the distinct `published` dates) and its declared zone.
type ReadingKey<'a> = (EntityId, &'a str, u32, Option<Zone>);

/// The drafts' distinct values, as far as reading them goes. A value's reading depends on its
/// text, its property (the type, the day-and-month order and the units its other values
/// show), its source's `published` date (the anchor of a relative date) and the zone declared
/// for it (its file's, else its property's); drafts that agree on all four read the same, so
/// each such value is read once. Nothing about the draft itself (its source, its span) enters
/// a reading: findings are built per draft from the shared reading.
struct Distinct {
    /// Each draft's distinct value, by index.
    of: Vec<u32>,
    /// Each distinct value's first draft, which is read for it.
    first: Vec<usize>,
    /// How many drafts state each distinct value.
    count: Vec<usize>,
}

impl Distinct {
    fn of(
        drafts: &[Draft],
        sources: &[Source],
        property_of: &[EntityId],
        zones: &DeclaredZones,
    ) -> Distinct {
        // Sources that share a `published` date share an anchor.
        let mut anchors: FxHashMap<Option<&DateValue>, u32> = FxHashMap::default();
        let anchor_of: Vec<u32> = sources
            .iter()
            .map(|source| {
                let next = u32::try_from(anchors.len()).unwrap_or(u32::MAX);
                *anchors.entry(source.published.as_ref()).or_insert(next)
            })
            .collect();
        let mut seen: FxHashMap<ReadingKey<'_>, u32> = FxHashMap::default();
        let mut first = Vec::new();
        let mut count = Vec::new();
        let of = drafts
            .iter()
            .zip(property_of)
            .enumerate()
            .map(|(index, (draft, &property))| {
                let key = (
                    property,
                    &*draft.stated,
                    anchor_of[draft.source.0 as usize],
                    zones.of(draft, property),
                );
                // A dataset of more than 4 billion claims cannot be loaded (claim positions
                // are 32-bit too).
                let next = u32::try_from(first.len()).unwrap_or(u32::MAX);
                let d = *seen.entry(key).or_insert_with(|| {
                    first.push(index);
                    count.push(0);
                    next
                });
                count[d as usize] += 1;
                d
            })
            .collect();
        Distinct { of, first, count }
    }
}

/// How a property's values read, for inferring its type (README, "How claims are
/// understood"). A bare whole number is a plausible year (`1990`) or not (`2500`, `0000`); any
/// other value reads as a date (`late 1970s`), as a number (`2,500 troops`), or as neither.
#[derive(Debug, Clone, Copy, Default)]
struct Votes {
    /// Values in all.
    total: usize,
    /// Bare whole numbers that are plausible years: a date or a count.
    years: usize,
    /// Bare whole numbers that are not plausible years.
    counts: usize,
    /// Other values that read as dates.
    dates: usize,
    /// Values with a clock time that read as date-times.
    times: usize,
    /// Other values that read as numbers (and not as dates).
    numbers: usize,
}

impl Votes {
    /// Counts `times` values stated as `stated`, read as a date, a date-time, a number.
    fn count(&mut self, stated: &str, (date, time, number): (bool, bool, bool), times: usize) {
        let (reads_as_date, reads_as_number) = (date, number);
        self.total += times;
        if time {
            self.times += times;
            return;
        }
        let value = stated.trim();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            if is_plausible_year(value) {
                self.years += times;
            } else {
                self.counts += times;
            }
        } else if reads_as_date {
            self.dates += times;
        } else if reads_as_number {
            self.numbers += times;
        }
    }

    /// The inferred type: a name unless at least half the values read as dates or numbers;
    /// then a date when plausible years and date phrases outnumber other numbers, or match
    /// them with at least one date phrase among them (`late 1970s` beside `1950` and a typo
    /// `99999`); else a number (`2000` beside `2500` troops). A date property with a value
    /// that carries a clock time holds date-times.
    fn kind(self) -> ValueKind {
        let readable = self.years + self.counts + self.dates + self.times + self.numbers;
        if readable == 0 || readable * 2 < self.total {
            return ValueKind::Name;
        }
        let for_date = self.years + self.dates + self.times;
        let for_number = self.counts + self.numbers;
        let phrases = self.dates + self.times;
        let dated = for_date > for_number || (for_date == for_number && phrases > 0);
        if dated && self.times > 0 {
            ValueKind::DateTime
        } else if dated {
            ValueKind::Date
        } else {
            ValueKind::Number
        }
    }
}

/// Whether a value of an inferred date property may be read as a date: anything but a bare
/// whole number that is not a plausible year.
fn reads_as_year(value: &str) -> bool {
    let value = value.trim();
    !value.bytes().all(|b| b.is_ascii_digit()) || is_plausible_year(value)
}

/// A bare whole number that reads as a year when the property is inferred to hold dates.
fn is_plausible_year(value: &str) -> bool {
    value
        .parse::<u32>()
        .is_ok_and(|year| (1000..=2100).contains(&year))
}

/// One draft's value for its property's type, or a problem.
fn value(
    draft: &Draft,
    kind: ValueKind,
    declared: bool,
    (date, number): (&Parsed<ReadDate, DateError>, &Option<NumberRead>),
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
        (ValueKind::Date, Some(Ok(_)), _) if !declared && !reads_as_year(&draft.stated) => {
            let stated = draft.stated.trim();
            problems.push(unreadable(
                Code::LoadDate,
                draft,
                &format!("`{stated}` is not a plausible year (1000–2100)"),
                Some(
                    "correct the year, or declare the property's type as `date` in rules.toml to accept any year"
                        .to_owned(),
                ),
                &why(),
            ));
            None
        }
        (ValueKind::Date, Some(Ok(read)), _) => Some(Value::Date(read.value.clone())),
        (ValueKind::Date, Some(Err(error)), _) => {
            problems.push(unreadable(
                Code::LoadDate,
                draft,
                &error.message,
                error.hint.clone(),
                &why(),
            ));
            None
        }
        (ValueKind::Number, _, Some(NumberRead::Value(quantity, inconsistency))) => {
            if let Some(base) = &quantity.base {
                names.declare(base_as_written(&draft.stated, base).unwrap_or(base));
            }
            if let Some(inconsistency) = inconsistency {
                let stated = draft.stated.trim();
                problems.push(
                    Finding::new(
                        Code::NumberEquivalent,
                        format!("`{stated}`: {inconsistency}"),
                    )
                    .with_help(
                        "the first figure is the value compared; check the source, and \
                             correct the claim if it was copied wrongly",
                    )
                    .at(draft.value_span, "the value and its equivalent disagree"),
                );
            }
            Some(Value::Number(quantity.clone()))
        }
        (ValueKind::Number, _, Some(NumberRead::Ambiguous(error))) => {
            let mut finding = Finding::new(
                Code::NumberAmbiguous,
                format!(
                    "{}, and the property's other values do not decide it; the claim is not \
                     compared",
                    error.message
                ),
            )
            .at(draft.value_span, "unit not decided");
            finding.help = Some(
                error
                    .hint
                    .clone()
                    .unwrap_or_else(|| "write the unit in full".to_owned()),
            );
            problems.push(finding);
            None
        }
        (ValueKind::Number, _, Some(NumberRead::Unreadable(error))) => {
            problems.push(unreadable(
                Code::LoadNumber,
                draft,
                &error.message,
                error.hint.clone(),
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

/// A value of a date-time property, or one that carries a clock time in a date property:
/// a date-time; in a date property, the day it names (claims there are dated to the day).
fn time_value(
    draft: &Draft,
    kind: ValueKind,
    declared: bool,
    (date, time): (&Parsed<ReadDate, DateError>, &Result<ReadTime, DateError>),
    problems: &mut Vec<Finding>,
) -> Option<Value> {
    let why = if declared {
        format!("its property is declared as a {kind} in rules.toml")
    } else {
        format!("most values of its property are {kind}s")
    };
    let mut refuse = |error: &DateError| {
        problems.push(unreadable(
            Code::LoadDate,
            draft,
            &error.message,
            error.hint.clone(),
            &why,
        ));
        None
    };
    match (kind, time.as_ref().map(|read| &read.value)) {
        (ValueKind::DateTime, Ok(_)) if !declared && !reads_as_year(&draft.stated) => {
            refuse(&DateError {
                message: format!(
                    "`{}` is not a plausible year (1000–2100)",
                    draft.stated.trim()
                ),
                hint: Some(
                    "correct the year, or declare the property's type in rules.toml".to_owned(),
                ),
            })
        }
        (ValueKind::DateTime, Ok(time)) => Some(Value::DateTime(time.clone())),
        (ValueKind::DateTime, Err(error)) => refuse(error),
        // A date property reads the day of a dated clock time.
        (_, Ok(time)) if time.dated && time.precision != TimePrecision::Date => {
            let day = crate::model::date::Day(
                i32::try_from(time.start.div_euclid(SECONDS_PER_DAY)).ok()?,
            );
            Some(Value::Date(DateValue {
                earliest: day,
                latest: day,
                granularity: Granularity::Day,
                margin: 0,
                approximate: false,
                relative: false,
            }))
        }
        (_, _) => match date {
            Some(Ok(read)) => Some(Value::Date(read.value.clone())),
            Some(Err(error)) => refuse(&DateError {
                hint: Some(
                    "give the day, or declare the property `type = \"datetime\"` in rules.toml \
                     to compare times of day"
                        .to_owned(),
                ),
                message: error.message.clone(),
            }),
            None => None,
        },
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

/// A weekday the source states with a date that falls on another ("Monday, 4 July 1776"): a
/// mistake of the source, reported on the claim; the date still takes part in comparisons.
/// `shown` is the value as factcheck reads it and its machine form.
fn wrong_weekday(
    draft: &Draft,
    source: &str,
    wrong: &WrongWeekday,
    (normalized, value_key): (String, String),
) -> Finding {
    let stated = draft.stated.trim();
    let mut finding = Finding::new(
        Code::DateWeekday,
        format!("`{stated}`: {}", wrong.message()),
    )
    .with_help(format!(
        "check the source: the weekday or the date is wrong; factcheck compares the date as {normalized}"
    ));
    finding.locations.push(Location {
        span: draft.value_span,
        label: format!("{source} says {}", wrong.stated),
        claim: Some(ClaimRef::new(&ClaimText {
            source,
            claim: &draft.handle(),
            key: &draft.key,
            stated,
            normalized: &normalized,
            value_key: &value_key,
        })),
        role: Role::Involved,
    });
    finding
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
    let day = crate::model::date::Day(
        NaiveDate::from_ymd_opt(2000, 6, 15).map_or(730_286, |d| d.num_days_from_ce()),
    );
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
    use crate::model::Value;
    use crate::testing::{check, codes, source, source_with};

    #[test]
    fn the_base_is_found_as_written() {
        assert_eq!(base_as_written("2% of GDP", "gdp"), Some("GDP"));
        assert_eq!(
            base_as_written("3 to 5 percent of their GDP", "gdp"),
            Some("GDP")
        );
        assert_eq!(base_as_written("2%", "gdp"), None);
    }

    fn one_property(values: &[&str]) -> Vec<Code> {
        let files: Vec<(String, String)> = values
            .iter()
            .enumerate()
            .map(|(i, value)| (format!("s{i}"), source(&[("X", "p", value)])))
            .collect();
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(stem, text)| (stem.as_str(), text.as_str()))
            .collect();
        codes(&check(&borrowed, None))
    }

    #[test]
    fn years_beside_a_date_phrase_make_a_date_property_and_typos_are_blamed() {
        let codes = one_property(&["1950", "1990", "late 1970s", "0000", "99999"]);
        assert_eq!(
            codes,
            vec![Code::ConflictDate, Code::LoadDate, Code::LoadDate],
            "the typos, not `late 1970s`, are unreadable"
        );
    }

    #[test]
    fn a_year_among_counts_is_a_count() {
        assert_eq!(one_property(&["2000", "2500"]), vec![Code::ConflictNumber]);
        assert_eq!(
            one_property(&["2000 troops", "2000"]),
            Vec::<Code>::new(),
            "a count with a unit and a bare year-like number agree as numbers"
        );
    }

    #[test]
    fn years_alone_are_dates_and_an_implausible_one_is_reported() {
        assert_eq!(
            one_property(&["1990", "1990", "2000"]),
            vec![Code::ConflictDate]
        );
        assert_eq!(
            one_property(&["1990", "1990", "20100"]),
            vec![Code::LoadDate],
            "three bare numbers, two of them years: a date property with one typo"
        );
    }

    #[test]
    fn mostly_names_stay_names() {
        assert_eq!(
            one_property(&["Tokyo", "Kyoto", "1990"]),
            vec![Code::ConflictValue]
        );
    }

    #[test]
    fn an_ambiguous_unit_is_decided_by_the_property() {
        assert_eq!(
            one_property(&["5m", "$5 million", "$5.0 million"]),
            Vec::<Code>::new(),
            "beside dollars, `5m` is five million dollars"
        );
        assert_eq!(
            one_property(&["5m", "5.0 km"]),
            vec![Code::ConflictNumber],
            "beside kilometres, `5m` is five metres"
        );
        assert_eq!(one_property(&["20 degrees", "20 °C"]), Vec::<Code>::new());
        assert_eq!(
            one_property(&["68 degrees", "20 °C"]),
            vec![Code::ConflictNumber],
            "beside Celsius, `68 degrees` is 68 °C, not 68 °F"
        );
    }

    #[test]
    fn an_undecidable_unit_is_a_warning_on_its_claim_not_a_load_error() {
        let codes = one_property(&["5m", "4 km", "$3 million"]);
        assert!(codes.contains(&Code::NumberAmbiguous), "{codes:?}");
        assert!(!codes.iter().any(|c| c.is_load()), "{codes:?}");
        let alone = one_property(&["20 degrees", "21 degrees"]);
        assert_eq!(alone, vec![Code::NumberAmbiguous, Code::NumberAmbiguous]);
    }

    #[test]
    fn an_inconsistent_equivalent_is_a_finding_and_the_first_figure_counts() {
        assert_eq!(
            one_property(&["1,000 feet (350 m)", "1,000 ft"]),
            vec![Code::NumberEquivalent]
        );
        assert_eq!(
            one_property(&["1,000 feet (305 m)", "305 m"]),
            Vec::<Code>::new()
        );
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

    #[test]
    fn a_wrong_weekday_is_a_warning_and_the_date_still_compares() {
        let checked = check(
            &[
                (
                    "a",
                    &source(&[("Declaration", "signed", "Monday, 4 July 1776")]),
                ),
                ("b", &source(&[("Declaration", "signed", "5 July 1776")])),
                (
                    "c",
                    &source(&[("Charter", "signed", "Thursday, 4 July 1776")]),
                ),
            ],
            None,
        );
        let mut found = codes(&checked);
        found.sort_by_key(|code| code.as_str());
        assert_eq!(
            found,
            vec![Code::ConflictDate, Code::DateWeekday],
            "the weekday is the source's mistake; 4 and 5 July still disagree"
        );
        let weekday = checked
            .findings
            .iter()
            .find(|f| f.code == Code::DateWeekday)
            .expect("a weekday finding");
        assert!(
            weekday
                .message
                .contains("4 July 1776 was a Thursday, not a Monday"),
            "{}",
            weekday.message
        );
    }

    fn toml_datetime_source(value: &str) -> String {
        format!(
            "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\nsubject = \"AA 1007\"\n\
             property = \"departure\"\nvalue = {value}\n"
        )
    }

    #[test]
    fn toml_date_times_keep_their_time() {
        let checked = check(
            &[
                ("a", &toml_datetime_source("2011-12-01T13:55:00")),
                ("b", &toml_datetime_source("2011-12-01T14:07:00")),
            ],
            None,
        );
        assert_eq!(
            codes(&checked),
            vec![Code::ConflictDate],
            "13:55 and 14:07 on one day are 12 minutes apart, not the same day"
        );
        let message = &checked.findings[0].message;
        assert!(message.contains("12 minutes apart"), "{message}");
        let same = check(
            &[
                ("a", &toml_datetime_source("2011-12-01T13:55:00-05:00")),
                ("b", &toml_datetime_source("2011-12-01T18:55:00Z")),
            ],
            None,
        );
        assert_eq!(codes(&same), Vec::<Code>::new(), "one instant in two zones");
    }

    #[test]
    fn a_numeric_date_is_read_in_the_order_its_property_shows() {
        assert_eq!(
            one_property(&[
                "12/01/2011 1:55 PM",
                "12/13/2011 1:55 PM",
                "2011-12-01 13:55"
            ]),
            vec![Code::ConflictDate],
            "month first, as 12/13 shows: 1 December, and 13 December disagrees"
        );
        assert_eq!(
            one_property(&["12/1/11 1:55 PM", "2011-12-01 13:55"]),
            vec![Code::LoadDate],
            "nothing decides 12/1/11"
        );
        assert_eq!(
            one_property(&["12/1/11 1:55 PM", "13/12/11 1:55 PM"]),
            vec![Code::ConflictDate],
            "day first, as 13/12 shows: 12 January and 13 December"
        );
        assert_eq!(
            one_property(&["12/1/11 1:55 PM", "13/12/11 1:55 PM", "12/13/11 1:55 PM"]),
            vec![Code::LoadDate],
            "both orders shown: nothing decided"
        );
    }

    #[test]
    fn a_wrong_weekday_beside_a_clock_time_is_reported() {
        assert_eq!(
            one_property(&["Mon, Dec 1, 2011 7:05 PM", "2011-12-01 19:05"]),
            vec![Code::DateWeekday],
            "1 December 2011 was a Thursday; the times still agree"
        );
    }

    #[test]
    fn a_duration_tolerance_lets_nearby_times_agree() {
        let rules = "[[property]]\nname = \"p\"\ntolerance = \"5 min\"\n";
        let pair = |a: &str, b: &str| {
            let (a, b) = (source(&[("X", "p", a)]), source(&[("X", "p", b)]));
            codes(&check(&[("a", &a), ("b", &b)], Some(rules)))
        };
        assert_eq!(pair("13:55", "14:00"), Vec::<Code>::new());
        assert_eq!(pair("1:55 PM CST", "2:59 PM EST"), Vec::<Code>::new());
        assert_eq!(pair("13:55", "14:01"), vec![Code::ConflictDate]);
        let meters = "[[property]]\nname = \"p\"\ntolerance = \"10 m\"\n";
        let (a, b) = (
            source(&[("X", "p", "13:55")]),
            source(&[("X", "p", "14:00")]),
        );
        let found = codes(&check(&[("a", &a), ("b", &b)], Some(meters)));
        assert!(
            found.contains(&Code::LoadType),
            "a length is no tolerance for times: {found:?}"
        );
    }

    #[test]
    fn durations_are_numbers_not_times() {
        assert_eq!(
            one_property(&["2 h 15 min", "135 minutes", "2.25 hours"]),
            Vec::<Code>::new()
        );
        assert_eq!(
            one_property(&["2 h 15 min", "2 h 30 min"]),
            vec![Code::ConflictNumber]
        );
    }

    #[test]
    fn clock_times_make_a_datetime_property_and_dates_among_them_are_days() {
        assert_eq!(
            one_property(&["2011-12-01 13:55", "2011-12-01", "1:55 PM"]),
            Vec::<Code>::new(),
            "a day holds its minutes, and a time of day matches the clock"
        );
        assert_eq!(
            one_property(&["2011-12-01 13:55", "2011-12-02"]),
            vec![Code::ConflictDate]
        );
        assert_eq!(
            one_property(&["13:55", "13:55 CST"]),
            vec![Code::TimeIncomparable]
        );
        assert_eq!(
            one_property(&["around 13:55", "14:03"]),
            vec![Code::TensionDate],
            "within the five minutes an approximate time allows"
        );
        assert_eq!(
            one_property(&["13:55", "25:10"]),
            vec![Code::LoadDate],
            "an impossible clock time is reported, not read as a name"
        );
    }

    #[test]
    fn a_date_property_reads_the_day_of_a_clock_time_and_refuses_a_bare_time() {
        let rules = "[[property]]\nname = \"p\"\ntype = \"date\"\n";
        let day = check(
            &[
                ("a", &source(&[("X", "p", "2011-12-01 13:55")])),
                ("b", &source(&[("X", "p", "1 December 2011")])),
            ],
            Some(rules),
        );
        assert_eq!(codes(&day), Vec::<Code>::new());
        let bare = check(&[("a", &source(&[("X", "p", "13:55")]))], Some(rules));
        assert_eq!(codes(&bare), vec![Code::LoadDate]);
        let message = &bare.findings[0];
        assert!(
            message.message.contains("time of day")
                && message
                    .help
                    .as_deref()
                    .is_some_and(|h| h.contains("datetime")),
            "{message:?}"
        );
    }

    #[test]
    fn a_declared_zone_applies_to_local_values_and_a_bad_one_is_reported() {
        let rules = |zone: &str| format!("[[property]]\nname = \"p\"\nzone = \"{zone}\"\n");
        let files = [
            ("a", source(&[("X", "p", "12:10")])),
            ("b", source(&[("X", "p", "13:10 EST")])),
        ];
        let files: Vec<(&str, &str)> = files.iter().map(|(s, t)| (*s, t.as_str())).collect();
        assert_eq!(
            codes(&check(&files, Some(&rules("CST")))),
            Vec::<Code>::new()
        );
        assert_eq!(
            codes(&check(&files, Some(&rules("-05:00")))),
            vec![Code::ConflictDate]
        );
        let bad = check(&files, Some(&rules("America/Chicago")));
        assert!(codes(&bad).contains(&Code::LoadType), "{:?}", codes(&bad));
    }

    #[test]
    fn relative_dates_and_dates_without_a_year_compare_through_published() {
        let checked = check(
            &[
                (
                    "a",
                    &source_with(
                        "published = \"2013-02-12\"",
                        &[
                            ("Bridge", "opened", "last Tuesday"),
                            ("Fair", "held", "July 13-15"),
                        ],
                    ),
                ),
                (
                    "b",
                    &source(&[
                        ("Bridge", "opened", "5 February 2013"),
                        ("Fair", "held", "14 July 2012"),
                    ]),
                ),
            ],
            None,
        );
        assert_eq!(codes(&checked), Vec::<Code>::new());
        let checked = check(
            &[
                (
                    "a",
                    &source_with(
                        "published = \"2013-02-12\"",
                        &[("Bridge", "opened", "last Tuesday")],
                    ),
                ),
                ("b", &source(&[("Bridge", "opened", "12 February 2013")])),
            ],
            None,
        );
        assert_eq!(codes(&checked), vec![Code::ConflictDate]);
    }

    /// The values of the claims stating `stated`, by their source's id, sorted.
    fn read_as(checked: &crate::Checked, stated: &str) -> Vec<(String, String)> {
        let dataset = &checked.dataset;
        let mut read: Vec<(String, String)> = dataset
            .claims
            .iter()
            .filter(|claim| &*claim.stated == stated)
            .map(|claim| {
                let source = dataset.sources[claim.source.0 as usize].id.clone();
                let value = match &claim.value {
                    Value::Date(date) => date.describe(),
                    Value::DateTime(time) => time.describe(),
                    other => format!("{other:?}"),
                };
                (source, value)
            })
            .collect();
        read.sort();
        read
    }

    #[test]
    fn one_text_under_two_anchors_is_read_twice() {
        let published = |day: &str| format!("published = \"{day}\"");
        let checked = check(
            &[
                (
                    "a",
                    &source_with(
                        &published("2013-02-12"),
                        &[("Bridge", "opened", "last Tuesday")],
                    ),
                ),
                (
                    "b",
                    &source_with(
                        &published("2013-02-20"),
                        &[("Bridge", "opened", "last Tuesday")],
                    ),
                ),
                (
                    "c",
                    &source_with(
                        &published("2013-02-12"),
                        &[("Bridge", "opened", "last Tuesday")],
                    ),
                ),
            ],
            None,
        );
        assert_eq!(
            read_as(&checked, "last Tuesday"),
            vec![
                ("a".to_owned(), "5 February 2013".to_owned()),
                ("b".to_owned(), "12–19 February 2013".to_owned()),
                ("c".to_owned(), "5 February 2013".to_owned()),
            ]
        );
        assert_eq!(codes(&checked), vec![Code::ConflictDate]);
    }

    #[test]
    fn one_text_in_two_properties_is_read_in_each_propertys_order() {
        let checked = check(
            &[
                (
                    "a",
                    &source(&[
                        ("X", "p", "12/01/2011 1:55 PM"),
                        ("Y", "p", "12/13/2011 1:55 PM"),
                        ("X", "q", "12/01/2011 1:55 PM"),
                        ("Y", "q", "13/12/2011 1:55 PM"),
                    ]),
                ),
                (
                    "b",
                    &source(&[
                        ("X", "p", "12/01/2011 1:55 PM"),
                        ("X", "q", "12/01/2011 1:55 PM"),
                    ]),
                ),
            ],
            None,
        );
        let dataset = &checked.dataset;
        let mut read: Vec<(String, String)> = dataset
            .claims
            .iter()
            .filter(|claim| &*claim.stated == "12/01/2011 1:55 PM")
            .map(|claim| {
                let property = dataset.properties.text(claim.property.spelling).to_owned();
                let Value::DateTime(time) = &claim.value else {
                    return (property, format!("{:?}", claim.value));
                };
                (property, time.describe())
            })
            .collect();
        read.sort();
        read.dedup();
        assert_eq!(read.len(), 2, "one reading per property: {read:?}");
        assert!(read[0].1.contains("1 December 2011"), "{read:?}");
        assert!(read[1].1.contains("12 January 2011"), "{read:?}");
    }

    #[test]
    fn one_text_in_two_tables_is_read_in_each_tables_zone() {
        use crate::fs::MemoryFs;
        use crate::load::{Access, Request, RulesPath};
        let table = |glob: &str, zone: &str| {
            format!("[[table]]\nfiles = \"{glob}\"\nsubject = \"subject\"\nzone = \"{zone}\"\n")
        };
        let rules = format!(
            "{}\n{}",
            table("east.csv", "-05:00"),
            table("utc.csv", "UTC")
        );
        let rows = |source: &str| format!("source,subject,departure\n{source},AA 1,13:55\n");
        let fs = MemoryFs::new()
            .with("claims/east.csv", rows("a").as_str())
            .with("claims/utc.csv", rows("b").as_str())
            .with("rules.toml", rules.as_str());
        let request = Request {
            claims_dir: "claims".into(),
            rules: RulesPath::Default("rules.toml".into()),
            reviews: RulesPath::Default("reviews.toml".into()),
            access: Access::default(),
        };
        let checked = crate::check_in(
            &fs,
            &request,
            &crate::triage::Policy::default(),
            &mut |_| {},
        );
        let read = read_as(&checked, "13:55");
        assert_eq!(read.len(), 2, "{read:?} {:?}", checked.findings);
        assert_ne!(read[0].1, read[1].1, "each in its table's zone: {read:?}");
        assert_eq!(codes(&checked), vec![Code::ConflictDate]);
    }

    #[test]
    fn a_repeated_unreadable_value_is_reported_at_each_claim() {
        let rules = "[[property]]\nname = \"founded\"\ntype = \"date\"\n";
        let checked = check(
            &[
                (
                    "a",
                    &source(&[
                        ("X", "founded", "the Cold War"),
                        ("Y", "founded", "the Cold War"),
                    ]),
                ),
                ("b", &source(&[("X", "founded", "the Cold War")])),
            ],
            Some(rules),
        );
        assert_eq!(codes(&checked), vec![Code::LoadDate; 3]);
        let mut spans: Vec<_> = checked
            .findings
            .iter()
            .map(|finding| finding.locations[0].span)
            .collect();
        spans.sort_by_key(|span| (span.file, span.start));
        spans.dedup();
        assert_eq!(spans.len(), 3, "each at its own claim's value: {spans:?}");
    }
}
