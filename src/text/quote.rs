//! The quote fold: when a quote and a text say the same thing, character for character.
//!
//! Owns one character mapping, [`fold_char`] (compatibility forms, lower case, one form of
//! quote marks and dashes, invisible characters dropped), and the two forms built on it:
//! [`identity`], a whole quote folded into the identity of a `quote::not-found` finding, and
//! [`words`], a quote's words as copy detection compares them. Quotes keep spellings as
//! written (a copy keeps them too), so none of this goes through the name fold
//! ([`super::fold`]). It must not decide whether a quote is in its text (that is
//! `normalize::quotes::matching`) nor what is a copy (`compare::copy`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A lower-case character's quote form: one form of quote marks (`'`, `"`) and dashes (`-`);
/// `None` for invisible characters (soft hyphen, zero-width spaces and joiners, byte-order
/// mark).
fn mark(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
        c => Some(c),
    }
}

/// Folds one character for matching a quote against a text: compatibility decomposition,
/// lower case, then one form of quote marks and dashes, invisible characters dropped.
pub fn fold_char(c: char) -> impl Iterator<Item = char> {
    c.nfkd().flat_map(char::to_lowercase).filter_map(mark)
}

/// A quote folded whole, with runs of whitespace as one space: the identity of a
/// `quote::not-found` finding, so that reviews of it survive reformatting.
///
/// It differs from [`fold_char`] in two ways that reviews already record, so they stay: it
/// composes (NFKC) where matching decomposes, and it keeps the word joiner (U+2060).
#[must_use]
pub fn identity(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfkc().flat_map(char::to_lowercase) {
        let Some(c) = (if c == '\u{2060}' { Some(c) } else { mark(c) }) else {
            continue;
        };
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Folds a quote into `out` as lower-case words joined by single spaces, and returns how many
/// words there are: copy detection's form. Compatibility forms and diacritics, case, quote
/// marks, dashes, punctuation and runs of whitespace do not matter; apostrophes and invisible
/// characters join (`Japan’s` is `japans`, as in names). It allocates nothing per word: it
/// runs on every quote of the dataset, and ASCII quotes (most of them) skip the Unicode
/// decomposition.
pub fn words(quote: &str, out: &mut String) -> usize {
    out.clear();
    if quote.is_ascii() {
        // Decomposition leaves ASCII as it is, and ASCII is read byte by byte.
        push_ascii_words(quote.as_bytes(), out)
    } else {
        push_words(quote.nfkd().filter(|c| !is_combining_mark(*c)), out)
    }
}

/// Whether a character inside a word leaves it one word: apostrophes and invisible
/// characters as [`mark`] reads them, and the modifier apostrophe (ʼ). The prime (′), which
/// [`mark`] writes as an apostrophe for matching, ends a word here: after a number it is a
/// unit (feet, minutes), and copy detection has always read it so.
fn joins_words(c: char) -> bool {
    c != '\u{2032}' && (c == '\u{02BC}' || matches!(mark(c), None | Some('\'')))
}

/// [`push_words`] for ASCII text: letters and digits make words, the apostrophe and the
/// backtick (which [`mark`] reads as one) join them, anything else ends them.
fn push_ascii_words(bytes: &[u8], out: &mut String) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in bytes {
        if b.is_ascii_alphanumeric() {
            if !in_word {
                if words > 0 {
                    out.push(' ');
                }
                words += 1;
                in_word = true;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        } else if !matches!(b, b'\'' | b'`') {
            in_word = false;
        }
    }
    words
}

fn push_words(chars: impl Iterator<Item = char>, out: &mut String) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in chars {
        if c.is_alphanumeric() {
            if !in_word {
                if words > 0 {
                    out.push(' ');
                }
                words += 1;
                in_word = true;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if !joins_words(c) {
            in_word = false;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_words(text: &str) -> String {
        let mut out = String::new();
        words(text, &mut out);
        out
    }

    #[test]
    fn ascii_words_are_the_general_reading() {
        // Every ASCII character, in generated strings, read by both loops.
        let mut state: u64 = 0x00C0_FFEE;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        for _ in 0..20_000 {
            let len = next(40);
            let text: String = (0..len)
                .map(|_| char::from(u8::try_from(next(128)).unwrap_or(b' ')))
                .collect();
            let (mut fast, mut general) = (String::new(), String::new());
            let fast_count = push_ascii_words(text.as_bytes(), &mut fast);
            let general_count = push_words(text.chars(), &mut general);
            assert_eq!((fast_count, &fast), (general_count, &general), "{text:?}");
        }
        // The joining characters themselves.
        for c in 0..128u8 {
            let text = format!("a{}b c", char::from(c));
            let (mut fast, mut general) = (String::new(), String::new());
            push_ascii_words(text.as_bytes(), &mut fast);
            push_words(text.chars(), &mut general);
            assert_eq!(fast, general, "{text:?}");
        }
    }

    #[test]
    fn quote_marks_dashes_case_and_spacing_fold() {
        assert_eq!(identity("Japan’s  Embassy…"), "japan's embassy...");
        assert_eq!(identity("“Free” – and\u{00AD} open"), "\"free\" - and open");
        assert_eq!(fold_char('’').collect::<String>(), "'");
        assert_eq!(fold_char('É').collect::<String>(), "e\u{301}");
        assert_eq!(fold_char('\u{200B}').count(), 0);
    }

    #[test]
    fn copy_words_join_apostrophes_and_drop_punctuation() {
        assert_eq!(
            copy_words("Japan’s  “Free”, Open — Indo-Pacific!"),
            "japans free open indo pacific"
        );
        assert_eq!(copy_words("Zürich café"), "zurich cafe");
        assert_eq!(copy_words("6′2 tall"), "6 2 tall");
        let mut out = String::new();
        assert_eq!(words("one, two; three", &mut out), 3);
    }

    proptest::proptest! {
        #[test]
        fn the_identity_fold_is_idempotent(
            text in "[ -~\t\n’‘‛′“”„«»‐‑–—―−…\u{00AD}\u{200B}\u{200D}\u{2060}\u{FEFF}éÉüÜßﬁＮ]{0,40}"
        ) {
            let once = identity(&text);
            proptest::prop_assert_eq!(identity(&once), once);
        }

        #[test]
        fn copy_words_skip_decomposing_ascii_and_read_it_as_any_text(text in "[ -~\\t\\n]{0,60}") {
            let mut general = String::new();
            let count = push_words(text.nfkd().filter(|c| !is_combining_mark(*c)), &mut general);
            let mut fast = String::new();
            proptest::prop_assert_eq!(words(&text, &mut fast), count);
            proptest::prop_assert_eq!(fast, general);
        }

        #[test]
        fn on_ascii_the_copy_fold_keeps_what_the_quote_fold_identifies(text in "[ -~\\t\\n]{0,60}") {
            // Two quotes with one identity are one copy: the copy fold reads a quote and its
            // identity alike.
            proptest::prop_assert_eq!(copy_words(&identity(&text)), copy_words(&text));
        }
    }
}
