//! A property's `tolerance` in `rules.toml`: reading it, and checking that its unit fits the
//! property's values.
//!
//! Owns the forms a tolerance takes: a percentage (`"5%"`: relative to the larger value), an
//! amount with its unit (`"10 m"`, `"500 ft"`, `"$1 million"`, `"3 days"`, `"0.5 percentage
//! points"`: converted to the unit's canonical scale, for values it compares with), or a bare
//! number (`1000`, `"1,000"`: an amount in the canonical unit of whichever values it
//! compares). Amounts are read by `normalize::number`, as claim values are. It must not
//! compare values (`compare::number` applies the tolerance).

use crate::files::Span;
use crate::findings::{Code, Finding};
use crate::load::scalar::RawScalar;
use crate::model::quantity::{Dimension, Tolerance, Unit};
use crate::model::{EntityId, Namespace, Value, ValueKind};
use crate::normalize::claims::Draft;
use crate::normalize::number::parse_number;
use crate::normalize::rules::PropertySettings;

/// The help of every tolerance problem: the forms it takes.
const FORMS: &str = "write a relative tolerance as `\"5%\"`, an amount with its unit as \
    `\"10 m\"`, `\"500 ft\"`, `\"$1 million\"` or `\"0.5 percentage points\"`, or a bare \
    number (`1000`), which is in the base unit of the values it compares (metres, \
    kilograms, days, the currency's unit, percentage points)";

/// A tolerance as written, where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// The text (`10 m`, `1000`).
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// Reads a tolerance; the error says what is wrong with it.
///
/// # Errors
/// When it is not one of the forms above, or is negative.
pub fn read(raw: &RawScalar) -> Result<Tolerance, String> {
    let text = written(raw);
    let tolerance = match raw {
        RawScalar::String(_) => from_text(&text)?,
        #[allow(clippy::cast_precision_loss)] // tolerances are far below 2^52
        RawScalar::Integer(value) => Tolerance::Absolute(*value as f64),
        RawScalar::Float(value) => Tolerance::Absolute(*value),
        RawScalar::Boolean(_) | RawScalar::Datetime(_) => {
            return Err(format!(
                "`tolerance` must be a percentage, an amount or a number, not {}",
                raw.type_name()
            ));
        }
    };
    match &tolerance {
        Tolerance::Relative(x) | Tolerance::Absolute(x) | Tolerance::Measured(x, _)
            if x.is_finite() && *x >= 0.0 =>
        {
            Ok(tolerance)
        }
        _ => Err(format!("`tolerance = {text}` is negative or not finite")),
    }
}

/// The tolerance as written, for messages.
#[must_use]
pub fn written(raw: &RawScalar) -> String {
    match raw {
        RawScalar::String(text) => text.trim().to_owned(),
        RawScalar::Integer(value) => value.to_string(),
        RawScalar::Float(value) => value.to_string(),
        RawScalar::Boolean(value) => value.to_string(),
        RawScalar::Datetime(value) => value.to_string(),
    }
}

fn from_text(text: &str) -> Result<Tolerance, String> {
    let text = text.trim();
    // A rule is written with figures, as the JSON Schema's pattern requires: "five percent"
    // reads in a claim, but a rules file says "5%".
    if !text.contains(|c: char| c.is_ascii_digit()) {
        return Err(format!(
            "`tolerance = \"{text}\"` has no figures: write an amount such as \"5%\" or \"10 m\""
        ));
    }
    if let Some(percent) = text.strip_suffix('%') {
        return number(percent)
            .map(|x| Tolerance::Relative(x / 100.0))
            .ok_or_else(|| format!("`{text}` is not a percentage"));
    }
    if let Some(plain) = number(text) {
        return Ok(Tolerance::Absolute(plain));
    }
    let lower = text.to_lowercase();
    for points in [
        "percentage points",
        "percentage point",
        "points",
        "point",
        "pts",
        "pp",
    ] {
        if let Some(amount) = lower.strip_suffix(points).and_then(number) {
            return Ok(Tolerance::Measured(amount, Unit::Percent));
        }
    }
    let quantity = parse_number(text)
        .or_else(|error| {
            // In a tolerance no money is in sight: a bare "m" is metres ("10 m", "10m").
            lower
                .strip_suffix('m')
                .filter(|stem| stem.ends_with(|c: char| c.is_ascii_digit() || c == ' '))
                .map_or(Err(error), |stem| {
                    parse_number(&format!("{} metres", stem.trim_end()))
                })
        })
        .map_err(|error| format!("`tolerance = \"{text}\"`: {}", error.message))?;
    let one_amount = quantity.low.is_finite()
        && quantity.high.is_finite()
        && (quantity.high - quantity.low).abs() <= f64::EPSILON * quantity.high.abs()
        && !quantity.vague
        && !quantity.approximate;
    if !one_amount {
        return Err(format!(
            "`tolerance = \"{text}\"` is a range, a bound or an approximation, not one amount"
        ));
    }
    if quantity.base.is_some() {
        return Err(format!(
            "`tolerance = \"{text}\"` names a base; a tolerance is of the values themselves"
        ));
    }
    Ok(match quantity.unit {
        Unit::Percent => Tolerance::Relative(quantity.low / 100.0),
        Unit::None => Tolerance::Absolute(quantity.low),
        unit => Tolerance::Measured(quantity.low, unit),
    })
}

/// A plain decimal with optional thousands commas ("1,000", "2.5").
fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let digits = text.replace(',', "");
    let plain = !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-');
    plain.then(|| digits.parse().ok()).flatten()
}

/// A tolerance problem as a finding at the tolerance.
#[must_use]
pub fn problem(message: String, at: Span) -> Finding {
    Finding::new(Code::LoadType, message)
        .with_help(FORMS)
        .at(at, "this tolerance")
}

/// Checks every property's tolerance against the values read for it (see [`check_fit`]).
pub fn check(
    names: &Namespace,
    settings: &[PropertySettings],
    kinds: &[ValueKind],
    claims: (&[Draft], &[Option<Value>], &[EntityId]),
    problems: &mut Vec<Finding>,
) {
    let (drafts, values, property_of) = claims;
    let properties = Properties {
        names,
        tolerances: settings
            .iter()
            .map(|s| s.tolerance.as_ref().zip(s.tolerance_written.as_ref()))
            .collect(),
        kinds,
    };
    let values: Vec<_> = drafts
        .iter()
        .zip(values)
        .zip(property_of)
        .map(|((draft, value), &property)| (property, value.as_ref(), &*draft.stated))
        .collect();
    check_fit(&properties, &values, problems);
}

/// The properties of the dataset with what is needed to check their tolerances.
pub struct Properties<'a> {
    /// Property names.
    pub names: &'a Namespace,
    /// Each property's tolerance, as read and as written.
    pub tolerances: Vec<Option<(&'a Tolerance, &'a Written)>>,
    /// Each property's type.
    pub kinds: &'a [ValueKind],
}

/// Reports each tolerance with a unit that fits none of its property's values: a length for
/// masses, an amount of money for dates. A tolerance that fits some of the values applies to
/// those (documented); a percentage or a bare number fits any number.
pub fn check_fit(
    properties: &Properties<'_>,
    values: &[(EntityId, Option<&Value>, &str)],
    problems: &mut Vec<Finding>,
) {
    for (index, tolerance) in properties.tolerances.iter().enumerate() {
        let Some((Tolerance::Measured(_, unit), written)) = tolerance else {
            continue;
        };
        let property = EntityId(u32::try_from(index).unwrap_or(u32::MAX));
        let name = properties.names.canonical(property);
        let kind = properties.kinds.get(index).copied();
        let mut numbers = values
            .iter()
            .filter(|(p, _, _)| *p == property)
            .filter_map(|(_, value, stated)| match value {
                Some(Value::Number(q)) => Some((&q.unit, *stated)),
                _ => None,
            })
            .peekable();
        let what = unit.values_in();
        // A duration is how far apart a date-time property's values may be and agree.
        if kind == Some(ValueKind::DateTime) && *unit == Unit::Measure(Dimension::Duration) {
            continue;
        }
        if kind.is_some_and(|k| k != ValueKind::Number) {
            let kind = kind.map_or("values", kind_name);
            problems.push(problem(
                format!(
                    "`tolerance = \"{}\"` is for {what}, but \"{name}\" holds {kind}: a \
                     tolerance applies to numbers",
                    written.text
                ),
                written.span,
            ));
            continue;
        }
        if numbers.peek().is_none() {
            continue;
        }
        let mut units: Vec<(String, &str)> = Vec::new();
        let mut fits = false;
        let mut example = None;
        for (value_unit, stated) in numbers {
            fits |= unit.compares_with(value_unit);
            example = example.or_else(|| example_in(value_unit));
            let described = value_unit.values_in();
            if !units.iter().any(|(u, _)| *u == described) {
                units.push((described, stated));
            }
        }
        if !fits {
            let found = units
                .iter()
                .take(3)
                .map(|(unit, stated)| format!("{unit} (`{stated}`)"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut finding = problem(
                format!(
                    "`tolerance = \"{}\"` is for {what}, but the values of \"{name}\" are \
                     {found}: the tolerance fits none of them",
                    written.text
                ),
                written.span,
            );
            finding.help = Some(format!(
                "write the tolerance in the values' unit{}, as a percentage (`\"5%\"`), or as \
                 a bare number, which is in their base unit",
                example.map_or_else(String::new, |e| format!(" (`{e}`)"))
            ));
            problems.push(finding);
        }
    }
}

/// A tolerance written in `unit`, for hints: `tolerance = "10 m"`.
fn example_in(unit: &Unit) -> Option<String> {
    Some(match unit {
        Unit::Measure(dimension) => format!("tolerance = \"10 {}\"", dimension.base_unit()),
        Unit::Currency(currency) => format!("tolerance = \"{} 1 million\"", currency.symbol()),
        Unit::Percent => "tolerance = \"0.5 percentage points\"".to_owned(),
        Unit::Count(noun) => format!("tolerance = \"5 {noun}\""),
        Unit::None => return None,
    })
}

fn kind_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Date => "dates",
        ValueKind::DateTime => "date-times",
        ValueKind::Number => "numbers",
        ValueKind::Name => "names",
        ValueKind::Text => "texts",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quantity::{Currency, Dimension};
    use crate::testing::{check, codes, source, with_code};

    fn s(text: &str) -> Result<Tolerance, String> {
        read(&RawScalar::String(text.into()))
    }

    #[test]
    fn percentages_are_relative_and_bare_numbers_absolute() {
        assert_eq!(s("5%"), Ok(Tolerance::Relative(0.05)));
        assert_eq!(s(" 2.5 % "), Ok(Tolerance::Relative(0.025)));
        assert_eq!(s("5 percent"), Ok(Tolerance::Relative(0.05)));
        assert_eq!(s("1,000"), Ok(Tolerance::Absolute(1000.0)));
        assert_eq!(read(&RawScalar::Integer(3)), Ok(Tolerance::Absolute(3.0)));
        assert_eq!(read(&RawScalar::Float(0.5)), Ok(Tolerance::Absolute(0.5)));
    }

    #[test]
    fn an_amount_with_a_unit_is_converted_to_its_canonical_scale() {
        let length = Unit::Measure(Dimension::Length);
        assert_eq!(s("10 m"), Ok(Tolerance::Measured(10.0, length.clone())));
        assert_eq!(s("10m"), Ok(Tolerance::Measured(10.0, length.clone())));
        assert_eq!(s("2 km"), Ok(Tolerance::Measured(2000.0, length.clone())));
        let Ok(Tolerance::Measured(feet, unit)) = s("500 ft") else {
            panic!("500 ft");
        };
        assert!((feet - 152.4).abs() < 1e-9 && unit == length);
        assert_eq!(
            s("3 days"),
            Ok(Tolerance::Measured(3.0, Unit::Measure(Dimension::Duration)))
        );
        assert_eq!(
            s("$1 million"),
            Ok(Tolerance::Measured(
                1e6,
                Unit::Currency(Currency::AmbiguousDollar)
            ))
        );
        assert_eq!(
            s("0.5 percentage points"),
            Ok(Tolerance::Measured(0.5, Unit::Percent))
        );
        assert_eq!(s("1 pp"), Ok(Tolerance::Measured(1.0, Unit::Percent)));
        assert_eq!(
            s("5 soldiers"),
            Ok(Tolerance::Measured(5.0, Unit::Count("soldier".into())))
        );
    }

    #[test]
    fn what_is_not_one_non_negative_amount_is_refused_with_the_reason() {
        for (text, reason) in [
            ("-5%", "negative"),
            ("lots", "no figures"),
            ("five percent", "no figures"),
            ("5-10 m", "a range"),
            ("about 10 m", "approximation"),
            ("more than 10 m", "a bound"),
            ("2% of GDP", "base"),
            ("hundreds of metres", "no figures"),
            ("5 to 10 metres", "a range"),
        ] {
            let error = s(text).expect_err(text);
            assert!(error.contains(reason), "{text}: {error}");
        }
        let error = read(&RawScalar::Boolean(true)).expect_err("boolean");
        assert!(error.contains("not a boolean"), "{error}");
        assert!(read(&RawScalar::Integer(-1)).is_err());
    }

    fn height(values: &[&str], rules: &str) -> crate::Checked {
        let files: Vec<(String, String)> = values
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("s{i}"), source(&[("Tower", "height", v)])))
            .collect();
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        check(&borrowed, Some(rules))
    }

    fn rules(tolerance: &str) -> String {
        format!("[[property]]\nname = \"height\"\ntolerance = {tolerance}\n")
    }

    #[test]
    fn a_tolerance_in_another_dimension_is_reported_with_the_values_it_misses() {
        let checked = height(&["1,000 ft", "1,100 ft"], &rules("\"10 kg\""));
        let found = with_code(&checked, Code::LoadType);
        assert_eq!(found.len(), 1, "{:?}", codes(&checked));
        assert_eq!(
            found[0].message,
            "`tolerance = \"10 kg\"` is for masses, but the values of \"height\" are lengths \
             (`1,000 ft`): the tolerance fits none of them"
        );
        assert!(
            found[0].locations[0].span.range().start > 0,
            "points at the tolerance"
        );
        let dates = height(&["1990", "1995"], &rules("\"10 m\""));
        let found = with_code(&dates, Code::LoadType);
        assert_eq!(found.len(), 1, "{:?}", codes(&dates));
        assert!(
            found[0].message.contains("holds dates"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_tolerance_with_a_unit_widens_values_it_fits_after_conversion() {
        // 1,000 ft and 1,020 ft are 6.1 m apart; 1,000 ft and 1,100 ft 30.5 m.
        assert!(
            height(&["1,000 ft", "1,020 ft"], &rules("\"10 m\""))
                .findings
                .is_empty()
        );
        assert_eq!(
            codes(&height(&["1,000 ft", "1,100 ft"], &rules("\"10 m\""))),
            vec![Code::ConflictNumber]
        );
        assert!(
            height(&["1,000 ft", "1,100 ft"], &rules("\"100 ft\""))
                .findings
                .is_empty()
        );
        // A bare number is in the base unit: 10 is ten metres here.
        assert!(
            height(&["1,000 ft", "1,020 ft"], &rules("10"))
                .findings
                .is_empty()
        );
        assert_eq!(
            codes(&height(&["1,000 ft", "1,100 ft"], &rules("10"))),
            vec![Code::ConflictNumber]
        );
    }

    #[test]
    fn a_tolerance_that_fits_some_values_applies_to_those_and_is_not_reported() {
        let checked = height(
            &["$5 million", "$5.5 million", "£5 million"],
            &rules("\"$1 million\""),
        );
        assert!(with_code(&checked, Code::LoadType).is_empty());
        assert!(with_code(&checked, Code::ConflictNumber).is_empty());
    }
}
