//! A number as written, before its unit is known: its range, the step of its last written
//! digit and of its last non-zero digit, and the arithmetic the grammar does on it (scaling
//! by a magnitude or a unit, adding a fraction or a smaller unit, a temperature's affine
//! conversion).
//!
//! Owns only that value type; it must not read text.

use super::decimal::Decimal;
use super::grammar::Problem;
use super::lexicon::Scale;
use super::measure::TemperatureScale;

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

    pub(super) fn vague((low, high): (f64, f64)) -> Written {
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
