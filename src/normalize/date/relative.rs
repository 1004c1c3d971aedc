//! Dates stated relative to the source's `published` date: "on Thursday", "last Tuesday",
//! "three weeks ago", "in a week", "this quarter", "the past two decades", "earlier this
//! year", "late last month", "last October", "this summer", "in recent years".
//!
//! Owns reading the relative forms (README, "Relative dates"); `resolve` turns each into its
//! interval. It must not read absolute dates (`point`) nor dates that only lack their year
//! (`yearless`).

use super::anchor::{Pick, Weekend, unit_containing};
use super::lexer::Tok;
use super::resolve::Relative;
use super::words::{self, Part, Unit};
use super::{DateError, Parser, Rule};
use crate::model::date::DateValue;
use crate::model::date::calendar;

/// Which way a word like "last" or "next" points, in units before the published one.
fn direction(word: &str) -> Option<i64> {
    match word {
        "this" | "current" => Some(0),
        "last" | "previous" | "past" => Some(1),
        "next" | "coming" | "upcoming" | "following" => Some(-1),
        _ => None,
    }
}

impl Parser<'_, '_> {
    /// A date relative to the source's `published` date.
    pub(super) fn relative(&mut self) -> Rule<DateValue> {
        let start = self.pos;
        // A relative form is the whole date: "last Monday of March" is a Monday counted in
        // March, not last Monday.
        let Some(form) = self.relative_form().filter(|_| self.at_end()) else {
            self.pos = start;
            return Ok(None);
        };
        let anchor = self.anchor()?;
        self.resolve(form, anchor).map(Some)
    }

    /// Reads a relative form, without resolving it; the cursor ends after it.
    fn relative_form(&mut self) -> Option<Relative> {
        // "over the past decade", "throughout last year".
        if self.eat_word(&["over", "throughout"]) {
            self.skip_fillers();
        }
        let start = self.pos;
        let forms = [
            Parser::deictic_day,
            Parser::weekday_form,
            Parser::weekend,
            Parser::counted,
            Parser::part_form,
            Parser::rest_form,
            Parser::recent,
            Parser::rest_of,
            Parser::this_time,
            Parser::so_far,
            Parser::directed,
            Parser::month_of_relative_year,
        ];
        for form in forms {
            if let Some(found) = form(self) {
                return Some(found);
            }
            self.pos = start;
        }
        None
    }

    /// "today", "now", "yesterday", "the day before yesterday", "tomorrow".
    fn deictic_day(&mut self) -> Option<Relative> {
        if self.eat_words(&["day", "before", "yesterday"]) {
            return Some(Relative::Ago(Unit::Day, 2));
        }
        if self.eat_words(&["day", "after", "tomorrow"]) {
            return Some(Relative::Ago(Unit::Day, -2));
        }
        self.eat_word(&["right", "just"]);
        let form = match self.word_at(0)? {
            "today" | "now" | "eod" => Relative::Ago(Unit::Day, 0),
            "yesterday" => Relative::Ago(Unit::Day, 1),
            "tomorrow" => Relative::Ago(Unit::Day, -1),
            "eom" => Relative::Ago(Unit::Month, 0),
            "eoy" => Relative::Ago(Unit::Year, 0),
            "bom" => Relative::PartOf(Part::Early, Unit::Month, 0),
            "boy" => Relative::PartOf(Part::Early, Unit::Year, 0),
            _ => return None,
        };
        self.bump();
        Some(form)
    }

    /// "Thursday", "last Tuesday", "next Friday", "this Monday", "this past Sunday",
    /// "Wednesday of next week", "Friday after next".
    fn weekday_form(&mut self) -> Option<Relative> {
        let which = self.word_at(0).and_then(|word| match word {
            "last" | "previous" | "past" => Some(Some(false)),
            "next" | "coming" | "upcoming" => Some(Some(true)),
            "this" => Some(None),
            _ => None,
        });
        if let Some(which) = which {
            self.bump();
            // "this past Sunday", "this coming Friday": the nearest one.
            let nearest = match (which, self.word_at(0)) {
                (None, Some("past" | "last")) => Some(false),
                (None, Some("coming" | "next")) => Some(true),
                _ => None,
            };
            if nearest.is_some() {
                self.bump();
            }
            let weekday = self.word_at(0).and_then(words::weekday)?;
            self.bump();
            return Some(match (nearest, which) {
                (Some(forward), _) => Relative::NearestWeekday(weekday, forward),
                (None, Some(forward)) => Relative::OtherWeekday(weekday, forward),
                (None, None) => Relative::ThisWeekday(weekday),
            });
        }
        let weekday = self.word_at(0).and_then(words::weekday)?;
        self.bump();
        if self.at_end() {
            return Some(Relative::Weekday(weekday));
        }
        if self.eat_words(&["after", "next"]) {
            return Some(Relative::WeekdayOfWeek(weekday, 1));
        }
        self.eat_word(&["of", "from", "in"]);
        let weeks = self.word_at(0).and_then(direction)?;
        self.bump();
        self.eat_words(&["week"])
            .then_some(Relative::WeekdayOfWeek(weekday, -weeks))
    }

    /// "the weekend", "over the weekend", "this weekend", "last weekend", "this past
    /// weekend", "next weekend", "this coming weekend".
    fn weekend(&mut self) -> Option<Relative> {
        let which = match self.word_at(0)? {
            "this" => match self.word_at(1) {
                Some("past" | "last") => {
                    self.bump();
                    Weekend::Last
                }
                Some("coming" | "next") => {
                    self.bump();
                    Weekend::NearestNext
                }
                _ => Weekend::This,
            },
            "last" | "past" | "previous" => Weekend::Last,
            "next" | "upcoming" | "coming" => Weekend::Next,
            _ => Weekend::Latest,
        };
        if which != Weekend::Latest {
            self.bump();
        }
        let one_word = self.eat_word(&["weekend", "wkend"]);
        (one_word || self.eat_words(&["week"]) && self.eat(Tok::Hyphen) && self.eat_word(&["end"]))
            .then_some(Relative::Weekend(which))
    }

    /// A count of units: "3 days ago", "two decades ago", "in a week", "3 years from today",
    /// "a week hence", "the last 2 years", "the next three months", "within 2 weeks".
    fn counted(&mut self) -> Option<Relative> {
        let after_in = self.pos > 0 && self.toks.get(self.pos - 1) == Some(&Tok::Word("in"));
        let lead = match self.word_at(0) {
            Some("last" | "past" | "previous") => Some(false),
            Some("next" | "coming" | "upcoming" | "following" | "within") => Some(true),
            _ => None,
        };
        if let Some(forward) = lead {
            self.bump();
            // "within the next two years".
            while self.eat_word(&["the", "next"]) {}
            let (unit, count) = self.count_of_units()?;
            return Some(if forward {
                Relative::Coming(unit, count)
            } else {
                Relative::Past(unit, count)
            });
        }
        if let Some(form) = self.counted_weekdays() {
            return Some(form);
        }
        let count_start = self.pos;
        if let Some(Tok::Num { .. } | Tok::Word(_)) = self.peek() {
            // "2 upcoming weeks", "two coming months".
            let count = self.count_word();
            if count.is_some() && self.eat_word(&["upcoming", "coming", "next"]) {
                if let (Some(count), Some((unit, n))) = (count, self.unit_word()) {
                    return Some(Relative::Coming(unit, count * n));
                }
            }
            self.pos = count_start;
        }
        let (unit, count) = self.count_of_units()?;
        let ahead = if self.eat_word(&["ago", "back"]) {
            false
        } else if self.eat_word(&["hence"])
            || self.eat_words(&["from", "now"])
            || self.eat_words(&["from", "today"])
            || (after_in && self.at_end())
        {
            true
        } else {
            return None;
        };
        let count = if ahead { -count } else { count };
        Some(match unit.in_years() {
            Some(years) => Relative::YearsAgo {
                years: count * years,
                widen: if years == 10 { 1 } else { 10 },
            },
            None => Relative::Ago(unit, count),
        })
    }

    /// A count alone: "3", "three", "a".
    fn count_word(&mut self) -> Option<i64> {
        let count = match self.peek()? {
            Tok::Num { value, .. } => value,
            Tok::Word(word) => words::count(word)?,
            _ => return None,
        };
        self.bump();
        Some(i64::from(count))
    }

    /// "3 Fridays from now", "two Thursdays ago": the nearest such weekday after (before) the
    /// published date, and the weeks after (before) it.
    fn counted_weekdays(&mut self) -> Option<Relative> {
        let start = self.pos;
        let count = self.count_word();
        let weekday = self
            .word_at(0)
            .and_then(|w| w.strip_suffix('s'))
            .and_then(words::weekday);
        let (Some(count), Some(weekday)) = (count, weekday) else {
            self.pos = start;
            return None;
        };
        self.bump();
        let forward = if self.eat_word(&["ago", "back"]) {
            false
        } else if self.eat_words(&["from", "now"]) || self.eat_words(&["from", "today"]) {
            true
        } else {
            self.pos = start;
            return None;
        };
        Some(Relative::Weekdays(
            weekday,
            if forward { count } else { -count },
        ))
    }

    /// A count and a unit: "3 days", "two weeks", "a fortnight", "a couple of years".
    fn count_of_units(&mut self) -> Option<(Unit, i64)> {
        let count = match self.peek()? {
            Tok::Num { value, .. } => value,
            Tok::Word("couple") => 2,
            Tok::Word(word) => words::count(word)?,
            _ => return None,
        };
        self.bump();
        if count == 1 && self.word_at(0) == Some("couple") {
            // "a couple of years".
            self.bump();
            self.eat_word(&["of"]);
            return self.unit_word().map(|(unit, n)| (unit, 2 * n));
        }
        if self.word_at(0) == Some("of") && self.word_at(1).and_then(words::unit).is_some() {
            self.bump();
        }
        let (unit, n) = self.unit_word()?;
        Some((unit, i64::from(count) * n))
    }

    fn unit_word(&mut self) -> Option<(Unit, i64)> {
        let unit = self.word_at(0).and_then(words::unit)?;
        self.bump();
        Some(unit)
    }

    /// A unit named once ("year", not "years"): what "this", "last" and "early" go with.
    fn single_unit(&mut self) -> Option<Unit> {
        let word = self.word_at(0)?;
        match words::unit(word)? {
            (unit, 1) if !word.ends_with('s') => {
                self.bump();
                Some(unit)
            }
            _ => None,
        }
    }

    /// "early this year", "late last month", "mid next year", "the end of the year", "the
    /// beginning of this decade", "early in the year".
    fn part_form(&mut self) -> Option<Relative> {
        let part = self.word_at(0).and_then(words::part)?;
        self.bump();
        let _ = self.eat(Tok::Hyphen) || self.eat(Tok::Dash);
        self.eat_word(&["part"]);
        while self.eat_word(&["of", "in", "the"]) {}
        let count = self.word_at(0).and_then(direction);
        if count.is_some() {
            self.bump();
        }
        let unit = self.single_unit()?;
        // "the end of the year 2014" names the year: not relative.
        if matches!(self.peek(), Some(Tok::Num { .. })) {
            return None;
        }
        Some(Relative::PartOf(part, unit, count.unwrap_or(0)))
    }

    /// "earlier this year", "later this month", "earlier in the year", "later last year".
    fn rest_form(&mut self) -> Option<Relative> {
        let before = match self.word_at(0)? {
            "earlier" => true,
            "later" => false,
            _ => return None,
        };
        self.bump();
        while self.eat_word(&["in", "the"]) {}
        let count = self.word_at(0).and_then(direction);
        if count.is_some() {
            self.bump();
        }
        let unit = self.single_unit()?;
        Some(match count.unwrap_or(0) {
            0 => Relative::Rest(unit, before),
            count => {
                let part = if before { Part::Early } else { Part::Late };
                Relative::PartOf(part, unit, count)
            }
        })
    }

    /// "this time last year", "this time next year": the published month a year before (after).
    fn this_time(&mut self) -> Option<Relative> {
        if !self.eat_words(&["this", "time"]) {
            return None;
        }
        let count = self.word_at(0).and_then(direction).filter(|c| *c != 0)?;
        self.bump();
        self.eat_word(&["year"])
            .then_some(Relative::Ago(Unit::Month, 12 * count))
    }

    /// "so far this year", "the year to date", "year-to-date": from the start of the
    /// published unit to the published date; and "the year before last", "the week after
    /// next".
    fn so_far(&mut self) -> Option<Relative> {
        if self.eat_words(&["so", "far"]) {
            self.eat_word(&["this", "in"]);
            self.skip_fillers();
            self.eat_word(&["this"]);
            return self.single_unit().map(|unit| Relative::Rest(unit, true));
        }
        let unit = self.single_unit()?;
        // "the year before last", "the week after next".
        if self.eat_words(&["before", "last"]) {
            return Some(Relative::Ago(unit, 2));
        }
        if self.eat_words(&["after", "next"]) {
            return Some(Relative::Ago(unit, -2));
        }
        let _ = self.eat(Tok::Hyphen);
        if !self.eat_word(&["to"]) {
            return None;
        }
        let _ = self.eat(Tok::Hyphen);
        self.eat_word(&["date"])
            .then_some(Relative::Rest(unit, true))
    }

    /// "the rest of the week", "all week", "all year".
    fn rest_of(&mut self) -> Option<Relative> {
        if self.eat_word(&["all"]) {
            self.eat_word(&["the", "this"]);
            return self.single_unit().map(|unit| Relative::Ago(unit, 0));
        }
        if !self.eat_words(&["rest", "of"]) {
            return None;
        }
        self.eat_word(&["the", "this"]);
        self.single_unit().map(|unit| Relative::Rest(unit, false))
    }

    /// "in recent years", "recently", "lately", "in recent months".
    fn recent(&mut self) -> Option<Relative> {
        if self.eat_word(&["recently", "lately"]) {
            return Some(Relative::Recent);
        }
        if !self.eat_word(&["recent"]) {
            return None;
        }
        let plural = matches!(
            self.word_at(0)?,
            "years" | "months" | "weeks" | "days" | "decades" | "times"
        );
        plural.then(|| {
            self.bump();
            Relative::Recent
        })
    }

    /// "this week", "last month", "next quarter", "the previous year", "the past decade",
    /// "last October", "this summer", "next March".
    fn directed(&mut self) -> Option<Relative> {
        // "the last month" may be the rolling month up to the source's date; "last month" is
        // the calendar month.
        let after_the = self
            .pos
            .checked_sub(1)
            .and_then(|before| self.toks.get(before))
            == Some(&Tok::Word("the"));
        let mut word = self.word_at(0)?;
        if word == "this" && matches!(self.word_at(1), Some("past" | "coming")) {
            self.bump();
            word = self.word_at(0)?;
        }
        let count = direction(word)?;
        self.bump();
        if let Some(month) = self.word_at(0).and_then(words::month) {
            self.bump();
            return Some(Relative::Months(month, month, pick(count)));
        }
        if let Some((first, last)) = self.word_at(0).and_then(words::season) {
            self.bump();
            return Some(Relative::Months(first, last, pick(count)));
        }
        if self.eat_word(&["season", "seasons"]) {
            return Some(Relative::Season(count));
        }
        // "the past few years", "the coming months": any time up to, or from, the source's date.
        self.eat_word(&["few", "several"]);
        if self
            .word_at(0)
            .is_some_and(|w| w.ends_with('s') && words::unit(w).is_some())
        {
            self.bump();
            return Some(if count > 0 {
                Relative::Recent
            } else {
                Relative::Upcoming
            });
        }
        let unit = self.single_unit()?;
        let loose = unit.in_years().is_some();
        Some(match (word, count) {
            ("past", _) => Relative::Past(unit, 1),
            ("last", _) if after_the => Relative::Past(unit, 1),
            (_, 1) if loose => Relative::Past(unit, 1),
            (_, -1) if loose => Relative::Coming(unit, 1),
            _ => Relative::Ago(unit, count),
        })
    }

    /// "March of last year", "October next year", "spring of this year".
    fn month_of_relative_year(&mut self) -> Option<Relative> {
        let word = self.word_at(0)?;
        let (first, last) = words::month(word)
            .map(|month| (month, month))
            .or_else(|| words::season(word))?;
        self.bump();
        self.eat_word(&["of"]);
        let count = self.word_at(0).and_then(direction)?;
        self.bump();
        self.eat_word(&["year"])
            .then_some(Relative::MonthsOfYear(first, last, count))
    }

    /// "this month", "next month", "the previous month", "the month": the month of the
    /// published date (or one before or after) at each end of it, as (year, month).
    pub(super) fn relative_month(&mut self) -> Result<Option<[(i64, u32); 2]>, DateError> {
        let start = self.pos;
        let the = self.eat_word(&["the"]);
        let count = self.word_at(0).and_then(direction);
        if count.is_some() {
            self.bump();
        }
        if (count.is_none() && !the) || !self.eat_word(&["month"]) {
            self.pos = start;
            return Ok(None);
        }
        let anchor = self.anchor()?;
        let count = count.unwrap_or(0);
        let month_at = |day: i64| {
            let (start, _) = unit_containing(Unit::Month, day, -count);
            let (year, month, _) = calendar::civil(start);
            (year, month)
        };
        Ok(Some([month_at(anchor.first), month_at(anchor.last)]))
    }
}

/// Which occurrence "this", "last" or "next" picks.
fn pick(count: i64) -> Pick {
    match count {
        0 => Pick::Current,
        1.. => Pick::Before,
        _ => Pick::After,
    }
}
