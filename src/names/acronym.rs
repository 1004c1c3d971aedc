//! Acronyms: recognising them, checking them against expansions, and finding the
//! definitions a text gives ("Individually Tailored Partnership Program (ITPP)").
//!
//! Owns the initials rule of DESIGN 2.1 step 2: an acronym is the initials of its expansion,
//! where small words ("and", "of", "the"…) may be skipped or counted, hyphenated and
//! camel-cased words count as several ("Indo-Pacific", "`CrossServices`"), a digit may stand for
//! a number word ("IP4" for "Indo-Pacific Four"), and a plural `s` is ignored ("RAAs"). It
//! does not decide entities: `names` links what this module finds.

use std::ops::Range;

/// Words an acronym may skip or include.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "de", "del", "der", "des", "du", "et", "for", "in", "la", "le", "of",
    "on", "the", "to", "und", "with",
];

/// Whether a folded word is one of the small words an acronym may skip ("and", "of", "the"…).
#[must_use]
pub fn is_small_word(word: &str) -> bool {
    SMALL_WORDS.contains(&word)
}

/// Whether a name as written looks like an acronym: one token of 2–10 letters and digits,
/// at least two capitals, no lower-case letter except a final plural `s` ("NATO", "IP4",
/// "RAAs", "CCDCOE").
#[must_use]
pub fn is_acronym(text: &str) -> bool {
    let text = text.trim();
    let body = text.strip_suffix('s').unwrap_or(text);
    let count = body.chars().count();
    (2..=10).contains(&count)
        && body.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && body.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The letters and digits an acronym stands for, lower-cased, without a plural `s`.
#[must_use]
pub fn letters(acronym: &str) -> Vec<char> {
    let acronym = acronym.trim();
    let body = acronym.strip_suffix('s').unwrap_or(acronym);
    body.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A word of an expansion, reduced to what the initials rule needs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    initial: char,
    digit: Option<char>,
    small: bool,
}

/// Splits an expansion into words: on spaces, hyphens, dashes and slashes, and inside
/// camel-case ("`CrossServices`"); punctuation and possessive `'s` are dropped.
fn words(expansion: &str) -> Vec<Word> {
    let mut found = Vec::new();
    for raw in expansion
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '/'))
    {
        let raw = raw
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        let cleaned: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
        if cleaned.is_empty() {
            continue;
        }
        for part in camel_parts(&cleaned) {
            let lower = part.to_lowercase();
            let Some(initial) = lower.chars().next() else {
                continue;
            };
            found.push(Word {
                initial,
                digit: number_word(&lower),
                small: SMALL_WORDS.contains(&lower.as_str()),
            });
        }
    }
    found
}

/// `CrossServices` → `Cross`, `Services`; an all-capitals word stays whole.
fn camel_parts(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for window in chars.windows(2) {
        let [(_, prev), (i, c)] = [window[0], window[1]];
        if prev.is_lowercase() && c.is_uppercase() {
            parts.push(&word[start..i]);
            start = i;
        }
    }
    parts.push(&word[start..]);
    parts
}

fn number_word(word: &str) -> Option<char> {
    let digit = match word {
        "zero" => '0',
        "one" | "first" => '1',
        "two" | "second" => '2',
        "three" | "third" => '3',
        "four" | "fourth" => '4',
        "five" | "fifth" => '5',
        "six" | "sixth" => '6',
        "seven" | "seventh" => '7',
        "eight" | "eighth" => '8',
        "nine" | "ninth" => '9',
        _ if word.len() == 1 && word.chars().all(|c| c.is_ascii_digit()) => word.chars().next()?,
        _ => return None,
    };
    Some(digit)
}

/// Whether `acronym` is the initials of `expansion` (see the module docs for the rule).
#[must_use]
pub fn is_initials_of(acronym: &str, expansion: &str) -> bool {
    let letters = letters(acronym);
    let words = words(expansion);
    // The expansion must start with a word the acronym uses.
    !letters.is_empty() && words.first().is_some_and(|w| !w.small) && matches(&letters, &words)
}

/// The initials of an expansion's main words, upper-cased: what its acronym should be.
#[must_use]
pub fn initials(expansion: &str) -> String {
    words(expansion)
        .iter()
        .filter(|w| !w.small)
        .flat_map(|w| w.digit.unwrap_or(w.initial).to_uppercase())
        .collect()
}

/// Every acronym [`is_initials_of`] accepts for an expansion, lower-cased: small words
/// included or not, number words as their initial or their digit. Empty when the expansion
/// starts with a small word, or when there would be more than 64 (the expansion is then too
/// long to be abbreviated, in practice).
#[must_use]
pub fn possible_acronyms(expansion: &str) -> Vec<String> {
    const LIMIT: usize = 64;
    let words = words(expansion);
    if words.first().is_none_or(|w| w.small) {
        return Vec::new();
    }
    let mut found = vec![String::new()];
    for word in &words {
        let mut next = Vec::with_capacity(found.len() * 2);
        for prefix in &found {
            if word.small {
                next.push(prefix.clone());
            }
            for letter in std::iter::once(word.initial).chain(word.digit) {
                let mut longer = prefix.clone();
                longer.push(letter);
                next.push(longer);
            }
        }
        if next.len() > LIMIT {
            return Vec::new();
        }
        found = next;
    }
    found.sort_unstable();
    found.dedup();
    found.retain(|a| a.chars().count() >= 2);
    found
}

/// Dynamic programme over (letters used, words used): main words must give their initial (or
/// digit), small words may give theirs or be skipped.
fn matches(letters: &[char], words: &[Word]) -> bool {
    let (m, n) = (letters.len(), words.len());
    // reachable[i][j]: the first i letters are explained by the first j words.
    let mut reachable = vec![vec![false; n + 1]; m + 1];
    reachable[0][0] = true;
    for j in 0..n {
        let word = &words[j];
        for i in 0..=m {
            if !reachable[i][j] {
                continue;
            }
            if word.small {
                reachable[i][j + 1] = true;
            }
            if i < m && (letters[i] == word.initial || Some(letters[i]) == word.digit) {
                reachable[i + 1][j + 1] = true;
            }
        }
    }
    reachable[m][n]
}

/// An acronym definition found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The acronym as written.
    pub acronym: String,
    /// Its byte range in the text.
    pub acronym_range: Range<usize>,
    /// The expansion as written.
    pub expansion: String,
    /// Its byte range in the text.
    pub expansion_range: Range<usize>,
    /// Whether the acronym is the expansion's initials. A definition that is not is a near
    /// miss (one letter off, or two swapped): likely a misspelt acronym.
    pub exact: bool,
}

/// Every acronym definition in a text, in both forms: "Expansion Words (ACR)" and
/// "ACR (Expansion Words)".
#[must_use]
pub fn definitions(text: &str) -> Vec<Definition> {
    let mut found = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find('(').map(|i| i + search) {
        let Some(close) = text[open..].find(')').map(|i| i + open) else {
            break;
        };
        let inner = text[open + 1..close].trim();
        let inner_start =
            open + 1 + (text[open + 1..close].len() - text[open + 1..close].trim_start().len());
        let inner_range = inner_start..inner_start + inner.len();
        if is_acronym(inner) {
            if let Some(definition) = expansion_before(text, open, inner, inner_range) {
                found.push(definition);
            }
        } else if inner.split_whitespace().count() >= 2 {
            if let Some(definition) = acronym_before(text, open, inner, inner_range) {
                found.push(definition);
            }
        }
        search = close + 1;
    }
    found
}

/// "Expansion Words (ACR)": the shortest run of words ending before `(` whose initials the
/// acronym is; failing that, a near miss over the words the acronym should cover.
fn expansion_before(
    text: &str,
    open: usize,
    acronym: &str,
    acronym_range: Range<usize>,
) -> Option<Definition> {
    let before = &text[..open];
    let starts = word_starts(before);
    let needed = letters(acronym).len();
    let longest = (needed + 5).max(needed * 2).min(starts.len());
    let end = before.trim_end().len();
    for count in 1..=longest {
        let start = starts[starts.len() - count];
        let candidate = &before[start..end];
        if is_initials_of(acronym, candidate) {
            return Some(Definition {
                acronym: acronym.to_owned(),
                acronym_range,
                expansion: candidate.to_owned(),
                expansion_range: start..end,
                exact: true,
            });
        }
    }
    // Near miss: take as many capitalised main words as the acronym has letters.
    let mut main = 0;
    let mut start = None;
    for &word_start in starts.iter().rev() {
        let word = &before[word_start..end];
        let first = word.split_whitespace().next().unwrap_or("");
        let small = SMALL_WORDS.contains(&first.to_lowercase().as_str());
        if !small {
            if !first.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            main += words(first).len();
        }
        if main >= needed {
            start = Some(word_start);
            break;
        }
    }
    let start = start?;
    let candidate = &before[start..end];
    near_miss(acronym, candidate).then(|| Definition {
        acronym: acronym.to_owned(),
        acronym_range,
        expansion: candidate.to_owned(),
        expansion_range: start..end,
        exact: false,
    })
}

/// "ACR (Expansion Words)": the acronym is the word right before `(`.
fn acronym_before(
    text: &str,
    open: usize,
    expansion: &str,
    expansion_range: Range<usize>,
) -> Option<Definition> {
    let before = text[..open].trim_end();
    let start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let acronym = &before[start..];
    if !is_acronym(acronym) {
        return None;
    }
    let exact = is_initials_of(acronym, expansion);
    (exact || near_miss(acronym, expansion)).then(|| Definition {
        acronym: acronym.to_owned(),
        acronym_range: start..before.len(),
        expansion: expansion.to_owned(),
        expansion_range,
        exact,
    })
}

/// One letter off, or two adjacent letters swapped, compared with the expansion's initials.
fn near_miss(acronym: &str, expansion: &str) -> bool {
    let expected: String = initials(expansion).to_lowercase();
    let got: String = letters(acronym).into_iter().collect();
    got.len() >= 3 && strsim::osa_distance(&got, &expected) == 1
}

/// Byte offsets where the words of `text` start.
fn word_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut previous_space = true;
    for (i, c) in text.char_indices() {
        let space = c.is_whitespace();
        if previous_space && !space {
            starts.push(i);
        }
        previous_space = space;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_acronyms() {
        for yes in ["NATO", "ITPP", "ITTP", "IP4", "RAAs", "CCDCOE", "US"] {
            assert!(is_acronym(yes), "{yes}");
        }
        for no in [
            "Nato",
            "G7",
            "McDonald",
            "A",
            "Japan",
            "ITPP programme",
            "ABCDEFGHIJKL",
        ] {
            assert!(!is_acronym(no), "{no}");
        }
    }

    #[test]
    fn initials_with_small_words_hyphens_camel_case_digits_and_plurals() {
        assert!(is_initials_of(
            "ITPP",
            "Individually Tailored Partnership Program"
        ));
        assert!(is_initials_of(
            "IPCP",
            "Individual Partnership and Cooperation Programme"
        ));
        assert!(is_initials_of("COEs", "Centers of Excellence"));
        assert!(is_initials_of("CoE", "Centre of Excellence"));
        assert!(is_initials_of("FOIP", "Free and Open Indo-Pacific"));
        assert!(is_initials_of(
            "ACSAs",
            "Acquisition and CrossServices Agreements"
        ));
        assert!(is_initials_of("IP4", "Indo-Pacific Four"));
        assert!(is_initials_of("PRC", "People’s Republic of China"));
        assert!(is_initials_of(
            "CBRN",
            "chemical, biological, radiological and nuclear"
        ));
        assert!(!is_initials_of(
            "ITTP",
            "Individually Tailored Partnership Program"
        ));
        assert!(!is_initials_of(
            "ITPP",
            "Individual Partnership and Cooperation Programme"
        ));
        assert!(
            !is_initials_of("TP", "the Programme"),
            "may not start with a small word"
        );
    }

    #[test]
    fn possible_acronyms_are_exactly_what_the_initials_rule_accepts() {
        let found = possible_acronyms("Centre of Excellence");
        assert_eq!(found, vec!["ce", "coe"]);
        for acronym in &found {
            assert!(is_initials_of(acronym, "Centre of Excellence"));
        }
        assert_eq!(possible_acronyms("Indo-Pacific Four"), vec!["ip4", "ipf"]);
        assert!(possible_acronyms("the Programme").is_empty());
    }

    #[test]
    fn finds_definitions_in_both_orders() {
        let text = "NATO and Japan signed the Individually Tailored Partnership Program (ITPP) in 2023. \
                    The ITTP was an upgraded agreement of the previous IPCP (Individual Partnership and Cooperation Programme).";
        let found = definitions(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].acronym, "ITPP");
        assert_eq!(
            found[0].expansion,
            "Individually Tailored Partnership Program"
        );
        assert_eq!(&text[found[0].expansion_range.clone()], found[0].expansion);
        assert_eq!(&text[found[0].acronym_range.clone()], "ITPP");
        assert!(found[0].exact);
        assert_eq!(found[1].acronym, "IPCP");
        assert_eq!(
            found[1].expansion,
            "Individual Partnership and Cooperation Programme"
        );
        assert_eq!(&text[found[1].acronym_range.clone()], "IPCP");
        assert!(found[1].exact);
    }

    #[test]
    fn a_misspelt_acronym_is_a_near_miss() {
        let found = definitions("the Individually Tailored Partnership Program (ITTP) was signed");
        assert_eq!(found.len(), 1);
        assert!(!found[0].exact);
        assert_eq!(
            found[0].expansion,
            "Individually Tailored Partnership Program"
        );
        assert_eq!(initials(&found[0].expansion), "ITPP");
    }

    #[test]
    fn parentheses_that_are_not_definitions_are_ignored() {
        assert!(definitions("Rutte at Yokosuka (Kazuhiro Nogi via Getty Images)").is_empty());
        assert!(definitions("in the 3 Strategic Documents (collectively referred to)").is_empty());
        assert!(definitions("an unclosed (ITPP").is_empty());
        assert!(definitions("something (XYZQ)").is_empty());
    }
}
