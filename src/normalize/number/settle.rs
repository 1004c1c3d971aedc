//! What the unit of an amount means and what follows it: a bare "m" (a million or metres),
//! bare "degrees" (Celsius or Fahrenheit) and "pounds" (sterling or a weight) settled from the
//! phrase's own words or the assumption the caller gives; then a percentage's base, what a
//! measure is of, descriptions ("above sea level", "warmer") or a counted noun.
//!
//! Owns the reading of the words around the unit. It must not decide an ambiguity from
//! anything outside the phrase (`context` does, by telling the parser what to assume).

use super::grammar::{Ambiguity, Parser, Problem};
use super::lexicon::Scale;
use super::noun;
use super::qualifier::Qualifier;
use super::tail::{Described, Tail};
use super::unit::WrittenUnit;
use super::written::Written;
use crate::model::quantity::Dimension;

impl<'a> Parser<'a> {
    /// Settles a bare "m" and bare "degrees": a million with money, a percentage or a counted
    /// noun; metres with a description ("12.5m tall"); otherwise as assumed, or ambiguous. A
    /// bare number "below zero" or "above zero" is in degrees.
    pub(super) fn settle_unit(
        &mut self,
        unit: &mut Option<WrittenUnit>,
        written: &mut Written,
        ambiguous_m: bool,
    ) -> Result<(), Problem<'a>> {
        // "20 below zero": a bare number measured from zero is in degrees, of a scale the
        // phrase leaves open.
        if unit.is_none() && !ambiguous_m && self.peek_from_zero() {
            *unit = Some(WrittenUnit::Degrees);
        }
        if ambiguous_m && unit.is_none() {
            // "3m and 5cm": a smaller length after it says metres.
            let in_metres = written.scaled(Scale::ten(-6));
            if let Some(compound) = self.compound_measure(in_metres, Dimension::Length, Scale::ONE)
            {
                *written = compound;
                *unit = Some(WrittenUnit::Measure(Dimension::Length, Scale::ONE));
                return Ok(());
            }
            let described = self.peek_tail().is_some();
            let counted = !described && self.peek_word().is_some_and(|w| w != "of");
            let metres = if described {
                true
            } else if counted {
                false
            } else {
                let what = if self.peek_word() == Some("of") {
                    Ambiguity::MOf
                } else {
                    Ambiguity::M
                };
                self.assume.m_is_metres.ok_or(Problem::Ambiguous(what))?
            };
            if metres {
                *written = written.scaled(Scale::ten(-6));
                *unit = Some(WrittenUnit::Measure(Dimension::Length, Scale::ONE));
            }
        }
        if *unit == Some(WrittenUnit::Degrees) {
            let scale = self
                .assume
                .degrees
                .ok_or(Problem::Ambiguous(Ambiguity::Degrees))?;
            *unit = Some(WrittenUnit::Temperature(scale));
        }
        if *unit == Some(WrittenUnit::Pounds) {
            let mass = self
                .assume
                .pounds_are_mass
                .ok_or(Problem::Ambiguous(Ambiguity::Pounds))?;
            *unit = Some(if mass {
                WrittenUnit::Measure(Dimension::Mass, Scale::times(0.453_592_37))
            } else {
                WrittenUnit::Money(super::lexicon::Money::Code("GBP"))
            });
        }
        Ok(())
    }

    /// What follows the unit: a percentage's base, what a measure is of ("5 tonnes of
    /// cocaine"), descriptions ("above sea level"), or a counted noun. Returns the base, the
    /// noun, whether "below zero" negates the value, and a trailing qualifier.
    #[expect(
        clippy::type_complexity,
        reason = "a private tuple, named at its one call"
    )]
    pub(super) fn after_unit(
        &mut self,
        unit: Option<WrittenUnit>,
    ) -> Result<(Option<String>, Option<String>, Described, Option<Qualifier>), Problem<'a>> {
        let mut described = Described::default();
        match unit {
            Some(WrittenUnit::Percent | WrittenUnit::Measure(..)) if self.eat_word("of") => {
                let (phrase, trailing) = self.base_phrase();
                let phrase = noun::percentage_base(phrase);
                if phrase.is_empty() {
                    return Err(Problem::NoBase);
                }
                Ok((Some(phrase), None, described, trailing))
            }
            Some(WrittenUnit::Measure(..) | WrittenUnit::Temperature(_)) => {
                while let Some(tail) = self.peek_tail() {
                    self.skip_tail();
                    match tail {
                        Tail::Description => {}
                        Tail::BelowZero => described.negate = !described.negate,
                        Tail::BelowSeaLevel => return Err(Problem::BelowSeaLevel),
                        Tail::Warmer => described.change = true,
                        Tail::Cooler => {
                            described.change = true;
                            described.negate = !described.negate;
                        }
                    }
                }
                Ok((None, None, described, None))
            }
            // "10¢": the cents sign counts cents, as "10 cents" does (of no currency named).
            None if self.eat_symbol('¢') => Ok((None, Some("cent".to_owned()), described, None)),
            None if self.peek().is_some() => {
                if let Some(two) = self.peek_word().and_then(super::lexicon::two_meanings) {
                    return Err(Problem::TwoMeanings(two));
                }
                let (phrase, trailing) = self.counted_noun()?;
                Ok((None, Some(noun::counted_noun(phrase)), described, trailing))
            }
            _ => Ok((None, None, described, None)),
        }
    }
}
