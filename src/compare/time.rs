//! Comparing two date-times of one fact (README, "Times of day"): the verdict, or why they
//! cannot be compared, and how far apart they are.
//!
//! Owns what agreement between two date-time intervals means: zoned values compare as
//! instants (UTC), local values with local values on the wall clock, and a time of day with
//! anything on the clock, around the day (23:55 and 00:05 are 10 minutes apart). It must not
//! read or show values (`normalize::time`, `model::time`) and is pure. Every function is
//! symmetric in its two values.

use crate::compare::date::DateGap;
use crate::compare::verdict::Verdict;
use crate::model::time::{DateTimeValue, SECONDS_PER_DAY, TimePrecision, Zone};

/// Two values placed where they can be compared.
enum Placed {
    /// Both dated: intervals on one line (`i64::MIN`/`MAX` for open ends).
    Line((i64, i64), (i64, i64)),
    /// At least one is a time of day: arcs on the clock, as (start, length) with the start in
    /// `0..86_400` and the length at most a day.
    Clock((i64, i64), (i64, i64)),
}

/// Places two values in one frame, or says why they have none: a local clock time and a
/// zoned one do not say the same thing about the instant. A date with no clock time and no
/// zone is read on the other value's wall clock (a day is a day wherever it is said).
fn place(a: &DateTimeValue, b: &DateTimeValue) -> Result<Placed, String> {
    let (fa, fb) = match (a.zone, b.zone) {
        (Zone::Local, Zone::Local) | (Zone::Offset { .. }, Zone::Offset { .. }) => {
            (a.frame(), b.frame())
        }
        (Zone::Local, Zone::Offset { .. }) if a.precision == TimePrecision::Date => {
            ((a.start, a.end), (b.start, b.end))
        }
        (Zone::Offset { .. }, Zone::Local) if b.precision == TimePrecision::Date => {
            ((a.start, a.end), (b.start, b.end))
        }
        (Zone::Local, _) => return Err(no_zone(a, b)),
        (_, Zone::Local) => return Err(no_zone(b, a)),
    };
    if a.dated && b.dated {
        return Ok(Placed::Line(fa, fb));
    }
    Ok(Placed::Clock(arc(fa), arc(fb)))
}

fn no_zone(local: &DateTimeValue, zoned: &DateTimeValue) -> String {
    format!(
        "{} gives no time zone and {} does; declare the property's `zone` in rules.toml, or \
         give the zone with the value",
        local.describe(),
        zoned.describe()
    )
}

/// An interval projected onto the clock: its start within the day and its length (a whole
/// day for anything a day or longer, and for open intervals).
fn arc((start, end): (i64, i64)) -> (i64, i64) {
    let length = end.saturating_sub(start);
    if start == i64::MIN || end == i64::MAX || length >= SECONDS_PER_DAY {
        return (0, SECONDS_PER_DAY);
    }
    (start.rem_euclid(SECONDS_PER_DAY), length)
}

/// The verdict for two date-times, or why they cannot be compared; symmetric.
///
/// As for dates: equal, refines (one interval holds the other), compatible (they overlap),
/// tension (disjoint by less than the sum of their margins), conflict.
///
/// # Errors
/// When one value is a local clock time and the other is zoned (a local date compares).
pub fn compare_datetimes(a: &DateTimeValue, b: &DateTimeValue) -> Result<Verdict, String> {
    let margins = a.margin.saturating_add(b.margin);
    let verdict = match place(a, b)? {
        Placed::Line(x, y) => {
            if x == y {
                Verdict::Equal
            } else if (x.0 <= y.0 && y.1 <= x.1) || (y.0 <= x.0 && x.1 <= y.1) {
                Verdict::Refines
            } else {
                match line_gap(x, y) {
                    None => Verdict::Compatible,
                    Some(gap) if gap < margins => Verdict::Tension,
                    Some(_) => Verdict::Conflict,
                }
            }
        }
        Placed::Clock(x, y) => {
            if x == y || (x.1 == SECONDS_PER_DAY && y.1 == SECONDS_PER_DAY) {
                Verdict::Equal
            } else if holds(x, y) || holds(y, x) {
                Verdict::Refines
            } else {
                match clock_gap(x, y) {
                    None => Verdict::Compatible,
                    Some(gap) if gap < margins => Verdict::Tension,
                    Some(_) => Verdict::Conflict,
                }
            }
        }
    };
    Ok(verdict)
}

/// Seconds from the end of the earlier interval to the start of the later; `None` when they
/// overlap. Half-open intervals: 13:55 and 13:56 (minutes) are disjoint, 0 seconds apart.
fn line_gap(x: (i64, i64), y: (i64, i64)) -> Option<i64> {
    let (earlier, later) = if x.0 <= y.0 { (x, y) } else { (y, x) };
    (earlier.1 <= later.0).then(|| later.0.saturating_sub(earlier.1))
}

/// Whether arc `outer` holds arc `inner`.
fn holds(outer: (i64, i64), inner: (i64, i64)) -> bool {
    outer.1 == SECONDS_PER_DAY
        || (inner.0 - outer.0).rem_euclid(SECONDS_PER_DAY) + inner.1 <= outer.1
}

/// The gap between two disjoint arcs the short way round; `None` when they overlap.
fn clock_gap(x: (i64, i64), y: (i64, i64)) -> Option<i64> {
    let from = |a: (i64, i64), b: (i64, i64)| (b.0 - a.0).rem_euclid(SECONDS_PER_DAY);
    if from(x, y) < x.1 || from(y, x) < y.1 {
        return None;
    }
    Some((from(x, y) - x.1).min(from(y, x) - y.1))
}

/// How far apart two disjoint date-times are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeGap {
    /// Seconds between the nearest ends (0 for adjacent intervals).
    pub nearest_seconds: i64,
    /// Seconds between the stated starts, when both intervals have the same length (the gap is
    /// then exact), else between their midpoints; `None` when an end is open.
    pub between_seconds: Option<i64>,
    /// Whether the two intervals have the same length, so `between_seconds` is exact.
    pub exact: bool,
}

/// The gap between two date-times; `None` when they overlap or cannot be compared.
#[must_use]
pub fn time_gap(first: &DateTimeValue, second: &DateTimeValue) -> Option<TimeGap> {
    let exact = first.end.checked_sub(first.start) == second.end.checked_sub(second.start);
    match place(first, second).ok()? {
        Placed::Line(one, other) => {
            let nearest_seconds = line_gap(one, other)?;
            let open = [one.0, other.0].contains(&i64::MIN) || [one.1, other.1].contains(&i64::MAX);
            let between_seconds = (!open).then(|| {
                if exact {
                    (other.0 - one.0).abs()
                } else {
                    ((other.0 + other.1) - (one.0 + one.1)).abs() / 2
                }
            });
            Some(TimeGap {
                nearest_seconds,
                between_seconds,
                exact,
            })
        }
        Placed::Clock(one, other) => {
            let nearest_seconds = clock_gap(one, other)?;
            let round = |seconds: i64| {
                let forward = seconds.rem_euclid(SECONDS_PER_DAY);
                forward.min(SECONDS_PER_DAY - forward)
            };
            let exact = one.1 == other.1;
            let between = if exact {
                round(other.0 - one.0)
            } else {
                round(((2 * other.0 + other.1) - (2 * one.0 + one.1)) / 2)
            };
            Some(TimeGap {
                nearest_seconds,
                between_seconds: Some(between.max(nearest_seconds)),
                exact,
            })
        }
    }
}

impl TimeGap {
    /// In words: "12 minutes apart" between values stated alike, "about 3 hours apart (at
    /// least 2 hours 30 minutes)" otherwise; past two days, in days, months or years as for
    /// dates.
    #[must_use]
    pub fn describe(&self) -> String {
        let nearest = self.nearest_seconds.max(0);
        let Some(between) = self.between_seconds else {
            return format!("at least {} apart", duration(nearest.max(1)));
        };
        if between >= 2 * SECONDS_PER_DAY {
            let days = |s: i64| s.div_euclid(SECONDS_PER_DAY);
            return DateGap {
                nearest_days: days(nearest) + 1,
                midpoint_days: Some(days(between)),
            }
            .describe();
        }
        if self.exact {
            return format!("{} apart", duration(between));
        }
        let about = rounded(between);
        if nearest == 0 || duration(nearest) == duration(about) {
            format!("about {} apart", duration(about))
        } else {
            format!(
                "about {} apart (at least {})",
                duration(about),
                duration(nearest)
            )
        }
    }
}

/// `seconds` rounded to what people would say: to the minute past an hour.
fn rounded(seconds: i64) -> i64 {
    if seconds >= 3600 {
        (seconds + 30) / 60 * 60
    } else {
        seconds
    }
}

/// "2 hours 15 minutes", "12 minutes", "45 seconds", "1 minute 30 seconds".
fn duration(seconds: i64) -> String {
    let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let part = |n: i64, unit: &str| {
        let plural = if n == 1 { "" } else { "s" };
        format!("{n} {unit}{plural}")
    };
    let mut parts = Vec::new();
    if hours > 0 {
        parts.push(part(hours, "hour"));
    }
    if minutes > 0 {
        parts.push(part(minutes, "minute"));
    }
    if secs > 0 || parts.is_empty() {
        parts.push(part(secs, "second"));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::time::{read_datetime, read_zone};
    use proptest::prelude::*;

    fn value(text: &str) -> DateTimeValue {
        read_datetime(text, None, None).unwrap()
    }

    fn verdict(a: &str, b: &str) -> Result<Verdict, String> {
        compare_datetimes(&value(a), &value(b))
    }

    fn gap(a: &str, b: &str) -> String {
        time_gap(&value(a), &value(b)).unwrap().describe()
    }

    #[test]
    fn the_five_verdicts() {
        assert_eq!(verdict("13:55", "1:55 PM"), Ok(Verdict::Equal));
        assert_eq!(verdict("1 PM", "13:55"), Ok(Verdict::Refines));
        assert_eq!(
            verdict("2011-12-01", "2011-12-01 13:55"),
            Ok(Verdict::Refines)
        );
        assert_eq!(verdict("13:55", "14:07"), Ok(Verdict::Conflict));
        assert_eq!(
            verdict("13:55", "13:56"),
            Ok(Verdict::Conflict),
            "adjacent minutes"
        );
        assert_eq!(
            verdict("2011-12-01 13:55", "2011-12-02 13:55"),
            Ok(Verdict::Conflict)
        );
        assert_eq!(
            verdict("2011-12-01T13:00:30Z", "2011-12-01T13Z"),
            Ok(Verdict::Refines)
        );
    }

    #[test]
    fn approximate_times_are_in_tension_within_their_margin() {
        assert_eq!(verdict("around 13:55", "13:58"), Ok(Verdict::Refines));
        assert_eq!(verdict("around 13:55", "14:03"), Ok(Verdict::Tension));
        assert_eq!(verdict("around 13:55", "14:07"), Ok(Verdict::Conflict));
        assert_eq!(
            gap("around 13:55", "14:07"),
            "about 12 minutes apart (at least 6 minutes)"
        );
    }

    #[test]
    fn zoned_values_compare_as_instants() {
        assert_eq!(
            verdict("2011-12-01 12:10PM CST", "2011-12-01 13:10 -05:00"),
            Ok(Verdict::Equal)
        );
        assert_eq!(
            verdict("2011-12-01T18:10Z", "2011-12-01 12:10 CST"),
            Ok(Verdict::Equal)
        );
        assert_eq!(verdict("12:10 CST", "18:10 UTC"), Ok(Verdict::Equal));
        assert_eq!(
            verdict("2011-12-01 12:10 CST", "2011-12-01 12:10 EST"),
            Ok(Verdict::Conflict)
        );
        assert_eq!(
            gap("2011-12-01 12:10 CST", "2011-12-01 12:10 EST"),
            "1 hour apart"
        );
    }

    #[test]
    fn a_local_time_compares_with_local_times_only() {
        let error = verdict("13:55", "13:55 CST").unwrap_err();
        assert!(error.contains("no time zone"), "{error}");
        assert_eq!(
            verdict("2011-12-01", "2011-12-01 23:30 JST"),
            Ok(Verdict::Refines)
        );
        assert_eq!(
            verdict("2011-12-02", "2011-12-01 23:30 JST"),
            Ok(Verdict::Conflict)
        );
        assert_eq!(time_gap(&value("13:55"), &value("14:55 CST")), None);
        let declared = read_datetime("12:10", None, read_zone("CST")).unwrap();
        assert_eq!(
            compare_datetimes(&declared, &value("13:10 EST")),
            Ok(Verdict::Equal)
        );
    }

    #[test]
    fn a_time_of_day_compares_on_the_clock() {
        assert_eq!(verdict("13:55", "2011-12-01 1:55 PM"), Ok(Verdict::Equal));
        assert_eq!(verdict("23:55", "00:05"), Ok(Verdict::Conflict));
        assert_eq!(gap("23:55", "00:05"), "10 minutes apart");
        assert_eq!(gap("2011-12-01 23:55", "00:05"), "10 minutes apart");
    }

    #[test]
    fn gaps_in_minutes_and_hours() {
        assert_eq!(gap("13:55", "14:07"), "12 minutes apart");
        assert_eq!(gap("1:55 PM", "4:10 PM"), "2 hours 15 minutes apart");
        assert_eq!(gap("13:55:00", "13:55:45"), "45 seconds apart");
        assert_eq!(
            gap("1 PM", "14:30"),
            "about 1 hour 1 minute apart (at least 30 minutes)",
            "an hour and a minute: between their middles, and at least between their ends"
        );
    }

    #[test]
    fn long_gaps_are_in_days() {
        assert_eq!(
            gap("2011-12-01 13:55", "2011-12-05 13:55"),
            "about 4 days apart"
        );
        assert_eq!(gap("2011-12-01 13:55", "2011-12-01 15:55"), "2 hours apart");
    }

    fn any_value() -> impl Strategy<Value = DateTimeValue> {
        let zone = prop_oneof![
            Just(Zone::Local),
            (-12i32..=14).prop_map(|h| Zone::Offset {
                seconds: h * 3600,
                name: None
            })
        ];
        let precision = prop_oneof![
            Just(TimePrecision::Second),
            Just(TimePrecision::Minute),
            Just(TimePrecision::Hour)
        ];
        (
            prop::option::of((734_000i32..734_010).prop_map(crate::model::date::Day)),
            0i64..SECONDS_PER_DAY,
            precision,
            zone,
            0i64..600,
        )
            .prop_map(|(day, second, precision, zone, margin)| {
                let unit = precision.seconds().unwrap_or(1);
                DateTimeValue {
                    margin,
                    ..DateTimeValue::clock(day, second - second % unit, precision, zone)
                }
            })
    }

    proptest! {
        #[test]
        fn comparison_is_symmetric(a in any_value(), b in any_value()) {
            prop_assert_eq!(compare_datetimes(&a, &b).ok(), compare_datetimes(&b, &a).ok());
            prop_assert_eq!(time_gap(&a, &b), time_gap(&b, &a));
        }

        #[test]
        fn a_value_equals_itself(a in any_value()) {
            prop_assert_eq!(compare_datetimes(&a, &a), Ok(Verdict::Equal));
        }

        #[test]
        fn a_gap_exactly_when_they_disagree(a in any_value(), b in any_value()) {
            if let Ok(verdict) = compare_datetimes(&a, &b) {
                prop_assert_eq!(time_gap(&a, &b).is_some(), verdict.is_disagreement());
                if let Some(gap) = time_gap(&a, &b) {
                    prop_assert!(gap.describe().ends_with("apart") || gap.describe().contains("apart ("));
                }
            }
        }
    }
}
