//! Reviews and severity settings, validated: the researcher's side of the gate (DESIGN 4.2).

use crate::files::Span;
use crate::findings::{Code, Severity};

use super::date::Day;

/// A researcher's decision about one finding, keyed on its claims and their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The finding's code.
    pub code: Code,
    /// The claims involved, `(key, value key)`, as when reviewed.
    pub claims: Vec<(String, String)>,
    /// What was decided.
    pub decision: Decision,
    /// Why.
    pub reason: String,
    /// Who.
    pub reviewer: String,
    /// When, as written.
    pub date: String,
    /// The last day the review counts, if it expires.
    pub expires: Option<Day>,
    /// The `[[review]]` header.
    pub span: Span,
}

/// What a review decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decision {
    /// The sources do not really disagree.
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

impl Decision {
    /// The word used in reviews files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Explained => "explained",
            Decision::FirstSourceWrong => "first-source-wrong",
            Decision::SecondSourceWrong => "second-source-wrong",
            Decision::BothWrong => "both-wrong",
            Decision::Unresolved => "unresolved",
        }
    }
}

/// A severity set for a code, or for every code of a namespace, in `rules.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeverityRule {
    /// The code or namespace (`factcheck::name`).
    pub selector: String,
    /// The severity.
    pub severity: Severity,
    /// Where it is set.
    pub span: Span,
}

impl SeverityRule {
    /// Whether the rule applies to a code: the code itself, or a namespace it is in.
    #[must_use]
    pub fn matches(&self, code: Code) -> bool {
        selects(&self.selector, code)
    }
}

/// Whether a selector names a code or one of its namespaces.
#[must_use]
pub fn selects(selector: &str, code: Code) -> bool {
    let name = code.as_str();
    name == selector
        || name
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with("::"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_match_codes_and_namespaces() {
        assert!(selects("factcheck::conflict::date", Code::ConflictDate));
        assert!(selects("factcheck::conflict", Code::ConflictDate));
        assert!(selects("factcheck", Code::ConflictDate));
        assert!(!selects("factcheck::conflict::d", Code::ConflictDate));
        assert!(!selects("factcheck::name", Code::ConflictDate));
    }
}
