//! Finding a quote in its source's text, as researchers copy quotes (README, "Quotes").
//!
//! Owns the search and the bounds of a quote's gaps: each stretch of the quote between gaps
//! (insertions and omissions, as `reading` finds them) is looked up by its rarest word, or with
//! Knuth–Morris–Pratt over word ids, only where the gap before it allows, so the work is
//! linear in the text for each stretch and no alignment is tried twice. When the quote is not
//! found it says where the match stops.
//! It must not decide what is reported (the parent module) nor read claim values (`support`).

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::reading::{Piece, pieces, read_tokens, trim_marks};

/// Words and marks an insertion (`[the mission]`) may stand for in the text: none up to this
/// many.
pub const INSERTION_TOKENS: usize = 16;

/// Words and marks an omission (`…`, `...`, `[…]`) may skip in the text: none up to this many,
/// about two paragraphs.
pub const OMISSION_TOKENS: usize = 400;

/// A text read for quote matching: its words and marks as ids, with their byte ranges.
#[derive(Debug)]
pub struct Text<'a> {
    source: &'a str,
    ids: Vec<u32>,
    spans: Vec<Range<usize>>,
    vocabulary: FxHashMap<String, u32>,
    /// Where each word occurs, by id, in order: a stretch is looked up by its rarest word.
    postings: Vec<Vec<u32>>,
}

impl<'a> Text<'a> {
    /// Reads a text.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let mut vocabulary: FxHashMap<String, u32> = FxHashMap::default();
        let mut ids = Vec::new();
        let mut spans = Vec::new();
        for (key, span) in read_tokens(text, 0..text.len(), &[]) {
            let next = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
            ids.push(*vocabulary.entry(key).or_insert(next));
            spans.push(span);
        }
        let mut postings = vec![Vec::new(); vocabulary.len()];
        for (position, &id) in ids.iter().enumerate() {
            postings[id as usize].push(u32::try_from(position).unwrap_or(u32::MAX));
        }
        Self {
            source: text,
            ids,
            spans,
            vocabulary,
            postings,
        }
    }

    /// Up to `count` words and marks of the text from token `at`, as written, spaces collapsed.
    /// A word hyphenated at a line end is shown as one word ("diplo-matic").
    fn words_from(&self, at: usize, count: usize) -> Option<String> {
        self.spans.get(at)?;
        let spans = &self.spans[at..(at + count).min(self.spans.len())];
        let mut shown = String::new();
        for (index, span) in spans.iter().enumerate() {
            if index > 0 && spans[index - 1].end < span.start {
                shown.push(' ');
            }
            shown.extend(
                self.source[span.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace()),
            );
        }
        Some(shown)
    }
}

/// A quote read for matching: its tokens, in stretches separated by gaps.
#[derive(Debug)]
pub struct Quote<'a> {
    written: &'a str,
    tokens: Vec<(String, Range<usize>)>,
    /// Each stretch: the most tokens of the text the gap before it may stand for, and its
    /// tokens (a range of `tokens`, never empty).
    stretches: Vec<(usize, Range<usize>)>,
}

/// Where a quote stops matching its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Divergence {
    /// The quote as written up to the end of the longest part found (empty when not even its
    /// first word is in the text).
    pub matched: String,
    /// The quote's words from where it stops matching.
    pub quote_next: String,
    /// The text's words where the quote goes on differently, when a part was found.
    pub text_next: Option<String>,
}

/// Words shown on each side of the point where a quote stops matching.
const SHOWN_TOKENS: usize = 6;

impl<'a> Quote<'a> {
    /// Reads a quote.
    #[must_use]
    pub fn new(quote: &'a str) -> Self {
        let (pieces, dropped) = pieces(quote);
        let mut tokens = Vec::new();
        let mut stretches = Vec::new();
        let mut gap = 0usize;
        for piece in pieces {
            match piece {
                Piece::Gap(most) => gap = gap.saturating_add(most),
                Piece::Literal(range) => {
                    let mut found = read_tokens(quote, range, &dropped);
                    trim_marks(&mut found);
                    if found.is_empty() {
                        continue;
                    }
                    let start = tokens.len();
                    tokens.extend(found);
                    stretches.push((gap, start..tokens.len()));
                    gap = 0;
                }
            }
        }
        Self {
            written: quote,
            tokens,
            stretches,
        }
    }

    /// Whether the quote has no word or mark to look for (nothing but an ellipsis).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The ids of tokens `range` in the text's vocabulary; a word the text does not have gets
    /// an id of its own, the same for the same word.
    fn ids(&self, text: &Text<'_>, unknown: &mut FxHashMap<String, u32>) -> Vec<u32> {
        self.tokens
            .iter()
            .map(|(key, _)| {
                text.vocabulary.get(key).copied().unwrap_or_else(|| {
                    let next =
                        u32::try_from(text.vocabulary.len() + unknown.len()).unwrap_or(u32::MAX);
                    *unknown.entry(key.clone()).or_insert(next)
                })
            })
            .collect()
    }

    /// The quote as written from the start of token `from` to the end of token `to`
    /// (exclusive), spaces collapsed.
    fn written(&self, from: usize, to: usize) -> String {
        if from >= to || to > self.tokens.len() {
            return String::new();
        }
        let range = self.tokens[from].1.start..self.tokens[to - 1].1.end;
        let words: Vec<&str> = self.written[range].split_whitespace().collect();
        words.join(" ")
    }
}

/// Finds a quote in a text: `Ok` when every stretch is there, in order, each within what the
/// gap before it allows; else where the match stops.
///
/// # Errors
/// The [`Divergence`] when the quote is not in the text.
pub fn find(text: &Text<'_>, quote: &Quote<'_>) -> Result<(), Divergence> {
    let ids = quote.ids(text, &mut FxHashMap::default());
    let mut allowed = Allowed::Anywhere;
    for (index, (_, range)) in quote.stretches.iter().enumerate() {
        let run = &ids[range.clone()];
        let starts = find_run(text, run, &allowed);
        if starts.is_empty() {
            let (length, at) = longest_prefix(text, run, &allowed);
            let stop = range.start + length;
            let text_at = match (at, &allowed) {
                (Some(at), _) => Some(at + length),
                (None, Allowed::Windows(windows)) => windows.first().map(|w| w.0),
                (None, Allowed::Anywhere) => None,
            };
            return Err(Divergence {
                matched: quote.written(0, stop),
                quote_next: quote.written(stop, (stop + SHOWN_TOKENS).min(quote.tokens.len())),
                text_next: text_at.and_then(|at| text.words_from(at, SHOWN_TOKENS)),
            });
        }
        let gap = quote.stretches.get(index + 1).map_or(0, |s| s.0);
        let length = run.len();
        allowed = Allowed::Windows(merge(
            starts
                .into_iter()
                .map(|s| (s + length, (s + length).saturating_add(gap))),
        ));
    }
    Ok(())
}

/// Where a stretch may start.
#[derive(Debug)]
enum Allowed {
    Anywhere,
    /// Sorted, disjoint, inclusive ranges of token positions.
    Windows(Vec<(usize, usize)>),
}

/// Sorted inclusive ranges merged where they overlap or touch.
fn merge(ranges: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (low, high) in ranges {
        match merged.last_mut() {
            Some(last) if low <= last.1.saturating_add(1) => last.1 = last.1.max(high),
            _ => merged.push((low, high)),
        }
    }
    merged
}

/// Every start in `allowed` where `run` occurs in `text`, in order.
///
/// Where the run's rarest word occurs less often than the windows are long, only those places
/// are tried; else Knuth–Morris–Pratt reads each token of the windows once. Either way the work
/// is at most linear in the text (times the run's length for the places tried).
fn find_run(text: &Text<'_>, run: &[u32], allowed: &Allowed) -> Vec<usize> {
    if run.is_empty() {
        return Vec::new();
    }
    let windows = match allowed {
        Allowed::Anywhere => vec![(0, text.ids.len())],
        Allowed::Windows(windows) => windows.clone(),
    };
    let Some((offset, places)) = run
        .iter()
        .enumerate()
        .map(|(offset, &id)| {
            (
                offset,
                text.postings
                    .get(id as usize)
                    .map_or(&[][..], Vec::as_slice),
            )
        })
        .min_by_key(|(_, places)| places.len())
    else {
        return Vec::new();
    };
    let scanned: usize = windows.iter().map(|(low, high)| high - low + 1).sum();
    if places.len().saturating_mul(run.len()) <= scanned {
        let mut found = Vec::new();
        for (low, high) in windows {
            let first = places.partition_point(|&p| (p as usize) < low + offset);
            for &place in &places[first..] {
                let start = place as usize - offset;
                if start > high {
                    break;
                }
                if text.ids.get(start..start + run.len()) == Some(run) {
                    found.push(start);
                }
            }
        }
        return found;
    }
    kmp(&text.ids, run, windows)
}

/// [`find_run`] by Knuth–Morris–Pratt over the windows.
fn kmp(text: &[u32], run: &[u32], windows: Vec<(usize, usize)>) -> Vec<usize> {
    let failure = failure(run);
    let mut found = Vec::new();
    for (low, high) in windows {
        // Windows are disjoint and sorted, so each match is found once, in order.
        let end = text.len().min(high.saturating_add(run.len()));
        let mut matched = 0;
        for (position, &token) in text.iter().enumerate().take(end).skip(low) {
            while matched > 0 && run[matched] != token {
                matched = failure[matched - 1];
            }
            if run[matched] == token {
                matched += 1;
            }
            if matched == run.len() {
                let start = position + 1 - run.len();
                if start <= high {
                    found.push(start);
                }
                matched = failure[matched - 1];
            }
        }
    }
    found
}

/// The Knuth–Morris–Pratt failure function: for each prefix, the length of its longest proper
/// prefix that is also its suffix.
fn failure(run: &[u32]) -> Vec<usize> {
    let mut failure = vec![0; run.len()];
    let mut length = 0;
    for i in 1..run.len() {
        while length > 0 && run[i] != run[length] {
            length = failure[length - 1];
        }
        if run[i] == run[length] {
            length += 1;
        }
        failure[i] = length;
    }
    failure
}

/// The longest prefix of `run` found within `allowed`, and where (by bisection: a prefix
/// found means every shorter one is found).
fn longest_prefix(text: &Text<'_>, run: &[u32], allowed: &Allowed) -> (usize, Option<usize>) {
    let (mut low, mut high) = (0, run.len());
    while low < high {
        let middle = (low + high).div_ceil(2);
        if find_run(text, &run[..middle], allowed).is_empty() {
            high = middle - 1;
        } else {
            low = middle;
        }
    }
    let at = (low > 0)
        .then(|| find_run(text, &run[..low], allowed).first().copied())
        .flatten();
    (low, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::quotes::reading::BRACKET_BYTES;

    fn found(text: &str, quote: &str) -> bool {
        find(&Text::new(text), &Quote::new(quote)).is_ok()
    }

    fn stops(text: &str, quote: &str) -> Divergence {
        match find(&Text::new(text), &Quote::new(quote)) {
            Ok(()) => panic!("{quote:?} should not be found"),
            Err(divergence) => divergence,
        }
    }

    const TEXT: &str = "The mission opened its doors in January 2025 as a separate office from \
        Japan’s Embassy in Brussels, which previously covered NATO-related activities. It is \
        headed by a dedicated ambassador.";

    #[test]
    fn case_spacing_quote_marks_and_dashes_do_not_matter() {
        assert!(found(TEXT, "the mission opened its doors"));
        assert!(found(TEXT, "japan's   embassy in BRUSSELS, which"));
        assert!(found(TEXT, "NATO–related"));
        assert!(!found(TEXT, "NATO related"), "a hyphen is not a space");
    }

    #[test]
    fn final_and_opening_punctuation_may_differ() {
        assert!(found(
            TEXT,
            "as a separate office from Japan’s Embassy in Brussels."
        ));
        assert!(found(TEXT, "“Japan’s Embassy in Brussels”"));
        assert!(found(TEXT, "covered NATO-related activities;"));
        assert!(
            !found(TEXT, "Japan’s Embassy. In Brussels"),
            "punctuation inside the quote still counts"
        );
    }

    #[test]
    fn an_insertion_stands_for_a_few_words_or_none() {
        assert!(found(
            TEXT,
            "[The new office] opened its doors in January 2025"
        ));
        assert!(found(
            TEXT,
            "It is headed by a [Japanese] dedicated ambassador"
        ));
        assert!(found(TEXT, "which [the embassy] previously covered"));
        assert!(
            found(TEXT, "[T]he mission opened"),
            "a bracketed letter changes case"
        );
        assert!(found(TEXT, "It is head[ed] by"));
        let long = format!("alpha {} omega", "word ".repeat(INSERTION_TOKENS + 1));
        assert!(!found(&long, "alpha [the words] omega"), "bounded");
        let short = format!("alpha {} omega", "word ".repeat(INSERTION_TOKENS));
        assert!(found(&short, "alpha [the words] omega"));
    }

    #[test]
    fn an_omission_skips_a_bounded_stretch_in_order() {
        for mark in ["…", "...", "[…]", "[...]", "(…)", ". . ."] {
            let quote = format!("The mission opened {mark} in Brussels, which");
            assert!(found(TEXT, &quote), "{quote}");
        }
        assert!(found(TEXT, "… opened its doors …"));
        assert!(!found(TEXT, "in Brussels … The mission opened"), "in order");
        let far = format!("alpha {} omega", "word ".repeat(OMISSION_TOKENS + 1));
        assert!(!found(&far, "alpha … omega"));
        let near = format!("alpha {} omega", "word ".repeat(OMISSION_TOKENS - 1));
        assert!(found(&near, "alpha … omega"));
    }

    #[test]
    fn line_breaks_and_hyphenation_at_a_line_end_are_joined() {
        let text = "a new diplo-\nmatic mission for the well-\r\n  known alliance";
        assert!(found(text, "a new diplomatic mission"));
        assert!(found(text, "the well-known alliance"));
        assert!(found(text, "mission for\nthe"));
        assert!(
            !found("a diplo- matic mission", "a diplomatic mission"),
            "no line end"
        );
    }

    #[test]
    fn a_changed_word_number_or_name_fails_anywhere() {
        assert!(!found(
            TEXT,
            "The mission opened its doors in February 2025"
        ));
        assert!(!found(TEXT, "The mission opened its doors in January 2024"));
        assert!(!found(TEXT, "Japan’s Embassy in Paris"));
        assert!(!found(TEXT, "The mission opened … in January 2024"));
        assert!(!found(TEXT, "The [new] mission closed its doors"));
        assert!(!found("costs 2,500 yen", "costs 2,050 yen"));
        assert!(!found("costs 2,500 yen", "costs 2.500 yen"));
        assert!(!found("costs 2,500 yen", "costs 2,5000 yen"));
        assert!(
            found("opened in January 2025.3 These", "opened in January 2025"),
            "a footnote"
        );
    }

    #[test]
    fn the_divergence_shows_the_matched_prefix_and_both_continuations() {
        let divergence = stops(TEXT, "The mission opened its doors in February 2025 as a");
        assert_eq!(divergence.matched, "The mission opened its doors in");
        assert_eq!(divergence.quote_next, "February 2025 as a");
        assert_eq!(
            divergence.text_next.as_deref(),
            Some("January 2025 as a separate office")
        );
        let after_gap = stops(TEXT, "The mission opened … Embassy in Paris");
        assert_eq!(after_gap.matched, "The mission opened … Embassy in");
        assert_eq!(
            after_gap.text_next.as_deref(),
            Some("Brussels, which previously covered NATO-related")
        );
        let nothing = stops(TEXT, "Nothing here at all");
        assert_eq!(nothing.matched, "");
        assert_eq!(nothing.text_next, None);
    }

    #[test]
    fn an_empty_quote_or_bare_ellipsis_is_trivially_found() {
        assert!(found(TEXT, "…"));
        assert!(found(TEXT, ""));
        assert!(Quote::new("[…]").is_empty());
    }

    #[test]
    fn repeated_words_do_not_hide_a_match() {
        let text = "a a a b a a a a c";
        assert!(found(text, "a a a a c"));
        assert!(found(text, "a b … a c"));
        assert!(!found(text, "a a a a b"));
    }

    #[test]
    fn arbitrary_text_and_quotes_never_panic_and_a_copied_slice_is_found() {
        const PIECES: &[&str] = &[
            "a", "B", "word", "é", "e\u{301}", "2,500", " ", "\n", "-", "-\n", "[", "]", "(", ")",
            "…", "...", ". . .", ".", ",", "’", "“", "\u{AD}", "ﬁ", "日本", "\r\n", "[…]", "x]",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |bound: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % bound as u64).unwrap_or(0)
        };
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..next(40) {
                text.push_str(PIECES[next(PIECES.len())]);
            }
            let mut quote = String::new();
            for _ in 0..next(12) {
                quote.push_str(PIECES[next(PIECES.len())]);
            }
            let read = Text::new(&text);
            let _ = find(&read, &Quote::new(&quote));
            // A slice of the text between spaces, with no mark of a quote's own, is found.
            let words: Vec<&str> = text.split(' ').collect();
            let from = next(words.len());
            let to = (from + 1 + next(4)).min(words.len());
            let slice = words[from..to].join(" ");
            let own = ['[', ']', '(', ')', '…', '.', '\n', '\r', '-'];
            if !slice.contains(own) && !slice.trim().is_empty() {
                assert!(
                    find(&read, &Quote::new(&slice)).is_ok(),
                    "{slice:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn brackets_cost_little_however_many() {
        let started = std::time::Instant::now();
        for quote in [
            "[x".repeat(100_000),
            "[a]b ".repeat(20_000),
            "(x ".repeat(50_000),
        ] {
            assert!(!found("a b c", &quote));
        }
        assert!(found("word", "[…] word [long insertion]"));
        let far = format!("[{}]", "x".repeat(BRACKET_BYTES + 1));
        assert!(
            !Quote::new(&far).is_empty(),
            "an unclosed bracket is a mark"
        );
        assert!(
            started.elapsed().as_secs() < 20,
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn the_search_is_linear_in_the_text_for_repetitive_input() {
        let text = "a ".repeat(200_000);
        let quote = format!("{}b", "a ".repeat(2_000));
        let started = std::time::Instant::now();
        assert!(!found(&text, &quote));
        assert!(
            started.elapsed().as_secs() < 20,
            "took {:?}",
            started.elapsed()
        );
    }
}
