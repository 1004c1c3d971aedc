//! The forms of chat and speech in Duckling's amount corpora that a news or reference text
//! would not print, told by the phrase's shape alone.
//!
//! Owns the rules (each a predicate over the words of a phrase, never a list of phrases) and
//! their wording in the bench's output. A phrase one of them matches is still measured: the
//! table shows the figures with and without these phrases. It must not run factcheck or judge
//! its readings (`measure`), and it applies to amounts only: the date category has its own
//! two rules (`corpus::Exclusion`).

use std::fmt;

/// A form of chat or speech, by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shorthand {
    /// A prime mark right after a number (`5''`, `5"`, `2 yd 7'`, `6′2″`): feet and inches,
    /// or minutes and seconds, or arcminutes and arcseconds. News and reference style guides
    /// spell the unit out ("6 ft 2 in", "5-inch").
    PrimeMark,
    /// A sign set apart from its number by a space at the start of the phrase (`- 2
    /// degrees`): in a text it is a list bullet or a dash as much as a minus.
    SpacedSign,
    /// A bare number after an amount already complete with its unit, alone or after "and"
    /// (`$20 43`, `20 dollars and 43`, `3 GBP and one`, `1 hour thirty`): the smaller unit
    /// left unsaid, as speech leaves it. A written text says "$20.43", "1 hour 30 minutes".
    /// The unit is a currency sign glued to the number, or a word after it that is not part
    /// of a number ("hundred", "lakh", "point") nor joins two ("and", "to", "by", "of").
    UnitLeftUnsaid,
    /// A phrase that ends in "of" (`a couple of`): a fragment of a longer phrase.
    DanglingOf,
    /// Number words said in groups (`one twenty two` for 122): a word from one to nineteen
    /// followed by one from one to ninety, which written English never puts side by side.
    SpokenGroups,
}

/// The rules, in the order the bench prints them.
pub const RULES: [Shorthand; 5] = [
    Shorthand::PrimeMark,
    Shorthand::SpacedSign,
    Shorthand::UnitLeftUnsaid,
    Shorthand::DanglingOf,
    Shorthand::SpokenGroups,
];

impl fmt::Display for Shorthand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shorthand::PrimeMark => "a prime mark after a number (`5\"`, `7'`)",
            Shorthand::SpacedSign => "a sign spaced from its number at the start (`- 2`)",
            Shorthand::UnitLeftUnsaid => {
                "a bare number after an amount with its unit (`$20 43`, `1 hour thirty`)"
            }
            Shorthand::DanglingOf => "a phrase ending in `of` (`a couple of`)",
            Shorthand::SpokenGroups => "number words in spoken groups (`one twenty two`)",
        })
    }
}

/// The first rule a phrase matches, if any.
pub fn shorthand(phrase: &str) -> Option<Shorthand> {
    let lower = phrase.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if prime_mark(&lower) {
        Some(Shorthand::PrimeMark)
    } else if spaced_sign(&words) {
        Some(Shorthand::SpacedSign)
    } else if unit_left_unsaid(&words) {
        Some(Shorthand::UnitLeftUnsaid)
    } else if words.last() == Some(&"of") {
        Some(Shorthand::DanglingOf)
    } else if spoken_groups(&words) {
        Some(Shorthand::SpokenGroups)
    } else {
        None
    }
}

const PRIMES: [char; 4] = ['\'', '"', '′', '″'];

/// A digit followed by a prime mark that no letter follows ("1990's" is a plural).
fn prime_mark(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).enumerate().any(|(i, pair)| {
        let after = chars[i + 2..].iter().find(|c| !PRIMES.contains(c)).copied();
        pair[0].is_ascii_digit()
            && PRIMES.contains(&pair[1])
            && !after.is_some_and(char::is_alphabetic)
    })
}

fn spaced_sign(words: &[&str]) -> bool {
    words.len() > 1 && matches!(words[0], "-" | "+" | "−" | "–")
}

/// One to nineteen.
fn small_word(word: &str) -> bool {
    matches!(
        word,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
    )
}

/// Twenty to ninety, alone or with a unit word ("forty-three").
fn tens_word(word: &str) -> bool {
    let tens = word.split('-').next().unwrap_or_default();
    matches!(
        tens,
        "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "seventy" | "eighty" | "ninety"
    )
}

/// A number under a hundred in digits or words.
fn bare_number(word: &str) -> bool {
    (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
        || small_word(word)
        || tens_word(word)
}

/// A number in digits (perhaps grouped, decimal, or glued to a sign or unit) or in words.
fn has_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit()) || bare_number(word)
}

/// Words that are part of a number ("five hundred and four", "1 point 1"), not a unit.
fn scale_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches('s'),
        "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "lakh"
            | "lac"
            | "lkh"
            | "crore"
            | "krore"
            | "cr"
            | "koti"
            | "dozen"
            | "point"
    )
}

/// Words that join or compare numbers, so that what follows is not a unit left unsaid.
fn joins_numbers(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "to"
            | "than"
            | "by"
            | "x"
            | "per"
            | "of"
            | "in"
            | "out"
            | "from"
            | "between"
            | "plus"
            | "minus"
            | "times"
            | "-"
    )
}

/// `N unit [and] n` or `N+unit [and] n` at the end of the phrase, outside a range.
fn unit_left_unsaid(words: &[&str]) -> bool {
    if words.iter().any(|w| matches!(*w, "between" | "from")) {
        return false;
    }
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    if !bare_number(last) {
        return false;
    }
    let rest = match rest.split_last() {
        Some((&"and", before)) => before,
        _ => rest,
    };
    let Some((unit, before)) = rest.split_last() else {
        return false;
    };
    let glued = unit.bytes().any(|b| b.is_ascii_digit())
        && unit
            .chars()
            .any(|c| !(c.is_ascii_digit() || c == ',' || c == '.'));
    let named = unit.chars().all(char::is_alphabetic)
        && !bare_number(unit)
        && !scale_word(unit)
        && !joins_numbers(unit)
        && before.last().is_some_and(|w| has_number(w));
    glued || named
}

/// A word from one to nineteen followed by one from one to ninety.
fn spoken_groups(words: &[&str]) -> bool {
    words
        .windows(2)
        .any(|pair| small_word(pair[0]) && (small_word(pair[1]) || tens_word(pair[1])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_by_its_shape_on_phrases_of_our_own() {
        let cases = [
            ("6'", Some(Shorthand::PrimeMark)),
            ("about 12\" long", Some(Shorthand::PrimeMark)),
            ("6′2″", Some(Shorthand::PrimeMark)),
            ("- 40 celsius", Some(Shorthand::SpacedSign)),
            ("+ 3", Some(Shorthand::SpacedSign)),
            ("€5 20", Some(Shorthand::UnitLeftUnsaid)),
            ("7 pounds and twelve", Some(Shorthand::UnitLeftUnsaid)),
            ("three minutes 5", Some(Shorthand::UnitLeftUnsaid)),
            ("a handful of", Some(Shorthand::DanglingOf)),
            ("nineteen eighty", Some(Shorthand::SpokenGroups)),
            ("two five", Some(Shorthand::SpokenGroups)),
        ];
        for (phrase, rule) in cases {
            assert_eq!(shorthand(phrase), rule, "{phrase}");
        }
    }

    #[test]
    fn forms_a_newspaper_prints_are_left_in() {
        for phrase in [
            "-2 degrees",
            "−5 °C",
            "$20.43",
            "20 dollars and 43 cents",
            "1 hour 30 minutes",
            "between $30 and 40",
            "from 3 to 5",
            "more than 40",
            "at least 40",
            "3 by 4 metres",
            "the 1990's",
            "6 ft 2 in",
            "twenty-two",
            "one hundred twenty two",
            "a couple of days",
            "two thousand",
            "5 out of 10",
            "seven hundred and twelve",
            "forty thousand twelve",
            "3 million 12",
            "2 point 5",
        ] {
            assert_eq!(shorthand(phrase), None, "{phrase}");
        }
    }
}
