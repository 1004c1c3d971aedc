//! The name fold (DESIGN 2.1, first paragraph): when two names are the same spelling.
//!
//! Owns "the same spelling" of a name: Unicode compatibility forms and diacritics, case,
//! dashes and hyphens, quote marks and apostrophes, abbreviation points, `&`, and British
//! versus American spellings. Everything that compares names (aliases, acronyms, fuzzy
//! matching, people's names, qualifier values, unit nouns, did-you-mean suggestions) goes
//! through [`for_each_word`] and the forms built on it. It must not decide which names are the
//! same entity: that is `names`.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The folded words of a name.
///
/// "Japan–NATO relations", "japan-nato Relations" and "Japan NATO relations" all fold to
/// `["japan", "nato", "relations"]`; "Defence Programme" folds to `["defense", "program"]`.
#[must_use]
pub fn fold_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word.to_owned()));
    words
}

/// The folded words joined by single spaces: the form shown in normalized values.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for_each_word(text, |word| {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    });
    folded
}

/// The folded words with nothing between them ("D.E." is `de`, "Van-Dyke" is `vandyke`);
/// empty when the text has no letter or digit.
#[must_use]
pub fn concat_words(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for_each_word(text, |word| key.push_str(word));
    key
}

/// The identity key of a name: folded words with the separators removed, so that
/// "Indo-Pacific", "Indo Pacific" and "`IndoPacific`" are one key. A name with no letter or
/// digit ("🚀", "%") keeps its exact text, so that two such names are not one.
#[must_use]
pub fn compact_key(text: &str) -> String {
    let key = concat_words(text);
    if key.is_empty() {
        text.trim().to_owned()
    } else {
        key
    }
}

/// Calls `emit` with each folded word of `text`, in order: the one definition the functions
/// above share. Names are folded for every claim, so this allocates nothing per word, and
/// ASCII text (the common case) skips the Unicode decomposition, which leaves it unchanged.
pub fn for_each_word(text: &str, mut emit: impl FnMut(&str)) {
    if text.is_ascii() {
        fold_chars(text.chars(), &mut emit);
    } else {
        fold_chars(text.nfkd().filter(|c| !is_combining_mark(*c)), &mut emit);
    }
}

/// Folds decomposed characters (combining marks removed) into words.
fn fold_chars(chars: impl Iterator<Item = char>, emit: &mut impl FnMut(&str)) {
    let mut chars = chars.peekable();
    let mut word = String::new();
    let mut prev = None;
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match classify(c, prev, next) {
            Class::Keep if c.is_ascii() => word.push(c.to_ascii_lowercase()),
            Class::Keep => word.extend(c.to_lowercase()),
            Class::Drop => {}
            Class::Break => flush(&mut word, emit),
            Class::And => {
                flush(&mut word, emit);
                emit("and");
            }
        }
        prev = Some(c);
    }
    flush(&mut word, emit);
}

/// Whether a text has nothing visible: only spaces, control characters and invisible format
/// characters (zero-width spaces and joiners, byte-order marks, soft hyphens).
#[must_use]
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    })
}

/// The runs of digits in folded words, in order ("Taepodong-1" has `1`).
///
/// Two names whose digit runs differ never match fuzzily.
pub fn digit_runs(words: &[String]) -> impl Iterator<Item = &str> {
    words.iter().flat_map(|word| {
        word.split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
    })
}

enum Class {
    Keep,
    Drop,
    Break,
    And,
}

#[inline]
fn classify(c: char, prev: Option<char>, next: Option<char>) -> Class {
    let digit_around =
        prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
    match c {
        c if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) => Class::Keep,
        // "U.S." is "us"; "2.5" keeps its point; "1,000" is "1000".
        '.' if digit_around => Class::Keep,
        // Apostrophes join ("Japan's" and "Japan’s" are "japans"), as do abbreviation points.
        '\'' | '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{02BC}' | '`' | '\u{00B4}' | '.' => {
            Class::Drop
        }
        ',' if digit_around => Class::Drop,
        '&' => Class::And,
        _ => Class::Break,
    }
}

fn flush(word: &mut String, emit: &mut impl FnMut(&str)) {
    if !word.is_empty() {
        match american(word) {
            Some(folded) => emit(&folded),
            None => emit(word),
        }
        word.clear();
    }
}

/// The American spelling of a British one, when the word has one.
///
/// A curated list plus the regular suffixes; the same fold applies to every name, so an
/// over-eager fold only matters if it merges two different American words, which the
/// exception list guards against.
fn american(word: &str) -> Option<Cow<'static, str>> {
    let listed = match word {
        "programme" => "program",
        "programmes" => "programs",
        "defence" => "defense",
        "defences" => "defenses",
        "offence" => "offense",
        "offences" => "offenses",
        "licence" => "license",
        "pretence" => "pretense",
        "centre" => "center",
        "centres" => "centers",
        "theatre" => "theater",
        "theatres" => "theaters",
        "metre" => "meter",
        "metres" => "meters",
        "litre" => "liter",
        "litres" => "liters",
        "fibre" => "fiber",
        "calibre" => "caliber",
        "manoeuvre" => "maneuver",
        "manoeuvres" => "maneuvers",
        "colour" => "color",
        "colours" => "colors",
        "favour" => "favor",
        "honour" => "honor",
        "labour" => "labor",
        "harbour" => "harbor",
        "neighbour" => "neighbor",
        "neighbours" => "neighbors",
        "behaviour" => "behavior",
        "armour" => "armor",
        "armoured" => "armored",
        "endeavour" => "endeavor",
        "rumour" => "rumor",
        "vigour" => "vigor",
        "catalogue" => "catalog",
        "dialogue" => "dialog",
        "analogue" => "analog",
        "analyse" => "analyze",
        "paralyse" => "paralyze",
        "judgement" => "judgment",
        "ageing" => "aging",
        "grey" => "gray",
        "tyre" => "tire",
        "cheque" => "check",
        "aluminium" => "aluminum",
        "travelled" => "traveled",
        "travelling" => "traveling",
        "cancelled" => "canceled",
        "modelled" => "modeled",
        "labelled" => "labeled",
        "fuelled" => "fueled",
        "enrolment" => "enrollment",
        "fulfil" => "fulfill",
        "jewellery" => "jewelry",
        "plough" => "plow",
        "sceptic" => "skeptic",
        "sceptical" => "skeptical",
        "paediatric" => "pediatric",
        "encyclopaedia" => "encyclopedia",
        "whilst" => "while",
        _ => "",
    };
    if !listed.is_empty() {
        return Some(Cow::Borrowed(listed));
    }
    // -isation/-ise/-ised/-ising/-ises -> -iz-, except words that are -ise in American too.
    for (british, american) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("ises", "izes"),
        ("ise", "ize"),
    ] {
        if let Some(stem) = word.strip_suffix(british) {
            if stem.len() >= 3 && !IS_AMERICAN_TOO.iter().any(|w| word.starts_with(w)) {
                return Some(Cow::Owned(format!("{stem}{american}")));
            }
        }
    }
    None
}

/// Stems of words spelt -ise in American English too.
const IS_AMERICAN_TOO: &[&str] = &[
    "advertis",
    "advis",
    "apprais",
    "aris",
    "chastis",
    "circumcis",
    "compris",
    "compromis",
    "concis",
    "cruis",
    "demis",
    "despis",
    "devis",
    "disguis",
    "enterpris",
    "excis",
    "exercis",
    "expertis",
    "franchis",
    "improvis",
    "incis",
    "merchandis",
    "otherwis",
    "paradis",
    "pois",
    "prais",
    "precis",
    "premis",
    "promis",
    "rais",
    "revis",
    "supervis",
    "surpris",
    "televis",
    "treatis",
    "nois",
    "bruis",
    "clockwis",
    "likewis",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_hyphens_and_spaces_are_alike() {
        assert_eq!(fold("Japan–NATO relations"), "japan nato relations");
        assert_eq!(fold("Japan-NATO  Relations"), "japan nato relations");
        assert_eq!(compact_key("Indo-Pacific"), compact_key("IndoPacific"));
        assert_eq!(compact_key("Indo—Pacific"), compact_key("indo pacific"));
    }

    #[test]
    fn quotes_apostrophes_and_points() {
        assert_eq!(fold("Japan’s mission"), fold("Japan's mission"));
        assert_eq!(fold("U.S.-made"), "us made");
        assert_eq!(
            fold("“Free and Open” Indo-Pacific"),
            "free and open indo pacific"
        );
        assert_eq!(fold("Science & Technology"), "science and technology");
        assert_eq!(fold("1,000 Days"), "1000 days");
        assert_eq!(fold("Version 2.5"), "version 2.5");
    }

    #[test]
    fn case_compatibility_forms_and_diacritics() {
        assert_eq!(fold("ＮＡＴＯ"), "nato");
        assert_eq!(fold("Zürich Café"), "zurich cafe");
        assert_eq!(fold("ﬁnance"), "finance");
    }

    #[test]
    fn british_spellings_fold_to_american() {
        assert_eq!(
            fold("Individual Partnership and Cooperation Programme"),
            fold("Individual Partnership and Cooperation Program")
        );
        assert_eq!(
            fold("NATO Cyber Defence Centre of Excellence"),
            "nato cyber defense center of excellence"
        );
        assert_eq!(fold("Organisation"), "organization");
        assert_eq!(fold("militarised"), "militarized");
        // Words that are -ise in American English too are left alone.
        assert_eq!(fold("exercise"), "exercise");
        assert_eq!(fold("enterprise"), "enterprise");
    }

    proptest::proptest! {
        #[test]
        fn folding_is_idempotent(text in "\\PC{0,40}") {
            let once = fold(&text);
            proptest::prop_assert_eq!(fold(&once), once.clone());
            if !once.is_empty() {
                proptest::prop_assert_eq!(compact_key(&once), compact_key(&text));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_fast_path_folds_as_the_decomposition_does(text in "[ -~]{0,40}") {
            let mut decomposed = Vec::new();
            fold_chars(
                text.nfkd().filter(|c| !is_combining_mark(*c)),
                &mut |word: &str| decomposed.push(word.to_owned()),
            );
            proptest::prop_assert_eq!(fold_words(&text), decomposed.clone());
            proptest::prop_assert_eq!(concat_words(&text), decomposed.concat());
            proptest::prop_assert_eq!(fold(&text), decomposed.join(" "));
        }
    }

    #[test]
    fn names_without_letters_keep_their_text_and_invisible_text_is_blank() {
        assert_ne!(compact_key("🚀"), compact_key("🛸"));
        assert_ne!(compact_key("%"), compact_key("-"));
        assert!(is_blank(" \u{200B}\t\u{FEFF}"));
        assert!(is_blank("\u{0}\u{1}"));
        assert!(!is_blank("🚀"));
    }

    #[test]
    fn digit_runs_are_extracted_in_order() {
        let words = fold_words("Taepodong-1 and F-35B 2.5");
        assert_eq!(
            digit_runs(&words).collect::<Vec<_>>(),
            vec!["1", "35", "2", "5"]
        );
    }
}
