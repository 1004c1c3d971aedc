//! Comparing two dates of one fact (DESIGN 2.2). STUB: replaced by the date implementation.

use crate::compare::verdict::Verdict;
use crate::model::date::DateValue;

/// How far apart two disjoint dates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateGap {
    /// Days between the nearest ends.
    pub nearest_days: i64,
    /// Days between the midpoints, when both ends of both dates are bounded.
    pub midpoint_days: Option<i64>,
}

impl DateGap {
    /// In words: "about 13 years apart (at least 10)".
    #[must_use]
    pub fn describe(&self) -> String {
        format!("{} days apart", self.nearest_days)
    }
}

/// The verdict for two dates; symmetric.
#[must_use]
pub fn compare_dates(a: &DateValue, b: &DateValue) -> Verdict {
    if a == b {
        Verdict::Equal
    } else {
        Verdict::Conflict
    }
}

/// The gap between two dates, `None` when they overlap.
#[must_use]
pub fn date_gap(a: &DateValue, b: &DateValue) -> Option<DateGap> {
    let _ = (a, b);
    None
}
