//! A normalized number: a range with a unit, a base and a tolerance (DESIGN 2.3).
//!
//! Owns the validated quantity type and how it is shown. Parsing text into it is
//! `normalize::number`; comparing two of them is `compare::number`; money as its source wrote
//! it is `money`.

mod money;

use self::money::named_magnitude;
pub use self::money::{Affix, WrittenMoney, money_gap};

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
    /// What a percentage or a measure is of, folded ("2% of GDP" has base `gdp`, "5 tonnes
    /// of cocaine" `cocaine`); `None` when not stated.
    pub base: Option<String>,
    /// Stated as approximate ("about", "nearly", "some").
    pub approximate: bool,
    /// A vague quantity ("hundreds of", "dozens", "several").
    pub vague: bool,
    /// The measure unit the source wrote, when it is not the base unit's scale: values and
    /// gaps are shown in it ("1,000 ft", not "304.8 m"). Display only: comparison and
    /// identity use the canonical fields.
    pub written_in: Option<SourceUnit>,
    /// An amount of money as its source wrote it ("£2.5 million", "5 lakh rupees"): values
    /// and gaps show its currency and magnitude so. Display only, like `written_in`.
    pub written_money: Option<Box<WrittenMoney>>,
}

/// A measure unit as a source writes it: its symbol and its size in the dimension's base
/// unit ("ft" is 0.3048 m).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SourceUnit {
    /// The symbol values are shown with ("ft", "mi", "lb", "years").
    pub symbol: &'static str,
    /// How many base units one of it is.
    pub factor: f64,
}

/// The units values may be shown in, by dimension: symbol and size in the base unit. A unit
/// the parser reads but this table lacks is shown in the base unit.
const SOURCE_UNITS: &[(Dimension, &str, f64)] = &[
    (Dimension::Length, "mm", 1e-3),
    (Dimension::Length, "cm", 1e-2),
    (Dimension::Length, "m", 1.0),
    (Dimension::Length, "km", 1e3),
    (Dimension::Length, "in", 0.025_4),
    (Dimension::Length, "ft", 0.304_8),
    (Dimension::Length, "yd", 0.914_4),
    (Dimension::Length, "mi", 1_609.344),
    (Dimension::Length, "nmi", 1_852.0),
    (Dimension::Mass, "mg", 1e-6),
    (Dimension::Mass, "g", 1e-3),
    (Dimension::Mass, "kg", 1.0),
    (Dimension::Mass, "t", 1e3),
    (Dimension::Mass, "oz", 0.028_349_523_125),
    (Dimension::Mass, "lb", 0.453_592_37),
    (Dimension::Mass, "st", 6.350_293_18),
    (Dimension::Area, "m²", 1.0),
    (Dimension::Area, "ha", 1e4),
    (Dimension::Area, "km²", 1e6),
    (Dimension::Area, "ft²", 0.092_903_04),
    (Dimension::Area, "acres", 4_046.856_422_4),
    (Dimension::Area, "sq mi", 2_589_988.110_336),
    (Dimension::Duration, "seconds", 1.0 / 86_400.0),
    (Dimension::Duration, "minutes", 1.0 / 1_440.0),
    (Dimension::Duration, "hours", 1.0 / 24.0),
    (Dimension::Duration, "days", 1.0),
    (Dimension::Duration, "weeks", 7.0),
    (Dimension::Duration, "months", 30.44),
    (Dimension::Duration, "years", 365.25),
    (Dimension::Volume, "ml", 1e-3),
    (Dimension::Volume, "L", 1.0),
    (Dimension::Volume, "m³", 1e3),
];

impl SourceUnit {
    /// The unit of `dimension` that is `factor` base units, if it has a symbol; `None` for
    /// the base unit itself (nothing to remember) and for sizes without a symbol.
    #[must_use]
    pub fn of(dimension: Dimension, factor: f64) -> Option<SourceUnit> {
        if (factor - 1.0).abs() <= 1e-12 {
            return None;
        }
        SOURCE_UNITS
            .iter()
            .find(|&&(d, _, size)| d == dimension && (size - factor).abs() <= 1e-9 * size)
            .map(|&(_, symbol, factor)| SourceUnit { symbol, factor })
    }

    /// The symbol for an amount of `count` of it: "1 year", "3 years"; symbols ("ft") do not
    /// inflect.
    #[must_use]
    pub fn symbol_for(self, count: f64) -> &'static str {
        #[expect(clippy::float_cmp, reason = "one exactly, as written")]
        let one = count.abs() == 1.0;
        match self.symbol {
            "minutes" if one => "minute",
            "hours" if one => "hour",
            "days" if one => "day",
            "weeks" if one => "week",
            "months" if one => "month",
            "years" if one => "year",
            "acres" if one => "acre",
            symbol => symbol,
        }
    }
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
    /// "Rs" or "rupees" with no country (Indian, Pakistani, Sri Lankan, Nepalese...).
    AmbiguousRupee,
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
    /// Litres.
    Volume,
    /// Degrees Celsius: a point on an affine scale (0 °C is 32 °F), converted as such.
    Temperature,
    /// A difference of temperatures in degrees Celsius ("a rise of 2 °C", "3.6 °F warmer"):
    /// converted by the scale's factor only (3.6 °F is 2 °C).
    TemperatureChange,
}

/// How far apart two numbers for one fact may be and still agree, beyond their stated
/// precision (a property's `tolerance` in `rules.toml`).
#[derive(Debug, Clone, PartialEq)]
pub enum Tolerance {
    /// A fraction of the larger magnitude (`"5%"` is `Relative(0.05)`).
    Relative(f64),
    /// A bare number: an absolute amount in the canonical unit of whichever values it
    /// compares (metres, kilograms, days, the currency's unit, percentage points, the count).
    Absolute(f64),
    /// An amount with its unit (`"10 m"`, `"500 ft"`, `"$1 million"`, `"0.5 percentage
    /// points"`), in the unit's canonical scale (`"500 ft"` is 152.4 m): it applies to the
    /// values it can be compared with, and to no others.
    Measured(f64, Unit),
}

impl Quantity {
    /// The value in a stable machine form, for identities: the range, the precision, the
    /// unit and the base, with floats written to round-trip.
    #[must_use]
    pub fn key(&self) -> String {
        let base = self
            .base
            .as_deref()
            .map_or(String::new(), |b| format!(" of {b}"));
        format!(
            "{}..{}±{} {}{base}",
            self.low,
            self.high,
            self.tolerance,
            self.unit.describe()
        )
    }

    /// The compact normalized form shown in findings and reports:
    /// `£2.5 million (±0.05 million)`, `about USD 5 billion (±0.5 billion)`,
    /// `5 lakh rupees (±0.5 lakh)`, `2 % of gdp (±0.5)`, `3–5 % of gdp (±0.5)`,
    /// `200–999 tent`, `≥ 300 soldier`, `1,000 ft (±0.5)`. A measure is shown in the unit
    /// its source wrote, with the precision in that unit; money with its currency and
    /// magnitude as written (`WrittenMoney`), or, when none was written, the currency's
    /// symbol or code (`$ 55 billion`).
    ///
    /// Deterministic: every field that changes the comparison changes the text (the range,
    /// the unit, the base, the tolerance, "about"). Both ends are shown at the scale of the
    /// larger ("0.5–1 million"), with at most six decimals.
    #[must_use]
    pub fn describe(&self) -> String {
        // A measure is shown in the unit its source wrote ("1,000 ft (±0.5)").
        let source = self.source_unit();
        let per = source.map_or(1.0, |unit| unit.factor);
        let (low, high, tolerance) = (self.low / per, self.high / per, self.tolerance / per);
        let low_open = is_minus_infinity(low);
        let high_open = is_plus_infinity(high);
        let magnitude = finite_magnitude(low, high);
        // Money is shown with its currency and at its magnitude as written ("£2.5 million",
        // "5 lakh rupees", "£2,500,000").
        let money = self.money_as_written();
        let (divisor, word) = money
            .and_then(|money| money.magnitude)
            .and_then(named_magnitude)
            .unwrap_or_else(|| scale_of(magnitude));
        let shown = |value: f64| plain(value / divisor);
        let mut out = String::new();
        if self.approximate {
            out.push_str("about ");
        }
        let numbers = match (low_open, high_open) {
            (true, true) => "any value".to_owned(),
            (false, true) => {
                out.push_str("≥ ");
                shown(low)
            }
            (true, false) => {
                out.push_str("≤ ");
                shown(high)
            }
            (false, false) if same(low, high) => shown(low),
            // An en dash between negative numbers reads as a minus sign.
            (false, false) if low < 0.0 || high < 0.0 => {
                format!("{} to {}", shown(low), shown(high))
            }
            (false, false) => format!("{}–{}", shown(low), shown(high)),
        };
        match (&self.unit, money) {
            (Unit::Currency(_), Some(money)) => {
                out.push_str(&money.amount(&numbers, word));
            }
            (Unit::Currency(currency), None) => {
                out.push_str(currency.symbol());
                out.push(' ');
                out.push_str(&with_word(numbers, word));
            }
            _ => out.push_str(&with_word(numbers, word)),
        }
        match (&self.unit, source) {
            (Unit::None | Unit::Currency(_), _) => {}
            (_, Some(source)) => {
                let count = if high_open { low } else { high };
                out.push(' ');
                out.push_str(source.symbol_for(if word.is_empty() { count } else { 2.0 }));
            }
            (Unit::Measure(Dimension::Duration), None) => {
                let count = if high_open { low } else { high };
                let days = SourceUnit {
                    symbol: "days",
                    factor: 1.0,
                };
                out.push(' ');
                out.push_str(days.symbol_for(if word.is_empty() { count } else { 2.0 }));
            }
            (unit, None) => {
                out.push(' ');
                out.push_str(&unit.describe());
            }
        }
        if let Some(base) = &self.base {
            out.push_str(" of ");
            out.push_str(base);
        }
        if tolerance > 0.0 {
            // At the value's scale when it reads well there ("±0.5 billion"), else on its own.
            let tolerance = if tolerance * 1000.0 >= divisor {
                let mut text = plain(tolerance / divisor);
                if !word.is_empty() {
                    text.push(' ');
                    text.push_str(word);
                }
                text
            } else {
                readable(tolerance)
            };
            out.push_str(" (±");
            out.push_str(&tolerance);
            out.push(')');
        }
        out
    }

    /// How the source wrote this amount of money, when it wrote a currency to show.
    #[must_use]
    pub fn money_as_written(&self) -> Option<&WrittenMoney> {
        match self.unit {
            Unit::Currency(_) => self
                .written_money
                .as_deref()
                .filter(|money| money.before.is_some() || money.after.is_some()),
            _ => None,
        }
    }

    /// The unit the source wrote this measure in, when values are shown in it.
    #[must_use]
    pub fn source_unit(&self) -> Option<SourceUnit> {
        match self.unit {
            Unit::Measure(_) => self.written_in,
            _ => None,
        }
    }
}

impl Unit {
    /// Whether values in these two units can be compared: the same unit, or a bare number
    /// and a count (the count only says what is counted).
    #[must_use]
    pub fn compares_with(&self, other: &Unit) -> bool {
        self == other
            || matches!(
                (self, other),
                (Unit::None, Unit::Count(_)) | (Unit::Count(_), Unit::None)
            )
    }

    /// What values in this unit are, in words: "lengths", "amounts in GBP", "percentages",
    /// "counts of tent", "bare numbers".
    #[must_use]
    pub fn values_in(&self) -> String {
        match self {
            Unit::None => "bare numbers".to_owned(),
            Unit::Percent => "percentages".to_owned(),
            Unit::Currency(_) => format!("amounts in {}", self.describe()),
            Unit::Measure(dimension) => match dimension {
                Dimension::Length => "lengths",
                Dimension::Mass => "masses",
                Dimension::Area => "areas",
                Dimension::Duration => "durations",
                Dimension::Volume => "volumes",
                Dimension::Temperature => "temperatures",
                Dimension::TemperatureChange => "temperature differences",
            }
            .to_owned(),
            Unit::Count(noun) => format!("counts of {noun}"),
        }
    }

    /// The unit in words: `$ (ambiguous dollar)`, `USD`, `%`, `tent`, `m`, `no unit`.
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Unit::None => "no unit".to_owned(),
            Unit::Percent => "%".to_owned(),
            Unit::Currency(Currency::AmbiguousDollar) => "$ (ambiguous dollar)".to_owned(),
            Unit::Currency(Currency::AmbiguousYen) => "¥ (ambiguous yen or yuan)".to_owned(),
            Unit::Currency(Currency::AmbiguousRupee) => "Rs (ambiguous rupee)".to_owned(),
            Unit::Currency(Currency::Code(code)) => code.clone(),
            Unit::Measure(dimension) => dimension.base_unit().to_owned(),
            Unit::Count(noun) => noun.clone(),
        }
    }
}

impl Currency {
    /// The short form written before an amount: `$`, `¥`, or the code.
    #[must_use]
    pub fn symbol(&self) -> &str {
        match self {
            Currency::AmbiguousDollar => "$",
            Currency::AmbiguousYen => "¥",
            Currency::AmbiguousRupee => "Rs",
            Currency::Code(code) => code,
        }
    }
}

impl Dimension {
    /// The base unit values of this dimension are in: `m`, `kg`, `m²`, `days`.
    #[must_use]
    pub fn base_unit(self) -> &'static str {
        match self {
            Dimension::Length => "m",
            Dimension::Mass => "kg",
            Dimension::Area => "m²",
            Dimension::Duration => "days",
            Dimension::Volume => "L",
            Dimension::Temperature => "°C",
            Dimension::TemperatureChange => "°C (difference)",
        }
    }
}

/// A value at a readable scale: `55 billion`, `1.5 million`, `300,000`, `0.05`.
///
/// Values from a million up are shown in millions, billions or trillions; smaller ones with
/// thousands separators; at most six decimals, trailing zeros dropped.
#[must_use]
pub fn readable(value: f64) -> String {
    let (divisor, word) = scale_of(value.abs());
    let mut text = plain(value / divisor);
    if !word.is_empty() {
        text.push(' ');
        text.push_str(word);
    }
    text
}

/// The larger absolute value of the finite ends; 0 when neither is finite.
#[must_use]
pub fn finite_magnitude(low: f64, high: f64) -> f64 {
    [low, high]
        .into_iter()
        .filter(|v| v.is_finite())
        .map(f64::abs)
        .fold(0.0, f64::max)
}

/// `numbers` followed by their magnitude word, if any.
fn with_word(mut numbers: String, word: &str) -> String {
    if !word.is_empty() {
        numbers.push(' ');
        numbers.push_str(word);
    }
    numbers
}

/// The named scale a magnitude reads best at.
fn scale_of(magnitude: f64) -> (f64, &'static str) {
    const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    SCALES
        .iter()
        .find(|(divisor, _)| magnitude >= *divisor)
        .map_or((1.0, ""), |&(divisor, word)| (divisor, word))
}

/// A number with thousands separators and at most six decimals.
fn plain(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "∞" } else { "−∞" }.to_owned();
    }
    // Below a thousandth, six decimals would round a real value away: show it in full.
    let text = if value != 0.0 && value.abs() < 1e-3 {
        format!("{value}")
    } else {
        format!("{value:.6}")
    };
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    let (sign, digits) = match text.strip_prefix('-') {
        Some(digits) if digits != "0" => ("-", digits),
        Some(digits) => ("", digits),
        None => ("", text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

fn is_plus_infinity(value: f64) -> bool {
    value.is_infinite() && value > 0.0
}

fn is_minus_infinity(value: f64) -> bool {
    value.is_infinite() && value < 0.0
}

#[expect(
    clippy::float_cmp,
    reason = "a point value is one whose ends are the same number, exactly"
)]
fn same(a: f64, b: f64) -> bool {
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain quantity, nothing written beside it (shared with `money`'s tests).
    pub(super) fn quantity(low: f64, high: f64, tolerance: f64, unit: Unit) -> Quantity {
        Quantity {
            low,
            high,
            tolerance,
            unit,
            base: None,
            approximate: false,
            vague: false,
            written_in: None,
            written_money: None,
        }
    }

    #[test]
    fn describes_money_at_a_readable_scale_with_its_precision() {
        let dollars = quantity(55e9, 55e9, 0.5e9, Unit::Currency(Currency::AmbiguousDollar));
        assert_eq!(dollars.describe(), "$ 55 billion (±0.5 billion)");
        let usd = quantity(5e9, 5e9, 0.0, Unit::Currency(Currency::Code("USD".into())));
        assert_eq!(usd.describe(), "USD 5 billion");
        let range = quantity(
            5e5,
            1e6,
            0.5e6,
            Unit::Currency(Currency::Code("EUR".into())),
        );
        assert_eq!(range.describe(), "EUR 0.5–1 million (±0.5 million)");
    }

    #[test]
    fn describes_percentages_counts_and_measures() {
        let mut percent = quantity(3.0, 5.0, 0.0, Unit::Percent);
        percent.base = Some("gdp".into());
        assert_eq!(percent.describe(), "3–5 % of gdp");
        let tents = quantity(200.0, 999.0, 0.0, Unit::Count("tent".into()));
        assert_eq!(tents.describe(), "200–999 tent");
        let soldiers = quantity(300_000.0, 300_000.0, 0.5, Unit::Count("soldier".into()));
        assert_eq!(soldiers.describe(), "300,000 soldier (±0.5)");
        let road = quantity(40_000.0, 40_000.0, 500.0, Unit::Measure(Dimension::Length));
        assert_eq!(road.describe(), "40,000 m (±500)");
    }

    #[test]
    fn describes_bounds_approximations_and_negatives() {
        let more = quantity(300.0, f64::INFINITY, 0.0, Unit::Count("soldier".into()));
        assert_eq!(more.describe(), "≥ 300 soldier");
        let less = quantity(f64::NEG_INFINITY, 300.0, 0.0, Unit::None);
        assert_eq!(less.describe(), "≤ 300");
        let mut about = quantity(300.0, 300.0, 30.0, Unit::None);
        about.approximate = true;
        assert_eq!(about.describe(), "about 300 (±30)");
        let negative = quantity(-5.0, -3.0, 0.0, Unit::None);
        assert_eq!(negative.describe(), "-5 to -3");
        assert_eq!(quantity(-0.0, -0.0, 0.0, Unit::None).describe(), "0");
    }

    #[test]
    fn a_measure_is_described_in_the_unit_its_source_wrote() {
        let foot = SourceUnit::of(Dimension::Length, 0.304_8);
        assert_eq!(foot.map(|u| u.symbol), Some("ft"));
        let mut tower = quantity(304.8, 304.8, 0.152_4, Unit::Measure(Dimension::Length));
        tower.written_in = foot;
        assert_eq!(tower.describe(), "1,000 ft (±0.5)");
        let mut road = quantity(40_000.0, 48_000.0, 0.0, Unit::Measure(Dimension::Length));
        road.written_in = SourceUnit::of(Dimension::Length, 1_000.0);
        assert_eq!(road.describe(), "40–48 km");
        let mut term = quantity(365.25, 365.25, 0.0, Unit::Measure(Dimension::Duration));
        term.written_in = SourceUnit::of(Dimension::Duration, 365.25);
        assert_eq!(term.describe(), "1 year");
        term.high = 3.0 * 365.25;
        assert_eq!(term.describe(), "1–3 years");
        let day = quantity(1.0, 1.0, 0.5, Unit::Measure(Dimension::Duration));
        assert_eq!(day.describe(), "1 day (±0.5)");
        // The base unit has nothing to remember; an unknown size is shown in the base unit.
        assert_eq!(SourceUnit::of(Dimension::Length, 1.0), None);
        assert_eq!(SourceUnit::of(Dimension::Length, 0.3), None);
        // Only a measure is shown in a source unit.
        let mut count = quantity(5.0, 5.0, 0.0, Unit::Count("tent".into()));
        count.written_in = foot;
        assert_eq!(count.describe(), "5 tent");
    }

    #[test]
    fn units_describe_themselves() {
        assert_eq!(
            Unit::Currency(Currency::AmbiguousDollar).describe(),
            "$ (ambiguous dollar)"
        );
        assert_eq!(
            Unit::Currency(Currency::Code("USD".into())).describe(),
            "USD"
        );
        assert_eq!(Unit::Percent.describe(), "%");
        assert_eq!(Unit::Count("tent".into()).describe(), "tent");
        assert_eq!(Unit::Measure(Dimension::Length).describe(), "m");
    }

    #[test]
    fn readable_numbers() {
        assert_eq!(readable(15e9), "15 billion");
        assert_eq!(readable(1_234_567.0), "1.234567 million");
        assert_eq!(readable(300_000.0), "300,000");
        assert_eq!(readable(0.05), "0.05");
        assert_eq!(readable(-1500.0), "-1,500");
        assert_eq!(readable(0.000_12), "0.00012");
        assert_eq!(readable(1826.25), "1,826.25");
    }
}
