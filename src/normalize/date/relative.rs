//! Dates stated relative to the source's `published` date: "on Thursday", "last year",
//! "three weeks ago".
//!
//! Owns reading the relative forms and the arithmetic that moves from the published interval
//! to the stated one. It must not read absolute dates (`point`). Day numbers are `i64` in the
//! arithmetic so that no count, however large, can overflow; what does not fit a `Day` is an
//! error, not a wrapped date.

use super::lexer::Tok;
use super::words::{self, Unit};
use super::{DateError, Parser, Rule, error};
use crate::model::date::calendar;
use crate::model::date::{DateValue, Granularity, UNBOUNDED_END, UNBOUNDED_START};

/// The source's `published` date as bounded day numbers: it may itself be a whole month or
/// year, and every relative date is resolved at both of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Anchor {
    first: i64,
    last: i64,
}

impl Anchor {
    /// The anchor of a published date; `None` when it is open-ended, since "yesterday" then
    /// has no end to count from.
    pub(super) fn of(published: &DateValue) -> Option<Anchor> {
        (published.earliest != UNBOUNDED_START && published.latest != UNBOUNDED_END).then(|| {
            Anchor {
                first: i64::from(published.earliest),
                last: i64::from(published.latest),
            }
        })
    }

    /// The latest given weekday (Monday 0) on or before each end of the anchor: "on
    /// Thursday" in an article of January 2025 is any Thursday from 26 Dec 2024 to 30 Jan.
    pub(super) fn latest_weekday(self, weekday: u32) -> (i64, i64) {
        let back =
            |day: i64| day - (i64::from(calendar::weekday(day)) - i64::from(weekday)).rem_euclid(7);
        (back(self.first), back(self.last))
    }

    /// The `unit` that lies `count` units before the anchor (0 is the anchor's own, negative
    /// counts go forward), with the granularity it is stated at. Weeks run Monday to Sunday
    /// and, having no granularity of their own, are parts of a month.
    pub(super) fn units_ago(self, unit: Unit, count: i64) -> (i64, i64, Granularity) {
        match unit {
            Unit::Day => (self.first - count, self.last - count, Granularity::Day),
            Unit::Week => {
                let monday = |day: i64| day - i64::from(calendar::weekday(day));
                (
                    monday(self.first - 7 * count),
                    monday(self.last - 7 * count) + 6,
                    Granularity::PartOfMonth,
                )
            }
            Unit::Month => {
                let index = |day: i64| {
                    let (year, month, _) = calendar::civil(day);
                    calendar::month_index(year, month) - count
                };
                (
                    calendar::month_start(index(self.first)),
                    calendar::month_end(index(self.last)),
                    Granularity::Month,
                )
            }
            Unit::Year => {
                let year = |day: i64| calendar::civil(day).0 - count;
                (
                    calendar::from_civil(year(self.first), 1, 1),
                    calendar::from_civil(year(self.last), 12, 31),
                    Granularity::Year,
                )
            }
        }
    }
}

/// How far from its anchor a relative date may lie, in years: well inside the calendar's
/// range (some 262,000 years either way) for any anchor a source can have.
const MAX_YEARS_AWAY: i64 = 200_000;

impl Parser<'_, '_> {
    /// A date relative to the source's `published` date.
    pub(super) fn relative(&mut self) -> Rule<DateValue> {
        let start = self.pos;
        let Some(form) = self.relative_form() else {
            self.pos = start;
            return Ok(None);
        };
        let anchor = self.anchor()?;
        let (earliest, latest, granularity) = match form {
            Relative::Weekday(weekday) => {
                let (earliest, latest) = anchor.latest_weekday(weekday);
                (earliest, latest, Granularity::Day)
            }
            Relative::Ago(unit, count) => {
                // The calendar clamps at its ends; a count that reaches past them ("4294967295
                // years ago") is refused rather than silently moved.
                let years = match unit {
                    Unit::Day => count / 366,
                    Unit::Week => count / 53,
                    Unit::Month => count / 12,
                    Unit::Year => count,
                };
                if years.abs() > MAX_YEARS_AWAY {
                    return Err(self.out_of_range());
                }
                anchor.units_ago(unit, count)
            }
        };
        let mut value = self.value(earliest, latest, granularity, 0)?;
        value.relative = true;
        Ok(Some(value))
    }

    /// Reads a relative form, without resolving it.
    fn relative_form(&mut self) -> Option<Relative> {
        let this_last_next = |word: &str| match word {
            "this" => Some(0),
            "last" | "previous" => Some(1),
            "next" => Some(-1),
            _ => None,
        };
        let form = match (self.peek()?, self.peek_at(1)) {
            (Tok::Word("today"), _) => Relative::Ago(Unit::Day, 0),
            (Tok::Word("yesterday"), _) => Relative::Ago(Unit::Day, 1),
            (Tok::Word("tomorrow"), _) => Relative::Ago(Unit::Day, -1),
            (Tok::Word(word), None) => Relative::Weekday(words::weekday(word)?),
            (Tok::Word("last"), Some(Tok::Word(word))) if words::weekday(word).is_some() => {
                self.bump();
                Relative::Weekday(words::weekday(word)?)
            }
            (Tok::Word(which), Some(Tok::Word(unit @ ("week" | "month" | "year"))))
                if this_last_next(which).is_some() =>
            {
                self.bump();
                Relative::Ago(words::unit(unit)?, this_last_next(which)?)
            }
            (Tok::Num { value, .. }, Some(Tok::Word(unit))) => self.ago(value, unit)?,
            (Tok::Word(count), Some(Tok::Word(unit))) => self.ago(words::count(count)?, unit)?,
            _ => return None,
        };
        self.bump();
        Some(form)
    }

    /// "3 days ago", "two years ago", with the cursor on the count.
    fn ago(&mut self, count: u32, unit: &str) -> Option<Relative> {
        let unit = words::unit(unit)?;
        if self.word_at(2) != Some("ago") {
            return None;
        }
        self.pos += 2;
        Some(Relative::Ago(unit, i64::from(count)))
    }

    fn anchor(&self) -> Result<Anchor, DateError> {
        let Some(published) = self.published else {
            return Err(error(
                format!(
                    "`{}` is relative to the source's date, and this source has no `published` date",
                    self.text
                ),
                "add `published = \"YYYY-MM-DD\"` under [source]",
            ));
        };
        Anchor::of(published).ok_or_else(|| {
            error(
                format!(
                    "`{}` is relative to the source's date, and this source's `published` date is open-ended",
                    self.text
                ),
                "give `published` as a day, month or year under [source]",
            )
        })
    }
}

/// A relative form as read, before the published date resolves it.
enum Relative {
    /// The latest such weekday (Monday 0) on or before the published date.
    Weekday(u32),
    /// The unit `count` units before the published date's (0 is its own, negative is after).
    Ago(Unit, i64),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(first: (i64, u32, u32), last: (i64, u32, u32)) -> Anchor {
        Anchor {
            first: calendar::from_civil(first.0, first.1, first.2),
            last: calendar::from_civil(last.0, last.1, last.2),
        }
    }

    fn civil(day: i64) -> (i64, u32, u32) {
        calendar::civil(day)
    }

    #[test]
    fn weekday_on_the_day_is_that_day() {
        // 10 April 2025 was a Thursday.
        let (first, last) = anchor((2025, 4, 10), (2025, 4, 10)).latest_weekday(3);
        assert_eq!((civil(first), civil(last)), ((2025, 4, 10), (2025, 4, 10)));
    }

    #[test]
    fn weekday_in_a_month_spans_from_before_it() {
        let (first, last) = anchor((2025, 1, 1), (2025, 1, 31)).latest_weekday(3);
        assert_eq!((civil(first), civil(last)), ((2024, 12, 26), (2025, 1, 30)));
    }

    #[test]
    fn weeks_months_and_years_ago() {
        let day = anchor((2025, 4, 10), (2025, 4, 10));
        let (first, last, _) = day.units_ago(Unit::Week, 1);
        assert_eq!((civil(first), civil(last)), ((2025, 3, 31), (2025, 4, 6)));
        let (first, last, _) = day.units_ago(Unit::Month, 4);
        assert_eq!((civil(first), civil(last)), ((2024, 12, 1), (2024, 12, 31)));
        let (first, last, _) = day.units_ago(Unit::Year, 1);
        assert_eq!((civil(first), civil(last)), ((2024, 1, 1), (2024, 12, 31)));
    }
}
