//! Numbers a quote states, for `quote::unsupported` (README, "Quotes").
//!
//! Owns how a quote's numbers are read whole (the longest phrase around a digit or a number
//! word, never across punctuation, so that "2,500 million" is 2.5 billion and "5 miles" a
//! distance in miles) and when one of them states the claimed number (units that agree, the
//! value within the claim's precision, a claimed range only as a whole). It must not parse
//! numbers itself: `normalize::number` reads every phrase.

use crate::model::quantity::{Currency, Quantity, Unit};
use crate::normalize::number::parse_number;

use super::support::{PHRASE_WORDS, Unsupported, Words};

/// Words that may start or carry a number written in words ("four", "a dozen", "hundreds").
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "dozen",
    "dozens",
    "half",
    "lakh",
    "crore",
    "score",
];

/// `None` when a number the quote states supports the claim's; else the quote's number
/// nearest to it.
///
/// Each number of the quote is read whole: of the phrases of up to [`PHRASE_WORDS`] words
/// around a word with a digit or a number word, the longest that reads as a number, so that
/// "2,500 million" is 2.5 billion (never 2,500) and "5 miles" is a distance in miles.
pub(super) fn number_support(
    stated: &str,
    claimed: &Quantity,
    words: &Words<'_>,
) -> Option<Unsupported> {
    let n = words.spans.len();
    let parse = |from: usize, to: usize| {
        if words.unbroken(from, to) {
            parse_number(words.phrase(from, to)).ok()
        } else {
            None
        }
    };
    // The value as written is in the quote, and no longer reading of it there says otherwise.
    if let Some(at) = words.literal(stated) {
        let end = at + Words::new(stated).spans.len();
        let longer = [
            (at > 0).then(|| parse(at - 1, end)).flatten(),
            (end < n).then(|| parse(at, end + 1)).flatten(),
        ];
        if longer.iter().flatten().all(|q| supports(claimed, q)) {
            return None;
        }
    }
    let mut nearest: Option<(f64, std::ops::Range<usize>)> = None;
    let mut covered = 0;
    for anchor in 0..n {
        if anchor < covered || !is_number_word(&words.quote[words.spans[anchor].clone()]) {
            continue;
        }
        let mut longest: Option<(usize, usize, Quantity)> = None;
        for from in anchor.saturating_sub(2)..=anchor {
            for to in (anchor + 1..=(from + PHRASE_WORDS).min(n)).rev() {
                if longest.as_ref().is_some_and(|(f, t, _)| t - f >= to - from) {
                    break;
                }
                if let Some(quantity) = parse(from, to) {
                    longest = Some((from, to, quantity));
                    break;
                }
            }
        }
        // A number joined to its noun by a hyphen ("a 14-year-old", "a 3-day visit") states
        // the number before the hyphen.
        let longest = longest.or_else(|| {
            let word = &words.quote[words.spans[anchor].clone()];
            let (figure, rest) = word.split_once('-')?;
            (!figure.is_empty() && rest.starts_with(|c: char| c.is_alphabetic()))
                .then(|| parse_number(figure).ok())
                .flatten()
                .map(|quantity| (anchor, anchor + 1, quantity))
        });
        let Some((from, mut to, quantity)) = longest else {
            continue;
        };
        // A counted noun may run on ("troops and"): the phrase shown ends where the reading
        // stops changing.
        while to - from > 1 && to > anchor + 1 {
            match parse(from, to - 1) {
                Some(shorter) if same_reading(&shorter, &quantity) => to -= 1,
                _ => break,
            }
        }
        covered = to;
        if supports(claimed, &quantity) {
            return None;
        }
        let distance = relative_distance(claimed, &quantity);
        if nearest.as_ref().is_none_or(|(d, _)| distance < *d) {
            nearest = Some((distance, words.range(from, to)));
        }
    }
    Some(nearest.map(|(_, range)| range))
}

/// Whether two readings are the same number of the same kind of thing.
fn same_reading(a: &Quantity, b: &Quantity) -> bool {
    let kind = |q: &Quantity| match &q.unit {
        Unit::Count(_) => Unit::Count(String::new()),
        other => other.clone(),
    };
    a.low.to_bits() == b.low.to_bits() && a.high.to_bits() == b.high.to_bits() && kind(a) == kind(b)
}

/// Whether a word carries a number: a digit, a currency sign, or a number word.
fn is_number_word(word: &str) -> bool {
    word.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '₹'))
        || NUMBER_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether a number the quote states supports the claimed one: units that agree (a bare
/// number or a count on either side agrees with anything; an ambiguous `$` with any dollar's
/// currency code, `¥` with the yen's and the yuan's), and the quote's range within the claim's, each widened by the larger
/// of the two precisions ("about 1,000" is supported by "980"; "hundreds" by "300"; "300" is
/// not supported by "hundreds"); a range the claim states exactly ("3 to 6 percent", "more
/// than 300") must be the quote's, ends within the precision.
fn supports(claimed: &Quantity, quoted: &Quantity) -> bool {
    if !units_agree(&claimed.unit, &quoted.unit) {
        return false;
    }
    // A bare number is the figure of a measure the quote states in its own unit: "32" is in
    // "32 years old", read in years, not in days.
    let rescaled;
    let quoted = match (&claimed.unit, &quoted.unit, &quoted.written_in) {
        (Unit::None | Unit::Count(_), Unit::Measure(_), Some(unit)) if unit.factor > 0.0 => {
            rescaled = Quantity {
                low: quoted.low / unit.factor,
                high: quoted.high / unit.factor,
                tolerance: quoted.tolerance / unit.factor,
                ..quoted.clone()
            };
            &rescaled
        }
        _ => quoted,
    };
    let slack = claimed.tolerance.max(quoted.tolerance);
    // Open ends ("more than 300") are infinite: equal only to the same infinity.
    let close =
        |a: f64, b: f64| (a.is_infinite() && a.to_bits() == b.to_bits()) || (a - b).abs() <= slack;
    if claimed.low < claimed.high && !claimed.vague && !claimed.approximate {
        // A stated range ("3 to 5 percent", "more than 300") is stated only as a whole.
        return close(quoted.low, claimed.low) && close(quoted.high, claimed.high);
    }
    quoted.low >= claimed.low - slack && quoted.high <= claimed.high + slack
}

fn units_agree(a: &Unit, b: &Unit) -> bool {
    match (a, b) {
        (Unit::None | Unit::Count(_), _) | (_, Unit::None | Unit::Count(_)) => true,
        (Unit::Currency(x), Unit::Currency(y)) => {
            x == y
                || match (x, y) {
                    (ambiguous, Currency::Code(code)) | (Currency::Code(code), ambiguous) => {
                        reads_as(ambiguous, code)
                    }
                    _ => false,
                }
        }
        (x, y) => x == y,
    }
}

/// Whether an ambiguous currency sign may stand for a currency code: `$` for a dollar, `¥`
/// for the yen or the yuan, `Rs` for a rupee.
fn reads_as(ambiguous: &Currency, code: &str) -> bool {
    const DOLLARS: &[&str] = &[
        "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "BND", "BSD", "BBD", "BZD", "BMD", "KYD",
        "FJD", "GYD", "JMD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "ZWL",
    ];
    match ambiguous {
        Currency::AmbiguousDollar => DOLLARS.contains(&code),
        Currency::AmbiguousYen => matches!(code, "JPY" | "CNY"),
        Currency::AmbiguousRupee => matches!(code, "INR" | "PKR" | "NPR" | "LKR" | "MUR" | "SCR"),
        Currency::Code(_) => false,
    }
}

/// How far apart two numbers are, relative to the larger (for picking the nearest).
fn relative_distance(a: &Quantity, b: &Quantity) -> f64 {
    let middle = |q: &Quantity| {
        if q.low.is_finite() && q.high.is_finite() {
            f64::midpoint(q.low, q.high)
        } else if q.low.is_finite() {
            q.low
        } else {
            q.high
        }
    };
    let (x, y) = (middle(a), middle(b));
    let scale = x.abs().max(y.abs()).max(f64::MIN_POSITIVE);
    let distance = (x - y).abs() / scale;
    let unit_penalty = if units_agree(&a.unit, &b.unit) {
        0.0
    } else {
        1.0
    };
    if distance.is_nan() {
        f64::INFINITY
    } else {
        distance + unit_penalty
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(claim: &str, quote: &str) -> Result<(), Option<String>> {
        let Ok(claimed) = parse_number(claim) else {
            return Err(None);
        };
        let words = Words::new(quote);
        number_support(claim, &claimed, &words)
            .map_or(Ok(()), |n| Err(n.map(|r| quote[r].to_owned())))
    }

    #[test]
    fn numbers_are_found_in_other_words_and_scales() {
        assert_eq!(number("4", "the budget grew four times over"), Ok(()));
        assert_eq!(number("2.5 bn", "a budget of 2,500 million"), Ok(()));
        assert_eq!(
            number("$5 billion", "some 5 billion dollars were pledged"),
            Ok(())
        );
        assert_eq!(number("2,500 troops", "2,500 soldiers arrived"), Ok(()));
        assert_eq!(number("about 1,000", "990 people came"), Ok(()));
        assert_eq!(number("hundreds of tents", "300 tents were set up"), Ok(()));
        assert_eq!(number("5 km", "a stretch of 5,000 metres"), Ok(()));
        assert_eq!(number("300", "(300)"), Ok(()));
        assert_eq!(number("14", "a 14-year-old boy"), Ok(()));
        assert_eq!(number("32", "Dr. Banting, who is 32 years old"), Ok(()));
        assert_eq!(number("12", "a walk of 12 km"), Ok(()));
    }

    #[test]
    fn a_number_in_another_unit_or_scale_or_value_is_not_support() {
        assert_eq!(
            number("5 km", "a road 5 miles long"),
            Err(Some("5 miles".into()))
        );
        assert_eq!(
            number("13", "a 14-year-old boy"),
            Err(Some("14-year-old".into()))
        );
        assert_eq!(
            number("31", "who is 32 years old"),
            Err(Some("32 years".into()))
        );
        assert_eq!(
            number("2,500", "it cost 2,500 million"),
            Err(Some("2,500 million".into())),
            "the scale belongs to the number"
        );
        assert_eq!(
            number("12", "some 2,050 troops, and 12 tanks"),
            Ok(()),
            "a number is not read across punctuation"
        );
        assert_eq!(
            number("12 tanks", "2,050, 12 tanks"),
            Ok(()),
            "nor is the value extended across it"
        );
        assert_eq!(
            number("2,500", "some 2,050 troops and 12 tanks"),
            Err(Some("some 2,050 troops".into())),
            "the nearest of the quote's numbers"
        );
        assert_eq!(
            number("300", "hundreds of tents"),
            Err(Some("hundreds of tents".into()))
        );
        assert_eq!(
            number("€5 billion", "£5 billion"),
            Err(Some("£5 billion".into()))
        );
        assert_eq!(number("7", "no figure here"), Err(None));
        assert_eq!(
            number("3 to 6 percent", "as much as 3 to 5 percent of their GDP"),
            Err(Some("3 to 5 percent".into())),
            "a range is stated only as a whole"
        );
        assert_eq!(number("3 to 5 percent", "raised to 3 to 5 percent"), Ok(()));
        assert_eq!(number("more than 300", "more than 300 soldiers"), Ok(()));
        assert_eq!(number("$5 billion", "USD 5 billion"), Ok(()));
        assert_eq!(number("$5 billion", "CAD 5 billion"), Ok(()));
        assert_eq!(
            number("$5 billion", "EUR 5 billion"),
            Err(Some("EUR 5 billion".into())),
            "a dollar sign is not a euro"
        );
        assert_eq!(number("¥5 billion", "5 billion yuan"), Ok(()));
    }
}
