//! Periods and their parts: decades, centuries, early/mid/late, seasons, quarters, halves.
//!
//! Owns the interval and the margin each part means: vague parts ("late 1970s", "summer
//! 2022") get a margin for their soft edges, exact ones (quarters, whole decades) none. It
//! must not combine dates; `point` dispatches here.

use super::lexer::Tok;
use super::point::Point;
use super::words::{self, Part};
use super::{DateError, Parser, Rule, error};
use crate::model::date::calendar;
use crate::model::date::{DateValue, Granularity};

/// A year split into equal whole-month parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Split {
    /// Three months: "Q3 2023", "the third quarter of 2023".
    Quarter,
    /// Six months: "H1 2023", "the first half of 2023".
    Half,
}

impl Split {
    /// The split a letter abbreviates: the "Q" of "Q1", the "H" of "H2".
    pub(super) fn of_letter(word: &str) -> Option<Split> {
        match word {
            "q" => Some(Split::Quarter),
            "h" => Some(Split::Half),
            _ => None,
        }
    }
}

/// How far the vague edges of "early/mid/late 1990s" may be off: a year.
const PART_OF_DECADE_MARGIN: u32 = 365;
/// How far the edges of "late 2022" or "summer 2022" may be off: a month.
const PART_OF_YEAR_MARGIN: u32 = 30;
/// How far the edges of "early July 2023" may be off: five days.
const PART_OF_MONTH_MARGIN: u32 = 5;
/// How far the edges of "the early 20th century" may be off: five years.
const PART_OF_CENTURY_MARGIN: u32 = 1826;

impl Parser<'_, '_> {
    /// Consumes "quarter" or "half" written out.
    pub(super) fn spelled_split(&mut self) -> Option<Split> {
        let split = match self.word_at(0)? {
            "quarter" | "qtr" => Split::Quarter,
            "half" => Split::Half,
            _ => return None,
        };
        self.bump();
        Some(split)
    }

    /// The rest of "Q1 2023", "first quarter of 2023", "H2 of 2023": the year.
    pub(super) fn split_of_year(&mut self, split: Split, n: u32) -> Result<DateValue, DateError> {
        self.eat_word(&["of"]);
        let year = self.year_or_assumed()?;
        self.split(split, n, year)
    }

    /// Quarter or half `n` of a year: whole months, so no margin.
    pub(super) fn split(&self, split: Split, n: u32, year: i64) -> Result<DateValue, DateError> {
        let (size, count, name) = match split {
            Split::Quarter => (3, 4, "four quarters"),
            Split::Half => (6, 2, "two halves"),
        };
        if !(1..=count).contains(&n) {
            return Err(error(
                format!("`{}` is not a date: a year has {name}", self.text),
                "write e.g. `Q3 2023`, `the first half of 2023`",
            ));
        }
        self.months(
            year,
            size * (n - 1) + 1,
            year,
            size * n,
            Granularity::PartOfYear,
            0,
        )
    }

    /// "spring 2022", "summer of 2022"; winter 2022 runs from December 2022 to February 2023,
    /// and may be written "winter 2022–23".
    pub(super) fn season(&mut self, first: u32, last: u32) -> Result<DateValue, DateError> {
        self.eat_word(&["of"]);
        let year = self.year_or_assumed()?;
        let end_year = if last < first { year + 1 } else { year };
        if end_year > year {
            let next = match (self.peek(), self.peek_at(1)) {
                (Some(Tok::Hyphen | Tok::Dash | Tok::Slash), Some(Tok::Num { value, digits })) => {
                    let value = i64::from(value);
                    (digits == 4 && value == end_year) || (digits == 2 && value == end_year % 100)
                }
                _ => false,
            };
            if next {
                self.pos += 2;
            }
        }
        self.months(
            year,
            first,
            end_year,
            last,
            Granularity::PartOfYear,
            PART_OF_YEAR_MARGIN,
        )
    }

    /// After early/mid/late: a part of a decade, year, month or century.
    pub(super) fn part(&mut self, part: Part) -> Rule<Point> {
        // "mid-1990s", and "mid–1990s" typed with a dash.
        let _ = self.eat(Tok::Hyphen) || self.eat(Tok::Dash);
        while self.eat_word(&["in", "of", "the"]) {}
        let value = match self.peek() {
            Some(Tok::Plural { value, digits }) => {
                self.bump();
                self.decade(value, digits, Some(part))?
            }
            Some(Tok::Num { .. } | Tok::Word("ad" | "ce")) => {
                let Some(year) = self.year()? else {
                    return Ok(None);
                };
                let (first, last) = match part {
                    Part::Early => (1, 4),
                    Part::Mid => (5, 8),
                    Part::Late => (9, 12),
                };
                self.months(
                    year,
                    first,
                    year,
                    last,
                    Granularity::PartOfYear,
                    PART_OF_YEAR_MARGIN,
                )?
            }
            Some(Tok::Word(word)) => {
                let Some(month) = words::month(word) else {
                    return Ok(None);
                };
                self.bump();
                self.eat_word(&["of"]);
                let year = self.year_or_assumed()?;
                let (first, last) = match part {
                    Part::Early => (1, 10),
                    Part::Mid => (11, 20),
                    Part::Late => (21, calendar::days_in_month(year, month)),
                };
                let start = calendar::from_civil(year, month, first);
                let end = calendar::from_civil(year, month, last);
                self.value(start, end, Granularity::PartOfMonth, PART_OF_MONTH_MARGIN)?
            }
            Some(Tok::Ordinal(n)) => {
                self.bump();
                if !self.century_word() {
                    return Ok(None);
                }
                self.century(n, Some(part))?
            }
            _ => return Ok(None),
        };
        Ok(Some(Point::Full(value)))
    }

    /// A decade from its first year ("1970s"), or a part of one: early 1990–1993, mid
    /// 1994–1996, late 1997–1999. "The 1900s" is read as a decade too, by the same rule.
    pub(super) fn decade(
        &self,
        value: u32,
        digits: u8,
        part: Option<Part>,
    ) -> Result<DateValue, DateError> {
        if digits != 4 || value % 10 != 0 || value < 1000 {
            return Err(error(
                format!("`{}` is not a decade", self.text),
                "a decade is written with its first year, e.g. `the 1970s`",
            ));
        }
        let year = i64::from(value);
        match part {
            None => self.years(year, year + 9, Granularity::Decade, 0),
            Some(Part::Early) => self.years(
                year,
                year + 3,
                Granularity::PartOfDecade,
                PART_OF_DECADE_MARGIN,
            ),
            Some(Part::Mid) => self.years(
                year + 4,
                year + 6,
                Granularity::PartOfDecade,
                PART_OF_DECADE_MARGIN,
            ),
            Some(Part::Late) => self.years(
                year + 7,
                year + 9,
                Granularity::PartOfDecade,
                PART_OF_DECADE_MARGIN,
            ),
        }
    }

    /// Consumes "century" or "-century" ("21st-century").
    pub(super) fn century_word(&mut self) -> bool {
        let start = self.pos;
        self.eat(Tok::Hyphen);
        if self.eat_word(&["century"]) {
            return true;
        }
        self.pos = start;
        false
    }

    /// The `n`th century (the 20th is 1901–2000), or a third of it (early 1901–1933, mid
    /// 1934–1966, late 1967–2000).
    pub(super) fn century(&self, n: u32, part: Option<Part>) -> Result<DateValue, DateError> {
        if !(1..=99).contains(&n) {
            return Err(error(
                format!("`{}` is not a century factcheck can read", self.text),
                "write e.g. `the 20th century`, `the early 21st century`",
            ));
        }
        let first = i64::from(n - 1) * 100 + 1;
        match part {
            None => self.years(first, first + 99, Granularity::Century, 0),
            Some(Part::Early) => self.years(
                first,
                first + 32,
                Granularity::Century,
                PART_OF_CENTURY_MARGIN,
            ),
            Some(Part::Mid) => self.years(
                first + 33,
                first + 65,
                Granularity::Century,
                PART_OF_CENTURY_MARGIN,
            ),
            Some(Part::Late) => self.years(
                first + 66,
                first + 99,
                Granularity::Century,
                PART_OF_CENTURY_MARGIN,
            ),
        }
    }
}
