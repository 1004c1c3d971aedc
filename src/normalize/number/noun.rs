//! The words around a number that name what it counts or what a percentage is of: counted
//! nouns ("300,000 soldiers" counts `soldier`) and percentage bases ("2% of Japan's GDP" is of
//! `gdp`).
//!
//! Owns the simple singular and the trimming of determiners and possessives. Spelling is
//! folded by `normalize::fold`, the one definition of "the same spelling"; this module must
//! not resolve synonyms or acronyms ("GDP" and "gross domestic product" stay different here:
//! another stage knows the dataset's acronyms).

use super::lexer::is_apostrophe;
use crate::text::fold::fold_words;

/// The counted noun of a phrase, folded, with its head word made singular.
///
/// The head is the last word before a preposition ("boxes of ammunition" counts
/// `box of ammunition`), or else the last word ("armoured vehicles" counts
/// `armored vehicle`).
pub(super) fn counted_noun(phrase: &str) -> String {
    let mut words = fold_words(phrase);
    let head = words
        .iter()
        .position(|w| is_preposition(w))
        .unwrap_or(words.len())
        .checked_sub(1);
    if let Some(word) = head.and_then(|i| words.get_mut(i)) {
        make_singular(word);
    }
    words.join(" ")
}

/// What a percentage is of, folded, without the determiners and possessors that only say
/// whose it is: "its GDP", "their GDP" and "Japan's GDP" are all of `gdp`.
pub(super) fn percentage_base(phrase: &str) -> String {
    let mut rest = phrase;
    // Everything up to the last possessive word owns the base rather than naming it
    // ("the United States' GDP").
    let mut offset = 0;
    for word in phrase.split_whitespace() {
        let start = phrase
            .get(offset..)
            .and_then(|tail| tail.find(word))
            .map_or(offset, |at| offset + at);
        offset = start + word.len();
        if is_possessive(word) {
            rest = phrase.get(offset..).unwrap_or_default();
        }
    }
    loop {
        let trimmed = rest.trim_start();
        let (word, after) = trimmed
            .split_once(char::is_whitespace)
            .unwrap_or((trimmed, ""));
        if word.is_empty() || !is_determiner(word) {
            rest = trimmed;
            break;
        }
        rest = after;
    }
    fold_words(rest).join(" ")
}

fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// "japan's", "japan’s", "states'".
fn is_possessive(word: &str) -> bool {
    let mut back = word.chars().rev();
    match (back.next(), back.next()) {
        (Some('s'), Some(c)) | (Some(c), Some('s')) => is_apostrophe(c),
        _ => false,
    }
}

fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "of" | "in" | "for" | "from" | "at" | "on" | "with" | "per" | "by" | "to"
    )
}

/// Makes a folded English noun singular in place, by the regular rules and a few irregular
/// nouns common in claims; a word not recognised as plural is left as it is.
fn make_singular(word: &mut String) {
    let irregular = match word.as_str() {
        "people" => "person",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        _ => "",
    };
    if !irregular.is_empty() {
        irregular.clone_into(word);
        return;
    }
    let invariable = matches!(
        word.as_str(),
        "personnel" | "police" | "series" | "species" | "news" | "aircraft"
    );
    // "ss" (class), "us" (status) and "is" (crisis) are singular endings.
    if invariable || word.len() <= 2 || ["ss", "us", "is"].iter().any(|end| word.ends_with(end)) {
        return;
    }
    if word.len() >= 5 && word.ends_with("ies") {
        word.truncate(word.len() - 3);
        word.push('y');
    } else if ["sses", "shes", "ches", "xes", "zzes"]
        .iter()
        .any(|end| word.ends_with(end))
    {
        word.truncate(word.len() - 2);
    } else if word.ends_with('s') {
        word.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_plurals_become_singular() {
        assert_eq!(counted_noun("tents"), "tent");
        assert_eq!(counted_noun("batteries"), "battery");
        assert_eq!(counted_noun("boxes"), "box");
        assert_eq!(counted_noun("churches"), "church");
        assert_eq!(counted_noun("classes"), "class");
        assert_eq!(counted_noun("ties"), "tie");
    }

    #[test]
    fn singular_endings_and_irregular_nouns() {
        assert_eq!(counted_noun("class"), "class");
        assert_eq!(counted_noun("campus"), "campus");
        assert_eq!(counted_noun("crisis"), "crisis");
        assert_eq!(counted_noun("people"), "person");
        assert_eq!(counted_noun("aircraft"), "aircraft");
        assert_eq!(counted_noun("tent"), "tent");
    }

    #[test]
    fn the_head_word_is_made_singular_and_spelling_folded() {
        assert_eq!(counted_noun("armoured vehicles"), "armored vehicle");
        assert_eq!(counted_noun("boxes of ammunition"), "box of ammunition");
        assert_eq!(counted_noun("Soldiers"), "soldier");
    }

    #[test]
    fn bases_lose_determiners_and_possessors() {
        assert_eq!(percentage_base("gdp"), "gdp");
        assert_eq!(percentage_base("its gdp"), "gdp");
        assert_eq!(percentage_base("their gdp"), "gdp");
        assert_eq!(
            percentage_base("the gross domestic product"),
            "gross domestic product"
        );
        assert_eq!(percentage_base("japan's gdp"), "gdp");
        assert_eq!(percentage_base("japan’s gdp"), "gdp");
        assert_eq!(percentage_base("the united states' gdp"), "gdp");
        assert_eq!(percentage_base("the country's total gdp"), "total gdp");
        assert_eq!(percentage_base("japan's"), "");
    }
}
