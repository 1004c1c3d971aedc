//! A normalized date: an interval of days with its granularity and flags (DESIGN 2.2).
//!
//! Owns the validated date type, how it is shown (human and EDTF), and the calendar
//! arithmetic on day numbers that reading and showing dates share. Parsing text into it is
//! `normalize::date`; comparing two of them is `compare::date`. Nothing here reads text or
//! decides whether two dates agree.

use self::calendar::{Precision, Widen};

/// A day number: days since 0001-01-01 in the proleptic Gregorian calendar, as chrono's
/// `Datelike::num_days_from_ce` counts them (0001-01-01 is day 1). A newtype, so that a count
/// of days is never taken for a day, nor a day for seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Day(pub i32);

impl Day {
    /// The smallest day number ([`UNBOUNDED_START`], an interval open at the start).
    pub const MIN: Day = Day(i32::MIN);
    /// The largest day number ([`UNBOUNDED_END`], an interval open at the end).
    pub const MAX: Day = Day(i32::MAX);

    /// The day `days` later (earlier when negative), saturating at the ends of the scale.
    #[must_use]
    pub fn saturating_add(self, days: i32) -> Day {
        Day(self.0.saturating_add(days))
    }
}

impl From<Day> for i64 {
    fn from(day: Day) -> i64 {
        i64::from(day.0)
    }
}

impl From<Day> for f64 {
    fn from(day: Day) -> f64 {
        f64::from(day.0)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The `earliest` of an interval with no lower bound ("by 2027", "before 2010").
pub const UNBOUNDED_START: Day = Day(i32::MIN);
/// The `latest` of an interval with no upper bound ("since 2014" with no `published`).
pub const UNBOUNDED_END: Day = Day(i32::MAX);

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
    ///
    /// For an approximate date it is exactly the unit the stated date was widened by on each
    /// side (365 for a year, 30 for a month, 3 for a day...), which is how [`describe`] and
    /// [`edtf`] recover the date as stated.
    ///
    /// [`describe`]: DateValue::describe
    /// [`edtf`]: DateValue::edtf
    pub margin: u32,
    /// Stated as approximate ("around", "circa", "c.").
    pub approximate: bool,
    /// Resolved against the source's `published` date ("on Thursday").
    pub relative: bool,
}

/// The interval as stated: an approximate date with its widening undone. `None` is an open end.
struct Stated {
    start: Option<i64>,
    end: Option<i64>,
    /// Which ends were widened, so EDTF marks only those as approximate.
    widened_start: bool,
    widened_end: bool,
}

impl DateValue {
    /// Human form of the normalized interval, compact, at the stated granularity, e.g.
    /// "2014", "1977–1979", "July 2023", "May–Aug 2022", "8 April 2025",
    /// "26 Dec 2024 – 30 Jan 2025", "2014 – …", "… – 2027", "the 1990s".
    ///
    /// An approximate date shows what was stated and the interval it stands for:
    /// "around 2014 (2013–2015)".
    #[must_use]
    pub fn describe(&self) -> String {
        let stated = self.stated();
        let plain = describe_stated(stated.start, stated.end, self.granularity);
        if self.approximate {
            let widened = describe_range(bound(self.earliest), bound(self.latest));
            format!("around {plain} ({widened})")
        } else {
            plain
        }
    }

    /// EDTF (ISO 8601-2 / Library of Congress EDTF) form: "2014", "2023-07", "2025-04-08",
    /// "197X" (decade), "1977/1979", "2022-01/2022-04", "2009/2013", "2014/..", "../2027",
    /// "2014~" (approximate), seasons "2022-21".."2022-24", quarters/halves as EDTF level-2
    /// sub-year groupings where they fit, otherwise an interval "YYYY-MM/YYYY-MM".
    #[must_use]
    pub fn edtf(&self) -> String {
        let stated = self.stated();
        let mark = |widened: bool| if self.approximate && widened { "~" } else { "" };
        let whole = mark(stated.widened_start || stated.widened_end);
        if let (Some(start), Some(end)) = (stated.start, stated.end) {
            if let Some(code) = self.sub_year_code(start, end) {
                return format!("{code}{whole}");
            }
            if self.granularity == Granularity::Decade {
                if let Some(decade) = aligned_decade(start, end) {
                    // The decade's first year with its last digit unspecified: "1990" is "199X".
                    let mut year = edtf_year(decade);
                    year.pop();
                    return format!("{year}X{whole}");
                }
            }
        }
        let precision = Precision::of(stated.start, stated.end);
        match (stated.start, stated.end) {
            (Some(start), Some(end)) if precision.same(start, end) => {
                format!("{}{whole}", edtf_day(start, precision))
            }
            (start, end) => {
                let end_text = |day: Option<i64>| {
                    day.map_or_else(|| "..".to_owned(), |d| edtf_day(d, precision))
                };
                format!(
                    "{}{}/{}{}",
                    end_text(start),
                    mark(stated.widened_start),
                    end_text(end),
                    mark(stated.widened_end)
                )
            }
        }
    }

    /// The first and last days as stated, before approximation widened them (`None` for an
    /// open end): "around 2014" is 2013–2015, stated 2014. The timeline draws the widening
    /// as soft edges around this.
    pub(crate) fn stated_days(&self) -> (Option<i64>, Option<i64>) {
        let stated = self.stated();
        (stated.start, stated.end)
    }

    /// The interval before approximation widened it. For an open date only the stated end was
    /// widened; its other end is the source's date or unbounded.
    fn stated(&self) -> Stated {
        let start = bound(self.earliest);
        let end = bound(self.latest);
        if !self.approximate {
            return Stated {
                start,
                end,
                widened_start: false,
                widened_end: false,
            };
        }
        let unit = Widen::from_margin(self.margin);
        let widened_start = start.is_some();
        let widened_end =
            end.is_some() && !(self.granularity == Granularity::Open && widened_start);
        Stated {
            start: start.map(|d| {
                if widened_start {
                    unit.shift_start(d, 1)
                } else {
                    d
                }
            }),
            end: end.map(|d| {
                if widened_end {
                    unit.shift_end(d, -1)
                } else {
                    d
                }
            }),
            widened_start,
            widened_end,
        }
    }

    /// The EDTF level-2 sub-year grouping ("2022-21" spring, "2023-33" first quarter) that is
    /// exactly this interval, when the date was stated as a part of a year.
    fn sub_year_code(&self, start: i64, end: i64) -> Option<String> {
        if self.granularity != Granularity::PartOfYear {
            return None;
        }
        let (year, first, one) = calendar::civil(start);
        let (end_year, last, end_day) = calendar::civil(end);
        if one != 1 || end_day != calendar::days_in_month(end_year, last) {
            return None;
        }
        let code = match (end_year - year, first, last) {
            (0, 3, 5) => 21,
            (0, 6, 8) => 22,
            (0, 9, 11) => 23,
            (1, 12, 2) => 24,
            (0, 1, 3) => 33,
            (0, 4, 6) => 34,
            (0, 7, 9) => 35,
            (0, 10, 12) => 36,
            (0, 1, 4) => 37,
            (0, 5, 8) => 38,
            (0, 9, 12) => 39,
            (0, 1, 6) => 40,
            (0, 7, 12) => 41,
            _ => return None,
        };
        Some(format!("{}-{code}", edtf_year(year)))
    }
}

/// A day as an optional bound: `None` for the unbounded sentinels.
fn bound(day: Day) -> Option<i64> {
    (day != UNBOUNDED_START && day != UNBOUNDED_END).then_some(i64::from(day))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month (1–12), or its three-letter abbreviation.
pub(crate) fn month_name(month: u32, short: bool) -> &'static str {
    let name = MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?");
    if short {
        name.get(..3).unwrap_or(name)
    } else {
        name
    }
}

/// A year for people: "2014", "AD 800", "44 BC" (year 0 is 1 BC in the proleptic calendar).
fn human_year(year: i64) -> String {
    match year {
        1000.. => year.to_string(),
        1..1000 => format!("AD {year}"),
        _ => format!("{} BC", 1 - year),
    }
}

/// The decade `start..=end` is exactly, as its first year.
fn aligned_decade(start: i64, end: i64) -> Option<i64> {
    let (year, month, day) = calendar::civil(start);
    (year.rem_euclid(10) == 0
        && (month, day) == (1, 1)
        && calendar::civil(end) == (year + 9, 12, 31))
        .then_some(year)
}

/// The century `start..=end` is exactly, as its ordinal (1901–2000 is the 20th).
fn aligned_century(start: i64, end: i64) -> Option<i64> {
    let (year, month, day) = calendar::civil(start);
    (year.rem_euclid(100) == 1
        && (month, day) == (1, 1)
        && calendar::civil(end) == (year + 99, 12, 31))
        .then_some(year / 100 + 1)
}

fn ordinal_suffix(n: i64) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The interval as stated: "the 1990s" and "the 20th century" by name when the granularity
/// says so, any other interval by its ends.
fn describe_stated(start: Option<i64>, end: Option<i64>, granularity: Granularity) -> String {
    if let (Some(start), Some(end)) = (start, end) {
        let decade = aligned_decade(start, end).filter(|decade| *decade >= 1000);
        let century = aligned_century(start, end).filter(|century| *century >= 1);
        match (granularity, decade, century) {
            (Granularity::Decade, Some(decade), _) => return format!("the {decade}s"),
            (Granularity::Century, _, Some(century)) => {
                return format!("the {century}{} century", ordinal_suffix(century));
            }
            _ => {}
        }
    }
    describe_range(start, end)
}

/// One end of an open interval, at the precision it aligns to: "2014", "Jul 2023", "8 Jul 2023".
fn describe_end(day: i64, precision: Precision) -> String {
    let (year, month, dom) = calendar::civil(day);
    match precision {
        Precision::Year => human_year(year),
        Precision::Month => format!("{} {}", month_name(month, true), human_year(year)),
        Precision::Day => format!("{dom} {} {}", month_name(month, true), human_year(year)),
    }
}

/// An interval at the precision its ends align to, sharing what both ends share:
/// "1977–1979", "May–Aug 2022", "8–10 April 2025", "26 Dec 2024 – 30 Jan 2025".
fn describe_range(start: Option<i64>, end: Option<i64>) -> String {
    let (start, end) = match (start, end) {
        (Some(start), Some(end)) => (start, end),
        (Some(start), None) => {
            return format!(
                "{} – …",
                describe_end(start, Precision::of(Some(start), None))
            );
        }
        (None, Some(end)) => {
            return format!("… – {}", describe_end(end, Precision::of(None, Some(end))));
        }
        (None, None) => return "… – …".to_owned(),
    };
    let (y0, m0, d0) = calendar::civil(start);
    let (y1, m1, d1) = calendar::civil(end);
    let (month0, month1) = (month_name(m0, true), month_name(m1, true));
    match Precision::of(Some(start), Some(end)) {
        Precision::Year if y0 == y1 => human_year(y0),
        Precision::Year => format!("{}–{}", human_year(y0), human_year(y1)),
        Precision::Month if (y0, m0) == (y1, m1) => {
            format!("{} {}", month_name(m0, false), human_year(y0))
        }
        Precision::Month if y0 == y1 => format!("{month0}–{month1} {}", human_year(y0)),
        Precision::Day if start == end => {
            format!("{d0} {} {}", month_name(m0, false), human_year(y0))
        }
        Precision::Day if (y0, m0) == (y1, m1) => {
            format!("{d0}–{d1} {} {}", month_name(m0, false), human_year(y0))
        }
        Precision::Day if y0 == y1 => format!("{d0} {month0} – {d1} {month1} {}", human_year(y0)),
        precision => format!(
            "{} – {}",
            describe_end(start, precision),
            describe_end(end, precision)
        ),
    }
}

/// An EDTF year: four digits, a sign before year 0, a `Y` prefix past four digits.
fn edtf_year(year: i64) -> String {
    match year {
        0..=9999 => format!("{year:04}"),
        -9999..=-1 => format!("-{:04}", -year),
        _ => format!("Y{year}"),
    }
}

/// A day number as an EDTF day: `2014-01-01`, `-0005-03-01`, `Y12000-01-01`.
pub(crate) fn edtf_date(day: i64) -> String {
    edtf_day(day, Precision::Day)
}

fn edtf_day(day: i64, precision: Precision) -> String {
    let (year, month, dom) = calendar::civil(day);
    match precision {
        Precision::Year => edtf_year(year),
        Precision::Month => format!("{}-{month:02}", edtf_year(year)),
        Precision::Day => format!("{}-{month:02}-{dom:02}", edtf_year(year)),
    }
}

pub(crate) mod calendar;

#[cfg(test)]
mod tests {
    use super::calendar::{self, Widen};
    use super::*;
    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;

    fn day(y: i64, m: u32, d: u32) -> Day {
        calendar::to_day(calendar::from_civil(y, m, d)).unwrap()
    }

    fn value(start: (i64, u32, u32), end: (i64, u32, u32), granularity: Granularity) -> DateValue {
        DateValue {
            earliest: day(start.0, start.1, start.2),
            latest: day(end.0, end.1, end.2),
            granularity,
            margin: 0,
            approximate: false,
            relative: false,
        }
    }

    #[test]
    fn civil_matches_chrono_at_landmarks() {
        for (y, m, d) in [
            (1, 1, 1),
            (1970, 1, 1),
            (2000, 2, 29),
            (2025, 4, 8),
            (9999, 12, 31),
        ] {
            let chrono_day = NaiveDate::from_ymd_opt(y, m, d).unwrap().num_days_from_ce();
            assert_eq!(day(i64::from(y), m, d), Day(chrono_day));
            assert_eq!(calendar::civil(i64::from(chrono_day)), (i64::from(y), m, d));
        }
    }

    #[test]
    fn weekday_matches_chrono() {
        let tuesday = NaiveDate::from_ymd_opt(2025, 4, 8).unwrap();
        assert_eq!(
            calendar::weekday(i64::from(tuesday.num_days_from_ce())),
            tuesday.weekday().num_days_from_monday()
        );
        assert_eq!(calendar::weekday(1), 0);
    }

    #[test]
    fn widen_margins_invert() {
        for unit in [
            Widen::Days(3),
            Widen::Days(5),
            Widen::Month,
            Widen::Years(1),
            Widen::Years(2),
            Widen::Years(10),
        ] {
            assert_eq!(Widen::from_margin(unit.margin()), unit);
        }
    }

    #[test]
    fn describes_years_months_and_days() {
        let year = value((2014, 1, 1), (2014, 12, 31), Granularity::Year);
        assert_eq!(year.describe(), "2014");
        assert_eq!(year.edtf(), "2014");
        let years = value((1977, 1, 1), (1979, 12, 31), Granularity::PartOfDecade);
        assert_eq!(years.describe(), "1977–1979");
        assert_eq!(years.edtf(), "1977/1979");
        let month = value((2023, 7, 1), (2023, 7, 31), Granularity::Month);
        assert_eq!(month.describe(), "July 2023");
        assert_eq!(month.edtf(), "2023-07");
        let one_day = value((2025, 4, 8), (2025, 4, 8), Granularity::Day);
        assert_eq!(one_day.describe(), "8 April 2025");
        assert_eq!(one_day.edtf(), "2025-04-08");
    }

    #[test]
    fn describes_ranges_compactly() {
        let mid = value((2022, 5, 1), (2022, 8, 31), Granularity::PartOfYear);
        assert_eq!(mid.describe(), "May–Aug 2022");
        assert_eq!(mid.edtf(), "2022-38");
        let weekdays = value((2024, 12, 26), (2025, 1, 30), Granularity::Day);
        assert_eq!(weekdays.describe(), "26 Dec 2024 – 30 Jan 2025");
        assert_eq!(weekdays.edtf(), "2024-12-26/2025-01-30");
        let span = value((2022, 1, 1), (2022, 4, 30), Granularity::Span);
        assert_eq!(span.describe(), "Jan–Apr 2022");
        assert_eq!(span.edtf(), "2022-01/2022-04");
        let early = value((2023, 7, 1), (2023, 7, 10), Granularity::PartOfMonth);
        assert_eq!(early.describe(), "1–10 July 2023");
        assert_eq!(early.edtf(), "2023-07-01/2023-07-10");
        let across = value((2025, 3, 26), (2025, 4, 3), Granularity::Span);
        assert_eq!(across.describe(), "26 Mar – 3 Apr 2025");
        let months = value((2022, 12, 1), (2023, 2, 28), Granularity::Span);
        assert_eq!(months.describe(), "Dec 2022 – Feb 2023");
    }

    #[test]
    fn describes_decades_centuries_and_open_ends() {
        let decade = value((1990, 1, 1), (1999, 12, 31), Granularity::Decade);
        assert_eq!(decade.describe(), "the 1990s");
        assert_eq!(decade.edtf(), "199X");
        let century = value((1901, 1, 1), (2000, 12, 31), Granularity::Century);
        assert_eq!(century.describe(), "the 20th century");
        assert_eq!(century.edtf(), "1901/2000");
        let since = DateValue {
            latest: UNBOUNDED_END,
            ..value((2014, 1, 1), (2014, 1, 1), Granularity::Open)
        };
        assert_eq!(since.describe(), "2014 – …");
        assert_eq!(since.edtf(), "2014/..");
        let by = DateValue {
            earliest: UNBOUNDED_START,
            ..value((2027, 12, 31), (2027, 12, 31), Granularity::Open)
        };
        assert_eq!(by.describe(), "… – 2027");
        assert_eq!(by.edtf(), "../2027");
    }

    #[test]
    fn sub_year_groupings_in_edtf() {
        let cases = [
            ((2022, 3, 1), (2022, 5, 31), "2022-21"),
            ((2022, 6, 1), (2022, 8, 31), "2022-22"),
            ((2022, 9, 1), (2022, 11, 30), "2022-23"),
            ((2022, 12, 1), (2023, 2, 28), "2022-24"),
            ((2023, 1, 1), (2023, 3, 31), "2023-33"),
            ((2023, 10, 1), (2023, 12, 31), "2023-36"),
            ((2023, 7, 1), (2023, 12, 31), "2023-41"),
            ((2022, 1, 1), (2022, 4, 30), "2022-37"),
        ];
        for (start, end, code) in cases {
            assert_eq!(value(start, end, Granularity::PartOfYear).edtf(), code);
        }
    }

    #[test]
    fn approximate_dates_show_what_was_stated() {
        let around = DateValue {
            margin: Widen::Years(1).margin(),
            approximate: true,
            ..value((2013, 1, 1), (2015, 12, 31), Granularity::Year)
        };
        assert_eq!(around.describe(), "around 2014 (2013–2015)");
        assert_eq!(around.edtf(), "2014~");
        let decade = DateValue {
            margin: Widen::Years(2).margin(),
            approximate: true,
            ..value((1988, 1, 1), (2001, 12, 31), Granularity::Decade)
        };
        assert_eq!(decade.edtf(), "199X~");
        let since = DateValue {
            latest: UNBOUNDED_END,
            margin: Widen::Years(1).margin(),
            approximate: true,
            ..value((2013, 1, 1), (2013, 1, 1), Granularity::Open)
        };
        assert_eq!(since.edtf(), "2014~/..");
        assert_eq!(since.describe(), "around 2014 – … (2013 – …)");
    }

    #[test]
    fn years_outside_four_digits() {
        let ad = value((800, 1, 1), (800, 12, 31), Granularity::Year);
        assert_eq!(ad.describe(), "AD 800");
        assert_eq!(ad.edtf(), "0800");
    }

    fn any_value() -> impl Strategy<Value = DateValue> {
        let end = prop_oneof![
            Just(UNBOUNDED_START),
            Just(UNBOUNDED_END),
            any::<i32>().prop_map(Day)
        ];
        (end.clone(), end, 0u32..5000, any::<bool>(), 0usize..10).prop_map(
            |(a, b, margin, approximate, g)| {
                let granularities = [
                    Granularity::Day,
                    Granularity::PartOfMonth,
                    Granularity::Month,
                    Granularity::PartOfYear,
                    Granularity::Year,
                    Granularity::PartOfDecade,
                    Granularity::Decade,
                    Granularity::Century,
                    Granularity::Span,
                    Granularity::Open,
                ];
                DateValue {
                    earliest: a.min(b),
                    latest: a.max(b),
                    granularity: granularities[g],
                    margin,
                    approximate,
                    relative: false,
                }
            },
        )
    }

    proptest! {
        #[test]
        fn civil_round_trips_within_chronos_range(d in -95_000_000i64..95_000_000) {
            let (y, m, dom) = calendar::civil(d);
            prop_assert_eq!(calendar::from_civil(y, m, dom), d);
        }

        #[test]
        fn civil_is_total_beyond_it(d in proptest::num::i64::ANY) {
            let (y, m, dom) = calendar::civil(d);
            prop_assert!((1..=12).contains(&m) && (1..=31).contains(&dom));
            let _ = calendar::from_civil(y.saturating_mul(1000), m, dom);
        }

        #[test]
        fn showing_never_panics(v in any_value()) {
            let _ = v.describe();
            let _ = v.edtf();
        }
    }
}
