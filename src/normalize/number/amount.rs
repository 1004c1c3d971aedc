//! One amount as written: an optional currency sign, a numeral or number words (or a vague
//! quantity), magnitudes, and a unit ("$55 billion", "twenty-five", "several hundred",
//! "40 km", "2%"). A range is two amounts; `grammar` joins them.
//!
//! Owns number words, magnitudes, vague quantities and the precision a number is stated to.
//! It must not apply qualifiers ("about", "more than") or read what follows the unit: those
//! belong to the whole phrase (`grammar`).

use super::decimal::{self, Decimal, numeral};
use super::grammar::{Parser, Problem};
use super::lexer::Kind;
use super::lexicon::{self, Scale};
use super::measure::TemperatureScale;
use super::unit::{WrittenUnit, names_a_unit};
use crate::model::quantity::Dimension;

/// A number as written, before its unit is known: the range it states and the step of its
/// last written digit (half of which is its precision).
#[derive(Debug, Clone, Copy)]
pub(super) struct Written {
    /// The lower end (the number itself, unless vague).
    pub low: Decimal,
    /// The upper end.
    pub high: Decimal,
    /// One unit of the last written digit, times the magnitude ("55 billion": 1 billion).
    pub step: Decimal,
    /// One unit of the last non-zero digit ("1,000": 1,000; "4,810": 10), which is how
    /// loosely an approximate number ("about 1,000") is stated.
    pub loose: Decimal,
    /// A vague quantity ("hundreds", "several").
    pub vague: bool,
}

impl Written {
    pub(super) fn exact(value: Decimal) -> Written {
        Written::stepped(value, value.unit_step())
    }

    /// A number stated to `step` ("seven hundred twenty-one thousand" to the thousand).
    pub(super) fn stepped(value: Decimal, step: Decimal) -> Written {
        Written {
            low: value,
            high: value,
            step,
            loose: value.last_nonzero_step().unwrap_or(step),
            vague: false,
        }
    }

    fn vague((low, high): (f64, f64)) -> Written {
        Written {
            low: Decimal::whole(low),
            high: Decimal::whole(high),
            step: Decimal::whole(0.0),
            loose: Decimal::whole(0.0),
            vague: true,
        }
    }

    /// Scaled by a magnitude or a unit.
    pub fn scaled(self, scale: Scale) -> Written {
        Written {
            low: self.low.scaled(scale),
            high: self.high.scaled(scale),
            step: self.step.scaled(scale),
            loose: self.loose.scaled(scale),
            vague: self.vague,
        }
    }

    /// A fraction of a unit more ("two and a half", "an hour and a quarter"), given in
    /// hundredths, stated to that fraction; an error for a number that is not whole
    /// ("2.5 and a half").
    pub fn plus_fraction(self, hundredths: f64) -> Result<Written, Problem<'static>> {
        let whole = self.low.value();
        if whole.fract() != 0.0 || self.low != self.high || whole < 0.0 {
            return Err(Problem::Unexpected("and"));
        }
        let value = Decimal::new(whole * 100.0 + hundredths, -2);
        let step = if (hundredths - 50.0).abs() < 1.0 {
            50.0
        } else {
            25.0
        };
        Ok(Written::stepped(value, Decimal::new(step, -2)))
    }

    /// This amount plus `other`, stated to `other`'s precision ("$20 43 cents").
    pub fn plus(self, other: Written) -> Written {
        Written {
            low: self.low.plus(other.low),
            high: self.high.plus(other.high),
            step: other.step,
            loose: other.loose,
            vague: self.vague,
        }
    }

    /// The same range on the other side of zero ("2 degrees below zero").
    pub fn negated(self) -> Written {
        Written {
            low: self.high.negated(),
            high: self.low.negated(),
            ..self
        }
    }

    /// Converted from a temperature scale to degrees Celsius: the ends move by the scale's
    /// offset, the steps only by its factor (a precision is a difference, not a point).
    pub fn on_temperature_scale(self, scale: TemperatureScale) -> Written {
        let factor = Scale::times(scale.factor());
        let point = |d: Decimal| Decimal::whole(scale.to_celsius(d.value()));
        Written {
            low: point(self.low),
            high: point(self.high),
            step: self.step.scaled(factor),
            loose: self.loose.scaled(factor),
            vague: self.vague,
        }
    }
}

/// One amount as written.
#[derive(Debug, Clone, Copy)]
pub(super) struct Amount {
    /// The number, scaled by its magnitude but not yet by its unit.
    pub written: Written,
    /// The magnitude as written, which the other end of a range may share ("5 to 6 billion").
    pub magnitude: Option<Scale>,
    /// Written with a bare "m", which is a million only if a currency, a percentage or a
    /// counted noun says so.
    pub ambiguous_m: bool,
    /// The unit written with it.
    pub unit: Option<WrittenUnit>,
    /// Written with a "+" or "-plus" ("300+", "300-plus"): a lower bound.
    pub plus: bool,
}

/// The number part of an amount, and what may follow it.
struct Number {
    written: Written,
    /// A magnitude may follow ("two hundred", "several thousand"; not "hundreds").
    takes_magnitude: bool,
    /// "of" may follow before what is counted ("hundreds of tents", "a couple of days").
    takes_of: bool,
}

impl<'a> Parser<'a> {
    /// Reads one amount.
    pub(super) fn amount(&mut self) -> Result<Amount, Problem<'a>> {
        let prefix = self.money_prefix();
        let negative = self.minus_sign();
        let mut number = self.number()?;
        if !number.written.vague {
            if let Some(hundredths) = self.and_a_fraction() {
                number.written = number.written.plus_fraction(hundredths)?;
            }
        }
        let (magnitude, ambiguous_m) = if number.takes_magnitude {
            self.magnitudes()
        } else {
            (None, false)
        };
        let mut written = number.written;
        if let Some(scale) = magnitude {
            written = written.scaled(scale);
        }
        if negative {
            written.low = written.low.negated();
            written.high = written.high.negated();
        }
        let plus = self.plus_sign();
        if number.takes_of && magnitude.is_none() && self.peek_word() == Some("of") {
            // Only when something follows: a dangling "of" is reported, not swallowed.
            if self.cur.peek_nth(1).is_some() {
                self.bump();
            }
        }
        let mut suffix = self.unit_suffix();
        if let Some(WrittenUnit::Measure(dimension, scale)) = suffix {
            // "an hour and a half", "a month and a half".
            if !written.vague {
                if let Some(hundredths) = self.and_a_fraction() {
                    written = written.plus_fraction(hundredths)?;
                }
            }
            if let Some(compound) = self.compound_measure(written, dimension, scale) {
                written = compound;
                suffix = Some(WrittenUnit::Measure(dimension, Scale::ONE));
            }
        }
        let unit = WrittenUnit::merge(prefix.map(WrittenUnit::Money), suffix)?;
        if matches!(unit, Some(WrittenUnit::Money(_))) && magnitude.is_none() {
            if let Some(cents) = self.money_subunit() {
                written = written.plus(cents);
            }
        }
        Ok(Amount {
            written,
            magnitude,
            ambiguous_m,
            unit,
            plus,
        })
    }

    /// "and a half", "and a quarter", "and three quarters" (and their variants), in
    /// hundredths; an "of" before a unit after it is skipped ("one and a quarter of hour").
    fn and_a_fraction(&mut self) -> Option<f64> {
        const FRACTIONS: &[(&[&str], f64)] = &[
            (&["and", "a", "half"], 50.0),
            (&["and", "an", "half"], 50.0),
            (&["and", "one", "half"], 50.0),
            (&["and", "half"], 50.0),
            (&["and", "a", "quarter"], 25.0),
            (&["and", "one", "quarter"], 25.0),
            (&["and", "quarter"], 25.0),
            (&["and", "two", "quarters"], 50.0),
            (&["and", "two", "quarter"], 50.0),
            (&["and", "three", "quarters"], 75.0),
            (&["and", "three", "quarter"], 75.0),
        ];
        let hundredths = FRACTIONS
            .iter()
            .find(|(words, _)| self.eat_words(words))
            .map(|&(_, hundredths)| hundredths)?;
        let unit_follows = self
            .cur
            .peek_nth(1)
            .and_then(|t| t.word())
            .is_some_and(names_a_unit);
        if self.peek_word() == Some("of") && unit_follows {
            self.bump();
        }
        Some(hundredths)
    }

    /// "43 cents" after an amount of money ("20 dollars 43 cents", "$20 and 43c",
    /// "3 GBP 1 pence"), as a hundredth of the currency; nothing (without moving) otherwise.
    fn money_subunit(&mut self) -> Option<Written> {
        let start = self.cur;
        self.eat_symbol(',');
        self.eat_word("and");
        let value = match self.peek() {
            Some(token) if token.kind == Kind::Numeral => {
                self.bump();
                decimal::numeral(token.text)
            }
            _ => self.cardinal_words().map(|c| c.value),
        };
        let subunit = self.peek_word().is_some_and(|w| {
            matches!(
                w,
                "cent" | "cents" | "c" | "pence" | "p" | "sen" | "sens" | "paise" | "kopiykas"
            )
        });
        match value {
            Some(value) if subunit => {
                self.bump();
                Some(Written::exact(value).scaled(Scale::ten(-2)))
            }
            _ => {
                self.cur = start;
                None
            }
        }
    }

    /// A minus sign directly before a numeral, or "minus" / "negative" before a number.
    fn minus_sign(&mut self) -> bool {
        let number_follows = self
            .cur
            .peek_nth(1)
            .is_some_and(|t| t.kind == Kind::Numeral || t.word().is_some_and(starts_a_number));
        if number_follows && matches!(self.peek_word(), Some("minus" | "negative")) {
            self.bump();
            return true;
        }
        let numeral_follows = self
            .cur
            .peek_nth(1)
            .is_some_and(|t| t.kind == Kind::Numeral && !t.spaced);
        if numeral_follows && self.peek().is_some_and(|t| t.is_symbol('-')) {
            self.bump();
            return true;
        }
        false
    }

    /// "300+", "300-plus", "300 plus".
    fn plus_sign(&mut self) -> bool {
        if self.eat_symbol('+') || self.eat_word("plus") {
            return true;
        }
        if self.peek().is_some_and(|t| t.is_symbol('-'))
            && self.cur.peek_nth(1).and_then(|t| t.word()) == Some("plus")
        {
            self.bump();
            self.bump();
            return true;
        }
        false
    }

    fn number(&mut self) -> Result<Number, Problem<'a>> {
        let token = self.peek().ok_or(Problem::Missing("a number"))?;
        match token.kind {
            Kind::Numeral => {
                self.bump();
                let comma = self.peek().filter(|t| t.is_symbol(',') && !t.spaced);
                let after = self.cur.peek_nth(1);
                if let (Some(_), Some(after)) = (comma, after) {
                    if after.kind == Kind::Numeral && !after.spaced {
                        let end = after.start + after.text.len();
                        let text = self.text.get(token.start..end).unwrap_or(token.text);
                        return Err(Problem::DecimalComma(text));
                    }
                }
                let value = numeral(token.text).ok_or(Problem::TooManyDigits)?;
                Ok(Number {
                    written: Written::exact(value),
                    takes_magnitude: true,
                    takes_of: false,
                })
            }
            Kind::Word => self.number_words(token.text),
            Kind::Symbol(_) => Err(Problem::Unexpected(token.text)),
        }
    }

    /// Number words, vague quantities and "a"/"an" before a magnitude.
    fn number_words(&mut self, word: &'a str) -> Result<Number, Problem<'a>> {
        let vague = |range, takes_magnitude| Number {
            written: Written::vague(range),
            takes_magnitude,
            takes_of: true,
        };
        if matches!(word, "a" | "an") {
            let next = self.cur.peek_nth(1).and_then(|t| t.word());
            return match next {
                Some(quantifier @ ("few" | "handful")) => {
                    self.bump();
                    self.bump();
                    let range = lexicon::quantifier(quantifier).unwrap_or((0.0, 0.0));
                    Ok(vague(range, true))
                }
                Some("couple" | "pair") => {
                    self.bump();
                    self.bump();
                    Ok(Number {
                        written: Written::exact(Decimal::whole(2.0)),
                        takes_magnitude: true,
                        takes_of: true,
                    })
                }
                // "a hundred", "a dozen": one of the magnitude, which `magnitudes` reads;
                // "a dollar", "an hour": one of the unit.
                Some(next) if lexicon::magnitude_word(next).is_some() || names_a_unit(next) => {
                    self.bump();
                    Ok(Number {
                        written: Written::exact(Decimal::whole(1.0)),
                        takes_magnitude: true,
                        takes_of: false,
                    })
                }
                _ => Err(Problem::Unexpected(word)),
            };
        }
        if word == "several" {
            self.bump();
            return Ok(vague(lexicon::quantifier(word).unwrap_or((0.0, 0.0)), true));
        }
        if let Some(range) = lexicon::vague_plural(word) {
            self.bump();
            let of_order = self.peek_word() == Some("of");
            let order = self.cur.peek_nth(1).and_then(|t| t.word());
            if let Some(range) = order
                .filter(|_| of_order)
                .and_then(|o| lexicon::vague_order(word, o))
            {
                self.bump();
                self.bump();
                return Ok(vague(range, false));
            }
            return Ok(vague(range, false));
        }
        if let Some(cardinal) = self.cardinal_words() {
            return Ok(Number {
                written: Written::stepped(cardinal.value, cardinal.step),
                takes_magnitude: true,
                takes_of: false,
            });
        }
        // "half a million", "half an hour", "half-litre", "a quarter of an hour".
        if let Some(fraction) = match word {
            "half" => Some(Decimal::new(5.0, -1)),
            "quarter" => Some(Decimal::new(25.0, -2)),
            _ => None,
        } {
            let mut ahead = self.cur;
            ahead.next_token();
            let mut probe = ahead;
            let joiner = probe
                .peek()
                .filter(|t| t.is_symbol('-') || matches!(t.word(), Some("a" | "an" | "of")));
            if joiner.is_some() {
                probe.next_token();
                if probe.peek().and_then(|t| t.word()) == Some("a")
                    || probe.peek().and_then(|t| t.word()) == Some("an")
                {
                    probe.next_token();
                }
            }
            let of_one = probe
                .peek()
                .and_then(|t| t.word())
                .is_some_and(|w| lexicon::magnitude_word(w).is_some() || names_a_unit(w));
            if of_one {
                self.cur = probe;
                return Ok(Number {
                    written: Written::exact(fraction),
                    takes_magnitude: true,
                    takes_of: false,
                });
            }
        }
        // A bare "hundred" or "thousand" is one of it; `magnitudes` reads the word.
        if lexicon::magnitude_word(word).is_some() && !word.ends_with('s') {
            return Ok(Number {
                written: Written::exact(Decimal::whole(1.0)),
                takes_magnitude: true,
                takes_of: false,
            });
        }
        Err(Problem::Unexpected(word))
    }

    /// "6 ft 2 in", "1 hour 30 minutes", "3 lb 4 oz": further figures in smaller units of
    /// the same dimension, added to the first. The result is in the base unit, stated to the
    /// last figure's precision; `None` (without moving) when no such figure follows.
    pub(super) fn compound_measure(
        &mut self,
        first: Written,
        dimension: Dimension,
        scale: Scale,
    ) -> Option<Written> {
        if first.vague || first.low != first.high {
            return None;
        }
        let mut total = first.scaled(scale);
        let mut smallest = scale.then(Scale::ONE);
        let mut ahead = self.cur;
        let mut found = false;
        loop {
            let mut probe = Parser {
                text: self.text,
                cur: ahead,
                assume: self.assume,
            };
            probe.eat_symbol(',');
            probe.eat_word("and");
            let Some(numeral) = probe.peek().filter(|t| t.kind == Kind::Numeral) else {
                break;
            };
            probe.bump();
            let value = decimal::numeral(numeral.text)?;
            let Some(WrittenUnit::Measure(next_dimension, next_scale)) = probe.unit_suffix() else {
                break;
            };
            let smaller = next_scale.factor * 10f64.powi(next_scale.exp)
                < smallest.factor * 10f64.powi(smallest.exp);
            if next_dimension != dimension || !smaller {
                break;
            }
            let part = Written::exact(value).scaled(next_scale);
            total = Written {
                low: total.low.plus(part.low),
                high: total.high.plus(part.high),
                step: part.step,
                loose: part.loose,
                vague: false,
            };
            smallest = next_scale;
            ahead = probe.cur;
            found = true;
        }
        if found {
            self.cur = ahead;
        }
        found.then_some(total)
    }

    /// A chain of magnitudes ("hundred thousand", "thousand million"), or one abbreviation
    /// right after the number ("bn", "k"). Whether the abbreviation was a bare "m".
    fn magnitudes(&mut self) -> (Option<Scale>, bool) {
        let mut scale: Option<Scale> = None;
        while let Some(word) = self.peek_word() {
            if let Some(next) = lexicon::magnitude_word(word) {
                self.bump();
                scale = Some(scale.map_or(next, |s| s.then(next)));
                continue;
            }
            if scale.is_none() {
                if let Some(abbreviation) = lexicon::magnitude_abbreviation(word) {
                    self.bump();
                    return (Some(abbreviation), word == "m");
                }
            }
            break;
        }
        (scale, false)
    }
}

/// Whether a number word starts here ("minus five").
fn starts_a_number(word: &str) -> bool {
    lexicon::unit_word(word).is_some() || lexicon::tens_word(word).is_some()
}
