//! The outer date grammar: the entry rule, approximate dates and weekday-checked dates.
//!
//! Owns the order in which the forms are tried and what approximation does to a date. Spans
//! are `span`'s, half-open dates `open`'s, relative dates `relative`'s and single dates
//! `point`'s; this module only combines them.

use super::lexer::Tok;
use super::span::Range;
use super::words;
use super::{DateError, Parser, Rule, approximation_unit, error};
use crate::model::date::calendar::{self, Widen};
use crate::model::date::{DateValue, Granularity, UNBOUNDED_END, UNBOUNDED_START};

impl Parser<'_, '_> {
    /// A whole date: the entry rule.
    pub(super) fn date(&mut self) -> Rule<DateValue> {
        if self.clock_time() {
            return Err(super::time_of_day(self.text));
        }
        self.skip_fillers();
        let start = self.pos;
        let mut approximate = false;
        while self.eat(Tok::Tilde) || self.eat_approximate_word() {
            approximate = true;
            self.skip_fillers();
        }
        if let Some(value) = self.relative()? {
            return if approximate {
                self.widen(&value).map(Some)
            } else {
                Ok(Some(value))
            };
        }
        self.pos = start;
        if let Some(value) = self.weekday_date()? {
            return Ok(Some(value));
        }
        if let Some(value) = self.open()? {
            return Ok(Some(value));
        }
        if let Some(value) = self.between()? {
            return Ok(Some(value));
        }
        let range_start = self.pos;
        let Some((range, approximate)) = self.marked_range()? else {
            return Ok(None);
        };
        let mut value = match range {
            Range::Span(value) => value,
            Range::Point(point) => self.complete(point)?,
        };
        if let Some(weekday) = self.trailing_weekday(&value) {
            if calendar::weekday(i64::from(value.earliest)) != weekday {
                if let Some(chosen) = self.by_weekday(weekday, range_start) {
                    // Past the weekday again, which the new reading stopped before.
                    self.bump();
                    value = chosen;
                }
            }
            self.check_weekday(weekday, &value);
        }
        if approximate {
            self.widen(&value).map(Some)
        } else {
            Ok(Some(value))
        }
    }

    /// Whether the text is "at" and a bare number ("at 1030", "at 7"): a clock time, which a
    /// year must not be mistaken for.
    fn clock_time(&self) -> bool {
        self.word_at(0) == Some("at")
            && matches!(self.peek_at(1), Some(Tok::Num { .. }))
            && match self.peek_at(2) {
                None => true,
                Some(Tok::Word(word)) => words::is_time_of_day(word),
                Some(_) => false,
            }
    }

    /// A weekday after a single day, as in "Jul 18, 2014, Fri".
    fn trailing_weekday(&mut self, value: &DateValue) -> Option<u32> {
        let weekday = self.word_at(0).and_then(words::weekday)?;
        if value.granularity != Granularity::Day || value.earliest != value.latest {
            return None;
        }
        self.bump();
        Some(weekday)
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
        let move_start = |day: crate::model::date::Day, open: crate::model::date::Day| {
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
        let bounded = |day: i64, open: crate::model::date::Day| {
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

    /// A weekday that checks the date after it: "Tuesday, April 8, 2025". A date without a
    /// year takes the one the weekday fits nearest the published date ("Monday, Feb 18"); a
    /// full date the weekday does not fit is kept, and the mismatch noted for a finding.
    fn weekday_date(&mut self) -> Rule<DateValue> {
        let Some(weekday) = self.word_at(0).and_then(words::weekday) else {
            return Ok(None);
        };
        self.bump();
        // "Tuesday the 19th".
        self.skip_fillers();
        let start = self.pos;
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
        if calendar::weekday(i64::from(value.earliest)) != weekday {
            if let Some(chosen) = self.by_weekday(weekday, start) {
                return Ok(Some(chosen));
            }
        }
        self.check_weekday(weekday, &value);
        Ok(Some(value))
    }
}
