//! The outer date grammar: the entry rule, approximate dates and weekday-checked dates.
//!
//! Owns the order in which the forms are tried and what approximation does to a date. Spans
//! are `span`'s, half-open dates `open`'s, relative dates `relative`'s and single dates
//! `point`'s; this module only combines them.

use super::lexer::Tok;
use super::point::Point;
use super::span::Range;
use super::words;
use super::{DateError, Parser, Rule, approximation_unit, error};
use crate::model::date::calendar::{self, Widen};
use crate::model::date::{DateValue, Granularity, UNBOUNDED_END, UNBOUNDED_START};

impl Parser<'_, '_> {
    /// A whole date: the entry rule.
    pub(super) fn date(&mut self) -> Rule<DateValue> {
        self.skip_fillers();
        if let Some(value) = self.relative()? {
            return Ok(Some(value));
        }
        if let Some(value) = self.weekday_date()? {
            return Ok(Some(value));
        }
        if let Some(value) = self.open()? {
            return Ok(Some(value));
        }
        if let Some(value) = self.between()? {
            return Ok(Some(value));
        }
        let Some((range, approximate)) = self.marked_range()? else {
            return Ok(None);
        };
        let value = match range {
            Range::Span(value) => value,
            Range::Point(point) => self.complete(point)?,
        };
        if approximate {
            self.widen(&value).map(Some)
        } else {
            Ok(Some(value))
        }
    }

    /// A range with its approximation marks: "around 2014", "~2014", "2014?", "c. 1990–1995".
    pub(super) fn marked_range(&mut self) -> Rule<(Range, bool)> {
        let start = self.pos;
        let mut approximate = false;
        while self.eat(Tok::Tilde) || self.eat_approximate_word() {
            approximate = true;
        }
        self.skip_fillers();
        let Some(range) = self.range()? else {
            self.pos = start;
            return Ok(None);
        };
        let approximate = self.eat(Tok::Question) || approximate;
        Ok(Some((range, approximate)))
    }

    /// A point that must be complete where it stands.
    pub(super) fn complete(&self, point: Point) -> Result<DateValue, DateError> {
        match point {
            Point::Full(value) => Ok(value),
            Point::DayMonth { .. } | Point::Month(_) => Err(self.no_year()),
            Point::Day(_) => Err(self.not_a_date()),
        }
    }

    /// Widens a date by one unit on each side and marks it approximate.
    pub(super) fn widen(&self, value: &DateValue) -> Result<DateValue, DateError> {
        self.widened(value, approximation_unit(value), true, true)
    }

    /// Widens the chosen ends of a date by `unit`; open ends stay open.
    pub(super) fn widened(
        &self,
        value: &DateValue,
        unit: Widen,
        start: bool,
        end: bool,
    ) -> Result<DateValue, DateError> {
        let move_start = |day: i32, open: i32| {
            if day == open || !start {
                i64::from(day)
            } else {
                unit.shift_start(i64::from(day), -1)
            }
        };
        let earliest = move_start(value.earliest, UNBOUNDED_START);
        let latest = if value.latest == UNBOUNDED_END || !end {
            i64::from(value.latest)
        } else {
            unit.shift_end(i64::from(value.latest), 1)
        };
        let bounded = |day: i64, open: i32| {
            if day == i64::from(open) {
                Some(open)
            } else {
                calendar::to_day(day)
            }
        };
        match (
            bounded(earliest, UNBOUNDED_START),
            bounded(latest, UNBOUNDED_END),
        ) {
            (Some(earliest), Some(latest)) => Ok(DateValue {
                earliest,
                latest,
                granularity: value.granularity,
                margin: unit.margin(),
                approximate: true,
                relative: value.relative,
            }),
            _ => Err(self.out_of_range()),
        }
    }

    /// A weekday that checks the date after it: "Tuesday, April 8, 2025".
    fn weekday_date(&mut self) -> Rule<DateValue> {
        let Some(weekday) = self.word_at(0).and_then(words::weekday) else {
            return Ok(None);
        };
        self.bump();
        let value = match self.range()? {
            Some(Range::Point(point)) => self.complete(point)?,
            _ => return Err(self.not_a_date()),
        };
        if value.granularity != Granularity::Day || value.earliest != value.latest {
            return Err(error(
                format!("`{}`: a weekday goes with a single day", self.text),
                "write the day in full, e.g. `Tuesday, April 8, 2025`",
            ));
        }
        let actual = calendar::weekday(i64::from(value.earliest));
        if actual != weekday {
            return Err(DateError {
                message: format!(
                    "{} was a {}, not a {}",
                    value.describe(),
                    words::weekday_name(actual),
                    words::weekday_name(weekday)
                ),
                hint: Some("correct the weekday or the date".to_owned()),
            });
        }
        Ok(Some(value))
    }
}
