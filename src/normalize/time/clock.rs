//! The clock time inside a value: `13:55`, `13:55:07.25`, `1:55 PM`, `1:55p`, `12:10PM`,
//! `1 p.m.`, `13h55`, `noon`, `midnight`.
//!
//! Owns where a clock time is and what time of day it names. It must not read zones or dates
//! (`zones`, `normalize::date`); it only says which bytes the clock took, so that the rest can
//! be read as a date.

use crate::model::time::TimePrecision;

/// A clock time found in lower-cased text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    /// Seconds since midnight.
    pub(super) second: i64,
    /// How precisely it was stated.
    pub(super) precision: TimePrecision,
    /// Where it starts and ends in the text.
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Why a clock-like text is not a time of day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct BadClock(pub(super) String);

/// The first clock time in `text` (lower-cased); `Ok(None)` when there is none, `Err` when a
/// clock time is written but names no time of day ("25:10", "13:55 PM").
pub(super) fn find(text: &str) -> Result<Option<Clock>, BadClock> {
    let bytes = text.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let previous = index.checked_sub(1).and_then(|i| bytes.get(i)).copied();
        if byte.is_ascii_digit() && previous.is_none_or(|p| starts_clock_after(bytes, index, p)) {
            if let Some(clock) = at(text, index)? {
                return Ok(Some(clock));
            }
        }
        if byte.is_ascii_alphabetic() && previous.is_none_or(|p| !p.is_ascii_alphabetic()) {
            if let Some(clock) = word(text, index) {
                return Ok(Some(clock));
            }
        }
    }
    Ok(None)
}

/// Whether a clock may start after the byte `previous`: not inside a number, an offset
/// (`+05:00`, ` -05:00`) or a previous clock's minutes.
fn starts_clock_after(bytes: &[u8], index: usize, previous: u8) -> bool {
    match previous {
        b'0'..=b'9' | b'+' | b':' | b'.' => false,
        // A minus sign after a space is an offset's ("13:55 -05:00"); after a digit it is a
        // date's hyphen ("01-13:55" does not occur, "2011-12-01" is not a clock).
        b'-' => index >= 2 && bytes.get(index - 2).is_some_and(u8::is_ascii_alphanumeric),
        _ => !is_unicode_minus_before(bytes, index),
    }
}

/// Whether the bytes before `index` end with U+2212 MINUS SIGN.
fn is_unicode_minus_before(bytes: &[u8], index: usize) -> bool {
    index >= 3 && bytes.get(index - 3..index) == Some("\u{2212}".as_bytes())
}

fn digits(text: &str, from: usize) -> usize {
    text.get(from..).map_or(0, |rest| {
        rest.bytes().take_while(u8::is_ascii_digit).count()
    })
}

fn two_digits(text: &str, from: usize) -> Option<i64> {
    (digits(text, from) == 2)
        .then(|| text.get(from..from + 2)?.parse().ok())
        .flatten()
}

/// A clock time starting at `start`, a digit.
fn at(text: &str, start: usize) -> Result<Option<Clock>, BadClock> {
    let hour_len = digits(text, start);
    if !(1..=2).contains(&hour_len) {
        return Ok(None);
    }
    let Some(hour) = text
        .get(start..start + hour_len)
        .and_then(|h| h.parse::<i64>().ok())
    else {
        return Ok(None);
    };
    let mut end = start + hour_len;
    let mut minute = 0;
    let mut second = 0;
    let mut precision = TimePrecision::Hour;
    let separator = text.as_bytes().get(end).copied();
    if let (Some(b':' | b'h'), Some(value)) = (separator, two_digits(text, end + 1)) {
        // "13h55" only when nothing but a separator follows: "12h30m" is a duration.
        let h = separator == Some(b'h');
        if !h
            || !text
                .as_bytes()
                .get(end + 3)
                .is_some_and(u8::is_ascii_alphabetic)
        {
            minute = value;
            precision = TimePrecision::Minute;
            end += 3;
        }
    }
    if precision == TimePrecision::Minute && text.as_bytes().get(end) == Some(&b':') {
        if let Some(value) = two_digits(text, end + 1) {
            second = value.min(59);
            precision = TimePrecision::Second;
            end += 3;
            // Fractions of a second are dropped.
            if text.as_bytes().get(end) == Some(&b'.') && digits(text, end + 1) > 0 {
                end += 1 + digits(text, end + 1);
            }
        }
    }
    let meridiem = meridiem(text, end, precision != TimePrecision::Hour);
    let hour = match meridiem {
        Some((pm, len)) => {
            if !(1..=12).contains(&hour) {
                return Err(BadClock(format!(
                    "{hour}:{minute:02} is not a time on a 12-hour clock"
                )));
            }
            end += len;
            hour % 12 + if pm { 12 } else { 0 }
        }
        // ISO 8601 to the hour ("2011-12-01T13") needs no AM or PM.
        None if precision == TimePrecision::Hour && !after_iso_t(text, start) => return Ok(None),
        None => hour,
    };
    if hour > 23 || minute > 59 {
        return Err(BadClock(format!("{hour}:{minute:02} is not a time of day")));
    }
    Ok(Some(Clock {
        second: hour * 3600 + minute * 60 + second,
        precision,
        start,
        end,
    }))
}

/// Whether the clock at `start` follows ISO 8601's `T` after a date's digits.
fn after_iso_t(text: &str, start: usize) -> bool {
    let bytes = text.as_bytes();
    start >= 2
        && bytes.get(start - 1) == Some(&b't')
        && bytes.get(start - 2).is_some_and(u8::is_ascii_digit)
}

/// "am" or "pm" after a clock at `from`, with or without periods and a space: whether it is
/// PM and the bytes it takes (with the spaces). A lone "a" or "p" counts only glued to
/// minutes ("1:55p", "1:55pDec 1").
fn meridiem(text: &str, from: usize, minutes: bool) -> Option<(bool, usize)> {
    let rest = text.get(from..)?;
    let word = rest.trim_start();
    let spaces = rest.len() - word.len();
    let forms: &[(&str, bool)] = &[
        ("a.m.", false),
        ("p.m.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
    ];
    if let Some((form, pm)) = forms.iter().find(|(form, _)| word.starts_with(form)) {
        return Some((*pm, spaces + form.len()));
    }
    if spaces == 0 && minutes {
        if rest.starts_with('a') {
            return Some((false, 1));
        }
        if rest.starts_with('p') {
            return Some((true, 1));
        }
    }
    None
}

/// "noon" or "midnight" as a whole word at `start`.
fn word(text: &str, start: usize) -> Option<Clock> {
    let rest = text.get(start..)?;
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let second = match rest.get(..len)? {
        "noon" | "midday" => 12 * 3600,
        "midnight" => 0,
        _ => return None,
    };
    Some(Clock {
        second,
        precision: TimePrecision::Minute,
        start,
        end: start + len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(text: &str) -> Option<(i64, TimePrecision, &str)> {
        find(text)
            .unwrap()
            .map(|c| (c.second, c.precision, &text[c.start..c.end]))
    }

    const fn hm(hour: i64, minute: i64) -> i64 {
        hour * 3600 + minute * 60
    }

    #[test]
    fn reads_clock_times_in_their_forms() {
        use TimePrecision::{Hour, Minute, Second};
        assert_eq!(clock("13:55"), Some((hm(13, 55), Minute, "13:55")));
        assert_eq!(clock("1:55 pm"), Some((hm(13, 55), Minute, "1:55 pm")));
        assert_eq!(clock("1:55p"), Some((hm(13, 55), Minute, "1:55p")));
        assert_eq!(clock("1:55pdec 1"), Some((hm(13, 55), Minute, "1:55p")));
        assert_eq!(clock("2:07 pmdec 01"), Some((hm(14, 7), Minute, "2:07 pm")));
        assert_eq!(clock("12:10am"), Some((hm(0, 10), Minute, "12:10am")));
        assert_eq!(
            clock("12:10 p.m."),
            Some((hm(12, 10), Minute, "12:10 p.m."))
        );
        assert_eq!(clock("1 pm"), Some((hm(13, 0), Hour, "1 pm")));
        assert_eq!(clock("7am"), Some((hm(7, 0), Hour, "7am")));
        assert_eq!(clock("13h55"), Some((hm(13, 55), Minute, "13h55")));
        assert_eq!(
            clock("2011-12-01t13:55:07.25-05:00"),
            Some((hm(13, 55) + 7, Second, "13:55:07.25"))
        );
        assert_eq!(
            clock("12/1/11 2:06 pm (-05:00)").map(|c| c.0),
            Some(hm(14, 6))
        );
        assert_eq!(clock("at noon"), Some((hm(12, 0), Minute, "noon")));
        assert_eq!(clock("2011-12-01t13z"), Some((hm(13, 0), Hour, "13")));
    }

    #[test]
    fn numbers_that_are_not_clock_times() {
        for text in [
            "2011-12-01",
            "12/01/2011",
            "dec 01",
            "1 april 2025",
            "2 h 15 min",
            "12h30m",
            "135 minutes",
            "the 1990s",
            "afternoon",
            "+05:00",
            "10 apples",
        ] {
            assert_eq!(clock(text), None, "{text}");
        }
    }

    #[test]
    fn impossible_clock_times_are_errors() {
        assert!(find("25:10").is_err());
        assert!(find("13:55 pm").is_err());
        assert!(find("10:75").is_err(), "no hour has 75 minutes");
    }
}
