//! The quantity a phrase states, from its written number, qualifier and unit: the two ends
//! of a range joined (a magnitude written once applies to both), bounds and approximations
//! applied, and the stated precision turned into a tolerance.
//!
//! Owns the rules of DESIGN 2.3 on ranges, bounds and "about" (README: approximations scale
//! with the last non-zero digit). It must not read text.

use super::amount::Amount;
use super::grammar::Problem;
use super::qualifier::Qualifier;
use super::written::Written;
use crate::model::quantity::{Dimension, Quantity, Unit};

/// "nearly 300" is 270–300; "just over 300" is 300–330.
const NEARLY: f64 = 0.9;
const JUST_OVER: f64 = 1.1;

/// The two ends of a range as one written number; a magnitude written only on the upper end
/// applies to the lower end too ("5 to 6 billion") unless that would reverse the range
/// ("500,000 to 1 million").
pub(super) fn join(first: Amount, second: Option<Amount>) -> Result<Written, Problem<'static>> {
    let Some(second) = second else {
        return Ok(first.written);
    };
    let mut low = first.written;
    if let (None, Some(magnitude)) = (first.magnitude, second.magnitude) {
        let shared = low.scaled(magnitude);
        if shared.high.value() <= second.written.low.value() {
            low = shared;
        }
    }
    let high = second.written;
    if low.low.value() > high.high.value() {
        return Err(Problem::Reversed);
    }
    let step = if low.step.value() >= high.step.value() {
        low.step
    } else {
        high.step
    };
    let loose = if low.loose.value() >= high.loose.value() {
        low.loose
    } else {
        high.loose
    };
    Ok(Written {
        low: low.low,
        high: high.high,
        step,
        loose,
        vague: low.vague || high.vague,
    })
}

/// The quantity a written number, its qualifier and its unit state.
pub(super) fn shape(
    written: Written,
    qualifier: Qualifier,
    unit: Unit,
    base: Option<String>,
) -> Result<Quantity, Problem<'static>> {
    let (low, high) = (written.low.value(), written.high.value());
    if !(low.is_finite() && high.is_finite()) {
        return Err(Problem::TooLarge);
    }
    let precision = written.step.value().abs() / 2.0;
    // Counts, money, percentages and physical measures are never negative, so "less than
    // 300" of them starts at zero; a bare number or a temperature (or its change) may be
    // anything.
    let signed = matches!(
        unit,
        Unit::None | Unit::Measure(Dimension::Temperature | Dimension::TemperatureChange)
    );
    let floor = if signed || high < 0.0 {
        f64::NEG_INFINITY
    } else {
        0.0
    };
    let (low, high, tolerance, approximate) = match qualifier {
        Qualifier::Plain | Qualifier::Between | Qualifier::From => (low, high, precision, false),
        // "about" makes the trailing zeros loose: "about 1,000" is good to the thousand
        // (±500), "about 4,810" to the ten (±5).
        Qualifier::About => {
            let margin = written.loose.value().abs() / 2.0;
            (low, high, precision.max(margin), true)
        }
        Qualifier::Nearly => ordered(NEARLY * low, high, true),
        Qualifier::JustOver => ordered(low, JUST_OVER * high, true),
        Qualifier::AtLeast => (low, f64::INFINITY, 0.0, false),
        Qualifier::AtMost => (floor, high, 0.0, false),
    };
    let tolerance = if written.vague { 0.0 } else { tolerance };
    Ok(Quantity {
        // `+ 0.0` turns a "-0" into 0, so that it shows and compares as zero.
        low: low + 0.0,
        high: high + 0.0,
        tolerance,
        unit,
        base,
        approximate,
        vague: written.vague,
        written_in: None,
        written_money: None,
    })
}

/// A bound a fraction away from the number, whichever its sign.
fn ordered(a: f64, b: f64, approximate: bool) -> (f64, f64, f64, bool) {
    (a.min(b), a.max(b), 0.0, approximate)
}
