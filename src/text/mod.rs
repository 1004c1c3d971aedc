//! Text folding: every definition in the crate of when two texts are "the same" once case,
//! Unicode forms, quote marks, dashes and spacing are set aside.
//!
//! Owns the folds and why they differ:
//! - [`fold`], for names: words, apostrophes and abbreviation points joined, `&` read as
//!   "and", British spellings made American. Identity keys, aliases, fuzzy matching and
//!   people's names use it.
//! - [`quote`], for quotes: one character mapping (case, compatibility forms, one form of
//!   quote marks and dashes, invisible characters dropped) from which come the reading of
//!   quotes against source texts, the identity of a `quote::not-found` finding, and the
//!   words that copy detection compares. Quotes keep spellings as written (a copied quote
//!   keeps them too), so they do not go through the name fold.
//! - [`letters_and_digits`], for telling whether a normalized value merely respells what
//!   was stated.
//!
//! It depends on nothing else in the crate and decides nothing: which names are one entity is
//! `names`, whether a quote is in its source is `normalize::quotes`, what counts as a copy is
//! `compare::copy`.

pub mod fold;
pub mod quote;

/// Letters and digits only, lower-cased: enough to tell whether a normalized form merely
/// respells what was stated ("1 March 1990" and "1990-03-01" do not; "Mt. Fuji" and "mt fuji"
/// do).
#[must_use]
pub fn letters_and_digits(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn letters_and_digits_are_idempotent_and_ignore_case_and_marks(text in "[ -~]{0,30}") {
            let once = letters_and_digits(&text);
            proptest::prop_assert_eq!(letters_and_digits(&once), once.clone());
            proptest::prop_assert!(once.chars().all(char::is_alphanumeric));
            proptest::prop_assert_eq!(letters_and_digits(&text.to_ascii_uppercase()), once);
        }
    }
}
