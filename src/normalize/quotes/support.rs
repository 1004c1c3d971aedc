//! Whether a claim's own quote states its value (DESIGN 3, `quote::unsupported`).
//!
//! Owns the rule that the claimed value must occur in its quote once both are normalized
//! (README, "Quotes"): a date when some phrase of the quote reads as a date within the
//! claim's interval ("in the late 1970s" for `late 1970s`); a number when a number the quote
//! states, read whole with its scale and unit ("2,500 million", "four"), falls within the
//! claim's range and precision, and is not in another unit ("5 miles" is not `5 km`); a name
//! or text when its folded words, or those of any spelling of its entity (aliases, acronyms),
//! are words of the quote. A value the quote does not state is reported with the quote's
//! nearest candidate. It must not parse dates, numbers or names itself: it calls their modules
//! on phrases of the quote, and it decides nothing about whether two sources agree.

use rayon::prelude::*;

use crate::findings::{ClaimRef, Code, Finding, Location, Role};
use crate::model::date::{DateValue, Granularity};
use crate::model::quantity::{Currency, Quantity, Unit};
use crate::model::{Claim, Dataset, Value};
use crate::normalize::date::parse_date;
use crate::normalize::fold::fold_words;
use crate::normalize::number::parse_number;
use crate::normalize::text::inner_span;

/// The most words a phrase of a quote read as one date or number may have
/// ("the end of July 2023", "more than 2,500 million dollars").
const PHRASE_WORDS: usize = 6;

/// Words that may start or carry a number written in words ("four", "a dozen", "hundreds").
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "dozen",
    "dozens",
    "half",
    "lakh",
    "crore",
    "score",
];

/// A `quote::unsupported` finding for every claim whose quote does not state its value.
#[must_use]
pub fn unsupported(dataset: &Dataset) -> Vec<Finding> {
    let mut spellings_of: Vec<Vec<u32>> = vec![Vec::new(); dataset.names.entities.len()];
    for (index, spelling) in dataset.names.spellings.iter().enumerate() {
        if let Some(list) = spellings_of.get_mut(spelling.entity.0 as usize) {
            list.push(u32::try_from(index).unwrap_or(u32::MAX));
        }
    }
    let found: Vec<Option<Finding>> = dataset
        .claims
        .par_iter()
        .map(|claim| {
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
                Value::Text(_) => name_support(std::iter::once(&*claim.stated), &words),
            }?;
            Some(finding(dataset, claim, &words, nearest.as_ref()))
        })
        .collect();
    found.into_iter().flatten().collect()
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
type Unsupported = Option<std::ops::Range<usize>>;

/// The words of a quote, split at spaces, with the punctuation at their ends left out.
struct Words<'a> {
    quote: &'a str,
    /// Byte ranges of the words, without their outer punctuation.
    spans: Vec<std::ops::Range<usize>>,
}

/// The most words of a quote read for dates, numbers and names: a quote is a short extract, and
/// the reading costs a few parses per word.
const QUOTE_WORDS: usize = 1_000;

impl<'a> Words<'a> {
    fn new(quote: &'a str) -> Self {
        let mut spans = Vec::new();
        let mut start = None;
        for (at, c) in quote
            .char_indices()
            .chain(std::iter::once((quote.len(), ' ')))
        {
            match (c.is_whitespace(), start) {
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
    fn unbroken(&self, from: usize, to: usize) -> bool {
        (from..to.saturating_sub(1)).all(|i| {
            self.quote[self.spans[i].end..self.spans[i + 1].start]
                .trim()
                .is_empty()
        })
    }

    /// The phrase of words `from..to`, as written.
    fn phrase(&self, from: usize, to: usize) -> &'a str {
        &self.quote[self.spans[from].start..self.spans[to - 1].end]
    }

    /// The byte range of words `from..to`.
    fn range(&self, from: usize, to: usize) -> std::ops::Range<usize> {
        self.spans[from].start..self.spans[to - 1].end
    }

    /// Whether the words of `value` occur, in order and side by side, among the quote's
    /// words (case and outer punctuation aside): where, if they do.
    fn literal(&self, value: &str) -> Option<usize> {
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

/// `None` when a number the quote states supports the claim's; else the quote's number
/// nearest to it.
///
/// Each number of the quote is read whole: of the phrases of up to [`PHRASE_WORDS`] words
/// around a word with a digit or a number word, the longest that reads as a number, so that
/// "2,500 million" is 2.5 billion (never 2,500) and "5 miles" is a distance in miles.
fn number_support(stated: &str, claimed: &Quantity, words: &Words<'_>) -> Option<Unsupported> {
    let n = words.spans.len();
    let parse = |from: usize, to: usize| {
        if words.unbroken(from, to) {
            parse_number(words.phrase(from, to)).ok()
        } else {
            None
        }
    };
    // The value as written is in the quote, and no longer reading of it there says otherwise.
    if let Some(at) = words.literal(stated) {
        let end = at + Words::new(stated).spans.len();
        let longer = [
            (at > 0).then(|| parse(at - 1, end)).flatten(),
            (end < n).then(|| parse(at, end + 1)).flatten(),
        ];
        if longer.iter().flatten().all(|q| supports(claimed, q)) {
            return None;
        }
    }
    let mut nearest: Option<(f64, std::ops::Range<usize>)> = None;
    let mut covered = 0;
    for anchor in 0..n {
        if anchor < covered || !is_number_word(&words.quote[words.spans[anchor].clone()]) {
            continue;
        }
        let mut longest: Option<(usize, usize, Quantity)> = None;
        for from in anchor.saturating_sub(2)..=anchor {
            for to in (anchor + 1..=(from + PHRASE_WORDS).min(n)).rev() {
                if longest.as_ref().is_some_and(|(f, t, _)| t - f >= to - from) {
                    break;
                }
                if let Some(quantity) = parse(from, to) {
                    longest = Some((from, to, quantity));
                    break;
                }
            }
        }
        let Some((from, mut to, quantity)) = longest else {
            continue;
        };
        // A counted noun may run on ("troops and"): the phrase shown ends where the reading
        // stops changing.
        while to - from > 1 && to > anchor + 1 {
            match parse(from, to - 1) {
                Some(shorter) if same_reading(&shorter, &quantity) => to -= 1,
                _ => break,
            }
        }
        covered = to;
        if supports(claimed, &quantity) {
            return None;
        }
        let distance = relative_distance(claimed, &quantity);
        if nearest.as_ref().is_none_or(|(d, _)| distance < *d) {
            nearest = Some((distance, words.range(from, to)));
        }
    }
    Some(nearest.map(|(_, range)| range))
}

/// Whether two readings are the same number of the same kind of thing.
fn same_reading(a: &Quantity, b: &Quantity) -> bool {
    let kind = |q: &Quantity| match &q.unit {
        Unit::Count(_) => Unit::Count(String::new()),
        other => other.clone(),
    };
    a.low.to_bits() == b.low.to_bits() && a.high.to_bits() == b.high.to_bits() && kind(a) == kind(b)
}

/// Whether a word carries a number: a digit, a currency sign, or a number word.
fn is_number_word(word: &str) -> bool {
    word.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥' | '₹'))
        || NUMBER_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether a number the quote states supports the claimed one: units that agree (a bare
/// number or a count on either side agrees with anything; an ambiguous `$` with any dollar's
/// currency code, `¥` with the yen's and the yuan's), and the quote's range within the claim's, each widened by the larger
/// of the two precisions ("about 1,000" is supported by "980"; "hundreds" by "300"; "300" is
/// not supported by "hundreds"); a range the claim states exactly ("3 to 6 percent", "more
/// than 300") must be the quote's, ends within the precision.
fn supports(claimed: &Quantity, quoted: &Quantity) -> bool {
    if !units_agree(&claimed.unit, &quoted.unit) {
        return false;
    }
    let slack = claimed.tolerance.max(quoted.tolerance);
    // Open ends ("more than 300") are infinite: equal only to the same infinity.
    let close =
        |a: f64, b: f64| (a.is_infinite() && a.to_bits() == b.to_bits()) || (a - b).abs() <= slack;
    if claimed.low < claimed.high && !claimed.vague && !claimed.approximate {
        // A stated range ("3 to 5 percent", "more than 300") is stated only as a whole.
        return close(quoted.low, claimed.low) && close(quoted.high, claimed.high);
    }
    quoted.low >= claimed.low - slack && quoted.high <= claimed.high + slack
}

fn units_agree(a: &Unit, b: &Unit) -> bool {
    match (a, b) {
        (Unit::None | Unit::Count(_), _) | (_, Unit::None | Unit::Count(_)) => true,
        (Unit::Currency(x), Unit::Currency(y)) => {
            x == y
                || match (x, y) {
                    (ambiguous, Currency::Code(code)) | (Currency::Code(code), ambiguous) => {
                        reads_as(ambiguous, code)
                    }
                    _ => false,
                }
        }
        (x, y) => x == y,
    }
}

/// Whether an ambiguous currency sign may stand for a currency code: `$` for a dollar, `¥`
/// for the yen or the yuan.
fn reads_as(ambiguous: &Currency, code: &str) -> bool {
    const DOLLARS: &[&str] = &[
        "USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "BND", "BSD", "BBD", "BZD", "BMD", "KYD",
        "FJD", "GYD", "JMD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "ZWL",
    ];
    match ambiguous {
        Currency::AmbiguousDollar => DOLLARS.contains(&code),
        Currency::AmbiguousYen => matches!(code, "JPY" | "CNY"),
        Currency::Code(_) => false,
    }
}

/// How far apart two numbers are, relative to the larger (for picking the nearest).
fn relative_distance(a: &Quantity, b: &Quantity) -> f64 {
    let middle = |q: &Quantity| {
        if q.low.is_finite() && q.high.is_finite() {
            f64::midpoint(q.low, q.high)
        } else if q.low.is_finite() {
            q.low
        } else {
            q.high
        }
    };
    let (x, y) = (middle(a), middle(b));
    let scale = x.abs().max(y.abs()).max(f64::MIN_POSITIVE);
    let distance = (x - y).abs() / scale;
    let unit_penalty = if units_agree(&a.unit, &b.unit) {
        0.0
    } else {
        1.0
    };
    if distance.is_nan() {
        f64::INFINITY
    } else {
        distance + unit_penalty
    }
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
        claim: Some(ClaimRef {
            source: source.clone(),
            claim: claim.handle(),
            key: claim.key.to_string(),
            stated: stated.to_string(),
            normalized: normalized(dataset, claim),
            value_key: claim.value_key(),
        }),
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

/// The value as understood, for people.
fn normalized(dataset: &Dataset, claim: &Claim) -> String {
    match &claim.value {
        Value::Date(date) => date.describe(),
        Value::Number(quantity) => quantity.describe(),
        Value::Name(spelling) => dataset
            .names
            .canonical(dataset.names.entity_of(*spelling))
            .to_owned(),
        Value::Text(text) => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(claim: &str, quote: &str) -> Result<(), Option<String>> {
        let Ok(claimed) = parse_number(claim) else {
            return Err(None);
        };
        let words = Words::new(quote);
        number_support(claim, &claimed, &words)
            .map_or(Ok(()), |n| Err(n.map(|r| quote[r].to_owned())))
    }

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
    fn numbers_are_found_in_other_words_and_scales() {
        assert_eq!(number("4", "the budget grew four times over"), Ok(()));
        assert_eq!(number("2.5 bn", "a budget of 2,500 million"), Ok(()));
        assert_eq!(
            number("$5 billion", "some 5 billion dollars were pledged"),
            Ok(())
        );
        assert_eq!(number("2,500 troops", "2,500 soldiers arrived"), Ok(()));
        assert_eq!(number("about 1,000", "990 people came"), Ok(()));
        assert_eq!(number("hundreds of tents", "300 tents were set up"), Ok(()));
        assert_eq!(number("5 km", "a stretch of 5,000 metres"), Ok(()));
        assert_eq!(number("300", "(300)"), Ok(()));
    }

    #[test]
    fn a_number_in_another_unit_or_scale_or_value_is_not_support() {
        assert_eq!(
            number("5 km", "a road 5 miles long"),
            Err(Some("5 miles".into()))
        );
        assert_eq!(
            number("2,500", "it cost 2,500 million"),
            Err(Some("2,500 million".into())),
            "the scale belongs to the number"
        );
        assert_eq!(
            number("12", "some 2,050 troops, and 12 tanks"),
            Ok(()),
            "a number is not read across punctuation"
        );
        assert_eq!(
            number("12 tanks", "2,050, 12 tanks"),
            Ok(()),
            "nor is the value extended across it"
        );
        assert_eq!(
            number("2,500", "some 2,050 troops and 12 tanks"),
            Err(Some("some 2,050 troops".into())),
            "the nearest of the quote's numbers"
        );
        assert_eq!(
            number("300", "hundreds of tents"),
            Err(Some("hundreds of tents".into()))
        );
        assert_eq!(
            number("€5 billion", "£5 billion"),
            Err(Some("£5 billion".into()))
        );
        assert_eq!(number("7", "no figure here"), Err(None));
        assert_eq!(
            number("3 to 6 percent", "as much as 3 to 5 percent of their GDP"),
            Err(Some("3 to 5 percent".into())),
            "a range is stated only as a whole"
        );
        assert_eq!(number("3 to 5 percent", "raised to 3 to 5 percent"), Ok(()));
        assert_eq!(number("more than 300", "more than 300 soldiers"), Ok(()));
        assert_eq!(number("$5 billion", "USD 5 billion"), Ok(()));
        assert_eq!(number("$5 billion", "CAD 5 billion"), Ok(()));
        assert_eq!(
            number("$5 billion", "EUR 5 billion"),
            Err(Some("EUR 5 billion".into())),
            "a dollar sign is not a euro"
        );
        assert_eq!(number("¥5 billion", "5 billion yuan"), Ok(()));
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
        assert_eq!(number("7", &quote), Err(Some("some 12 men".into())));
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
}
