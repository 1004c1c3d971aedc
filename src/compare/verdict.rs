//! The five-way verdict two values of one fact get (DESIGN 2.2).
//!
//! Owns only the vocabulary; each value type (`date`, `number`) decides how its values map
//! onto it. Pure data, no I/O.

use std::fmt;

/// How two values stated for the same fact relate.
///
/// Ordered from full agreement to disagreement, so `max` picks the worst of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    /// The same value.
    Equal,
    /// One value contains the other ("2023" and "July 2023").
    Refines,
    /// The values overlap without either containing the other.
    Compatible,
    /// Disjoint, but only within the approximation margins ("early 1990s" and "mid-1990s").
    Tension,
    /// Disjoint beyond any margin ("late 1970s" and "early 1990s").
    Conflict,
}

impl Verdict {
    /// Whether the verdict is reported as a finding.
    #[must_use]
    pub fn is_disagreement(self) -> bool {
        matches!(self, Verdict::Tension | Verdict::Conflict)
    }

    /// The lower-case word used in messages and machine formats.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Equal => "equal",
            Verdict::Refines => "refines",
            Verdict::Compatible => "compatible",
            Verdict::Tension => "tension",
            Verdict::Conflict => "conflict",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
