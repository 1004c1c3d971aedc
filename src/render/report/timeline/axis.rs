//! The shared horizontal axis of a timeline: its range (the data, padded) and its ticks on
//! the calendar (1, 2, 5, 10, 20, 50… years, or months for spans of a few years or less).
//!
//! Pure geometry, in days; must not draw (the parent module does).

use crate::model::date::calendar;

use super::{DAYS_PER_MONTH, DAYS_PER_YEAR, Extent, MAX_TICKS, PLOT_LEFT, PLOT_RIGHT, day};

/// The shared horizontal axis: days `start..end` across the plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Axis {
    pub(super) start: f64,
    pub(super) end: f64,
}

/// The interval between two ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Months(u32),
    Years(u32),
}

impl Axis {
    /// The axis for some rows: every bounded day they reach, room for open ends to show
    /// their arrow, at least `min_span` wide, padded by 6% on each side.
    pub(super) fn of(extents: &[Extent], min_span: f64) -> Axis {
        let (mut low, mut high) = extents
            .iter()
            .flat_map(Extent::days)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), d| {
                (low.min(d), high.max(d))
            });
        if low > high {
            (low, high) = (0.0, 0.0);
        }
        let reach = (high - low).max(min_span) * 0.2;
        for extent in extents {
            if let (None, Some(end)) = extent.outer {
                low = low.min(end - reach);
            }
            if let (Some(start), None) = extent.outer {
                high = high.max(start + reach);
            }
        }
        let short = min_span - (high - low);
        if short > 0.0 {
            low -= short / 2.0;
            high += short / 2.0;
        }
        let pad = (high - low) * 0.06;
        Axis {
            start: low - pad,
            end: high + pad,
        }
    }

    /// Where a day is drawn.
    pub(super) fn x(&self, day: f64) -> f64 {
        PLOT_LEFT + (day - self.start) / (self.end - self.start) * (PLOT_RIGHT - PLOT_LEFT)
    }

    /// The ticks inside the axis: their day and label.
    pub(super) fn ticks(&self) -> Vec<(f64, String)> {
        let mut ticks = Vec::new();
        // Day numbers of dates fit in i32; the float is whole after `ceil`.
        #[allow(clippy::cast_possible_truncation)]
        let first = calendar::civil(self.start.ceil() as i64);
        match step(self.end - self.start) {
            Step::Years(step) => {
                let step = i64::from(step);
                let mut year = first.0.div_euclid(step) * step;
                for _ in 0..64 {
                    let at = day(calendar::from_civil(year, 1, 1));
                    if at >= self.end {
                        break;
                    }
                    // Beyond the calendar's range years are clamped: label what the day is,
                    // once.
                    if at >= self.start && ticks.last().is_none_or(|(last, _)| *last < at) {
                        #[allow(clippy::cast_possible_truncation)] // a whole day number
                        let shown = calendar::civil(at as i64).0;
                        ticks.push((at, year_label(shown)));
                    }
                    year += step;
                }
            }
            Step::Months(step) => {
                let step = i64::from(step);
                let mut index = calendar::month_index(first.0, first.1).div_euclid(step) * step;
                for _ in 0..64 {
                    let at = day(calendar::month_start(index));
                    if at >= self.end {
                        break;
                    }
                    if at >= self.start && ticks.last().is_none_or(|(last, _)| *last < at) {
                        ticks.push((at, self.label(at)));
                    }
                    index += step;
                }
            }
        }
        ticks
    }

    /// A day at the axis's precision: "1980" on an axis of years, "Apr 2025" on one of months.
    #[allow(clippy::cast_possible_truncation)] // day numbers of dates fit in i64
    pub(super) fn label(&self, at: f64) -> String {
        let (year, month, _) = calendar::civil(at.floor() as i64);
        match step(self.end - self.start) {
            Step::Years(_) => year_label(year),
            Step::Months(_) => format!(
                "{} {}",
                crate::model::date::month_name(month, true),
                year_label(year)
            ),
        }
    }
}

/// The tick interval for an axis of `span` days: the smallest of 1, 2, 5, 10, 20, 50… years
/// that gives at most [`MAX_TICKS`] ticks; under two years, where yearly ticks would be too
/// few, the smallest of 1, 2, 3 or 6 months that does.
pub(super) fn step(span: f64) -> Step {
    if span < 2.0 * DAYS_PER_YEAR {
        for months in [1, 2, 3] {
            if span / (DAYS_PER_MONTH * f64::from(months)) <= MAX_TICKS {
                return Step::Months(months);
            }
        }
        return Step::Months(6);
    }
    let mut scale: u32 = 1;
    loop {
        for factor in [1, 2, 5] {
            let years = scale.saturating_mul(factor);
            if span / (DAYS_PER_YEAR * f64::from(years)) <= MAX_TICKS || years == u32::MAX {
                return Step::Years(years);
            }
        }
        scale = scale.saturating_mul(10);
    }
}

/// A year for an axis: "1980", "44 BC" (year 0 is 1 BC).
pub(super) fn year_label(year: i64) -> String {
    if year >= 1 {
        year.to_string()
    } else {
        format!("{} BC", 1 - year)
    }
}
