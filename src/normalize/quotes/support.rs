//! Whether a claim's own quote states its value (DESIGN 3, `quote::unsupported`).
//!
//! Owns the rule that the claimed value must occur in its quote once both are normalized
//! (README, "Quotes"): a date when some phrase of the quote reads as a date within the
//! claim's interval ("in the late 1970s" for `late 1970s`); a number when a number the quote
//! states agrees with it (its reading is the sibling module `numbers`); a name
//! or text when its folded words, or those of any spelling of its entity (aliases, acronyms),
//! are words of the quote. A value the quote does not state is reported with the quote's
//! nearest candidate, underlined in the quote. It must not parse dates, numbers or names itself: it calls their modules
//! on phrases of the quote, and it decides nothing about whether two sources agree.

use rayon::prelude::*;

use crate::compare::values::normalized;
use crate::findings::{ClaimRef, ClaimText, Code, Finding, Location, Role};
use crate::model::date::{DateValue, Granularity};
use crate::model::{Claim, Dataset, Value};
use crate::normalize::date::parse_date;
use crate::normalize::text::inner_span;
use crate::text::fold::fold_words;

use super::numbers::number_support;

/// The most words a phrase of a quote read as one date or number may have
/// ("the end of July 2023", "more than 2,500 million dollars").
pub(super) const PHRASE_WORDS: usize = 6;

/// A `quote::unsupported` finding for every claim whose quote does not state its value.
#[must_use]
pub fn unsupported(dataset: &Dataset) -> Vec<Finding> {
    let mut spellings_of: Vec<Vec<u32>> = vec![Vec::new(); dataset.names.entities.len()];
    for (index, spelling) in dataset.names.spellings.iter().enumerate() {
        if let Some(list) = spellings_of.get_mut(spelling.entity.0 as usize) {
            list.push(u32::try_from(index).unwrap_or(u32::MAX));
        }
    }
    // Only the findings are collected (in claim order): not a slot per claim, which at
    // millions of claims is hundreds of megabytes at the peak of memory.
    let found: Vec<Finding> = dataset
        .claims
        .par_iter()
        .filter_map(|claim| {
            let (quote, _) = claim.quote.as_ref()?;
            // The value as written, as whole words: stated (numbers are read whole below, as
            // "2,500" may be the start of "2,500 million").
            if !matches!(claim.value, Value::Number(_)) && written_in(quote, &claim.stated) {
                return None;
            }
            let words = Words::new(quote);
            if words.spans.is_empty() {
                return None;
            }
            let nearest = match &claim.value {
                Value::Date(date) => {
                    let published = dataset.source_of(claim).published.as_ref();
                    date_support(&claim.stated, date, &words, published)
                }
                Value::Number(quantity) => number_support(&claim.stated, quantity, &words),
                Value::Name(spelling) => {
                    let entity = dataset.names.entity_of(*spelling);
                    let spellings = spellings_of
                        .get(entity.0 as usize)
                        .into_iter()
                        .flatten()
                        .map(|&s| &*dataset.names.spellings[s as usize].text);
                    name_support(std::iter::once(&*claim.stated).chain(spellings), &words)
                }
                Value::Text(_) | Value::DateTime(_) => {
                    name_support(std::iter::once(&*claim.stated), &words)
                }
            }?;
            Some(finding(dataset, claim, &words, nearest.as_ref()))
        })
        .collect();
    found
}

/// Whether `value` occurs in `quote` exactly as written, not inside a longer word.
fn written_in(quote: &str, value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    quote.match_indices(value).any(|(at, _)| {
        let before = quote[..at].chars().next_back();
        let after = quote[at + value.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What a quote states instead of the claim's value: the nearest candidate (a byte range of
/// the quote), if it has one.
pub(super) type Unsupported = Option<std::ops::Range<usize>>;

/// The words of a quote, split at spaces, with the punctuation at their ends left out.
pub(super) struct Words<'a> {
    pub(super) quote: &'a str,
    /// Byte ranges of the words, without their outer punctuation.
    pub(super) spans: Vec<std::ops::Range<usize>>,
}

/// The most words of a quote read for dates, numbers and names: a quote is a short extract, and
/// the reading costs a few parses per word.
const QUOTE_WORDS: usize = 1_000;

impl<'a> Words<'a> {
    pub(super) fn new(quote: &'a str) -> Self {
        // Every claim's quote is split: ASCII (most quotes) is read byte by byte.
        if quote.is_ascii() {
            let blanks = quote.bytes().map(|b| matches!(b, b' ' | b'\t'..=b'\r'));
            Self::split(quote, blanks.enumerate())
        } else {
            Self::split(
                quote,
                quote.char_indices().map(|(at, c)| (at, c.is_whitespace())),
            )
        }
    }

    /// The words of `quote`, from where each character starts and whether it is whitespace.
    fn split(quote: &'a str, blanks: impl Iterator<Item = (usize, bool)>) -> Self {
        let mut spans = Vec::new();
        let mut start = None;
        for (at, blank) in blanks.chain(std::iter::once((quote.len(), true))) {
            match (blank, start) {
                (true, Some(from)) => {
                    if let Some(span) = trimmed(quote, from..at) {
                        if spans.len() == QUOTE_WORDS {
                            break;
                        }
                        spans.push(span);
                    }
                    start = None;
                }
                (false, None) => start = Some(at),
                _ => {}
            }
        }
        Self { quote, spans }
    }

    /// Whether words `from..to` run on with only spaces between them: a number is not read
    /// across punctuation ("2,050 of them, and 12" is two numbers; "$5 billion (€4.6 billion)"
    /// too).
    pub(super) fn unbroken(&self, from: usize, to: usize) -> bool {
        (from..to.saturating_sub(1)).all(|i| {
            self.quote[self.spans[i].end..self.spans[i + 1].start]
                .trim()
                .is_empty()
        })
    }

    /// The phrase of words `from..to`, as written.
    pub(super) fn phrase(&self, from: usize, to: usize) -> &'a str {
        &self.quote[self.spans[from].start..self.spans[to - 1].end]
    }

    /// The byte range of words `from..to`.
    pub(super) fn range(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        self.spans[from].start..self.spans[to - 1].end
    }

    /// Whether the words of `value` occur, in order and side by side, among the quote's
    /// words (case and outer punctuation aside): where, if they do.
    pub(super) fn literal(&self, value: &str) -> Option<usize> {
        let wanted = Words::new(value);
        let n = wanted.spans.len();
        if n == 0 || n > self.spans.len() {
            return None;
        }
        let same = |a: &str, b: &str| {
            a.eq_ignore_ascii_case(b)
                || (!(a.is_ascii() && b.is_ascii()) && a.to_lowercase() == b.to_lowercase())
        };
        (0..=self.spans.len() - n).find(|&at| {
            (0..n).all(|k| {
                same(
                    &self.quote[self.spans[at + k].clone()],
                    &value[wanted.spans[k].clone()],
                )
            })
        })
    }
}

/// A word's range without the punctuation around it (`“late` is `late`, `1970s,` is
/// `1970s`); `None` when nothing is left.
fn trimmed(text: &str, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let word = &text[range.clone()];
    let outer = |c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}'
        ) || matches!(
            c,
            '\u{2018}'..='\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2026}'
        )
    };
    let start_trimmed = word.trim_start_matches(outer);
    let start = range.start + (word.len() - start_trimmed.len());
    let inner = start_trimmed.trim_end_matches(outer);
    (!inner.is_empty()).then(|| start..start + inner.len())
}

/// `None` when some phrase of the quote reads as a date within the claim's interval; else
/// the quote's date nearest to it.
fn date_support(
    stated: &str,
    date: &DateValue,
    words: &Words<'_>,
    published: Option<&DateValue>,
) -> Option<Unsupported> {
    if words.literal(stated).is_some() {
        return None;
    }
    let n = words.spans.len();
    let mut read: rustc_hash::FxHashMap<(usize, usize), DateValue> =
        rustc_hash::FxHashMap::default();
    for from in 0..n {
        for to in from + 1..=(from + PHRASE_WORDS).min(n) {
            let phrase = words.phrase(from, to);
            if !phrase.chars().any(char::is_alphanumeric) {
                continue;
            }
            let Ok(found) = parse_date(phrase, published) else {
                continue;
            };
            if states(date, &found) {
                return None;
            }
            read.insert((from, to), found);
        }
    }
    // A candidate is a date read whole: no longer phrase around it reads differently ("1990s"
    // in "early 1990s" is not one). Nearest first; of equally near ones, the shortest ("early
    // 1990s", not "in the early 1990s").
    let read_whole = |from: usize, to: usize, found: &DateValue| {
        (from.saturating_sub(PHRASE_WORDS)..=from).all(|f| {
            (to..=(f + PHRASE_WORDS).min(n)).all(|t| {
                (f, t) == (from, to) || read.get(&(f, t)).is_none_or(|other| other == found)
            })
        })
    };
    let nearest = read
        .iter()
        .filter(|((from, to), found)| read_whole(*from, *to, found))
        .min_by_key(|((from, to), found)| (day_distance(date, found), to - from, *from))
        .map(|((from, to), _)| words.range(*from, *to));
    Some(nearest)
}

/// Whether a date the quote states supports the claimed one: the quote's date lies within the
/// claimed calendar unit (`2023` is stated by "July 2023", `the 1990s` by "1992"); a claimed
/// span or open interval must be the quote's exactly (`2018-2023` is not stated by
/// "2018-2022": the quote ends a year earlier).
fn states(claimed: &DateValue, quoted: &DateValue) -> bool {
    let same = claimed.earliest == quoted.earliest && claimed.latest == quoted.latest;
    let within = claimed.earliest <= quoted.earliest && quoted.latest <= claimed.latest;
    match claimed.granularity {
        Granularity::Span | Granularity::Open => same,
        _ => within,
    }
}

/// How far apart two date intervals are, in days between their nearest ends (0 when they
/// overlap).
fn day_distance(a: &DateValue, b: &DateValue) -> i64 {
    let gap = i64::from(a.earliest.max(b.earliest)) - i64::from(a.latest.min(b.latest));
    gap.max(0)
}

/// `None` when the folded words of one of `spellings` are words of the quote, side by side;
/// else the quote's phrase most like the claimed one.
fn name_support<'s>(
    mut spellings: impl Iterator<Item = &'s str>,
    words: &Words<'_>,
) -> Option<Unsupported> {
    let stated = spellings.next().unwrap_or_default();
    if words.literal(stated).is_some() {
        return None;
    }
    let quote = fold_words(words.quote);
    let claimed = fold_words(stated);
    let contains = |name: &[String]| {
        !name.is_empty() && quote.windows(name.len()).any(|window| window == name)
    };
    if contains(&claimed) || spellings.any(|s| contains(&fold_words(s))) {
        return None;
    }
    Some(nearest_phrase(&claimed.join(" "), claimed.len(), words))
}

/// The quote's phrase of about `length` words most like `claimed`, when one is alike at all.
fn nearest_phrase(claimed: &str, length: usize, words: &Words<'_>) -> Unsupported {
    let n = words.spans.len();
    let length = length.clamp(1, n.max(1));
    let mut best: Option<(f64, std::ops::Range<usize>)> = None;
    for from in 0..n.saturating_sub(length - 1) {
        let to = from + length;
        let phrase = fold_words(words.phrase(from, to)).join(" ");
        let similarity = strsim::normalized_levenshtein(claimed, &phrase);
        if similarity >= 0.5 && best.as_ref().is_none_or(|(s, _)| similarity > *s) {
            best = Some((similarity, words.range(from, to)));
        }
    }
    best.map(|(_, range)| range)
}

/// The finding: the value and the quote's nearest candidate.
fn finding(
    dataset: &Dataset,
    claim: &Claim,
    words: &Words<'_>,
    nearest: Option<&std::ops::Range<usize>>,
) -> Finding {
    let source = &dataset.source_of(claim).id;
    let stated = &claim.stated;
    let (quote, quote_span) = match &claim.quote {
        Some((quote, span)) => (&**quote, *span),
        None => ("", claim.span),
    };
    let kind = match claim.value {
        Value::Date(_) => "date",
        Value::DateTime(_) => "time",
        Value::Number(_) => "number",
        Value::Name(_) | Value::Text(_) => "value",
    };
    let (message, quote_label, span) = match nearest {
        Some(range) => {
            let candidate = words.quote[range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (
                format!(
                    "the claimed {kind} `{stated}` is not in its quote, which says “{candidate}”"
                ),
                format!("the quote says “{candidate}”"),
                inner_span(&dataset.files, quote_span, quote, range.clone()),
            )
        }
        None => (
            format!("the claimed {kind} `{stated}` is not in its quote"),
            format!("no {kind} like `{stated}` in the quote"),
            quote_span,
        ),
    };
    let mut finding = Finding::new(Code::QuoteUnsupported, message).with_help(
        "correct the value, or quote the words that state it; a quote may state a value in \
         other words (“four” for 4, “2,500 million” for 2.5 bn, an alias for a name) but not in \
         another unit",
    );
    finding.locations.push(Location {
        span: claim.value_span,
        label: format!("{source} claims {stated}"),
        claim: Some(ClaimRef::new(&ClaimText {
            source,
            claim: &claim.handle(),
            key: &claim.key,
            stated,
            normalized: &normalized(dataset, claim),
            value_key: &claim.value_key(),
        })),
        role: Role::Involved,
    });
    finding.locations.push(Location {
        span,
        label: quote_label,
        claim: None,
        role: Role::Context,
    });
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::number::parse_number;

    fn date(claim: &str, quote: &str) -> Result<(), Option<String>> {
        let published = parse_date("2025-01-17", None).ok();
        let Ok(claimed) = parse_date(claim, published.as_ref()) else {
            return Err(None);
        };
        let words = Words::new(quote);
        date_support(claim, &claimed, &words, published.as_ref())
            .map_or(Ok(()), |n| Err(n.map(|r| quote[r].to_owned())))
    }

    fn name(claim: &[&str], quote: &str) -> Result<(), Option<String>> {
        let words = Words::new(quote);
        name_support(claim.iter().copied(), &words)
            .map_or(Ok(()), |n| Err(n.map(|r| quote[r].to_owned())))
    }

    #[test]
    fn dates_are_found_as_phrases_within_the_claimed_interval() {
        assert_eq!(
            date("late 1970s", "first taking place in the late 1970s"),
            Ok(())
        );
        assert_eq!(date("2023", "signed in July 2023 by both"), Ok(()));
        assert_eq!(
            date("January 2025", "it opened on 14 January 2025."),
            Ok(())
        );
        assert_eq!(
            date("16 January 2025", "the mission opened on Thursday"),
            Ok(())
        );
        assert_eq!(date("2014", "a member since 2014"), Ok(()));
    }

    #[test]
    fn a_date_the_quote_does_not_state_is_reported_with_the_nearest() {
        assert_eq!(
            date("late 1970s", "contacts began in the early 1990s and grew"),
            Err(Some("early 1990s".into()))
        );
        assert_eq!(
            date("July 2023", "signed in 2023"),
            Err(Some("2023".into()))
        );
        assert_eq!(
            date("2018", "in 2014 and again in 2019"),
            Err(Some("2019".into()))
        );
        assert_eq!(date("2018", "no date at all"), Err(None));
        assert_eq!(
            date("2018-2023", "the committee (2018-2022)"),
            Err(Some("2018-2022".into())),
            "a span is stated only as a whole"
        );
        assert_eq!(date("2018-2022", "the committee (2018-2022)"), Ok(()));
        assert_eq!(date("the 1990s", "in 1992"), Ok(()));
    }

    #[test]
    fn names_match_through_folding_and_other_spellings() {
        assert_eq!(
            name(&["Defence Programme"], "the new defense program"),
            Ok(())
        );
        assert_eq!(
            name(
                &["ITPP", "Individually Tailored Partnership Programme"],
                "the Individually Tailored Partnership Program was signed"
            ),
            Ok(())
        );
        assert_eq!(name(&["Japan–NATO"], "Japan-NATO talks"), Ok(()));
        assert_eq!(
            name(&["Osamu Izawa"], "headed by Osama Izawa since then"),
            Err(Some("Osama Izawa".into()))
        );
        assert_eq!(name(&["Brussels"], "in Paris"), Err(None));
    }

    #[test]
    fn through_the_pipeline_a_name_is_stated_by_an_alias_and_values_by_their_readings() {
        use crate::testing::{check, codes, quoted};
        let rules = "[[entity]]\nname = \"Individually Tailored Partnership Programme\"\n\
                     aliases = [\"ITPP\"]\n";
        let claims = quoted(
            "published = 2025-01-17",
            &[
                (
                    "NATO",
                    "signed",
                    "ITPP",
                    "the Individually Tailored Partnership Programme",
                ),
                ("NATO", "partner since", "the 1990s", "partners since 1992"),
                ("Japan", "budget", "$5 billion", "some five billion dollars"),
                (
                    "Japan",
                    "opened",
                    "16 January 2025",
                    "it opened on Thursday",
                ),
            ],
        );
        let checked = check(&[("a", &claims)], Some(rules));
        assert_eq!(codes(&checked), vec![], "{:#?}", checked.findings);

        let claims = quoted(
            "",
            &[
                (
                    "NATO",
                    "signed",
                    "ITPP",
                    "the Individual Partnership and Cooperation Programme",
                ),
                ("Japan", "budget", "$5 billion", "some five billion euros"),
            ],
        );
        let checked = check(&[("a", &claims)], Some(rules));
        assert_eq!(
            codes(&checked),
            vec![Code::QuoteUnsupported, Code::QuoteUnsupported],
            "{:#?}",
            checked.findings
        );
        let findings: Vec<&str> = checked
            .findings
            .iter()
            .map(|f| f.message.as_str())
            .collect();
        assert!(findings[1].contains("five billion euros"), "{findings:?}");
    }

    #[test]
    fn a_huge_quote_costs_a_bounded_reading() {
        let started = std::time::Instant::now();
        let quote = "in 1990 some 12 men ".repeat(20_000);
        assert_eq!(date("2018", &quote), Err(Some("1990".into())));
        let Ok(seven) = parse_number("7") else {
            panic!("a number");
        };
        let nearest = number_support("7", &seven, &Words::new(&quote)).flatten();
        assert_eq!(nearest.map(|r| &quote[r]), Some("some 12 men"));
        assert_eq!(Words::new(&quote).spans.len(), QUOTE_WORDS);
        assert!(
            started.elapsed().as_secs() < 60,
            "took {:?}",
            started.elapsed()
        );
    }

    #[test]
    fn a_value_written_in_the_quote_is_a_whole_word() {
        assert!(written_in("signed by Ann Lee in 2014", "Ann Lee"));
        assert!(written_in("in 2014.", "2014"));
        assert!(!written_in("signed by Annabel Lee", "Ann"));
        assert!(!written_in("in 20145", "2014"));
        assert!(!written_in("anything", " "));
    }

    #[test]
    fn outer_punctuation_is_not_part_of_a_word() {
        let words = Words::new("“late 1970s,” (2,500) …");
        let shown: Vec<&str> = words
            .spans
            .iter()
            .map(|r| &words.quote[r.clone()])
            .collect();
        assert_eq!(shown, ["late", "1970s", "2,500"]);
    }

    #[test]
    fn ascii_quotes_split_as_any_text_does() {
        // Generated ASCII quotes split by the byte reader and by the general one.
        const PIECES: &[&str] = &[
            "a", "Word", "1,000", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", ".", ",", "\"",
            "'", "(", ")", "[", "]", "...", "-", "$5", "x.", "?!",
        ];
        let mut state: u64 = 0xBEEF;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        for _ in 0..20_000 {
            let len = next(12);
            let quote: String = (0..len)
                .map(|_| PIECES[usize::try_from(next(PIECES.len() as u64)).unwrap_or(0)])
                .collect();
            let general = Words::split(
                &quote,
                quote.char_indices().map(|(at, c)| (at, c.is_whitespace())),
            );
            assert_eq!(Words::new(&quote).spans, general.spans, "{quote:?}");
        }
    }
}
