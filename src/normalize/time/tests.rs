use proptest::prelude::*;

use super::*;
use crate::model::time::{SECONDS_PER_DAY, TimePrecision};
use crate::normalize::date::parse_date;

fn read(text: &str) -> DateTimeValue {
    read_datetime(text, None, None).unwrap_or_else(|e| panic!("{text}: {}", e.message))
}

/// The interval in ISO form and its length in seconds.
fn shown(text: &str) -> (String, i64) {
    let value = read(text);
    (value.iso(), value.end - value.start)
}

#[test]
fn times_of_day_in_every_form() {
    for (text, iso) in [
        ("13:55", "T13:55"),
        ("1:55 PM", "T13:55"),
        ("1:55p", "T13:55"),
        ("1:55 p.m.", "T13:55"),
        ("12:05 AM", "T00:05"),
        ("12:05 pm", "T12:05"),
        ("13h55", "T13:55"),
        ("noon", "T12:00"),
        ("at 7:30", "T07:30"),
    ] {
        assert_eq!(shown(text), (iso.to_owned(), 60), "{text}");
    }
    assert_eq!(shown("1 PM"), ("T13".to_owned(), 3600), "to the hour");
    assert_eq!(
        shown("13:55:07"),
        ("T13:55:07".to_owned(), 1),
        "to the second"
    );
}

#[test]
fn date_times_in_the_forms_sources_use() {
    for (text, iso) in [
        ("2011-12-01 13:55", "2011-12-01T13:55"),
        ("2011-12-01 01:55 PM", "2011-12-01T13:55"),
        ("2011-12-01 12:10PM CST", "2011-12-01T12:10-06:00"),
        ("2011-12-01T13:55:00-05:00", "2011-12-01T13:55:00-05:00"),
        ("2011-12-01T18:55:00Z", "2011-12-01T18:55:00Z"),
        ("2011-12-01T18:55Z", "2011-12-01T18:55Z"),
        ("12/13/2011 01:55 PM", "2011-12-13T13:55"),
        ("1 Dec 2011, 1:55 PM EST", "2011-12-01T13:55-05:00"),
        ("Thu., Dec.01, 2011 1:55 p.m.", "2011-12-01T13:55"),
        ("Dec 01, 2011 - 1:55pm", "2011-12-01T13:55"),
        ("1:55 PM, December 1, 2011", "2011-12-01T13:55"),
        ("April 8, 2025 at 9:30 UTC+5:30", "2025-04-08T09:30+05:30"),
        ("8 April 2025 09:30 (+05:30)", "2025-04-08T09:30+05:30"),
        ("2025-04-08 9 AM JST", "2025-04-08T09+09:00"),
    ] {
        assert_eq!(read(text).iso(), iso, "{text}");
    }
}

#[test]
fn a_day_without_a_year_takes_it_from_published_or_leaves_a_time_of_day() {
    let published = parse_date("2011-12-02", None).unwrap();
    let with = read_datetime("2:07 PMDec 01", Some(&published), None).unwrap();
    assert_eq!(with.iso(), "2011-12-01T14:07");
    let without = read("2:07 PMDec 01");
    assert_eq!(without.iso(), "T14:07");
    assert_eq!(read("1:55pDec 1").iso(), "T13:55");
}

#[test]
fn a_value_without_a_zone_takes_the_declared_one() {
    let chicago = read_zone("-06:00");
    let value = read_datetime("2011-12-01 12:10", None, chicago).unwrap();
    assert_eq!(value.iso(), "2011-12-01T12:10-06:00");
    let own = read_datetime("2011-12-01 12:10 EST", None, chicago).unwrap();
    assert_eq!(own.iso(), "2011-12-01T12:10-05:00", "a stated zone wins");
    let china = read_zone("+08:00");
    let cst = read_datetime("12:10 CST", None, china).unwrap();
    assert_eq!(
        cst.iso(),
        "T12:10+08:00",
        "the declared zone picks CST's reading"
    );
    assert_eq!(read_zone("America/Chicago"), None);
    assert_eq!(read_zone("UTC"), Some(Zone::UTC));
    assert_eq!(read_zone("cst").and_then(Zone::offset), Some(-6 * 3600));
}

#[test]
fn approximate_clock_times_are_widened_by_a_rounding_step() {
    let around = read("around 13:55");
    assert_eq!(
        (around.start, around.end),
        (13 * 3600 + 50 * 60, 14 * 3600 + 60)
    );
    assert_eq!(around.margin, 300);
    assert_eq!(around.describe(), "around 13:55");
    assert_eq!(around.iso(), "T13:55~");
    for text in [
        "about 1:55 PM",
        "~13:55",
        "approx. 13:55",
        "1 Dec 2011, around 1:55 PM",
    ] {
        assert_eq!(read(text).margin, 300, "{text}");
    }
    assert_eq!(read("about 2 PM").margin, 1800);
    assert_eq!(read("13:55").margin, 0);
}

#[test]
fn dates_alone_are_their_days() {
    let value = read("2011-12-01");
    assert_eq!(value.precision, TimePrecision::Date);
    assert_eq!(value.end - value.start, SECONDS_PER_DAY);
    assert_eq!(read("July 2023").describe(), "July 2023");
}

#[test]
fn what_is_not_a_date_time_says_why() {
    for (text, says) in [
        ("25:10", "not a time of day"),
        ("13:55 PM", "12-hour clock"),
        ("July 2023 13:55", "single day"),
        ("4/8/2025 13:55", "could be"),
        ("the Cold War at 13:55", "not a date"),
        ("departure", "not a date"),
    ] {
        let error = read_datetime(text, None, None).expect_err(text);
        assert!(error.message.contains(says), "{text}: {}", error.message);
    }
    assert!(read_datetime(&"1:55 ".repeat(100), None, None).is_err());
}

#[test]
fn only_values_with_a_clock_vote_for_date_times() {
    for text in [
        "13:55",
        "1 PM",
        "2025-01-16T10:00:00Z",
        "25:99",
        "NOON",
        "at Midnight",
    ] {
        assert!(has_clock(text), "{text}");
    }
    for text in [
        "2011-12-01",
        "late 1970s",
        "2 h 15 min",
        "135 minutes",
        "Gate B12",
    ] {
        assert!(!has_clock(text), "{text}");
    }
}

fn any_zone() -> impl Strategy<Value = Zone> {
    prop_oneof![
        Just(Zone::Local),
        Just(Zone::UTC),
        (-18i32 * 4..=18 * 4).prop_map(|quarters| Zone::Offset {
            seconds: quarters * 15 * 60,
            name: None
        }),
        Just(read_zone("CST").unwrap_or(Zone::Local)),
        Just(read_zone("JST").unwrap_or(Zone::Local)),
    ]
}

fn any_clock_value() -> impl Strategy<Value = DateTimeValue> {
    let precision = prop_oneof![
        Just(TimePrecision::Second),
        Just(TimePrecision::Minute),
        Just(TimePrecision::Hour)
    ];
    (
        prop::option::of(1000i64..=9999),
        1u32..=12,
        1u32..=28,
        0i64..SECONDS_PER_DAY,
        precision,
        any_zone(),
        any::<bool>(),
    )
        .prop_map(|(year, month, day, second, precision, zone, around)| {
            let unit = precision.seconds().unwrap_or(1);
            let day = year.and_then(|y| calendar::to_day(calendar::from_civil(y, month, day)));
            let margin = if around { approximation(precision) } else { 0 };
            DateTimeValue::clock(day, second - second % unit, precision, zone).around(margin)
        })
}

/// A clock value, or a span of them: its end pushed up to a day later, at its precision.
fn any_clock_or_span() -> impl Strategy<Value = DateTimeValue> {
    (any_clock_value(), prop::option::of(1i64..24 * 60)).prop_map(|(value, longer)| match longer {
        Some(minutes) if value.precision != TimePrecision::Date => {
            let unit = value.precision.seconds().unwrap_or(1);
            let extra = (minutes * 60).max(unit);
            DateTimeValue {
                end: value.end + extra - extra % unit,
                ..value
            }
        }
        _ => value,
    })
}

#[test]
fn two_clock_times_are_one_span() {
    // The span holds both clock times at their precision.
    assert_eq!(
        shown("13:55\u{2013}14:10"),
        ("T13:55/T14:10".to_owned(), 16 * 60)
    );
    assert_eq!(shown("1\u{2013}2 PM"), ("T13/T14".to_owned(), 2 * 3600));
    assert_eq!(
        shown("between 1:30 and 2:45 pm"),
        ("T13:30/T14:45".to_owned(), 76 * 60)
    );
    assert_eq!(
        read("1 Dec 2011 23:30 - 00:15 CST").iso(),
        "2011-12-01T23:30-06:00/2011-12-02T00:15-06:00",
        "past midnight, the next day"
    );
    assert_eq!(read("13:55\u{2013}14:10").describe(), "13:55\u{2013}14:10");
    assert_eq!(read("from 9 to 11 am").describe(), "9 AM\u{2013}11 AM");
    let around = read("around 13:55\u{2013}14:10");
    assert_eq!((around.margin, around.end - around.start), (300, 26 * 60));
    // A span holds the times inside it and conflicts with the times outside it.
    let span = read("13:55\u{2013}14:10");
    let verdict = |text: &str| crate::compare::time::compare_datetimes(&span, &read(text));
    assert_eq!(
        verdict("14:00"),
        Ok(crate::compare::verdict::Verdict::Refines)
    );
    assert_eq!(
        verdict("14:30"),
        Ok(crate::compare::verdict::Verdict::Conflict)
    );
    assert_eq!(
        verdict("14:05\u{2013}14:20"),
        Ok(crate::compare::verdict::Verdict::Compatible)
    );
}

proptest! {
    #[test]
    fn display_reads_back_as_the_same_value(value in any_clock_or_span()) {
        let shown = value.describe();
        let read = read_datetime(&shown, None, None);
        prop_assert_eq!(read.as_ref().ok(), Some(&value), "{}", shown);
        let iso = value.iso();
        // ISO 8601 keeps the offset, not the abbreviation it was read from.
        if value.dated {
            let again = read_datetime(&iso, None, None).map(|v| (v.iso(), v.frame()));
            prop_assert_eq!(again.ok(), Some((iso.clone(), value.frame())), "{}", iso);
        }
    }

    #[test]
    fn reading_never_panics(text in "\\PC{0,40}") {
        let _ = read_datetime(&text, None, None);
        let _ = has_clock(&text);
        let _ = read_zone(&text);
    }

    #[test]
    fn the_stated_instant_is_inside_its_interval(
        hour in 0i64..24,
        minute in 0i64..60,
        second in 0i64..60,
        offset in -12i32..=14,
    ) {
        let text = format!("2011-12-01T{hour:02}:{minute:02}:{second:02}{offset:+03}:00");
        let value = read_datetime(&text, None, None).map_err(|e| TestCaseError::fail(e.message))?;
        let instant = calendar::from_civil(2011, 12, 1) * SECONDS_PER_DAY
            + hour * 3600 + minute * 60 + second - i64::from(offset) * 3600;
        let (start, end) = value.frame();
        prop_assert!(start <= instant && instant < end, "{text}");
        let minute_value = read_datetime(&text[..16], None, read_zone(&format!("{offset:+03}:00")))
            .map_err(|e| TestCaseError::fail(e.message))?;
        let (start, end) = minute_value.frame();
        prop_assert!(start <= instant && instant < end, "the minute holds its seconds: {text}");
    }
}

#[test]
fn a_status_note_after_the_time_is_set_aside() {
    for (noted, plain) in [
        ("2011-12-01 6:20 PM (Estimated)", "2011-12-01 6:20 PM"),
        (
            "2011-12-01 6:20 PM (Estimated runway)",
            "2011-12-01 6:20 PM",
        ),
        (
            "Thu, Dec 1 2011 7:05 PM            Delayed",
            "Thu, Dec 1 2011 7:05 PM",
        ),
        ("Dec 1 2011 - 2:53pm*", "Dec 1 2011 - 2:53pm"),
        ("6:20 PM, Dec 1 2011&nbsp(Estimated)", "6:20 PM, Dec 1 2011"),
        (
            "12/15/11 2:06 PM (-05:00) (Estimated)",
            "12/15/11 2:06 PM (-05:00)",
        ),
    ] {
        assert_eq!(read(noted), read(plain), "{noted}");
    }
    for refused in [
        "2011-12-01 6:20 PM (Cancelled)",
        "2011-12-01 6:20 PM (Gate B5)",
    ] {
        assert!(read_datetime(refused, None, None).is_err(), "{refused}");
    }
}
