//! The vocabulary of physical measures: each unit's dimension and its conversion to the
//! dimension's base unit (metres, kilograms, square metres, litres, days, degrees Celsius),
//! as `match` tables.
//!
//! Owns what a single unit word stands for, and the affine conversion of temperatures. It must
//! not look at neighbouring words: multi-word units ("square feet", "degrees Celsius") are
//! read by `unit`, and what "m" or a bare "degrees" means is settled by `grammar` and, across
//! a property, by `context`.

use super::lexicon::Scale;
use crate::model::quantity::Dimension;

/// A measure unit written as one word, with its dimension and its scale to the base unit.
///
/// "m" is not here: after a numeral it may be metres or a million, which the grammar decides
/// (see [`super::lexicon::magnitude_abbreviation`]). "ton" is the metric tonne, "gallon" the
/// US gallon, "ounce" the avoirdupois ounce, "pint" the US pint. "in" (inches) is read by the
/// grammar only where it cannot be the preposition.
pub(super) fn measure_word(word: &str) -> Option<(Dimension, Scale)> {
    use Dimension::{Area, Duration, Length, Mass, Volume};
    let ten = Scale::ten;
    let times = Scale::times;
    Some(match word {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => (Length, ten(3)),
        "metre" | "metres" | "meter" | "meters" | "mtr" | "mtrs" => (Length, Scale::ONE),
        "cm" | "cms" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => {
            (Length, ten(-2))
        }
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => (Length, ten(-3)),
        "mi" | "mile" | "miles" => (Length, times(1_609.344)),
        "yd" | "yds" | "yard" | "yards" => (Length, times(0.914_4)),
        "ft" | "foot" | "feet" => (Length, times(0.304_8)),
        "inch" | "inches" => (Length, times(0.025_4)),
        "nmi" => (Length, times(1_852.0)),
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme"
        | "kilogrammes" => (Mass, Scale::ONE),
        "g" | "gs" | "gm" | "gms" | "gram" | "grams" | "gramme" | "grammes" => (Mass, ten(-3)),
        "mg" | "milligram" | "milligrams" | "milligramme" | "milligrammes" => (Mass, ten(-6)),
        "t" | "tonne" | "tonnes" | "ton" | "tons" => (Mass, ten(3)),
        "lb" | "lbs" => (Mass, times(0.453_592_37)),
        "oz" | "ounce" | "ounces" => (Mass, times(0.028_349_523_125)),
        "km²" | "km2" | "sqkm" => (Area, ten(6)),
        "m²" | "m2" => (Area, Scale::ONE),
        "ft²" | "ft2" | "sqft" => (Area, times(0.092_903_04)),
        "mi²" | "mi2" => (Area, times(2_589_988.110_336)),
        "hectare" | "hectares" | "ha" => (Area, ten(4)),
        "acre" | "acres" => (Area, times(4_046.856_422_4)),
        "l" | "litre" | "litres" | "liter" | "liters" | "ltr" | "ltrs" => (Volume, Scale::ONE),
        "ml" | "mls" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => {
            (Volume, ten(-3))
        }
        "cl" | "centilitre" | "centilitres" | "centiliter" | "centiliters" => (Volume, ten(-2)),
        "dl" | "decilitre" | "decilitres" | "deciliter" | "deciliters" => (Volume, ten(-1)),
        "hl" | "hectolitre" | "hectolitres" | "hectoliter" | "hectoliters" => (Volume, ten(2)),
        "m³" | "m3" => (Volume, ten(3)),
        "gal" | "gals" | "gallon" | "gallons" => (Volume, times(3.785_411_784)),
        "cup" | "cups" => (Volume, times(0.236_588_236_5)),
        "pint" | "pints" => (Volume, times(0.473_176_473)),
        "bbl" | "barrel" | "barrels" => (Volume, times(158.987_294_928)),
        "sec" | "secs" | "second" | "seconds" => (Duration, times(1.0 / 86_400.0)),
        "min" | "mins" | "minute" | "minutes" => (Duration, times(1.0 / 1_440.0)),
        "h" | "hr" | "hrs" | "hour" | "hours" => (Duration, times(1.0 / 24.0)),
        "day" | "days" => (Duration, Scale::ONE),
        "week" | "weeks" | "wk" | "wks" => (Duration, times(7.0)),
        "fortnight" | "fortnights" => (Duration, times(14.0)),
        "month" | "months" => (Duration, times(30.44)),
        "year" | "years" | "yr" | "yrs" => (Duration, times(365.25)),
        "decade" | "decades" => (Duration, times(3_652.5)),
        "century" | "centuries" => (Duration, times(36_525.0)),
        _ => return None,
    })
}

/// A two-word unit ("square kilometres", "cubic feet", "fluid ounces", "imperial gallons",
/// "troy ounces", "nautical miles", "metric tons").
pub(super) fn two_word_measure(first: &str, second: &str) -> Option<(Dimension, Scale)> {
    use Dimension::{Area, Length, Mass, Volume};
    Some(match (first, second) {
        ("square" | "sq", unit) => (Area, square_of(unit)?),
        ("cubic" | "cu", unit) => (Volume, cubic_of(unit)?),
        ("nautical", "mile" | "miles") => (Length, Scale::times(1_852.0)),
        ("metric", "ton" | "tons" | "tonne" | "tonnes") => (Mass, Scale::ten(3)),
        ("troy", "ounce" | "ounces" | "oz") => (Mass, Scale::times(0.031_103_476_8)),
        ("fluid" | "fl", "ounce" | "ounces" | "oz") => (Volume, Scale::times(0.029_573_529_562_5)),
        ("imperial", "gallon" | "gallons") => (Volume, Scale::times(4.546_09)),
        ("imperial", "pint" | "pints") => (Volume, Scale::times(0.568_261_25)),
        ("us" | "u.s", "gallon" | "gallons") => (Volume, Scale::times(3.785_411_784)),
        _ => return None,
    })
}

/// The unit after "square" or "sq" ("square kilometres", "sq mi", "square feet").
fn square_of(word: &str) -> Option<Scale> {
    Some(match word {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => Scale::ten(6),
        "m" | "metre" | "metres" | "meter" | "meters" => Scale::ONE,
        "mi" | "mile" | "miles" => Scale::times(2_589_988.110_336),
        "ft" | "foot" | "feet" => Scale::times(0.092_903_04),
        "yd" | "yard" | "yards" => Scale::times(0.836_127_36),
        _ => return None,
    })
}

/// The unit after "cubic" ("cubic metres", "cubic feet"), in litres.
fn cubic_of(word: &str) -> Option<Scale> {
    Some(match word {
        "m" | "metre" | "metres" | "meter" | "meters" => Scale::ten(3),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => Scale::ten(12),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => Scale::ten(-3),
        "ft" | "foot" | "feet" => Scale::times(28.316_846_592),
        _ => return None,
    })
}

/// A temperature scale. Temperatures are points on an affine scale, so converting one is not
/// a multiplication: 0 °C is 32 °F.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemperatureScale {
    /// Degrees Celsius, the base.
    Celsius,
    /// Degrees Fahrenheit: (°F − 32) × 5/9 °C.
    Fahrenheit,
    /// Kelvins: K − 273.15 °C.
    Kelvin,
}

impl TemperatureScale {
    /// The scale a word after "degrees" or "°" names ("c", "celsius", "fahrenheit").
    pub(super) fn after_degrees(word: &str) -> Option<TemperatureScale> {
        Some(match word {
            "c" | "celsius" | "centigrade" => TemperatureScale::Celsius,
            "f" | "fahrenheit" => TemperatureScale::Fahrenheit,
            _ => return None,
        })
    }

    /// How many degrees Celsius one degree of this scale is, for a difference or a precision.
    pub(super) fn factor(self) -> f64 {
        match self {
            TemperatureScale::Celsius | TemperatureScale::Kelvin => 1.0,
            TemperatureScale::Fahrenheit => 5.0 / 9.0,
        }
    }

    /// A temperature on this scale in degrees Celsius.
    pub(super) fn to_celsius(self, value: f64) -> f64 {
        match self {
            TemperatureScale::Celsius => value,
            TemperatureScale::Fahrenheit => (value - 32.0) * 5.0 / 9.0,
            TemperatureScale::Kelvin => value - 273.15,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temperatures_convert_affinely() {
        assert!((TemperatureScale::Fahrenheit.to_celsius(212.0) - 100.0).abs() < 1e-9);
        assert!((TemperatureScale::Fahrenheit.to_celsius(-40.0) + 40.0).abs() < 1e-9);
        assert!((TemperatureScale::Kelvin.to_celsius(0.0) + 273.15).abs() < 1e-9);
        assert!((TemperatureScale::Fahrenheit.factor() * 9.0 - 5.0).abs() < 1e-12);
    }

    #[test]
    fn every_unit_word_has_a_positive_scale() {
        for word in [
            "km", "cm", "mm", "inch", "g", "mg", "oz", "l", "ml", "gallon", "min",
        ] {
            let (_, scale) = measure_word(word).unwrap_or((Dimension::Length, Scale::ten(0)));
            assert!(scale.factor > 0.0, "{word}");
            assert!(measure_word(word).is_some(), "{word}");
        }
        assert!(two_word_measure("square", "feet").is_some());
        assert!(two_word_measure("cubic", "metres").is_some());
        assert!(two_word_measure("square", "tents").is_none());
    }
}
