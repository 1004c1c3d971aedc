//! Resolving a relative date at the source's `published` date: from the form `relative` read
//! to the interval of days it names, with its granularity and margin.
//!
//! Owns what each relative form means as an interval (README, "Relative dates"), choosing the
//! arithmetic of `anchor`. It must not read text. What does not fit a `Day` is an error, not a
//! wrapped date.

use super::anchor::{Anchor, Pick, Weekend};
use super::words::{Part, Unit};
use super::{DateError, Parser, error};
use crate::model::date::calendar::{self, Widen};
use crate::model::date::{DateValue, Granularity, UNBOUNDED_END, UNBOUNDED_START};

/// How far from its anchor a relative date may lie, in years: well inside the calendar's
/// range (some 262,000 years either way) for any anchor a source can have.
const MAX_YEARS_AWAY: i64 = 200_000;

/// How far the edges of "early this year" may be off: a month, as for "early 2013".
const PART_OF_YEAR_MARGIN: u32 = 30;
/// How far the edges of "early this month" may be off: five days, as for "early July 2023".
const PART_OF_MONTH_MARGIN: u32 = 5;
/// How far the edges of "the early part of this decade" may be off: a year.
const PART_OF_DECADE_MARGIN: u32 = 365;
/// How far the edges of "late last century" may be off: five years.
const PART_OF_CENTURY_MARGIN: u32 = 1826;

/// A relative form as read, before the published date resolves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relative {
    /// The latest such weekday (Monday 0) on or before the published date: "on Thursday".
    Weekday(u32),
    /// The weekday strictly before (`false`) or after the published date: "last Tuesday".
    OtherWeekday(u32, bool),
    /// The `n`th such weekday after the published date (negative: before): "3 Fridays from
    /// now".
    Weekdays(u32, i64),
    /// The season `count` seasons before the published one's: "last season".
    Season(i64),
    /// A Saturday and Sunday: "last weekend".
    Weekend(Weekend),
    /// The nearest weekday strictly before (`false`) or after: "this past Sunday".
    NearestWeekday(u32, bool),
    /// The weekday of the published week, or the next one: "this Monday".
    ThisWeekday(u32),
    /// The weekday in the week `weeks` weeks after the published one: "Monday of this week".
    WeekdayOfWeek(u32, i64),
    /// The calendar unit `count` units before the published one's (0 is its own, negative is
    /// after): "yesterday", "last month", "next quarter", "three weeks ago".
    Ago(Unit, i64),
    /// Whole years `years` before (negative: after) the published year, stated loosely and
    /// widened by `widen` years: "two decades ago".
    YearsAgo { years: i64, widen: u32 },
    /// From the start of the `count`th unit before to the published date: "the past 2 weeks".
    Past(Unit, i64),
    /// From the published date to the end of the `count`th unit after: "the next 3 months".
    Coming(Unit, i64),
    /// The early, mid or late part of a calendar unit: "early this year", "late last month".
    PartOf(Part, Unit, i64),
    /// The part of the published unit before (`true`) or after the published date: "earlier
    /// this year", "later this month".
    Rest(Unit, bool),
    /// An occurrence of a month or season (first and last month): "last October".
    Months(u32, u32, Pick),
    /// Months of the year `count` years before the published one: "March of last year".
    MonthsOfYear(u32, u32, i64),
    /// Any time up to the published date: "in recent years", "recently", "the past few
    /// years".
    Recent,
    /// Any time from the published date on: "in the coming months", "the next few years".
    Upcoming,
}

impl Parser<'_, '_> {
    /// The interval a relative form names at `anchor`.
    pub(super) fn resolve(&self, form: Relative, anchor: Anchor) -> Result<DateValue, DateError> {
        let too_far = match form {
            Relative::Ago(unit, count)
            | Relative::Past(unit, count)
            | Relative::Coming(unit, count) => years_of(unit, count).abs() > MAX_YEARS_AWAY,
            Relative::YearsAgo { years, .. } => years.abs() > MAX_YEARS_AWAY,
            _ => false,
        };
        if too_far {
            // The calendar clamps at its ends; a count that reaches past them ("4294967295
            // years ago") is refused rather than silently moved.
            return Err(self.out_of_range());
        }
        let ((earliest, latest), granularity, margin) = match form {
            Relative::Weekday(weekday) => (anchor.latest_weekday(weekday), Granularity::Day, 0),
            Relative::OtherWeekday(weekday, forward) => {
                (anchor.other_weekday(weekday, forward), Granularity::Day, 0)
            }
            Relative::NearestWeekday(weekday, forward) => (
                anchor.nearest_weekday(weekday, forward),
                Granularity::Day,
                0,
            ),
            Relative::Weekdays(weekday, n) => {
                (anchor.weekdays_away(weekday, n), Granularity::Day, 0)
            }
            Relative::Season(count) => (
                anchor.season_ago(count),
                Granularity::PartOfYear,
                PART_OF_YEAR_MARGIN,
            ),
            Relative::Weekend(which) => (anchor.weekend(which), Granularity::Span, 0),
            Relative::ThisWeekday(weekday) => (anchor.this_weekday(weekday), Granularity::Day, 0),
            Relative::WeekdayOfWeek(weekday, weeks) => {
                (anchor.weekday_of_week(weekday, weeks), Granularity::Day, 0)
            }
            Relative::Ago(unit, count) => (anchor.units_ago(unit, count), granularity(unit), 0),
            Relative::YearsAgo { years, widen } => {
                let value =
                    self.relative_value(anchor.units_ago(Unit::Year, years), Granularity::Year, 0)?;
                return self.widened(&value, Widen::Years(widen), true, true);
            }
            Relative::Past(unit, count) => (anchor.past_units(unit, count), Granularity::Span, 0),
            Relative::Coming(unit, count) => {
                (anchor.coming_units(unit, count), Granularity::Span, 0)
            }
            Relative::PartOf(part, unit, count) => {
                let (first, last) = anchor.units_ago(unit, count);
                let Some((bounds, granularity, margin)) = part_of(part, unit, first, last) else {
                    return Err(self.not_a_date());
                };
                (bounds, granularity, margin)
            }
            Relative::Rest(unit, before) => {
                let (first, last) = anchor.units_ago(unit, 0);
                let bounds = if before {
                    (first, anchor.last)
                } else {
                    (anchor.first, last)
                };
                (bounds, Granularity::Span, 0)
            }
            Relative::Months(first, last, pick) => {
                let (granularity, margin) = if first == last {
                    (Granularity::Month, 0)
                } else {
                    (Granularity::PartOfYear, PART_OF_YEAR_MARGIN)
                };
                (anchor.occurrence(first, last, pick), granularity, margin)
            }
            Relative::MonthsOfYear(first, last, count) => {
                let (start, end) = anchor.units_ago(Unit::Year, count);
                let (year, _, _) = calendar::civil(start);
                let (end_year, _, _) = calendar::civil(end);
                let spill = i64::from(last < first);
                let bounds = (
                    calendar::from_civil(year, first, 1),
                    calendar::month_end(calendar::month_index(end_year + spill, last)),
                );
                let (granularity, margin) = if first == last {
                    (Granularity::Month, 0)
                } else {
                    (Granularity::PartOfYear, PART_OF_YEAR_MARGIN)
                };
                (bounds, granularity, margin)
            }
            Relative::Recent => (
                (i64::from(UNBOUNDED_START), anchor.last),
                Granularity::Open,
                0,
            ),
            Relative::Upcoming => (
                (anchor.first, i64::from(UNBOUNDED_END)),
                Granularity::Open,
                0,
            ),
        };
        self.relative_value((earliest, latest), granularity, margin)
    }

    /// A resolved interval as a relative [`DateValue`].
    fn relative_value(
        &self,
        (earliest, latest): (i64, i64),
        granularity: Granularity,
        margin: u32,
    ) -> Result<DateValue, DateError> {
        let mut value = if earliest == i64::from(UNBOUNDED_START) {
            let mut value = self.value(latest, latest, granularity, margin)?;
            value.earliest = UNBOUNDED_START;
            value
        } else if latest == i64::from(UNBOUNDED_END) {
            let mut value = self.value(earliest, earliest, granularity, margin)?;
            value.latest = UNBOUNDED_END;
            value
        } else {
            self.value(earliest, latest, granularity, margin)?
        };
        value.relative = true;
        Ok(value)
    }

    /// The source's `published` date as an anchor, or the error every date relative to it
    /// gives without one (or with an open-ended one).
    pub(super) fn anchor(&self) -> Result<Anchor, DateError> {
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

/// How many years `count` units reach, to refuse counts past the calendar.
fn years_of(unit: Unit, count: i64) -> i64 {
    match unit {
        Unit::Day => count / 366,
        Unit::Week => count / 53,
        Unit::Month => count / 12,
        Unit::Quarter => count / 4,
        Unit::Year => count,
        Unit::Decade => count.saturating_mul(10),
        Unit::Century => count.saturating_mul(100),
    }
}

/// The granularity a whole calendar unit is stated at. Weeks, having none of their own, are
/// parts of a month; quarters are parts of a year.
fn granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Day => Granularity::Day,
        Unit::Week => Granularity::PartOfMonth,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::PartOfYear,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century => Granularity::Century,
    }
}

/// The early, mid or late third of the calendar unit `first..=last`, by the rules of "early
/// 2022", "early July 2023", "the early 1990s" and "the early 20th century"; `None` for units
/// that have no such parts here (days, weeks, quarters).
fn part_of(
    part: Part,
    unit: Unit,
    first: i64,
    last: i64,
) -> Option<((i64, i64), Granularity, u32)> {
    let (year, _, _) = calendar::civil(first);
    let thirds = |early: i64, mid: i64| match part {
        Part::Early => (0, early - 1),
        Part::Mid => (early, mid - 1),
        Part::Late => (mid, -1),
    };
    Some(match unit {
        Unit::Year => {
            let (from, to) = match part {
                Part::Early => (1, 4),
                Part::Mid => (5, 8),
                Part::Late => (9, 12),
            };
            (
                (
                    calendar::from_civil(year, from, 1),
                    calendar::month_end(calendar::month_index(year, to)),
                ),
                Granularity::PartOfYear,
                PART_OF_YEAR_MARGIN,
            )
        }
        Unit::Month => {
            let (from, to) = thirds(10, 20);
            let end = if to < 0 { last } else { first + to };
            (
                (first + from, end),
                Granularity::PartOfMonth,
                PART_OF_MONTH_MARGIN,
            )
        }
        Unit::Decade | Unit::Century => {
            let (early, mid, margin, granularity) = if unit == Unit::Decade {
                (4, 7, PART_OF_DECADE_MARGIN, Granularity::PartOfDecade)
            } else {
                (33, 66, PART_OF_CENTURY_MARGIN, Granularity::Century)
            };
            let (from, to) = thirds(early, mid);
            let (last_year, _, _) = calendar::civil(last);
            let to = if to < 0 { last_year } else { year + to };
            (
                (
                    calendar::from_civil(year + from, 1, 1),
                    calendar::from_civil(to, 12, 31),
                ),
                granularity,
                margin,
            )
        }
        Unit::Week => {
            // Monday–Wednesday, Tuesday–Thursday, Friday–Sunday.
            let (from, to) = match part {
                Part::Early => (0, 2),
                Part::Mid => (1, 3),
                Part::Late => (4, 6),
            };
            ((first + from, first + to), Granularity::PartOfMonth, 1)
        }
        Unit::Day | Unit::Quarter => return None,
    })
}
