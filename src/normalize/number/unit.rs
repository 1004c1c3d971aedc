//! The unit written with an amount: a currency before or after it ("$", "US$", "USD",
//! "Rs", "euros", "US dollars"), a percentage ("%", "per cent"), a measure ("km",
//! "square kilometres", "nautical miles", "2cm"), or a temperature ("37°C", "98.6 degrees
//! Fahrenheit", "20 degrees").
//!
//! Owns multi-word unit names and how two mentions of a unit combine. It must not read the
//! number (`amount`) nor decide what a word means on its own (`lexicon`).

use super::grammar::{Parser, Problem};
use super::lexer::Kind;
use super::lexicon::{self, Money, Scale};
use super::measure::{self, TemperatureScale};
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
    /// A temperature on a known scale.
    Temperature(TemperatureScale),
    /// "degrees" or "°" with no scale: Celsius or Fahrenheit, which the property's other
    /// values may settle.
    Degrees,
    /// "pounds": sterling, or a weight when the property's other values are weights.
    Pounds,
}

impl WrittenUnit {
    /// The one unit two mentions name, if they agree (see [`Money::merge`]); bare degrees
    /// take the scale the other mention names.
    pub fn merge(a: Option<Self>, b: Option<Self>) -> Result<Option<Self>, Problem<'static>> {
        match (a, b) {
            (None, unit) | (unit, None) => Ok(unit),
            (Some(WrittenUnit::Money(Money::Code("GBP"))), Some(WrittenUnit::Pounds))
            | (Some(WrittenUnit::Pounds), Some(WrittenUnit::Money(Money::Code("GBP")))) => {
                Ok(Some(WrittenUnit::Money(Money::Code("GBP"))))
            }
            (Some(WrittenUnit::Money(x)), Some(WrittenUnit::Money(y))) => x
                .merge(y)
                .map(|m| Some(WrittenUnit::Money(m)))
                .ok_or(Problem::MixedUnits),
            // "from 30 degrees to 40 °C": the scale written on one end is the other's.
            (Some(WrittenUnit::Degrees), Some(WrittenUnit::Temperature(scale)))
            | (Some(WrittenUnit::Temperature(scale)), Some(WrittenUnit::Degrees)) => {
                Ok(Some(WrittenUnit::Temperature(scale)))
            }
            (Some(x), Some(y)) if x == y => Ok(Some(x)),
            _ => Err(Problem::MixedUnits),
        }
    }
}

/// Whether a word after "a" or "half a" names a unit, so that the article is the number one
/// ("a dollar", "an hour", "half a mile").
pub(super) fn names_a_unit(word: &str) -> bool {
    lexicon::currency_word(word).is_some() || measure::measure_word(word).is_some()
}

impl Parser<'_> {
    /// A currency written before the number: "$", "€", "US$", "A$", "USD", "ringgit 42",
    /// "Malaysian ringgit 42".
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
                if let Some(money) = lexicon::currency_prefix(token.text) {
                    self.bump();
                    return Some(money);
                }
                // "Malaysian ringgit 42", "Indian rupees 500": a currency named in two words
                // before a numeral.
                let numeral_third = self
                    .cur
                    .peek_nth(2)
                    .is_some_and(|t| t.kind == Kind::Numeral);
                if numeral_third {
                    if let Some((WrittenUnit::Money(money), 2)) = self.unit_words(token.text) {
                        self.bump();
                        self.bump();
                        return Some(money);
                    }
                }
                // "ringgit 42": a currency word before a numeral.
                let numeral_follows = self
                    .cur
                    .peek_nth(1)
                    .is_some_and(|t| t.kind == Kind::Numeral);
                if let (Some(money), true) = (lexicon::currency_word(token.text), numeral_follows) {
                    self.bump();
                    return Some(money);
                }
                // A code glued to the numeral: "USD3.14", "Rs500", "RM12".
                let code_len = token.text.find(|c: char| c.is_ascii_digit())?;
                let money = lexicon::currency_prefix(token.text.get(..code_len)?)?;
                self.cur = self.cur.at(token.start + code_len);
                Some(money)
            }
            Kind::Numeral => None,
        }
    }

    /// The unit after a number: "%", "percent", "per cent", a currency, a measure.
    pub(super) fn unit_suffix(&mut self) -> Option<WrittenUnit> {
        let token = self.peek()?;
        // "3.14US$": country letters and a dollar sign after the number.
        let dollar = self
            .cur
            .peek_nth(1)
            .filter(|t| t.is_symbol('$') && !t.spaced);
        if let (Some(word), Some(_)) = (token.word(), dollar) {
            if let Some(code) = lexicon::dollar_country(word) {
                self.bump();
                self.bump();
                return Some(WrittenUnit::Money(Money::Code(code)));
            }
        }
        let (unit, words) = match token.kind {
            Kind::Symbol('%') => (WrittenUnit::Percent, 1),
            Kind::Symbol('°' | 'º') => {
                let scale = self
                    .cur
                    .peek_nth(1)
                    .and_then(|t| t.word())
                    .and_then(TemperatureScale::after_degrees);
                match scale {
                    Some(scale) => (WrittenUnit::Temperature(scale), 2),
                    None => (WrittenUnit::Degrees, 1),
                }
            }
            Kind::Symbol('℃') => (WrittenUnit::Temperature(TemperatureScale::Celsius), 1),
            Kind::Symbol('℉') => (WrittenUnit::Temperature(TemperatureScale::Fahrenheit), 1),
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
        if let Some(code) = next.and_then(|name| lexicon::country_currency(word, name)) {
            return Some((Cash(Money::Code(code)), 2));
        }
        let two = match (word, next) {
            ("per", Some("cent")) => Some(Percent),
            (adjective, Some("dollar" | "dollars")) => {
                lexicon::dollar_adjective(adjective).map(|code| Cash(Money::Code(code)))
            }
            ("pound" | "pounds", Some("sterling")) | ("british", Some("pound" | "pounds")) => {
                Some(Cash(Money::Code("GBP")))
            }
            ("indian", Some("rupee" | "rupees")) => Some(Cash(Money::Code("INR"))),
            ("malaysian" | "malaysia", Some("ringgit" | "ringgits")) => {
                Some(Cash(Money::Code("MYR")))
            }
            ("pakistani", Some("rupee" | "rupees")) => Some(Cash(Money::Code("PKR"))),
            ("degree" | "degrees" | "deg", Some(scale)) => {
                TemperatureScale::after_degrees(scale).map(WrittenUnit::Temperature)
            }
            (first, Some(second)) => {
                measure::two_word_measure(first, second).map(|(d, scale)| Measure(d, scale))
            }
            _ => None,
        };
        if let Some(unit) = two {
            return Some((unit, 2));
        }
        // "two pounds of meat": pounds of something are a weight, not money.
        if matches!(word, "pound" | "pounds") && next == Some("of") {
            return Some((Measure(Dimension::Mass, Scale::times(0.453_592_37)), 1));
        }
        let one = if matches!(word, "pound" | "pounds") {
            WrittenUnit::Pounds
        } else if matches!(word, "percent" | "pct") {
            Percent
        } else if let Some(money) = lexicon::currency_word(word) {
            Cash(money)
        } else if let Some(code) = lexicon::currency_code(word) {
            Cash(Money::Code(code))
        } else if let Some((dimension, scale)) = measure::measure_word(word) {
            Measure(dimension, scale)
        } else if matches!(word, "degree" | "degrees" | "deg") {
            WrittenUnit::Degrees
        } else if let Some(scale) = TemperatureScale::after_degrees(word).filter(|_| word.len() > 1)
        {
            // "37 Celsius"; a lone "c" or "f" is not a unit.
            WrittenUnit::Temperature(scale)
        } else if matches!(word, "kelvin" | "kelvins") {
            WrittenUnit::Temperature(TemperatureScale::Kelvin)
        } else if word == "in" && self.cur.peek_nth(1).is_none() {
            // Inches only at the end ("6 ft 2 in"): elsewhere "in" is the preposition.
            Measure(Dimension::Length, Scale::times(0.025_4))
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
