//! An amount of money as its source wrote it: the currency's sign, code or word where the
//! source put it, and the magnitude word, so that values and gaps are shown so
//! (`£2.5 million`, `5 lakh rupees`, `€2,500,000`).
//!
//! Owns that display record and how an amount and a gap are written with it. It must not read
//! text (`normalize::number` records what was written) nor take part in comparison: two
//! amounts compare by their [`Currency`], whatever each source wrote.

use super::{Currency, plain, scale_of, with_word};

/// An amount of money as its source wrote it: the currency's sign, code or word where the
/// source put it, and the magnitude word the number was written with. Display only:
/// comparison and identity use [`Unit::Currency`](super::Unit::Currency), so
/// "US$40 million" and "USD 40 million" are the same amount, each shown as its source wrote
/// it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WrittenMoney {
    /// The currency written before the number ("£", "US$", "Rs.", "USD").
    pub before: Option<Affix>,
    /// The currency written after the number ("dollars", "USD", "rupees").
    pub after: Option<Affix>,
    /// The magnitude the number was written at, as a power of ten: 6 for "million" or "m",
    /// 5 for "lakh", 0 for digits written in full ("£2,500,000"); `None` when there is none
    /// to keep (number words, a vague amount): the value is then shown at a readable scale.
    pub magnitude: Option<i32>,
}

/// A currency's sign, code or word as a source wrote it beside a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affix {
    /// The text as written ("US$", "Rs.", "dollars").
    pub text: Box<str>,
    /// Whether a space separates it from the number ("USD 55", not "£2.5").
    pub spaced: bool,
}

impl WrittenMoney {
    /// `number` (with its magnitude `word`, if any) between the currency as written:
    /// "£2.5 million", "USD 55 million", "5 lakh rupees", "$5 billion USD".
    #[must_use]
    pub fn amount(&self, number: &str, word: &str) -> String {
        let mut out = String::new();
        if let Some(before) = &self.before {
            out.push_str(&before.text);
            if before.spaced {
                out.push(' ');
            }
        }
        out.push_str(number);
        if !word.is_empty() {
            out.push(' ');
            out.push_str(word);
        }
        if let Some(after) = &self.after {
            // A magnitude word shown between them needs the space the source may not have
            // written ("5m€" is "5 million €").
            if after.spaced || !word.is_empty() {
                out.push(' ');
            }
            out.push_str(&after.text);
        }
        out
    }

    /// Whether `other` writes its currency the same way, in the same place.
    #[must_use]
    pub fn same_currency(&self, other: &WrittenMoney) -> bool {
        self.before == other.before && self.after == other.after
    }
}

/// A gap of `value` in `currency` between two amounts of money, shown as they were written:
/// with the currency as both wrote it ("£2.5 million"), or, written differently ("US$" and
/// "USD"), in the currency they were compared in ("USD 15 million"); at the magnitude both
/// were written at ("Rs 3 lakh" between "5 lakh rupees" and "Rs 8 lakh"; "£2,500,000"
/// between amounts in full), else at a readable scale. The same text whichever comes first.
#[must_use]
pub fn money_gap(
    currency: &Currency,
    a: Option<&WrittenMoney>,
    b: Option<&WrittenMoney>,
    value: f64,
) -> String {
    let shared = a
        .zip(b)
        .and_then(|(a, b)| a.magnitude.filter(|&m| b.magnitude == Some(m)))
        .and_then(named_magnitude);
    let (divisor, word) = shared.unwrap_or_else(|| scale_of(value.abs()));
    let number = plain(value / divisor);
    match a.zip(b) {
        Some((a, b)) if a.same_currency(b) => a.amount(&number, word),
        _ => format!("{} {}", currency.symbol(), with_word(number, word)),
    }
}

/// The divisor and word of a magnitude written as a power of ten: 6 is a "million", 5 a
/// "lakh", 0 none; `None` for a power no single word names.
pub(super) fn named_magnitude(exp: i32) -> Option<(f64, &'static str)> {
    let word = match exp {
        0 => "",
        2 => "hundred",
        3 => "thousand",
        5 => "lakh",
        6 => "million",
        7 => "crore",
        9 => "billion",
        12 => "trillion",
        _ => return None,
    };
    Some((10f64.powi(exp), word))
}

#[cfg(test)]
mod tests {
    use super::super::Unit;
    use super::super::tests::quantity;
    use super::*;

    fn written(before: Option<&str>, after: Option<&str>, magnitude: Option<i32>) -> WrittenMoney {
        let affix = |text: &str, spaced: bool| Affix {
            text: text.into(),
            spaced,
        };
        WrittenMoney {
            before: before.map(|t| affix(t, t.ends_with(char::is_alphabetic))),
            after: after.map(|t| affix(t, true)),
            magnitude,
        }
    }

    #[test]
    fn money_is_described_with_its_currency_and_magnitude_as_written() {
        let mut pounds = quantity(
            2.5e6,
            2.5e6,
            0.05e6,
            Unit::Currency(Currency::Code("GBP".into())),
        );
        pounds.written_money = Some(Box::new(written(Some("£"), None, Some(6))));
        assert_eq!(pounds.describe(), "£2.5 million (±0.05 million)");
        // Digits written in full stay in full.
        pounds.written_money = Some(Box::new(written(Some("£"), None, Some(0))));
        assert_eq!(pounds.describe(), "£2,500,000 (±50,000)");
        let mut rupees = quantity(5e5, 5e5, 0.5e5, Unit::Currency(Currency::AmbiguousRupee));
        rupees.written_money = Some(Box::new(written(None, Some("rupees"), Some(5))));
        assert_eq!(rupees.describe(), "5 lakh rupees (±0.5 lakh)");
        rupees.written_money = Some(Box::new(written(Some("Rs"), None, Some(7))));
        rupees.approximate = true;
        assert_eq!(rupees.describe(), "about Rs 0.05 crore (±0.005 crore)");
        let mut both = quantity(
            5e9,
            6e9,
            0.5e9,
            Unit::Currency(Currency::Code("USD".into())),
        );
        both.written_money = Some(Box::new(written(Some("$"), Some("USD"), Some(9))));
        assert_eq!(both.describe(), "$5–6 billion USD (±0.5 billion)");
        // A magnitude nothing names, or none kept, is shown at a readable scale.
        both.written_money = Some(Box::new(written(Some("US$"), None, Some(8))));
        assert_eq!(both.describe(), "US$5–6 billion (±0.5 billion)");
        both.written_money = Some(Box::new(written(None, Some("dollars"), None)));
        assert_eq!(both.describe(), "5–6 billion dollars (±0.5 billion)");
        // A word written glued to the number is spaced from the magnitude shown before it.
        let mut glued = written(None, Some("€"), Some(6));
        if let Some(after) = glued.after.as_mut() {
            after.spaced = false;
        }
        let mut euros = quantity(5e6, 5e6, 0.0, Unit::Currency(Currency::Code("EUR".into())));
        euros.written_money = Some(Box::new(glued.clone()));
        assert_eq!(euros.describe(), "5 million €");
        glued.magnitude = Some(0);
        euros.low = 500.0;
        euros.high = 500.0;
        euros.written_money = Some(Box::new(glued));
        assert_eq!(euros.describe(), "500€");
        // No currency written (one taken from the property's other values), or not money:
        // the normalized form.
        euros.written_money = Some(Box::new(written(None, None, Some(0))));
        assert_eq!(euros.describe(), "EUR 500");
        let mut count = quantity(5.0, 5.0, 0.0, Unit::Count("tent".into()));
        count.written_money = Some(Box::new(written(Some("$"), None, Some(0))));
        assert_eq!(count.describe(), "5 tent");
    }

    #[test]
    fn a_gap_in_money_shows_the_currency_both_wrote_else_the_one_compared_in() {
        let gbp = Currency::Code("GBP".into());
        let pounds = written(Some("£"), None, Some(6));
        let code = written(Some("GBP"), None, Some(6));
        assert_eq!(
            money_gap(&gbp, Some(&pounds), Some(&pounds), 2.5e6),
            "£2.5 million"
        );
        assert_eq!(
            money_gap(&gbp, Some(&pounds), Some(&code), 2.5e6),
            "GBP 2.5 million"
        );
        assert_eq!(
            money_gap(&gbp, Some(&code), Some(&pounds), 2.5e6),
            "GBP 2.5 million"
        );
        assert_eq!(
            money_gap(&gbp, None, Some(&pounds), 2.5e6),
            "GBP 2.5 million"
        );
        let full = written(Some("£"), None, Some(0));
        assert_eq!(
            money_gap(&gbp, Some(&full), Some(&full), 2.5e6),
            "£2,500,000"
        );
        assert_eq!(
            money_gap(&gbp, Some(&full), Some(&pounds), 2.5e6),
            "£2.5 million"
        );
        let rupee = Currency::AmbiguousRupee;
        let lakh = written(None, Some("rupees"), Some(5));
        let rs = written(Some("Rs"), None, Some(5));
        assert_eq!(
            money_gap(&rupee, Some(&lakh), Some(&lakh), 3e5),
            "3 lakh rupees"
        );
        assert_eq!(money_gap(&rupee, Some(&lakh), Some(&rs), 3e5), "Rs 3 lakh");
    }

    #[test]
    fn parsed_money_keeps_the_currency_as_its_source_wrote_it() {
        use crate::normalize::number::parse_number;
        let shown = |text: &str| parse_number(text).map(|q| q.describe()).unwrap_or_default();
        assert_eq!(shown("£2.5 million"), "£2.5 million (±0.05 million)");
        assert_eq!(shown("£2.5m"), "£2.5 million (±0.05 million)");
        assert_eq!(shown("£2,500,000"), "£2,500,000 (±0.5)");
        assert_eq!(shown("US$40 million"), "US$40 million (±0.5 million)");
        assert_eq!(shown("USD 55 million"), "USD 55 million (±0.5 million)");
        assert_eq!(shown("usd 55 million"), "usd 55 million (±0.5 million)");
        assert_eq!(shown("USD3.14"), "USD3.14 (±0.005)");
        assert_eq!(shown("Rs. 500"), "Rs. 500 (±0.5)");
        assert_eq!(shown("RM 42"), "RM 42 (±0.5)");
        assert_eq!(shown("5 lakh rupees"), "5 lakh rupees (±0.5 lakh)");
        assert_eq!(shown("Rs 2 crore"), "Rs 2 crore (±0.5 crore)");
        assert_eq!(shown("5m dollars"), "5 million dollars (±0.5 million)");
        assert_eq!(shown("$5 billion USD"), "$5 billion USD (±0.5 billion)");
        assert_eq!(shown("€5 to €6 million"), "€5–6 million (±0.5 million)");
        assert_eq!(shown("about €300"), "about €300 (±50)");
        assert_eq!(shown("more than ¥1 billion"), "≥ ¥1 billion");
        assert_eq!(
            shown("1,000 Australian dollars"),
            "1,000 Australian dollars (±0.5)"
        );
        assert_eq!(shown("20 pounds sterling"), "20 pounds sterling (±0.5)");
        assert_eq!(shown("hundreds of euros"), "200–999 euros");
        // "A$5" is Australian: the country letters are the currency's.
        assert_eq!(shown("A$5"), "A$5 (±0.5)");
        // Two pounds of meat is a weight: nothing of money is kept.
        let meat = parse_number("two pounds of meat");
        assert!(meat.is_ok_and(|q| q.written_money.is_none()));
    }
}
