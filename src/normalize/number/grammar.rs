//! The grammar of a whole number phrase:
//!
//! ```text
//! phrase    = [article] [change] [qualifier] amount [separator [~] amount] [trailing]
//!             [of-base | noun | description] [trailing] ["(" equivalent ")"]
//! change    = "a rise of" | "a drop of" | ...
//! qualifier = about | nearly | more than | less than | up to | between | from | as many as | ...
//! separator = "to" | "-" | "or" | "and" (after "between")
//! trailing  = "or more" | "or less" | "or so" | ...
//! ```
//!
//! Owns how the parts combine, in order, and the problems a phrase can have; the ambiguities
//! a phrase leaves open (`Ambiguity`) and the assumptions that settle them (`Assume`). The
//! quantity itself is shaped by `shape`, the unit's meaning and what follows it settled by
//! `settle`. It must not know individual words (`lexicon`, `qualifier`, `measure`) or how an
//! amount and its unit are spelt (`amount`, `unit`, `words`, `compound`).

use super::amount::{Amount, UnitAt};
use super::lexer::{Cursor, Kind, Token};
use super::lexicon::Scale;
use super::measure::TemperatureScale;
use super::qualifier::{Qualifier, trailing};
use super::shape::{join, shape};

use super::unit::WrittenUnit;
use crate::model::quantity::{Dimension, Quantity, SourceUnit, Unit};

/// Why a phrase is not a number; the text it quotes is from the lower-cased phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Problem<'a> {
    /// Nothing but whitespace.
    Empty,
    /// A word or sign that does not belong where it is.
    Unexpected(&'a str),
    /// The phrase stops before something it needs.
    Missing(&'static str),
    /// "3,5": a comma that is not a thousands separator.
    DecimalComma(&'a str),
    /// A unit the text alone does not settle ("5m", "20 degrees").
    Ambiguous(Ambiguity),
    /// "below sea level": a depth or a negative elevation.
    BelowSeaLevel,
    /// "a rise of", "warmer" with something that is not a temperature.
    ChangeNotTemperature,
    /// The upper end of a range is below its lower end.
    Reversed,
    /// Two different units in one value ("$5 to €6", "5% to 6 km").
    MixedUnits,
    /// Words after an amount of money, a measure or a percentage.
    AfterAmount(&'a str),
    /// A counted noun that contains numbers or signs.
    NotANoun(&'a str),
    /// A qualifier that takes one number, given a range or a vague quantity.
    BoundOnRange(&'a str),
    /// Two qualifiers that say different things ("at least 300 or less").
    TwoQualifiers,
    /// More digits, or a larger magnitude, than a number can hold.
    TooLarge,
    /// A numeral with more digits than are read.
    TooManyDigits,
    /// "2% of" with nothing after "of".
    NoBase,
    /// An abbreviation after the number with two meanings, neither of them the usual one
    /// ("300 kr": crore or kronor), and that the property's other values could not settle
    /// since one is a magnitude and the other a currency.
    TwoMeanings(super::lexicon::TwoMeanings),
}

/// A unit the text alone does not settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ambiguity {
    /// A bare "m" after a numeral: metres or a million.
    M,
    /// A bare "m" before "of" ("5m of funding"): metres of something, or a million of it;
    /// with no default, since "of" names what is measured or counted.
    MOf,
    /// "degrees" or "°" with no scale: Celsius or Fahrenheit.
    Degrees,
    /// "pounds": sterling (the default) or a weight.
    Pounds,
}

/// What to read an ambiguous unit as, when something outside the text has decided it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Assume {
    /// A bare "m": `true` for metres, `false` for a million.
    pub m_is_metres: Option<bool>,
    /// A bare "degrees".
    pub degrees: Option<TemperatureScale>,
    /// "pounds": `true` for a weight, `false` for sterling.
    pub pounds_are_mass: Option<bool>,
}

/// A phrase read: its quantity and, when one follows in parentheses, its stated equivalent
/// ("1,000 feet (305 m)").
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub quantity: Quantity,
    /// The temperature scale the value was written in, which decides bare "degrees" beside it.
    pub scale: Option<TemperatureScale>,
    pub equivalent: Option<Quantity>,
    /// Where an amount of money wrote its currency, to show it as written.
    pub money: Option<MoneyAt>,
}

/// Where an amount of money wrote its currency (byte ranges of the phrase), and the
/// magnitude it was written at as a power of ten (0 for digits in full; `None` for number
/// words or a vague amount).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MoneyAt {
    pub currency: UnitAt,
    pub magnitude: Option<i32>,
}

/// A phrase's quantity, the temperature scale it was written in, and where its money's
/// currency was written.
type Read = (Quantity, Option<TemperatureScale>, Option<MoneyAt>);

/// Parses a lower-cased number phrase.
pub(super) fn parse(text: &str, assume: Assume) -> Result<Phrase, Problem<'_>> {
    if let Some((main, inner)) = split_equivalent(text) {
        // The equivalent is read with the same assumptions; one that is not a number means
        // the parentheses are not an equivalent, and the whole phrase is read as it is.
        // A bare "m" in an equivalent is metres: it restates a measure.
        let inner_assume = Assume {
            m_is_metres: assume.m_is_metres.or(Some(true)),
            ..assume
        };
        if let Ok((equivalent, _, _)) = parse_one(inner, inner_assume) {
            let (quantity, scale, money) = parse_one(main, assume)?;
            return Ok(Phrase {
                quantity,
                scale,
                equivalent: Some(equivalent),
                money,
            });
        }
    }
    let (quantity, scale, money) = parse_one(text, assume)?;
    Ok(Phrase {
        quantity,
        scale,
        equivalent: None,
        money,
    })
}

fn parse_one(text: &str, assume: Assume) -> Result<Read, Problem<'_>> {
    Parser {
        text,
        cur: Cursor::new(text),
        assume,
    }
    .quantity()
}

/// "1,000 feet (305 m)" as `("1,000 feet ", "305 m")`: a phrase ending in one parenthesised
/// part, with something before it.
fn split_equivalent(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim_end();
    let body = trimmed.strip_suffix(')')?;
    let open = body.rfind('(')?;
    let (main, inner) = (body.get(..open)?, body.get(open + 1..)?);
    let nested = inner.contains(['(', ')']);
    (!nested && !main.trim().is_empty()).then_some((main, inner))
}

/// A recursive-descent parser over the lazily lexed tokens.
pub(super) struct Parser<'a> {
    /// The lower-cased phrase.
    pub text: &'a str,
    /// Where the parser is.
    pub cur: Cursor<'a>,
    /// What ambiguous units are read as, if decided.
    pub assume: Assume,
}

impl<'a> Parser<'a> {
    /// The next token, without moving.
    pub(super) fn peek(&self) -> Option<Token<'a>> {
        self.cur.peek()
    }

    /// The next token's text if it is a word, without moving.
    pub(super) fn peek_word(&self) -> Option<&'a str> {
        self.peek().and_then(|t| t.word())
    }

    /// Moves past the next token.
    pub(super) fn bump(&mut self) -> Option<Token<'a>> {
        self.cur.next_token()
    }

    /// Moves past the next token if it is `word`.
    pub(super) fn eat_word(&mut self, word: &str) -> bool {
        let mut ahead = self.cur;
        let found = ahead.next_token().and_then(|t| t.word()) == Some(word);
        if found {
            self.cur = ahead;
        }
        found
    }

    /// Moves past the next token if it is the symbol `c`.
    pub(super) fn eat_symbol(&mut self, c: char) -> bool {
        let mut ahead = self.cur;
        let found = ahead.next_token().is_some_and(|t| t.is_symbol(c));
        if found {
            self.cur = ahead;
        }
        found
    }

    /// Consumes all of `words` in order, or nothing.
    pub(super) fn eat_words(&mut self, words: &[&str]) -> bool {
        let mut ahead = self.cur;
        for word in words {
            if ahead.next_token().and_then(|t| t.word()) != Some(*word) {
                return false;
            }
        }
        self.cur = ahead;
        true
    }

    /// The text from the next token to the end.
    fn rest(&self) -> &'a str {
        self.peek()
            .and_then(|t| self.text.get(t.start..))
            .map_or("", str::trim_end)
    }

    /// Reads the whole phrase.
    fn quantity(mut self) -> Result<Read, Problem<'a>> {
        if self.peek().is_none() {
            return Err(Problem::Empty);
        }
        self.skip_article();
        let change_down = self.change_prefix();
        let qualifier_start = self.peek().map_or(0, |t| t.start);
        let qualifier = self.qualifier();
        let qualifier_end = self.peek().map_or(self.text.len(), |t| t.start);
        let qualifier_text = self
            .text
            .get(qualifier_start..qualifier_end)
            .map_or("", str::trim_end);
        let first = self.amount()?;
        let (second, upper_about) = self.upper_end(qualifier)?;
        // "between 2 g and about 7 g", "2 - ~7 grams": the range is approximate.
        let qualifier = match qualifier {
            Qualifier::Plain | Qualifier::Between | Qualifier::From if upper_about => {
                Qualifier::About
            }
            other => other,
        };
        let mut late = self.trailing_qualifier();
        let mut unit = WrittenUnit::merge(first.unit, second.and_then(|s| s.unit))?;
        let ambiguous_m = first.ambiguous_m || second.is_some_and(|s| s.ambiguous_m);
        let plus = first.plus || second.is_some_and(|s| s.plus);
        let mut written = join(first, second)?;

        self.settle_unit(&mut unit, &mut written, ambiguous_m)?;

        let (base, noun, mut described, trailing) = self.after_unit(unit)?;
        if let Some(down) = change_down {
            described.change = true;
            described.negate ^= down;
        }
        late = one_of(late, trailing)?;
        if late.is_none() {
            late = self.trailing_qualifier();
        }
        if self.peek().is_some() {
            return Err(Problem::AfterAmount(self.rest()));
        }
        if described.negate {
            written = written.negated();
        }
        let is_temperature = matches!(unit, Some(WrittenUnit::Temperature(_)));
        if described.change && !is_temperature {
            return Err(Problem::ChangeNotTemperature);
        }

        let qualifier = match (qualifier, late, plus) {
            (q, None, false) => q,
            (Qualifier::Plain, Some(late), false) => late,
            (Qualifier::Plain, None, true) => Qualifier::AtLeast,
            (q, Some(late), false) if q == late => q,
            _ => return Err(Problem::TwoQualifiers),
        };
        // Below zero, "more than 2" degrees is colder than −2: the bound turns over.
        let qualifier = if described.negate {
            match qualifier {
                Qualifier::AtLeast => Qualifier::AtMost,
                Qualifier::AtMost => Qualifier::AtLeast,
                // "nearly" and "just over" scale the number, whatever its sign.
                other => other,
            }
        } else {
            qualifier
        };
        let is_range = second.is_some() || written.vague;
        if is_range && matches!(qualifier, Qualifier::Nearly | Qualifier::JustOver) {
            return Err(Problem::BoundOnRange(qualifier_text));
        }
        if second.is_some() && matches!(qualifier, Qualifier::AtLeast | Qualifier::AtMost) {
            return Err(Problem::BoundOnRange(qualifier_text));
        }

        // The measure unit as written, to show values and gaps in it (`model::quantity`).
        let written_in = match unit {
            Some(WrittenUnit::Measure(dimension, scale)) => {
                SourceUnit::of(dimension, scale.factor * 10f64.powi(scale.exp))
            }
            _ => None,
        };
        let unit_written = unit;
        let money = money_at(unit, first, second, written.vague);
        let (written, unit) = match (unit, noun) {
            (Some(WrittenUnit::Percent), _) => (written, Unit::Percent),
            (Some(WrittenUnit::Money(money)), _) => (written, Unit::Currency(money.currency())),
            (Some(WrittenUnit::Measure(dimension, scale)), _) => {
                (written.scaled(scale), Unit::Measure(dimension))
            }
            (Some(WrittenUnit::Temperature(scale)), _) if described.change => (
                written.scaled(Scale::times(scale.factor())),
                Unit::Measure(Dimension::TemperatureChange),
            ),
            (Some(WrittenUnit::Temperature(scale)), _) => (
                written.on_temperature_scale(scale),
                Unit::Measure(Dimension::Temperature),
            ),
            (None, Some(noun)) => (written, Unit::Count(noun)),
            (Some(WrittenUnit::Degrees | WrittenUnit::Pounds) | None, _) => (written, Unit::None),
        };
        let scale = match unit_written {
            Some(WrittenUnit::Temperature(scale)) => Some(scale),
            _ => None,
        };
        let mut quantity = shape(written, qualifier, unit, base)?;
        quantity.written_in = written_in;
        Ok((quantity, scale, money))
    }

    /// The upper end of a range, if there is one, and whether it is approximate.
    fn upper_end(&mut self, qualifier: Qualifier) -> Result<(Option<Amount>, bool), Problem<'a>> {
        let separated = match qualifier {
            Qualifier::Between => {
                if !(self.eat_word("and") || self.eat_symbol('-')) {
                    return Err(self.missing("`and` and the upper end after `between`"));
                }
                true
            }
            Qualifier::From => {
                if !(self.eat_word("to") || self.eat_symbol('-')) {
                    return Err(self.missing("`to` and the upper end after `from`"));
                }
                true
            }
            _ => self.range_separator(),
        };
        if !separated {
            return Ok((None, false));
        }
        let about = self.upper_approximation();
        Ok((Some(self.amount()?), about))
    }

    /// "about" or "~" before the upper end of a range.
    fn upper_approximation(&mut self) -> bool {
        self.eat_symbol('~')
            || self.eat_word("about")
            || self.eat_word("around")
            || self.eat_word("approximately")
    }

    /// "to", a dash, or "or" between two numbers ("two or three").
    fn range_separator(&mut self) -> bool {
        if self.eat_word("to") || self.eat_symbol('-') {
            return true;
        }
        let next = self.cur.peek_nth(1).and_then(|t| t.word()).unwrap_or("");
        if self.peek_word() == Some("or") && trailing("or", next).is_none() {
            self.bump();
            return true;
        }
        false
    }

    /// The counted noun: words (and hyphens) to the end, less a trailing qualifier.
    pub(super) fn counted_noun(&mut self) -> Result<(&'a str, Option<Qualifier>), Problem<'a>> {
        let Some(first) = self.peek() else {
            return Err(Problem::Missing("what is counted"));
        };
        // A word glued to the number that is not a unit ("1e5", "1st") is not a noun.
        let glued = !first.spaced;
        if glued || first.word().is_none_or(super::lexicon::is_function_word) {
            return Err(Problem::Unexpected(first.text));
        }
        // A number word in the noun means the phrase holds more numbers than one ("three cr
        // twelve lac"), not a thing counted.
        self.phrase_to_end(|token| match token.kind {
            Kind::Word => !super::lexicon::is_number_word(token.text),
            Kind::Symbol(c) => matches!(c, '-' | '\'' | '\u{2019}'),
            Kind::Numeral => false,
        })
        .ok_or_else(|| Problem::NotANoun(self.rest_from(first)))
    }

    /// What a percentage is of: anything to the end ("GDP", "2019 GDP"), less a trailing
    /// qualifier.
    pub(super) fn base_phrase(&mut self) -> (&'a str, Option<Qualifier>) {
        self.phrase_to_end(|_| true)
            .unwrap_or_else(|| (self.rest(), None))
    }

    /// The text from here to the end, less a trailing qualifier ("or more") and the
    /// qualifier; `None` if a token is not `allowed`. Moves to the end.
    fn phrase_to_end(
        &mut self,
        allowed: impl Fn(&Token<'a>) -> bool,
    ) -> Option<(&'a str, Option<Qualifier>)> {
        let start = self.peek().map_or(self.text.len(), |t| t.start);
        let mut end = self.text.len();
        let mut previous: Option<Token<'a>> = None;
        let mut late = None;
        let mut ahead = self.cur;
        while let Some(token) = ahead.next_token() {
            if !allowed(&token) {
                return None;
            }
            if let (Some(prev), Some(word)) = (previous, token.word()) {
                let trailing_here = prev.word().and_then(|p| trailing(p, word));
                if trailing_here.is_some() && ahead.peek().is_none() {
                    end = prev.start;
                    late = trailing_here;
                }
            }
            previous = Some(token);
        }
        self.cur = ahead;
        let phrase = self.text.get(start..end).unwrap_or_default();
        Some((phrase.trim_end(), late))
    }

    fn rest_from(&self, token: Token<'a>) -> &'a str {
        self.text.get(token.start..).map_or("", str::trim_end)
    }

    fn missing(&self, what: &'static str) -> Problem<'a> {
        match self.peek() {
            Some(token) => Problem::Unexpected(token.text),
            None => Problem::Missing(what),
        }
    }
}

/// The one trailing qualifier of the two places it may be written ("300 or more soldiers",
/// "300 soldiers or more"); an error if both are written and disagree.
/// Where a phrase of one or two amounts of money wrote its currency (the first sign before a
/// number, the last word after one: "$5 to $6 billion", "5 to 6 billion dollars"), and the
/// magnitude it was written at: the upper end's ("5 to 6 billion"), or none for digits in
/// full; `None` when the phrase is not money.
fn money_at(
    unit: Option<WrittenUnit>,
    first: Amount,
    second: Option<Amount>,
    vague: bool,
) -> Option<MoneyAt> {
    if !matches!(unit, Some(WrittenUnit::Money(_))) {
        return None;
    }
    let ends = [Some(first), second];
    let ends = ends.iter().flatten();
    let currency = UnitAt {
        before: ends.clone().find_map(|end| end.unit_at.before),
        after: ends.clone().rev().find_map(|end| end.unit_at.after),
    };
    let magnitude = match ends.clone().rev().find_map(|end| end.magnitude) {
        #[expect(clippy::float_cmp, reason = "a power of ten is exactly that")]
        Some(scale) if scale.factor == 1.0 => Some(scale.exp),
        None if !vague && ends.clone().all(|end| end.digits) => Some(0),
        // "a dozen", number words, a vague amount.
        _ => None,
    };
    Some(MoneyAt {
        currency,
        magnitude,
    })
}

fn one_of(
    a: Option<Qualifier>,
    b: Option<Qualifier>,
) -> Result<Option<Qualifier>, Problem<'static>> {
    match (a, b) {
        (Some(x), Some(y)) if x != y => Err(Problem::TwoQualifiers),
        (x, y) => Ok(x.or(y)),
    }
}
