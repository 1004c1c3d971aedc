//! The words dates are written with: months, weekdays, seasons, parts, counts and fillers.
//!
//! Owns the vocabulary only, as `match` tables over lower-cased words (nothing is built per
//! call). It must not decide what a phrase means; that is the grammar's.

use crate::normalize::number::lexicon::unit_word;

/// The month a name or abbreviation stands for, 1–12.
pub(super) fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// The weekday a name or abbreviation stands for, Monday 0 … Sunday 6.
pub(super) fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    })
}

/// The name of a weekday, Monday 0 … Sunday 6, for messages.
pub(super) fn weekday_name(weekday: u32) -> &'static str {
    match weekday {
        0 => "Monday",
        1 => "Tuesday",
        2 => "Wednesday",
        3 => "Thursday",
        4 => "Friday",
        5 => "Saturday",
        _ => "Sunday",
    }
}

/// Early, mid or late: a third of a decade, year, month or century.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    Early,
    Mid,
    Late,
}

/// The part a word names ("mid" and "middle" are one; "the beginning of" and "the end of"
/// are the early and late parts).
pub(super) fn part(word: &str) -> Option<Part> {
    match word {
        "early" | "beginning" | "start" => Some(Part::Early),
        "mid" | "middle" => Some(Part::Mid),
        "late" | "end" => Some(Part::Late),
        _ => None,
    }
}

/// A northern-hemisphere season as its first and last month; winter runs into the next year.
pub(super) fn season(word: &str) -> Option<(u32, u32)> {
    match word {
        "spring" => Some((3, 5)),
        "summer" => Some((6, 8)),
        "autumn" | "fall" => Some((9, 11)),
        "winter" => Some((12, 2)),
        _ => None,
    }
}

/// An ordinal written out, for quarters and halves ("the first quarter").
pub(super) fn ordinal(word: &str) -> Option<u32> {
    match word {
        "first" => Some(1),
        "second" => Some(2),
        "third" => Some(3),
        "fourth" => Some(4),
        _ => None,
    }
}

/// A small count written out, for "two years ago" and "a week ago": "a", "an", or a number word
/// from one to twelve (the number words of [`unit_word`]).
pub(super) fn count(word: &str) -> Option<u32> {
    match word {
        "a" | "an" => Some(1),
        _ => unit_word(word).filter(|n| (1..=12).contains(n)),
    }
}

/// A calendar unit that relative dates count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// The unit a word names, singular or plural.
pub(super) fn unit(word: &str) -> Option<Unit> {
    match word {
        "day" | "days" => Some(Unit::Day),
        "week" | "weeks" => Some(Unit::Week),
        "month" | "months" => Some(Unit::Month),
        "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}

/// Words that say a date is approximate ("c." and "ca." lose their period to the lexer).
pub(super) fn is_approximate(word: &str) -> bool {
    matches!(
        word,
        "around" | "circa" | "c" | "ca" | "about" | "approximately" | "approx" | "roughly"
    )
}

/// Words a date may be introduced with that change nothing ("in 2014", "during the 1990s").
pub(super) fn is_filler(word: &str) -> bool {
    matches!(word, "in" | "on" | "at" | "during" | "the" | "of")
}
