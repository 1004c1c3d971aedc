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

/// An ordinal written as one word, for quarters and halves ("the first quarter") and days
/// ("March third", "the twentieth"); "twenty-first" is two, joined by the grammar.
pub(super) fn ordinal(word: &str) -> Option<u32> {
    Some(match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// A count written out, for "two years ago" and "a week ago": "a", "an", or a number word
/// from one to nineteen (the number words of [`unit_word`]), or the tens to ninety.
pub(super) fn count(word: &str) -> Option<u32> {
    match word {
        "a" | "an" => Some(1),
        "twenty" => Some(20),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "sixty" => Some(60),
        "seventy" => Some(70),
        "eighty" => Some(80),
        "ninety" => Some(90),
        _ => unit_word(word).filter(|n| (1..=19).contains(n)),
    }
}

/// A calendar unit that relative dates count in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// How many years the unit is, for the units counted in whole years when a phrase counts
    /// several ("the past two decades" is twenty years).
    pub(super) fn in_years(self) -> Option<i64> {
        match self {
            Unit::Decade => Some(10),
            Unit::Century => Some(100),
            _ => None,
        }
    }
}

/// The unit a word names, singular or plural, and how many of it the word is (a fortnight is
/// two weeks).
pub(super) fn unit(word: &str) -> Option<(Unit, i64)> {
    let unit = match word {
        "day" | "days" => Unit::Day,
        "week" | "weeks" | "wk" | "wks" => Unit::Week,
        "fortnight" | "fortnights" => return Some((Unit::Week, 2)),
        "month" | "months" | "mo" | "mos" => Unit::Month,
        "quarter" | "quarters" | "qtr" | "qtrs" => Unit::Quarter,
        "year" | "years" | "yr" | "yrs" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    };
    Some((unit, 1))
}

/// Words that name a time of day, which factcheck does not read (a date is a day or longer).
pub(super) fn is_time_of_day(word: &str) -> bool {
    matches!(
        word,
        "am" | "pm"
            | "noon"
            | "midnight"
            | "morning"
            | "afternoon"
            | "evening"
            | "tonight"
            | "night"
            | "oclock"
            | "clock"
            | "hour"
            | "hours"
            | "hrs"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "seconds"
            | "sec"
            | "secs"
            | "gmt"
            | "utc"
            | "cet"
            | "pst"
            | "est"
            | "edt"
            | "pdt"
            | "lunch"
            | "lunchtime"
    )
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
