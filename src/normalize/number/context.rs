//! What the rest of a property says about one of its values: the reading of an ambiguous
//! unit ("5m", "20 degrees") that fits the property's other values, and whether a
//! parenthesised equivalent ("1,000 feet (305 m)") agrees with the value it follows.
//!
//! Owns the rule, after parsing, that decides an ambiguous unit: the value's own text first
//! (done by the parser: "$5m" is money, "12.5m tall" is a length), then the units of the same
//! property's unambiguous values, then the text's default ("m" alone is metres); a value that
//! none of these decides stays undecided, and the caller reports it on its claim. It must not
//! parse text (`grammar`) nor compare values for a verdict (`compare::number`).

use super::{NumberError, Reading, TemperatureScale};
use crate::model::quantity::{Currency, Dimension, Quantity, Unit};

/// How far apart a value and its parenthesised equivalent may be beyond their stated
/// precisions: conversions are commonly rounded a little further than the digits show
/// ("62 miles (100 km)").
const EQUIVALENT_SLACK: f64 = 0.01;

/// A value, or why it could not be decided.
pub type Decided = Result<Quantity, NumberError>;

/// Decides every reading from its property's other values.
///
/// `readings[i]` is the reading of value `i` (or `None` when it was not read as a number),
/// and `property[i]` the property it belongs to. A value read one way keeps that reading; an
/// ambiguous one takes the only reading whose unit is also used by an unambiguous value of
/// its property ("5m" beside "4.8 km" is metres; beside "$4.8m" it is 5 million dollars),
/// else its default when no reading fits, and is undecided when several do or none fits
/// and there is no default.
#[must_use]
pub fn decide(readings: &[Option<&Reading>], property: &[usize]) -> Vec<Option<Decided>> {
    let properties = property.iter().copied().max().map_or(0, |p| p + 1);
    let mut known: Vec<Vec<Known<'_>>> = vec![Vec::new(); properties];
    for (reading, &p) in readings.iter().zip(property) {
        let Some(reading) = reading else { continue };
        let decided = reading.default == Some(0);
        if let ([only], Some(list), true) = (reading.readings.as_slice(), known.get_mut(p), decided)
        {
            list.push((only, reading.scales.first().copied().flatten()));
        }
    }
    readings
        .iter()
        .zip(property)
        .map(|(reading, &p)| {
            let reading = (*reading)?;
            let others = known.get(p).map_or(&[][..], Vec::as_slice);
            Some(choose(reading, others))
        })
        .collect()
}

/// An unambiguous value of a property, with the temperature scale it is written in.
type Known<'a> = (&'a Quantity, Option<TemperatureScale>);

/// One reading decided from the property's unambiguous values.
fn choose(reading: &Reading, others: &[Known<'_>]) -> Decided {
    let undecided = || {
        reading.ambiguity.clone().unwrap_or_else(|| NumberError {
            message: "the value can be read in more than one unit".to_owned(),
            hint: None,
        })
    };
    if let ([only], Some(0)) = (reading.readings.as_slice(), reading.default) {
        return Ok(only.clone());
    }
    let fitting: Vec<&Quantity> = reading
        .readings
        .iter()
        .zip(reading.scales.iter().chain(std::iter::repeat(&None)))
        .filter(|(candidate, scale)| {
            others.iter().any(|(other, other_scale)| {
                same_kind(&candidate.unit, &other.unit) && *scale == other_scale
            })
        })
        .map(|(candidate, _)| candidate)
        .collect();
    // A property whose values include a measure no reading can be ("2m" beside "3 minutes")
    // says nothing about which reading is meant: the value is undecidable.
    let unexplained = others.iter().any(|(other, _)| {
        matches!(other.unit, Unit::Measure(_))
            && !reading
                .readings
                .iter()
                .any(|candidate| same_kind(&candidate.unit, &other.unit))
    });
    match fitting.as_slice() {
        _ if unexplained => Err(undecided()),
        [one] => Ok(with_currency_of(one, others)),
        [] => reading
            .default
            .and_then(|i| reading.readings.get(i))
            .cloned()
            .ok_or_else(undecided),
        _ => Err(undecided()),
    }
}

/// Whether two units are of one kind: the same dimension, or both plain amounts (a bare
/// number, a count or money: "5m" is a million beside "$4.8m" and beside "4.8m people").
fn same_kind(a: &Unit, b: &Unit) -> bool {
    let amount = |u: &Unit| matches!(u, Unit::None | Unit::Count(_) | Unit::Currency(_));
    match (a, b) {
        (Unit::Measure(x), Unit::Measure(y)) => x == y,
        (x, y) => x == y || (amount(x) && amount(y)),
    }
}

/// A bare amount read beside money takes the property's currency when every other value is
/// money in one currency ("5m" beside "$4.8m" and "$5.1m" is $5 million).
fn with_currency_of(quantity: &Quantity, others: &[Known<'_>]) -> Quantity {
    let mut chosen = quantity.clone();
    if chosen.unit != Unit::None {
        return chosen;
    }
    let mut currencies = others.iter().map(|(other, _)| match &other.unit {
        Unit::Currency(currency) => Some(currency),
        _ => None,
    });
    let first: Option<&Currency> = currencies.next().flatten();
    if let Some(currency) = first {
        if currencies.all(|c| c == Some(currency)) {
            chosen.unit = Unit::Currency(currency.clone());
        }
    }
    chosen
}

/// Why a parenthesised equivalent does not match its value, if it does not: in words,
/// with the equivalent converted to the value's unit. An equivalent in a unit that cannot be
/// converted to the value's (another currency, a bare number such as a year) is not checked.
#[must_use]
pub fn inconsistent(value: &Quantity, equivalent: &Quantity) -> Option<String> {
    if value.unit != equivalent.unit || !matches!(value.unit, Unit::Measure(_)) {
        return None;
    }
    let slack = EQUIVALENT_SLACK
        * value
            .low
            .abs()
            .max(value.high.abs())
            .max(equivalent.high.abs());
    let gap = value.low.max(equivalent.low) - value.high.min(equivalent.high);
    let allowed = value.tolerance + equivalent.tolerance + slack;
    if gap.is_nan() || gap <= allowed {
        return None;
    }
    let unit = match value.unit {
        Unit::Measure(dimension) => dimension.base_unit(),
        _ => "",
    };
    let shown = |q: &Quantity| {
        if matches!(value.unit, Unit::Measure(Dimension::Temperature)) {
            format!("{:.1} {unit}", q.low)
        } else {
            format!("{} {unit}", significant(q.low))
        }
    };
    Some(format!(
        "the equivalent in parentheses is {}, but the value is {}",
        shown(equivalent),
        shown(value)
    ))
}

/// A converted value to four significant digits, for messages ("304.8").
fn significant(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return format!("{value}");
    }
    let digits = 4 - 1 - value.abs().log10().floor() as i32;
    let decimals = usize::try_from(digits.max(0)).unwrap_or(0);
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::number::{parse_number, read_number};

    fn decided(values: &[&str]) -> Vec<Result<Unit, String>> {
        let readings: Vec<Reading> = values
            .iter()
            .map(|v| read_number(v).unwrap_or_else(|e| panic!("{v}: {}", e.message)))
            .collect();
        let refs: Vec<Option<&Reading>> = readings.iter().map(Some).collect();
        decide(&refs, &vec![0; values.len()])
            .into_iter()
            .map(|d| match d {
                Some(Ok(q)) => Ok(q.unit),
                Some(Err(e)) => Err(e.message),
                None => Err("not read".to_owned()),
            })
            .collect()
    }

    const METRES: Unit = Unit::Measure(Dimension::Length);

    #[test]
    fn a_bare_m_follows_the_property() {
        assert_eq!(decided(&["5m", "4.8 km"])[0], Ok(METRES));
        let dollars = Unit::Currency(Currency::AmbiguousDollar);
        assert_eq!(decided(&["5m", "$4.8m", "$5.1 million"])[0], Ok(dollars));
        assert_eq!(decided(&["5m", "4.8 million people"])[0], Ok(Unit::None));
        assert_eq!(decided(&["5m"])[0], Ok(METRES), "alone, `m` is metres");
        assert!(
            decided(&["5m", "3 kg"])[0].is_err(),
            "a mass fits no reading: undecidable"
        );
        assert!(
            decided(&["2m", "3 minutes", "2 more minutes"])[0].is_err(),
            "durations fit no reading, whatever the counts say"
        );
    }

    #[test]
    fn pounds_are_sterling_unless_the_property_weighs() {
        let gbp = Unit::Currency(Currency::Code("GBP".into()));
        assert_eq!(decided(&["5 pounds"])[0], Ok(gbp.clone()));
        assert_eq!(decided(&["5 pounds", "£4"])[0], Ok(gbp));
        let mass = Unit::Measure(Dimension::Mass);
        assert_eq!(decided(&["5 pounds", "2.3 kg"])[0], Ok(mass.clone()));
        assert_eq!(decided(&["5 pounds", "5 lb"])[0], Ok(mass));
        assert!(decided(&["5 pounds", "2 kg", "£3"])[0].is_err());
    }

    #[test]
    fn a_bare_m_of_something_has_no_default() {
        assert!(decided(&["5m of funding", "$4 million"])[0].is_err());
        assert!(decided(&["5m of funding"])[0].is_err());
        assert_eq!(
            decided(&["5m of cable", "40 metres of cable"])[0],
            Ok(METRES)
        );
    }

    #[test]
    fn a_bare_m_beside_both_lengths_and_money_is_undecided() {
        let both = decided(&["5m", "4 km", "$3 million"]);
        assert!(
            both[0]
                .as_ref()
                .is_err_and(|e| e.contains("million or metres"))
        );
        assert_eq!(both[1], Ok(METRES));
    }

    #[test]
    fn bare_degrees_follow_the_property_or_stay_undecided() {
        let celsius = Unit::Measure(Dimension::Temperature);
        let with_celsius = read_number("20 degrees").ok();
        let known = parse_number("22 °C").ok();
        assert!(with_celsius.is_some() && known.is_some());
        assert_eq!(decided(&["20 degrees", "22°C"])[0], Ok(celsius.clone()));
        let fahrenheit = decided(&["70 degrees", "68 °F"]);
        assert_eq!(fahrenheit[0], Ok(celsius));
        assert!(decided(&["20 degrees"])[0].is_err());
        assert!(decided(&["20 degrees", "15"])[0].is_err());
    }

    #[test]
    fn degrees_take_the_scale_of_the_other_values() {
        let readings = [read_number("68 degrees"), read_number("20 °C")];
        let refs: Vec<Option<&Reading>> = readings.iter().map(|r| r.as_ref().ok()).collect();
        let fahrenheit = [read_number("68 degrees"), read_number("70 °F")];
        let f_refs: Vec<Option<&Reading>> = fahrenheit.iter().map(|r| r.as_ref().ok()).collect();
        let low = |d: &[Option<Decided>]| match d.first() {
            Some(Some(Ok(q))) => q.low,
            _ => f64::NAN,
        };
        assert!((low(&decide(&refs, &[0, 0])) - 68.0).abs() < 1e-9);
        assert!((low(&decide(&f_refs, &[0, 0])) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn properties_are_decided_apart() {
        let readings = [read_number("5m"), read_number("$4m"), read_number("3 km")];
        let refs: Vec<Option<&Reading>> = readings.iter().map(|r| r.as_ref().ok()).collect();
        let out = decide(&refs, &[0, 0, 1]);
        assert!(matches!(&out[0], Some(Ok(q)) if matches!(q.unit, Unit::Currency(_))));
    }

    #[test]
    fn equivalents_in_parentheses_are_checked() {
        let check = |text: &str| read_number(text).ok().and_then(|r| r.inconsistency);
        assert_eq!(check("1,000 feet (305 m)"), None);
        assert_eq!(check("62 miles (100 km)"), None);
        assert_eq!(check("8,849 m (29,032 ft)"), None);
        assert_eq!(check("100 °F (37.8 °C)"), None);
        let wrong = check("1,000 feet (350 m)");
        assert!(
            wrong
                .as_deref()
                .is_some_and(|w| w.contains("350 m") && w.contains("304.8 m")),
            "{wrong:?}"
        );
        assert!(check("100 °F (20 °C)").is_some());
        assert_eq!(
            check("€5 billion ($5.5 billion)"),
            None,
            "not convertible: not checked"
        );
        assert_eq!(
            check("300 km (2019)"),
            None,
            "a year in parentheses is not checked"
        );
    }

    #[test]
    fn the_first_figure_is_the_value() {
        let q = parse_number("1,000 feet (350 m)").ok();
        assert!(q.is_some_and(|q| (q.low - 304.8).abs() < 1e-9));
    }
}
