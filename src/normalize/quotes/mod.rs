//! Quotes: each claim's quote must be in its source's text (DESIGN 3, `quote::not-found`),
//! and must state the claim's value (`quote::unsupported`).
//!
//! Owns the two quote findings: [`check`] reports a quote that is not in its source's text
//! (how a quote is found is [`matching`]: case, spacing, quote marks, dashes, line-end
//! hyphenation, final punctuation, bracketed insertions and omissions), [`support`] a claim
//! whose value its own quote does not state. Only sources with a `text` are checked for the
//! first; every claim with a quote for the second. It must not parse values itself: dates,
//! numbers and names are read by their own modules.

pub mod matching;
mod numbers;
mod reading;
pub mod support;

use std::fmt::Write as _;

use rayon::prelude::*;

use crate::findings::{ClaimRef, ClaimText, Code, Finding, Location, Role};
use crate::normalize::claims::Draft;
use crate::normalize::sources::SourceText;
use crate::text::quote::identity;

pub use self::support::unsupported;

/// A finding for every quote that is not in its source's text.
#[must_use]
pub fn check(
    texts: &[Option<SourceText>],
    source_ids: &[String],
    drafts: &[Draft],
) -> Vec<Finding> {
    let mut has_quote = vec![false; texts.len()];
    for draft in drafts.iter().filter(|d| d.quote.is_some()) {
        if let Some(flag) = has_quote.get_mut(draft.source.0 as usize) {
            *flag = true;
        }
    }
    // Only texts some quote is checked against are read.
    let searched: Vec<Option<matching::Text<'_>>> = texts
        .iter()
        .zip(&has_quote)
        .map(|(text, &quoted)| {
            text.as_ref()
                .filter(|_| quoted)
                .map(|text| matching::Text::new(&text.text))
        })
        .collect();
    // Each quote is looked up on its own, in parallel; findings stay in claim order.
    // Only the findings are collected (in claim order): not a slot per claim, which at
    // millions of claims is hundreds of megabytes at the peak of memory.
    let found: Vec<Finding> = drafts
        .par_iter()
        .filter_map(|draft| {
            let index = draft.source.0 as usize;
            let (Some(Some(text)), Some((quote, _))) = (searched.get(index), &draft.quote) else {
                return None;
            };
            let divergence = matching::find(text, &matching::Quote::new(quote)).err()?;
            Some(finding(texts, source_ids, draft, &divergence))
        })
        .collect();
    found
}

/// The not-found finding of a draft's quote.
fn finding(
    texts: &[Option<SourceText>],
    source_ids: &[String],
    draft: &Draft,
    divergence: &matching::Divergence,
) -> Finding {
    let index = draft.source.0 as usize;
    let (quote, span) = match &draft.quote {
        Some((quote, span)) => (&**quote, *span),
        None => ("", draft.span),
    };
    let path = texts
        .get(index)
        .and_then(Option::as_ref)
        .map_or_else(String::new, |t| t.path.clone());
    let mut finding = not_found(&path, divergence).with_help(
        "copy the quote from the source text; case, spacing, line breaks, quote marks, \
         dashes and final punctuation do not matter, [brackets] mark your insertions and \
         … an omission",
    );
    let source = &source_ids[index];
    finding.locations.push(Location {
        span,
        label: format!("not in {source}'s text"),
        claim: Some(ClaimRef::new(&ClaimText {
            source,
            claim: &draft.handle(),
            key: &draft.key,
            stated: quote,
            normalized: &identity(quote),
            value_key: &identity(quote),
        })),
        role: Role::Involved,
    });
    finding
}

/// The not-found finding, saying where the match stops.
fn not_found(path: &str, divergence: &matching::Divergence) -> Finding {
    let mut message = format!("the quote is not in the source text `{path}`");
    if divergence.matched.is_empty() {
        let _ = write!(
            message,
            "; not even its start “{}” is",
            divergence.quote_next
        );
    } else {
        let _ = write!(
            message,
            "; it matches up to “{}”, then the quote has “{}”",
            divergence.matched, divergence.quote_next
        );
        if let Some(text) = &divergence.text_next {
            let _ = write!(message, " where the text has “{text}”");
        }
    }
    Finding::new(Code::QuoteNotFound, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MemoryFs;
    use crate::load::{Access, Request, RulesPath};
    use crate::testing::codes;
    use crate::triage::Policy;

    /// Checks claims files given as `(stem, toml)` beside source texts `(name, text)` in
    /// `sources/`.
    pub(crate) fn check_with_texts(
        claims: &[(&str, &str)],
        texts: &[(&str, &str)],
    ) -> crate::Checked {
        let mut fs = MemoryFs::new();
        for (stem, text) in claims {
            fs = fs.with(format!("claims/{stem}.toml"), *text);
        }
        for (name, text) in texts {
            fs = fs.with(format!("sources/{name}"), *text);
        }
        let request = Request {
            claims_dir: "claims".into(),
            rules: RulesPath::Default("rules.toml".into()),
            reviews: RulesPath::Default("reviews.toml".into()),
            access: Access::default(),
        };
        crate::check_in(&fs, &request, &Policy::default(), &mut |_| {})
    }

    fn with_text(quote: &str) -> crate::Checked {
        let claims = format!(
            "[source]\ntitle = \"T\"\npublisher = \"P\"\ntext = \"../sources/a.txt\"\n\n\
             [[claim]]\nsubject = \"Mission\"\nproperty = \"opened\"\nvalue = \"January 2025\"\n\
             quote = {quote:?}\n"
        );
        check_with_texts(
            &[("a", &claims)],
            &[(
                "a.txt",
                "The mission opened its doors in January 2025, which sur-\nprised many.",
            )],
        )
    }

    #[test]
    fn quotes_copied_as_researchers_copy_them_are_found() {
        for quote in [
            "the mission opened its doors in January 2025.",
            "[It] opened its doors in January 2025, which surprised many",
            "The mission opened … in January 2025",
        ] {
            assert!(codes(&with_text(quote)).is_empty(), "{quote}");
        }
    }

    #[test]
    fn a_changed_word_is_reported_with_where_the_match_stops() {
        let checked = with_text("The mission opened its doors in February 2025");
        assert_eq!(
            codes(&checked),
            vec![Code::QuoteUnsupported, Code::QuoteNotFound],
            "and the quote no longer states the claimed month"
        );
        let message = &checked.findings[1].message;
        assert!(
            message.contains("it matches up to “The mission opened its doors in”"),
            "{message}"
        );
        assert!(
            message.contains("the quote has “February 2025”"),
            "{message}"
        );
        assert!(
            message.contains("the text has “January 2025, which sur-prised many”"),
            "{message}"
        );
    }

    #[test]
    fn folding_keeps_the_identity_of_quote_findings() {
        assert_eq!(identity("Japan’s  Embassy…"), "japan's embassy...");
    }
}
