//! The source's `published` date as the anchor of relative dates, and the calendar arithmetic
//! that moves from it: the week, month, quarter, year, decade or century it falls in, the
//! latest or next weekday, the occurrences of a month or season around it.
//!
//! Owns the arithmetic only, on `i64` day numbers so that no count can overflow. It must not
//! read text (`relative`, `yearless`) and it never decides what a phrase means.

use super::words::Unit;
use crate::model::date::calendar;
use crate::model::date::{DateValue, UNBOUNDED_END, UNBOUNDED_START};

/// The source's `published` date as bounded day numbers: it may itself be a whole month or
/// year, and every relative date is resolved at both of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Anchor {
    pub(super) first: i64,
    pub(super) last: i64,
}

/// Monday of the week of a day (weeks run Monday to Sunday).
pub(super) fn monday(day: i64) -> i64 {
    day - i64::from(calendar::weekday(day))
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

    /// `resolve` applied at both ends of the anchor: the first day it gives at the anchor's
    /// first day to the last it gives at its last day.
    pub(super) fn resolve(self, resolve: impl Fn(i64) -> (i64, i64)) -> (i64, i64) {
        (resolve(self.first).0, resolve(self.last).1)
    }

    /// The latest given weekday (Monday 0) on or before each end of the anchor: "on
    /// Thursday" in an article of January 2025 is any Thursday from 26 Dec 2024 to 30 Jan.
    pub(super) fn latest_weekday(self, weekday: u32) -> (i64, i64) {
        self.resolve(|day| {
            let back = day - (i64::from(calendar::weekday(day)) - i64::from(weekday)).rem_euclid(7);
            (back, back)
        })
    }

    /// "last Tuesday" (`forward` false) or "next Tuesday": at each end of the anchor, from the
    /// nearest such weekday strictly before (after) it to that weekday of the previous (next)
    /// week, since speakers mean either. Read on a Tuesday both are a week earlier (later);
    /// "next Wednesday" read on a Tuesday is the next day or the Wednesday after.
    pub(super) fn other_weekday(self, weekday: u32, forward: bool) -> (i64, i64) {
        self.resolve(|day| {
            let of_week = monday(day) + i64::from(weekday) + if forward { 7 } else { -7 };
            let nearest = nearest_weekday(day, weekday, forward);
            (nearest.min(of_week), nearest.max(of_week))
        })
    }

    /// "this past Tuesday" (`forward` false), "this coming Friday": the nearest such weekday
    /// strictly before (after) each end of the anchor.
    pub(super) fn nearest_weekday(self, weekday: u32, forward: bool) -> (i64, i64) {
        self.resolve(|day| {
            let nearest = nearest_weekday(day, weekday, forward);
            (nearest, nearest)
        })
    }

    /// The `n`th given weekday after each end of the anchor (negative `n`: before): "3
    /// Fridays from now" is the nearest Friday after it and two weeks on.
    pub(super) fn weekdays_away(self, weekday: u32, n: i64) -> (i64, i64) {
        self.resolve(|day| {
            let nearest = nearest_weekday(day, weekday, n > 0);
            let target = nearest + 7 * (n - n.signum());
            (target, target)
        })
    }

    /// The meteorological season (winter December–February…) `count` seasons before the one
    /// each end of the anchor is in.
    pub(super) fn season_ago(self, count: i64) -> (i64, i64) {
        self.resolve(|day| {
            let (year, month, _) = calendar::civil(day);
            let season = (calendar::month_index(year, month) + 1).div_euclid(3) - count;
            (
                calendar::month_start(season * 3 - 1),
                calendar::month_end(season * 3 + 1),
            )
        })
    }

    /// A weekend (Saturday and Sunday) at each end of the anchor: the one of its week
    /// ("this weekend"), the latest that began on or before it ("the weekend"), the one
    /// before ("last weekend"), or from the next to begin after it to the one of the next
    /// week ("next weekend", either reading).
    pub(super) fn weekend(self, which: Weekend) -> (i64, i64) {
        self.resolve(|day| {
            let saturday = monday(day) + 5;
            match which {
                Weekend::This => (saturday, saturday + 1),
                Weekend::Latest if day >= saturday => (saturday, saturday + 1),
                Weekend::Latest | Weekend::Last => (saturday - 7, saturday - 6),
                Weekend::NearestNext if day < saturday => (saturday, saturday + 1),
                Weekend::NearestNext => (saturday + 7, saturday + 8),
                Weekend::Next => {
                    let nearest = if day < saturday {
                        saturday
                    } else {
                        saturday + 7
                    };
                    (nearest, saturday + 8)
                }
            }
        })
    }

    /// "this Monday": at each end of the anchor, from that weekday of its week to the first
    /// such weekday on or after it, since speakers mean either (read on a Tuesday, this
    /// Monday is the day before or the Monday after; this Friday is the Friday to come).
    pub(super) fn this_weekday(self, weekday: u32) -> (i64, i64) {
        self.resolve(|day| {
            let of_week = monday(day) + i64::from(weekday);
            let ahead = (i64::from(weekday) - i64::from(calendar::weekday(day))).rem_euclid(7);
            (of_week.min(day + ahead), (day + ahead).max(of_week))
        })
    }

    /// The given weekday in the week (Monday to Sunday) `weeks` weeks after each end's week
    /// (0 its own, negative before): "Monday of this week", "Wednesday next week".
    pub(super) fn weekday_of_week(self, weekday: u32, weeks: i64) -> (i64, i64) {
        self.resolve(|day| {
            let target = monday(day) + 7 * weeks + i64::from(weekday);
            (target, target)
        })
    }

    /// The calendar `unit` `count` units before each end's own (0 is its own, negative counts
    /// go forward). Weeks run Monday to Sunday, quarters are January–March and so on, decades
    /// run from a year ending in 0 and centuries from a year ending in 01.
    pub(super) fn units_ago(self, unit: Unit, count: i64) -> (i64, i64) {
        self.resolve(|day| unit_containing(unit, day, -count))
    }

    /// From the start of the calendar unit `count` units before each end's own to the anchor's
    /// last day: "the last 2 years" in February 2013 is 1 January 2011 to that day. It holds
    /// both readings of the phrase (the whole units before, the rolling period up to the
    /// source's date); for decades and centuries, also `count` times 10 or 100 whole years
    /// ("the past decade" in 2013 is 2000 to the source's date, holding 2003–2012).
    pub(super) fn past_units(self, unit: Unit, count: i64) -> (i64, i64) {
        let calendar_start = unit_containing(unit, self.first, -count).0;
        let start = match unit.in_years() {
            Some(years) => {
                let (year, _, _) = calendar::civil(self.first);
                calendar_start.min(calendar::from_civil(year - years * count, 1, 1))
            }
            None => calendar_start,
        };
        (start, self.last)
    }

    /// From the anchor's first day to the end of the calendar unit `count` units after each
    /// end's own: "the next 3 months" in February 2013 runs to 31 May; for decades and
    /// centuries, or to `count` times 10 or 100 whole years on, whichever is later.
    pub(super) fn coming_units(self, unit: Unit, count: i64) -> (i64, i64) {
        let calendar_end = unit_containing(unit, self.last, count).1;
        let end = match unit.in_years() {
            Some(years) => {
                let (year, _, _) = calendar::civil(self.last);
                calendar_end.max(calendar::from_civil(year + years * count, 12, 31))
            }
            None => calendar_end,
        };
        (self.first, end)
    }

    /// The occurrence of the months `first..=last` (a month, or a season that may run into the
    /// next year) that `pick` chooses at each end of the anchor, as whole months.
    pub(super) fn occurrence(self, first: u32, last: u32, pick: Pick) -> (i64, i64) {
        self.resolve(|day| {
            let (year, month, _) = calendar::civil(day);
            let index = calendar::month_index(year, month);
            let span = |start_year: i64| {
                let start = calendar::month_index(start_year, first);
                let end = calendar::month_index(start_year + i64::from(last < first), last);
                (start, end)
            };
            // The occurrences that start from two years before to the next: one of them is
            // the one wanted, whichever rule picks it (a winter ends in the year after).
            let candidates = [year - 2, year - 1, year, year + 1].map(span);
            let chosen = match pick {
                Pick::Before => candidates.iter().rev().find(|(_, end)| *end < index),
                Pick::After => candidates.iter().find(|(start, _)| *start > index),
                Pick::Current => candidates
                    .iter()
                    .find(|(start, end)| (*start..=*end).contains(&index))
                    .or_else(|| {
                        candidates
                            .iter()
                            .find(|(start, _)| start.div_euclid(12) == year)
                    }),
            };
            let (start, end) = chosen.copied().unwrap_or(span(year));
            (calendar::month_start(start), calendar::month_end(end))
        })
    }
}

/// The nearest given weekday strictly before (`forward` false) or after `day`.
fn nearest_weekday(day: i64, weekday: u32, forward: bool) -> i64 {
    let today = i64::from(calendar::weekday(day));
    if forward {
        let ahead = (i64::from(weekday) - today).rem_euclid(7);
        day + if ahead == 0 { 7 } else { ahead }
    } else {
        let back = (today - i64::from(weekday)).rem_euclid(7);
        day - if back == 0 { 7 } else { back }
    }
}

/// Which weekend a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weekend {
    /// The one of the published week: "this weekend".
    This,
    /// The latest that began on or before the published date: "the weekend".
    Latest,
    /// The one of the week before: "last weekend".
    Last,
    /// The next to begin after the published date: "this coming weekend".
    NearestNext,
    /// The next to begin, or the one of the next week: "next weekend".
    Next,
}

/// Which occurrence of a month or season a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pick {
    /// The latest that ends before the published month: "last October".
    Before,
    /// The first that starts after the published month: "next March".
    After,
    /// The one the published month is in, else the one of the published year: "this summer".
    Current,
}

/// The calendar `unit` that contains `day`, moved `shift` units (negative is earlier).
pub(super) fn unit_containing(unit: Unit, day: i64, shift: i64) -> (i64, i64) {
    let (year, month, _) = calendar::civil(day);
    let months = |first: i64, count: i64| {
        (
            calendar::month_start(first),
            calendar::month_end(first + count - 1),
        )
    };
    let years = |first: i64, count: i64| {
        (
            calendar::from_civil(first, 1, 1),
            calendar::from_civil(first + count - 1, 12, 31),
        )
    };
    match unit {
        Unit::Day => (day + shift, day + shift),
        Unit::Week => {
            let start = monday(day) + 7 * shift;
            (start, start + 6)
        }
        Unit::Month => months(calendar::month_index(year, month) + shift, 1),
        Unit::Quarter => {
            let quarter = calendar::month_index(year, month).div_euclid(3) + shift;
            months(quarter * 3, 3)
        }
        Unit::Year => years(year + shift, 1),
        Unit::Decade => years((year.div_euclid(10) + shift) * 10, 10),
        Unit::Century => years(((year - 1).div_euclid(100) + shift) * 100 + 1, 100),
    }
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

    fn day(date: (i64, u32, u32)) -> Anchor {
        anchor(date, date)
    }

    fn civil((first, last): (i64, i64)) -> ((i64, u32, u32), (i64, u32, u32)) {
        (calendar::civil(first), calendar::civil(last))
    }

    #[test]
    fn weekday_on_the_day_is_that_day() {
        // 10 April 2025 was a Thursday.
        let got = day((2025, 4, 10)).latest_weekday(3);
        assert_eq!(civil(got), ((2025, 4, 10), (2025, 4, 10)));
    }

    #[test]
    fn weekday_in_a_month_spans_from_before_it() {
        let got = anchor((2025, 1, 1), (2025, 1, 31)).latest_weekday(3);
        assert_eq!(civil(got), ((2024, 12, 26), (2025, 1, 30)));
    }

    #[test]
    fn last_and_next_weekday_skip_the_day_itself() {
        // 12 February 2013 was a Tuesday.
        let tuesday = day((2013, 2, 12));
        assert_eq!(
            civil(tuesday.other_weekday(1, false)),
            ((2013, 2, 5), (2013, 2, 5))
        );
        assert_eq!(
            civil(tuesday.other_weekday(1, true)),
            ((2013, 2, 19), (2013, 2, 19))
        );
        assert_eq!(
            civil(tuesday.other_weekday(2, true)),
            ((2013, 2, 13), (2013, 2, 20)),
            "next Wednesday, read on a Tuesday: tomorrow or the week after"
        );
        assert_eq!(
            civil(tuesday.other_weekday(6, true)),
            ((2013, 2, 17), (2013, 2, 24))
        );
        let friday = day((2013, 2, 15));
        assert_eq!(
            civil(friday.other_weekday(2, false)),
            ((2013, 2, 6), (2013, 2, 13)),
            "last Wednesday, read on a Friday: two days before or the week before"
        );
        assert_eq!(
            civil(tuesday.this_weekday(0)),
            ((2013, 2, 11), (2013, 2, 18))
        );
        assert_eq!(
            civil(tuesday.this_weekday(4)),
            ((2013, 2, 15), (2013, 2, 15))
        );
        assert_eq!(
            civil(tuesday.other_weekday(6, false)),
            ((2013, 2, 10), (2013, 2, 10))
        );
        assert_eq!(
            civil(tuesday.weekday_of_week(0, 0)),
            ((2013, 2, 11), (2013, 2, 11))
        );
        assert_eq!(
            civil(tuesday.weekday_of_week(2, 1)),
            ((2013, 2, 20), (2013, 2, 20))
        );
    }

    #[test]
    fn weekends() {
        let tuesday = day((2013, 2, 12));
        let sunday = day((2013, 2, 17));
        assert_eq!(
            civil(tuesday.weekend(Weekend::Latest)),
            ((2013, 2, 9), (2013, 2, 10))
        );
        assert_eq!(
            civil(sunday.weekend(Weekend::Latest)),
            ((2013, 2, 16), (2013, 2, 17))
        );
        assert_eq!(
            civil(sunday.weekend(Weekend::Last)),
            ((2013, 2, 9), (2013, 2, 10))
        );
        assert_eq!(
            civil(tuesday.weekend(Weekend::This)),
            ((2013, 2, 16), (2013, 2, 17))
        );
        assert_eq!(
            civil(tuesday.weekend(Weekend::Next)),
            ((2013, 2, 16), (2013, 2, 24))
        );
        assert_eq!(
            civil(sunday.weekend(Weekend::NearestNext)),
            ((2013, 2, 23), (2013, 2, 24))
        );
    }

    #[test]
    fn calendar_units_around_a_day() {
        let thursday = day((2025, 4, 10));
        let cases = [
            (Unit::Week, 1, ((2025, 3, 31), (2025, 4, 6))),
            (Unit::Month, 4, ((2024, 12, 1), (2024, 12, 31))),
            (Unit::Quarter, 0, ((2025, 4, 1), (2025, 6, 30))),
            (Unit::Quarter, 1, ((2025, 1, 1), (2025, 3, 31))),
            (Unit::Quarter, -3, ((2026, 1, 1), (2026, 3, 31))),
            (Unit::Year, 1, ((2024, 1, 1), (2024, 12, 31))),
            (Unit::Decade, 0, ((2020, 1, 1), (2029, 12, 31))),
            (Unit::Decade, 1, ((2010, 1, 1), (2019, 12, 31))),
            (Unit::Century, 0, ((2001, 1, 1), (2100, 12, 31))),
        ];
        for (unit, count, expected) in cases {
            assert_eq!(
                civil(thursday.units_ago(unit, count)),
                expected,
                "{unit:?} {count}"
            );
        }
    }

    #[test]
    fn past_and_coming_units_reach_the_source_date() {
        let tuesday = day((2013, 2, 12));
        assert_eq!(
            civil(tuesday.past_units(Unit::Day, 2)),
            ((2013, 2, 10), (2013, 2, 12))
        );
        assert_eq!(
            civil(tuesday.past_units(Unit::Year, 2)),
            ((2011, 1, 1), (2013, 2, 12))
        );
        assert_eq!(
            civil(tuesday.past_units(Unit::Decade, 2)),
            ((1990, 1, 1), (2013, 2, 12)),
            "the 1990s and 2000s, and the twenty years 1993–2012"
        );
        assert_eq!(
            civil(tuesday.past_units(Unit::Decade, 1)),
            ((2000, 1, 1), (2013, 2, 12))
        );
        assert_eq!(
            civil(tuesday.coming_units(Unit::Decade, 1)),
            ((2013, 2, 12), (2029, 12, 31)),
            "the 2020s, and the ten years to 2023"
        );
        assert_eq!(
            civil(tuesday.coming_units(Unit::Month, 3)),
            ((2013, 2, 12), (2013, 5, 31))
        );
        assert_eq!(
            civil(tuesday.coming_units(Unit::Week, 3)),
            ((2013, 2, 12), (2013, 3, 10))
        );
    }

    #[test]
    fn occurrences_of_months_and_seasons() {
        let november = day((2013, 11, 20));
        let october = (10, 10);
        let got = |anchor: Anchor, (first, last): (u32, u32), pick| {
            civil(anchor.occurrence(first, last, pick))
        };
        assert_eq!(
            got(november, october, Pick::Before),
            ((2013, 10, 1), (2013, 10, 31))
        );
        let in_october = day((2013, 10, 5));
        assert_eq!(
            got(in_october, october, Pick::Before),
            ((2012, 10, 1), (2012, 10, 31)),
            "strictly before the published month"
        );
        assert_eq!(
            got(in_october, october, Pick::After),
            ((2014, 10, 1), (2014, 10, 31))
        );
        let february = day((2013, 2, 12));
        assert_eq!(
            got(february, (12, 2), Pick::Current),
            ((2012, 12, 1), (2013, 2, 28)),
            "this winter, in February"
        );
        assert_eq!(
            got(february, (6, 8), Pick::Current),
            ((2013, 6, 1), (2013, 8, 31)),
            "this summer, in February"
        );
        assert_eq!(
            got(february, (6, 8), Pick::Before),
            ((2012, 6, 1), (2012, 8, 31))
        );
        assert_eq!(
            got(february, (12, 2), Pick::Before),
            ((2011, 12, 1), (2012, 2, 29))
        );
    }
}
