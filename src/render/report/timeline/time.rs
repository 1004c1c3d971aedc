//! The timeline of a contested date-time fact: its claims on a time axis of its own, scaled to
//! them (minutes beside minutes, never beside the years of a date fact).
//!
//! Owns where a date-time is drawn, by the rules comparisons follow (`compare::time`):
//! - zoned values are placed as instants, on the clock of their common offset when they share
//!   one, else of UTC (the axis says which); local values on their own wall clock; a local and
//!   a zoned clock time say nothing about each other, so such a fact gets no picture;
//! - when every value has a date, the axis is a line of date-times;
//! - when some are times of day ("13:55", on any day), the axis is the clock: every value is
//!   drawn at its time of day, the day cut where the values leave the widest gap, so that
//!   23:55 and 00:05 are drawn side by side;
//! - an approximate time ("around 13:55") fades over its margin, a date with no clock time
//!   spans its days, an open end runs to the edge with an arrow, as for dates.
//!
//! Pure: values in, SVG text out; the drawing itself is the parent module's.

use crate::model::date::{calendar, month_name};
use crate::model::time::{DateTimeValue, SECONDS_PER_DAY, TimePrecision, Zone};

use super::{Axis, Extent, Label, MAX_TICKS, draw, tooltip};

/// One row of a date-time timeline.
#[derive(Debug, Clone, Copy)]
pub struct TimeRow<'a> {
    /// The id of the source that gives it.
    pub source: &'a str,
    /// The value as stated.
    pub stated: &'a str,
    /// The value.
    pub time: &'a DateTimeValue,
    /// Its colour, as for dates.
    pub tone: usize,
}

/// A drawn timeline: the SVG, and the clock its axis is in ("UTC−06:00", "UTC", "local
/// time") for the caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The SVG.
    pub svg: String,
    /// The axis's clock.
    pub clock: String,
}

/// The narrowest axis: ten minutes.
const MIN_SPAN_SECONDS: f64 = 600.0;
/// Tick intervals, in seconds: minutes, hours, days, a week.
const STEPS: [i64; 16] = [
    60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 432_000,
    604_800, 1_209_600,
];
/// Labels with a date are wider: fewer of them.
const MAX_DATED_TICKS: f64 = 5.0;
const DAY: f64 = 86_400.0;

/// The SVG of one date-time timeline, or `None` when the values cannot share an axis (a local
/// clock time beside a zoned one).
#[must_use]
pub fn svg(id: &str, title: &str, rows: &[TimeRow<'_>]) -> Option<Picture> {
    let zoned: Vec<i64> = rows.iter().filter_map(|r| r.time.zone.offset()).collect();
    let local_clock = rows
        .iter()
        .any(|r| r.time.zone == Zone::Local && r.time.precision != TimePrecision::Date);
    if rows.is_empty() || (!zoned.is_empty() && local_clock) {
        return None;
    }
    let shift = match zoned.first() {
        Some(&first) if zoned.iter().all(|&o| o == first) => first,
        _ => 0,
    };
    let clock = if zoned.is_empty() {
        "local time".to_owned()
    } else {
        Zone::Offset {
            seconds: i32::try_from(shift).unwrap_or(0),
            name: None,
        }
        .describe()
    };
    // Seconds on the axis's clock; a local date beside zoned values is read on their clock.
    let placed: Vec<(i64, i64)> = rows
        .iter()
        .map(|r| {
            let (start, end) = if r.time.zone == Zone::Local {
                (r.time.start, r.time.end)
            } else {
                r.time.frame()
            };
            let shifted = |s: i64| {
                if s == i64::MIN || s == i64::MAX {
                    s
                } else {
                    s.saturating_add(shift)
                }
            };
            (shifted(start), shifted(end))
        })
        .collect();
    let on_clock = rows.iter().any(|r| !r.time.dated);
    let placed = if on_clock {
        around_the_clock(&placed)
    } else {
        placed
    };
    let extents: Vec<Extent> = rows
        .iter()
        .zip(&placed)
        .map(|(row, &(start, end))| extent(row.time, start, end))
        .collect();
    let axis = Axis::of(&extents, MIN_SPAN_SECONDS / DAY);
    let ticks = ticks(&axis, on_clock);
    let labels: Vec<Label<'_>> = rows
        .iter()
        .map(|row| Label {
            source: row.source,
            stated: row.stated,
            tooltip: tooltip(row.source, row.stated, &row.time.describe()),
            tone: row.tone,
        })
        .collect();
    let marked = match (ticks.first(), ticks.last()) {
        (Some((_, first)), Some((_, last))) => format!(" marked from {first} to {last}"),
        _ => String::new(),
    };
    let axis_kind = if on_clock {
        "the clock".to_owned()
    } else if let Some(day) = one_day(&axis) {
        format!("one time axis of {}", day_label(day, true))
    } else {
        "one time axis".to_owned()
    };
    let each: Vec<&str> = labels.iter().map(|l| l.tooltip.as_str()).collect();
    let description = format!(
        "The times each source gives, on {axis_kind} in {clock}{marked}: {}.",
        each.join("; ")
    );
    Some(Picture {
        svg: draw(id, title, &description, &labels, &extents, &axis, &ticks),
        clock,
    })
}

/// Intervals moved onto the clock: each at its time of day (a day or more, or an open one, is
/// the whole day), the day starting after the widest gap between the values' starts, so that
/// times on both sides of midnight are drawn together. Seconds, from that cut.
fn around_the_clock(placed: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let day = SECONDS_PER_DAY;
    let arcs: Vec<Option<(i64, i64)>> = placed
        .iter()
        .map(|&(start, end)| {
            let length = end.saturating_sub(start);
            (start != i64::MIN && end != i64::MAX && length < day)
                .then(|| (start.rem_euclid(day), length))
        })
        .collect();
    let mut starts: Vec<i64> = arcs.iter().flatten().map(|&(start, _)| start).collect();
    starts.sort_unstable();
    starts.dedup();
    let cut = match (starts.first(), starts.last()) {
        (Some(&first), Some(&last)) => {
            let mut best = (first + day - last, first);
            for pair in starts.windows(2) {
                if pair[1] - pair[0] > best.0 {
                    best = (pair[1] - pair[0], pair[1]);
                }
            }
            best.1
        }
        _ => 0,
    };
    arcs.iter()
        .map(|arc| match arc {
            Some((start, length)) => {
                let at = cut + (start - cut).rem_euclid(day);
                (at, at + length)
            }
            None => (cut, cut + day),
        })
        .collect()
}

/// A second as a coordinate, in days. Seconds of date-times are far below 2^53.
#[allow(clippy::cast_precision_loss)]
fn days(second: i64) -> f64 {
    second as f64 / DAY
}

/// Where a value is drawn, in days, from its placed interval (`i64::MIN`/`MAX` open).
fn extent(time: &DateTimeValue, start: i64, end: i64) -> Extent {
    let bound = |s: i64| (s != i64::MIN && s != i64::MAX).then(|| days(s));
    let margin = days(time.margin);
    let (outer, core) = if time.date.is_none() && time.margin > 0 {
        // An approximate clock time is already widened: the time as stated is inside.
        let outer = (bound(start), bound(end));
        (
            outer,
            (outer.0.map(|s| s + margin), outer.1.map(|e| e - margin)),
        )
    } else {
        let core = (bound(start), bound(end));
        (
            (core.0.map(|s| s - margin), core.1.map(|e| e + margin)),
            core,
        )
    };
    Extent {
        outer,
        core,
        short_fade: false,
        // A second, with room for the rounding of seconds to fractions of a day.
        point: days(3) / 2.0,
    }
}

/// The ticks of a date-time axis: at round minutes, hours or days of its clock, at most
/// [`MAX_TICKS`] of them (fewer when labels carry a date); past two weeks a tick, the
/// calendar's ticks.
fn ticks(axis: &Axis, on_clock: bool) -> Vec<(f64, String)> {
    let (start, end) = (axis.start * DAY, axis.end * DAY);
    let span = end - start;
    let dated_labels = !on_clock && one_day(axis).is_none();
    let most = if dated_labels {
        MAX_DATED_TICKS
    } else {
        MAX_TICKS
    };
    #[allow(clippy::cast_precision_loss)] // steps are small whole numbers of seconds
    let Some(step) = STEPS.into_iter().find(|&step| span / step as f64 <= most) else {
        return axis.ticks();
    };
    let mut ticks = Vec::new();
    // Whole seconds of date-times fit in i64; the float is whole after `ceil`.
    #[allow(clippy::cast_possible_truncation)]
    let first = start.ceil() as i64;
    let mut at = -(-first).div_euclid(step) * step;
    #[allow(clippy::cast_precision_loss)]
    while (at as f64) < end && ticks.len() < 64 {
        let label = if on_clock {
            clock_label(at)
        } else if step >= SECONDS_PER_DAY {
            day_label(at, true)
        } else if dated_labels {
            format!("{} {}", day_label(at, false), clock_label(at))
        } else {
            clock_label(at)
        };
        ticks.push((days(at), label));
        at += step;
    }
    ticks
}

/// The day a line of date-times lies within (a second of it), when it lies within one: its
/// ticks then need no date.
#[allow(clippy::cast_possible_truncation)] // whole seconds of date-times fit in i64
fn one_day(axis: &Axis) -> Option<i64> {
    let (first, last) = (
        (axis.start * DAY).floor() as i64,
        (axis.end * DAY).ceil() as i64 - 1,
    );
    (first.div_euclid(SECONDS_PER_DAY) == last.div_euclid(SECONDS_PER_DAY)).then_some(first)
}

/// "13:55" (around the day).
fn clock_label(second: i64) -> String {
    let of_day = second.rem_euclid(SECONDS_PER_DAY);
    format!("{:02}:{:02}", of_day / 3600, of_day / 60 % 60)
}

/// "1 Dec 2011", or "1 Dec" without the year.
fn day_label(second: i64, year: bool) -> String {
    let (y, month, day) = calendar::civil(second.div_euclid(SECONDS_PER_DAY));
    if year {
        format!("{day} {} {y}", month_name(month, true))
    } else {
        format!("{day} {}", month_name(month, true))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{PLOT_LEFT, PLOT_RIGHT, Shape};
    use super::*;

    fn day(y: i64, m: u32, d: u32) -> crate::model::date::Day {
        calendar::to_day(calendar::from_civil(y, m, d)).unwrap()
    }

    fn offset(hours: i32) -> Zone {
        Zone::Offset {
            seconds: hours * 3600,
            name: None,
        }
    }

    fn at(hour: i64, minute: i64, zone: Zone) -> DateTimeValue {
        DateTimeValue::clock(
            Some(day(2011, 12, 1)),
            hour * 3600 + minute * 60,
            TimePrecision::Minute,
            zone,
        )
    }

    fn time_of_day(hour: i64, minute: i64) -> DateTimeValue {
        DateTimeValue::clock(
            None,
            hour * 3600 + minute * 60,
            TimePrecision::Minute,
            Zone::Local,
        )
    }

    fn picture(times: &[DateTimeValue]) -> Option<Picture> {
        let rows: Vec<TimeRow<'_>> = times
            .iter()
            .enumerate()
            .map(|(tone, time)| TimeRow {
                source: "src",
                stated: "stated",
                time,
                tone,
            })
            .collect();
        svg("tl-t", "a test", &rows)
    }

    /// The bars' left and right ends, in SVG units, in row order.
    fn bars(times: &[DateTimeValue]) -> Vec<(f64, f64)> {
        let svg = picture(times).unwrap().svg;
        let document = roxmltree::Document::parse(&svg).unwrap();
        document
            .descendants()
            .filter(|n| n.has_tag_name("rect"))
            .map(|n| {
                let x: f64 = n.attribute("x").unwrap().parse().unwrap();
                let w: f64 = n.attribute("width").unwrap().parse().unwrap();
                (x, x + w)
            })
            .collect()
    }

    #[test]
    fn minutes_apart_are_drawn_apart_on_an_axis_of_minutes() {
        let times = [at(13, 55, offset(-6)), at(14, 7, offset(-6))];
        let picture = picture(&times).unwrap();
        assert_eq!(picture.clock, "UTC\u{2212}06:00");
        assert!(picture.svg.contains(">13:55<") || picture.svg.contains(">14:00<"));
        assert!(!picture.svg.contains(">2011<"), "no calendar ticks");
        let bars = bars(&times);
        assert!(bars[0].1 < bars[1].0, "13:55 ends before 14:07 starts");
        assert!(bars[0].0 > PLOT_LEFT && bars[1].1 < PLOT_RIGHT);
        // A minute is a visible bar, not a speck, on an axis of about twelve minutes.
        assert!(bars[0].1 - bars[0].0 > 20.0, "{bars:?}");
    }

    #[test]
    fn a_time_to_the_second_is_a_mark_wherever_it_is() {
        let second = |minute: i64| {
            DateTimeValue::clock(
                Some(day(2011, 12, 1)),
                9 * 3600 + minute * 60,
                TimePrecision::Second,
                Zone::Local,
            )
        };
        let svg = picture(&[second(30), second(45), at(9, 30, Zone::Local)])
            .unwrap()
            .svg;
        assert_eq!(svg.matches("class=\"tl-point\"").count(), 2, "{svg}");
        assert_eq!(svg.matches("<rect").count(), 1, "the minute is a bar");
    }

    #[test]
    fn zoned_times_are_instants_shown_on_their_common_clock_or_utc() {
        // 12:10 CST and 13:10 at -05:00 are one instant: drawn at one place.
        let same = [at(12, 10, offset(-6)), at(13, 10, offset(-5))];
        let picture_same = picture(&same).unwrap();
        assert_eq!(picture_same.clock, "UTC");
        assert!(picture_same.svg.contains("in UTC"));
        let bars = bars(&same);
        assert!((bars[0].0 - bars[1].0).abs() < 0.01, "{bars:?}");
    }

    #[test]
    fn a_local_clock_time_beside_a_zoned_one_gets_no_picture() {
        assert_eq!(
            picture(&[at(9, 30, Zone::Local), at(9, 30, offset(0))]),
            None
        );
        assert_eq!(
            picture(&[at(9, 30, Zone::Local), at(9, 45, Zone::Local)]).map(|p| p.clock),
            Some("local time".to_owned())
        );
    }

    #[test]
    fn times_of_day_across_midnight_are_drawn_side_by_side() {
        let times = [time_of_day(23, 55), time_of_day(0, 5)];
        let picture = picture(&times).unwrap();
        assert!(picture.svg.contains("on the clock"));
        let bars = bars(&times);
        assert!(bars[0].1 < bars[1].0, "23:55 before 00:05: {bars:?}");
        assert!(picture.svg.contains(">00:00<"), "the tick at midnight");
        let document = roxmltree::Document::parse(&picture.svg).unwrap();
        let ticks: Vec<&str> = document
            .descendants()
            .filter(|n| n.attribute("class") == Some("tl-tick"))
            .filter_map(|n| n.text())
            .collect();
        assert!(
            ticks
                .iter()
                .all(|t| t.starts_with("23:") || t.starts_with("00:")),
            "an axis of minutes around midnight, not of a day: {ticks:?}"
        );
    }

    #[test]
    fn an_approximate_time_fades_and_days_span_the_axis() {
        let around = time_of_day(13, 55).around(300);
        let times = [around, time_of_day(14, 30)];
        let svg = picture(&times).unwrap().svg;
        assert_eq!(svg.matches("<linearGradient").count(), 1);
        let dates = [
            at(23, 0, Zone::Local),
            DateTimeValue::clock(Some(day(2011, 12, 3)), 0, TimePrecision::Hour, Zone::Local),
        ];
        let svg = picture(&dates).unwrap().svg;
        assert!(
            svg.contains(" Dec "),
            "labels carry the day over days: {svg}"
        );
    }

    #[test]
    fn within_a_day_ticks_are_clock_times_and_the_day_is_said_once() {
        let svg = picture(&[at(9, 30, Zone::Local), at(9, 45, Zone::Local)])
            .unwrap()
            .svg;
        assert!(
            svg.contains("on one time axis of 1 Dec 2011 in local time"),
            "{svg}"
        );
        // Across midnight, every tick says its day.
        let late = DateTimeValue::clock(
            Some(day(2011, 12, 1)),
            23 * 3600 + 55 * 60,
            TimePrecision::Minute,
            Zone::Local,
        );
        let early = DateTimeValue::clock(
            Some(day(2011, 12, 2)),
            5 * 60,
            TimePrecision::Minute,
            Zone::Local,
        );
        let svg = picture(&[late, early]).unwrap().svg;
        let document = roxmltree::Document::parse(&svg).unwrap();
        let ticks: Vec<&str> = document
            .descendants()
            .filter(|n| n.attribute("class") == Some("tl-tick"))
            .filter_map(|n| n.text())
            .collect();
        assert!(!ticks.is_empty());
        assert!(ticks.iter().all(|t| t.contains(" Dec ")), "{ticks:?}");
        assert!(
            ticks.iter().any(|t| t.starts_with("2 Dec 00:00")),
            "{ticks:?}"
        );
    }

    #[test]
    fn the_axis_places_every_row_inside_the_plot() {
        let times = [
            at(9, 30, offset(0)),
            at(9, 45, offset(0)),
            at(9, 30, offset(0)),
        ];
        let extents: Vec<Extent> = times
            .iter()
            .map(|t| {
                let (s, e) = t.frame();
                extent(t, s, e)
            })
            .collect();
        let axis = Axis::of(&extents, MIN_SPAN_SECONDS / DAY);
        for extent in &extents {
            let shape = Shape::of(&axis, extent);
            assert!(shape.left >= PLOT_LEFT && shape.right <= PLOT_RIGHT);
        }
        let ticks = ticks(&axis, false);
        assert!(ticks.len() >= 2 && ticks.len() <= 8, "{ticks:?}");
        assert!(ticks.iter().all(|(_, l)| l.len() == 5), "HH:MM: {ticks:?}");
    }
}
