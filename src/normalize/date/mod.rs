//! Text to [`DateValue`] (DESIGN 2.2): "2014", "late 1970s", "8–10 April 2025", "since 2014",
//! "around 2014", "on Thursday".
//!
//! Owns what date phrasings mean as intervals of days. It must not compare dates (that is
//! `compare::date`) nor show them (`model::date`), and must never fall back to treating the
//! text as a string: what it cannot read is a [`DateError`] naming the text.
//!
//! The text is lower-cased once and split into tokens held inline (`lexer`). A hand-written
//! recursive descent reads them with a few tokens of lookahead, going back only to a saved
//! position when a form does not apply: `grammar` tries the forms in order and handles
//! approximation, `relative` reads dates relative to `published`, `resolve` and `anchor` resolve them,
//! `yearless` gives a date written without its year the year `published` implies, `open`
//! half-open dates, `span` two dates joined, `point` single dates and `period` decades,
//! centuries and their parts, `nth` a day or week counted within a month. The vocabulary is `match` tables (`words`), so nothing is built
//! per call.

mod anchor;
mod grammar;
mod lexer;
mod nth;
mod open;
mod period;
mod point;
mod relative;
mod resolve;
mod span;
mod words;
mod yearless;

#[cfg(test)]
mod tests;

use self::lexer::Tok;
use self::yearless::Assumed;
pub use self::yearless::WrongWeekday;
use crate::model::date::calendar::{self, Precision};
use crate::model::date::{DateValue, Granularity, month_name};

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong, e.g. "`the Cold War` is not a date".
    pub message: String,
    /// What to write instead, if there is something to suggest.
    pub hint: Option<String>,
}

/// A date as read, with what the text says that the date contradicts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDate {
    /// The date.
    pub value: DateValue,
    /// A weekday stated with the date that the date does not fall on ("Monday, 4 July 1776"
    /// was a Thursday): a mistake of the source, reported as a finding; the date still counts.
    pub wrong_weekday: Option<WrongWeekday>,
}

/// Parses a date as a source states it; `published` anchors relative dates ("on Thursday")
/// and dates without a year ("March 3"), and closes open ones ("since 2014" runs to the
/// source's date, or is unbounded without it).
///
/// Case does not matter; a leading "in", "on", "at", "during", "the" or "of" and a trailing
/// period are ignored.
///
/// # Errors
/// When the text is not a date this parser understands, names a day that does not exist
/// ("February 30, 2023"), is ambiguous ("4/8/2025"), is a time of day ("at 1030"), is a span
/// that ends before it starts, or is relative and there is no `published` date.
pub fn parse_date(text: &str, published: Option<&DateValue>) -> Result<DateValue, DateError> {
    read_date(text, published).map(|read| read.value)
}

/// [`parse_date`], keeping what the text says that the date contradicts (a wrong weekday).
///
/// # Errors
/// As [`parse_date`].
pub fn read_date(text: &str, published: Option<&DateValue>) -> Result<ReadDate, DateError> {
    let text = text.trim();
    let lower = text.to_lowercase();
    let tokens = lexer::tokenize(&lower).ok_or_else(|| untokenizable(text))?;
    let mut parser = Parser {
        toks: tokens.as_slice(),
        pos: 0,
        text,
        published,
        assumed: None,
        used_year: false,
        used_month: false,
        chose_by_weekday: false,
        wrong_weekday: None,
    };
    match parser.whole() {
        Ok(value) => Ok(parser.read(value)),
        Err(error) if parser.used_year || parser.used_month => parser.yearless(&error),
        Err(error) => Err(error),
    }
}

/// A few accepted forms, for hints.
const FORMS: &str = "write a date such as `2014`, `July 2023`, `8 April 2025`, `2025-04-08`, \
     `the 1990s`, `late 2022`, `Q3 2023`, `2009–2013`, `since 2014` or `around 2014`";

fn error(message: String, hint: &str) -> DateError {
    DateError {
        message,
        hint: Some(hint.to_owned()),
    }
}

/// A time of day is refused by name: factcheck compares days, and reading "at 1030" as the
/// year 1030 would be a silent misreading.
fn time_of_day(text: &str) -> DateError {
    error(
        format!("`{text}` is a time of day; factcheck reads dates (a day or longer), not times"),
        "give the day, e.g. `8 April 2025`, or leave the time out of the value",
    )
}

/// Why text the lexer refuses is not a date: "10:30" is a time of day.
fn untokenizable(text: &str) -> DateError {
    let bytes = text.as_bytes();
    let clock = bytes.windows(3).any(|w| {
        w.first().is_some_and(u8::is_ascii_digit)
            && w.get(1) == Some(&b':')
            && w.get(2).is_some_and(u8::is_ascii_digit)
    });
    if clock {
        time_of_day(text)
    } else {
        not_a_date(text)
    }
}

fn not_a_date(text: &str) -> DateError {
    if text.is_empty() {
        return error("the date is empty".to_owned(), FORMS);
    }
    error(format!("`{text}` is not a date"), FORMS)
}

/// The result of a grammar rule: `Ok(None)` when the rule does not apply, with the cursor
/// where it was; `Err` when it applies and the text is wrong.
type Rule<T> = Result<Option<T>, DateError>;

/// A cursor over the tokens of one date, with what the grammar needs to word its errors and
/// resolve relative dates.
struct Parser<'t, 'a> {
    toks: &'t [Tok<'a>],
    pos: usize,
    /// The text as written (trimmed, case kept), for messages.
    text: &'t str,
    published: Option<&'t DateValue>,
    /// The year and month a date written without them takes (`yearless`), when tried.
    assumed: Option<Assumed>,
    /// Whether the text needed a year it did not state.
    used_year: bool,
    /// Whether the text needed a month it did not state ("the 15th").
    used_month: bool,
    /// Whether a stated weekday chose the year of a date written without one.
    chose_by_weekday: bool,
    /// A stated weekday the date does not fall on.
    wrong_weekday: Option<WrongWeekday>,
}

impl<'a> Parser<'_, 'a> {
    /// The whole text as one date, or an error.
    fn whole(&mut self) -> Result<DateValue, DateError> {
        self.pos = 0;
        self.used_year = false;
        self.used_month = false;
        self.chose_by_weekday = false;
        self.wrong_weekday = None;
        match self.date()? {
            Some(value) if self.at_end() => Ok(value),
            _ => Err(self.refusal()),
        }
    }

    fn read(&self, value: DateValue) -> ReadDate {
        ReadDate {
            value,
            wrong_weekday: self.wrong_weekday.clone(),
        }
    }

    /// Why the text is not a date: a time of day is named as such (factcheck reads days, not
    /// times), anything else is not a date.
    fn refusal(&self) -> DateError {
        let clock = self.toks.iter().any(|tok| match tok {
            Tok::Word(word) => words::is_time_of_day(word),
            _ => false,
        });
        if clock {
            return time_of_day(self.text);
        }
        self.not_a_date()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn peek_at(&self, ahead: usize) -> Option<Tok<'a>> {
        self.toks.get(self.pos + ahead).copied()
    }

    fn peek(&self) -> Option<Tok<'a>> {
        self.peek_at(0)
    }

    fn word_at(&self, ahead: usize) -> Option<&'a str> {
        match self.peek_at(ahead) {
            Some(Tok::Word(word)) => Some(word),
            _ => None,
        }
    }

    fn bump(&mut self) {
        self.pos += 1;
    }

    /// Consumes the token if it is `tok`.
    fn eat(&mut self, tok: Tok<'_>) -> bool {
        let found = self.peek() == Some(tok);
        if found {
            self.bump();
        }
        found
    }

    /// Consumes the next word if it is one of `words`.
    fn eat_word(&mut self, words: &[&str]) -> bool {
        let found = self.word_at(0).is_some_and(|word| words.contains(&word));
        if found {
            self.bump();
        }
        found
    }

    /// Consumes `words` in sequence, or nothing if they do not all follow.
    fn eat_words(&mut self, words: &[&str]) -> bool {
        let found = words
            .iter()
            .enumerate()
            .all(|(ahead, word)| self.word_at(ahead) == Some(*word));
        if found {
            self.pos += words.len();
        }
        found
    }

    fn eat_approximate_word(&mut self) -> bool {
        let found = self.word_at(0).is_some_and(words::is_approximate);
        if found {
            self.bump();
        }
        found
    }

    fn skip_fillers(&mut self) {
        while self.word_at(0).is_some_and(words::is_filler) {
            self.bump();
        }
    }

    /// An interval as a [`DateValue`], or an error when it falls outside the days a
    /// [`crate::model::date::Day`] can count (only reachable through relative counts).
    fn value(
        &self,
        earliest: i64,
        latest: i64,
        granularity: Granularity,
        margin: u32,
    ) -> Result<DateValue, DateError> {
        match (calendar::to_day(earliest), calendar::to_day(latest)) {
            // Reversed only where the calendar clamps at its far ends.
            (Some(earliest), Some(latest)) if earliest <= latest => Ok(DateValue {
                earliest,
                latest,
                granularity,
                margin,
                approximate: false,
                relative: false,
            }),
            _ => Err(self.out_of_range()),
        }
    }

    fn out_of_range(&self) -> DateError {
        DateError {
            message: format!(
                "`{}` falls outside the calendar factcheck can count",
                self.text
            ),
            hint: None,
        }
    }

    /// Whole months `first` of `year` to `last` of `end_year`.
    fn months(
        &self,
        year: i64,
        first: u32,
        end_year: i64,
        last: u32,
        granularity: Granularity,
        margin: u32,
    ) -> Result<DateValue, DateError> {
        self.value(
            calendar::from_civil(year, first, 1),
            calendar::month_end(calendar::month_index(end_year, last)),
            granularity,
            margin,
        )
    }

    /// Whole years `first` to `last`.
    fn years(
        &self,
        first: i64,
        last: i64,
        granularity: Granularity,
        margin: u32,
    ) -> Result<DateValue, DateError> {
        self.value(
            calendar::from_civil(first, 1, 1),
            calendar::from_civil(last, 12, 31),
            granularity,
            margin,
        )
    }

    /// One day, checked to exist.
    fn day(&self, year: i64, month: u32, day: u32) -> Result<DateValue, DateError> {
        if !(1..=12).contains(&month) {
            return Err(self.not_a_date());
        }
        let days = calendar::days_in_month(year, month);
        if day == 0 || day > days {
            return Err(DateError {
                message: format!(
                    "`{}` is not a day: {} {year} has {days} days",
                    self.text,
                    month_name(month, false),
                ),
                hint: None,
            });
        }
        let day = calendar::from_civil(year, month, day);
        self.value(day, day, Granularity::Day, 0)
    }

    fn no_year(&self) -> DateError {
        error(
            format!("`{}` has no year", self.text),
            "add the year, e.g. `8 April 2025`, `July 2023`, `April–June 2022`",
        )
    }

    fn not_a_date(&self) -> DateError {
        not_a_date(self.text)
    }
}

/// The calendar unit an approximate date is widened by on each side ("around 2014" is
/// 2013–2015): one unit of its granularity, or for a span, of the precision of its ends.
fn approximation_unit(value: &DateValue) -> calendar::Widen {
    use calendar::Widen;
    match value.granularity {
        Granularity::Day => Widen::Days(3),
        Granularity::PartOfMonth => Widen::Days(5),
        Granularity::Month | Granularity::PartOfYear => Widen::Month,
        Granularity::Year | Granularity::PartOfDecade => Widen::Years(1),
        Granularity::Decade => Widen::Years(2),
        Granularity::Century => Widen::Years(10),
        Granularity::Span | Granularity::Open => {
            let bound = |day: crate::model::date::Day, open: crate::model::date::Day| {
                (day != open).then_some(i64::from(day))
            };
            let start = bound(value.earliest, crate::model::date::UNBOUNDED_START);
            let end = bound(value.latest, crate::model::date::UNBOUNDED_END);
            match Precision::of(start, end) {
                Precision::Year => Widen::Years(1),
                Precision::Month => Widen::Month,
                Precision::Day => Widen::Days(3),
            }
        }
    }
}
