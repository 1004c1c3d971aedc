//! A span of clock times in one value: `13:55–14:10`, `1:55 PM - 2:10 PM`, `1–2 PM`,
//! `from 13:55 to 14:10`, `between 1 and 2 PM`, `23:30–00:15` (past midnight).
//!
//! Owns where a value states two clock times as one span, the words that join them, and the
//! AM or PM the first takes from the last (`1:30–2:45 PM` is 13:30 to 14:45). The date and
//! zone around the span are read by the caller as for a single clock time, from the value with
//! the span written as one clock ([`Span::single`]); [`Span::widen`] then stretches what was
//! read over the span. It must not read dates or zones.
//!
//! A span covers both clock times at their precision, as a span of years covers both years:
//! `1–2 PM` is 13:00 up to 15:00, `13:55–14:10` is 13:55:00 up to 14:11:00.

use super::clock::{self, BadClock, Clock};
use crate::model::time::{DateTimeValue, SECONDS_PER_DAY, TimePrecision};

/// Two clock times stated as one span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    /// The value with the span written as one of its clock times, and the word that opened
    /// it ("from", "between") taken out: what the caller reads the date and zone from.
    pub(super) single: String,
    /// The second of the day of the clock time left in `single`, as it reads there.
    kept: i64,
    /// The first clock time: second of the day and precision.
    first: (i64, TimePrecision),
    /// The last clock time.
    last: (i64, TimePrecision),
}

const HALF_DAY: i64 = SECONDS_PER_DAY / 2;

/// The span of clock times in `lower` (lower-cased), if the value states one; `found` is the
/// first clock time in it ([`clock::find`]).
///
/// # Errors
/// When a clock-like text after it names no time of day, as [`clock::find`].
pub(super) fn find(lower: &str, found: &Clock) -> Result<Option<Span>, BadClock> {
    let found = *found;
    if let Some(last) = following(lower, &found)? {
        let first = if has_meridiem(lower, &found) {
            found.second
        } else {
            takes_meridiem(found.second, &last)
        };
        let (before, opened) = opener(lower.get(..found.start).unwrap_or(""));
        let joined = matches!(opened, Some("between")) == last.between;
        if !joined {
            return Ok(None);
        }
        let single = format!(
            "{before}{}{}",
            lower.get(found.start..found.end).unwrap_or(""),
            lower.get(last.end..).unwrap_or("")
        );
        return Ok(Some(Span {
            single,
            kept: found.second,
            first: (first, found.precision),
            last: (last.clock.second, last.clock.precision),
        }));
    }
    Ok(bare_hour_before(lower, &found))
}

/// The last clock time of a span after `first`, with where it ends in `lower`.
struct Last {
    clock: Clock,
    /// Where the last clock ends in the whole text.
    end: usize,
    /// Whether the joiner was `and` (which needs `between` before the span).
    between: bool,
    /// Whether the last clock writes AM or PM.
    meridiem: bool,
}

/// The joiner and clock time right after `first`: ` - `, `–`, `—`, `to`, `until`, `till`,
/// `through`, `and`. A hyphen glued to what follows is an offset (`13:55 -05:00`,
/// `T13:55-05:00`) unless the clock after it writes AM or PM, which no offset does.
fn following(lower: &str, first: &Clock) -> Result<Option<Last>, BadClock> {
    let rest = lower.get(first.end..).unwrap_or("");
    let trimmed = rest.trim_start();
    let spaced_before = trimmed.len() < rest.len();
    let words = ["to", "until", "till", "through", "and"];
    let (joiner_len, needs_meridiem, between) = if trimmed.starts_with(['\u{2013}', '\u{2014}']) {
        (3, false, false)
    } else if let Some(after) = trimmed.strip_prefix('-') {
        let spaced_after = after.starts_with(char::is_whitespace);
        (1, !(spaced_before && spaced_after), false)
    } else if let Some(word) = words.iter().find(|word| {
        spaced_before
            && trimmed
                .strip_prefix(**word)
                .is_some_and(|after| after.starts_with(char::is_whitespace))
    }) {
        (word.len(), false, *word == "and")
    } else {
        return Ok(None);
    };
    let after = trimmed.get(joiner_len..).unwrap_or("");
    let next = after.trim_start();
    let offset = lower.len() - next.len();
    let Some(clock) = clock::find(next)? else {
        return Ok(None);
    };
    if clock.start != 0 {
        return Ok(None);
    }
    let meridiem = has_meridiem(next, &clock);
    if needs_meridiem && !meridiem {
        return Ok(None);
    }
    Ok(Some(Last {
        end: offset + clock.end,
        clock,
        between,
        meridiem,
    }))
}

/// Whether the clock's text writes AM or PM (`1:55 pm`, `1:55p`, `1 p.m.`).
fn has_meridiem(text: &str, clock: &Clock) -> bool {
    text.get(clock.start..clock.end)
        .is_some_and(|t| t.contains(['a', 'p']))
}

/// The first clock of a span, written without AM or PM, when the last writes one: of the
/// two readings on a 12-hour clock the latest that does not pass the last (`1:30–2:45 PM`
/// is 13:30, `11:30–1 PM` is 11:30). A time past 12:59 is already on a 24-hour clock.
fn takes_meridiem(first: i64, last: &Last) -> i64 {
    if !last.meridiem || first >= 13 * 3600 {
        return first;
    }
    let morning = first % HALF_DAY;
    let afternoon = morning + HALF_DAY;
    if afternoon <= last.clock.second {
        afternoon
    } else {
        morning
    }
}

/// `text` (what precedes a span's first clock) without a word that opens the span ("from",
/// "between"), and that word.
fn opener(text: &str) -> (String, Option<&'static str>) {
    let trimmed = text.trim_end();
    for word in ["from", "between"] {
        if let Some(before) = trimmed.strip_suffix(word) {
            if before.is_empty() || before.ends_with(|c: char| !c.is_alphanumeric()) {
                let mut kept = before.to_owned();
                if !kept.is_empty() && !kept.ends_with(' ') {
                    kept.push(' ');
                }
                return (kept, Some(word));
            }
        }
    }
    (text.to_owned(), None)
}

/// A span whose first clock is a bare hour taking the last clock's AM or PM (`1–2 PM`,
/// `from 11 to 1 pm`, `between 1 and 2 pm`). The bare hour must open the value or follow
/// `from`, `between`, `at` or a comma: after anything else (`Dec 01 - 1:55pm`) a number is a
/// date's.
fn bare_hour_before(lower: &str, last: &Clock) -> Option<Span> {
    if !has_meridiem(lower, last) {
        return None;
    }
    let before = lower.get(..last.start)?.trim_end();
    let (number_end, between) = if let Some(rest) = before.strip_suffix(['\u{2013}', '\u{2014}']) {
        (rest.trim_end().len(), false)
    } else if let Some(rest) = before.strip_suffix('-') {
        (rest.trim_end().len(), false)
    } else {
        let word = ["to", "until", "till", "through", "and"]
            .into_iter()
            .find(|word| {
                before.strip_suffix(word).is_some_and(|rest| {
                    rest.ends_with(char::is_whitespace)
                        && rest.trim_end().ends_with(|c: char| c.is_ascii_digit())
                })
            })?;
        let rest = before.strip_suffix(word)?;
        (rest.trim_end().len(), word == "and")
    };
    let head = before.get(..number_end)?;
    let number_start = head
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let hour: i64 = head.get(number_start..)?.parse().ok()?;
    if !(1..=12).contains(&hour) {
        return None;
    }
    let (kept_before, opened) = opener(head.get(..number_start)?);
    let lead = kept_before.trim_end();
    let placed = lead.is_empty() || lead.ends_with(',') || lead.ends_with(" at") || lead == "at";
    if !(placed || opened.is_some()) || (opened == Some("between")) != between {
        return None;
    }
    let morning = hour % 12 * 3600;
    let afternoon = morning + HALF_DAY;
    let first = if afternoon <= last.second {
        afternoon
    } else {
        morning
    };
    Some(Span {
        single: format!("{kept_before}{}", lower.get(last.start..)?),
        kept: last.second,
        first: (first, TimePrecision::Hour),
        last: (last.second, last.precision),
    })
}

impl Span {
    /// `value`, read from [`single`](Self::single), stretched over the span: from the first
    /// clock time to the end of the last, past midnight when the last is earlier in the day
    /// (`23:30–00:15`), at the finer of the two precisions, an approximation's margin kept.
    pub(super) fn widen(&self, value: DateTimeValue) -> DateTimeValue {
        let base = value.start + value.margin - self.kept;
        let unit = |precision: TimePrecision| precision.seconds().unwrap_or(SECONDS_PER_DAY);
        let start = base + self.first.0;
        let mut end = base + self.last.0 + unit(self.last.1);
        if self.last.0 < self.first.0 {
            end += SECONDS_PER_DAY;
        }
        DateTimeValue {
            start: start - value.margin,
            end: end + value.margin,
            precision: self.first.1.min(self.last.1),
            ..value
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn hm(hour: i64, minute: i64) -> i64 {
        hour * 3600 + minute * 60
    }

    fn span(text: &str) -> Option<(String, i64, i64)> {
        let found = clock::find(text).unwrap()?;
        find(text, &found)
            .unwrap()
            .map(|span| (span.single, span.first.0, span.last.0))
    }

    #[test]
    fn spans_in_the_forms_people_write() {
        for (text, single, first, last) in [
            ("13:55\u{2013}14:10", "13:55", hm(13, 55), hm(14, 10)),
            ("13:55 \u{2013} 14:10", "13:55", hm(13, 55), hm(14, 10)),
            ("1:55 pm - 2:10 pm", "1:55 pm", hm(13, 55), hm(14, 10)),
            ("1:55pm-2:10pm", "1:55pm", hm(13, 55), hm(14, 10)),
            ("from 13:55 to 14:10", "13:55", hm(13, 55), hm(14, 10)),
            ("between 1:30 and 2:45 pm", "1:30", hm(13, 30), hm(14, 45)),
            ("11:30 until 1 pm", "11:30", hm(11, 30), hm(13, 0)),
            ("1\u{2013}2 pm", "2 pm", hm(13, 0), hm(14, 0)),
            ("between 1 and 2 pm", "2 pm", hm(13, 0), hm(14, 0)),
            ("from 11 to 1 pm", "1 pm", hm(11, 0), hm(13, 0)),
            ("23:30\u{2013}00:15", "23:30", hm(23, 30), hm(0, 15)),
            (
                "1 dec 2011 13:55\u{2013}14:10 cst",
                "1 dec 2011 13:55 cst",
                hm(13, 55),
                hm(14, 10),
            ),
            (
                "1 dec 2011, 1\u{2013}2 pm",
                "1 dec 2011, 2 pm",
                hm(13, 0),
                hm(14, 0),
            ),
        ] {
            assert_eq!(span(text), Some((single.to_owned(), first, last)), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_span() {
        for text in [
            "13:55",
            "13:55 -05:00",
            "2011-12-01t13:55-05:00",
            "2011-12-01 13:55-05:00",
            "dec 01, 2011 - 1:55pm",
            "dec 01 - 1:55pm",
            "2011 - 1:55pm",
            "1:55 pm and 2 pm",
            "between 13:55 - 14:10 and 15:00",
            "13:55 to the gate",
            "9-5",
        ] {
            assert_eq!(span(text), None, "{text}");
        }
    }
}
