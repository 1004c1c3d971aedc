//! Lower-cased date text to tokens: words, numbers, ordinals, decades and the punctuation
//! that matters to dates.
//!
//! Owns which characters a date may contain and how they group. It must not decide what a
//! word means; that is the grammar's. Tokens borrow the text and live in a fixed array, so
//! reading a date allocates nothing here.

/// More tokens than any date needs ("Tuesday, April 8th, 2025 – Thursday, April 10th, 2025"
/// is 12); longer text is not a date.
pub(super) const MAX_TOKENS: usize = 32;

/// One token of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    /// A run of letters ("april", "c", "q").
    Word(&'a str),
    /// A run of digits; `digits` tells "07" from "7" and "2014" from "20140". `value`
    /// saturates, so an absurdly long number is still one token.
    Num { value: u32, digits: u8 },
    /// Digits with an ordinal suffix: "8th", "21st".
    Ordinal(u32),
    /// Digits with a plural "s": "1970s", "1970's".
    Plural { value: u32, digits: u8 },
    /// A hyphen with no space on either side, as in ISO dates ("2023-07") and "mid-1990s".
    Hyphen,
    /// An en or em dash, or a hyphen with a space beside it: always a range.
    Dash,
    /// `/`, in numeric dates ("4/18/2025").
    Slash,
    /// `~`, the approximation mark ("~2014").
    Tilde,
    /// `?`, the uncertainty mark ("2014?").
    Question,
}

/// The tokens of one date, held inline.
pub(super) struct Tokens<'a> {
    items: [Tok<'a>; MAX_TOKENS],
    len: usize,
}

impl<'a> Tokens<'a> {
    /// The tokens in order.
    pub(super) fn as_slice(&self) -> &[Tok<'a>] {
        self.items.get(..self.len).unwrap_or(&[])
    }

    fn push(&mut self, tok: Tok<'a>) -> Option<()> {
        let slot = self.items.get_mut(self.len)?;
        *slot = tok;
        self.len += 1;
        Some(())
    }
}

/// Splits lower-cased text into tokens; `None` when it holds a character no date contains or
/// more than [`MAX_TOKENS`] tokens.
pub(super) fn tokenize(text: &str) -> Option<Tokens<'_>> {
    let mut tokens = Tokens {
        items: [Tok::Tilde; MAX_TOKENS],
        len: 0,
    };
    let mut i = 0;
    // Whether the previous character separates words: a hyphen after one is a range dash.
    let mut after_space = true;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        let width = c.len_utf8();
        if c.is_ascii_digit() {
            i = number(text, i, &mut tokens)?;
            after_space = false;
            continue;
        }
        if c.is_alphabetic() {
            let end = text
                .get(i..)?
                .char_indices()
                .find(|(_, ch)| !ch.is_alphabetic())
                .map_or(text.len(), |(offset, _)| i + offset);
            tokens.push(Tok::Word(text.get(i..end)?))?;
            i = end;
            after_space = false;
            continue;
        }
        let separator = is_separator(c);
        match c {
            _ if separator => {}
            '-' | '\u{2010}' | '\u{2011}' => {
                let next = text.get(i + width..).and_then(|rest| rest.chars().next());
                let before_space = next.is_none_or(is_separator);
                tokens.push(if after_space || before_space {
                    Tok::Dash
                } else {
                    Tok::Hyphen
                })?;
            }
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => {
                tokens.push(Tok::Dash)?;
            }
            '/' => tokens.push(Tok::Slash)?,
            '~' => tokens.push(Tok::Tilde)?,
            '?' => tokens.push(Tok::Question)?,
            _ => return None,
        }
        after_space = separator;
        i += width;
    }
    Some(joined_eras(&tokens))
}

/// "A.D.", "B.C.", "C.E." and "B.C.E." as the one word they abbreviate: their periods split
/// them into letters.
fn joined_eras<'a>(tokens: &Tokens<'a>) -> Tokens<'a> {
    let mut joined = Tokens {
        items: [Tok::Tilde; MAX_TOKENS],
        len: 0,
    };
    let mut rest = tokens.as_slice();
    while let Some((first, after)) = rest.split_first() {
        let era = match rest {
            [Tok::Word("b"), Tok::Word("c"), Tok::Word("e"), ..] => Some(("bce", 3)),
            [Tok::Word("a"), Tok::Word("d"), ..] => Some(("ad", 2)),
            [Tok::Word("b"), Tok::Word("c"), ..] => Some(("bc", 2)),
            [Tok::Word("c"), Tok::Word("e"), ..] => Some(("ce", 2)),
            _ => None,
        };
        let (tok, skip) = era.map_or((*first, 1), |(word, n)| (Tok::Word(word), n));
        // As many tokens as the input, or fewer: the push cannot overflow.
        let _ = joined.push(tok);
        rest = rest.get(skip..).unwrap_or(after);
    }
    joined
}

/// Whitespace, commas and periods only separate tokens ("Sept. 8, 2023.").
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == ',' || c == '.'
}

/// Reads the digits at `start` and any suffix glued to them ("8th", "1970s", "1970's").
fn number<'a>(text: &'a str, start: usize, tokens: &mut Tokens<'a>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut value: u32 = 0;
    while let Some(b) = bytes.get(end).filter(|b| b.is_ascii_digit()) {
        value = value.saturating_mul(10).saturating_add(u32::from(b - b'0'));
        end += 1;
    }
    let digits = u8::try_from(end - start).unwrap_or(u8::MAX);
    let rest = text.get(end..)?;
    let letters = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(offset, _)| offset);
    let suffix = rest.get(..letters)?;
    match suffix {
        "st" | "nd" | "rd" | "th" => {
            tokens.push(Tok::Ordinal(value))?;
            return Some(end + letters);
        }
        "s" => {
            tokens.push(Tok::Plural { value, digits })?;
            return Some(end + letters);
        }
        _ => {}
    }
    for apostrophe in ["'s", "\u{2019}s"] {
        let glued = rest.strip_prefix(apostrophe);
        if glued.is_some_and(|after| !after.starts_with(char::is_alphabetic)) {
            tokens.push(Tok::Plural { value, digits })?;
            return Some(end + apostrophe.len());
        }
    }
    // Letters glued to a number that are not a suffix ("800ad") are a word of their own.
    tokens.push(Tok::Num { value, digits })?;
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Tok<'_>> {
        tokenize(text)
            .map(|t| t.as_slice().to_vec())
            .unwrap_or_default()
    }

    #[test]
    fn iso_hyphens_are_not_ranges() {
        assert_eq!(
            toks("2025-04-08"),
            [
                Tok::Num {
                    value: 2025,
                    digits: 4
                },
                Tok::Hyphen,
                Tok::Num {
                    value: 4,
                    digits: 2
                },
                Tok::Hyphen,
                Tok::Num {
                    value: 8,
                    digits: 2
                },
            ]
        );
        assert_eq!(toks("2009 - 2013").get(1), Some(&Tok::Dash));
        assert_eq!(toks("2009–2013").get(1), Some(&Tok::Dash));
    }

    #[test]
    fn suffixes_glue_to_numbers() {
        assert_eq!(toks("8th"), [Tok::Ordinal(8)]);
        assert_eq!(
            toks("1970's"),
            [Tok::Plural {
                value: 1970,
                digits: 4
            }]
        );
        assert_eq!(
            toks("1970’s"),
            [Tok::Plural {
                value: 1970,
                digits: 4
            }]
        );
        assert_eq!(
            toks("800ad"),
            [
                Tok::Num {
                    value: 800,
                    digits: 3
                },
                Tok::Word("ad")
            ]
        );
        assert_eq!(
            toks("q1"),
            [
                Tok::Word("q"),
                Tok::Num {
                    value: 1,
                    digits: 1
                }
            ]
        );
    }

    #[test]
    fn eras_with_periods_are_one_word() {
        assert_eq!(
            toks("2014 a.d."),
            [
                Tok::Num {
                    value: 2014,
                    digits: 4
                },
                Tok::Word("ad")
            ]
        );
        assert_eq!(toks("44 b.c.e.").get(1), Some(&Tok::Word("bce")));
        assert_eq!(toks("c. 1990").first(), Some(&Tok::Word("c")));
    }

    #[test]
    fn commas_and_periods_separate() {
        assert_eq!(
            toks("sept. 8, 2023."),
            [
                Tok::Word("sept"),
                Tok::Num {
                    value: 8,
                    digits: 1
                },
                Tok::Num {
                    value: 2023,
                    digits: 4
                }
            ]
        );
    }

    #[test]
    fn rejects_foreign_characters_and_floods() {
        assert!(tokenize("(2014)").is_none());
        assert!(tokenize(&"1 ".repeat(MAX_TOKENS + 1)).is_none());
        assert_eq!(
            toks("99999999999999"),
            [Tok::Num {
                value: u32::MAX,
                digits: 14
            }]
        );
    }
}
