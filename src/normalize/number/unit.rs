//! The unit written with an amount: a currency before or after it ("$", "US$", "USD",
//! "euros", "US dollars"), a percentage ("%", "per cent"), or a measure ("km",
//! "square kilometres", "nautical miles").
//!
//! Owns multi-word unit names and how two mentions of a unit combine. It must not read the
//! number (`amount`) nor decide what a word means on its own (`lexicon`).

use super::grammar::{Parser, Problem};
use super::lexer::Kind;
use super::lexicon::{self, Money, Scale};
use crate::model::quantity::Dimension;

/// The unit an amount is written with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum WrittenUnit {
    /// "%", "percent", "per cent".
    Percent,
    /// A currency sign, code or word.
    Money(Money),
    /// A measure, with its scale to the base unit.
    Measure(Dimension, Scale),
}

impl WrittenUnit {
    /// The one unit two mentions name, if they agree (see [`Money::merge`]).
    pub fn merge(a: Option<Self>, b: Option<Self>) -> Result<Option<Self>, Problem<'static>> {
        match (a, b) {
            (None, unit) | (unit, None) => Ok(unit),
            (Some(WrittenUnit::Money(x)), Some(WrittenUnit::Money(y))) => x
                .merge(y)
                .map(|m| Some(WrittenUnit::Money(m)))
                .ok_or(Problem::MixedUnits),
            (Some(x), Some(y)) if x == y => Ok(Some(x)),
            _ => Err(Problem::MixedUnits),
        }
    }
}

impl Parser<'_> {
    /// A currency written before the number: "$", "€", "US$", "A$", "USD".
    pub(super) fn money_prefix(&mut self) -> Option<Money> {
        let token = self.peek()?;
        match token.kind {
            Kind::Symbol(c) => {
                let money = lexicon::currency_symbol(c)?;
                self.bump();
                Some(money)
            }
            Kind::Word => {
                let dollar = self.cur.peek_nth(1).filter(|next| next.is_symbol('$'));
                if let Some(dollar) = dollar {
                    // "A$5" is Australian; "a $5" is an article before a dollar sign.
                    let code = lexicon::dollar_country(token.text)
                        .filter(|_| token.text != "a" || !dollar.spaced)?;
                    self.bump();
                    self.bump();
                    return Some(Money::Code(code));
                }
                let code = lexicon::currency_code(token.text)?;
                self.bump();
                Some(Money::Code(code))
            }
            Kind::Numeral => None,
        }
    }

    /// The unit after a number: "%", "percent", "per cent", a currency, a measure.
    pub(super) fn unit_suffix(&mut self) -> Option<WrittenUnit> {
        let token = self.peek()?;
        let (unit, words) = match token.kind {
            Kind::Symbol('%') => (WrittenUnit::Percent, 1),
            Kind::Symbol(c) => (WrittenUnit::Money(lexicon::currency_symbol(c)?), 1),
            Kind::Word => self.unit_words(token.text)?,
            Kind::Numeral => return None,
        };
        for _ in 0..words {
            self.bump();
        }
        Some(unit)
    }

    /// A unit written in words, and how many words it takes.
    fn unit_words(&self, word: &str) -> Option<(WrittenUnit, usize)> {
        use WrittenUnit::{Measure, Money as Cash, Percent};
        let next = self.cur.peek_nth(1).and_then(|t| t.word());
        let two = match (word, next) {
            ("per", Some("cent")) => Some(Percent),
            (adjective, Some("dollar" | "dollars")) => {
                lexicon::dollar_adjective(adjective).map(|code| Cash(Money::Code(code)))
            }
            ("pound" | "pounds", Some("sterling")) | ("british", Some("pound" | "pounds")) => {
                Some(Cash(Money::Code("GBP")))
            }
            ("nautical", Some("mile" | "miles")) => {
                Some(Measure(Dimension::Length, lexicon::measure_word("nmi")?.1))
            }
            ("square" | "sq", Some(unit)) => {
                lexicon::square_of(unit).map(|scale| Measure(Dimension::Area, scale))
            }
            ("metric", Some("ton" | "tons" | "tonne" | "tonnes")) => {
                Some(Measure(Dimension::Mass, lexicon::measure_word("t")?.1))
            }
            _ => None,
        };
        if let Some(unit) = two {
            return Some((unit, 2));
        }
        let one = if matches!(word, "percent" | "pct") {
            Percent
        } else if let Some(money) = lexicon::currency_word(word) {
            Cash(money)
        } else if let Some(code) = lexicon::currency_code(word) {
            Cash(Money::Code(code))
        } else if let Some((dimension, scale)) = lexicon::measure_word(word) {
            Measure(dimension, scale)
        } else if word == "m" {
            // Only reached after a written-out magnitude ("5 million m"): a bare "m" after a
            // numeral is read as a million abbreviation by `magnitudes`.
            Measure(Dimension::Length, Scale::ONE)
        } else {
            return None;
        };
        Some((one, 1))
    }
}
