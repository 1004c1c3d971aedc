//! The intervals the machine reports (JSON, JSON Lines) give for dates and date-times.
//!
//! Owns their shape and how their ends are written: EDTF days for a date, ISO 8601 date-times
//! for a date-time — with the offset it was stated in (or its property's declared zone), with
//! none for a local wall-clock time, and as a bare time of day (`T13:55:00`) when no date was
//! stated. Reads the model's values only; must not decide anything about them.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::date::{DateValue, UNBOUNDED_END, UNBOUNDED_START, edtf_date};
use crate::model::time::{DateTimeValue, SECONDS_PER_DAY, TimePrecision, Zone};

/// The days a date allows, widened by its vagueness.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Interval {
    /// First day, an EDTF day (`YYYY-MM-DD`; `-YYYY-MM-DD` before year 1, `Y`-prefixed past
    /// year 9999), null when open.
    pub earliest: Option<String>,
    /// Last day, in the same form, null when open.
    pub latest: Option<String>,
    /// How many days each end may be off.
    pub margin_days: u32,
}

impl Interval {
    /// The interval of a date.
    #[must_use]
    pub fn of(date: &DateValue) -> Interval {
        let day = |day: crate::model::date::Day| -> Option<String> {
            (day != UNBOUNDED_START && day != UNBOUNDED_END).then(|| edtf_date(i64::from(day)))
        };
        Interval {
            earliest: day(date.earliest),
            latest: day(date.latest),
            margin_days: date.margin,
        }
    }
}

/// The seconds a date-time allows, at its stated precision: half-open, `[start, end)`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TimeInterval {
    /// The first second, ISO 8601 to the second: `2011-12-01T13:55:00-05:00` with the offset
    /// it was stated in (or its property's declared `zone`; `Z` for UTC),
    /// `2011-12-01T13:55:00` with none (a local wall-clock time, compared with local times
    /// only), `T13:55:00` for a time of day on any day (`T13:55:00-05:00` with an offset);
    /// the date as an EDTF day (`-YYYY` before year 1). Null when open ("since 2011").
    pub start: Option<String>,
    /// The second after the last, in the same form (`2011-12-01T13:56:00-05:00` for "1:55 PM
    /// CDT"); a time of day ends at `T24:00:00` at the latest, and its end is before its
    /// start when the interval wraps midnight ("around 23:58"). Null when open.
    pub end: Option<String>,
    /// How precisely it was stated: `second`, `minute`, `hour`, or `date` (a date with no
    /// clock time: its whole days).
    pub precision: String,
    /// The offset from UTC, as in `start` (`Z`, `-06:00`); null for a local time.
    pub offset: Option<String>,
    /// The zone abbreviation the offset was read from (`CST`), when it was one.
    pub zone_name: Option<String>,
    /// Whether a date was stated; without one it is a time of day.
    pub dated: bool,
    /// How many seconds each end may be off (an approximate time is already widened by it).
    pub margin_seconds: i64,
}

impl TimeInterval {
    /// The interval of a date-time.
    #[must_use]
    pub fn of(value: &DateTimeValue) -> TimeInterval {
        let offset = value.zone.iso();
        let at = |second: i64, end: bool| -> Option<String> {
            (second != i64::MIN && second != i64::MAX)
                .then(|| iso_second(second, value.dated, end, &offset))
        };
        TimeInterval {
            start: at(value.start, false),
            end: at(value.end, true),
            precision: match value.precision {
                TimePrecision::Second => "second",
                TimePrecision::Minute => "minute",
                TimePrecision::Hour => "hour",
                TimePrecision::Date => "date",
            }
            .to_owned(),
            offset: (!offset.is_empty()).then_some(offset),
            zone_name: match value.zone {
                Zone::Offset {
                    name: Some(name), ..
                } => Some(name.to_owned()),
                _ => None,
            },
            dated: value.dated,
            margin_seconds: value.margin,
        }
    }
}

/// A second on a wall clock in ISO 8601: a dated one counts from the start of day 0, a time
/// of day from midnight (wrapping around the day; the end of a day is `T24:00:00`).
fn iso_second(second: i64, dated: bool, end: bool, offset: &str) -> String {
    let of_day = second.rem_euclid(SECONDS_PER_DAY);
    let (hour, minute, sec) = if !dated && end && of_day == 0 && second > 0 {
        (24, 0, 0)
    } else {
        (of_day / 3600, of_day / 60 % 60, of_day % 60)
    };
    let date = if dated {
        edtf_date(second.div_euclid(SECONDS_PER_DAY))
    } else {
        String::new()
    };
    format!("{date}T{hour:02}:{minute:02}:{sec:02}{offset}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::calendar;

    fn day(y: i64, m: u32, d: u32) -> crate::model::date::Day {
        calendar::to_day(calendar::from_civil(y, m, d)).unwrap()
    }

    const CST: Zone = Zone::Offset {
        seconds: -6 * 3600,
        name: Some("CST"),
    };

    #[test]
    fn a_zoned_minute_is_sixty_seconds_with_its_offset() {
        let value = DateTimeValue::clock(
            Some(day(2011, 12, 1)),
            12 * 3600 + 600,
            TimePrecision::Minute,
            CST,
        );
        let interval = TimeInterval::of(&value);
        assert_eq!(interval.start.as_deref(), Some("2011-12-01T12:10:00-06:00"));
        assert_eq!(interval.end.as_deref(), Some("2011-12-01T12:11:00-06:00"));
        assert_eq!(interval.precision, "minute");
        assert_eq!(interval.offset.as_deref(), Some("-06:00"));
        assert_eq!(interval.zone_name.as_deref(), Some("CST"));
        assert!(interval.dated);
    }

    #[test]
    fn a_local_hour_has_no_offset_and_the_last_hour_ends_the_next_day() {
        let value = DateTimeValue::clock(
            Some(day(1999, 12, 31)),
            23 * 3600,
            TimePrecision::Hour,
            Zone::Local,
        );
        let interval = TimeInterval::of(&value);
        assert_eq!(interval.start.as_deref(), Some("1999-12-31T23:00:00"));
        assert_eq!(interval.end.as_deref(), Some("2000-01-01T00:00:00"));
        assert_eq!(interval.offset, None);
        assert_eq!(interval.zone_name, None);
    }

    #[test]
    fn a_time_of_day_has_no_date_and_may_wrap_midnight() {
        let late = DateTimeValue::clock(None, 23 * 3600, TimePrecision::Hour, Zone::UTC);
        let interval = TimeInterval::of(&late);
        assert_eq!(interval.start.as_deref(), Some("T23:00:00Z"));
        assert_eq!(interval.end.as_deref(), Some("T24:00:00Z"));
        assert!(!interval.dated);
        let around = DateTimeValue::clock(
            None,
            23 * 3600 + 58 * 60,
            TimePrecision::Minute,
            Zone::Local,
        )
        .around(300);
        let interval = TimeInterval::of(&around);
        assert_eq!(interval.start.as_deref(), Some("T23:53:00"));
        assert_eq!(interval.end.as_deref(), Some("T00:04:00"));
        assert_eq!(interval.margin_seconds, 300);
        let midnight = DateTimeValue::clock(None, 0, TimePrecision::Minute, Zone::Local);
        assert_eq!(
            TimeInterval::of(&midnight).start.as_deref(),
            Some("T00:00:00")
        );
    }

    #[test]
    fn a_date_without_a_clock_time_spans_its_days_and_open_ends_are_null() {
        let july = DateValue {
            earliest: day(2023, 7, 1),
            latest: day(2023, 7, 31),
            granularity: crate::model::date::Granularity::Month,
            margin: 0,
            approximate: false,
            relative: false,
        };
        let interval = TimeInterval::of(&DateTimeValue::of_date(&july, Zone::Local));
        assert_eq!(interval.start.as_deref(), Some("2023-07-01T00:00:00"));
        assert_eq!(interval.end.as_deref(), Some("2023-08-01T00:00:00"));
        assert_eq!(interval.precision, "date");
        let since = DateValue {
            latest: UNBOUNDED_END,
            ..july
        };
        let interval = TimeInterval::of(&DateTimeValue::of_date(&since, Zone::UTC));
        assert_eq!(interval.start.as_deref(), Some("2023-07-01T00:00:00Z"));
        assert_eq!(interval.end, None);
        let bc = DateTimeValue::clock(
            Some(day(-43, 3, 15)),
            12 * 3600,
            TimePrecision::Hour,
            Zone::Local,
        );
        assert_eq!(
            TimeInterval::of(&bc).start.as_deref(),
            Some("-0043-03-15T12:00:00")
        );
    }
}
