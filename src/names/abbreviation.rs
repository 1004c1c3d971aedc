//! Abbreviations that fold into the words they stand for ("Mt." = "Mount").
//!
//! Owns the table of common abbreviations in names, the user's additions from `[names]
//! abbreviations` in `rules.toml`, and expanding a name's folded words with them, so that
//! "Mt. Fuji", "Mount Fuji" and "Mt Fuji" are one key. It applies to whole words only, after
//! folding (so "U.S." is the word `us`), and knows nothing of entities.

use rustc_hash::FxHashMap;

use crate::text::fold::fold_words;

/// The built-in table: abbreviation, expansion. `st` is special-cased (see [`Abbreviations`]).
pub const BUILT_IN: &[(&str, &str)] = &[
    ("mt", "mount"),
    ("mtn", "mountain"),
    ("ft", "fort"),
    ("ste", "sainte"),
    ("us", "united states"),
    ("usa", "united states of america"),
    ("uk", "united kingdom"),
    ("univ", "university"),
    ("dept", "department"),
    ("natl", "national"),
    ("intl", "international"),
    ("inst", "institute"),
    ("assn", "association"),
    ("corp", "corporation"),
    ("bros", "brothers"),
];

/// Abbreviations by their folded word, with the folded words they stand for.
///
/// `st` stands for "saint" ("St. Louis"), except as the last word of a name of two words or
/// more, where it stands for "street" ("Main St."), unless the user declares it otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviations {
    table: FxHashMap<String, Vec<String>>,
    saint_or_street: bool,
}

impl Default for Abbreviations {
    fn default() -> Self {
        let mut table = FxHashMap::default();
        for (short, long) in BUILT_IN {
            table.insert((*short).to_owned(), fold_words(long));
        }
        Self {
            table,
            saint_or_street: true,
        }
    }
}

impl Abbreviations {
    /// Adds (or replaces) an abbreviation. Both sides are folded like names; the abbreviation
    /// must fold to one word, and the expansion to at least one.
    ///
    /// # Errors
    ///
    /// Says why the pair cannot be an abbreviation.
    pub fn add(&mut self, short: &str, long: &str) -> Result<(), String> {
        let short_words = fold_words(short);
        let [word] = short_words.as_slice() else {
            return Err(format!(
                "an abbreviation is one word; `{short}` is {} words once folded",
                short_words.len()
            ));
        };
        let expansion = fold_words(long);
        if expansion.is_empty() {
            return Err(format!("`{short}` stands for nothing: give its expansion"));
        }
        if expansion.concat() == *word {
            return Err(format!("`{short}` and `{long}` are already the same name"));
        }
        if word == "st" {
            self.saint_or_street = false;
        }
        self.table.insert(word.clone(), expansion);
        Ok(())
    }

    /// The folded words of a name, each abbreviation replaced by its expansion.
    #[must_use]
    pub fn words(&self, text: &str) -> Vec<String> {
        self.expand(fold_words(text))
    }

    /// Folded words with abbreviations expanded.
    #[must_use]
    pub fn expand(&self, words: Vec<String>) -> Vec<String> {
        if !words
            .iter()
            .any(|w| self.table.contains_key(w) || (self.saint_or_street && w == "st"))
        {
            return words;
        }
        let last = words.len().saturating_sub(1);
        let several = words.len() >= 2;
        let mut expanded = Vec::with_capacity(words.len() + 2);
        for (position, word) in words.into_iter().enumerate() {
            if self.saint_or_street && word == "st" {
                let meaning = if several && position == last {
                    "street"
                } else {
                    "saint"
                };
                expanded.push(meaning.to_owned());
            } else if let Some(long) = self.table.get(&word) {
                expanded.extend(long.iter().cloned());
            } else {
                expanded.push(word);
            }
        }
        expanded
    }

    /// The identity key of a name: its expanded words without separators; a name with no
    /// letter or digit keeps its exact text (as [`compact_key`](crate::text::fold::compact_key)).
    #[must_use]
    pub fn key(&self, text: &str) -> String {
        let key = self.words(text).concat();
        if key.is_empty() {
            text.trim().to_owned()
        } else {
            key
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_abbreviations_fold_to_their_expansion() {
        let table = Abbreviations::default();
        assert_eq!(table.key("Mt. Everest"), table.key("Mount Everest"));
        assert_eq!(table.key("Mt Everest"), table.key("mount everest"));
        assert_eq!(table.key("Ft. Worth"), table.key("Fort Worth"));
        assert_eq!(table.key("St. Helens"), table.key("Saint Helens"));
        assert_eq!(table.key("U.S."), table.key("United States"));
        assert_eq!(table.key("US"), table.key("united states"));
        assert_eq!(
            table.key("U.S. Geological Survey"),
            table.key("United States Geological Survey")
        );
        assert_eq!(
            table.key("Univ. of Tokyo"),
            table.key("University of Tokyo")
        );
        assert_ne!(table.key("US"), table.key("USA"));
    }

    #[test]
    fn st_at_the_end_of_a_name_is_a_street() {
        let table = Abbreviations::default();
        assert_eq!(table.key("Baker St."), table.key("Baker Street"));
        assert_ne!(table.key("Baker St."), table.key("Baker Saint"));
        assert_eq!(table.key("St. James St."), table.key("Saint James Street"));
        assert_eq!(table.key("St"), table.key("Saint"));
    }

    #[test]
    fn abbreviations_are_whole_words_only() {
        let table = Abbreviations::default();
        assert_eq!(table.words("Mtwara"), vec!["mtwara"]);
        assert_eq!(table.words("Stuttgart"), vec!["stuttgart"]);
        assert_ne!(table.key("Fta"), table.key("Forta"));
    }

    #[test]
    fn users_add_and_override_abbreviations() {
        let mut table = Abbreviations::default();
        table.add("Cttee.", "Committee").unwrap();
        assert_eq!(table.key("Budget Cttee."), table.key("Budget Committee"));
        table.add("St.", "Station").unwrap();
        assert_eq!(table.key("St. Pancras"), table.key("Station Pancras"));
        assert!(table.add("N. Y.", "New York").is_err());
        assert!(table.add("Co", "---").is_err());
        assert!(table.add("NY", "N.Y.").is_err());
    }

    proptest::proptest! {
        #[test]
        fn expanding_is_idempotent(text in "\\PC{0,30}") {
            let table = Abbreviations::default();
            let once = table.words(&text);
            proptest::prop_assert_eq!(table.expand(once.clone()), once);
        }
    }

    mod pipeline {
        use crate::findings::Code;
        use crate::testing::{check, codes, source};

        #[test]
        fn abbreviated_and_full_names_are_one_subject() {
            let a = source(&[("Mt. Kosciuszko", "first climbed", "1840")]);
            let b = source(&[("Mount Kosciuszko", "first climbed", "1850")]);
            let checked = check(&[("a", &a), ("b", &b)], None);
            assert_eq!(codes(&checked), vec![Code::ConflictDate]);
        }

        #[test]
        fn a_user_abbreviation_works_and_a_bad_one_is_reported() {
            let a = source(&[("Budget Cttee.", "founded", "1921")]);
            let b = source(&[("Budget Committee", "founded", "1922")]);
            let files = [("a", a.as_str()), ("b", b.as_str())];
            assert!(codes(&check(&files, None)).is_empty());
            let rules = "[names]\nabbreviations = { \"Cttee\" = \"Committee\" }\n";
            assert_eq!(codes(&check(&files, Some(rules))), vec![Code::ConflictDate]);
            let rules = "[names]\nabbreviations = { \"Budget Cttee\" = \"Committee\" }\n";
            assert_eq!(codes(&check(&files, Some(rules))), vec![Code::LoadRules]);
        }
    }
}
