//! Duckling's phrases fed to factcheck as claim values, and each reading judged against
//! Duckling's.
//!
//! Owns the run (one claims file per dimension, from a source published 2013-02-12, through
//! `factcheck::check_in` over a `MemoryFs`, each dimension's property declared `date` or
//! `number` in `rules.toml`), the verdicts and their conventions (README, "Breadth against
//! Duckling's corpus"), the table and the to-do lists. It must not change what factcheck
//! reads: it only watches the library's own pipeline.
//!
//! Verdicts, in this order:
//! - **refused**: the claim did not reach the model (a finding says why). A refusal that
//!   reports the text ambiguous between exactly the readings Duckling's own unit leaves open
//!   ("45 degrees": Celsius or Fahrenheit) is *left open as Duckling leaves it*, counted apart;
//! - **unit kept as a plain word**: read as a count of a noun ("3 cup") with the number
//!   Duckling gives in its own unit;
//! - **read as Duckling reads it**: see [`judge_date`] and [`judge_amount`];
//! - **read differently**: anything else. A difference that is a documented convention is
//!   marked: [`PREVIOUS_OCCURRENCE`], [`SEASON_BOUNDARIES`], [`SCALE_ON_BOTH_ENDS`],
//!   [`ONE_LETTER_UNITS`].

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, Months, NaiveDate};
use factcheck::findings::Finding;
use factcheck::fs::MemoryFs;
use factcheck::load::{Access, Request, RulesPath};
use factcheck::model::Value;
use factcheck::model::date::{DateValue, UNBOUNDED_END, UNBOUNDED_START};
use factcheck::model::quantity::{Currency, Quantity, Unit};
use factcheck::normalize::number::{parse_number, read_number};
use factcheck::triage::Policy;

use crate::corpus::{Civil, Dimension, Example, Expected, Grain, Range};

/// Duckling's reference day (Tuesday 2013-02-12 04:30 -02:00), the sources' `published`.
pub const PUBLISHED: &str = "2013-02-12";

/// How factcheck's reading compares with Duckling's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Refused,
    AsDuckling,
    /// Holds Duckling's reading, and more (counted as read as Duckling).
    LessPrecise,
    PlainWord,
    /// Read differently; `Some` names the documented convention that explains it.
    Differently(Option<&'static str>),
}

/// The convention of a date read one cycle earlier than Duckling reads it.
pub const PREVIOUS_OCCURRENCE: &str = "previous occurrence";
/// The convention of a range followed by a scale word ("7-9 lakh") read with the scale on both
/// ends, where Duckling applies it to the last number only.
pub const SCALE_ON_BOTH_ENDS: &str = "scale on both ends";
/// The convention of a one-letter unit after a number read as factcheck reads it ("k" a
/// thousand, "m" metres, "l" litres, "g" grams; README, "How claims are understood"), where
/// Duckling reads it otherwise ("3k" as 3 km, "1m and 1ft" as a mile and a foot, "30 l" as 30
/// lakh, ".0012G" as 1.2 million).
pub const ONE_LETTER_UNITS: &str = "one-letter units";
/// The convention of a season read as three whole months (summer is June to August), where
/// Duckling reads it from solstice to equinox (June 21 to September 23).
pub const SEASON_BOUNDARIES: &str = "season boundaries";

/// One phrase and what factcheck made of it.
#[derive(Debug, Clone)]
pub struct Reading {
    pub example: Example,
    pub verdict: Verdict,
    /// What factcheck said: its normalized value, or why it refused.
    pub said: String,
    /// Why the reading differs, when it does and the harness can tell.
    pub why: Option<String>,
    /// Other findings on the claim (code and message).
    pub notes: Vec<String>,
    /// Refused as ambiguous between exactly the readings Duckling's unit leaves open.
    pub left_open: bool,
}

/// Where each claim's `[[claim]]` table starts in its dimension's claims file, in order.
type Tables<'e> = BTreeMap<Dimension, Vec<(usize, &'e Example)>>;

/// The dataset: one claims file per dimension (a source published on Duckling's reference
/// day, one claim per phrase, each under its own subject) and a `rules.toml` declaring each
/// dimension's property a date or a number.
fn dataset(examples: &[Example]) -> (MemoryFs, Tables<'_>) {
    let mut fs = MemoryFs::new();
    let mut rules = String::new();
    let mut tables = Tables::new();
    for example in examples.iter().filter(|e| e.excluded.is_none()) {
        tables
            .entry(example.dimension)
            .or_default()
            .push((0, example));
    }
    for (dimension, claims) in &mut tables {
        let name = dimension.category();
        let kind = if *dimension == Dimension::Time {
            "date"
        } else {
            "number"
        };
        let _ = writeln!(
            rules,
            "[[property]]\nname = \"{name}\"\ntype = \"{kind}\"\n"
        );
        let mut text = format!(
            "[source]\ntitle = \"Duckling {} corpus\"\npublisher = \"Duckling\"\n\
             published = {PUBLISHED}\n\n",
            dimension.duckling()
        );
        for (index, (start, example)) in claims.iter_mut().enumerate() {
            *start = text.len();
            let _ = writeln!(
                text,
                "[[claim]]\nsubject = \"phrase {index}\"\nproperty = \"{name}\"\nvalue = {}\n",
                toml::Value::String(example.phrase.clone())
            );
        }
        fs = fs.with(format!("claims/{name}.toml"), text);
    }
    (fs.with("rules.toml", rules), tables)
}

/// Feeds every example that is not excluded to factcheck and judges each reading.
pub fn measure(examples: &[Example]) -> Vec<Reading> {
    let published = day_of(civil_of(PUBLISHED));
    let (fs, tables) = dataset(examples);
    let request = Request {
        claims_dir: "claims".into(),
        rules: RulesPath::Default("rules.toml".into()),
        reviews: RulesPath::Default("reviews.toml".into()),
        access: Access::default(),
    };
    let checked = factcheck::check_in(&fs, &request, &Policy::default(), &mut |_| {});
    let files = &checked.dataset.files;

    // A span's claim: its dimension's file, and the last claim table starting at or before it.
    let place = |file, offset: u32| -> Option<(Dimension, usize)> {
        let path = &files.get(file).path;
        let (dimension, starts) = tables
            .iter()
            .find(|(d, _)| path.file_stem().is_some_and(|s| s == d.category()))?;
        let index = starts.partition_point(|(start, _)| *start <= offset as usize);
        Some((*dimension, index.checked_sub(1)?))
    };
    let mut findings: BTreeMap<(Dimension, usize), Vec<&Finding>> = BTreeMap::new();
    for finding in &checked.findings {
        if let Some(at) = finding
            .locations
            .first()
            .and_then(|l| place(l.span.file, l.span.start))
        {
            findings.entry(at).or_default().push(finding);
        }
    }
    let values: BTreeMap<(Dimension, usize), &Value> = checked
        .dataset
        .claims
        .iter()
        .filter_map(|c| Some((place(c.span.file, c.span.start)?, &c.value)))
        .collect();

    let mut readings = Vec::new();
    for (dimension, starts) in &tables {
        for (index, (_, example)) in starts.iter().enumerate() {
            let at = (*dimension, index);
            let mut notes: Vec<String> = findings
                .get(&at)
                .into_iter()
                .flatten()
                .map(|f| format!("{}: {}", f.code.as_str(), f.message))
                .collect();
            let (verdict, said, why) = match values.get(&at) {
                None => {
                    let said = if notes.is_empty() {
                        "(no finding says why)".to_owned()
                    } else {
                        notes.remove(0)
                    };
                    (Verdict::Refused, said, None)
                }
                Some(Value::Date(date)) => {
                    let (verdict, why) =
                        judge_date(&example.phrase, &example.expected, date, published);
                    (verdict, date.describe(), why)
                }
                Some(Value::Number(quantity)) => {
                    let (mut verdict, mut why) =
                        judge_amount(&example.phrase, &example.expected, quantity);
                    if verdict == Verdict::Differently(None)
                        && one_letter_unit(&example.phrase, quantity)
                    {
                        verdict = Verdict::Differently(Some(ONE_LETTER_UNITS));
                        why = Some(
                            "the one-letter unit read as factcheck spells it out, Duckling \
                             otherwise"
                                .to_owned(),
                        );
                    }
                    (verdict, quantity.describe(), why)
                }
                Some(other) => (
                    Verdict::Differently(None),
                    format!("{other:?}"),
                    Some("not read as a date or a number".to_owned()),
                ),
            };
            let left_open = verdict == Verdict::Refused
                && said.starts_with("factcheck::number::ambiguous")
                && left_open_as_duckling(&example.phrase, &example.expected);
            readings.push(Reading {
                example: (*example).clone(),
                verdict,
                said,
                why,
                notes,
                left_open,
            });
        }
    }
    readings
}

fn civil_of(text: &str) -> Civil {
    let mut parts = text.split('-').map(|p| p.parse::<u32>().unwrap_or(1));
    let year = parts.next().unwrap_or(1);
    Civil {
        year: i32::try_from(year).unwrap_or(1),
        month: parts.next().unwrap_or(1),
        day: parts.next().unwrap_or(1),
    }
}

fn date_of(civil: Civil) -> NaiveDate {
    NaiveDate::from_ymd_opt(civil.year, civil.month, civil.day).unwrap_or_default()
}

/// factcheck's day number of a civil date.
fn day_of(civil: Civil) -> i32 {
    date_of(civil).num_days_from_ce()
}

/// The days, first and last, of the grain period that starts at `at`.
fn period(at: Civil, grain: Grain) -> (i32, i32) {
    let start = date_of(at);
    let after = match grain {
        Grain::Week => start + chrono::Days::new(7),
        Grain::Month => start + Months::new(1),
        Grain::Quarter => start + Months::new(3),
        Grain::Year => start + Months::new(12),
        _ => start + chrono::Days::new(1),
    };
    (start.num_days_from_ce(), after.num_days_from_ce() - 1)
}

/// Duckling's reading of a date as the days it names, first and last.
fn duckling_days(expected: &Expected) -> Option<(i32, i32)> {
    match expected {
        Expected::Instant { at, grain } => Some(period(*at, *grain)),
        // Duckling's intervals end before `to`.
        Expected::Interval { from, to, .. } => Some((day_of(*from), day_of(*to) - 1)),
        _ => None,
    }
}

/// A date reading against Duckling's.
///
/// Read as Duckling reads it when factcheck's interval, widened by its margin, contains every
/// day of Duckling's (the instant's grain period: the day, the Monday-to-Sunday week, the
/// month, the quarter, the year; or the interval up to but excluding its end). When it is more
/// than twice as long as Duckling's (as stated, without an approximation's widening), or open,
/// it is read as Duckling reads it *less precisely* ("next Saturday" as either of two
/// Saturdays, "EOM" as the whole month), counted within "read as Duckling" and listed apart.
/// An open interval ("since 2014", "through 2014") reads as Duckling's when the same side is
/// open and the closed end falls within the grain period Duckling names or next to it
/// (Duckling writes "after 2014" and "since 2014" both as from 2014-01-01, and "through 2014"
/// as before 2014-01-01); an open end closed at the publication date counts as open.
pub fn judge_date(
    phrase: &str,
    expected: &Expected,
    date: &DateValue,
    published: i32,
) -> (Verdict, Option<String>) {
    if let Expected::Open { after, at, grain } = expected {
        let (first, last) = period(*at, *grain);
        let matches = if *after {
            (first..=last + 1).contains(&date.earliest.0)
                && (date.latest == UNBOUNDED_END || date.latest.0 >= published)
        } else {
            date.earliest == UNBOUNDED_START && (first - 1..=last).contains(&date.latest.0)
        };
        return if matches {
            (Verdict::AsDuckling, None)
        } else {
            (Verdict::Differently(None), None)
        };
    }
    let Some(duckling) = duckling_days(expected) else {
        return (
            Verdict::Differently(None),
            Some("no date expected".to_owned()),
        );
    };
    if contains(date, duckling) {
        let bounded = date.earliest != UNBOUNDED_START && date.latest != UNBOUNDED_END;
        return if bounded && stated_length(date) <= 2 * length(duckling) {
            (Verdict::AsDuckling, None)
        } else {
            (
                Verdict::LessPrecise,
                Some("holds Duckling's reading, and more".to_owned()),
            )
        };
    }
    if is_previous_occurrence(phrase, date, duckling, published) {
        return (
            Verdict::Differently(Some(PREVIOUS_OCCURRENCE)),
            Some("the same pattern on or before publication, Duckling's after it".to_owned()),
        );
    }
    if is_astronomical_season(expected) && is_meteorological_season(date) {
        let shared = i64::from(date.latest.0.min(duckling.1))
            - i64::from(date.earliest.0.max(duckling.0))
            + 1;
        if 2 * shared >= length(duckling) {
            return (
                Verdict::Differently(Some(SEASON_BOUNDARIES)),
                Some("the season in whole months, Duckling's from solstice to equinox".to_owned()),
            );
        }
    }
    let why = if overlaps(date, duckling) {
        "overlaps Duckling's"
    } else {
        "disjoint from Duckling's"
    };
    (Verdict::Differently(None), Some(why.to_owned()))
}

/// Whether factcheck read the previous occurrence of the pattern Duckling reads the next one
/// of (README, "previous occurrence"): the phrase names a calendar pattern alone (see
/// [`picks_an_occurrence`]); factcheck's reading ends on or before the publication date and
/// Duckling's starts after it; both are as long; and they agree on every part the phrase
/// names: the weekday, the month, the day of the month.
fn is_previous_occurrence(
    phrase: &str,
    date: &DateValue,
    duckling: (i32, i32),
    published: i32,
) -> bool {
    let (Some(ours), Some(theirs)) = (
        NaiveDate::from_num_days_from_ce_opt(date.earliest.0),
        NaiveDate::from_num_days_from_ce_opt(duckling.0),
    ) else {
        return false;
    };
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let names_weekday = words.iter().any(|w| weekday_word(w));
    let names_month = words.iter().any(|w| month_word(w));
    let names_day = words.iter().any(|w| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty()
            && digits.len() <= 2
            && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    });
    !picks_an_occurrence(&words)
        && date.latest.0 <= published
        && duckling.0 > published
        && stated_length(date) == length(duckling)
        && (!names_weekday || ours.weekday() == theirs.weekday())
        && (!names_month || ours.month() == theirs.month())
        && (!names_day || ours.day() == theirs.day())
}

/// Whether a phrase picks an occurrence itself rather than naming a pattern: a year (four
/// digits), a unit counted ("in a week", "3 years"; not "the third quarter"), a word relative
/// to now ("next", "this",
/// "coming", "past", "previous", "ago", "hence", "today"...), or "last" that is not "the last X
/// of/in Y" ("last Tuesday" picks; "last Monday of March" names a pattern).
fn picks_an_occurrence(words: &[&str]) -> bool {
    const RELATIVE: [&str; 15] = [
        "this",
        "next",
        "coming",
        "upcoming",
        "past",
        "previous",
        "ago",
        "hence",
        "now",
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "current",
        "following",
    ];
    const UNITS: [&str; 12] = [
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "yr",
        "quarter",
        "quarters",
        "fortnight",
    ];
    let last_of = words
        .iter()
        .position(|w| *w == "last")
        .is_some_and(|i| words[i..].iter().any(|w| matches!(*w, "of" | "in")));
    let counted = |i: usize| {
        i.checked_sub(1)
            .and_then(|before| words.get(before))
            .is_some_and(|w| is_cardinal(w))
    };
    words.iter().enumerate().any(|(i, w)| {
        RELATIVE.contains(w)
            || (UNITS.contains(w) && counted(i))
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            || (*w == "last" && !last_of)
    })
}

/// A count before a unit: digits, "a", "an", "one" to "twelve", "few", "several", "couple".
fn is_cardinal(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            word,
            "a" | "an"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "few"
                | "several"
                | "couple"
        )
}

fn weekday_word(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "mon"
            | "tuesday"
            | "tue"
            | "tues"
            | "wednesday"
            | "wed"
            | "thursday"
            | "thu"
            | "thur"
            | "thurs"
            | "friday"
            | "fri"
            | "saturday"
            | "sat"
            | "sunday"
            | "sun"
    )
}

fn month_word(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "jan"
            | "february"
            | "feb"
            | "march"
            | "mar"
            | "april"
            | "apr"
            | "may"
            | "june"
            | "jun"
            | "july"
            | "jul"
            | "august"
            | "aug"
            | "september"
            | "sep"
            | "sept"
            | "october"
            | "oct"
            | "november"
            | "nov"
            | "december"
            | "dec"
    )
}

/// Days in an interval of days, both ends included.
fn length((first, last): (i32, i32)) -> i64 {
    i64::from(last) - i64::from(first) + 1
}

/// Days a date was stated to span: an approximation's widening left out.
fn stated_length(date: &DateValue) -> i64 {
    let widening = if date.approximate {
        2 * i64::from(date.margin)
    } else {
        0
    };
    (length((date.earliest.0, date.latest.0)) - widening).max(1)
}

/// Duckling's season: an interval from about the 20th of March, June, September or December to
/// about the 20th three months later.
fn is_astronomical_season(expected: &Expected) -> bool {
    let near_turn = |c: Civil| c.month % 3 == 0 && (19..=24).contains(&c.day);
    match expected {
        Expected::Interval { from, to, .. } => {
            let months = (to.year - from.year) * 12 + i32::try_from(to.month).unwrap_or(0)
                - i32::try_from(from.month).unwrap_or(0);
            near_turn(*from) && near_turn(*to) && months == 3
        }
        _ => false,
    }
}

/// A reading of three whole months starting in March, June, September or December.
fn is_meteorological_season(date: &DateValue) -> bool {
    let (Some(first), Some(last)) = (
        NaiveDate::from_num_days_from_ce_opt(date.earliest.0),
        NaiveDate::from_num_days_from_ce_opt(date.latest.0),
    ) else {
        return false;
    };
    first.day() == 1 && first.month() % 3 == 0 && last.succ_opt() == Some(first + Months::new(3))
}

fn widened(date: &DateValue) -> (i64, i64) {
    let margin = i64::from(date.margin);
    let low = if date.earliest == UNBOUNDED_START {
        i64::MIN
    } else {
        i64::from(date.earliest) - margin
    };
    let high = if date.latest == UNBOUNDED_END {
        i64::MAX
    } else {
        i64::from(date.latest) + margin
    };
    (low, high)
}

fn contains(date: &DateValue, (first, last): (i32, i32)) -> bool {
    let (low, high) = widened(date);
    low <= i64::from(first) && i64::from(last) <= high
}

fn overlaps(date: &DateValue, (first, last): (i32, i32)) -> bool {
    let (low, high) = widened(date);
    low <= i64::from(last) && i64::from(first) <= high
}

/// A unit as a linear map to its kind's canonical unit: `canonical = value · factor + offset`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scale {
    kind: Kind,
    factor: f64,
    offset: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Metres.
    Length,
    /// Kilograms.
    Mass,
    /// Litres.
    Volume,
    /// Days.
    Duration,
    /// Kelvin.
    Temperature,
}

const fn linear(kind: Kind, factor: f64) -> Scale {
    Scale {
        kind,
        factor,
        offset: 0.0,
    }
}

const CELSIUS: Scale = Scale {
    kind: Kind::Temperature,
    factor: 1.0,
    offset: 273.15,
};
const FAHRENHEIT: Scale = Scale {
    kind: Kind::Temperature,
    factor: 5.0 / 9.0,
    offset: 273.15 - 32.0 * 5.0 / 9.0,
};
/// The mean Gregorian year, in days.
const YEAR_DAYS: f64 = 365.2425;

/// Duckling's units, each with the readings it allows (an ambiguous unit allows several).
///
/// `M` is Duckling's ambiguous "m" (metres or miles); `Degree` leaves the scale open (Celsius
/// or Fahrenheit); a gallon is the US or the imperial one; a cup is the US cup.
fn duckling_unit(unit: &str) -> Vec<Scale> {
    use Kind::{Length, Mass, Volume};
    match unit {
        "Kilometre" => vec![linear(Length, 1000.0)],
        "Metre" => vec![linear(Length, 1.0)],
        "Centimetre" => vec![linear(Length, 0.01)],
        "Millimetre" => vec![linear(Length, 0.001)],
        "Mile" => vec![linear(Length, 1609.344)],
        "Yard" => vec![linear(Length, 0.9144)],
        "Foot" => vec![linear(Length, 0.3048)],
        "Inch" => vec![linear(Length, 0.0254)],
        "M" => vec![linear(Length, 1.0), linear(Length, 1609.344)],
        "Gram" => vec![linear(Mass, 0.001)],
        "Pound" => vec![linear(Mass, 0.453_592_37)],
        "Ounce" => vec![linear(Mass, 0.028_349_523_125)],
        "Litre" => vec![linear(Volume, 1.0)],
        "Millilitre" => vec![linear(Volume, 0.001)],
        "Hectolitre" => vec![linear(Volume, 100.0)],
        "Gallon" => vec![linear(Volume, 3.785_411_784), linear(Volume, 4.546_09)],
        "Cup" => vec![linear(Volume, 0.236_588_236_5)],
        "Celsius" => vec![CELSIUS],
        "Fahrenheit" => vec![FAHRENHEIT],
        "Degree" => vec![CELSIUS, FAHRENHEIT],
        _ => Vec::new(),
    }
}

/// factcheck's base unit of a measure dimension, by the name it shows. Base units the harness
/// does not know make the reading "read differently" with the reason, so that a new dimension
/// is noticed here.
fn factcheck_base(base: &str) -> Option<Scale> {
    use Kind::{Duration, Length, Mass, Volume};
    Some(match base {
        "m" => linear(Length, 1.0),
        "kg" => linear(Mass, 1.0),
        "g" => linear(Mass, 0.001),
        "l" | "L" | "litre" | "litres" | "liter" | "liters" => linear(Volume, 1.0),
        "m³" | "m3" => linear(Volume, 1000.0),
        "days" | "day" => linear(Duration, 1.0),
        "s" | "seconds" => linear(Duration, 1.0 / 86_400.0),
        "°C" | "C" | "celsius" => CELSIUS,
        "°F" | "F" | "fahrenheit" => FAHRENHEIT,
        "K" | "kelvin" => Scale {
            kind: Kind::Temperature,
            factor: 1.0,
            offset: 0.0,
        },
        _ => return None,
    })
}

fn grain_days(grain: Grain) -> f64 {
    match grain {
        Grain::Second => 1.0 / 86_400.0,
        Grain::Minute => 1.0 / 1_440.0,
        Grain::Hour => 1.0 / 24.0,
        Grain::Day => 1.0,
        Grain::Week => 7.0,
        Grain::Month => YEAR_DAYS / 12.0,
        Grain::Quarter => YEAR_DAYS / 4.0,
        Grain::Year => YEAR_DAYS,
    }
}

fn convert(range: Range, from: Scale, to: Scale) -> Range {
    let map = |v: f64| (v * from.factor + from.offset - to.offset) / to.factor;
    match range {
        Range::Exact(v) => Range::Exact(map(v)),
        Range::Between(a, b) => Range::Between(map(a), map(b)),
        Range::Under(v) => Range::Under(map(v)),
        Range::Above(v) => Range::Above(map(v)),
    }
}

/// Whether a quantity's numbers are Duckling's range, in the same unit.
///
/// A point is read as Duckling's when factcheck's range, widened by its tolerance, holds it
/// (both ends finite); a range when both ends are Duckling's within the tolerance; "under v"
/// when the upper end is v (the lower end is open or zero); "above v" when the lower end is v
/// and the upper end open. `relative` is extra slack as a fraction of the value (calendar
/// units of varying length); a further 1e-9 absorbs rounding.
fn numbers_match(quantity: &Quantity, range: Range, relative: f64) -> bool {
    let slack = |v: f64| quantity.tolerance + (1e-9 + relative) * v.abs().max(1e-9);
    let near = |x: f64, v: f64| (x - v).abs() <= slack(v);
    let (low, high) = (quantity.low, quantity.high);
    match range {
        Range::Exact(v) => {
            low.is_finite() && high.is_finite() && low - slack(v) <= v && v <= high + slack(v)
        }
        Range::Between(a, b) => near(low, a) && near(high, b),
        Range::Under(v) => near(high, v) && low < v,
        Range::Above(v) => near(low, v) && high == f64::INFINITY,
    }
}

/// An amount reading against Duckling's.
///
/// - a numeral: no unit, and the number (see [`numbers_match`]);
/// - money: the currency (Duckling's generic `Dollar` is factcheck's ambiguous dollar or USD;
///   its generic `Pound`, `Dinar`, `Riyal`, `Rial` any currency of that name; `Unnamed`
///   ("bucks") and `Cent` any currency, cents as hundredths) and the amount;
/// - a measure: the dimension, and the amount converted to factcheck's base unit (metres,
///   kilograms, days…). Duckling's product ("of meat") is not compared: factcheck's quantity
///   has no place for it;
/// - a duration: the number of days (a month is 365.2425 / 12 days, a quarter and a year
///   accordingly, within 0.1 %).
pub fn judge_amount(
    phrase: &str,
    expected: &Expected,
    quantity: &Quantity,
) -> (Verdict, Option<String>) {
    let differently = |why: String| (Verdict::Differently(None), Some(why));
    let (own_range, relative) = match expected {
        Expected::Number(v) => (Range::Exact(*v), 0.0),
        Expected::Duration { value, grain } => (
            Range::Exact(*value),
            if matches!(grain, Grain::Month | Grain::Quarter | Grain::Year)
                || counts_calendar_units(phrase)
            {
                1e-3
            } else {
                0.0
            },
        ),
        Expected::Amount { range, .. } => (*range, 0.0),
        _ => return differently("no amount expected".to_owned()),
    };
    match (&quantity.unit, expected) {
        (Unit::None, Expected::Number(_)) => {
            if numbers_match(quantity, own_range, 0.0) {
                (Verdict::AsDuckling, None)
            } else {
                differently("another number".to_owned())
            }
        }
        (_, Expected::Number(_)) => differently("a unit where Duckling reads a bare number".into()),
        (Unit::Count(noun), _) => {
            if plain_word_matches(expected, own_range, relative, noun, quantity) {
                (Verdict::PlainWord, None)
            } else {
                differently(format!("another number of `{noun}`"))
            }
        }
        (Unit::None, _) => differently("no unit".to_owned()),
        (Unit::Currency(currency), Expected::Amount { unit, range, .. }) => {
            let Some(range) = money_in(unit, *range, currency) else {
                return differently(format!("another currency than Duckling's {unit}"));
            };
            if numbers_match(quantity, range, 0.0) {
                (Verdict::AsDuckling, None)
            } else if scaled_on_both_ends(quantity, range) {
                scale_convention()
            } else {
                differently("another amount".to_owned())
            }
        }
        (Unit::Currency(_), _) => differently("money".to_owned()),
        (Unit::Measure(dimension), _) => {
            let base = dimension.base_unit();
            let Some(to) = factcheck_base(base) else {
                return differently(format!("the harness does not know the base unit `{base}`"));
            };
            let alternatives = match expected {
                Expected::Duration { grain, .. } => {
                    vec![linear(Kind::Duration, grain_days(*grain))]
                }
                Expected::Amount { unit, .. } => duckling_unit(unit),
                _ => Vec::new(),
            };
            let same_kind: Vec<Scale> = alternatives
                .into_iter()
                .filter(|from| from.kind == to.kind)
                .collect();
            if same_kind.is_empty() {
                return differently(format!("another dimension ({base})"));
            }
            let ranges = same_kind.iter().map(|from| convert(own_range, *from, to));
            if ranges.clone().any(|r| numbers_match(quantity, r, relative)) {
                (Verdict::AsDuckling, None)
            } else if ranges.clone().any(|r| scaled_on_both_ends(quantity, r)) {
                scale_convention()
            } else {
                differently("another amount".to_owned())
            }
        }
        // A percentage, or a unit the model gains later.
        (unit, _) => differently(format!("read as {}", unit.describe())),
    }
}

/// Whether a phrase counts in years, months or quarters, whose lengths in days are conventions
/// (Duckling's year is 365 days, factcheck's 365.25).
fn counts_calendar_units(phrase: &str) -> bool {
    phrase
        .to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .any(|w| {
            matches!(
                w,
                "year" | "years" | "yr" | "yrs" | "month" | "months" | "quarter" | "quarters"
            )
        })
}

/// Whether factcheck reads the phrase as it reads the phrase with its one-letter unit spelt
/// out as factcheck's convention has it ("3k" as "3 thousand", "1m and 1ft" as "1 metres and
/// 1ft", "30 l" as "30 litres", ".0012G" as ".0012 grams"): the letter right after a number
/// (glued or after one space) and before the end or a space.
fn one_letter_unit(phrase: &str, quantity: &Quantity) -> bool {
    let Some(spelt) = spell_out_letter(phrase) else {
        return false;
    };
    let Ok(spelt) = parse_number(&spelt) else {
        return false;
    };
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    spelt.unit == quantity.unit
        && close(spelt.low, quantity.low)
        && close(spelt.high, quantity.high)
}

/// The phrase with its first one-letter unit after a number spelt out.
fn spell_out_letter(phrase: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = phrase.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let spelt = match c.to_ascii_lowercase() {
            'k' => "thousand",
            'm' => "metres",
            'l' => "litres",
            'g' => "grams",
            _ => continue,
        };
        let before = |n: usize| i.checked_sub(n).and_then(|j| chars.get(j)).map(|&(_, c)| c);
        let after_number = before(1).is_some_and(|b| b.is_ascii_digit())
            || (before(1) == Some(' ') && before(2).is_some_and(|b| b.is_ascii_digit()));
        let ends_word = chars.get(i + 1).is_none_or(|&(_, next)| next == ' ');
        if after_number && ends_word {
            let rest = &phrase[at + c.len_utf8()..];
            return Some(format!("{} {spelt}{rest}", phrase[..at].trim_end()));
        }
    }
    None
}

/// Whether a phrase factcheck reports ambiguous is ambiguous between exactly the readings
/// Duckling's own unit leaves open: Duckling's `Degree` is Celsius or Fahrenheit, and
/// factcheck's readings of "45 degrees" are 45 °C and 45 °F, one for each. Duckling's `M`
/// (metres or miles) is not factcheck's "m" (metres or a million).
fn left_open_as_duckling(phrase: &str, expected: &Expected) -> bool {
    let Expected::Amount { unit, range, .. } = expected else {
        return false;
    };
    let alternatives = duckling_unit(unit);
    let Ok(reading) = read_number(phrase) else {
        return false;
    };
    if alternatives.len() < 2
        || reading.default.is_some()
        || reading.readings.len() != alternatives.len()
    {
        return false;
    }
    let matches = |from: &Scale, quantity: &Quantity| {
        let Unit::Measure(dimension) = &quantity.unit else {
            return false;
        };
        factcheck_base(dimension.base_unit()).is_some_and(|to| {
            from.kind == to.kind && numbers_match(quantity, convert(*range, *from, to), 0.0)
        })
    };
    alternatives
        .iter()
        .all(|from| reading.readings.iter().any(|q| matches(from, q)))
        && reading
            .readings
            .iter()
            .all(|q| alternatives.iter().any(|from| matches(from, q)))
}

/// Whether factcheck's range is Duckling's `a..b` with the scale of `b` applied to `a` too
/// ("7-9 lakh rupees" is 700,000–900,000; Duckling reads 7 to 900,000).
fn scaled_on_both_ends(quantity: &Quantity, range: Range) -> bool {
    let Range::Between(low, high) = range else {
        return false;
    };
    (1..=12).any(|power| {
        let scaled = low * 10f64.powi(power);
        scaled <= high && numbers_match(quantity, Range::Between(scaled, high), 0.0)
    })
}

fn scale_convention() -> (Verdict, Option<String>) {
    (
        Verdict::Differently(Some(SCALE_ON_BOTH_ENDS)),
        Some("the scale word applies to both ends of the range, Duckling's to the last".to_owned()),
    )
}

/// Whether a count of `noun` is Duckling's amount: the number Duckling gives in its own unit
/// ("10 cent", "42 kuwaiti dinar", "2 more minute"), or the number times the unit the noun
/// names ("2,000 milligram" is Duckling's 2 grams, "15.5 minute" its 930 seconds).
fn plain_word_matches(
    expected: &Expected,
    own_range: Range,
    relative: f64,
    noun: &str,
    quantity: &Quantity,
) -> bool {
    if numbers_match(quantity, own_range, relative) {
        return true;
    }
    let duckling = match expected {
        Expected::Duration { grain, .. } => vec![linear(Kind::Duration, grain_days(*grain))],
        Expected::Amount { unit, .. } => duckling_unit(unit),
        _ => Vec::new(),
    };
    let written = unit_word(noun);
    duckling.iter().any(|from| {
        written.iter().any(|to| {
            from.kind == to.kind
                && numbers_match(quantity, convert(own_range, *from, *to), relative)
        })
    })
}

/// The units a counted noun names, as the harness reads it: the words of Duckling's
/// dimensions, singular or plural, with dots dropped ("k.g."), the part before "of" ("cup of
/// sugar") and the last word ("degrees celsius").
fn unit_word(noun: &str) -> Vec<Scale> {
    use Kind::{Duration, Length, Mass, Volume};
    let noun = noun.to_lowercase().replace('.', "");
    let noun = noun
        .split(" of ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let last = noun.rsplit(' ').next().unwrap_or_default().to_owned();
    let candidates = [
        noun.clone(),
        noun.strip_suffix('s').unwrap_or(&noun).to_owned(),
        last.clone(),
        last.strip_suffix('s').unwrap_or(&last).to_owned(),
    ];
    for word in candidates {
        let scale = match word.as_str() {
            "km" | "kilometre" | "kilometer" => vec![linear(Length, 1000.0)],
            "m" | "metre" | "meter" => vec![linear(Length, 1.0)],
            "cm" | "centimetre" | "centimeter" => vec![linear(Length, 0.01)],
            "mm" | "millimetre" | "millimeter" => vec![linear(Length, 0.001)],
            "mi" | "mile" => vec![linear(Length, 1609.344)],
            "yd" | "yard" => vec![linear(Length, 0.9144)],
            "ft" | "foot" | "feet" => vec![linear(Length, 0.3048)],
            "in" | "inch" | "inche" => vec![linear(Length, 0.0254)],
            "mg" | "milligram" => vec![linear(Mass, 1e-6)],
            "g" | "gram" => vec![linear(Mass, 0.001)],
            "kg" | "kilogram" => vec![linear(Mass, 1.0)],
            "lb" | "pound" => vec![linear(Mass, 0.453_592_37)],
            "oz" | "ounce" => vec![linear(Mass, 0.028_349_523_125)],
            "ml" | "millilitre" | "milliliter" => vec![linear(Volume, 0.001)],
            "l" | "litre" | "liter" => vec![linear(Volume, 1.0)],
            "hl" | "hectolitre" | "hectoliter" => vec![linear(Volume, 100.0)],
            "gal" | "gallon" => vec![linear(Volume, 3.785_411_784), linear(Volume, 4.546_09)],
            "cup" => vec![linear(Volume, 0.236_588_236_5)],
            "sec" | "second" => vec![linear(Duration, grain_days(Grain::Second))],
            "min" | "minute" => vec![linear(Duration, grain_days(Grain::Minute))],
            "h" | "hr" | "hour" => vec![linear(Duration, grain_days(Grain::Hour))],
            "day" => vec![linear(Duration, 1.0)],
            "week" => vec![linear(Duration, 7.0)],
            "month" => vec![linear(Duration, grain_days(Grain::Month))],
            "quarter" => vec![linear(Duration, grain_days(Grain::Quarter))],
            "year" => vec![linear(Duration, YEAR_DAYS)],
            "celsius" | "c" | "°c" => vec![CELSIUS],
            "fahrenheit" | "f" | "°f" => vec![FAHRENHEIT],
            "degree" | "deg" | "°" => vec![CELSIUS, FAHRENHEIT],
            _ => continue,
        };
        return scale;
    }
    Vec::new()
}

/// Duckling's money range in factcheck's currency, when the currencies are compatible.
fn money_in(unit: &str, range: Range, currency: &Currency) -> Option<Range> {
    // The code, or the sign of a currency the text leaves ambiguous ("$", "¥", "Rs"...).
    let code = currency.symbol();
    let compatible = match unit {
        "Unnamed" | "Cent" => true,
        "Dollar" => matches!(code, "$" | "USD"),
        "Pound" => matches!(
            code,
            "GBP" | "EGP" | "LBP" | "SYP" | "SDG" | "SSP" | "FKP" | "GIP" | "SHP"
        ),
        "Dinar" => matches!(
            code,
            "BHD" | "DZD" | "IQD" | "JOD" | "KWD" | "LYD" | "MKD" | "RSD" | "TND"
        ),
        "Riyal" => matches!(code, "SAR" | "QAR" | "OMR" | "YER"),
        "Rial" => matches!(code, "IRR" | "OMR" | "YER"),
        "CNY" | "JPY" => code == unit || code == "¥",
        "INR" | "PKR" | "LKR" | "NPR" => code == unit || code == "Rs",
        iso => code == iso,
    };
    if !compatible {
        return None;
    }
    Some(if unit == "Cent" {
        let map = |v: f64| v / 100.0;
        match range {
            Range::Exact(v) => Range::Exact(map(v)),
            Range::Between(a, b) => Range::Between(map(a), map(b)),
            Range::Under(v) => Range::Under(map(v)),
            Range::Above(v) => Range::Above(map(v)),
        }
    } else {
        range
    })
}

/// The counts of one category's readings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub phrases: usize,
    pub refused: usize,
    /// Of `refused`, those left open as Duckling leaves them.
    pub left_open: usize,
    /// Read as Duckling reads it, less precisely included.
    pub as_duckling: usize,
    /// Of `as_duckling`, those read less precisely.
    pub less_precise: usize,
    pub plain_word: usize,
    pub differently: usize,
    /// Of `differently`, those a documented convention explains, by convention.
    pub conventions: BTreeMap<&'static str, usize>,
}

impl Counts {
    pub fn of<'a>(readings: impl IntoIterator<Item = &'a Reading>) -> Counts {
        let mut counts = Counts::default();
        for reading in readings {
            counts.phrases += 1;
            match reading.verdict {
                Verdict::Refused => {
                    counts.refused += 1;
                    counts.left_open += usize::from(reading.left_open);
                }
                Verdict::AsDuckling => counts.as_duckling += 1,
                Verdict::LessPrecise => {
                    counts.as_duckling += 1;
                    counts.less_precise += 1;
                }
                Verdict::PlainWord => counts.plain_word += 1,
                Verdict::Differently(convention) => {
                    counts.differently += 1;
                    if let Some(convention) = convention {
                        *counts.conventions.entry(convention).or_default() += 1;
                    }
                }
            }
        }
        counts
    }

    /// "182 (40 less precisely)".
    pub fn as_duckling_text(&self) -> String {
        if self.less_precise == 0 {
            self.as_duckling.to_string()
        } else {
            format!(
                "{} ({} less precisely)",
                self.as_duckling, self.less_precise
            )
        }
    }

    /// "16 (11 %)", "15 (47 %; 13 left open as Duckling leaves it)": the share of the
    /// phrases, rounded to the nearest whole percent.
    pub fn refused_text(&self) -> String {
        let share = if self.phrases == 0 {
            0
        } else {
            (200 * self.refused + self.phrases) / (2 * self.phrases)
        };
        if self.left_open == 0 {
            format!("{} ({share} %)", self.refused)
        } else {
            format!(
                "{} ({share} %; {} left open as Duckling leaves it)",
                self.refused, self.left_open
            )
        }
    }

    /// Read differently by a documented convention.
    pub fn by_convention(&self) -> usize {
        self.conventions.values().sum()
    }

    /// "22 (15 previous occurrence, 6 precision of the unit counted)".
    pub fn differently_text(&self) -> String {
        if self.conventions.is_empty() {
            return self.differently.to_string();
        }
        let parts: Vec<String> = self
            .conventions
            .iter()
            .map(|(name, n)| format!("{n} {name}"))
            .collect();
        format!("{} ({})", self.differently, parts.join(", "))
    }
}

/// The rows of the table: the five categories.
pub const ROWS: [(&str, &[Dimension]); 5] = [
    ("dates (no clock time, no holiday)", &[Dimension::Time]),
    ("money", &[Dimension::AmountOfMoney]),
    ("distance", &[Dimension::Distance]),
    ("numeral", &[Dimension::Numeral]),
    (
        "quantity / duration / volume / temperature",
        &[
            Dimension::Quantity,
            Dimension::Duration,
            Dimension::Volume,
            Dimension::Temperature,
        ],
    ),
];

/// The counts of the readings of some dimensions.
pub fn counts(readings: &[Reading], dimensions: &[Dimension]) -> Counts {
    Counts::of(
        readings
            .iter()
            .filter(|r| dimensions.contains(&r.example.dimension)),
    )
}

/// The table, in Markdown, with a breakdown of the last row by dimension.
pub fn table(readings: &[Reading]) -> String {
    let mut out = String::from(
        "| category | phrases | refused | read as Duckling reads it | unit kept as a plain word | read differently |\n\
         | --- | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let row = |out: &mut String, name: &str, dimensions: &[Dimension]| {
        let c = counts(readings, dimensions);
        let plain = if dimensions == [Dimension::Time] || dimensions == [Dimension::Numeral] {
            "–".to_owned()
        } else {
            c.plain_word.to_string()
        };
        let differently = c.differently_text();
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {plain} | {differently} |",
            c.phrases,
            c.refused_text(),
            c.as_duckling_text()
        );
    };
    for (name, dimensions) in ROWS {
        row(&mut out, name, dimensions);
    }
    for dimension in ROWS[4].1 {
        row(
            &mut out,
            &format!("  of which {}", dimension.category()),
            &[*dimension],
        );
    }
    out
}

/// One category's to-do list: every phrase not read exactly as Duckling reads it, grouped by
/// verdict, with Duckling's reading and what factcheck said.
pub fn list(readings: &[Reading], dimension: Dimension, header: &str) -> String {
    let mine: Vec<&Reading> = readings
        .iter()
        .filter(|r| r.example.dimension == dimension)
        .collect();
    let c = Counts::of(mine.iter().copied());
    let mut out = format!(
        "{header}\n# {}: {} phrases, {} refused, {} read as Duckling, {} unit kept as a plain word, \
         {} read differently\n",
        dimension.category(),
        c.phrases,
        c.refused_text(),
        c.as_duckling_text(),
        c.plain_word,
        c.differently_text(),
    );
    let section = |verdict| match verdict {
        Verdict::Refused => Some("REFUSED"),
        Verdict::Differently(None) => Some("READ DIFFERENTLY"),
        Verdict::Differently(Some(_)) => Some("READ DIFFERENTLY BY A CONVENTION"),
        Verdict::PlainWord => Some("UNIT KEPT AS A PLAIN WORD"),
        Verdict::LessPrecise => Some("READ AS DUCKLING, LESS PRECISELY"),
        Verdict::AsDuckling => None,
    };
    for title in [
        "REFUSED",
        "READ DIFFERENTLY",
        "READ DIFFERENTLY BY A CONVENTION",
        "UNIT KEPT AS A PLAIN WORD",
        "READ AS DUCKLING, LESS PRECISELY",
    ] {
        let chosen: Vec<&&Reading> = mine
            .iter()
            .filter(|r| section(r.verdict) == Some(title))
            .collect();
        let _ = writeln!(out, "\n## {title} ({})\n", chosen.len());
        for reading in chosen {
            let _ = writeln!(
                out,
                "{}\n    line {}, Duckling: {}\n    factcheck: {}",
                reading.example.phrase,
                reading.example.line,
                reading.example.expected,
                reading.said.replace('\n', " ")
            );
            if let Some(why) = &reading.why {
                let _ = writeln!(out, "    why: {why}");
            }
            if reading.left_open {
                let _ = writeln!(out, "    left open as Duckling leaves it");
            }
            if let Some(form) = reading.example.shorthand {
                let _ = writeln!(out, "    shorthand: {form}");
            }
            for note in &reading.notes {
                let _ = writeln!(out, "    also: {}", note.replace('\n', " "));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use factcheck::normalize::date::parse_date;

    /// A date from first to last day, built from one factcheck reads (so that fields the model
    /// gains later keep their defaults).
    fn date(first: &str, last: &str, margin: u32) -> DateValue {
        let mut date = parse_date(first, None).unwrap();
        date.latest = factcheck::model::date::Day(day_of(civil_of(last)));
        date.margin = margin;
        date
    }

    fn instant(at: &str, grain: Grain) -> Expected {
        Expected::Instant {
            at: civil_of(at),
            grain,
        }
    }

    #[test]
    fn a_date_agrees_when_it_holds_duckling_days_and_is_not_much_vaguer() {
        let published = day_of(civil_of(PUBLISHED));
        let march = instant("2013-03-01", Grain::Month);
        let judge = |d: &DateValue| judge_date("March", &march, d, published).0;
        assert_eq!(
            judge(&date("2013-03-01", "2013-03-31", 0)),
            Verdict::AsDuckling
        );
        assert_eq!(
            judge(&date("2013-01-01", "2013-12-31", 0)),
            Verdict::LessPrecise,
            "a year is less precise than a month"
        );
        assert_eq!(
            judge(&date("2012-03-01", "2012-03-31", 0)),
            Verdict::Differently(Some(PREVIOUS_OCCURRENCE))
        );
        let monday = instant("2013-02-18", Grain::Day);
        assert_eq!(
            judge_date(
                "Monday",
                &monday,
                &date("2013-02-11", "2013-02-11", 0),
                published
            )
            .0,
            Verdict::Differently(Some(PREVIOUS_OCCURRENCE))
        );
        let one_week_early = date("2013-02-11", "2013-02-11", 0);
        assert_eq!(
            judge_date("next Monday", &monday, &one_week_early, published).0,
            Verdict::Differently(None),
            "a phrase that picks the occurrence is misread, not read by a convention"
        );
        let last_year = instant("2012-01-01", Grain::Year);
        assert_eq!(
            judge_date(
                "last year",
                &last_year,
                &date("2011-01-01", "2011-12-31", 0),
                published
            )
            .0,
            Verdict::Differently(None)
        );
        assert_eq!(
            judge_date(
                "Monday",
                &monday,
                &date("2013-02-17", "2013-02-17", 0),
                published
            )
            .0,
            Verdict::Differently(None)
        );
        let summer = Expected::Interval {
            from: civil_of("2013-06-21"),
            to: civil_of("2013-09-24"),
            grain: Grain::Day,
        };
        let june_to_august = date("2013-06-01", "2013-08-31", 0);
        assert_eq!(
            judge_date("this summer", &summer, &june_to_august, published).0,
            Verdict::Differently(Some(SEASON_BOUNDARIES))
        );
        let june = date("2013-06-01", "2013-06-30", 0);
        assert_eq!(
            judge_date("this summer", &summer, &june, published).0,
            Verdict::Differently(None)
        );
    }

    #[test]
    fn a_previous_occurrence_keeps_the_pattern_and_a_vaguer_reading_holds_duckling() {
        let published = day_of(civil_of(PUBLISHED));
        let last_friday_of_october = instant("2013-10-25", Grain::Day);
        assert_eq!(
            judge_date(
                "last friday of october",
                &last_friday_of_october,
                &date("2012-10-26", "2012-10-26", 0),
                published
            )
            .0,
            Verdict::Differently(Some(PREVIOUS_OCCURRENCE)),
            "the pattern's previous occurrence: a Friday in October"
        );
        assert_eq!(
            judge_date(
                "last friday of october",
                &last_friday_of_october,
                &date("2012-10-25", "2012-10-25", 0),
                published
            )
            .0,
            Verdict::Differently(None),
            "a Thursday is not the pattern"
        );
        let third_quarter = instant("2013-07-01", Grain::Quarter);
        let q3_2012 = date("2012-07-01", "2012-09-30", 0);
        assert_eq!(
            judge_date("third quarter", &third_quarter, &q3_2012, published).0,
            Verdict::Differently(Some(PREVIOUS_OCCURRENCE))
        );
        let in_two_quarters = instant("2013-07-01", Grain::Quarter);
        assert_eq!(
            judge_date("in 2 quarters", &in_two_quarters, &q3_2012, published).0,
            Verdict::Differently(None),
            "a count of units picks the occurrence"
        );
        let next_saturday = instant("2013-02-23", Grain::Day);
        assert_eq!(
            judge_date(
                "next saturday",
                &next_saturday,
                &date("2013-02-16", "2013-02-23", 0),
                published
            )
            .0,
            Verdict::LessPrecise
        );
        let week = instant("2013-02-11", Grain::Week);
        assert_eq!(
            judge_date(
                "this week",
                &week,
                &date("2013-02-11", "2013-02-17", 0),
                published
            )
            .0,
            Verdict::AsDuckling
        );
        let early_march = Expected::Interval {
            from: civil_of("2013-03-01"),
            to: civil_of("2013-03-11"),
            grain: Grain::Day,
        };
        assert_eq!(
            judge_date(
                "early March",
                &early_march,
                &date("2013-03-01", "2013-03-08", 3),
                published
            )
            .0,
            Verdict::AsDuckling,
            "within the margin"
        );
    }

    fn quantity(low: f64, high: f64, tolerance: f64, unit: Unit) -> Quantity {
        let mut quantity = parse_number("1").unwrap();
        quantity.low = low;
        quantity.high = high;
        quantity.tolerance = tolerance;
        quantity.unit = unit;
        quantity
    }

    #[test]
    fn amounts_compare_in_factcheck_base_unit_and_currency() {
        let miles = Expected::Amount {
            unit: "Mile".into(),
            range: Range::Under(3.5),
            product: None,
        };
        let length = Unit::Measure(factcheck::model::quantity::Dimension::Length);
        let metres = 3.5 * 1609.344;
        assert_eq!(
            judge_amount("", &miles, &quantity(0.0, metres, 0.0, length.clone())).0,
            Verdict::AsDuckling
        );
        assert_eq!(
            judge_amount("", &miles, &quantity(0.0, 3.5, 0.0, length)).0,
            Verdict::Differently(None)
        );
        assert_eq!(
            judge_amount(
                "",
                &miles,
                &quantity(0.0, 3.5, 0.0, Unit::Count("mile".into()))
            )
            .0,
            Verdict::PlainWord
        );
        let rupees = Expected::Amount {
            unit: "INR".into(),
            range: Range::Exact(5e5),
            product: None,
        };
        assert_eq!(
            judge_amount(
                "",
                &rupees,
                &quantity(5.0, 5.0, 0.5, Unit::Count("lakh rupee".into()))
            )
            .0,
            Verdict::Differently(None),
            "5 of a unit called `lakh rupee` is a misreading"
        );
        let dollars = Expected::Amount {
            unit: "Dollar".into(),
            range: Range::Exact(10.0),
            product: None,
        };
        let usd = Unit::Currency(Currency::Code("USD".into()));
        assert_eq!(
            judge_amount("", &dollars, &quantity(10.0, 10.0, 0.5, usd)).0,
            Verdict::AsDuckling
        );
        let eur = Unit::Currency(Currency::Code("EUR".into()));
        assert_eq!(
            judge_amount("", &dollars, &quantity(10.0, 10.0, 0.5, eur)).0,
            Verdict::Differently(None)
        );
        let numeral = Expected::Number(2.2e6);
        assert_eq!(
            judge_amount("", &numeral, &quantity(2.0, 2.0, 0.5, Unit::None)).0,
            Verdict::Differently(None),
            "two point two million is not 2"
        );
        let celsius = Expected::Amount {
            unit: "Degree".into(),
            range: Range::Exact(-2.0),
            product: None,
        };
        assert_eq!(
            judge_amount(
                "",
                &celsius,
                &quantity(2.0, 2.0, 0.5, Unit::Count("degree".into()))
            )
            .0,
            Verdict::Differently(None),
            "2 degrees below zero is not +2"
        );
    }

    #[test]
    fn a_one_letter_unit_is_a_convention_only_when_read_as_spelt_out() {
        let read = |text: &str| parse_number(text).unwrap();
        assert!(one_letter_unit("7k", &read("7 thousand")));
        assert!(one_letter_unit("250 g", &read("250 grams")));
        assert!(one_letter_unit("4L", &read("4 litres")));
        assert!(one_letter_unit("2m and 3ft", &read("2 metres and 3 ft")));
        assert!(
            !one_letter_unit("7k", &read("7 km")),
            "read otherwise than factcheck spells it"
        );
        assert!(!one_letter_unit("7 km", &read("7 km")), "not one letter");
        assert!(
            !one_letter_unit("kg 7", &read("7 kg")),
            "not after a number"
        );
        assert_eq!(spell_out_letter("-.5G"), Some("-.5 grams".to_owned()));
        assert_eq!(spell_out_letter("3 kilos"), None);
    }

    #[test]
    fn degrees_left_open_as_duckling_leaves_them() {
        let degree = |range| Expected::Amount {
            unit: "Degree".into(),
            range,
            product: None,
        };
        assert!(left_open_as_duckling(
            "12 degrees",
            &degree(Range::Exact(12.0))
        ));
        assert!(left_open_as_duckling(
            "from 5 to 8 degrees",
            &degree(Range::Between(5.0, 8.0))
        ));
        assert!(
            !left_open_as_duckling("12 degrees", &degree(Range::Exact(13.0))),
            "another number"
        );
        let celsius = Expected::Amount {
            unit: "Celsius".into(),
            range: Range::Exact(12.0),
            product: None,
        };
        assert!(
            !left_open_as_duckling("12 degrees", &celsius),
            "Duckling decided the scale"
        );
        let m = Expected::Amount {
            unit: "M".into(),
            range: Range::Exact(4.0),
            product: None,
        };
        assert!(
            !left_open_as_duckling("4m", &m),
            "metres or a million is not metres or miles"
        );
    }

    #[test]
    fn amount_conventions_are_told_apart_from_misreadings() {
        let lakh = Expected::Amount {
            unit: "INR".into(),
            range: Range::Between(7.0, 9e5),
            product: None,
        };
        let rupees = Unit::Currency(Currency::Code("INR".into()));
        assert_eq!(
            judge_amount("", &lakh, &quantity(7e5, 9e5, 0.0, rupees.clone())).0,
            Verdict::Differently(Some(SCALE_ON_BOTH_ENDS))
        );
        assert_eq!(
            judge_amount("", &lakh, &quantity(7e4, 9e5, 0.0, rupees)).0,
            Verdict::Differently(Some(SCALE_ON_BOTH_ENDS)),
            "any power of ten up to the upper end"
        );
        let duration = Unit::Measure(factcheck::model::quantity::Dimension::Duration);
        let year_and_days = Expected::Duration {
            value: 365.0 * 86_400.0 + 2.0 * 86_400.0,
            grain: Grain::Second,
        };
        let days = 367.25;
        assert_eq!(
            judge_amount(
                "1 year 2 days",
                &year_and_days,
                &quantity(days, days, 0.0, duration.clone())
            )
            .0,
            Verdict::AsDuckling,
            "a year's length in days is a convention"
        );
        assert_eq!(
            judge_amount(
                "367 days",
                &year_and_days,
                &quantity(days, days, 0.0, duration)
            )
            .0,
            Verdict::Differently(None)
        );
    }
}
