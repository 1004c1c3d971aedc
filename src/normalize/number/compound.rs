//! Amounts written in more than one piece: a compound measure ("6 ft 2 in",
//! "2 yards, 7 feet and 10 inches", "1 hour 30 minutes"), a fraction of a unit ("two and a
//! half", "an hour and a quarter"), and money with its hundredths ("20 dollars 43 cents").
//!
//! Owns how the pieces add up and the precision of the sum (the last piece's). It must not
//! read a single number or unit (`amount`, `unit`).

use super::decimal;
use super::grammar::Parser;
use super::lexer::Kind;
use super::lexicon::Scale;
use super::unit::{WrittenUnit, names_a_unit};
use super::written::Written;
use crate::model::quantity::Dimension;

impl Parser<'_> {
    /// "and a half", "and a quarter", "and three quarters" (and their variants), in
    /// hundredths; an "of" before a unit after it is skipped ("one and a quarter of hour").
    pub(super) fn and_a_fraction(&mut self) -> Option<f64> {
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
        // Every fraction starts with "and": nothing else is read further.
        if self.peek_word() != Some("and") {
            return None;
        }
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
    pub(super) fn money_subunit(&mut self) -> Option<Written> {
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
            let value = match probe.peek() {
                Some(numeral) if numeral.kind == Kind::Numeral => {
                    probe.bump();
                    decimal::numeral(numeral.text)?
                }
                // "1 hour and fifteen seconds".
                _ => match probe.cardinal_words() {
                    Some(cardinal) => cardinal.value,
                    None => break,
                },
            };
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
}
