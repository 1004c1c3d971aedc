//! Dates written without their year (or month): "March 3", "in March", "early March", "end
//! of April", "July 13-15", "the 15th", "Q3", "Monday, Feb 18"; and a stated weekday the date
//! does not fall on.
//!
//! Owns the rule that gives such a date its year from the source's `published` date: the
//! latest such date that starts on or before it (README, "Dates without a year"); with a
//! weekday, the year nearest the published date in which the day falls on that weekday. The
//! grammar reads the text once per year tried, with the year assumed; it must not read forms
//! itself.

use super::lexer::Tok;
use super::point::Point;
use super::span::Range;
use super::{DateError, Parser, ReadDate, words};
use crate::model::date::calendar;
use crate::model::date::{DateValue, Granularity};

/// The year and month a date that lacks them takes on one reading, and the published day the
/// reading resolves at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Assumed {
    year: i64,
    month: u32,
    day: i64,
}

impl Assumed {
    fn at(day: i64) -> Assumed {
        let (year, month, _) = calendar::civil(day);
        Assumed { year, month, day }
    }

    /// `steps` months (`by_month`) or years later; negative is earlier.
    fn shifted(self, steps: i64, by_month: bool) -> Assumed {
        if by_month {
            let index = calendar::month_index(self.year, self.month) + steps;
            let month = u32::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
            Assumed {
                year: index.div_euclid(12),
                month,
                day: self.day,
            }
        } else {
            Assumed {
                year: self.year + steps,
                ..self
            }
        }
    }
}

/// A weekday stated with a date that falls on another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongWeekday {
    /// The date as factcheck reads it, e.g. "4 July 1776".
    pub date: String,
    /// The weekday the source states, e.g. "Monday".
    pub stated: &'static str,
    /// The weekday the date fell on, e.g. "Thursday".
    pub actual: &'static str,
}

impl WrongWeekday {
    /// "4 July 1776 was a Thursday, not a Monday".
    #[must_use]
    pub fn message(&self) -> String {
        format!("{} was a {}, not a {}", self.date, self.actual, self.stated)
    }
}

/// How many earlier years (or months) are tried for the latest date on or before the
/// published one: enough to reach a 29 February (at most eight years apart) or a 31st.
const TRIES: i64 = 12;

/// How far from the published date a stated weekday may move a date without a year: every
/// day of the year falls on every weekday within 28 years, and every day of the month
/// within 14 months.
const WEEKDAY_YEARS: i64 = 28;
const WEEKDAY_MONTHS: i64 = 14;

impl Parser<'_, '_> {
    /// The year stated next, or for a date that states none the assumed one, or an error that
    /// sends `read_date` to try the years `published` implies.
    pub(super) fn year_or_assumed(&mut self) -> Result<i64, DateError> {
        if let Some(year) = self.year()? {
            return Ok(year);
        }
        self.assumed_year()
    }

    fn assumed_year(&mut self) -> Result<i64, DateError> {
        self.used_year = true;
        self.assumed.map(|a| a.year).ok_or_else(|| self.no_year())
    }

    /// The month of a day that states none ("the 15th").
    fn month_or_assumed(&mut self) -> Result<u32, DateError> {
        self.used_month = true;
        self.assumed.map(|a| a.month).ok_or_else(|| self.no_year())
    }

    /// A point completed where it stands, a missing year or month assumed.
    pub(super) fn complete(&mut self, point: Point) -> Result<DateValue, DateError> {
        match point {
            Point::Full(value) => Ok(value),
            Point::Month(month) => {
                let year = self.assumed_year()?;
                self.months(year, month, year, month, Granularity::Month, 0)
            }
            Point::DayMonth { day, month } => {
                let year = self.assumed_year()?;
                self.day(year, month, day)
            }
            // A day alone is a date only where the text says so: "on the 15th", "Tuesday the
            // 19th"; a bare "15th" or "the 3rd" is as likely a rank.
            Point::Day { day, ordinal: true } if self.introduces_a_day() => {
                let month = self.month_or_assumed()?;
                let year = self.assumed_year()?;
                self.day(year, month, day)
            }
            Point::Day { .. } => Err(self.not_a_date()),
        }
    }

    /// Whether the text opens with "on" or a weekday, which make an ordinal alone a day.
    fn introduces_a_day(&self) -> bool {
        matches!(self.toks.first(), Some(Tok::Word(word)) if *word == "on" || words::weekday(word).is_some())
    }

    /// Reads a date that lacked its year again, with the year (and month) the published
    /// date implies, at each end of the published date. `error` is what the reading without
    /// them said, for a text no year makes a date of.
    pub(super) fn yearless(&mut self, error: &DateError) -> Result<ReadDate, DateError> {
        let anchor = self.anchor()?;
        let (first, note) = self.latest_at(anchor.first, error)?;
        let value = if anchor.first == anchor.last {
            first
        } else {
            let (last, _) = self.latest_at(anchor.last, error)?;
            joined(&first, &last)
        };
        Ok(ReadDate {
            value,
            wrong_weekday: note,
        })
    }

    /// The latest reading that starts on or before `day` (or the one a weekday chose).
    fn latest_at(
        &mut self,
        day: i64,
        error: &DateError,
    ) -> Result<(DateValue, Option<super::WrongWeekday>), DateError> {
        let mut assumed = Assumed::at(day);
        let mut first_error = None;
        for _ in 0..TRIES {
            self.assumed = Some(assumed);
            match self.whole() {
                Ok(value) if self.chose_by_weekday || i64::from(value.earliest) <= day => {
                    let mut value = value;
                    value.relative = true;
                    return Ok((value, self.wrong_weekday.clone()));
                }
                Ok(_) => {}
                Err(error) => {
                    first_error.get_or_insert(error);
                }
            }
            assumed = assumed.shifted(-1, self.used_month);
        }
        self.assumed = None;
        Err(first_error.unwrap_or_else(|| error.clone()))
    }

    /// The single day at `start` read with every nearby year (or month) assumed, keeping the
    /// one nearest the published date that falls on `weekday`: "Monday, Feb 18" in an article
    /// of 12 February 2013 is 18 February 2013. `None` when the text needed no assumption.
    pub(super) fn by_weekday(&mut self, weekday: u32, start: usize) -> Option<DateValue> {
        let assumed = self.assumed?;
        if !(self.used_year || self.used_month) {
            return None;
        }
        let by_month = self.used_month;
        let reach = if by_month {
            WEEKDAY_MONTHS
        } else {
            WEEKDAY_YEARS
        };
        let mut best: Option<(i64, DateValue, usize)> = None;
        for steps in -reach..=reach {
            self.assumed = Some(assumed.shifted(steps, by_month));
            self.pos = start;
            let Ok(Some((Range::Point(point), _))) = self.marked_range() else {
                continue;
            };
            let Ok(value) = self.complete(point) else {
                continue;
            };
            let day = i64::from(value.earliest);
            if value.earliest != value.latest || calendar::weekday(day) != weekday {
                continue;
            }
            let distance = (day - assumed.day).abs();
            if best
                .as_ref()
                .is_none_or(|(nearest, _, _)| distance < *nearest)
            {
                best = Some((distance, value, self.pos));
            }
        }
        self.assumed = Some(assumed);
        let (_, value, end) = best?;
        self.pos = end;
        self.chose_by_weekday = true;
        Some(value)
    }

    /// Checks a stated weekday against a single day: a mismatch is kept as a note (the
    /// source's mistake), and the date stands.
    pub(super) fn check_weekday(&mut self, weekday: u32, value: &DateValue) {
        let actual = calendar::weekday(i64::from(value.earliest));
        if actual != weekday {
            self.wrong_weekday = Some(WrongWeekday {
                date: value.describe(),
                stated: words::weekday_name(weekday),
                actual: words::weekday_name(actual),
            });
        }
    }
}

/// The readings at the two ends of a published month or year, as one interval.
fn joined(first: &DateValue, last: &DateValue) -> DateValue {
    if first == last {
        return first.clone();
    }
    DateValue {
        earliest: first.earliest.min(last.earliest),
        latest: first.latest.max(last.latest),
        granularity: Granularity::Span,
        margin: first.margin.max(last.margin),
        approximate: first.approximate || last.approximate,
        relative: true,
    }
}
