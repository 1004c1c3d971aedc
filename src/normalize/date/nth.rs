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

/// Which one of a month's weekdays, days or weeks: the `n`th from the start (from 1), or
/// from the end ("the last", 1; "the second last", 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Nth {
    Number(u32),
    FromEnd(u32),
}

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    Weekday(u32),
    Day,
    Week,
}

impl Parser<'_, '_> {
    /// After the count: "Tuesday of October", "day of October 2015", "week in October",
    /// "Monday of next month", "last Tuesday of the month"; `None` (cursor kept) when no such
    /// form follows.
    pub(super) fn nth_of_month(&mut self, nth: Nth) -> Rule<Point> {
        let start = self.pos;
        let nth = match nth {
            // "the second last week of October".
            Nth::Number(n) if self.eat_word(&["last"]) => Nth::FromEnd(n),
            nth => nth,
        };
        let counted = match self.word_at(0) {
            Some("day") => Some(Counted::Day),
            Some("week" | "wk") => Some(Counted::Week),
            word => word.and_then(words::weekday).map(Counted::Weekday),
        };
        let Some(counted) = counted else {
            self.pos = start;
            return Ok(None);
        };
        self.bump();
        if !self.eat_word(&["of", "in"]) {
            self.pos = start;
            return Ok(None);
        }
        let (months, relative) = if let Some(month) = self.word_at(0).and_then(words::month) {
            self.bump();
            let year = self.year_or_assumed()?;
            ([(year, month); 2], false)
        } else if let Some(months) = self.relative_month()? {
            (months, true)
        } else {
            self.pos = start;
            return Ok(None);
        };
        let [(from, _, granularity, margin), (_, to, _, _)] =
            months.map(|(year, month)| counted_in(counted, nth, year, month));
        if from > to || nth == Nth::Number(0) || nth == Nth::FromEnd(0) {
            return Err(error(
                format!("`{}` is not a date: the month has no such day", self.text),
                "count within the month, e.g. `the first Tuesday of October 2014`",
            ));
        }
        let mut value = self.value(from, to, granularity, margin)?;
        value.relative = relative;
        Ok(Some(Point::Full(value)))
    }
}

/// The days `counted` and `nth` name in a month, with their granularity and margin; a count
/// past the month gives an empty interval (from after to).
fn counted_in(counted: Counted, nth: Nth, year: i64, month: u32) -> (i64, i64, Granularity, u32) {
    let first = calendar::from_civil(year, month, 1);
    let last = first + i64::from(calendar::days_in_month(year, month)) - 1;
    let within = |from: i64, to: i64, granularity, margin| {
        if (first..=last).contains(&from) && (first..=last).contains(&to) {
            (from, to, granularity, margin)
        } else {
            (last + 1, first, granularity, margin)
        }
    };
    let day = |day: i64| within(day, day, Granularity::Day, 0);
    let week = |from: i64| {
        within(
            from,
            from + 6,
            Granularity::PartOfMonth,
            WEEK_OF_MONTH_MARGIN,
        )
    };
    match (counted, nth) {
        (Counted::Day, Nth::Number(n)) => day(first + i64::from(n) - 1),
        (Counted::Day, Nth::FromEnd(n)) => day(last - i64::from(n) + 1),
        (Counted::Weekday(weekday), Nth::Number(n)) => {
            let ahead = (i64::from(weekday) - i64::from(calendar::weekday(first))).rem_euclid(7);
            day(first + ahead + 7 * (i64::from(n) - 1))
        }
        (Counted::Weekday(weekday), Nth::FromEnd(n)) => {
            let back = (i64::from(calendar::weekday(last)) - i64::from(weekday)).rem_euclid(7);
            day(last - back - 7 * (i64::from(n) - 1))
        }
        (Counted::Week, Nth::Number(n)) => week(first + 7 * (i64::from(n) - 1)),
        (Counted::Week, Nth::FromEnd(n)) => week(last - 6 - 7 * (i64::from(n) - 1)),
    }
}
