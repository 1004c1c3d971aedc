//! Comparing two numbers of one fact (DESIGN 2.3).
//!
//! Owns when two quantities can be compared at all (same unit, same base) and how their
//! ranges relate: equal, one refining the other, overlapping within tolerance, or in
//! conflict. Numbers have no "tension": a stated precision or a property's tolerance already
//! says how far apart they may be. Pure and symmetric; it must not parse text
//! (`normalize::number`) nor decide what to report (the verdict's caller does).

use crate::compare::verdict::Verdict;
use crate::model::quantity::{
    Dimension, Quantity, Tolerance, Unit, finite_magnitude, money_gap, readable,
};

/// The outcome of comparing two quantities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberComparison {
    /// Units and bases agree; the values relate as the verdict says.
    Comparable(Verdict),
    /// Units or bases differ; the reason in words ("$ (ambiguous dollar) and USD cannot be
    /// compared").
    Incomparable(String),
}

/// Compares two quantities; symmetric. `tolerance` is the property's, from `rules.toml`;
/// one with a unit applies only to values in a unit it compares with.
///
/// - **Equal**: same ends, unit and base (the stated precision may differ: "55 billion" and
///   "55.0 billion" are equal).
/// - **Refines**: one range contains the other ("hundreds of tents" and "300 tents"), or the
///   same range said more specifically (a base or a counted noun on one side only).
/// - **Compatible**: the ranges overlap once each is widened by its tolerance, the larger of
///   its own (stated precision, "about") and the property's.
/// - **Conflict**: disjoint even so.
///
/// A bare number compares with a count ("300" and "300 soldiers"); a percentage with a base
/// compares with one without. Anything else with different units or bases is
/// [`NumberComparison::Incomparable`].
#[must_use]
pub fn compare_quantities(
    a: &Quantity,
    b: &Quantity,
    tolerance: Option<&Tolerance>,
) -> NumberComparison {
    if let Some(reason) = incomparable(a, b) {
        return NumberComparison::Incomparable(reason);
    }
    NumberComparison::Comparable(verdict(a, b, tolerance))
}

/// How far apart two quantities are, in words: "differ by $15 billion (27%)",
/// "differ by 3 percentage points (60%)", "differ by 100 ft (9.1%)".
///
/// The distance is between the nearest ends; the percentage is of the larger magnitude.
/// A gap always names its unit: a measure's is the unit both values were written in ("ft"),
/// or the dimension's base unit ("m") when they were written in different units; money's is
/// the currency as both wrote it ("£", "Rs … lakh"), or the currency they were compared in
/// ("USD" for "US$" and "USD"). It is
/// rounded to the finer of the two values' stated precisions (a gap between "500 lb" and
/// "300 kg" is "73.2 kg", not "73.203815 kg"). Quantities that overlap "do not differ";
/// incomparable ones get the reason they cannot be compared.
#[must_use]
pub fn difference(a: &Quantity, b: &Quantity) -> String {
    if let Some(reason) = incomparable(a, b) {
        return reason;
    }
    let gap = a.low.max(b.low) - a.high.min(b.high);
    if gap.is_nan() || gap <= 0.0 {
        return "do not differ: the values overlap".to_owned();
    }
    let unit = if a.unit == Unit::None {
        &b.unit
    } else {
        &a.unit
    };
    let source = match (a.source_unit(), b.source_unit()) {
        (Some(x), Some(y)) if x == y => Some(x),
        _ => None,
    };
    let per = source.map_or(1.0, |unit| unit.factor);
    let shown = to_precision(gap / per, finer_precision(a, b) / per);
    let amount = match unit {
        Unit::None => readable(shown),
        Unit::Currency(currency) => {
            money_gap(currency, a.money_as_written(), b.money_as_written(), shown)
        }
        Unit::Percent => {
            let points = if same(shown, 1.0) { "point" } else { "points" };
            format!("{} percentage {points}", readable(shown))
        }
        Unit::Measure(_) if source.is_some() => {
            let symbol = source.map_or("", |unit| unit.symbol_for(shown));
            format!("{} {symbol}", readable(shown))
        }
        Unit::Measure(Dimension::Duration) => {
            let days = if same(shown, 1.0) { "day" } else { "days" };
            format!("{} {days}", readable(shown))
        }
        other => format!("{} {}", readable(shown), other.describe()),
    };
    let larger = magnitude(a).max(magnitude(b));
    if larger > 0.0 && larger.is_finite() {
        format!("differ by {amount} ({})", percentage(gap / larger * 100.0))
    } else {
        format!("differ by {amount}")
    }
}

/// The finer of two quantities' stated precisions (their tolerances), ignoring those that
/// state none; 0 when neither does.
fn finer_precision(a: &Quantity, b: &Quantity) -> f64 {
    [a.tolerance, b.tolerance]
        .into_iter()
        .filter(|t| *t > 0.0 && t.is_finite())
        .fold(
            0.0,
            |finest, t| if finest > 0.0 { finest.min(t) } else { t },
        )
}

/// `value` rounded to the power of ten below the step a precision of `precision` implies
/// (±0.5 is a step of 1: whole numbers; ±0.23 of 0.46: tenths). Unrounded when there is no
/// precision or rounding would leave nothing.
fn to_precision(value: f64, precision: f64) -> f64 {
    if precision <= 0.0 || !precision.is_finite() || !value.is_finite() {
        return value;
    }
    let step = 10f64.powf((2.0 * precision).log10().floor());
    if !step.is_finite() || step <= 0.0 {
        return value;
    }
    let rounded = (value / step).round() * step;
    if rounded == 0.0 || !rounded.is_finite() {
        value
    } else {
        rounded
    }
}

/// Why two quantities cannot be compared, if they cannot; the same words whichever comes
/// first, so that the comparison stays symmetric.
fn incomparable(a: &Quantity, b: &Quantity) -> Option<String> {
    if [a.low, a.high, b.low, b.high].iter().any(|v| v.is_nan()) {
        return Some("a value that is not a number cannot be compared".to_owned());
    }
    if !units_agree(&a.unit, &b.unit) {
        let reason = match (&a.unit, &b.unit) {
            (Unit::None, other) | (other, Unit::None) => {
                format!("a bare number and {} cannot be compared", other.describe())
            }
            (Unit::Count(_), Unit::Count(_)) => {
                let (x, y) = in_order(a.unit.describe(), b.unit.describe());
                format!("counts of {x} and of {y} cannot be compared")
            }
            _ => {
                let (x, y) = in_order(a.unit.describe(), b.unit.describe());
                format!("{x} and {y} cannot be compared")
            }
        };
        return Some(reason);
    }
    if let (Some(x), Some(y)) = (&a.base, &b.base) {
        if x != y {
            let (x, y) = in_order(x.clone(), y.clone());
            let what = if a.unit == Unit::Percent {
                "percentages"
            } else {
                "values"
            };
            return Some(format!("{what} of {x} and of {y} cannot be compared"));
        }
    }
    None
}

/// Same unit, or a bare number and a count (the count only says what is counted).
fn units_agree(a: &Unit, b: &Unit) -> bool {
    a.compares_with(b)
}

fn verdict(a: &Quantity, b: &Quantity, tolerance: Option<&Tolerance>) -> Verdict {
    if same(a.low, b.low) && same(a.high, b.high) && a.unit == b.unit && a.base == b.base {
        return Verdict::Equal;
    }
    if contains(a, b) || contains(b, a) {
        return Verdict::Refines;
    }
    // Distance between the ranges as stated; ranges that touch ("up to 300", "at least 300")
    // agree.
    let gap = a.low.max(b.low) - a.high.min(b.high);
    if gap <= 0.0 {
        return Verdict::Compatible;
    }
    // Stated precision makes half-open intervals: "2%" is [1.5, 2.5) and "3%" is [2.5, 3.5),
    // so values that only meet at a rounding boundary disagree. A property's tolerance is how
    // far apart values may be and still agree, boundary included. The epsilon absorbs float
    // error in decimal precision (2.4 + 0.05 against 2.5 - 0.05).
    let precision = a.tolerance + b.tolerance;
    let allowed = match tolerance {
        Some(Tolerance::Relative(fraction)) => fraction * magnitude(a).max(magnitude(b)),
        Some(Tolerance::Absolute(amount)) => *amount,
        // An amount with a unit holds for values in that unit only ("10 m" says nothing
        // about kilograms).
        Some(Tolerance::Measured(amount, unit))
            if unit.compares_with(&a.unit) && unit.compares_with(&b.unit) =>
        {
            *amount
        }
        None | Some(Tolerance::Measured(..)) => 0.0,
    };
    let epsilon = 1e-9 * magnitude(a).max(magnitude(b)).max(1.0);
    let within = if allowed > 0.0 {
        gap <= precision + allowed + epsilon
    } else {
        gap < precision - epsilon
    };
    if within {
        Verdict::Compatible
    } else {
        Verdict::Conflict
    }
}

fn contains(outer: &Quantity, inner: &Quantity) -> bool {
    outer.low <= inner.low && inner.high <= outer.high
}

/// The larger absolute value of the finite ends.
fn magnitude(q: &Quantity) -> f64 {
    finite_magnitude(q.low, q.high)
}

fn in_order(x: String, y: String) -> (String, String) {
    if x <= y { (x, y) } else { (y, x) }
}

fn percentage(value: f64) -> String {
    if value >= 10.0 {
        format!("{value:.0}%")
    } else if value >= 1.0 {
        let text = format!("{value:.1}");
        format!("{}%", text.trim_end_matches('0').trim_end_matches('.'))
    } else {
        "<1%".to_owned()
    }
}

#[expect(
    clippy::float_cmp,
    reason = "Equal means the very same ends; near misses are what tolerance is for"
)]
fn same(a: f64, b: f64) -> bool {
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quantity::{Currency, Dimension};
    use crate::normalize::number::parse_number;
    use proptest::prelude::*;

    fn q(text: &str) -> Quantity {
        parse_number(text).unwrap_or_else(|e| panic!("`{text}`: {}", e.message))
    }

    /// The comparison both ways round, asserting they agree.
    #[allow(clippy::needless_pass_by_value)] // tests read better with owned tolerances
    fn compare(a: &str, b: &str, tolerance: Option<Tolerance>) -> NumberComparison {
        let (a, b) = (q(a), q(b));
        let forward = compare_quantities(&a, &b, tolerance.as_ref());
        assert_eq!(
            forward,
            compare_quantities(&b, &a, tolerance.as_ref()),
            "not symmetric"
        );
        forward
    }

    fn verdict_of(a: &str, b: &str) -> Verdict {
        match compare(a, b, None) {
            NumberComparison::Comparable(verdict) => verdict,
            NumberComparison::Incomparable(reason) => panic!("{a} / {b}: {reason}"),
        }
    }

    fn reason(a: &str, b: &str) -> String {
        match compare(a, b, None) {
            NumberComparison::Comparable(verdict) => panic!("{a} / {b}: {verdict}"),
            NumberComparison::Incomparable(reason) => reason,
        }
    }

    #[test]
    fn equal_values_whatever_the_spelling() {
        assert_eq!(verdict_of("$55 billion", "$55bn"), Verdict::Equal);
        assert_eq!(verdict_of("55.3 billion", "55,300,000,000"), Verdict::Equal);
        assert_eq!(
            verdict_of("3-5%", "between 3 and 5 percent"),
            Verdict::Equal
        );
        assert_eq!(
            verdict_of(
                "2% of gross domestic product",
                "2% of its gross domestic product"
            ),
            Verdict::Equal
        );
    }

    #[test]
    fn a_contained_range_refines() {
        assert_eq!(
            verdict_of("hundreds of tents", "300 tents"),
            Verdict::Refines
        );
        assert_eq!(verdict_of("$5-6 billion", "$5.5 billion"), Verdict::Refines);
        assert_eq!(verdict_of("more than 300", "500"), Verdict::Refines);
    }

    #[test]
    fn the_same_range_said_more_specifically_refines() {
        assert_eq!(verdict_of("300", "300 tents"), Verdict::Refines);
        assert_eq!(verdict_of("2%", "2% of GDP"), Verdict::Refines);
    }

    #[test]
    fn overlap_within_tolerance_is_compatible() {
        assert_eq!(
            verdict_of("55 billion", "55.3 billion"),
            Verdict::Compatible
        );
        assert_eq!(verdict_of("about 300", "320"), Verdict::Compatible);
        assert_eq!(verdict_of("3 to 5%", "4 to 6%"), Verdict::Compatible);
    }

    #[test]
    fn disjoint_beyond_tolerance_is_a_conflict() {
        assert_eq!(verdict_of("$55 billion", "$70 billion"), Verdict::Conflict);
        assert_eq!(verdict_of("more than 300", "200"), Verdict::Conflict);
        assert_eq!(
            verdict_of("300 soldiers", "hundreds of thousands"),
            Verdict::Conflict
        );
    }

    #[test]
    fn the_property_tolerance_widens_both_sides() {
        assert_eq!(
            compare("300", "310", None),
            NumberComparison::Comparable(Verdict::Conflict)
        );
        assert_eq!(
            compare("300", "310", Some(Tolerance::Relative(0.05))),
            NumberComparison::Comparable(Verdict::Compatible)
        );
        assert_eq!(
            compare("300", "320", Some(Tolerance::Absolute(5.0))),
            NumberComparison::Comparable(Verdict::Conflict)
        );
        // The property's tolerance bounds the gap itself, boundary included: 300 and 320
        // are 20 apart.
        assert_eq!(
            compare("300", "320", Some(Tolerance::Absolute(10.0))),
            NumberComparison::Comparable(Verdict::Conflict)
        );
        assert_eq!(
            compare("300", "320", Some(Tolerance::Absolute(20.0))),
            NumberComparison::Comparable(Verdict::Compatible)
        );
        // Only the finite end of a bound counts towards a relative tolerance.
        assert_eq!(
            compare("more than 300", "290", Some(Tolerance::Relative(0.05))),
            NumberComparison::Comparable(Verdict::Compatible)
        );
    }

    #[test]
    fn a_tolerance_with_a_unit_holds_for_values_in_that_unit_only() {
        let ten_metres = Some(Tolerance::Measured(10.0, Unit::Measure(Dimension::Length)));
        // 1,000 ft and 1,020 ft are 6.096 m apart.
        assert_eq!(
            compare("1,000 ft", "1,020 ft", ten_metres.clone()),
            NumberComparison::Comparable(Verdict::Compatible)
        );
        assert_eq!(
            compare("1,000 ft", "1,040 ft", ten_metres.clone()),
            NumberComparison::Comparable(Verdict::Conflict)
        );
        // Ten metres say nothing about kilograms.
        assert_eq!(
            compare("300 kg", "305 kg", ten_metres),
            NumberComparison::Comparable(Verdict::Conflict)
        );
        // Counts and bare numbers compare, so a count's tolerance holds for both.
        let five = Some(Tolerance::Measured(5.0, Unit::Count("soldier".into())));
        assert_eq!(
            compare("300", "304 soldiers", five),
            NumberComparison::Comparable(Verdict::Compatible)
        );
        let points = Some(Tolerance::Measured(1.0, Unit::Percent));
        assert_eq!(
            compare("2%", "3%", points.clone()),
            NumberComparison::Comparable(Verdict::Compatible)
        );
        assert_eq!(
            compare("2%", "5%", points),
            NumberComparison::Comparable(Verdict::Conflict)
        );
    }

    #[test]
    fn an_ambiguous_dollar_is_not_us_dollars() {
        assert_eq!(
            reason("$55 billion", "USD 55 billion"),
            "$ (ambiguous dollar) and USD cannot be compared"
        );
    }

    #[test]
    fn different_currencies_are_incomparable() {
        assert_eq!(
            reason("€5 billion", "£5 billion"),
            "EUR and GBP cannot be compared"
        );
    }

    #[test]
    fn different_bases_are_incomparable() {
        assert_eq!(
            reason("2% of GDP", "2% of GNP"),
            "percentages of gdp and of gnp cannot be compared"
        );
    }

    #[test]
    fn percentages_money_and_measures_are_incomparable() {
        assert_eq!(
            reason("2%", "$2 billion"),
            "$ (ambiguous dollar) and % cannot be compared"
        );
        assert_eq!(reason("2 km", "2 kg"), "kg and m cannot be compared");
        assert_eq!(reason("2", "2%"), "a bare number and % cannot be compared");
    }

    #[test]
    fn different_counted_nouns_are_incomparable() {
        assert_eq!(
            reason("300 tents", "300 soldiers"),
            "counts of soldier and of tent cannot be compared"
        );
    }

    #[test]
    fn not_a_number_is_incomparable() {
        let mut nan = q("300");
        nan.low = f64::NAN;
        assert!(matches!(
            compare_quantities(&nan, &q("300"), None),
            NumberComparison::Incomparable(_)
        ));
    }

    #[test]
    fn difference_between_nearest_ends() {
        assert_eq!(
            difference(&q("$40 billion"), &q("$55 billion")),
            "differ by $15 billion (27%)"
        );
        assert_eq!(
            difference(&q("2%"), &q("5%")),
            "differ by 3 percentage points (60%)"
        );
        assert_eq!(
            difference(&q("hundreds of tents"), &q("1,200 tents")),
            "differ by 201 tent (17%)"
        );
        assert_eq!(difference(&q("1,000"), &q("1,001")), "differ by 1 (<1%)");
    }

    #[test]
    fn a_gap_between_values_in_one_unit_is_in_that_unit() {
        assert_eq!(
            difference(&q("1,000 ft"), &q("1,100 feet")),
            "differ by 100 ft (9.1%)"
        );
        assert_eq!(
            difference(&q("10 km"), &q("10.5 km")),
            "differ by 0.5 km (4.8%)"
        );
        assert_eq!(
            difference(&q("26.2 miles"), &q("30 mi")),
            "differ by 3.8 mi (13%)"
        );
        assert_eq!(
            difference(&q("3 years"), &q("5 years")),
            "differ by 2 years (40%)"
        );
        assert_eq!(
            difference(&q("1 week"), &q("2 weeks")),
            "differ by 1 week (50%)"
        );
        assert_eq!(
            difference(&q("2 days"), &q("3 days")),
            "differ by 1 day (33%)"
        );
        assert_eq!(
            difference(&q("40 metres"), &q("45 metres")),
            "differ by 5 m (11%)"
        );
    }

    #[test]
    fn a_gap_between_values_in_different_units_is_in_the_base_unit_at_their_precision() {
        assert_eq!(
            difference(&q("500 lb"), &q("300 kg")),
            "differ by 73.2 kg (24%)"
        );
        assert_eq!(
            difference(&q("1 mile"), &q("1,500 metres")),
            "differ by 109 m (6.8%)"
        );
    }

    #[test]
    fn every_gap_names_its_unit() {
        for (a, b) in [
            ("1,000 ft", "1,100 ft"),
            ("2 kg", "5 kg"),
            ("2 hectares", "5 hectares"),
            ("3 hours", "5 hours"),
            ("$1 million", "$2 million"),
            ("2%", "4%"),
            ("300 tents", "500 tents"),
        ] {
            let text = difference(&q(a), &q(b));
            let amount = text
                .strip_prefix("differ by ")
                .and_then(|rest| rest.split(" (").next())
                .unwrap_or_default();
            assert!(
                amount.chars().any(char::is_alphabetic) || amount.starts_with('$'),
                "{a} / {b}: {text}"
            );
        }
    }

    #[test]
    fn a_gap_in_money_is_in_the_currency_and_magnitude_both_values_were_written_in() {
        let gap = |a: &str, b: &str| {
            let text = difference(&q(a), &q(b));
            assert_eq!(text, difference(&q(b), &q(a)), "symmetric");
            text
        };
        assert_eq!(gap("£2.5 million", "£5m"), "differ by £2.5 million (50%)");
        assert_eq!(
            gap("5 million dollars", "8 million dollars"),
            "differ by 3 million dollars (38%)"
        );
        assert_eq!(gap("Rs 5 lakh", "Rs 8 lakh"), "differ by Rs 3 lakh (38%)");
        // Written differently: in the currency both were read as, at a magnitude they share.
        assert_eq!(
            gap("5 lakh rupees", "Rs 8 lakh"),
            "differ by Rs 3 lakh (38%)"
        );
        assert_eq!(
            gap("US$40 million", "USD 55 million"),
            "differ by USD 15 million (27%)"
        );
        assert_eq!(gap("€2,500", "2,600 euros"), "differ by EUR 100 (3.8%)");
        // Digits in full stay in full; a magnitude written on one side only reads as usual.
        assert_eq!(
            gap("£2,500,000", "£5,000,000"),
            "differ by £2,500,000 (50%)"
        );
        assert_eq!(
            gap("£2,500,000", "£5 million"),
            "differ by £2.5 million (50%)"
        );
    }

    #[test]
    fn difference_of_overlapping_or_incomparable_values() {
        assert_eq!(
            difference(&q("3 to 5%"), &q("4%")),
            "do not differ: the values overlap"
        );
        assert_eq!(
            difference(&q("$5 billion"), &q("USD 6 billion")),
            "$ (ambiguous dollar) and USD cannot be compared"
        );
    }

    fn any_unit() -> impl Strategy<Value = Unit> {
        prop::sample::select(vec![
            Unit::None,
            Unit::Percent,
            Unit::Count("tent".to_owned()),
            Unit::Count("soldier".to_owned()),
            Unit::Currency(Currency::AmbiguousDollar),
            Unit::Currency(Currency::Code("USD".to_owned())),
            Unit::Measure(Dimension::Length),
        ])
    }

    fn any_end() -> impl Strategy<Value = f64> {
        prop_oneof![
            8 => -1e6..1e6f64,
            1 => Just(0.0),
            1 => Just(f64::INFINITY),
        ]
    }

    fn any_quantity() -> impl Strategy<Value = Quantity> {
        (
            any_end(),
            any_end(),
            0.0..1e4f64,
            any_unit(),
            prop::option::of(prop::sample::select(vec![
                "gdp".to_owned(),
                "gnp".to_owned(),
            ])),
            any::<bool>(),
        )
            .prop_map(|(a, b, tolerance, unit, base, open_below)| {
                let (low, high) = (a.min(b), a.max(b));
                Quantity {
                    low: if open_below { f64::NEG_INFINITY } else { low },
                    high,
                    tolerance,
                    unit,
                    base,
                    approximate: false,
                    vague: false,
                    written_in: None,
                    written_money: None,
                }
            })
    }

    fn any_tolerance() -> impl Strategy<Value = Option<Tolerance>> {
        prop_oneof![
            Just(None),
            (0.0..0.5f64).prop_map(|r| Some(Tolerance::Relative(r))),
            (0.0..1e4f64).prop_map(|x| Some(Tolerance::Absolute(x))),
            (0.0..1e4f64, any_unit()).prop_map(|(x, unit)| Some(Tolerance::Measured(x, unit))),
        ]
    }

    const SAMPLES: &[&str] = &[
        "55",
        "$55 billion",
        "USD 5 billion",
        "2% of GDP",
        "3 to 5 percent of their GDP",
        "hundreds of tents",
        "more than 300 soldiers",
        "less than 300",
        "about 40 km",
        "nearly 300",
        "a few",
        "millions of dollars",
        "between 3 and 5%",
        "-3",
        "twenty-five",
        "€5-6bn",
        "up to 300,000 troops",
        "3 years",
        "0",
        "US$40 million",
        "40 million USD",
        "£2,500,000",
        "£5m",
        "Rs 5 lakh",
        "5 lakh rupees",
    ];

    proptest! {
        #[test]
        fn comparison_is_symmetric(
            a in any_quantity(),
            b in any_quantity(),
            tolerance in any_tolerance(),
        ) {
            prop_assert_eq!(
                compare_quantities(&a, &b, tolerance.as_ref()),
                compare_quantities(&b, &a, tolerance.as_ref())
            );
            prop_assert_eq!(difference(&a, &b), difference(&b, &a));
        }

        #[test]
        fn parsed_comparison_is_symmetric(
            a in prop::sample::select(SAMPLES),
            b in prop::sample::select(SAMPLES),
            tolerance in any_tolerance(),
        ) {
            let (a, b) = (q(a), q(b));
            prop_assert_eq!(
                compare_quantities(&a, &b, tolerance.as_ref()),
                compare_quantities(&b, &a, tolerance.as_ref())
            );
            prop_assert_eq!(difference(&a, &b), difference(&b, &a));
            // How money was written is shown, never compared.
            let unwritten = |q: &Quantity| Quantity { written_money: None, ..q.clone() };
            prop_assert_eq!(
                compare_quantities(&a, &b, tolerance.as_ref()),
                compare_quantities(&unwritten(&a), &unwritten(&b), tolerance.as_ref())
            );
        }

        #[test]
        fn every_value_equals_itself(a in any_quantity(), tolerance in any_tolerance()) {
            prop_assert_eq!(
                compare_quantities(&a, &a.clone(), tolerance.as_ref()),
                NumberComparison::Comparable(Verdict::Equal)
            );
        }

        #[test]
        fn every_parsed_value_equals_itself(text in prop::sample::select(SAMPLES)) {
            let a = q(text);
            prop_assert_eq!(
                compare_quantities(&a, &q(text), None),
                NumberComparison::Comparable(Verdict::Equal)
            );
        }
    }
}

#[cfg(test)]
mod boundary_tests {
    use super::*;
    use crate::normalize::number::parse_number;

    fn verdict_of(a: &str, b: &str) -> NumberComparison {
        let (a, b) = (parse_number(a).unwrap(), parse_number(b).unwrap());
        compare_quantities(&a, &b, None)
    }

    #[test]
    fn values_meeting_only_at_a_rounding_boundary_conflict() {
        let conflict = NumberComparison::Comparable(Verdict::Conflict);
        assert_eq!(verdict_of("2% of GDP", "3% of GDP"), conflict);
        assert_eq!(verdict_of("$55 billion", "$56 billion"), conflict);
        assert_eq!(verdict_of("2.4%", "2.5%"), conflict);
        assert_eq!(verdict_of("2.5%", "2.4%"), conflict);
    }

    #[test]
    fn values_within_each_others_precision_are_compatible() {
        let compatible = NumberComparison::Comparable(Verdict::Compatible);
        assert_eq!(verdict_of("$55 billion", "$55.3 billion"), compatible);
        assert_eq!(verdict_of("up to 300", "at least 300"), compatible);
    }
}
