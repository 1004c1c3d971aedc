//! A normalized date-time: an interval of seconds at its stated precision, with its zone
//! (README, "Times of day").
//!
//! Owns the validated date-time type, the time zones it can carry and how it is shown (human
//! and ISO 8601). Reading text into it is `normalize::time`; comparing two of them is
//! `compare::time`. Nothing here reads text or decides whether two values agree.

use std::fmt::Write as _;

use super::date::{DateValue, UNBOUNDED_END, UNBOUNDED_START, calendar, month_name};

/// Seconds in a day: a date-time counts seconds from day 0 of [`super::date::Day`].
pub const SECONDS_PER_DAY: i64 = 86_400;

/// The zone a date-time was stated in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// No zone stated and none declared for the property: a wall-clock time, compared with
    /// other local times only.
    Local,
    /// A fixed offset from UTC, with the abbreviation it was read from ("CST"), if any.
    Offset {
        /// Seconds east of UTC (`-21600` for UTC−06:00).
        seconds: i32,
        /// The abbreviation as the zone table spells it, when the offset came from one.
        name: Option<&'static str>,
    },
}

impl Zone {
    /// UTC (`Z`).
    pub const UTC: Zone = Zone::Offset {
        seconds: 0,
        name: None,
    };

    /// The offset in seconds east of UTC, `None` for a local time.
    #[must_use]
    pub fn offset(self) -> Option<i64> {
        match self {
            Zone::Local => None,
            Zone::Offset { seconds, .. } => Some(i64::from(seconds)),
        }
    }

    /// The offset as ISO 8601 writes it: `Z`, `-05:00`, `+05:30`; empty for a local time.
    #[must_use]
    pub fn iso(self) -> String {
        match self.offset() {
            None => String::new(),
            Some(0) => "Z".to_owned(),
            Some(seconds) => {
                let sign = if seconds < 0 { '-' } else { '+' };
                let minutes = seconds.abs() / 60;
                format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
            }
        }
    }

    /// The zone for people: "UTC", "UTC−05:00", "CST (UTC−06:00)"; empty for a local time.
    #[must_use]
    pub fn describe(self) -> String {
        let Zone::Offset { seconds, name } = self else {
            return String::new();
        };
        let offset = if seconds == 0 {
            "UTC".to_owned()
        } else {
            format!("UTC{}", self.iso().replace('-', "\u{2212}"))
        };
        match name {
            Some(name) if !name.eq_ignore_ascii_case("utc") => format!("{name} ({offset})"),
            _ => offset,
        }
    }
}

/// How precisely a date-time was stated: the length of its interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimePrecision {
    /// To the second ("13:55:07"); fractions of a second are dropped.
    Second,
    /// To the minute ("13:55", "1:55 PM").
    Minute,
    /// To the hour ("1 PM").
    Hour,
    /// A date with no clock time ("1 December 2011", "July 2023"): its days.
    Date,
}

impl TimePrecision {
    /// The length of one unit in seconds; `None` for a date, whose length is its days'.
    #[must_use]
    pub fn seconds(self) -> Option<i64> {
        match self {
            TimePrecision::Second => Some(1),
            TimePrecision::Minute => Some(60),
            TimePrecision::Hour => Some(3600),
            TimePrecision::Date => None,
        }
    }
}

/// A date-time as an interval of seconds `[start, end)` on its own wall clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateTimeValue {
    /// First second, on the stated wall clock: seconds since the start of day 0 when
    /// [`dated`](Self::dated), seconds since midnight (`0..86_400`) for a time of day;
    /// `i64::MIN` when open at the start.
    pub start: i64,
    /// The second after the last, likewise; `i64::MAX` when open at the end.
    pub end: i64,
    /// How precisely it was stated.
    pub precision: TimePrecision,
    /// The zone it was stated in (or its property's declared zone).
    pub zone: Zone,
    /// Whether a date was stated; without one it is a time of day, on any day.
    pub dated: bool,
    /// How far, in seconds, each end may be off: an approximate date's margin, or an
    /// approximate clock time's ("around 13:55" is widened by it on each side).
    pub margin: i64,
    /// The date as read, when no clock time was stated (for showing it as stated).
    pub date: Option<DateValue>,
}

impl DateTimeValue {
    /// A clock time on a day (`day` a day number) or, with `day` `None`, a time of day;
    /// `second_of_day` in `0..86_400`.
    #[must_use]
    pub fn clock(
        day: Option<super::date::Day>,
        second_of_day: i64,
        precision: TimePrecision,
        zone: Zone,
    ) -> DateTimeValue {
        let base = day.map_or(0, |day| i64::from(day) * SECONDS_PER_DAY);
        let start = base + second_of_day;
        DateTimeValue {
            start,
            end: start + precision.seconds().unwrap_or(SECONDS_PER_DAY),
            precision,
            zone,
            dated: day.is_some(),
            margin: 0,
            date: None,
        }
    }

    /// A date with no clock time: its days, on the wall clock of `zone`.
    #[must_use]
    pub fn of_date(date: &DateValue, zone: Zone) -> DateTimeValue {
        let start = if date.earliest == UNBOUNDED_START {
            i64::MIN
        } else {
            i64::from(date.earliest) * SECONDS_PER_DAY
        };
        let end = if date.latest == UNBOUNDED_END {
            i64::MAX
        } else {
            (i64::from(date.latest) + 1) * SECONDS_PER_DAY
        };
        DateTimeValue {
            start,
            end,
            precision: TimePrecision::Date,
            zone,
            dated: true,
            margin: i64::from(date.margin) * SECONDS_PER_DAY,
            date: Some(date.clone()),
        }
    }

    /// An approximate clock time ("around 13:55"): widened by `margin` seconds on each side.
    #[must_use]
    pub fn around(self, margin: i64) -> DateTimeValue {
        DateTimeValue {
            start: self.start - margin,
            end: self.end + margin,
            margin,
            ..self
        }
    }

    /// The first second as stated, before an approximate clock time was widened.
    fn stated_start(&self) -> i64 {
        if self.date.is_none() {
            self.start + self.margin
        } else {
            self.start
        }
    }

    /// The interval in the frame comparisons use: UTC for a zoned value, the wall clock for a
    /// local one. Open ends stay open.
    #[must_use]
    pub fn frame(&self) -> (i64, i64) {
        let offset = self.zone.offset().unwrap_or(0);
        let shift = |second: i64| {
            if second == i64::MIN || second == i64::MAX {
                second
            } else {
                second - offset
            }
        };
        (shift(self.start), shift(self.end))
    }

    /// The last clock time of a span ("13:55–14:10" ends at 14:10), as a second on the
    /// same timeline as [`start`](Self::start); `None` for a single clock time or a date.
    #[must_use]
    pub fn last(&self) -> Option<i64> {
        let unit = self.precision.seconds()?;
        if self.date.is_some() || self.end == i64::MAX {
            return None;
        }
        let last = self.end - self.margin - unit;
        (last > self.stated_start()).then_some(last)
    }

    /// The day number of a dated clock time, on its own wall clock.
    fn day(&self) -> Option<i64> {
        (self.dated && self.precision != TimePrecision::Date)
            .then(|| self.stated_start().div_euclid(SECONDS_PER_DAY))
    }

    /// The clock time as people write it: "13:55", "13:55:07", "1 PM"; a span's two
    /// ("13:55–14:10").
    fn clock_text(&self) -> String {
        let first = self.clock_at(self.stated_start());
        match self.last() {
            Some(last) => format!("{first}\u{2013}{}", self.clock_at(last)),
            None => first,
        }
    }

    /// The clock time of `second` at this value's precision.
    fn clock_at(&self, second: i64) -> String {
        let second = second.rem_euclid(SECONDS_PER_DAY);
        let (hour, minute, sec) = (second / 3600, second / 60 % 60, second % 60);
        match self.precision {
            TimePrecision::Hour => {
                let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
                let meridiem = if hour < 12 { "AM" } else { "PM" };
                format!("{twelve} {meridiem}")
            }
            TimePrecision::Second => format!("{hour:02}:{minute:02}:{sec:02}"),
            TimePrecision::Minute | TimePrecision::Date => format!("{hour:02}:{minute:02}"),
        }
    }

    /// Human form, which reads back as the same value: "13:55", "1 December 2011 13:55",
    /// "1 Dec 2011 13:55 UTC−05:00", "12:10 CST (UTC−06:00)", "July 2023".
    #[must_use]
    pub fn describe(&self) -> String {
        let mut text = match (&self.date, self.day()) {
            (Some(date), _) => date.describe(),
            (None, Some(day)) => {
                let (year, month, dom) = calendar::civil(day);
                format!(
                    "{dom} {} {year} {}",
                    month_name(month, false),
                    self.clock_text()
                )
            }
            (None, None) => self.clock_text(),
        };
        let zone = self.zone.describe();
        if !zone.is_empty() {
            let _ = write!(text, " {zone}");
        }
        if self.date.is_none() && self.margin > 0 {
            text.insert_str(0, "around ");
        }
        text
    }

    /// ISO 8601, for identities and machine output: "2011-12-01T13:55-05:00",
    /// "2011-12-01T13:55" (local), "T13:55" (a time of day), "2011-12-01T13" (to the hour),
    /// a date's EDTF form for a date with no clock time.
    #[must_use]
    pub fn iso(&self) -> String {
        if let Some(date) = &self.date {
            return format!("{}{}", date.edtf(), self.zone.iso());
        }
        let mut text = self.iso_at(self.stated_start());
        if let Some(last) = self.last() {
            // ISO 8601's interval: both ends written in full.
            text.push('/');
            text.push_str(&self.iso_at(last));
        }
        if self.margin > 0 {
            text.push('~');
        }
        text
    }

    /// ISO 8601 of the clock time `second` (on this value's timeline) at its precision, with
    /// its day when dated and its zone.
    fn iso_at(&self, second: i64) -> String {
        let mut text = if self.dated {
            super::date::edtf_date(second.div_euclid(SECONDS_PER_DAY))
        } else {
            String::new()
        };
        let second = second.rem_euclid(SECONDS_PER_DAY);
        let (hour, minute, sec) = (second / 3600, second / 60 % 60, second % 60);
        let _ = write!(text, "T{hour:02}");
        if self.precision <= TimePrecision::Minute {
            let _ = write!(text, ":{minute:02}");
        }
        if self.precision == TimePrecision::Second {
            let _ = write!(text, ":{sec:02}");
        }
        text.push_str(&self.zone.iso());
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> crate::model::date::Day {
        calendar::to_day(calendar::from_civil(y, m, d)).unwrap()
    }

    #[test]
    fn shows_clock_times_with_their_zone() {
        let cdt = Zone::Offset {
            seconds: -6 * 3600,
            name: Some("CST"),
        };
        let value = DateTimeValue::clock(
            Some(day(2011, 12, 1)),
            12 * 3600 + 600,
            TimePrecision::Minute,
            cdt,
        );
        assert_eq!(value.describe(), "1 December 2011 12:10 CST (UTC−06:00)");
        assert_eq!(value.iso(), "2011-12-01T12:10-06:00");
        let local = DateTimeValue::clock(
            None,
            13 * 3600 + 55 * 60,
            TimePrecision::Minute,
            Zone::Local,
        );
        assert_eq!(local.describe(), "13:55");
        assert_eq!(local.iso(), "T13:55");
        let hour = DateTimeValue::clock(None, 0, TimePrecision::Hour, Zone::UTC);
        assert_eq!(hour.describe(), "12 AM UTC");
        assert_eq!(hour.iso(), "T00Z");
        let second = DateTimeValue::clock(
            Some(day(2025, 1, 16)),
            36_000 + 7,
            TimePrecision::Second,
            Zone::Offset {
                seconds: 19_800,
                name: None,
            },
        );
        assert_eq!(second.describe(), "16 January 2025 10:00:07 UTC+05:30");
        assert_eq!(second.iso(), "2025-01-16T10:00:07+05:30");
    }

    #[test]
    fn the_interval_is_the_stated_precision_and_zoned_values_compare_in_utc() {
        let value = DateTimeValue::clock(
            Some(day(2011, 12, 1)),
            13 * 3600,
            TimePrecision::Hour,
            Zone::Offset {
                seconds: -5 * 3600,
                name: None,
            },
        );
        assert_eq!(value.end - value.start, 3600);
        assert_eq!(value.frame().0, value.start + 5 * 3600);
        let local = DateTimeValue {
            zone: Zone::Local,
            ..value
        };
        assert_eq!(local.frame(), (local.start, local.end));
    }
}
