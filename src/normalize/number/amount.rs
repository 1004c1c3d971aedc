//! One amount as written: an optional currency sign, a numeral or number words (or a vague
//! quantity), magnitudes, and a unit ("$55 billion", "twenty-five", "several hundred",
//! "40 km", "2%"). A range is two amounts; `grammar` joins them.
//!
//! Owns number words, magnitudes, vague quantities and the precision a number is stated to.
//! It must not apply qualifiers ("about", "more than") or read what follows the unit: those
//! belong to the whole phrase (`grammar`).

use super::decimal::{Decimal, numeral};
use super::grammar::{Parser, Problem};
use super::lexer::Kind;
use super::lexicon::{self, Scale};
use super::unit::{WrittenUnit, names_a_unit};
use super::written::Written;

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
    /// Where the unit was written, as byte ranges of the text: before the number (a currency
    /// sign or code) and after it, to show the value as written (`model::quantity`).
    pub unit_at: UnitAt,
    /// The number was written in digits ("2,500,000", "2.5" of "2.5 million"), so that its
    /// magnitude as written is the one its magnitude word gives, or none.
    pub digits: bool,
}

/// Where an amount's unit was written: byte ranges of the phrase before and after the number.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct UnitAt {
    /// The unit written before the number ("$", "US$", "Rs.", "USD").
    pub before: Option<(usize, usize)>,
    /// The unit written after it ("dollars", "km", "USD").
    pub after: Option<(usize, usize)>,
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
        let prefix_start = self.next_start();
        let prefix = self.money_prefix();
        let before = prefix.map(|_| (prefix_start, self.written_end()));
        let negative = self.minus_sign();
        let digits = self.peek().is_some_and(|t| t.kind == Kind::Numeral);
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
        let suffix_start = self.next_start();
        let mut suffix = self.unit_suffix();
        let after = suffix.map(|_| (suffix_start, self.written_end()));
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
            unit_at: UnitAt { before, after },
            digits,
        })
    }

    /// Where the next token starts (the end of the text when there is none).
    fn next_start(&self) -> usize {
        self.peek().map_or(self.text.len(), |t| t.start)
    }

    /// Where what was just read ends: the start of the next token, less the spaces before it.
    fn written_end(&self) -> usize {
        let next = self.next_start();
        let read = self.text.get(..next).unwrap_or(self.text);
        read.trim_end().len()
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
                if let Some(fraction) = self.fraction(token.text) {
                    return Ok(Number {
                        written: fraction?,
                        takes_magnitude: false,
                        takes_of: false,
                    });
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

    /// A fraction glued to the numeral just read ("3/4", "1/2", "2/1000"): exact when its
    /// value is a terminating decimal, stated to one part of its denominator; a fraction that
    /// is not ("1/3") is refused rather than rounded. `None` when no fraction follows.
    fn fraction(&mut self, numerator: &'a str) -> Option<Result<Written, Problem<'a>>> {
        let slash = self.peek().filter(|t| t.is_symbol('/') && !t.spaced)?;
        let denominator = self
            .cur
            .peek_nth(1)
            .filter(|t| t.kind == Kind::Numeral && !t.spaced)?;
        let whole = |text: &str| {
            (text.bytes().all(|b| b.is_ascii_digit()) && text.len() <= 9)
                .then(|| text.parse::<u32>().ok())
                .flatten()
        };
        let (Some(top), Some(bottom)) = (whole(numerator), whole(denominator.text)) else {
            return Some(Err(Problem::Unexpected(slash.text)));
        };
        self.bump();
        self.bump();
        Some(decimal_fraction(top, bottom).ok_or(Problem::Unexpected(slash.text)))
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
        // "half a million", "half an hour", "half-litre", "a quarter of an hour", "a tenth of
        // a gallon".
        if let Some(fraction) = fraction_word(word) {
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

/// A fraction named in a word, when it has an exact decimal ("a third" has none and is
/// refused, never rounded).
fn fraction_word(word: &str) -> Option<Decimal> {
    Some(match word {
        "half" => Decimal::new(5.0, -1),
        "quarter" | "fourth" => Decimal::new(25.0, -2),
        "fifth" => Decimal::new(2.0, -1),
        "eighth" => Decimal::new(125.0, -3),
        "tenth" => Decimal::new(1.0, -1),
        "hundredth" => Decimal::new(1.0, -2),
        "thousandth" => Decimal::new(1.0, -3),
        _ => return None,
    })
}

/// Whether a number word starts here ("minus five").
fn starts_a_number(word: &str) -> bool {
    lexicon::unit_word(word).is_some() || lexicon::tens_word(word).is_some()
}

/// `top / bottom` as an exact decimal, stated to one part of the reduced denominator
/// ("3/15" is 0.2, to the fifth); `None` when the fraction has no
/// exact decimal (a denominator with a prime factor other than 2 and 5, once reduced) or a
/// zero denominator.
fn decimal_fraction(top: u32, bottom: u32) -> Option<Written> {
    if bottom == 0 {
        return None;
    }
    let (mut a, mut b) = (top, bottom);
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let reduced = bottom / a.max(1);
    let mut rest = reduced;
    let (mut twos, mut fives) = (0_i32, 0_i32);
    while rest % 2 == 0 {
        rest /= 2;
        twos += 1;
    }
    while rest % 5 == 0 {
        rest /= 5;
        fives += 1;
    }
    if rest != 1 {
        return None;
    }
    // top / bottom = top · (10^k / bottom) / 10^k, with 10^k a multiple of the denominator.
    let places = twos.max(fives);
    let power = 10f64.powi(places);
    let value = f64::from(top / a.max(1)) * (power / f64::from(reduced));
    let step = power / f64::from(reduced);
    (value.fract() == 0.0 && step.fract() == 0.0)
        .then(|| Written::stepped(Decimal::new(value, -places), Decimal::new(step, -places)))
}
