//! Quotes: each claim's quote must be in its source's text (DESIGN 3, `quote::not-found`).
//!
//! Owns the comparison of a quote with a source text: both are folded (Unicode compatibility
//! forms, case, runs of whitespace, curly quotes and apostrophes, dashes), and an ellipsis in
//! the quote ("…" or "...") stands for an omission, so the parts around it must appear in
//! order. Only sources with a `text` are checked.

use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

use crate::findings::{ClaimRef, Code, Finding, Location, Role};
use crate::load::claims::LoadedClaimsFile;
use crate::normalize::claims::Draft;

/// A finding for every quote that is not in its source's text.
#[must_use]
pub fn check(loaded: &[LoadedClaimsFile], source_ids: &[String], drafts: &[Draft]) -> Vec<Finding> {
    let texts: Vec<Option<String>> = loaded
        .iter()
        .map(|file| file.source_text.as_deref().map(fold))
        .collect();
    let mut findings = Vec::new();
    for draft in drafts {
        let index = draft.source.0 as usize;
        let (Some(Some(text)), Some((quote, span))) = (texts.get(index), &draft.quote) else {
            continue;
        };
        if contains_quote(text, quote) {
            continue;
        }
        let path = loaded[index]
            .source
            .as_ref()
            .and_then(|s| s.value.text.as_ref())
            .map_or_else(String::new, |t| t.get_ref().clone());
        let mut message = format!("the quote is not in the source text `{path}`");
        if let Some(prefix) = longest_found_prefix(text, quote) {
            let _ = write!(message, "; it matches up to “{prefix}”");
        }
        let source = &source_ids[index];
        let mut finding = Finding::new(Code::QuoteNotFound, message).with_help(
            "copy the quote from the source text; case, spacing, quote marks and dashes do not \
             matter, and … marks an omission",
        );
        finding.locations.push(Location {
            span: *span,
            label: format!("not in {source}'s text"),
            claim: Some(ClaimRef {
                source: source.clone(),
                claim: draft.handle(),
                key: draft.key.to_string(),
                stated: quote.to_string(),
                normalized: fold(quote),
                value_key: fold(quote),
            }),
            role: Role::Involved,
        });
        findings.push(finding);
    }
    findings
}

/// Whether a folded text contains a quote, the parts around each ellipsis in order.
#[must_use]
pub fn contains_quote(folded_text: &str, quote: &str) -> bool {
    let folded = fold(quote);
    let mut rest = folded_text;
    for part in folded.split("...").map(str::trim).filter(|p| !p.is_empty()) {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

/// The longest run of the quote's first words that is in the text, when there is one worth
/// showing.
fn longest_found_prefix(folded_text: &str, quote: &str) -> Option<String> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let found = |n: usize| folded_text.contains(&fold(&words[..n].join(" ")));
    // Containment of prefixes is monotone, so the longest is found by bisection.
    let (mut low, mut high) = (0, words.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        if found(mid) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    (low >= 2).then(|| words[..low].join(" "))
}

/// Text folded for quote matching.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfkc().flat_map(char::to_lowercase) {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2026}' => {
                out.push_str("...");
                continue;
            }
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => continue,
            c => c,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_spacing_quotes_and_dashes() {
        let text = fold("Japan’s   Embassy\nin Brussels — which “previously” covered");
        assert!(contains_quote(
            &text,
            "japan's embassy in brussels - which \"previously\" covered"
        ));
    }

    #[test]
    fn an_ellipsis_is_an_omission_in_order() {
        let text = fold(
            "NATO and Japan signed the Individually Tailored Partnership Program (ITPP) in 2023.",
        );
        assert!(contains_quote(&text, "NATO and Japan signed … in 2023"));
        assert!(contains_quote(&text, "NATO and Japan ... (ITPP)"));
        assert!(!contains_quote(&text, "in 2023 … NATO and Japan"));
    }

    #[test]
    fn a_changed_word_is_not_found_and_the_matching_prefix_is_shown() {
        let text = fold("with informal communications first taking place in the late 1970s");
        assert!(!contains_quote(
            &text,
            "with informal communications first taking place in the early 1970s"
        ));
        assert_eq!(
            longest_found_prefix(
                &text,
                "with informal communications first taking place in the early 1970s"
            )
            .as_deref(),
            Some("with informal communications first taking place in the")
        );
    }
}
