//! The help of a conflict between names that a declared alias would join.
//!
//! Owns recognising, among the names a conflict sets against each other, a pair that could be
//! one thing written two ways: one is the initials of the other (`ITPP` and `Individually
//! Tailored Partnership Programme`, when the dataset does not define the acronym or has two
//! expansions for it), or one is the other shortened by whole words (`Mill Bridge` and `Old
//! Mill Bridge`, `Obama` and `Barack Obama`). Matching leaves such pairs apart on purpose, so
//! the finding stands; only its help changes, to say which alias would join them. It must
//! never join names itself: that is `normalize::names`, and two such names may well be two
//! things.

use crate::normalize::acronym;
use crate::text::fold::fold_words;

/// How many distinct names of one conflict are paired up: a bound on the work for a fact with
/// hundreds of values.
const MAX_NAMES: usize = 16;

/// The specific help for a conflict among `names` (as written, in the finding's order), when
/// two of them look like one thing under an undeclared alias; `None` otherwise.
#[must_use]
pub fn undeclared_alias(names: &[&str]) -> Option<String> {
    let names = &names[..names.len().min(MAX_NAMES)];
    for (i, first) in names.iter().enumerate() {
        for second in &names[i + 1..] {
            if let Some(help) = pair(first.trim(), second.trim()) {
                return Some(help);
            }
        }
    }
    None
}

fn pair(a: &str, b: &str) -> Option<String> {
    for (short, long) in [(a, b), (b, a)] {
        let relation = if acronym::is_acronym(short) && acronym::is_initials_of(short, long) {
            "is the initials of"
        } else if shortened(short, long) {
            "is a shorter form of"
        } else {
            continue;
        };
        return Some(format!(
            "`{short}` {relation} `{long}`: if the sources mean one thing, declare it in \
             rules.toml ([[entity]] name = \"{long}\", aliases = [\"{short}\"]) and the claims \
             agree; if they are two things, the disagreement is the finding"
        ));
    }
    None
}

/// Whether `short`'s words are some of `long`'s, in the same order, leaving out at least one:
/// a name shortened by whole words. Words of one letter or small words alone do not count
/// (`The` is not a shorter `The Hague`).
fn shortened(short: &str, long: &str) -> bool {
    let short = fold_words(short);
    let long = fold_words(long);
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    if short.iter().map(|w| w.chars().count()).sum::<usize>() < 3
        || short.iter().all(|w| acronym::is_small_word(w))
    {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|word| rest.any(|w| w == word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_of_the_other_name_suggests_the_alias() {
        let help = undeclared_alias(&["Individually Tailored Partnership Programme", "ITPP"])
            .expect("a hint");
        assert!(
            help.starts_with(
                "`ITPP` is the initials of `Individually Tailored Partnership Programme`"
            ),
            "{help}"
        );
        assert!(help.contains("aliases = [\"ITPP\"]"), "{help}");
        // Both orders, and among other names.
        assert!(undeclared_alias(&["Obama", "Biden", "Barack Obama"]).is_some());
        assert!(undeclared_alias(&["WHO", "World Health Organization"]).is_some());
    }

    #[test]
    fn a_name_shortened_by_whole_words_suggests_the_alias() {
        let help = undeclared_alias(&["Old Mill Bridge", "Mill Bridge"]).expect("a hint");
        assert!(
            help.starts_with("`Mill Bridge` is a shorter form of `Old Mill Bridge`"),
            "{help}"
        );
        assert!(undeclared_alias(&["Barack Hussein Obama", "barack obama"]).is_some());
    }

    #[test]
    fn different_names_get_no_alias_hint() {
        for names in [
            ["Osamu Izawa", "Masahiro Mikami"],
            ["ITPP", "Individual Partnership and Cooperation Programme"],
            ["Mill Bridge", "Bridge Mill"],
            ["The", "The Hague"],
            ["Paris", "Paris"],
            ["NATO", "EU"],
            ["", "Old Mill Bridge"],
        ] {
            assert_eq!(undeclared_alias(&names), None, "{names:?}");
        }
    }

    #[test]
    fn the_work_is_bounded() {
        let many: Vec<String> = (0..10_000).map(|i| format!("Name {i}x")).collect();
        let names: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(undeclared_alias(&names), None);
    }
}
