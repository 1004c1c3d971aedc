//! A normalized date: an interval of days with its granularity and flags (DESIGN 2.2).
//!
//! Owns the validated date type and how it is shown (human and EDTF). Parsing text into it is
//! `normalize::date`; comparing two of them is `compare::date`.

/// A day number: days since 0001-01-01 in the proleptic Gregorian calendar, as chrono's
/// `Datelike::num_days_from_ce` counts them (0001-01-01 is day 1).
pub type Day = i32;

/// The `earliest` of an interval with no lower bound ("by 2027", "before 2010").
pub const UNBOUNDED_START: Day = Day::MIN;
/// The `latest` of an interval with no upper bound ("since 2014" with no `published`).
pub const UNBOUNDED_END: Day = Day::MAX;

/// How precisely a date was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    /// A single day ("April 8, 2025", "2025-04-08", "on Thursday").
    Day,
    /// Part of a month ("early July 2023").
    PartOfMonth,
    /// A month ("July 2023").
    Month,
    /// A season, quarter, half or early/mid/late part of a year ("late 2022", "Q3 2023").
    PartOfYear,
    /// A year ("2014").
    Year,
    /// Early, mid or late part of a decade ("late 1970s").
    PartOfDecade,
    /// A decade ("the 1990s").
    Decade,
    /// A century or part of one ("the early 21st century").
    Century,
    /// An explicit span between two dates ("2009-2013").
    Span,
    /// Half-open: one end stated, the other at the source's date or unbounded ("since 2014").
    Open,
}

/// A date as an interval of days.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateValue {
    /// First day the statement allows ([`UNBOUNDED_START`] when open at the start).
    pub earliest: Day,
    /// Last day the statement allows ([`UNBOUNDED_END`] when open at the end).
    pub latest: Day,
    /// How precisely the date was stated.
    pub granularity: Granularity,
    /// How far, in days, each end may be off: the softness of vague parts ("late 1970s") and
    /// approximations ("around 2014"). Disjoint dates within their margins are in tension,
    /// beyond them in conflict.
    pub margin: u32,
    /// Stated as approximate ("around", "circa", "c.").
    pub approximate: bool,
    /// Resolved against the source's `published` date ("on Thursday").
    pub relative: bool,
}
