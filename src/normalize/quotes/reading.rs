//! How quotes and texts are read for matching (README, "Quotes").
//!
//! Owns the reading of both into folded words and marks (case, Unicode compatibility forms,
//! quote marks, dashes, hyphens inside a word and at a line end) and the reading of a quote's
//! own marks: bracketed insertions, omissions, brackets glued to a word, and the punctuation
//! that may differ at the ends of each part. It must not search: that is `matching`.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::matching::{INSERTION_TOKENS, OMISSION_TOKENS};
use crate::text::quote::fold_char;

/// The longest bracketed insertion or omission, in bytes: a `[` or `(` not closed within it is
/// a mark of the quote's own.
pub(super) const BRACKET_BYTES: usize = 256;

/// A part of a quote as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// Words copied from the text (byte range in the quote).
    Literal(Range<usize>),
    /// An insertion or an omission: the most tokens of the text it may stand for.
    Gap(usize),
}

/// A quote cut into literal parts and gaps, with the byte offsets of brackets to drop: a
/// bracket glued to a word changes letters of that word (`[T]he`), its content is the text's.
pub(super) fn pieces(quote: &str) -> (Vec<Piece>, Vec<usize>) {
    let bytes = quote.as_bytes();
    let mut pieces = Vec::new();
    let mut dropped = Vec::new();
    let mut literal_start = 0;
    let mut at = 0;
    let cut = |pieces: &mut Vec<Piece>, start: usize, end: usize, gap: usize| {
        if start < end {
            pieces.push(Piece::Literal(start..end));
        }
        pieces.push(Piece::Gap(gap));
    };
    while at < bytes.len() {
        let rest = &quote[at..];
        if let Some(length) = ellipsis(rest) {
            cut(&mut pieces, literal_start, at, OMISSION_TOKENS);
            at += length;
            literal_start = at;
            continue;
        }
        let open = bytes[at];
        if open == b'[' || open == b'(' {
            let close = if open == b'[' { ']' } else { ')' };
            // A bracket closes within a short stretch, so an unclosed one costs little.
            let reach = rest[1..]
                .char_indices()
                .take_while(|&(i, _)| i <= BRACKET_BYTES)
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            if let Some(inside) = rest[1..=reach.min(rest.len() - 1)].find(close) {
                let content = &rest[1..=inside];
                let end = at + inside + 2;
                if ellipsis(content.trim()).is_some_and(|l| l == content.trim().len()) {
                    cut(&mut pieces, literal_start, at, OMISSION_TOKENS);
                    at = end;
                    literal_start = at;
                    continue;
                }
                if open == b'[' && !content.contains('[') {
                    let glued = quote[..at]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                        || quote[end..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    if glued {
                        dropped.push(at);
                        dropped.push(end - 1);
                    } else {
                        cut(&mut pieces, literal_start, at, INSERTION_TOKENS);
                        literal_start = end;
                    }
                    at = end;
                    continue;
                }
            }
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    if literal_start < quote.len() {
        pieces.push(Piece::Literal(literal_start..quote.len()));
    }
    (pieces, dropped)
}

/// The length of an ellipsis at the start of `text`: `…`, or three or more dots, possibly
/// spaced (`. . .`).
fn ellipsis(text: &str) -> Option<usize> {
    if text.starts_with('\u{2026}') {
        return Some('\u{2026}'.len_utf8());
    }
    let bytes = text.as_bytes();
    let (mut dots, mut at, mut end) = (0, 0, 0);
    while at < bytes.len() {
        match bytes[at] {
            b'.' => {
                dots += 1;
                at += 1;
                end = at;
            }
            b' ' if dots > 0 && bytes.get(at + 1) == Some(&b'.') => at += 1,
            _ => break,
        }
    }
    (dots >= 3).then_some(end)
}

/// Drops marks that may differ at the ends of a part of a quote: its final punctuation
/// ("." where the text goes on with ", which"), opening and closing quote marks and
/// parentheses, and the punctuation beside an omission or insertion.
pub(super) fn trim_marks(tokens: &mut Vec<(String, Range<usize>)>) {
    let loose = |key: &str| {
        let mut chars = key.chars();
        matches!(
            (chars.next(), chars.next()),
            (
                Some(
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | '\''
                        | '"'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '-'
                        | '/'
                ),
                None
            )
        )
    };
    while tokens.last().is_some_and(|(key, _)| loose(key)) {
        tokens.pop();
    }
    let leading = tokens.iter().take_while(|(key, _)| loose(key)).count();
    tokens.drain(..leading);
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The words and marks of `range` of `text`, each with its folded key and byte range.
///
/// A word runs on through an apostrophe between letters ("japan's"), a hyphen between letters ("Japan–NATO"; the key drops
/// it, so "well-known" is "wellknown"), and a hyphen at a line end ("diplo-\nmatic" is
/// "diplomatic"). Any other character that is not a space is a mark of its own: "2,500" is
/// `2` `,` `500`, so that a footnote number glued to a sentence ("in 2025.3") leaves "2025" a
/// word.
pub(super) fn read_tokens(
    text: &str,
    range: Range<usize>,
    dropped: &[usize],
) -> Vec<(String, Range<usize>)> {
    let mut chars: Vec<(char, usize, usize)> = Vec::new();
    for (offset, c) in text[range.clone()].char_indices() {
        let at = range.start + offset;
        if dropped.binary_search(&at).is_ok() {
            continue;
        }
        for folded in fold_char(c) {
            chars.push((folded, at, at + c.len_utf8()));
        }
    }
    let kind = |i: usize| chars.get(i).map(|c| c.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (c, start, end) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word(c) {
            out.push((c.to_string(), start..end));
            i += 1;
            continue;
        }
        let mut key = String::new();
        let mut last = end;
        while i < chars.len() {
            let c = chars[i].0;
            let next = kind(i + 1);
            if is_word(c) {
                key.push(c);
                last = chars[i].2;
                i += 1;
            } else if c == '\'' && next.is_some_and(is_word) {
                key.push(c);
                i += 1;
            } else if c == '-' && next.is_some_and(is_word) {
                i += 1;
            } else if c == '-' {
                let mut j = i + 1;
                let mut line_end = false;
                while let Some(space) = kind(j).filter(|s| s.is_whitespace()) {
                    line_end |= space == '\n' || space == '\r';
                    j += 1;
                }
                if line_end && kind(j).is_some_and(is_word) {
                    i = j;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        out.push((key, start..last));
    }
    out
}
