//! The timeline picture of a contested date fact, for the HTML report: an inline SVG with one
//! row per claim on a shared time axis.
//!
//! Owns the geometry (the axis range and its ticks are the `axis` module's) and how each
//! kind of date is drawn:
//! - an interval is a bar from its first day to the end of its last day;
//! - vagueness is a soft edge: a gradient from transparent to solid over the margin the date
//!   may be off by (outside the interval for a vague date such as "late 1970s"; inside it for
//!   an approximate one such as "around 2014", whose interval already includes the margin);
//!   a vague granularity with no margin ("the 1990s") gets a short fade at its ends;
//! - a single day is a diamond;
//! - an open end ("since 2014", "by 2027") runs to the edge of the plot, fading, with an arrow.
//!
//! A date-time fact gets an axis of its own scale (minutes, hours, days): [`time`].
//!
//! Pure: dates in, SVG text out. Every piece of dataset text goes through [`escape`]; colours
//! come from the page's style sheet (classes `tone-0`…`tone-3`), so the picture follows the
//! page's light or dark palette.

mod axis;
pub mod time;

use std::fmt::Write as _;

use crate::model::date::{DateValue, Day, Granularity, UNBOUNDED_END, UNBOUNDED_START};

use self::axis::Axis;
use super::html::escape;

/// One row of a timeline: a claim's date and how to label it.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The id of the source that gives it.
    pub source: &'a str,
    /// The value as stated.
    pub stated: &'a str,
    /// The value.
    pub date: &'a DateValue,
    /// Its colour (rows with one tone state one value); taken modulo [`TONES`].
    pub tone: usize,
}

/// How many colours the style sheet defines for rows.
pub const TONES: usize = 4;

/// The drawing's width, in SVG units (also its default width in CSS pixels).
const WIDTH: f64 = 760.0;
/// Where the row labels start.
const LABEL_X: f64 = 8.0;
/// How many characters of a label fit before the plot; longer ones are clipped (the bar's
/// tooltip has them whole).
const LABEL_CHARS: usize = 32;
/// The plot's left and right edges.
const PLOT_LEFT: f64 = 226.0;
const PLOT_RIGHT: f64 = 736.0;
/// Space above the first row.
const TOP: f64 = 6.0;
/// The height of a row, and of a bar in it.
const ROW: f64 = 36.0;
const BAR: f64 = 12.0;
/// Space below the rows for the axis and its labels.
const AXIS_SPACE: f64 = 30.0;
/// How far, in SVG units, an open end fades before the edge of the plot.
const OPEN_FADE: f64 = 44.0;
/// The short fade at the ends of a vague date with no margin, and the opacity it starts at.
const SHORT_FADE: f64 = 7.0;
const SHORT_FADE_OPACITY: f64 = 0.3;
/// Half the width of a single day's diamond.
const MARK: f64 = 7.0;
/// The narrowest bar drawn, so that a few days stay visible on an axis of centuries.
const MIN_BAR: f64 = 2.0;
/// The narrowest axis, in days: two months, so that even dates a day apart have a tick.
const MIN_SPAN: f64 = 61.0;
/// At most this many ticks.
const MAX_TICKS: f64 = 8.0;
const DAYS_PER_YEAR: f64 = 365.2425;
const DAYS_PER_MONTH: f64 = DAYS_PER_YEAR / 12.0;

/// The SVG of one timeline. `id` is unique in the page (the gradients' and the title's ids
/// start with it); `title` names the picture for assistive technology.
#[must_use]
pub fn svg(id: &str, title: &str, rows: &[Row<'_>]) -> String {
    let extents: Vec<Extent> = rows.iter().map(|row| Extent::of(row.date)).collect();
    let axis = Axis::of(&extents, MIN_SPAN);
    let ticks = axis.ticks();
    let labels: Vec<Label<'_>> = rows
        .iter()
        .map(|row| Label {
            source: row.source,
            stated: row.stated,
            tooltip: tooltip(row.source, row.stated, &row.date.describe()),
            tone: row.tone,
        })
        .collect();
    let (first, last) = match (ticks.first(), ticks.last()) {
        (Some((_, first)), Some((_, last))) => (first.clone(), last.clone()),
        _ => (axis.label(axis.start), axis.label(axis.end)),
    };
    let each: Vec<&str> = labels.iter().map(|l| l.tooltip.as_str()).collect();
    let description = format!(
        "The dates each source gives, on one time axis marked from {first} to {last}: {}.",
        each.join("; ")
    );
    draw(id, title, &description, &labels, &extents, &axis, &ticks)
}

/// How a row is labelled.
struct Label<'a> {
    source: &'a str,
    stated: &'a str,
    tooltip: String,
    tone: usize,
}

/// The SVG of placed rows on an axis with its ticks.
fn draw(
    id: &str,
    title: &str,
    description: &str,
    rows: &[Label<'_>],
    extents: &[Extent],
    axis: &Axis,
    ticks: &[(f64, String)],
) -> String {
    let id = escape(id);
    let plot_bottom = TOP + ROW * count(rows.len());
    let height = plot_bottom + AXIS_SPACE;

    let mut out = String::with_capacity(2048 + 1024 * rows.len());
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" \
         aria-labelledby=\"{id}--title\" aria-describedby=\"{id}--desc\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\">\n<title id=\"{id}--title\">{}</title>\n\
         <desc id=\"{id}--desc\">{}</desc>\n",
        escape(title),
        escape(description),
    );

    let mut defs = String::new();
    let mut grid = String::new();
    for (day, label) in ticks {
        let x = axis.x(*day);
        let _ = writeln!(
            grid,
            "<line class=\"tl-grid\" x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{plot_bottom}\"/>\
             <text class=\"tl-tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            plot_bottom + 18.0,
            escape(label)
        );
    }
    let _ = writeln!(
        grid,
        "<line class=\"tl-axis\" x1=\"{PLOT_LEFT}\" y1=\"{plot_bottom}\" x2=\"{PLOT_RIGHT}\" y2=\"{plot_bottom}\"/>"
    );

    let mut marks = String::new();
    for (index, (row, extent)) in rows.iter().zip(extents).enumerate() {
        let shape = Shape::of(axis, extent);
        let tone = row.tone % TONES;
        let top = TOP + ROW * count(index);
        let middle = top + ROW / 2.0;
        let _ = write!(
            marks,
            "<g class=\"tl-row tone-{tone}\"><title>{}</title>\
             <text class=\"tl-source\" x=\"{LABEL_X}\" y=\"{:.1}\">{}</text>\
             <text class=\"tl-stated\" x=\"{LABEL_X}\" y=\"{:.1}\">{}</text>",
            escape(&row.tooltip),
            middle - 3.0,
            escape(&clip(row.source, LABEL_CHARS)),
            middle + 11.0,
            escape(&clip(row.stated, LABEL_CHARS)),
        );
        shape.draw(
            &format!("{id}--g{index}"),
            tone,
            middle,
            &mut defs,
            &mut marks,
        );
        marks.push_str("</g>\n");
    }

    if !defs.is_empty() {
        let _ = write!(out, "<defs>\n{defs}</defs>\n");
    }
    out.push_str(&grid);
    out.push_str(&marks);
    out.push_str("</svg>");
    out
}

/// "ipdf: late 1970s (1977–1979)": the source, the value as stated and what it means when
/// that says more.
fn tooltip(source: &str, stated: &str, described: &str) -> String {
    if described == stated {
        format!("{source}: {stated}")
    } else {
        format!("{source}: {stated} ({described})")
    }
}

/// At most `max` characters, the last of them an ellipsis when clipped.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut clipped: String = text.chars().take(max.saturating_sub(1)).collect();
    clipped.push('…');
    clipped
}

/// A row number as a coordinate factor.
fn count(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A day number as a coordinate. Day numbers of dates are far below 2^53, so the conversion
/// is exact.
#[allow(clippy::cast_precision_loss)]
fn day(d: i64) -> f64 {
    d as f64
}

/// The days one row spans (fractional; ends exclusive), before they are placed on the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Extent {
    /// Where the drawing starts and ends, margins included; `None` for an open end.
    outer: (Option<f64>, Option<f64>),
    /// The date as stated: full opacity. An open end is `None`.
    core: (Option<f64>, Option<f64>),
    /// A vague granularity with no margin: a short fade inside its ends.
    short_fade: bool,
    /// The widest interval drawn as a single mark (a diamond): a day for dates, a second for
    /// date-times.
    point: f64,
}

impl Extent {
    fn of(date: &DateValue) -> Extent {
        let bound = |d: Day| (d != UNBOUNDED_START && d != UNBOUNDED_END).then(|| f64::from(d));
        // The last day is drawn whole: a year ends where the next begins.
        let (start, end) = (bound(date.earliest), bound(date.latest).map(|d| d + 1.0));
        let margin = f64::from(date.margin);
        let (outer, core) = if date.approximate {
            // The interval already includes the widening; the date as stated is inside it.
            let (first, last) = date.stated_days();
            let core = (first.map(day), last.map(|d| day(d) + 1.0));
            ((start, end), core)
        } else {
            let outer = (start.map(|d| d - margin), end.map(|d| d + margin));
            (outer, (start, end))
        };
        let core = match core {
            (Some(a), Some(b)) if a > b => (Some(f64::midpoint(a, b)), Some(f64::midpoint(a, b))),
            core => core,
        };
        let vague = matches!(
            date.granularity,
            Granularity::PartOfMonth
                | Granularity::PartOfYear
                | Granularity::PartOfDecade
                | Granularity::Decade
                | Granularity::Century
        );
        Extent {
            outer,
            core,
            short_fade: vague && date.margin == 0,
            point: 1.0,
        }
    }

    /// A single day (or second), as stated (an approximate day keeps its soft margin around
    /// the mark).
    fn point(&self) -> Option<f64> {
        match self.core {
            (Some(a), Some(b)) if b - a <= self.point => Some(f64::midpoint(a, b)),
            _ => None,
        }
    }

    /// Every bounded day the row reaches.
    fn days(&self) -> impl Iterator<Item = f64> {
        [self.outer.0, self.outer.1, self.core.0, self.core.1]
            .into_iter()
            .flatten()
    }
}

/// One row placed on the axis, in SVG units.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shape {
    /// The ends of the bar.
    left: f64,
    right: f64,
    /// Where it is fully opaque.
    solid_left: f64,
    solid_right: f64,
    /// Its opacity at each end (1 for a hard edge).
    left_opacity: f64,
    right_opacity: f64,
    /// Open ends, drawn with an arrow at the plot's edge.
    open_left: bool,
    open_right: bool,
    /// A single day: where its diamond is.
    mark: Option<f64>,
}

impl Shape {
    fn of(axis: &Axis, extent: &Extent) -> Shape {
        let (outer_start, outer_end) = extent.outer;
        let mut left = outer_start.map_or(PLOT_LEFT, |d| axis.x(d));
        let mut right = outer_end.map_or(PLOT_RIGHT, |d| axis.x(d));
        let mut solid_left = extent.core.0.map_or(left + OPEN_FADE, |d| axis.x(d));
        let mut solid_right = extent.core.1.map_or(right - OPEN_FADE, |d| axis.x(d));
        if solid_right < solid_left {
            let middle = f64::midpoint(solid_left, solid_right);
            (solid_left, solid_right) = (middle, middle);
        }
        if right - left < MIN_BAR {
            let middle = f64::midpoint(left, right);
            (left, right) = (middle - MIN_BAR / 2.0, middle + MIN_BAR / 2.0);
            (solid_left, solid_right) = (left, right);
        }
        let fade = |soft: f64| if soft > 0.5 { 0.0 } else { 1.0 };
        let mut shape = Shape {
            left,
            right,
            solid_left: solid_left.clamp(left, right),
            solid_right: solid_right.clamp(left, right),
            left_opacity: fade(solid_left - left),
            right_opacity: fade(right - solid_right),
            open_left: outer_start.is_none(),
            open_right: outer_end.is_none(),
            mark: extent.point().map(|d| axis.x(d)),
        };
        if extent.short_fade && shape.mark.is_none() {
            let short = SHORT_FADE.min((right - left) / 4.0);
            if shape.left_opacity >= 1.0 {
                shape.solid_left = left + short;
                shape.left_opacity = SHORT_FADE_OPACITY;
            }
            if shape.right_opacity >= 1.0 {
                shape.solid_right = right - short;
                shape.right_opacity = SHORT_FADE_OPACITY;
            }
        }
        shape
    }

    /// Whether any edge is soft.
    fn soft(&self) -> bool {
        self.left_opacity < 1.0 || self.right_opacity < 1.0
    }

    /// Draws the row's marks into `out` (and its gradient, named `gradient`, into `defs`).
    fn draw(&self, gradient: &str, tone: usize, middle: f64, defs: &mut String, out: &mut String) {
        let (left, right) = (self.left, self.right);
        let width = right - left;
        // A single day with no margin is its diamond alone.
        let bar = self.mark.is_none() || self.soft();
        if bar && self.soft() {
            let offset = |x: f64| ((x - left) / width).clamp(0.0, 1.0);
            let _ = writeln!(
                defs,
                "<linearGradient id=\"{gradient}\" class=\"tone-{tone}\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">\
                 <stop offset=\"0\" stop-color=\"currentColor\" stop-opacity=\"{:.2}\"/>\
                 <stop offset=\"{:.4}\" stop-color=\"currentColor\" stop-opacity=\"1\"/>\
                 <stop offset=\"{:.4}\" stop-color=\"currentColor\" stop-opacity=\"1\"/>\
                 <stop offset=\"1\" stop-color=\"currentColor\" stop-opacity=\"{:.2}\"/>\
                 </linearGradient>",
                self.left_opacity,
                offset(self.solid_left),
                offset(self.solid_right),
                self.right_opacity,
            );
            let _ = write!(
                out,
                "<rect class=\"tl-soft\" x=\"{left:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"{BAR}\" rx=\"2\" fill=\"url(#{gradient})\"/>",
                middle - BAR / 2.0
            );
        } else if bar {
            let _ = write!(
                out,
                "<rect class=\"tl-solid\" x=\"{left:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"{BAR}\" rx=\"2\"/>",
                middle - BAR / 2.0
            );
        }
        if self.open_left {
            let x = PLOT_LEFT;
            let _ = write!(
                out,
                "<path class=\"tl-arrow\" d=\"M{:.1} {:.1} L{x:.1} {middle:.1} L{:.1} {:.1}\"/>",
                x + 7.0,
                middle - 6.0,
                x + 7.0,
                middle + 6.0
            );
        }
        if self.open_right {
            let x = PLOT_RIGHT;
            let _ = write!(
                out,
                "<path class=\"tl-arrow\" d=\"M{:.1} {:.1} L{x:.1} {middle:.1} L{:.1} {:.1}\"/>",
                x - 7.0,
                middle - 6.0,
                x - 7.0,
                middle + 6.0
            );
        }
        if let Some(x) = self.mark {
            let _ = write!(
                out,
                "<path class=\"tl-point\" d=\"M{x:.1} {:.1} L{:.1} {middle:.1} L{x:.1} {:.1} L{:.1} {middle:.1} Z\"/>",
                middle - MARK,
                x + MARK,
                middle + MARK,
                x - MARK,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::axis::{Step, step, year_label};
    use super::*;
    use crate::model::date::calendar::{self, from_civil};

    fn on(y: i64, m: u32, d: u32) -> Day {
        Day(i32::try_from(from_civil(y, m, d)).unwrap())
    }

    fn date(start: (i64, u32, u32), end: (i64, u32, u32), granularity: Granularity) -> DateValue {
        DateValue {
            earliest: on(start.0, start.1, start.2),
            latest: on(end.0, end.1, end.2),
            granularity,
            margin: 0,
            approximate: false,
            relative: false,
        }
    }

    fn year(y: i64) -> DateValue {
        date((y, 1, 1), (y, 12, 31), Granularity::Year)
    }

    fn late_1970s() -> DateValue {
        DateValue {
            margin: 365,
            ..date((1977, 1, 1), (1979, 12, 31), Granularity::PartOfDecade)
        }
    }

    fn early_1990s() -> DateValue {
        DateValue {
            margin: 365,
            ..date((1990, 1, 1), (1993, 12, 31), Granularity::PartOfDecade)
        }
    }

    #[test]
    fn ticks_beyond_the_calendar_are_labelled_by_the_day_they_fall_on() {
        // Four billion years ago clamps to the calendar's first year.
        let dates = [year(-4_000_000_000), year(2014)];
        let extents: Vec<Extent> = dates.iter().map(Extent::of).collect();
        let axis = Axis::of(&extents, MIN_SPAN);
        let ticks = axis.ticks();
        assert!(!ticks.is_empty());
        for pair in ticks.windows(2) {
            assert!(
                pair[0].0 < pair[1].0,
                "ticks in order, none twice: {ticks:?}"
            );
        }
        #[allow(clippy::cast_possible_truncation)]
        for (at, label) in &ticks {
            assert_eq!(*label, year_label(calendar::civil(*at as i64).0));
        }
    }

    fn shapes(dates: &[DateValue]) -> (Axis, Vec<Shape>) {
        let extents: Vec<Extent> = dates.iter().map(Extent::of).collect();
        let axis = Axis::of(&extents, MIN_SPAN);
        let shapes = extents.iter().map(|e| Shape::of(&axis, e)).collect();
        (axis, shapes)
    }

    fn picture(dates: &[DateValue]) -> String {
        let rows: Vec<Row<'_>> = dates
            .iter()
            .enumerate()
            .map(|(tone, date)| Row {
                source: "src",
                stated: "stated",
                date,
                tone,
            })
            .collect();
        svg("tl-test", "a test", &rows)
    }

    const YEAR: f64 = DAYS_PER_YEAR;

    #[test]
    fn ticks_step_by_one_two_five_times_ten() {
        let cases = [
            (1.5 * YEAR, Step::Months(3)),
            (1.99 * YEAR, Step::Months(3)),
            (2.0 * YEAR, Step::Years(1)),
            (40.0, Step::Months(1)),
            (7.0 * 31.0, Step::Months(1)),
            (10.0 * 31.0, Step::Months(2)),
            (4.0 * YEAR, Step::Years(1)),
            (8.0 * YEAR, Step::Years(1)),
            (12.0 * YEAR, Step::Years(2)),
            (20.0 * YEAR, Step::Years(5)),
            (50.0 * YEAR, Step::Years(10)),
            (120.0 * YEAR, Step::Years(20)),
            (300.0 * YEAR, Step::Years(50)),
            (700.0 * YEAR, Step::Years(100)),
            (4.0e9, Step::Years(2_000_000)),
        ];
        for (span, expected) in cases {
            assert_eq!(step(span), expected, "span of {} years", span / YEAR);
        }
    }

    #[test]
    fn ticks_fall_on_round_years_inside_the_axis() {
        let (axis, _) = shapes(&[late_1970s(), early_1990s()]);
        let labels: Vec<String> = axis.ticks().into_iter().map(|(_, label)| label).collect();
        assert_eq!(labels, ["1975", "1980", "1985", "1990", "1995"]);
        let (axis, _) = shapes(&[
            date((2025, 4, 8), (2025, 4, 8), Granularity::Day),
            date((2025, 4, 10), (2025, 4, 10), Granularity::Day),
        ]);
        let ticks = axis.ticks();
        assert!(!ticks.is_empty(), "a short axis still has a tick");
        assert!(ticks.iter().all(|(_, label)| label.ends_with("2025")));
        for (at, _) in &ticks {
            assert!((axis.start..axis.end).contains(at));
        }
    }

    #[test]
    fn the_axis_is_padded_around_the_data() {
        let (axis, shapes) = shapes(&[year(2014), year(2018)]);
        assert!(axis.start < f64::from(on(2014, 1, 1)));
        assert!(axis.end > f64::from(on(2019, 1, 1)));
        assert!(shapes[0].left > PLOT_LEFT && shapes[1].right < PLOT_RIGHT);
    }

    #[test]
    fn a_later_date_is_drawn_to_the_right() {
        let (_, shapes) = shapes(&[year(2018), year(2014), late_1970s()]);
        assert!(
            shapes[1].right <= shapes[0].left,
            "2014 ends before 2018 starts"
        );
        assert!(shapes[2].right < shapes[1].left);
        let width = |s: &Shape| s.right - s.left;
        assert!(
            (width(&shapes[0]) - width(&shapes[1])).abs() < 0.5,
            "years are as wide as each other"
        );
    }

    #[test]
    fn a_single_day_is_a_mark() {
        let day = date((2025, 4, 8), (2025, 4, 8), Granularity::Day);
        let (_, shapes) = shapes(&[day.clone(), year(2025)]);
        assert!(shapes[0].mark.is_some());
        assert!(shapes[1].mark.is_none());
        let svg = picture(&[day, year(2025)]);
        assert_eq!(svg.matches("class=\"tl-point\"").count(), 1);
        assert_eq!(svg.matches("class=\"tl-solid\"").count(), 1, "the year");
        assert!(!svg.contains("<linearGradient"), "nothing is vague");
    }

    #[test]
    fn a_margin_is_a_soft_edge_outside_the_interval() {
        let (axis, shapes) = shapes(&[late_1970s(), early_1990s()]);
        let vague = shapes[0];
        assert!((vague.solid_left - axis.x(f64::from(on(1977, 1, 1)))).abs() < 0.01);
        assert!((vague.solid_right - axis.x(f64::from(on(1980, 1, 1)))).abs() < 0.01);
        assert!((vague.left - axis.x(f64::from(on(1977, 1, 1)) - 365.0)).abs() < 0.01);
        assert!(vague.left_opacity < 1.0 && vague.right_opacity < 1.0);
        let svg = picture(&[late_1970s(), early_1990s()]);
        assert_eq!(svg.matches("<linearGradient").count(), 2);
        assert!(svg.contains("id=\"tl-test--g0\"") && svg.contains("fill=\"url(#tl-test--g1)\""));
    }

    #[test]
    fn an_approximate_date_fades_inside_its_interval() {
        let around = DateValue {
            margin: 365,
            approximate: true,
            ..date((2013, 1, 1), (2015, 12, 31), Granularity::Year)
        };
        let (axis, shapes) = shapes(&[around, year(2020)]);
        let soft = shapes[0];
        assert!((soft.left - axis.x(f64::from(on(2013, 1, 1)))).abs() < 0.01);
        assert!((soft.solid_left - axis.x(f64::from(on(2014, 1, 1)))).abs() < 0.01);
        assert!((soft.solid_right - axis.x(f64::from(on(2015, 1, 1)))).abs() < 0.01);
        assert!((soft.right - axis.x(f64::from(on(2016, 1, 1)))).abs() < 0.01);
    }

    #[test]
    fn a_vague_granularity_without_margin_fades_briefly() {
        let decade = date((1990, 1, 1), (1999, 12, 31), Granularity::Decade);
        let (_, shapes) = shapes(&[decade, year(2014)]);
        let soft = shapes[0];
        assert!((soft.left_opacity - SHORT_FADE_OPACITY).abs() < f64::EPSILON);
        assert!((soft.solid_left - soft.left - SHORT_FADE).abs() < 0.01);
        assert!(
            (shapes[1].left_opacity - 1.0).abs() < f64::EPSILON,
            "a year is exact"
        );
    }

    #[test]
    fn open_ends_run_to_the_edge_with_an_arrow() {
        let since = DateValue {
            latest: UNBOUNDED_END,
            ..date((2014, 1, 1), (2014, 1, 1), Granularity::Open)
        };
        let by = DateValue {
            earliest: UNBOUNDED_START,
            ..date((2027, 12, 31), (2027, 12, 31), Granularity::Open)
        };
        let (axis, shapes) = shapes(&[since.clone(), by.clone()]);
        assert!((shapes[0].right - PLOT_RIGHT).abs() < f64::EPSILON && shapes[0].open_right);
        assert!((shapes[1].left - PLOT_LEFT).abs() < f64::EPSILON && shapes[1].open_left);
        assert!(shapes[0].right_opacity < 1.0 && shapes[1].left_opacity < 1.0);
        assert!((shapes[0].left - axis.x(f64::from(on(2014, 1, 1)))).abs() < 0.01);
        assert!(shapes.iter().all(|s| s.mark.is_none()));
        let svg = picture(&[since, by]);
        assert_eq!(svg.matches("class=\"tl-arrow\"").count(), 2);
    }

    #[test]
    fn the_picture_is_labelled_and_sized() {
        let svg = picture(&[late_1970s(), early_1990s()]);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"tl-test--title\""));
        assert!(svg.contains("<title id=\"tl-test--title\">a test</title>"));
        assert!(svg.contains(
            "on one time axis marked from 1975 to 1995: src: stated (1977–1979); src: stated (1990–1993).</desc>"
        ));
        assert!(svg.contains("viewBox=\"0 0 760 108\" width=\"760\" height=\"108\""));
        assert_eq!(svg.matches("<g class=\"tl-row").count(), 2);
        let document = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        assert_eq!(document.root_element().tag_name().name(), "svg");
    }

    #[test]
    fn labels_are_escaped_and_clipped() {
        let year = year(2014);
        let rows = [Row {
            source: "<script>alert(1)</script>",
            stated: "x\" onmouseover=\"alert(1)",
            date: &year,
            tone: 5,
        }];
        let svg = svg("t", "<b>", &rows);
        assert!(!svg.contains("<script") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("x&quot; onmouseover=&quot;alert(1)"));
        assert!(svg.contains("class=\"tl-row tone-1\""), "tones cycle");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abcd", 4), "abcd");
    }
}
