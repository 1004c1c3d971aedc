//! Cardinal numbers in words: "seven hundred twenty-one", "one hundred and five",
//! "two thousand and twelve", "one million two hundred thousand", "three crore twelve lakh",
//! "two point two". ("and a half" is `compound`'s; "half a", "a dollar" are `amount`'s.)
//!
//! Owns the grammar of English number words and the precision they state (to the last word's
//! unit: "two hundred" to the hundred, "two point two" to the tenth). A magnitude that ends
//! the number ("seven hundred twenty-one thousand") is left to the caller, so that the two
//! ends of a range can share it ("two to three million"). It must not read numerals, units or
//! qualifiers.

use super::decimal::Decimal;
use super::grammar::Parser;
use super::lexer::Cursor;
use super::lexicon;

/// What the last word read was, which decides what may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    /// "one" to "nineteen".
    Unit,
    /// "twenty" to "ninety", without units yet.
    Tens,
    /// "twenty-one" and the like.
    TensUnits,
    Hundred,
    /// "thousand", "million"... followed by more words.
    Big,
    And,
}

/// A number read from words: its digits and the unit of its last written word.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cardinal {
    pub value: Decimal,
    pub step: Decimal,
}

/// Decimal places read after "point" at most: more is not a stated number.
const MAX_DECIMALS: i32 = 12;

/// The words read so far.
#[derive(Debug, Clone, Copy)]
struct State {
    /// The sum of the parts closed by a magnitude ("one million" in "one million two").
    total: f64,
    /// The part being read ("two hundred").
    current: f64,
    /// The unit of the last word.
    step: f64,
    last: Last,
    /// The last magnitude used: the next must be smaller.
    last_big: f64,
    /// Decimal digits after "point" (or the 5 of "and a half"), and how many.
    fraction: Option<(f64, i32)>,
}

/// Whether to read on after a word.
enum Next {
    More,
    Stop,
}

impl Parser<'_> {
    /// Reads a cardinal in words, or nothing (and does not move) if none starts here.
    pub(super) fn cardinal_words(&mut self) -> Option<Cardinal> {
        let mut ahead = self.cur;
        let mut state = State {
            total: 0.0,
            current: 0.0,
            step: 1.0,
            last: Last::Start,
            last_big: f64::INFINITY,
            fraction: None,
        };
        while let Some(word) = ahead.peek().and_then(|t| t.word()) {
            match state.take(&mut ahead, word)? {
                Next::More => {}
                Next::Stop => break,
            }
        }
        if matches!(state.last, Last::Start | Last::And) {
            return None;
        }
        self.cur = ahead;
        let whole = state.total + state.current;
        Some(match state.fraction {
            Some((digits, places)) => {
                let power = 10f64.powi(places);
                Cardinal {
                    value: Decimal::new(whole * power + digits, -places),
                    step: Decimal::new(1.0, -places),
                }
            }
            None => Cardinal {
                value: Decimal::whole(whole),
                step: Decimal::whole(state.step),
            },
        })
    }
}

impl State {
    /// Reads `word` (the next token at `ahead`) if it continues the number; `None` when the
    /// number is malformed past repair (too many decimals).
    fn take(&mut self, ahead: &mut Cursor<'_>, word: &str) -> Option<Next> {
        if let Some(value) = lexicon::unit_word(word) {
            let fits = match self.last {
                Last::Start | Last::Hundred | Last::Big | Last::And => true,
                Last::Tens => (1..=9).contains(&value),
                Last::Unit | Last::TensUnits => false,
            };
            if !fits {
                return Some(Next::Stop);
            }
            ahead.next_token();
            self.current += f64::from(value);
            self.step = 1.0;
            self.last = if self.last == Last::Tens {
                Last::TensUnits
            } else {
                Last::Unit
            };
            return Some(Next::More);
        }
        if let Some(value) = lexicon::tens_word(word) {
            if !matches!(
                self.last,
                Last::Start | Last::Hundred | Last::Big | Last::And
            ) {
                return Some(Next::Stop);
            }
            ahead.next_token();
            self.current += f64::from(value);
            self.step = 1.0;
            self.last = Last::Tens;
            // "twenty-one": the hyphen joins a unit to the tens.
            let hyphen = ahead.peek().is_some_and(|t| t.is_symbol('-'));
            let unit = ahead
                .peek_nth(1)
                .and_then(|t| t.word())
                .and_then(lexicon::unit_word)
                .filter(|u| (1..=9).contains(u));
            if let (true, Some(unit)) = (hyphen, unit) {
                ahead.next_token();
                ahead.next_token();
                self.current += f64::from(unit);
                self.last = Last::TensUnits;
            }
            return Some(Next::More);
        }
        if word == "hundred" {
            let fits = matches!(self.last, Last::Unit | Last::TensUnits | Last::Tens)
                && self.current > 0.0
                && self.current < 100.0;
            if !fits {
                return Some(Next::Stop);
            }
            ahead.next_token();
            self.current *= 100.0;
            self.step = 100.0;
            self.last = Last::Hundred;
            return Some(Next::More);
        }
        if let Some(big) = big_magnitude(word) {
            return Some(self.big(ahead, big));
        }
        if word == "and" {
            return Some(self.and(ahead));
        }
        if word == "point" && !matches!(self.last, Last::Start | Last::And | Last::Big) {
            return self.point(ahead);
        }
        Some(Next::Stop)
    }

    fn big(&mut self, ahead: &mut Cursor<'_>, big: f64) -> Next {
        let fits = matches!(
            self.last,
            Last::Unit | Last::Tens | Last::TensUnits | Last::Hundred
        ) && self.current > 0.0
            && big < self.last_big;
        // A magnitude that ends the number is the caller's ("twenty-one thousand").
        if !fits || (self.total == 0.0 && !more_words_after(*ahead)) {
            return Next::Stop;
        }
        ahead.next_token();
        self.total += self.current * big;
        self.step *= big;
        self.current = 0.0;
        self.last_big = big;
        self.last = Last::Big;
        Next::More
    }

    /// "and" before more words ("one hundred and five") or "and a half".
    fn and(&mut self, ahead: &mut Cursor<'_>) -> Next {
        let next = ahead.peek_nth(1).and_then(|t| t.word());
        let number_follows = next
            .is_some_and(|w| lexicon::unit_word(w).is_some() || lexicon::tens_word(w).is_some());
        if matches!(self.last, Last::Hundred | Last::Big) && number_follows {
            ahead.next_token();
            self.last = Last::And;
            return Next::More;
        }
        Next::Stop
    }

    /// "point" and its digits ("two point two five").
    fn point(&mut self, ahead: &mut Cursor<'_>) -> Option<Next> {
        let mut digits = *ahead;
        digits.next_token();
        let mut mantissa = 0.0;
        let mut places = 0;
        while let Some(digit) = digits
            .peek()
            .and_then(|t| t.word())
            .and_then(lexicon::unit_word)
            .filter(|d| *d <= 9)
        {
            if places >= MAX_DECIMALS {
                return None;
            }
            digits.next_token();
            mantissa = mantissa * 10.0 + f64::from(digit);
            places += 1;
        }
        if places > 0 {
            *ahead = digits;
            self.fraction = Some((mantissa, places));
        }
        Some(Next::Stop)
    }
}

/// A magnitude above a hundred, as a plain factor.
fn big_magnitude(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "lakh" | "lac" | "lakhs" | "lacs" => 1e5,
        "million" => 1e6,
        "crore" | "cr" | "crores" | "krore" | "krores" | "koti" => 1e7,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Whether number words follow the magnitude at the cursor ("thousand two hundred",
/// "thousand and twelve").
fn more_words_after(cursor: Cursor<'_>) -> bool {
    let word = |n| cursor.peek_nth(n).and_then(|t| t.word());
    let is_number = |w: Option<&str>| {
        w.is_some_and(|w| lexicon::unit_word(w).is_some() || lexicon::tens_word(w).is_some())
    };
    is_number(word(1)) || (word(1) == Some("and") && is_number(word(2)))
}

#[cfg(test)]
mod tests {
    #![expect(
        clippy::float_cmp,
        reason = "number words are exact: 2.2 million is 2,200,000"
    )]

    use crate::normalize::number::parse_number;

    fn value(text: &str) -> (f64, f64) {
        parse_number(text).map_or((f64::NAN, f64::NAN), |q| (q.low, q.tolerance))
    }

    #[test]
    fn compound_number_words() {
        assert_eq!(
            value("seven hundred twenty-one thousand"),
            (721_000.0, 500.0)
        );
        assert_eq!(value("one hundred and five"), (105.0, 0.5));
        assert_eq!(value("two thousand and twelve"), (2_012.0, 0.5));
        assert_eq!(value("nineteen hundred"), (1_900.0, 50.0));
        assert_eq!(
            value("one million two hundred thousand"),
            (1_200_000.0, 50_000.0)
        );
        assert_eq!(value("three hundred thousand soldiers").0, 300_000.0);
        assert_eq!(value("twenty one").0, 21.0);
    }

    #[test]
    fn decimals_and_halves_in_words_are_exact() {
        assert_eq!(value("two point two million"), value("2.2 million"));
        assert_eq!(value("two point two million").0, 2_200_000.0);
        assert_eq!(value("three point two five"), (3.25, 0.005));
        assert_eq!(value("two and a half million"), (2_500_000.0, 250_000.0));
        assert!((value("5 and a half minutes").0 - 5.5 / 1_440.0).abs() < 1e-12);
        assert_eq!(value("an hour and a half").0, 1.5 / 24.0);
        assert_eq!(value("seven and a half").0, 7.5);
    }

    #[test]
    fn words_that_do_not_make_one_number_are_refused() {
        assert!(parse_number("five six").is_err());
        assert!(parse_number("five and six").is_err());
        assert!(parse_number("twenty thirty").is_err());
    }

    #[test]
    fn a_range_in_words_shares_its_magnitude() {
        let q = parse_number("two to three million").ok();
        assert_eq!(q.map(|q| (q.low, q.high)), Some((2e6, 3e6)));
    }
}
