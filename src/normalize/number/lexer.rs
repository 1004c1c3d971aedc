//! Tokens of a number phrase: numerals, words and symbols, read lazily over the lower-cased
//! text without allocating.
//!
//! Owns only where a token starts and ends. It must not decide what a token means ("m" may be
//! a million or a metre): that is `grammar`'s job, which sees the neighbouring tokens.

use unicode_normalization::char::is_combining_mark;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Digits with optional thousands commas and one decimal point: `300,000`, `55.3`, `.5`.
    Numeral,
    /// A letter followed by letters, digits, inner points and apostrophes: `bn`, `u.s`,
    /// `japan's`, `km²`.
    Word,
    /// Any other single character. Every dash and the minus sign read as `-`, `≈` as `~`.
    Symbol(char),
}

/// One token and where it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    /// What it is.
    pub kind: Kind,
    /// Its text; a word's trailing abbreviation point is left out ("approx." is `approx`).
    pub text: &'a str,
    /// Byte offset of its first character in the text.
    pub start: usize,
    /// Whether whitespace (or the start of the text) comes before it: "A$5" is Australian
    /// dollars, "a $5" is an article and a dollar.
    pub spaced: bool,
}

impl<'a> Token<'a> {
    /// The word's text, if the token is a word.
    pub fn word(&self) -> Option<&'a str> {
        (self.kind == Kind::Word).then_some(self.text)
    }

    /// Whether the token is the symbol `c`.
    pub fn is_symbol(&self, c: char) -> bool {
        self.kind == Kind::Symbol(c)
    }
}

/// A position in the text; copying it is how the grammar looks ahead and backtracks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Cursor { text, pos: 0 }
    }

    /// The same text from byte `pos` on: how a word that glues a currency code to a numeral
    /// ("USD3.14") is read as two tokens.
    pub fn at(self, pos: usize) -> Self {
        Cursor {
            text: self.text,
            pos: pos.min(self.text.len()),
        }
    }

    /// The next token, without moving.
    pub fn peek(&self) -> Option<Token<'a>> {
        self.clone_ahead(0)
    }

    /// The token `n` places after the next one, without moving.
    pub fn peek_nth(&self, n: usize) -> Option<Token<'a>> {
        self.clone_ahead(n)
    }

    fn clone_ahead(&self, n: usize) -> Option<Token<'a>> {
        let mut ahead = *self;
        for _ in 0..n {
            ahead.next_token()?;
        }
        ahead.next_token()
    }
}

impl<'a> Cursor<'a> {
    /// The next token, moving past it. (Not an `Iterator`: the cursor is `Copy`, so that
    /// looking ahead is a copy, and a `Copy` iterator is too easy to advance by mistake.)
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        match self.next_ascii_token() {
            Ascii::Token(token) => Some(token),
            Ascii::End => None,
            Ascii::General => self.next_token_general(),
        }
    }

    /// [`next_token`](Self::next_token) for a token that is ASCII and followed by ASCII (the
    /// common case, "$55 billion"), reading bytes instead of decoding characters; `None` when
    /// the general reader must decide (a non-ASCII byte where it could matter). The result is
    /// the general reader's, byte for byte: `tests::the_ascii_reader_agrees_with_the_general_one`.
    fn next_ascii_token(&mut self) -> Ascii<'a> {
        let Some(rest) = self.text.get(self.pos..) else {
            return Ascii::General;
        };
        let bytes = rest.as_bytes();
        // `str::trim_start`'s whitespace, in ASCII: space, tab, line feed, vertical tab, form
        // feed, carriage return.
        let blank = bytes
            .iter()
            .take_while(|&&b| b == b' ' || (b'\t'..=b'\r').contains(&b))
            .count();
        let start = self.pos + blank;
        let trimmed = &bytes[blank..];
        let Some(&first) = trimmed.first() else {
            return Ascii::End;
        };
        if !first.is_ascii() {
            return Ascii::General;
        }
        let (kind, len, text_len) = if first.is_ascii_digit()
            || (first == b'.' && trimmed.get(1).is_some_and(u8::is_ascii_digit))
        {
            let len = numeral_len(trimmed);
            (Kind::Numeral, len, len)
        } else if first.is_ascii_alphabetic() {
            let Some((len, text_len)) = ascii_word_len(trimmed) else {
                return Ascii::General;
            };
            (Kind::Word, len, text_len)
        } else {
            (Kind::Symbol(char::from(first)), 1, 1)
        };
        let Some(text) = rest.get(blank..blank + text_len) else {
            return Ascii::General;
        };
        self.pos = start + len;
        Ascii::Token(Token {
            kind,
            text,
            start,
            spaced: start == 0 || blank > 0,
        })
    }

    fn next_token_general(&mut self) -> Option<Token<'a>> {
        let rest = self.text.get(self.pos..)?;
        let trimmed = rest.trim_start();
        let start = self.pos + (rest.len() - trimmed.len());
        let spaced = start == 0 || trimmed.len() != rest.len();
        let mut chars = trimmed.chars();
        let first = chars.next()?;
        let second = chars.next();
        let (kind, len, text_len) = if first.is_ascii_digit()
            || (first == '.' && second.is_some_and(|c| c.is_ascii_digit()))
        {
            let len = numeral_len(trimmed.as_bytes());
            (Kind::Numeral, len, len)
        } else if first.is_alphabetic() {
            let (len, text_len) = word_len(trimmed);
            (Kind::Word, len, text_len)
        } else {
            (
                Kind::Symbol(fold_symbol(first)),
                first.len_utf8(),
                first.len_utf8(),
            )
        };
        self.pos = start + len;
        Some(Token {
            kind,
            text: trimmed.get(..text_len)?,
            start,
            spaced,
        })
    }
}

/// What the ASCII reader found.
enum Ascii<'a> {
    /// The next token.
    Token(Token<'a>),
    /// Nothing but whitespace is left.
    End,
    /// The general reader must read the next token.
    General,
}

/// Length of the numeral at the start of `bytes`.
///
/// A comma belongs to the numeral only when exactly three digits follow it ("1,000"), so that
/// "3,5" is not silently read as thirty-five: the grammar sees the comma and says why. A space
/// (or a no-break or thin space) groups thousands the same way ("1 200", "12 500 000"), but
/// only after a first group of one to three digits and before groups of exactly three, so that
/// "2013 100" stays two numbers.
fn numeral_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    let mut seen_point = false;
    let mut seen_comma = false;
    let mut group = 0;
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_digit() => {
                i += 1;
                group += 1;
            }
            Some(b'.') if !seen_point && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                seen_point = true;
                i += 1;
            }
            Some(b',') if !seen_point && i > 0 && is_digit_group(bytes, i + 1) => {
                seen_comma = true;
                group = 0;
                i += 1;
            }
            _ => {
                let space = space_len(bytes.get(i..).unwrap_or_default());
                let groups_by_space = space > 0 && !seen_point && !seen_comma && group <= 3;
                if groups_by_space && group > 0 && is_digit_group(bytes, i + space) {
                    i += space;
                    group = 0;
                } else {
                    return i;
                }
            }
        }
    }
}

/// Length of the space that may group thousands at the start of `bytes`: a space, a
/// no-break space or a (narrow) thin space; 0 if none.
fn space_len(bytes: &[u8]) -> usize {
    match bytes {
        [b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0x89 | 0xAF, ..] => 3,
        _ => 0,
    }
}

/// Whether exactly three digits start at `i`.
fn is_digit_group(bytes: &[u8], i: usize) -> bool {
    (i..i + 3).all(|j| bytes.get(j).is_some_and(u8::is_ascii_digit))
        && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
}

/// Length of the word at the start of `text`, and of its text without a trailing point.
fn word_len(text: &str) -> (usize, usize) {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        // Combining marks belong to their letter ("i̇stanbul", lower-cased from "İstanbul").
        let keep = c.is_alphanumeric()
            || (i > 0 && is_combining_mark(c))
            || (i > 0 && is_apostrophe(c))
            // "u.s" keeps its inner point; a point before a digit or a space ends the word.
            || (i > 0 && c == '.' && next.is_some_and(char::is_alphabetic));
        if !keep {
            break;
        }
        end = i + c.len_utf8();
    }
    let rest = text.get(end..).unwrap_or_default();
    let mut after = rest.chars();
    let point_ends_word =
        after.next() == Some('.') && !after.next().is_some_and(|c| c.is_ascii_digit());
    if point_ends_word {
        (end + 1, end)
    } else {
        (end, end)
    }
}

/// [`word_len`] for a word of ASCII letters, digits, inner points and apostrophes followed
/// by ASCII; `None` when a non-ASCII character could belong to the word.
fn ascii_word_len(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut end = 0;
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphanumeric() => end += 1,
            Some(b'\'') if end > 0 => end += 1,
            Some(b'.') if end > 0 => match bytes.get(end + 1) {
                Some(b) if b.is_ascii_alphabetic() => end += 1,
                Some(b) if !b.is_ascii() => return None,
                _ => break,
            },
            Some(b) if !b.is_ascii() => return None,
            _ => break,
        }
    }
    let point_ends_word =
        bytes.get(end) == Some(&b'.') && !bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    Some(if point_ends_word {
        (end + 1, end)
    } else {
        (end, end)
    })
}

/// Apostrophes and the quotes typed in their place ("Japan’s").
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn fold_symbol(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2248}' | '\u{223C}' => '~',
        '\u{FF04}' => '$',
        '\u{FF05}' => '%',
        '\u{FFE5}' => '¥',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token<'_>> {
        let mut cursor = Cursor::new(text);
        std::iter::from_fn(|| cursor.next_token()).collect()
    }

    fn lex(text: &str) -> Vec<(Kind, &str)> {
        tokens(text).iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn numerals_keep_grouping_commas_and_one_point() {
        assert_eq!(lex("300,000"), vec![(Kind::Numeral, "300,000")]);
        assert_eq!(lex("1,000.25"), vec![(Kind::Numeral, "1,000.25")]);
        assert_eq!(lex(".5"), vec![(Kind::Numeral, ".5")]);
        assert_eq!(
            lex("3,5"),
            vec![
                (Kind::Numeral, "3"),
                (Kind::Symbol(','), ","),
                (Kind::Numeral, "5")
            ]
        );
        assert_eq!(
            lex("1.2.3"),
            vec![(Kind::Numeral, "1.2"), (Kind::Numeral, ".3")]
        );
    }

    #[test]
    fn words_split_from_numerals_and_keep_inner_points() {
        assert_eq!(lex("5bn"), vec![(Kind::Numeral, "5"), (Kind::Word, "bn")]);
        assert_eq!(
            lex("u.s. dollars"),
            vec![(Kind::Word, "u.s"), (Kind::Word, "dollars")]
        );
        assert_eq!(lex("approx.300")[0], (Kind::Word, "approx"));
        assert_eq!(lex("japan’s"), vec![(Kind::Word, "japan’s")]);
        assert_eq!(lex("km²"), vec![(Kind::Word, "km²")]);
    }

    #[test]
    fn dashes_fold_and_spacing_is_recorded() {
        assert_eq!(
            lex("3–5"),
            vec![
                (Kind::Numeral, "3"),
                (Kind::Symbol('-'), "–"),
                (Kind::Numeral, "5")
            ]
        );
        let spaced: Vec<bool> = tokens("a$5 a $").iter().map(|t| t.spaced).collect();
        assert_eq!(spaced, vec![true, false, false, true, true]);
    }

    /// Every token of `text` from `pos` on, by `read`: with its kind, text, start, spacing
    /// and where the cursor is after it.
    fn read_all<'a>(
        text: &'a str,
        pos: usize,
        read: fn(&mut Cursor<'a>) -> Option<Token<'a>>,
    ) -> Vec<(Kind, &'a str, usize, bool, usize)> {
        let mut cursor = Cursor { text, pos };
        std::iter::from_fn(|| {
            let token = read(&mut cursor)?;
            Some((
                token.kind,
                token.text,
                token.start,
                token.spaced,
                cursor.pos,
            ))
        })
        .collect()
    }

    /// Every token by the general reader alone.
    fn general_tokens_from(text: &str, pos: usize) -> Vec<(Kind, &str, usize, bool, usize)> {
        read_all(text, pos, Cursor::next_token_general)
    }

    fn tokens_from(text: &str, pos: usize) -> Vec<(Kind, &str, usize, bool, usize)> {
        read_all(text, pos, Cursor::next_token)
    }

    #[test]
    fn the_ascii_reader_agrees_with_the_general_one() {
        // Generated phrases over an alphabet that mixes the ASCII the fast reader takes with
        // the characters where it must hand over (letters, marks, spaces, apostrophes,
        // digits and dashes outside ASCII), read from every character boundary.
        const PIECES: &[&str] = &[
            "a", "m", "bn", "u", "s", "Z", "0", "5", "12", "1,000", ",", ".", ". ", "'", "-", "$",
            "%", "/", "(", ")", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "é", "ß", "\u{307}",
            "\u{2019}", "\u{2bc}", "²", "\u{a0}", "\u{2009}", "\u{202f}", "–", "−", "≈", "€", "£",
            "٣", "İ", "\u{3000}", "x.", ".y", "1.5", ".5", "a.s.l", "3 000",
        ];
        let mut state: u64 = 0x5EED;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or(0) % n
        };
        for _ in 0..20_000 {
            let len = next(9);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            for (pos, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    tokens_from(&text, pos),
                    general_tokens_from(&text, pos),
                    "{text:?} from {pos}"
                );
            }
        }
    }

    #[test]
    fn peeking_does_not_move() {
        let cursor = Cursor::new("about 300 tents");
        assert_eq!(cursor.peek().map(|t| t.text), Some("about"));
        assert_eq!(cursor.peek_nth(2).map(|t| t.text), Some("tents"));
        assert_eq!(cursor.peek_nth(3).map(|t| t.text), None);
    }
}
