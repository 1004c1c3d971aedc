//! Spans between two dates: "2009–2013", "2009-13", "April–June 2022", "8–10 April 2025",
//! "between 2009 and 2013".
//!
//! Owns how the two ends of a span are read, how a partial first end borrows its year (or
//! month) from the second, and that a span runs forward. It must not read single dates
//! (`point`) nor decide what approximation does (`grammar`).

use super::lexer::Tok;
use super::point::Point;
use super::words;
use super::{DateError, Parser, Rule, error};
use crate::model::date::calendar;
use crate::model::date::{DateValue, Granularity};

/// A range as read: a point a caller may still complete, or a finished span.
pub(super) enum Range {
    /// A single date, maybe partial.
    Point(Point),
    /// Two dates joined.
    Span(DateValue),
}

impl Parser<'_, '_> {
    /// A point, or a span of two points: "2009–2013", "April–June 2022", "8–10 April 2025".
    pub(super) fn range(&mut self) -> Rule<Range> {
        let Some(first) = self.point()? else {
            return Ok(None);
        };
        let before_separator = self.pos;
        let separated = matches!(self.peek(), Some(Tok::Hyphen | Tok::Dash | Tok::Slash))
            || matches!(
                self.word_at(0),
                Some("to" | "through" | "thru" | "until" | "till" | "til")
            );
        if !separated {
            return Ok(Some(Range::Point(first)));
        }
        self.bump();
        if let Some(second) = self.second(&first)? {
            return self
                .span(first, &second)
                .map(|span| Some(Range::Span(span)));
        }
        // A separator with nothing after it to span to is left for the caller to reject.
        self.pos = before_separator;
        Ok(Some(Range::Point(first)))
    }

    /// The second point of a span, which may borrow from the first: "2009–13" abbreviates the
    /// year, "April 8–10, 2025" gives only the day.
    fn second(&mut self, first: &Point) -> Rule<DateValue> {
        if let (Point::Full(first), Some(Tok::Num { value, digits: 2 })) = (first, self.peek()) {
            // "2014 – 12 April 2025" starts a day, not an abbreviated year.
            let month_follows = self.word_at(1).and_then(words::month).is_some();
            if first.granularity == Granularity::Year && !month_follows {
                self.bump();
                let (year, _, _) = calendar::civil(i64::from(first.earliest));
                let second = year - year.rem_euclid(100) + i64::from(value);
                if second <= year {
                    return Err(error(
                        format!("`{}` ends before it starts", self.text),
                        "for a month write `YYYY-MM` (01–12); for a span write both years, \
                         e.g. `2009–2013`",
                    ));
                }
                return self.years(second, second, Granularity::Year, 0).map(Some);
            }
        }
        if let Point::DayMonth { month, .. } = *first {
            let day = match self.peek() {
                Some(
                    Tok::Num {
                        value,
                        digits: 1 | 2,
                    }
                    | Tok::Ordinal(value),
                ) => Some(value),
                _ => None,
            };
            let month_follows = self.word_at(1).and_then(words::month).is_some();
            if let (Some(day), false) = (day, month_follows) {
                self.bump();
                let year = self.year_or_assumed()?;
                return self.day(year, month, day).map(Some);
            }
        }
        match self.point()? {
            Some(Point::Full(second)) => Ok(Some(second)),
            Some(partial) => self.complete(partial).map(Some),
            None => Ok(None),
        }
    }

    /// The span from the start of `first` to the end of `second`; a first point without a
    /// year (or month) takes the second's.
    fn span(&self, first: Point, second: &DateValue) -> Result<DateValue, DateError> {
        let (year, month, _) = calendar::civil(i64::from(second.earliest));
        let first = match first {
            Point::Full(first) => first,
            Point::Day { day, .. } if second.granularity == Granularity::Day => {
                self.day(year, month, day)?
            }
            Point::DayMonth { day, month }
                if matches!(second.granularity, Granularity::Day | Granularity::Month) =>
            {
                self.day(year, month, day)?
            }
            Point::Month(month)
                if matches!(
                    second.granularity,
                    Granularity::Day | Granularity::PartOfMonth | Granularity::Month
                ) =>
            {
                self.months(year, month, year, month, Granularity::Month, 0)?
            }
            Point::Day { .. } | Point::DayMonth { .. } | Point::Month(_) => {
                return Err(self.not_a_date());
            }
        };
        if first.earliest > second.earliest || first.latest > second.latest {
            return Err(error(
                format!("`{}` ends before it starts", self.text),
                "write the earlier date first, e.g. `2009–2013`",
            ));
        }
        Ok(DateValue {
            earliest: first.earliest,
            latest: second.latest,
            granularity: Granularity::Span,
            margin: first.margin.max(second.margin),
            approximate: false,
            relative: first.relative || second.relative,
        })
    }

    /// "between 2009 and 2013", "between April and June 2022".
    pub(super) fn between(&mut self) -> Rule<DateValue> {
        if !self.eat_word(&["between"]) {
            return Ok(None);
        }
        let first = self.point()?.ok_or_else(|| self.not_a_date())?;
        if !self.eat_word(&["and"]) {
            return Err(self.not_a_date());
        }
        let second = self.second(&first)?.ok_or_else(|| self.not_a_date())?;
        self.span(first, &second).map(Some)
    }
}
