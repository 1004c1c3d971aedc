//! The raw reviews format (DESIGN 4.2): `[[review]]` tables in `reviews.toml`, or in
//! `rules.toml`.
//!
//! Owns the serde types of a review and reading a reviews file. A review names the finding it
//! explains by its code and the claims involved with their values (never by line numbers), so
//! that it survives moved claims and reformatted files; matching it against the findings is
//! `triage`'s job.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::files::FileId;
use crate::findings::Finding;
use crate::load::document::{self, Element, Partial};
use crate::load::scalar::RawScalar;

/// A reviews file: the reviews, each under its own `[[review]]` header.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReviewsFile {
    /// The reviews.
    #[serde(default)]
    pub review: Vec<RawReview>,
}

/// One `[[review]]`: a researcher's decision about a finding.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    /// The finding's fingerprint as factcheck prints it (`fc1-…`), for reference: a review
    /// is matched on its code, claims and values.
    #[schemars(with = "Option<String>")]
    pub finding: Option<Spanned<String>>,
    /// The finding's code (`factcheck::conflict::date`).
    #[schemars(with = "String")]
    pub code: Spanned<String>,
    /// The claims the finding is about, each with its value (normalized, as factcheck prints
    /// it) when it was reviewed: `{ claim = "ipdf#first-contact", value = "1977/1979" }`.
    #[schemars(with = "Vec<RawReviewedClaim>")]
    pub claims: Spanned<Vec<RawReviewedClaim>>,
    /// What the researcher concluded.
    #[schemars(with = "RawDecision")]
    pub decision: Spanned<RawDecision>,
    /// Why (required).
    #[schemars(with = "String")]
    pub reason: Spanned<String>,
    /// Who reviewed it.
    #[schemars(with = "String")]
    pub reviewer: Spanned<String>,
    /// When (`2026-11-25`).
    #[schemars(with = "String")]
    pub date: Spanned<RawScalar>,
    /// After this date the review no longer counts and the finding fails again.
    #[schemars(with = "Option<String>")]
    pub expires: Option<Spanned<RawScalar>>,
}

/// A claim of a reviewed finding, with its value at review time.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReviewedClaim {
    /// The claim's key, `SOURCE#ID` (or `SOURCE#~…` for a claim without an id).
    #[schemars(with = "String")]
    pub claim: Spanned<String>,
    /// Its value as factcheck normalized it (the `value_key` of the JSON output).
    #[schemars(with = "String")]
    pub value: Spanned<String>,
}

/// What a review decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RawDecision {
    /// The sources do not really disagree (different things, different scopes).
    Explained,
    /// The first claim listed is wrong.
    FirstSourceWrong,
    /// The second claim listed is wrong.
    SecondSourceWrong,
    /// Both are wrong.
    BothWrong,
    /// Looked at, left open for now.
    Unresolved,
}

/// Reads a reviews file, pushing every problem found.
pub fn read(file: FileId, text: &str, problems: &mut Vec<Finding>) -> Vec<Element<RawReview>> {
    let document::Parsed { mut root, broken } = document::parse(file, text, problems);
    let top_level = document::fields_of::<RawReviewsFile>();
    document::check_top_level(file, &mut root, top_level, "a reviews file", problems);
    elements(file, &mut root, &broken, problems)
}

/// The `[[review]]` tables of a parsed document.
pub fn elements(
    file: FileId,
    root: &mut toml::de::DeTable<'_>,
    broken: &[usize],
    problems: &mut Vec<Finding>,
) -> Vec<Element<RawReview>> {
    let Some(value) = root.remove("review") else {
        return Vec::new();
    };
    document::array_items(file, value, "review", problems)
        .into_iter()
        .filter_map(|item| {
            document::element(file, item, "[[review]]", broken, Partial::Reject, problems)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;

    #[test]
    fn a_review_loads() {
        let text = r#"
[[review]]
finding = "fc1-0123456789abcdef"
code = "factcheck::conflict::date"
claims = [
  { claim = "ipdf#first-contact", value = "1977/1979" },
  { claim = "nato-relations#first-contact", value = "1990/1993" },
]
decision = "second-source-wrong"
reason = "The NATO page dates the formal contacts."
reviewer = "A. Researcher"
date = 2026-11-25
expires = 2027-11-25
"#;
        let mut problems = Vec::new();
        let reviews = read(FileId(0), text, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(reviews[0].value.claims.get_ref().len(), 2);
        assert_eq!(
            *reviews[0].value.decision.get_ref(),
            RawDecision::SecondSourceWrong
        );
    }

    #[test]
    fn a_wrong_decision_suggests_the_closest() {
        let text = "[[review]]\ncode = \"x\"\nclaims = []\ndecision = \"explaned\"\nreason = \"r\"\nreviewer = \"me\"\ndate = 2026-11-25\n";
        let mut problems = Vec::new();
        let _ = read(FileId(0), text, &mut problems);
        assert_eq!(problems[0].code, Code::LoadType);
        assert_eq!(
            problems[0].help.as_deref(),
            Some("did you mean `explained`?")
        );
    }
}
