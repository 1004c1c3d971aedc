//! Exact decimal arithmetic for stated numbers: a mantissa and a power of ten, kept apart
//! until the value is needed, so that "55.3 billion" is 553 × 10⁸ and equals
//! "55,300,000,000" bit for bit.
//!
//! Owns only the arithmetic and reading digits; it must not know words or units.

use super::lexicon::Scale;

/// Longest numeral read: more digits than an `f64` can tell apart is not a stated number.
const MAX_DIGITS: usize = 30;

/// Exact powers of ten: every one up to 10²² is exactly representable in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A number as `mantissa × 10^exp`, kept apart until the end so that the result is the
/// correctly rounded value a decimal parser would give.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Decimal {
    mantissa: f64,
    exp: i32,
}

impl Decimal {
    /// `mantissa × 10^exp`.
    pub fn new(mantissa: f64, exp: i32) -> Decimal {
        Decimal { mantissa, exp }
    }

    /// A whole number.
    pub fn whole(value: f64) -> Decimal {
        Decimal {
            mantissa: value,
            exp: 0,
        }
    }

    /// One unit of this number's last digit ("55.3" has step 0.1).
    pub fn unit_step(self) -> Decimal {
        Decimal {
            mantissa: 1.0,
            exp: self.exp,
        }
    }

    /// One unit of this number's last non-zero digit ("1,000" has 1,000; "4,810" has 10);
    /// `None` for zero or a number whose digits are not whole.
    pub fn last_nonzero_step(self) -> Option<Decimal> {
        let mut mantissa = self.mantissa.abs();
        if mantissa == 0.0 || mantissa.fract() != 0.0 || !mantissa.is_finite() {
            return None;
        }
        let mut exp = self.exp;
        while mantissa % 10.0 == 0.0 {
            mantissa /= 10.0;
            exp = exp.saturating_add(1);
        }
        Some(Decimal { mantissa: 1.0, exp })
    }

    /// The sum of two numbers ("6 ft 2 in" in metres).
    pub fn plus(self, other: Decimal) -> Decimal {
        Decimal::whole(self.value() + other.value())
    }

    /// Scaled by a magnitude or a unit.
    pub fn scaled(self, scale: Scale) -> Decimal {
        Decimal {
            mantissa: self.mantissa * scale.factor,
            exp: self.exp.saturating_add(scale.exp),
        }
    }

    /// The same number with the other sign.
    pub fn negated(self) -> Decimal {
        Decimal {
            mantissa: -self.mantissa,
            exp: self.exp,
        }
    }

    /// The value: one multiplication or division by an exact power of ten, so correctly
    /// rounded whenever the mantissa is exact (up to 15 digits).
    pub fn value(self) -> f64 {
        let power = POW10
            .get(self.exp.unsigned_abs() as usize)
            .copied()
            .unwrap_or_else(|| 10f64.powi(self.exp.saturating_abs()));
        if self.exp >= 0 {
            self.mantissa * power
        } else {
            self.mantissa / power
        }
    }
}

/// A numeral's decimal ("300,000", "55.3"); `None` past [`MAX_DIGITS`].
pub(super) fn numeral(text: &str) -> Option<Decimal> {
    let mut mantissa = 0.0;
    let mut exp = 0;
    let mut digits = 0;
    let mut after_point = false;
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' => {
                mantissa = mantissa * 10.0 + f64::from(byte - b'0');
                digits += 1;
                if after_point {
                    exp -= 1;
                }
            }
            b'.' => after_point = true,
            _ => {} // grouping commas
        }
    }
    (digits <= MAX_DIGITS).then_some(Decimal { mantissa, exp })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact_for_stated_numbers() {
        let billion = super::super::lexicon::magnitude_word("billion").unwrap_or(Scale::ONE);
        let a = numeral("55.3").map(|d| d.scaled(billion).value());
        let b = numeral("55,300,000,000").map(Decimal::value);
        assert_eq!(a, b);
        assert_eq!(numeral(".5").map(Decimal::value), Some(0.5));
        assert_eq!(numeral(&"9".repeat(31)), None);
    }
}
