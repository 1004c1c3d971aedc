//! Comparing two dates of one fact (DESIGN 2.2): the verdict, and how far apart they are.
//!
//! Owns what agreement between two date intervals means. It must not read or show dates
//! (`normalize::date`, `model::date`) and is pure: no I/O. Every function is symmetric in its
//! two dates, and all day arithmetic is in `i64` so that open ends cannot overflow.

use crate::compare::verdict::Verdict;
use crate::model::date::{DateValue, UNBOUNDED_END, UNBOUNDED_START};

/// How far apart two disjoint dates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateGap {
    /// Days between the nearest ends.
    pub nearest_days: i64,
    /// Days between the midpoints, when both ends of both dates are bounded.
    pub midpoint_days: Option<i64>,
}

/// Days in 400 Gregorian years: the exact average year is this over 400, a month over 4800.
/// Conversions run in `i128` so that no gap a caller can construct overflows.
const DAYS_PER_400_YEARS: i128 = 146_097;

/// A unit a gap is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GapUnit {
    Days,
    Months,
    Years,
}

impl GapUnit {
    /// The unit people would use for a gap of this many days: days under 60 days, months
    /// under two years, years beyond.
    fn for_days(days: i64) -> GapUnit {
        match days {
            ..60 => GapUnit::Days,
            60..730 => GapUnit::Months,
            _ => GapUnit::Years,
        }
    }

    /// Units per 400 years; days are counted as they are.
    fn per_400_years(self) -> Option<i128> {
        match self {
            GapUnit::Days => None,
            GapUnit::Months => Some(4800),
            GapUnit::Years => Some(400),
        }
    }

    /// `days` in this unit, rounded to the nearest.
    fn round(self, days: i64) -> i64 {
        self.per_400_years().map_or(days, |units| {
            narrow(
                (2 * i128::from(days) * units + DAYS_PER_400_YEARS)
                    .div_euclid(2 * DAYS_PER_400_YEARS),
            )
        })
    }

    /// `days` in this unit, rounded down: what the gap is at least.
    fn floor(self, days: i64) -> i64 {
        self.per_400_years().map_or(days, |units| {
            narrow((i128::from(days) * units).div_euclid(DAYS_PER_400_YEARS))
        })
    }

    /// "1 year", "4 years".
    fn count(self, n: i64) -> String {
        let word = match self {
            GapUnit::Days => "day",
            GapUnit::Months => "month",
            GapUnit::Years => "year",
        };
        let plural = if n == 1 { "" } else { "s" };
        format!("{n} {word}{plural}")
    }
}

/// A count of units back to `i64`; it is never larger than the days it came from.
fn narrow(units: i128) -> i64 {
    i64::try_from(units).unwrap_or(i64::MAX)
}

impl DateGap {
    /// In words: "about 4 years apart (at least 3 years)", or "at least 3 years apart" when an open
    /// end leaves no midpoint. The unit follows the size of the gap between midpoints; when
    /// the nearest ends are less than one such unit apart, the lower bound takes its own unit
    /// ("about 4 years apart (at least 1 day)").
    #[must_use]
    pub fn describe(&self) -> String {
        let nearest = self.nearest_days.max(0);
        let Some(midpoint) = self.midpoint_days.map(|days| days.max(nearest)) else {
            let unit = GapUnit::for_days(nearest);
            return format!("at least {} apart", unit.count(unit.floor(nearest).max(1)));
        };
        let unit = GapUnit::for_days(midpoint);
        let about = unit.round(midpoint);
        let at_least = unit.floor(nearest);
        if at_least == about {
            format!("about {} apart", unit.count(about))
        } else if at_least > 0 {
            format!(
                "about {} apart (at least {})",
                unit.count(about),
                unit.count(at_least)
            )
        } else {
            let own = GapUnit::for_days(nearest);
            format!(
                "about {} apart (at least {})",
                unit.count(about),
                own.count(own.floor(nearest).max(1))
            )
        }
    }
}

/// The verdict for two dates; symmetric.
///
/// Equal when they are the same interval, refines when one contains the other, compatible
/// when they overlap otherwise. Disjoint dates are in tension when the gap between their
/// nearest ends (adjacent days are 1 apart) is within the sum of their margins, and in
/// conflict beyond it.
#[must_use]
pub fn compare_dates(a: &DateValue, b: &DateValue) -> Verdict {
    if a.earliest == b.earliest && a.latest == b.latest {
        return Verdict::Equal;
    }
    let contains = |outer: &DateValue, inner: &DateValue| {
        outer.earliest <= inner.earliest && inner.latest <= outer.latest
    };
    if contains(a, b) || contains(b, a) {
        return Verdict::Refines;
    }
    match nearest_gap(a, b) {
        None => Verdict::Compatible,
        Some(gap) if gap <= i64::from(a.margin) + i64::from(b.margin) => Verdict::Tension,
        Some(_) => Verdict::Conflict,
    }
}

/// The gap between two dates, `None` when they overlap.
#[must_use]
pub fn date_gap(a: &DateValue, b: &DateValue) -> Option<DateGap> {
    let nearest_days = nearest_gap(a, b)?;
    let midpoint_days = midpoint(a)
        .zip(midpoint(b))
        .map(|(mid_a, mid_b)| (mid_b - mid_a).abs());
    Some(DateGap {
        nearest_days,
        midpoint_days,
    })
}

/// Days from the end of the earlier date to the start of the later, `None` when they overlap.
/// Both ends involved are bounded whenever the dates are disjoint.
fn nearest_gap(a: &DateValue, b: &DateValue) -> Option<i64> {
    let (earlier, later) = if a.latest < b.earliest {
        (a, b)
    } else {
        (b, a)
    };
    let gap = i64::from(later.earliest) - i64::from(earlier.latest);
    (gap > 0).then_some(gap)
}

/// The middle day of a bounded date (rounded down), `None` when either end is open.
fn midpoint(date: &DateValue) -> Option<i64> {
    (date.earliest != UNBOUNDED_START && date.latest != UNBOUNDED_END)
        .then(|| (i64::from(date.earliest) + i64::from(date.latest)).div_euclid(2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::{Day, Granularity, calendar};
    use crate::normalize::date::parse_date;
    use proptest::prelude::*;

    fn date(text: &str) -> DateValue {
        parse_date(text, None).unwrap()
    }

    fn verdict(a: &str, b: &str) -> Verdict {
        compare_dates(&date(a), &date(b))
    }

    fn gap(a: &str, b: &str) -> String {
        date_gap(&date(a), &date(b)).unwrap().describe()
    }

    #[test]
    fn same_interval_is_equal() {
        assert_eq!(verdict("2014", "2014"), Verdict::Equal);
        assert_eq!(verdict("2023-07", "July 2023"), Verdict::Equal);
    }

    #[test]
    fn containment_refines() {
        assert_eq!(verdict("2023", "July 2023"), Verdict::Refines);
        assert_eq!(verdict("July 2023", "2023"), Verdict::Refines);
    }

    #[test]
    fn overlap_is_compatible() {
        assert_eq!(verdict("2009–2013", "2012–2015"), Verdict::Compatible);
        let published = parse_date("2025-01", None).unwrap();
        let thursday = parse_date("on Thursday", Some(&published)).unwrap();
        let verdict = compare_dates(&date("January 2025"), &thursday);
        assert_eq!(verdict, Verdict::Compatible);
        assert!(!verdict.is_disagreement());
    }

    #[test]
    fn disjoint_within_margins_is_tension() {
        assert_eq!(verdict("early 1990s", "mid-1990s"), Verdict::Tension);
        assert_eq!(verdict("late 2022", "early 2023"), Verdict::Tension);
    }

    #[test]
    fn disjoint_beyond_margins_is_conflict() {
        assert_eq!(verdict("late 1970s", "early 1990s"), Verdict::Conflict);
        assert_eq!(verdict("2014", "2018"), Verdict::Conflict);
        // Adjacent years without margins are one day apart, and still disagree.
        assert_eq!(verdict("2014", "2015"), Verdict::Conflict);
    }

    #[test]
    fn approximation_absorbs_a_neighbour() {
        let verdict = verdict("around 2014", "2015");
        assert!(!verdict.is_disagreement(), "{verdict}");
        assert_eq!(
            super::compare_dates(&date("around 2014"), &date("2017")),
            Verdict::Conflict
        );
    }

    #[test]
    fn open_dates_compare_by_their_bounded_end() {
        assert_eq!(verdict("since 2014", "2018"), Verdict::Refines);
        assert_eq!(verdict("before 2010", "2012"), Verdict::Conflict);
        assert_eq!(verdict("by 2027", "since 2014"), Verdict::Compatible);
        let gap = date_gap(&date("before 2010"), &date("2012")).unwrap();
        assert_eq!(gap.midpoint_days, None);
        assert_eq!(gap.describe(), "at least 2 years apart");
    }

    #[test]
    fn gaps_are_described_in_a_fitting_unit() {
        assert_eq!(
            gap("2014", "2018"),
            "about 4 years apart (at least 3 years)"
        );
        assert_eq!(
            gap("late 1970s", "early 1990s"),
            "about 14 years apart (at least 10 years)"
        );
        assert_eq!(
            gap("early 1990s", "mid-1990s"),
            "about 3 years apart (at least 1 day)"
        );
        assert_eq!(
            gap("January 2020", "June 2020"),
            "about 5 months apart (at least 4 months)"
        );
        assert_eq!(gap("1 May 2020", "11 May 2020"), "about 10 days apart");
        assert_eq!(
            gap("2014", "2015"),
            "about 12 months apart (at least 1 day)"
        );
        assert_eq!(gap("1 May 2020", "2 May 2020"), "about 1 day apart");
    }

    #[test]
    fn overlapping_dates_have_no_gap() {
        assert_eq!(date_gap(&date("2023"), &date("July 2023")), None);
    }

    fn any_date() -> impl Strategy<Value = DateValue> {
        let end = prop_oneof![
            1 => Just(UNBOUNDED_START),
            1 => Just(UNBOUNDED_END),
            8 => (700_000i32..740_000).prop_map(Day),
        ];
        (end.clone(), end, 0u32..800).prop_map(|(a, b, margin)| DateValue {
            earliest: a.min(b),
            latest: a.max(b),
            granularity: Granularity::Span,
            margin,
            approximate: false,
            relative: false,
        })
    }

    proptest! {
        #[test]
        fn comparison_is_symmetric(a in any_date(), b in any_date()) {
            prop_assert_eq!(compare_dates(&a, &b), compare_dates(&b, &a));
            prop_assert_eq!(date_gap(&a, &b), date_gap(&b, &a));
        }

        #[test]
        fn any_gap_can_be_described(nearest in any::<i64>(), midpoint in any::<Option<i64>>()) {
            let gap = DateGap { nearest_days: nearest, midpoint_days: midpoint };
            let text = gap.describe();
            prop_assert!(text.contains("apart"));
            // Every count carries its unit: "at least 4 months", never "at least 4".
            let words: Vec<&str> = text.split([' ', '(', ')']).filter(|w| !w.is_empty()).collect();
            for (i, word) in words.iter().enumerate() {
                if word.starts_with(|c: char| c.is_ascii_digit()) {
                    let unit = words.get(i + 1).copied().unwrap_or("");
                    prop_assert!(
                        ["day", "days", "month", "months", "year", "years"].contains(&unit),
                        "{text}"
                    );
                }
            }
        }

        #[test]
        fn a_date_equals_itself(a in any_date()) {
            prop_assert_eq!(compare_dates(&a, &a), Verdict::Equal);
        }

        #[test]
        fn a_gap_exactly_when_disjoint(a in any_date(), b in any_date()) {
            let disjoint = compare_dates(&a, &b).is_disagreement();
            prop_assert_eq!(date_gap(&a, &b).is_some(), disjoint);
            if let Some(gap) = date_gap(&a, &b) {
                prop_assert!(gap.nearest_days >= 1);
                prop_assert!(gap.midpoint_days.is_none_or(|m| m + 1 >= gap.nearest_days));
                prop_assert!(!gap.describe().is_empty());
            }
        }
    }

    /// Dates as sources write them, at every granularity, for laws over parsed values.
    fn written_date() -> impl Strategy<Value = String> {
        let year = 1000i32..=9999;
        prop_oneof![
            year.clone().prop_map(|y| y.to_string()),
            (year.clone(), 1u32..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
            (year.clone(), 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
            (100i32..=999).prop_map(|d| format!("the {}s", d * 10)),
            (
                prop_oneof![Just("early"), Just("mid"), Just("late")],
                100i32..=999
            )
                .prop_map(|(part, d)| format!("{part} {}s", d * 10)),
            (
                prop_oneof![
                    Just("early"),
                    Just("late"),
                    Just("summer"),
                    Just("winter"),
                    Just("Q2"),
                    Just("H1")
                ],
                year.clone()
            )
                .prop_map(|(part, y)| format!("{part} {y}")),
            (1u32..=99).prop_map(|c| format!("the {c}th century")),
            (1000i32..=9969, 0i32..=30).prop_map(|(y, n)| format!("{y}–{}", y + n)),
            (
                prop_oneof![Just("since"), Just("before"), Just("by"), Just("after")],
                year.clone()
            )
                .prop_map(|(word, y)| format!("{word} {y}")),
            (prop_oneof![Just("around"), Just("c."), Just("~")], year)
                .prop_map(|(word, y)| format!("{word} {y}")),
        ]
    }

    const MONTH_WORDS: [&str; 12] = [
        "January", "Feb", "March", "Apr", "May", "June", "Jul", "August", "Sept", "October", "Nov",
        "December",
    ];

    proptest! {
        #[test]
        fn parsed_comparison_is_symmetric(a in written_date(), b in written_date()) {
            let (a, b) = (date(&a), date(&b));
            prop_assert_eq!(compare_dates(&a, &b), compare_dates(&b, &a));
            prop_assert_eq!(date_gap(&a, &b), date_gap(&b, &a));
        }

        #[test]
        fn every_parsed_value_equals_itself(text in written_date()) {
            let value = date(&text);
            prop_assert_eq!(compare_dates(&value, &value), Verdict::Equal);
        }

        #[test]
        fn day_refines_month_refines_year_refines_decade(
            year in 1000i64..=9999,
            month in 1u32..=12,
            day in 1u32..=31,
        ) {
            let day = day.min(calendar::days_in_month(year, month));
            let name = MONTH_WORDS.get(month as usize - 1).copied().unwrap_or("January");
            let day_value = date(&format!("{day} {name} {year}"));
            let month_value = date(&format!("{name} {year}"));
            let year_value = date(&format!("{year}"));
            let decade = date(&format!("the {}s", year - year % 10));
            prop_assert_eq!(compare_dates(&day_value, &date(&format!("{year}-{month:02}-{day:02}"))), Verdict::Equal);
            prop_assert_eq!(compare_dates(&day_value, &month_value), Verdict::Refines);
            prop_assert_eq!(compare_dates(&month_value, &year_value), Verdict::Refines);
            prop_assert_eq!(compare_dates(&year_value, &decade), Verdict::Refines);
            prop_assert_eq!(compare_dates(&decade, &day_value), Verdict::Refines);
        }
    }
}
