//! Descriptive words after a measure that do not change it: "3,000 metres above sea level",
//! "12.5m tall", "300 km long", "5 tonnes in total", "2 degrees below zero".
//!
//! Owns the list of such descriptions and what each does (nothing; negate a temperature; or
//! refuse, for "below sea level", which may be a depth or a negative elevation). It must not
//! accept words that change the quantity's meaning: a rate ("per hour", "a year"), a
//! comparison ("more than last year") or another number stays an error, because the grammar
//! reports every word it does not understand.

use super::grammar::Parser;

/// What a description does to the measure before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tail {
    /// Only describes ("tall", "above sea level").
    Description,
    /// "below zero": the temperature is negative.
    BelowZero,
    /// "below sea level": a depth or a negative elevation; refused.
    BelowSeaLevel,
    /// "warmer", "of warming": a temperature difference, upwards.
    Warmer,
    /// "cooler", "of cooling": a temperature difference, downwards.
    Cooler,
}

/// What the descriptions after a measure did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Described {
    /// The value is on the other side of zero ("below zero", "cooler").
    pub negate: bool,
    /// The value is a temperature difference, not a temperature ("warmer", "a rise of").
    pub change: bool,
}

/// Words before a number that make it a change ("a rise of 2 °C"), and whether downwards.
const CHANGES: &[(&[&str], bool)] = &[
    (&["rise", "of"], false),
    (&["increase", "of"], false),
    (&["warming", "of"], false),
    (&["drop", "of"], true),
    (&["fall", "of"], true),
    (&["decrease", "of"], true),
    (&["cooling", "of"], true),
];

/// Descriptions, longest first where one starts another.
const TAILS: &[(&[&str], Tail)] = &[
    (&["above", "mean", "sea", "level"], Tail::Description),
    (&["above", "sea", "level"], Tail::Description),
    (&["above", "ground", "level"], Tail::Description),
    (&["above", "ground"], Tail::Description),
    (&["above", "zero"], Tail::Description),
    (&["below", "zero"], Tail::BelowZero),
    (&["below", "mean", "sea", "level"], Tail::BelowSeaLevel),
    (&["below", "sea", "level"], Tail::BelowSeaLevel),
    (&["warmer"], Tail::Warmer),
    (&["hotter"], Tail::Warmer),
    (&["of", "warming"], Tail::Warmer),
    (&["cooler"], Tail::Cooler),
    (&["colder"], Tail::Cooler),
    (&["of", "cooling"], Tail::Cooler),
    (&["asl"], Tail::Description),
    (&["amsl"], Tail::Description),
    (&["a.s.l"], Tail::Description),
    (&["agl"], Tail::Description),
    (&["tall"], Tail::Description),
    (&["high"], Tail::Description),
    (&["long"], Tail::Description),
    (&["wide"], Tail::Description),
    (&["deep"], Tail::Description),
    (&["thick"], Tail::Description),
    (&["across"], Tail::Description),
    (&["heavy"], Tail::Description),
    (&["old"], Tail::Description),
    (&["away"], Tail::Description),
    (&["total"], Tail::Description),
    (&["overall"], Tail::Description),
    (&["altogether"], Tail::Description),
    (&["in", "total"], Tail::Description),
    (&["in", "all"], Tail::Description),
    (&["in", "length"], Tail::Description),
    (&["in", "height"], Tail::Description),
    (&["in", "width"], Tail::Description),
    (&["in", "depth"], Tail::Description),
    (&["in", "diameter"], Tail::Description),
    (&["in", "radius"], Tail::Description),
    (&["in", "circumference"], Tail::Description),
    (&["in", "altitude"], Tail::Description),
    (&["in", "elevation"], Tail::Description),
    (&["in", "area"], Tail::Description),
    (&["in", "size"], Tail::Description),
    (&["in", "weight"], Tail::Description),
    (&["in", "volume"], Tail::Description),
    (&["in", "duration"], Tail::Description),
];

impl Parser<'_> {
    /// The description that starts here, if one does, without moving.
    pub(super) fn peek_tail(&self) -> Option<Tail> {
        self.tail_here().map(|(_, tail)| tail)
    }

    /// Whether the description that starts here measures from zero ("below zero", "above
    /// zero"): only a temperature is, so a bare number before it is in degrees.
    pub(super) fn peek_from_zero(&self) -> bool {
        self.tail_here()
            .is_some_and(|(words, _)| matches!(words, ["above" | "below", "zero"]))
    }

    /// Moves past the description that starts here.
    pub(super) fn skip_tail(&mut self) {
        if let Some((words, _)) = self.tail_here() {
            self.eat_words(words);
        }
    }

    /// "a rise of", "a drop of"... before the number: `Some(downwards)`, having moved past it.
    pub(super) fn change_prefix(&mut self) -> Option<bool> {
        // Only the entries that start with the next word are read further.
        let first = self.peek_word()?;
        let &(words, down) = CHANGES.iter().find(|(words, _)| {
            let mut ahead = self.cur;
            words.first() == Some(&first)
                && words
                    .iter()
                    .all(|word| ahead.next_token().and_then(|t| t.word()) == Some(*word))
        })?;
        self.eat_words(words);
        Some(down)
    }

    fn tail_here(&self) -> Option<(&'static [&'static str], Tail)> {
        let first = self.peek_word()?;
        TAILS.iter().copied().find(|(words, _)| {
            let mut ahead = self.cur;
            words.first() == Some(&first)
                && words
                    .iter()
                    .all(|word| ahead.next_token().and_then(|t| t.word()) == Some(*word))
        })
    }
}
