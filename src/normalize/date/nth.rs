//! A day or week counted within a month: "the first Tuesday of October", "the last Monday of
//! March 2013", "the third day of October", "the last day of October 2015", "the first week
//! of October 2014".
//!
//! Owns which day or days the count names. It must not read the month and year themselves
//! beyond asking `year_or_assumed` (a month without a year takes it from `published`, as any
//! date without one). Weeks of a month are its days 1–7, 8–14… and its last seven days.

use super::point::Point;
use super::words;
use super::{Parser, Rule, error};
use crate::model::date::Granularity;
use crate::model::date::calendar;

/// How far the edges of "the first week of October" may be off: five days, as for "early
/// October".
const WEEK_OF_MONTH_MARGIN: u32 = 5;

/// Which one of a month's weekdays, days or weeks: the `n`th (from 1), or the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Nth {
    Number(u32),
    Last,
}

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    Weekday(u32),
    Day,
    Week,
}

impl Parser<'_, '_> {
    /// After the count: "Tuesday of October", "day of October 2015", "week in October";
    /// `None` (cursor kept) when no such form follows.
    pub(super) fn nth_of_month(&mut self, nth: Nth) -> Rule<Point> {
        let start = self.pos;
        let counted = match self.word_at(0) {
            Some("day") => Counted::Day,
            Some("week" | "wk") => Counted::Week,
            Some(word) => match words::weekday(word) {
                Some(weekday) => Counted::Weekday(weekday),
                None => return Ok(None),
            },
            None => return Ok(None),
        };
        self.bump();
        let of = self.eat_word(&["of", "in"]);
        let Some(month) = self.word_at(0).and_then(words::month).filter(|_| of) else {
            self.pos = start;
            return Ok(None);
        };
        self.bump();
        let year = self.year_or_assumed()?;
        let first = calendar::from_civil(year, month, 1);
        let days = i64::from(calendar::days_in_month(year, month));
        let last = first + days - 1;
        let (from, to, granularity, margin) = match (counted, nth) {
            (Counted::Day, Nth::Number(n)) => {
                let day = first + i64::from(n) - 1;
                (day, day, Granularity::Day, 0)
            }
            (Counted::Day, Nth::Last) => (last, last, Granularity::Day, 0),
            (Counted::Weekday(weekday), Nth::Number(n)) => {
                let ahead =
                    (i64::from(weekday) - i64::from(calendar::weekday(first))).rem_euclid(7);
                let day = first + ahead + 7 * (i64::from(n) - 1);
                (day, day, Granularity::Day, 0)
            }
            (Counted::Weekday(weekday), Nth::Last) => {
                let back = (i64::from(calendar::weekday(last)) - i64::from(weekday)).rem_euclid(7);
                (last - back, last - back, Granularity::Day, 0)
            }
            (Counted::Week, Nth::Number(n)) => {
                let from = first + 7 * (i64::from(n) - 1);
                (
                    from,
                    (from + 6).min(last),
                    Granularity::PartOfMonth,
                    WEEK_OF_MONTH_MARGIN,
                )
            }
            (Counted::Week, Nth::Last) => (
                last - 6,
                last,
                Granularity::PartOfMonth,
                WEEK_OF_MONTH_MARGIN,
            ),
        };
        if !(first..=last).contains(&from) || nth == Nth::Number(0) {
            return Err(error(
                format!("`{}` is not a date: the month has no such day", self.text),
                "count within the month, e.g. `the first Tuesday of October 2014`",
            ));
        }
        self.value(from, to, granularity, margin)
            .map(|v| Some(Point::Full(v)))
    }
}
