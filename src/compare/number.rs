//! Comparing two numbers of one fact (DESIGN 2.3). STUB: replaced by the number implementation.

use crate::compare::verdict::Verdict;
use crate::model::quantity::{Quantity, Tolerance};

/// The outcome of comparing two quantities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberComparison {
    /// Units and bases agree; the values relate as the verdict says.
    Comparable(Verdict),
    /// Units or bases differ; the reason in words ("$ (ambiguous dollar) vs USD").
    Incomparable(String),
}

/// Compares two quantities; symmetric. `tolerance` is the property's, from `rules.toml`.
#[must_use]
pub fn compare_quantities(
    a: &Quantity,
    b: &Quantity,
    tolerance: Option<Tolerance>,
) -> NumberComparison {
    let _ = tolerance;
    if a == b {
        NumberComparison::Comparable(Verdict::Equal)
    } else {
        NumberComparison::Comparable(Verdict::Conflict)
    }
}

/// How far apart two quantities are, in words ("differ by 15 billion (27%)").
#[must_use]
pub fn difference(a: &Quantity, b: &Quantity) -> String {
    format!("{} vs {}", a.low, b.low)
}
