//! Calendar arithmetic on day numbers (chrono's `num_days_from_ce`), total on `i64` so that no
//! input can make it panic: dates beyond chrono's range (some 262,000 years either way, far
//! from any date a source gives) are clamped to its ends.

use chrono::{Datelike, NaiveDate};

use super::{Day, UNBOUNDED_END, UNBOUNDED_START};

/// The first and last years chrono represents.
fn year_range() -> (i64, i64) {
    (
        i64::from(NaiveDate::MIN.year()),
        i64::from(NaiveDate::MAX.year()),
    )
}

/// The date of a day number, clamped to chrono's range.
fn date(day: i64) -> NaiveDate {
    let first = i64::from(NaiveDate::MIN.num_days_from_ce());
    let last = i64::from(NaiveDate::MAX.num_days_from_ce());
    i32::try_from(day.clamp(first, last))
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .unwrap_or(NaiveDate::MIN)
}

/// The day number of a civil date; an impossible day of the month is clamped to the month.
pub(crate) fn from_civil(year: i64, month: u32, day: u32) -> i64 {
    let (first, last) = year_range();
    let year = year.clamp(first, last);
    let month = month.clamp(1, 12);
    let day = day.clamp(1, days_in_month(year, month));
    i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
        .map_or(0, |date| i64::from(date.num_days_from_ce()))
}

/// The civil date (year, month, day) of a day number.
pub(crate) fn civil(day: i64) -> (i64, u32, u32) {
    let date = date(day);
    (i64::from(date.year()), date.month(), date.day())
}

/// Whether a year is a leap year in the proleptic Gregorian calendar.
pub(crate) fn is_leap(year: i64) -> bool {
    i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, 1, 1))
        .is_some_and(|date| date.leap_year())
}

/// The number of days of a month.
pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A small non-negative number (a month, a remainder) as `u32`.
fn small(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(1)
}

/// The weekday of a day number, Monday being 0.
pub(crate) fn weekday(day: i64) -> u32 {
    date(day).weekday().num_days_from_monday()
}

pub(crate) fn month_index(year: i64, month: u32) -> i64 {
    year * 12 + i64::from(month) - 1
}

/// The first day of a month given as a [`month_index`].
pub(crate) fn month_start(index: i64) -> i64 {
    from_civil(index.div_euclid(12), small(index.rem_euclid(12) + 1), 1)
}

/// The last day of a month given as a [`month_index`].
pub(crate) fn month_end(index: i64) -> i64 {
    month_start(index + 1) - 1
}

/// A day number as a [`Day`], if it fits and is not one of the unbounded sentinels.
pub(crate) fn to_day(day: i64) -> Option<Day> {
    i32::try_from(day)
        .ok()
        .map(Day)
        .filter(|d| *d != UNBOUNDED_START && *d != UNBOUNDED_END)
}

/// The coarsest calendar unit both ends of an interval align to: "2009/2013" needs only
/// years, "2022-01/2022-04" months, anything else days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    /// Starts on 1 January and ends on 31 December.
    Year,
    /// Starts on the first of a month and ends on the last of one.
    Month,
    /// Anything else.
    Day,
}

impl Precision {
    /// The precision of an interval; an open end does not constrain it.
    pub(crate) fn of(start: Option<i64>, end: Option<i64>) -> Precision {
        let start = start.map_or((1, 1), |d| {
            let (_, month, day) = civil(d);
            (month, day)
        });
        let end = end.map_or((12, true), |d| {
            let (year, month, day) = civil(d);
            (month, day == days_in_month(year, month))
        });
        match (start, end) {
            ((1, 1), (12, true)) => Precision::Year,
            ((_, 1), (_, true)) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// Whether two days fall in the same unit of this precision.
    pub(crate) fn same(self, a: i64, b: i64) -> bool {
        let (ya, ma, _) = civil(a);
        let (yb, mb, _) = civil(b);
        match self {
            Precision::Year => ya == yb,
            Precision::Month => (ya, ma) == (yb, mb),
            Precision::Day => a == b,
        }
    }
}

/// The unit an approximate date is widened by on each side ("around 2014" is 2013–2015).
///
/// Its margin in days is what an approximate [`super::DateValue`] stores, and
/// [`Widen::from_margin`] inverts [`Widen::margin`] for every unit in use, so showing the
/// date can undo the widening without a field of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Widen {
    /// A number of days (a day ±3, part of a month ±5).
    Days(u32),
    /// One month (a month, part of a year).
    Month,
    /// A number of years (a year ±1, a decade ±2, a century ±10).
    Years(u32),
}

impl Widen {
    /// The margin, in days, that an approximate date widened by this unit carries.
    pub(crate) const fn margin(self) -> u32 {
        match self {
            Widen::Days(days) => days,
            Widen::Month => 30,
            Widen::Years(years) => years.saturating_mul(365),
        }
    }

    /// The unit whose [`margin`](Widen::margin) this is.
    pub(crate) const fn from_margin(margin: u32) -> Widen {
        match margin {
            30 => Widen::Month,
            m if m > 0 && m % 365 == 0 => Widen::Years(m / 365),
            m => Widen::Days(m),
        }
    }

    fn months(self) -> Option<i64> {
        match self {
            Widen::Days(_) => None,
            Widen::Month => Some(1),
            Widen::Years(years) => Some(i64::from(years) * 12),
        }
    }

    /// Moves the first day of an interval by `steps` units (negative is earlier), keeping
    /// its day of the month.
    pub(crate) fn shift_start(self, day: i64, steps: i64) -> i64 {
        match (self, self.months()) {
            (Widen::Days(days), _) => day + steps * i64::from(days),
            (_, Some(months)) => {
                let (year, month, dom) = civil(day);
                let index = month_index(year, month) + steps * months;
                let target = month_start(index);
                target + i64::from(dom.min(days_in_month_of(index))) - 1
            }
            (_, None) => day,
        }
    }

    /// Moves the last day of an interval by `steps` units (negative is earlier); a month's
    /// last day stays the last day of the month it lands in.
    pub(crate) fn shift_end(self, day: i64, steps: i64) -> i64 {
        match (self, self.months()) {
            (Widen::Days(days), _) => day + steps * i64::from(days),
            (_, Some(months)) => {
                let (year, month, dom) = civil(day);
                let index = month_index(year, month) + steps * months;
                if dom == days_in_month(year, month) {
                    month_end(index)
                } else {
                    month_start(index) + i64::from(dom.min(days_in_month_of(index))) - 1
                }
            }
            (_, None) => day,
        }
    }
}

fn days_in_month_of(index: i64) -> u32 {
    days_in_month(index.div_euclid(12), small(index.rem_euclid(12) + 1))
}
