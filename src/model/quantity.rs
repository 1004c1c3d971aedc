//! A normalized number: a range with a unit, a base and a tolerance (DESIGN 2.3).
//!
//! Owns the validated quantity type and how it is shown. Parsing text into it is
//! `normalize::number`; comparing two of them is `compare::number`.

/// A number as stated, turned into a closed range in its unit's canonical scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Lowest value the statement allows (`f64::NEG_INFINITY` when open below).
    pub low: f64,
    /// Highest value the statement allows (`f64::INFINITY` when open above, "more than 300").
    pub high: f64,
    /// Absolute slack on each end from the stated precision or approximation
    /// ("$55 billion" is good to ±0.5 billion).
    pub tolerance: f64,
    /// What is counted or measured.
    pub unit: Unit,
    /// What a percentage is of, folded ("2% of GDP" has base `gdp`); `None` when not stated.
    pub base: Option<String>,
    /// Stated as approximate ("about", "nearly", "some").
    pub approximate: bool,
    /// A vague quantity ("hundreds of", "dozens", "several").
    pub vague: bool,
}

/// The unit of a quantity.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A bare number.
    None,
    /// A percentage (values are in percent: 2% is 2.0).
    Percent,
    /// An amount of money.
    Currency(Currency),
    /// A physical measure, converted to the dimension's base unit (metres, kilograms, days...).
    Measure(Dimension),
    /// A count of things, named by the folded singular noun ("tents" is `tent`).
    Count(String),
}

/// A currency, kept ambiguous when the text is ("$" may be US, Canadian, Australian...).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Currency {
    /// An ISO 4217 code ("USD", "EUR", "JPY").
    Code(String),
    /// A bare dollar sign or "dollars" with no country.
    AmbiguousDollar,
    /// A bare yen/yuan sign "¥".
    AmbiguousYen,
}

/// A physical dimension with a base unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Metres.
    Length,
    /// Kilograms.
    Mass,
    /// Square metres.
    Area,
    /// Days.
    Duration,
}

/// How far apart two numbers for one fact may be and still agree, beyond their stated
/// precision (a property's `tolerance` in `rules.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// A fraction of the larger magnitude (`"5%"` is `Relative(0.05)`).
    Relative(f64),
    /// An absolute amount in the values' canonical unit.
    Absolute(f64),
}
