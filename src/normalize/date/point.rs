//! Single dates: years, months, days and numeric dates, and the dispatch to decades,
//! centuries and parts of periods (`period`).
//!
//! Owns the interval each single form means. It must not combine dates (spans,
//! open and approximate dates are the grammar's), but it may leave a point partial ("8",
//! "April", "8 April") for a span to complete from its other end.

use super::lexer::Tok;
use super::nth::Nth;
use super::period::Split;
use super::words;
use super::{DateError, Parser, Rule, error};
use crate::model::date::{DateValue, Granularity};

/// A single date as read. A span completes the partial ones from its other end: "8" and
/// "April" in "8–10 April 2025" and "April–June 2022".
pub(super) enum Point {
    /// A complete date.
    Full(DateValue),
    /// A day of the month with neither month nor year; `ordinal` when written as one ("the
    /// 15th"), which alone names a day, where a bare "15" does not.
    Day { day: u32, ordinal: bool },
    /// A day and month (1–12) with no year.
    DayMonth { day: u32, month: u32 },
    /// A month (1–12) with no year.
    Month(u32),
}

/// The hint for numeric dates that cannot be read unambiguously.
const ISO_HINT: &str = "write it as ISO `YYYY-MM-DD`, e.g. `2025-04-08`";

impl Parser<'_, '_> {
    /// A single date, possibly partial.
    pub(super) fn point(&mut self) -> Rule<Point> {
        self.skip_fillers();
        let start = self.pos;
        let point = match self.peek() {
            Some(Tok::Num { value, digits }) => self.numeric(value, digits)?,
            Some(Tok::Word("ad" | "ce")) => {
                self.year()?.map(|year| self.whole_year(year)).transpose()?
            }
            Some(Tok::Ordinal(n)) => {
                self.bump();
                self.ordinal(n)?
            }
            Some(Tok::Plural { value, digits }) => {
                self.bump();
                Some(Point::Full(self.decade(value, digits, None)?))
            }
            Some(Tok::Word(word)) => {
                self.bump();
                self.worded(word)?
            }
            _ => None,
        };
        if point.is_none() {
            self.pos = start;
        }
        Ok(point)
    }

    /// A year: "2014" (1000–9999), or with its era for earlier ones: "AD 800", "800 AD".
    pub(super) fn year(&mut self) -> Rule<i64> {
        match (self.peek(), self.peek_at(1)) {
            (
                Some(Tok::Num {
                    value,
                    digits: 1..=4,
                }),
                Some(Tok::Word("ad" | "ce")),
            )
            | (
                Some(Tok::Word("ad" | "ce")),
                Some(Tok::Num {
                    value,
                    digits: 1..=4,
                }),
            ) if value >= 1 => {
                self.pos += 2;
                Ok(Some(i64::from(value)))
            }
            (Some(Tok::Num { .. }), Some(Tok::Word("bc" | "bce"))) => Err(error(
                format!("`{}`: years before AD 1 are not supported", self.text),
                "write years from AD 1 on, e.g. `AD 800`",
            )),
            (Some(Tok::Num { value, digits: 4 }), _) if value >= 1000 => {
                self.bump();
                Ok(Some(i64::from(value)))
            }
            (Some(Tok::Num { digits: 5.., .. }), _) => Err(error(
                format!("`{}` is not a date: a year has four digits", self.text),
                "write the year as `2014`; before 1000, as `AD 800`",
            )),
            _ => Ok(None),
        }
    }

    fn whole_year(&self, year: i64) -> Result<Point, DateError> {
        self.years(year, year, Granularity::Year, 0)
            .map(Point::Full)
    }

    /// A date starting with a number: a year and what may follow it ("2023-07", "2023 Q1"), a
    /// numeric date ("4/18/2025"), or a day ("8 April 2025", or "8" before a range).
    fn numeric(&mut self, value: u32, digits: u8) -> Rule<Point> {
        let start = self.pos;
        if let Some(year) = self.year()? {
            let plain = digits == 4 && self.pos == start + 1;
            if plain {
                if let Some(point) = self.after_year(year)? {
                    return Ok(Some(point));
                }
            }
            return self.whole_year(year).map(Some);
        }
        if digits > 2 || !(1..=31).contains(&value) {
            return Ok(None);
        }
        self.bump();
        if self.peek() == Some(Tok::Slash) {
            if let Some(month) = self.month_slash_year(value)? {
                return Ok(Some(Point::Full(month)));
            }
            return self.slash_date(value).map(|day| Some(Point::Full(day)));
        }
        self.day_first(value, false)
    }

    /// What may follow a bare four-digit year: ISO "2023-07" and "2025-04-08", "2025/04/08",
    /// and "2023 Q1" / "2023 H2".
    fn after_year(&mut self, year: i64) -> Rule<Point> {
        if let Some((month, 2)) = self.number_after(0, Tok::Hyphen) {
            if (1..=12).contains(&month) {
                self.pos += 2;
                if let Some((day, 2)) = self.number_after(0, Tok::Hyphen) {
                    self.pos += 2;
                    return self.day(year, month, day).map(|day| Some(Point::Full(day)));
                }
                return self
                    .months(year, month, year, month, Granularity::Month, 0)
                    .map(|m| Some(Point::Full(m)));
            }
        }
        if let (Some((month, 1)), Some((day, 1 | 2))) | (Some((month, 2)), Some((day, 1))) = (
            self.number_after(0, Tok::Hyphen),
            self.number_after(2, Tok::Hyphen),
        ) {
            // "2015-3-3": with all three parts, a one-digit month or day is unambiguous.
            self.pos += 4;
            return self.day(year, month, day).map(|day| Some(Point::Full(day)));
        }
        if let (Some((month, 1 | 2)), Some((day, 1 | 2))) = (
            self.number_after(0, Tok::Slash),
            self.number_after(2, Tok::Slash),
        ) {
            self.pos += 4;
            return self.day(year, month, day).map(|day| Some(Point::Full(day)));
        }
        if let (Some(split), Some(Tok::Num { value, .. })) =
            (self.word_at(0).and_then(Split::of_letter), self.peek_at(1))
        {
            self.pos += 2;
            return self.split(split, value, year).map(|v| Some(Point::Full(v)));
        }
        Ok(None)
    }

    /// The value and digit count of a number `ahead` tokens on, just after `separator`.
    fn number_after(&self, ahead: usize, separator: Tok<'_>) -> Option<(u32, u8)> {
        match (self.peek_at(ahead), self.peek_at(ahead + 1)) {
            (Some(sep), Some(Tok::Num { value, digits })) if sep == separator => {
                Some((value, digits))
            }
            _ => None,
        }
    }

    /// "2/2013": a month and a four-digit year, which no other order can mean.
    fn month_slash_year(&mut self, month: u32) -> Rule<DateValue> {
        match (self.peek_at(1), self.peek_at(2)) {
            (Some(Tok::Num { value, digits: 4 }), next)
                if (1..=12).contains(&month) && value >= 1000 && next != Some(Tok::Slash) =>
            {
                self.pos += 2;
                let year = i64::from(value);
                self.months(year, month, year, month, Granularity::Month, 0)
                    .map(Some)
            }
            _ => Ok(None),
        }
    }

    /// "4/18/2025" or "18/4/2025": read only when one part is over 12, or both are equal, so
    /// that the US and European orders agree.
    fn slash_date(&mut self, first: u32) -> Result<DateValue, DateError> {
        let (
            Some(Tok::Slash),
            Some(Tok::Num {
                value: second,
                digits: 1 | 2,
            }),
            Some(Tok::Slash),
            Some(Tok::Num {
                value: year,
                digits,
            }),
        ) = (
            self.peek(),
            self.peek_at(1),
            self.peek_at(2),
            self.peek_at(3),
        )
        else {
            return Err(self.not_a_date());
        };
        self.pos += 4;
        if digits != 4 || year < 1000 {
            return Err(error(
                format!("`{}` has no four-digit year", self.text),
                ISO_HINT,
            ));
        }
        let year = i64::from(year);
        let (month, day) = match (first > 12, second > 12) {
            (true, false) => (second, first),
            (false, true) => (first, second),
            (false, false) if first == second => (first, second),
            (false, false) => {
                let reading = |month: u32, day: u32| {
                    self.day(year, month, day)
                        .map_or_else(|_| String::new(), |v| v.describe())
                };
                return Err(DateError {
                    message: format!(
                        "`{}` could be {} or {}",
                        self.text,
                        reading(first, second),
                        reading(second, first)
                    ),
                    hint: Some(format!(
                        "write it as ISO `YYYY-MM-DD`: `{year:04}-{first:02}-{second:02}` or \
                         `{year:04}-{second:02}-{first:02}`"
                    )),
                });
            }
            (true, true) => return Err(error(format!("`{}` is not a date", self.text), ISO_HINT)),
        };
        self.day(year, month, day)
    }

    /// After a day of the month: "8 April 2025", "8th of April 2025", or "8" alone (partial).
    fn day_first(&mut self, day: u32, ordinal: bool) -> Rule<Point> {
        let start = self.pos;
        if self.eat_word(&["of"]) || (ordinal && self.eat_words(&["day", "of"])) {
            // "the 20th of next month".
            if let Some(months) = self.relative_month()? {
                let [first, last] = months.map(|(year, month)| self.day(year, month, day));
                let (first, last) = (first?, last?);
                let mut value = self.value(
                    i64::from(first.earliest),
                    i64::from(last.latest),
                    Granularity::Day,
                    0,
                )?;
                value.relative = true;
                return Ok(Some(Point::Full(value)));
            }
            self.pos = start;
        }
        self.eat_word(&["of"]);
        // "01-Dec-2011": a day, month and year joined by hyphens.
        let hyphenated = !ordinal && self.eat(Tok::Hyphen);
        let Some(month) = self.word_at(0).and_then(words::month) else {
            self.pos = start;
            return Ok(Some(Point::Day { day, ordinal }));
        };
        self.bump();
        if hyphenated {
            let after_month = self.pos;
            if !(self.eat(Tok::Hyphen) && matches!(self.peek(), Some(Tok::Num { digits: 4, .. }))) {
                self.pos = after_month;
            }
        }
        match self.year()? {
            Some(year) => self.day(year, month, day).map(|v| Some(Point::Full(v))),
            None => Ok(Some(Point::DayMonth { day, month })),
        }
    }

    /// An ordinal written out, `word` already read: "third", "twenty-first", "thirty first".
    fn spelled_ordinal(&mut self, word: &str) -> Option<u32> {
        let tens = match word {
            "twenty" => 20,
            "thirty" => 30,
            _ => return words::ordinal(word),
        };
        let start = self.pos;
        self.eat(Tok::Hyphen);
        if let Some(unit @ 1..=9) = self.word_at(0).and_then(words::ordinal) {
            self.bump();
            Some(tens + unit)
        } else {
            self.pos = start;
            None
        }
    }

    /// After a month name: "April 8, 2025", "July 2023", "July of 2023", "March third",
    /// "February the 15th", or partial.
    fn month_first(&mut self, month: u32) -> Rule<Point> {
        let start = self.pos;
        self.eat_word(&["the"]);
        if let Some(day) = self.word_at(0) {
            self.bump();
            match self.spelled_ordinal(day) {
                Some(day @ 1..=31) => {
                    return match self.year()? {
                        Some(year) => self.day(year, month, day).map(|v| Some(Point::Full(v))),
                        None => Ok(Some(Point::DayMonth { day, month })),
                    };
                }
                _ => self.pos = start,
            }
        }
        if !matches!(self.peek(), Some(Tok::Ordinal(_))) {
            self.pos = start;
        }
        if let Some(
            Tok::Num {
                value: day,
                digits: 1 | 2,
            }
            | Tok::Ordinal(day),
        ) = self.peek()
        {
            if (1..=31).contains(&day) {
                self.bump();
                return match self.year()? {
                    Some(year) => self.day(year, month, day).map(|v| Some(Point::Full(v))),
                    None => Ok(Some(Point::DayMonth { day, month })),
                };
            }
        }
        let start = self.pos;
        self.eat_word(&["of"]);
        if let Some(year) = self.year()? {
            return self
                .months(year, month, year, month, Granularity::Month, 0)
                .map(|v| Some(Point::Full(v)));
        }
        self.pos = start;
        Ok(Some(Point::Month(month)))
    }

    /// After an ordinal: "21st century", "1st quarter of 2023", "8th of April 2025".
    fn ordinal(&mut self, n: u32) -> Rule<Point> {
        if self.century_word() {
            return self.century(n, None).map(|v| Some(Point::Full(v)));
        }
        if let Some(split) = self.spelled_split() {
            return self.split_of_year(split, n).map(|v| Some(Point::Full(v)));
        }
        if let Some(point) = self.nth_of_month(Nth::Number(n))? {
            return Ok(Some(point));
        }
        if (1..=31).contains(&n) {
            return self.day_first(n, true);
        }
        Ok(None)
    }

    /// After a word: a month, early/mid/late, a season, a quarter or half, "the year 2014".
    fn worded(&mut self, word: &str) -> Rule<Point> {
        if let Some(month) = words::month(word) {
            return self.month_first(month);
        }
        if let Some(part) = words::part(word) {
            return self.part(part);
        }
        if let Some((first, last)) = words::season(word) {
            return self.season(first, last).map(|v| Some(Point::Full(v)));
        }
        if let Some(n) = self.spelled_ordinal(word) {
            if let Some(point) = self.nth_of_month(Nth::Number(n))? {
                return Ok(Some(point));
            }
            return match self.spelled_split() {
                Some(split) => self.split_of_year(split, n).map(|v| Some(Point::Full(v))),
                None if (1..=31).contains(&n) => self.day_first(n, true),
                None => Ok(None),
            };
        }
        if word == "last" {
            return self.nth_of_month(Nth::FromEnd(1));
        }
        if let (
            Some(split),
            Some(Tok::Num {
                value: n,
                digits: 1,
            }),
        ) = (Split::of_letter(word), self.peek())
        {
            self.bump();
            return self.split_of_year(split, n).map(|v| Some(Point::Full(v)));
        }
        if word == "year" {
            self.eat_word(&["of"]);
            return self.year()?.map(|year| self.whole_year(year)).transpose();
        }
        Ok(None)
    }
}
