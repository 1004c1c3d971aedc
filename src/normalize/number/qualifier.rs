//! Qualifiers: the words around a number that make it a bound ("more than", "up to",
//! "300 or more"), an approximation ("about", "some", "~", "300 or so"), a little below or
//! above ("nearly", "just over"), an explicit range ("between", "from"), or only emphasis
//! ("as many as"); and the article a phrase may open with ("an estimated 300").
//!
//! Owns the vocabulary of qualifiers and where they are written. It must not apply them to
//! the number: `grammar` does, once the unit is known.

use super::grammar::Parser;
use super::lexicon;

/// What a qualifier does to the number it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Qualifier {
    /// No qualifier, or only emphasis ("as many as").
    Plain,
    /// "about", "around", "some", "~": approximate.
    About,
    /// "nearly", "almost", "just under": a little below.
    Nearly,
    /// "just over": a little above.
    JustOver,
    /// "more than", "at least", "300+": a lower bound.
    AtLeast,
    /// "less than", "up to": an upper bound.
    AtMost,
    /// "between X and Y".
    Between,
    /// "from X to Y".
    From,
}

/// Leading qualifiers, longest first where one starts another ("just under" before "under").
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["approx"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["ca"], Qualifier::About),
    (&["c"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["est"], Qualifier::About),
    (&["close", "to"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["just", "under"], Qualifier::Nearly),
    (&["just", "below"], Qualifier::Nearly),
    (&["just", "over"], Qualifier::JustOver),
    (&["just", "above"], Qualifier::JustOver),
    (&["more", "than"], Qualifier::AtLeast),
    (&["greater", "than"], Qualifier::AtLeast),
    (&["higher", "than"], Qualifier::AtLeast),
    (&["exceeding"], Qualifier::AtLeast),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["in", "excess", "of"], Qualifier::AtLeast),
    (&["upwards", "of"], Qualifier::AtLeast),
    (&["well", "over"], Qualifier::AtLeast),
    (&["well", "above"], Qualifier::AtLeast),
    (&["less", "than"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::AtMost),
    (&["lower", "than"], Qualifier::AtMost),
    (&["under"], Qualifier::AtMost),
    (&["below"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["well", "under"], Qualifier::AtMost),
    (&["well", "below"], Qualifier::AtMost),
    // Emphasis: the number is as stated.
    (&["as", "much", "as"], Qualifier::Plain),
    (&["as", "many", "as"], Qualifier::Plain),
    (&["as", "high", "as"], Qualifier::Plain),
    (&["as", "little", "as"], Qualifier::Plain),
    (&["as", "few", "as"], Qualifier::Plain),
    (&["exactly"], Qualifier::Plain),
    (&["precisely"], Qualifier::Plain),
    (&["between"], Qualifier::Between),
    (&["from"], Qualifier::From),
];

/// Qualifiers written after the number ("300 or more soldiers", "300 soldiers or so").
const TRAILING: &[(&str, &str, Qualifier)] = &[
    ("or", "more", Qualifier::AtLeast),
    ("or", "above", Qualifier::AtLeast),
    ("or", "over", Qualifier::AtLeast),
    ("and", "above", Qualifier::AtLeast),
    ("and", "over", Qualifier::AtLeast),
    ("or", "less", Qualifier::AtMost),
    ("or", "fewer", Qualifier::AtMost),
    ("or", "below", Qualifier::AtMost),
    ("or", "under", Qualifier::AtMost),
    ("and", "below", Qualifier::AtMost),
    ("and", "under", Qualifier::AtMost),
    ("or", "so", Qualifier::About),
    ("or", "thereabouts", Qualifier::About),
];

/// The qualifier two words written after the number make, if they make one.
pub(super) fn trailing(first: &str, second: &str) -> Option<Qualifier> {
    TRAILING
        .iter()
        .find(|(a, b, _)| *a == first && *b == second)
        .map(|&(_, _, q)| q)
}

impl Parser<'_> {
    /// Drops a leading "a"/"an" that is only an article ("an estimated 300"), keeping the
    /// ones that are part of the number ("a hundred", "a few", "A$5").
    pub(super) fn skip_article(&mut self) {
        if !matches!(self.peek_word(), Some("a" | "an")) {
            return;
        }
        let Some(next) = self.cur.peek_nth(1) else {
            return;
        };
        let part_of_number = match next.word() {
            Some(word) => {
                matches!(word, "few" | "handful" | "couple" | "pair")
                    || lexicon::magnitude_word(word).is_some()
                    || super::unit::names_a_unit(word)
            }
            None => next.is_symbol('$') && !next.spaced,
        };
        if !part_of_number {
            self.bump();
        }
    }

    /// Reads the qualifier before the number, if any.
    pub(super) fn qualifier(&mut self) -> Qualifier {
        if self.eat_symbol('~') {
            return Qualifier::About;
        }
        let Some(first) = self.peek_word() else {
            return Qualifier::Plain;
        };
        // "c$5" is Canadian dollars, not "circa $5".
        if first == "c" && self.cur.peek_nth(1).is_some_and(|t| t.is_symbol('$')) {
            return Qualifier::Plain;
        }
        for &(words, qualifier) in QUALIFIERS {
            if words.first() == Some(&first) && self.eat_words(words) {
                return qualifier;
            }
        }
        Qualifier::Plain
    }

    /// "or more", "or so"... right here.
    pub(super) fn trailing_qualifier(&mut self) -> Option<Qualifier> {
        let first = self.peek_word()?;
        let second = self.cur.peek_nth(1).and_then(|t| t.word())?;
        let qualifier = trailing(first, second)?;
        self.bump();
        self.bump();
        Some(qualifier)
    }
}
