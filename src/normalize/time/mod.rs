//! Text to [`DateTimeValue`] (README, "Times of day"): `13:55`, `1:55 PM`, `1:55pDec 1`,
//! `12/1/11 2:06 PM (-05:00)`, `2011-12-01 12:10PM CST`, `2011-12-01T13:55:00-05:00`.
//!
//! Owns how a value with a clock time is split into its clock (`clock`), its zone (`zones`)
//! and its date, which is read by `normalize::date` like any other date, except a numeric
//! date (`slash`); what a property's values decide together is `property`. It must not compare
//! values (`compare::time`) nor show them (`model::time`), and never reads a text it does not
//! understand as a string: that is a [`DateError`] naming the text.

mod clock;
mod note;
pub(crate) mod property;
mod range;
mod slash;
mod zones;

#[cfg(test)]
mod tests;

use crate::model::date::{DateValue, Granularity, calendar};
use crate::model::time::{DateTimeValue, TimePrecision, Zone};
use crate::normalize::date::{DateError, ReadDate, WrongWeekday, read_date};

pub use self::slash::{SlashOrder, slash_order};

/// Longer text is not a date-time; the bound keeps the work per value small.
const MAX_LEN: usize = 200;

/// Whether `text` carries a clock time ("13:55", "1 PM", "2011-12-01T10:00:00Z"): what makes
/// an undeclared property's values vote for date-times.
#[must_use]
pub fn has_clock(text: &str) -> bool {
    // Most values of most properties are names: tell them apart without allocating.
    let words = ["noon", "midday", "midnight"];
    let worded = || {
        words.iter().any(|word| {
            text.as_bytes()
                .windows(word.len())
                .any(|window| window.eq_ignore_ascii_case(word.as_bytes()))
        })
    };
    if text.len() > MAX_LEN || !(text.bytes().any(|b| b.is_ascii_digit()) || worded()) {
        return false;
    }
    matches!(clock::find(&text.to_lowercase()), Ok(Some(_)) | Err(_))
}

/// A zone as `rules.toml` declares it for a property: an offset (`-06:00`, `+0530`, `UTC+5`),
/// `UTC`, `Z`, or an abbreviation of the README's table; `None` for anything else.
#[must_use]
pub fn read_zone(text: &str) -> Option<Zone> {
    let lower = text.trim().to_lowercase();
    zones::read(&lower, true, None)
        .filter(|read| read.len == lower.len())
        .map(|read| read.zone)
}

/// The zones [`read_zone`] accepts, as a regular expression for the JSON Schema.
#[must_use]
pub fn zone_pattern() -> String {
    zones::pattern()
}

/// Reads a date-time as a source states it. `published` anchors a date written without its
/// year (`2:07 PMDec 01`); `declared` is the property's zone, which a value without a zone of
/// its own takes, and which picks the reading of an ambiguous abbreviation.
///
/// A clock time with no date is a time of day. So is one whose date has no year when the
/// source has no `published` date: the day cannot be placed, the clock still can. A value
/// with no clock time is a date, read as such, on the wall clock of its zone.
///
/// # Errors
/// When the clock time names no time of day ("25:10"), the date is not one `normalize::date`
/// reads, or the date is longer than a day ("July 2023 13:55").
pub fn read_datetime(
    text: &str,
    published: Option<&DateValue>,
    declared: Option<Zone>,
) -> Result<DateTimeValue, DateError> {
    read_datetime_in(text, published, declared, None)
}

/// [`read_datetime`], with the order of a numeric date's day and month when its property's
/// other values decide it (`12/01/2011` beside `12/13/2011` is 1 December).
///
/// # Errors
/// As [`read_datetime`].
pub fn read_datetime_in(
    text: &str,
    published: Option<&DateValue>,
    declared: Option<Zone>,
    order: Option<SlashOrder>,
) -> Result<DateTimeValue, DateError> {
    read_time(text, published, declared, order).map(|read| read.value)
}

/// A date-time as read, with what the text says that the date contradicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadTime {
    /// The date-time.
    pub value: DateTimeValue,
    /// A weekday stated with the date that the date does not fall on ("Mon, Dec 1 2011
    /// 7:05 PM": 1 December 2011 was a Thursday), for a finding; the value still counts.
    pub wrong_weekday: Option<WrongWeekday>,
}

/// [`read_datetime_in`], keeping a wrong weekday.
///
/// # Errors
/// As [`read_datetime`].
pub fn read_time(
    text: &str,
    published: Option<&DateValue>,
    declared: Option<Zone>,
    order: Option<SlashOrder>,
) -> Result<ReadTime, DateError> {
    let text = text.trim();
    if text.len() > MAX_LEN {
        return Err(not_a_datetime(text));
    }
    // What is read: the value without a status note ("6:20 PM (Estimated)"); messages quote
    // the value as written.
    let noted = note::without_notes(text);
    let lower = noted.to_lowercase();
    if let Some(read) = iso_interval(text, published, declared, order) {
        return Ok(read);
    }
    // Two clock times as one span ("13:55–14:10"): read as the one clock the span leaves in
    // its value, then stretched over the span.
    let found = clock::find(&lower).map_err(|bad| bad_clock(text, &bad))?;
    if let Some(clock) = &found {
        if let Some(span) = range::find(&lower, clock).map_err(|bad| bad_clock(text, &bad))? {
            let read = read_lower(text, &span.single, published, declared, order)?;
            return Ok(ReadTime {
                value: span.widen(read.value),
                ..read
            });
        }
    }
    read_clock(text, &noted, &lower, found, published, declared, order)
}

/// [`read_clock`] of lower-cased text whose clock time is still to be found.
fn read_lower(
    text: &str,
    lower: &str,
    published: Option<&DateValue>,
    declared: Option<Zone>,
    order: Option<SlashOrder>,
) -> Result<ReadTime, DateError> {
    let found = clock::find(lower).map_err(|bad| bad_clock(text, &bad))?;
    read_clock(text, lower, lower, found, published, declared, order)
}

/// ISO 8601's interval of two dated clock times in one zone, as [`DateTimeValue::iso`] writes
/// a span (`2011-12-01T13:55-06:00/2011-12-01T14:10-06:00`, `~` after it when approximate);
/// `None` when `text` is not one (a numeric date's slashes have no clock on both sides).
fn iso_interval(
    text: &str,
    published: Option<&DateValue>,
    declared: Option<Zone>,
    order: Option<SlashOrder>,
) -> Option<ReadTime> {
    let (exact, approximate) = match text.strip_suffix('~') {
        Some(exact) => (exact, true),
        None => (text, false),
    };
    let (from, to) = exact.split_once('/')?;
    if to.contains('/') || !has_clock(from) || !has_clock(to) {
        return None;
    }
    let read = |half: &str| read_lower(half, &half.to_lowercase(), published, declared, order).ok();
    let (first, last) = (read(from)?, read(to)?);
    let (a, b) = (&first.value, &last.value);
    let fits =
        a.dated && b.dated && a.zone == b.zone && a.start < b.end && a.margin + b.margin == 0;
    if !fits {
        return None;
    }
    let value = DateTimeValue {
        end: b.end,
        precision: a.precision.min(b.precision),
        ..first.value.clone()
    };
    let margin = if approximate {
        approximation(value.precision)
    } else {
        0
    };
    Some(ReadTime {
        value: value.around(margin),
        wrong_weekday: first.wrong_weekday.or(last.wrong_weekday),
    })
}

/// [`read_time`] of a value with at most one clock time, `found` in it: `noted` is the value
/// without its status notes and `lower` the same lower-cased; messages quote `text`.
fn read_clock(
    text: &str,
    noted: &str,
    lower: &str,
    found: Option<clock::Clock>,
    published: Option<&DateValue>,
    declared: Option<Zone>,
    order: Option<SlashOrder>,
) -> Result<ReadTime, DateError> {
    let plain = |value: DateTimeValue| ReadTime {
        value,
        wrong_weekday: None,
    };
    let Some(found) = found else {
        let read = read_date(noted, published)?;
        return Ok(ReadTime {
            value: DateTimeValue::of_date(&read.value, declared.unwrap_or(Zone::Local)),
            wrong_weekday: read.wrong_weekday,
        });
    };
    let after = lower.get(found.end..).unwrap_or("");
    let trimmed = after.trim_start();
    let glued = trimmed.len() == after.len();
    let (stated, rest) = match zones::read(trimmed, glued, declared) {
        Some(read) => (Some(read.zone), trimmed.get(read.len..).unwrap_or("")),
        None => (None, after),
    };
    let zone = stated.or(declared).unwrap_or(Zone::Local);
    let before = lower.get(..found.start).unwrap_or("");
    let (date_text, approximate) = date_part(before, rest);
    let margin = if approximate {
        approximation(found.precision)
    } else {
        0
    };
    let clock = |day: Option<crate::model::date::Day>| {
        DateTimeValue::clock(day, found.second, found.precision, zone).around(margin)
    };
    if date_text.is_empty() {
        return Ok(plain(clock(None)));
    }
    let numeric = slash::read(&date_text, order).map_err(|message| DateError {
        message: format!("`{text}`: {message}"),
        hint: Some(slash::HINT.to_owned()),
    })?;
    let read = numeric.map_or_else(
        || read_date(&date_text, published),
        |value| {
            Ok(ReadDate {
                value,
                wrong_weekday: None,
            })
        },
    );
    let (day, wrong_weekday) = match read {
        Ok(read) => (read.value, read.wrong_weekday),
        // A day with no year and nothing to give it one: the clock still says something.
        Err(_) if published.is_none() && read_date(&date_text, Some(&stand_in())).is_ok() => {
            return Ok(plain(clock(None)));
        }
        Err(error) => {
            return Err(DateError {
                message: format!("`{text}`: {}", error.message),
                hint: error.hint,
            });
        }
    };
    if day.earliest != day.latest || day.approximate {
        return Err(DateError {
            message: format!(
                "`{text}`: a clock time goes with a single day, and `{}` is {}",
                date_text.trim(),
                day.describe()
            ),
            hint: Some("give the day, e.g. `2011-12-01 13:55`".to_owned()),
        });
    }
    Ok(ReadTime {
        value: clock(Some(day.earliest)),
        wrong_weekday,
    })
}

/// How far an approximate clock time ("around 13:55", "about 2 PM", "~13:55:07") is widened
/// on each side, and its margin: five minutes for a minute, half an hour for an hour, a
/// minute for a second (people round clock times to five minutes, not to one).
fn approximation(precision: TimePrecision) -> i64 {
    match precision {
        TimePrecision::Second => 60,
        TimePrecision::Minute => 5 * 60,
        TimePrecision::Hour | TimePrecision::Date => 30 * 60,
    }
}

/// Forms accepted, for hints.
const FORMS: &str = "write a time such as `13:55`, `1:55 PM`, `2011-12-01 13:55`, \
     `2011-12-01T13:55:00-05:00` or `1 Dec 2011 1:55 PM CST`";

/// A clock-like text in `text` that names no time of day.
fn bad_clock(text: &str, bad: &clock::BadClock) -> DateError {
    DateError {
        message: format!("`{text}`: {}", bad.0),
        hint: Some(FORMS.to_owned()),
    }
}

fn not_a_datetime(text: &str) -> DateError {
    DateError {
        message: format!("`{text}` is not a date or time"),
        hint: Some(FORMS.to_owned()),
    }
}

/// The date around a clock time: the text before and after it, without the separators that
/// join a date to a clock ("2011-12-01T", "Dec 01 - ", "1 Dec 2011 at ", "1:55 PM, Dec 01");
/// and whether a word just before the clock says it is approximate ("around 13:55").
fn date_part(before: &str, after: &str) -> (String, bool) {
    let before = match before.strip_suffix('t') {
        Some(date) if date.ends_with(|c: char| c.is_ascii_digit()) => date,
        _ => before,
    };
    let (before, approximate) = approximate_prefix(before);
    let joined = format!("{before} {after}");
    let mut words: Vec<&str> = joined
        .split(|c: char| c.is_whitespace() || c == ',' || c == '@' || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let is_joiner = |w: &str| matches!(w, "-" | "\u{2013}" | "\u{2014}" | "at" | "on" | "|");
    while words.last().is_some_and(|w| is_joiner(w)) {
        words.pop();
    }
    while words.first().is_some_and(|w| is_joiner(w)) {
        words.remove(0);
    }
    // "2011-12-01T13:55~": EDTF's mark after the value, as `iso` writes it.
    let marked = words.last() == Some(&"~");
    if marked {
        words.pop();
    }
    // "around 1 Dec 2011 13:55": the word before the whole value.
    let leading = words
        .first()
        .is_some_and(|w| is_approximation(w.trim_end_matches('.')));
    if leading {
        words.remove(0);
    }
    (words.join(" "), approximate || leading || marked)
}

fn is_approximation(word: &str) -> bool {
    matches!(
        word,
        "around" | "about" | "approximately" | "approx" | "roughly" | "circa" | "c" | "ca"
    )
}

/// `before` without the approximation word that ends it ("around", "about", "approximately",
/// "approx.", "roughly", "circa", "c.", "ca.", "~"), and whether there was one.
fn approximate_prefix(before: &str) -> (&str, bool) {
    let trimmed = before.trim_end();
    if let Some(rest) = trimmed.strip_suffix('~') {
        return (rest, true);
    }
    let word_start = trimmed
        .rfind(|c: char| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |i| i + 1);
    let word = trimmed
        .get(word_start..)
        .unwrap_or("")
        .trim_end_matches('.');
    if is_approximation(word) {
        (trimmed.get(..word_start).unwrap_or(""), true)
    } else {
        (before, false)
    }
}

/// An arbitrary anchor, only to tell "a date with no year" from "not a date".
fn stand_in() -> DateValue {
    let day = calendar::to_day(calendar::from_civil(2000, 6, 15))
        .unwrap_or(crate::model::date::Day(730_286));
    DateValue {
        earliest: day,
        latest: day,
        granularity: Granularity::Day,
        margin: 0,
        approximate: false,
        relative: false,
    }
}
