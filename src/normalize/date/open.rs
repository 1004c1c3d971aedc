//! Half-open dates: "since 2014", "after 2010", "by 2027", "before 2010", "from 2014".
//!
//! Owns the words that open a date and where the other end goes: to the end of the source's
//! `published` date, or unbounded. It must not read the inner date itself (`point`, `span`).

use super::lexer::Tok;
use super::span::Range;
use super::{DateError, Parser, Rule, approximation_unit};
use crate::model::date::calendar;
use crate::model::date::{DateValue, Granularity, UNBOUNDED_END, UNBOUNDED_START};

/// How a half-open date relates to the date it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// From its start on: "since 2014", "from 2014", "starting in 2014".
    Since,
    /// From the day after it: "after 2010".
    After,
    /// Up to its end: "by 2027", "until 2013", "through 2013", "no later than 2027".
    Until,
    /// Up to the day before it: "before 2010", "prior to 2010".
    Before,
}

impl Parser<'_, '_> {
    /// A half-open date: "since 2014", "after 2010", "by 2027", "before 2010"; "from 2014"
    /// alone, or a span when "from 2009 to 2013" goes on.
    pub(super) fn open(&mut self) -> Rule<DateValue> {
        let start = self.pos;
        let Some(kind) = self.open_keyword() else {
            self.pos = start;
            return Ok(None);
        };
        self.skip_fillers();
        let (inner, approximate) = if let Some(value) = self.relative()? {
            (value, false)
        } else {
            match self.marked_range()? {
                Some((Range::Point(point), approximate)) => (self.complete(point)?, approximate),
                Some((Range::Span(span), approximate)) if self.opened_with_from(start) => {
                    return if approximate {
                        self.widen(&span).map(Some)
                    } else {
                        Ok(Some(span))
                    };
                }
                Some((Range::Span(_), _)) | None => return Err(self.not_a_date()),
            }
        };
        let open = self.open_interval(kind, &inner)?;
        if !approximate {
            return Ok(Some(open));
        }
        // Widen the stated end outward: "after around 2010" admits 2010 itself.
        let stated_start = matches!(kind, Open::Since | Open::After);
        self.widened(
            &open,
            approximation_unit(&inner),
            stated_start,
            !stated_start,
        )
        .map(Some)
    }

    /// Whether the open date at `start` began with "from", which may also begin a span.
    fn opened_with_from(&self, start: usize) -> bool {
        matches!(self.toks.get(start), Some(Tok::Word("from")))
    }

    /// Consumes the words that open a half-open date.
    fn open_keyword(&mut self) -> Option<Open> {
        let word = self.word_at(0)?;
        self.bump();
        let kind = match word {
            "since" | "from" => Open::Since,
            // "beginning of 2022" is the early part of 2022, not a start: left to `part`.
            "starting" | "beginning" if self.word_at(0) == Some("of") => return None,
            "starting" | "beginning" => {
                self.eat_word(&["in", "from", "on", "at"]);
                Open::Since
            }
            "after" => Open::After,
            "by" | "until" | "till" | "til" | "through" | "thru" => Open::Until,
            "before" => Open::Before,
            "up" if self.eat_word(&["to", "until"]) => Open::Until,
            "prior" if self.eat_word(&["to"]) => Open::Before,
            "no" | "not" if self.eat_words(&["later", "than"]) => Open::Until,
            "no" | "not" if self.eat_words(&["earlier", "than"]) => Open::Since,
            "not" if self.eat_word(&["before"]) => Open::Since,
            "not" if self.eat_word(&["after"]) => Open::Until,
            _ => return None,
        };
        Some(kind)
    }

    /// The half-open interval around `inner`; a stated start runs to the end of the source's
    /// `published` date, or is unbounded without one.
    fn open_interval(&self, kind: Open, inner: &DateValue) -> Result<DateValue, DateError> {
        let published_end = self
            .published
            .map_or(UNBOUNDED_END, |published| published.latest);
        let (earliest, latest) = match kind {
            Open::Since => (i64::from(inner.earliest), i64::from(published_end)),
            Open::After => (i64::from(inner.latest) + 1, i64::from(published_end)),
            Open::Until => (i64::from(UNBOUNDED_START), i64::from(inner.latest)),
            Open::Before => (i64::from(UNBOUNDED_START), i64::from(inner.earliest) - 1),
        };
        if earliest > latest {
            return Err(DateError {
                message: format!(
                    "`{}` starts after this source's `published` date ({})",
                    self.text,
                    self.published.map(DateValue::describe).unwrap_or_default()
                ),
                hint: Some("check the source's `published` date, or the claim".to_owned()),
            });
        }
        let earliest = if kind == Open::Until || kind == Open::Before {
            Some(UNBOUNDED_START)
        } else {
            calendar::to_day(earliest)
        };
        let latest = if latest == i64::from(UNBOUNDED_END) {
            Some(UNBOUNDED_END)
        } else {
            calendar::to_day(latest)
        };
        match (earliest, latest) {
            (Some(earliest), Some(latest)) => Ok(DateValue {
                earliest,
                latest,
                granularity: Granularity::Open,
                margin: inner.margin,
                approximate: false,
                relative: inner.relative,
            }),
            _ => Err(self.out_of_range()),
        }
    }
}
