//! Text to [`Quantity`] (DESIGN 2.3): "$55 billion", "USD 5 billion", "2% of GDP",
//! "3 to 5 percent", "more than 300 soldiers", "hundreds of tents".
//!
//! Owns reading a number as a source states it: numerals (comma- or space-grouped) and
//! number words, magnitudes (including lakh and crore), currencies, percentages and their
//! bases, measures and what they are of, compound measures ("6 ft 2 in"), temperatures,
//! counted nouns, ranges, bounds, approximations, vague quantities, parenthesised equivalents,
//! and the tolerance the stated precision implies. It must not compare numbers
//! (`compare::number`) nor guess what the text leaves open: a bare "$" stays an ambiguous
//! dollar, and a unit with two meanings ("5m", "20 degrees") keeps both readings for
//! `context` to decide from the property's other values.
//!
//! The text is lower-cased once and read by a small hand-written tokenizer (`lexer`) and
//! recursive-descent parser (`grammar`, `amount`, `words`, `unit`, `tail`) over `&str`; the
//! vocabulary is `match` tables (`lexicon`, `measure`), so a call allocates only the
//! lower-cased copy (when the text has capitals) and the strings the quantity keeps.
//!
//! Choices where usage is ambiguous (README, "How claims are understood"):
//! - "pounds" is sterling unless followed by "of" ("two pounds of meat"); a weight is `lb`.
//!   "ton(s)" is the metric tonne, "gallon" the US gallon, "g" grams, "l" litres.
//! - "m" after a numeral is a million when a currency, a percentage or a counted noun
//!   accompanies it ("$5m", "5m people"), metres when a description does ("12.5m tall");
//!   otherwise both readings are kept, metres being the default. A capital "M" is a million
//!   ("3M", "1.2M"): SI writes the metre `m`, and `M` only as the prefix mega.
//! - "less than X" starts at zero for counts, money, percentages and measures (none can be
//!   negative) and is open below only for a bare number or a temperature.
//! - "nearly X" / "just under X" is [0.9·X, X] and "just over X" is [X, 1.1·X]; like the
//!   other bounds they carry no extra tolerance.
//! - "about X" is good to half a unit of X's last non-zero digit ("about 1,000" ±500).
//! - "a hundred", "a dozen" are one hundred, one dozen, precise to half of it (±50, ±6), as
//!   "55 billion" is precise to half a billion.
//! - "two or three" is a range, like "two to three".

mod amount;
mod compound;
pub mod context;
mod decimal;
mod grammar;
mod lexer;
pub(crate) mod lexicon;
pub mod measure;
mod noun;
mod qualifier;
mod settle;
mod shape;
mod tail;
mod unit;
mod words;
mod written;

use std::borrow::Cow;

use self::grammar::{Ambiguity, Assume, Phrase, Problem};
pub use self::measure::TemperatureScale;
use crate::model::quantity::{Affix, Quantity, WrittenMoney};

/// Why a number could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberError {
    /// What is wrong, quoting the text.
    pub message: String,
    /// What to write instead, if there is something to suggest.
    pub hint: Option<String>,
}

/// The forms this parser reads, for hints.
const ACCEPTED: &str = "write a number such as `300`, `1,000`, `55.3 billion`, `$55bn`, \
    `USD 5 billion`, `2% of GDP`, `3 to 5 percent`, `between 3 and 5%`, \
    `more than 300 soldiers`, `about 40 km` or `hundreds of tents`";

/// Parses a number as a source states it ("$55 billion", "2% of GDP", "hundreds of tents").
///
/// Case-insensitive (but for a capital "M" after a numeral, a million) and
/// whitespace-tolerant. Values are in the unit's canonical scale
/// (55 billion is `55e9`, 40 km is `40_000.0` metres, 2% is `2.0`, 98.6 °F is 37 °C). A
/// unit the text leaves ambiguous takes its default reading (a bare "m" is metres); one
/// with no default ("20 degrees") is an error. [`read_number`] keeps every reading, for a
/// caller that can decide between them.
///
/// # Errors
/// When the text is not a number this parser understands; the error quotes the text and,
/// where it can, says what to write instead. Never panics, whatever the input.
pub fn parse_number(text: &str) -> Result<Quantity, NumberError> {
    let reading = read_number(text)?;
    match reading.default.and_then(|i| reading.readings.get(i)) {
        Some(quantity) => Ok(quantity.clone()),
        None => Err(reading.ambiguity.unwrap_or_else(|| NumberError {
            message: format!("`{}` is not a number", text.trim()),
            hint: Some(ACCEPTED.to_owned()),
        })),
    }
}

/// A number read without deciding what its text leaves open.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Every way the text can be read: one, or one per meaning of an ambiguous unit.
    pub readings: Vec<Quantity>,
    /// The reading that holds when nothing else decides ("5m" is metres); `None` when the
    /// text alone cannot be read ("20 degrees": Celsius or Fahrenheit).
    pub default: Option<usize>,
    /// What is ambiguous and how to say it exactly, when there are several readings.
    pub ambiguity: Option<NumberError>,
    /// A parenthesised equivalent that does not match the value ("1,000 feet (350 m)"), in
    /// words; the value is still read as its first figure.
    pub inconsistency: Option<String>,
    /// The temperature scale each reading is written in, if it is a temperature.
    pub(crate) scales: Vec<Option<TemperatureScale>>,
}

/// Reads a number as [`parse_number`] does, but keeps both readings of an ambiguous unit
/// ("5m": metres or a million; "20 degrees": Celsius or Fahrenheit) and reports a
/// parenthesised equivalent that disagrees with the value, so that the caller can decide
/// from the rest of the dataset (`context`).
///
/// # Errors
/// As [`parse_number`], when no reading of the text is a number.
pub fn read_number(text: &str) -> Result<Reading, NumberError> {
    let lower = lower_case(text);
    let assume = Assume {
        m_is_metres: capital_m_after_numeral(text).then_some(false),
        ..Assume::default()
    };
    let strict = grammar::parse(&lower, assume);
    let (phrases, default, ambiguity) = match strict {
        Ok(phrase) => (vec![phrase], Some(0), None),
        Err(Problem::Ambiguous(what)) => {
            let (assumptions, default): (Vec<Assume>, Option<usize>) = match what {
                Ambiguity::M | Ambiguity::MOf => (
                    vec![
                        Assume {
                            m_is_metres: Some(true),
                            ..Assume::default()
                        },
                        Assume {
                            m_is_metres: Some(false),
                            ..Assume::default()
                        },
                    ],
                    (what == Ambiguity::M).then_some(0),
                ),
                Ambiguity::Pounds => (
                    vec![
                        Assume {
                            pounds_are_mass: Some(false),
                            ..Assume::default()
                        },
                        Assume {
                            pounds_are_mass: Some(true),
                            ..Assume::default()
                        },
                    ],
                    Some(0),
                ),
                Ambiguity::Degrees => (
                    [TemperatureScale::Celsius, TemperatureScale::Fahrenheit]
                        .into_iter()
                        .map(|scale| Assume {
                            degrees: Some(scale),
                            ..Assume::default()
                        })
                        .collect(),
                    None,
                ),
            };
            let mut phrases = Vec::new();
            let mut kept_default = None;
            for (index, assume) in assumptions.into_iter().enumerate() {
                if let Ok(phrase) = grammar::parse(&lower, assume) {
                    if default == Some(index) {
                        kept_default = Some(phrases.len());
                    }
                    phrases.push(phrase);
                }
            }
            if phrases.is_empty() {
                return Err(explain(text, &lower, &Problem::Ambiguous(what)));
            }
            let default = if phrases.len() == 1 && what != Ambiguity::MOf {
                Some(0)
            } else {
                kept_default
            };
            let ambiguity = (phrases.len() > 1 || default.is_none())
                .then(|| explain(text, &lower, &Problem::Ambiguous(what)));
            (phrases, default, ambiguity)
        }
        Err(problem) => return Err(explain(text, &lower, &problem)),
    };
    let inconsistency = phrases.first().and_then(|phrase| {
        let equivalent = phrase.equivalent.as_ref()?;
        context::inconsistent(&phrase.quantity, equivalent)
    });
    Ok(Reading {
        scales: phrases.iter().map(|p| p.scale).collect(),
        readings: phrases
            .into_iter()
            .map(|p| as_written(p, text, &lower))
            .collect(),
        default,
        ambiguity,
        inconsistency,
    })
}

/// A phrase's quantity, keeping how its money was written, in the source's own letters
/// ("US$", "Rs.", "dollars"), to be shown so.
fn as_written(phrase: Phrase, text: &str, lower: &str) -> Quantity {
    let mut quantity = phrase.quantity;
    let Some(money) = phrase.money else {
        return quantity;
    };
    let written = |at: Option<(usize, usize)>| {
        let (start, end) = at?;
        let part = lower.get(start..end).filter(|part| !part.is_empty())?;
        // The source's letters, when they are the same word (lower-casing that changes
        // lengths can shift offsets).
        let source = original(text, lower, part);
        Some(
            if source.to_lowercase() == part {
                source
            } else {
                part
            }
            .into(),
        )
    };
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let before = written(money.currency.before).map(|text| Affix {
        text,
        spaced: space(
            money
                .currency
                .before
                .and_then(|(_, end)| lower.get(end..)?.chars().next()),
        ),
    });
    let after = written(money.currency.after).map(|text| Affix {
        text,
        spaced: space(
            money
                .currency
                .after
                .and_then(|(start, _)| lower.get(..start)?.chars().next_back()),
        ),
    });
    quantity.written_money = Some(Box::new(WrittenMoney {
        before,
        after,
        magnitude: money.magnitude,
    }));
    quantity
}

/// Whether a capital "M" stands alone after a numeral, glued or after one space ("3M",
/// "$1.2 M", "-1.2M"): SI writes the metre `m` and `M` only as the prefix mega, so a capital
/// M after a number is a million, the one case the lower-cased text no longer shows.
fn capital_m_after_numeral(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let before = |n: usize| i.checked_sub(n).and_then(|j| bytes.get(j)).copied();
        let after_numeral = before(1).is_some_and(|c| c.is_ascii_digit())
            || (before(1) == Some(b' ') && before(2).is_some_and(|c| c.is_ascii_digit()));
        let alone = bytes.get(i + 1).is_none_or(|c| !c.is_ascii_alphanumeric());
        b == b'M' && after_numeral && alone
    })
}

/// The text in lower case, copied only when it has capitals.
fn lower_case(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        }
    } else if text.chars().any(char::is_uppercase) {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// The part of the original text that a problem quotes from the lower-cased copy, so that
/// messages show what the user wrote ("`The`", not "`the`"). Lower-casing keeps every byte
/// offset when it keeps the length (always for ASCII); otherwise the lower-cased part is
/// quoted.
fn original<'t>(text: &'t str, lower: &'t str, part: &'t str) -> &'t str {
    let offset = (part.as_ptr() as usize).wrapping_sub(lower.as_ptr() as usize);
    let end = offset.checked_add(part.len());
    let same_layout = text.len() == lower.len() && end.is_some_and(|end| end <= lower.len());
    same_layout
        .then(|| end.and_then(|end| text.get(offset..end)))
        .flatten()
        .unwrap_or(part)
}

#[allow(clippy::too_many_lines)] // one message per problem: a table, not logic
fn explain(text: &str, lower: &str, problem: &Problem<'_>) -> NumberError {
    let quote = |part| original(text, lower, part);
    let problem = match *problem {
        Problem::Unexpected(part) => Problem::Unexpected(quote(part)),
        Problem::DecimalComma(part) => Problem::DecimalComma(quote(part)),
        Problem::AfterAmount(part) => Problem::AfterAmount(quote(part)),
        Problem::NotANoun(part) => Problem::NotANoun(quote(part)),
        Problem::BoundOnRange(part) => Problem::BoundOnRange(quote(part)),
        ref other => other.clone(),
    };
    let text = text.trim();
    let (message, hint): (String, Option<&str>) = match problem {
        Problem::Empty => ("the number is empty".to_owned(), Some(ACCEPTED)),
        Problem::Unexpected(word) => (
            format!("`{text}` is not a number: `{word}` is not understood there"),
            Some(ACCEPTED),
        ),
        Problem::Missing(what) => (
            format!("`{text}` is not a number: {what} is missing"),
            Some(ACCEPTED),
        ),
        Problem::DecimalComma(numeral) => (
            format!("`{text}`: the comma in `{numeral}` is not a thousands separator"),
            Some(
                "write decimals with a point (`3.5`) and thousands with a comma every three \
                 digits (`1,000`)",
            ),
        ),
        Problem::Ambiguous(Ambiguity::M | Ambiguity::MOf) => (
            format!("`{text}`: `m` may mean million or metres"),
            Some("write `million` (or `mn`), or `metres`"),
        ),
        Problem::Ambiguous(Ambiguity::Degrees) => (
            format!("`{text}`: degrees of which scale, Celsius or Fahrenheit?"),
            Some("write `°C` or `°F` (`20 °C`, `68 degrees Fahrenheit`)"),
        ),
        Problem::Ambiguous(Ambiguity::Pounds) => (
            format!("`{text}`: pounds sterling or pounds of weight?"),
            Some("write `£` or `GBP` for money, `lb` for a weight"),
        ),
        Problem::ChangeNotTemperature => (
            format!("`{text}`: a rise, a drop, warmer or cooler is read only for temperatures"),
            Some(
                "state the value itself (`5%`, `40 km`), and say in the property that it is a \
                 change",
            ),
        ),
        Problem::BelowSeaLevel => (
            format!("`{text}`: below sea level is a depth or a negative elevation"),
            Some(
                "write the elevation with its sign (`-430 m`), or the depth alone (`430 m`) \
                 under a property that says it is a depth",
            ),
        ),
        Problem::Reversed => (
            format!("`{text}`: the range runs backwards"),
            Some("write the lower end first: `3 to 5`"),
        ),
        Problem::MixedUnits => (
            format!("`{text}` names two different units"),
            Some(
                "write the unit once, or the same one on both ends: `$5-6 billion`, \
                 `3% to 5%`",
            ),
        ),
        Problem::AfterAmount(words) => (
            format!("`{text}`: `{words}` after the amount is not understood"),
            Some(
                "state the amount alone (`$5 billion`, `40 km`); a percentage names its base \
                 with `of` (`2% of GDP`); what the amount is for belongs to the claim's \
                 property",
            ),
        ),
        Problem::NotANoun(words) => (
            format!("`{text}`: what is counted (`{words}`) contains numbers or signs"),
            Some("state one number and what it counts: `300 soldiers`"),
        ),
        Problem::BoundOnRange(qualifier) => (
            format!("`{text}`: `{qualifier}` takes a single number"),
            Some("write a bound on one number (`more than 300`) or a range (`3 to 5`)"),
        ),
        Problem::TwoQualifiers => (
            format!("`{text}` is qualified twice, and the qualifiers disagree"),
            Some("qualify the number once: `at least 300` or `300 or more`"),
        ),
        Problem::TooLarge => (
            format!("`{text}` is too large a number"),
            Some("write the number with one magnitude (`55 billion`)"),
        ),
        Problem::TooManyDigits => (
            format!("`{text}` has too many digits"),
            Some("write at most 30 digits, with a magnitude if need be (`55 billion`)"),
        ),
        Problem::TwoMeanings(two) => (
            format!("`{text}`: `{}` may mean {}", two.word, two.meanings),
            Some(two.instead),
        ),
        Problem::NoBase => (
            format!("`{text}`: nothing follows `of`"),
            Some("name what the percentage is of: `2% of GDP`"),
        ),
    };
    NumberError {
        message,
        hint: hint.map(str::to_owned),
    }
}

#[cfg(test)]
mod tests;
