//! Tests of `parse_date`: one per accepted form, the errors, and laws as properties.

use super::*;
use crate::model::date::{Day, UNBOUNDED_END, UNBOUNDED_START};
use proptest::prelude::*;

/// "YYYY-MM-DD" of a day, ".." for an open end.
fn iso(day: Day) -> String {
    if day == UNBOUNDED_START || day == UNBOUNDED_END {
        return "..".to_owned();
    }
    let (year, month, dom) = calendar::civil(i64::from(day));
    format!("{year:04}-{month:02}-{dom:02}")
}

fn parse(text: &str) -> DateValue {
    parse_date(text, None).unwrap_or_else(|e| panic!("{text}: {}", e.message))
}

fn parse_at(text: &str, published: &str) -> DateValue {
    let published = parse(published);
    parse_date(text, Some(&published)).unwrap_or_else(|e| panic!("{text}: {}", e.message))
}

/// The interval as "first … last".
fn interval(value: &DateValue) -> String {
    format!("{} … {}", iso(value.earliest), iso(value.latest))
}

fn assert_reads(texts: &[&str], expected: &str, granularity: Granularity, margin: u32) {
    for text in texts {
        let value = parse(text);
        assert_eq!(interval(&value), expected, "{text}");
        assert_eq!(value.granularity, granularity, "{text}");
        assert_eq!(value.margin, margin, "{text}");
        assert!(!value.approximate && !value.relative, "{text}");
    }
}

fn error_of(text: &str) -> DateError {
    match parse_date(text, None) {
        Ok(value) => panic!("{text} read as {}", interval(&value)),
        Err(error) => error,
    }
}

#[test]
fn years() {
    assert_reads(
        &[
            "2014",
            "in 2014",
            "the year 2014",
            "In 2014.",
            "  during 2014 ",
        ],
        "2014-01-01 … 2014-12-31",
        Granularity::Year,
        0,
    );
    assert_reads(
        &["AD 800", "800 AD", "800 CE"],
        "0800-01-01 … 0800-12-31",
        Granularity::Year,
        0,
    );
}

#[test]
fn months() {
    assert_reads(
        &[
            "July 2023",
            "Jul 2023",
            "july, 2023",
            "JULY 2023",
            "2023-07",
            "July of 2023",
            "in July 2023",
        ],
        "2023-07-01 … 2023-07-31",
        Granularity::Month,
        0,
    );
    assert_reads(
        &["Sept. 2023", "Sep 2023"],
        "2023-09-01 … 2023-09-30",
        Granularity::Month,
        0,
    );
}

#[test]
fn days() {
    assert_reads(
        &[
            "April 8, 2025",
            "April 8th, 2025",
            "8 April 2025",
            "8th of April 2025",
            "the 8th of April, 2025",
            "2025-04-08",
            "2025/04/08",
            "on 8 Apr 2025",
            "Tuesday, April 8, 2025",
            "Tue 8 April 2025",
            "Tuesday, the 8th of April 2025",
            "08-Apr-2025",
            "8-April-2025",
            "Tue 08-Apr-2025",
        ],
        "2025-04-08 … 2025-04-08",
        Granularity::Day,
        0,
    );
}

#[test]
fn a_wrong_weekday_is_noted_and_the_date_kept() {
    for text in [
        "Monday, April 8, 2025",
        "Mon 8 April 2025",
        "April 8, 2025, Monday",
    ] {
        let read = read_date(text, None).unwrap_or_else(|e| panic!("{text}: {}", e.message));
        assert_eq!(interval(&read.value), "2025-04-08 … 2025-04-08", "{text}");
        let wrong = read
            .wrong_weekday
            .unwrap_or_else(|| panic!("{text}: no note"));
        assert_eq!(wrong.message(), "8 April 2025 was a Tuesday, not a Monday");
    }
    let read = read_date("Monday, 4 July 1776", None).unwrap();
    assert_eq!(
        read.wrong_weekday.map(|w| w.message()).as_deref(),
        Some("4 July 1776 was a Thursday, not a Monday")
    );
    for right in ["Thursday, 4 July 1776", "Tuesday, April 8, 2025"] {
        assert_eq!(
            read_date(right, None).unwrap().wrong_weekday,
            None,
            "{right}"
        );
    }
    assert!(
        error_of("Tuesday, April 2025")
            .message
            .contains("single day")
    );
}

#[test]
fn days_must_exist() {
    let error = error_of("February 30, 2023");
    assert_eq!(
        error.message,
        "`February 30, 2023` is not a day: February 2023 has 28 days"
    );
    assert!(error_of("2023-02-29").message.contains("28 days"));
    assert_eq!(interval(&parse("2024-02-29")), "2024-02-29 … 2024-02-29");
    assert!(error_of("31 April 2025").message.contains("30 days"));
}

#[test]
fn numeric_slash_dates_only_when_unambiguous() {
    assert_reads(
        &["4/18/2025", "18/4/2025"],
        "2025-04-18 … 2025-04-18",
        Granularity::Day,
        0,
    );
    assert_reads(
        &["4/4/2025"],
        "2025-04-04 … 2025-04-04",
        Granularity::Day,
        0,
    );
    let error = error_of("4/8/2025");
    assert_eq!(
        error.message,
        "`4/8/2025` could be 8 April 2025 or 4 August 2025"
    );
    assert!(error.hint.unwrap().contains("YYYY-MM-DD"));
    assert!(error_of("4/18/25").hint.unwrap().contains("YYYY-MM-DD"));
    assert!(error_of("13/18/2025").hint.unwrap().contains("YYYY-MM-DD"));
}

#[test]
fn decades() {
    assert_reads(
        &["1970s", "the 1970s", "1970's", "in the 1970’s"],
        "1970-01-01 … 1979-12-31",
        Granularity::Decade,
        0,
    );
    assert!(error_of("the 1975s").message.contains("not a decade"));
}

#[test]
fn parts_of_decades() {
    let margin = 365;
    assert_reads(
        &["early 1990s", "the early 1990s"],
        "1990-01-01 … 1993-12-31",
        Granularity::PartOfDecade,
        margin,
    );
    assert_reads(
        &["mid-1990s", "mid 1990s", "the mid-1990s", "middle 1990s"],
        "1994-01-01 … 1996-12-31",
        Granularity::PartOfDecade,
        margin,
    );
    assert_reads(
        &["late 1970s"],
        "1977-01-01 … 1979-12-31",
        Granularity::PartOfDecade,
        margin,
    );
}

#[test]
fn parts_of_years() {
    assert_reads(
        &[
            "early 2022",
            "early in 2022",
            "the beginning of 2022",
            "the start of 2022",
        ],
        "2022-01-01 … 2022-04-30",
        Granularity::PartOfYear,
        30,
    );
    assert_reads(
        &["mid-2022", "mid 2022", "the middle of 2022"],
        "2022-05-01 … 2022-08-31",
        Granularity::PartOfYear,
        30,
    );
    assert_reads(
        &["late 2022", "the end of 2022"],
        "2022-09-01 … 2022-12-31",
        Granularity::PartOfYear,
        30,
    );
}

#[test]
fn seasons() {
    assert_reads(
        &["spring 2022"],
        "2022-03-01 … 2022-05-31",
        Granularity::PartOfYear,
        30,
    );
    assert_reads(
        &["summer of 2022"],
        "2022-06-01 … 2022-08-31",
        Granularity::PartOfYear,
        30,
    );
    assert_reads(
        &["autumn 2022", "fall 2022"],
        "2022-09-01 … 2022-11-30",
        Granularity::PartOfYear,
        30,
    );
    assert_reads(
        &["winter 2022", "winter 2022–23", "the winter of 2022-2023"],
        "2022-12-01 … 2023-02-28",
        Granularity::PartOfYear,
        30,
    );
    assert!(
        error_of("summer").message.contains("no `published` date"),
        "a date without a year takes it from `published`"
    );
}

#[test]
fn quarters_and_halves() {
    assert_reads(
        &[
            "Q1 2023",
            "q1 2023",
            "the first quarter of 2023",
            "1st quarter 2023",
            "2023 Q1",
        ],
        "2023-01-01 … 2023-03-31",
        Granularity::PartOfYear,
        0,
    );
    assert_reads(
        &["Q4 2023"],
        "2023-10-01 … 2023-12-31",
        Granularity::PartOfYear,
        0,
    );
    assert_reads(
        &["H1 2023", "the first half of 2023"],
        "2023-01-01 … 2023-06-30",
        Granularity::PartOfYear,
        0,
    );
    assert_reads(
        &["second half of 2023", "2023 H2"],
        "2023-07-01 … 2023-12-31",
        Granularity::PartOfYear,
        0,
    );
    assert!(error_of("Q5 2023").message.contains("four quarters"));
}

#[test]
fn parts_of_months() {
    assert_reads(
        &["early July 2023"],
        "2023-07-01 … 2023-07-10",
        Granularity::PartOfMonth,
        5,
    );
    assert_reads(
        &["mid-July 2023", "mid July 2023"],
        "2023-07-11 … 2023-07-20",
        Granularity::PartOfMonth,
        5,
    );
    assert_reads(
        &["late July 2023"],
        "2023-07-21 … 2023-07-31",
        Granularity::PartOfMonth,
        5,
    );
    assert_reads(
        &["late February 2024"],
        "2024-02-21 … 2024-02-29",
        Granularity::PartOfMonth,
        5,
    );
    assert!(
        error_of("early July")
            .message
            .contains("no `published` date"),
        "a date without a year takes it from `published`"
    );
}

#[test]
fn centuries() {
    assert_reads(
        &["the 21st century"],
        "2001-01-01 … 2100-12-31",
        Granularity::Century,
        0,
    );
    assert_reads(
        &["the 20th century", "20th-century"],
        "1901-01-01 … 2000-12-31",
        Granularity::Century,
        0,
    );
    assert_reads(
        &["the early 20th century"],
        "1901-01-01 … 1933-12-31",
        Granularity::Century,
        1826,
    );
    assert_reads(
        &["mid-20th century"],
        "1934-01-01 … 1966-12-31",
        Granularity::Century,
        1826,
    );
    assert_reads(
        &["late 20th century"],
        "1967-01-01 … 2000-12-31",
        Granularity::Century,
        1826,
    );
}

#[test]
fn spans_of_years() {
    assert_reads(
        &[
            "2009-2013",
            "2009–2013",
            "2009 - 2013",
            "2009 to 2013",
            "from 2009 to 2013",
            "between 2009 and 2013",
            "2009-13",
            "2009–13",
            "2009 through 2013",
        ],
        "2009-01-01 … 2013-12-31",
        Granularity::Span,
        0,
    );
}

#[test]
fn spans_sharing_a_year_or_month() {
    assert_reads(
        &["April–June 2022", "between April and June 2022"],
        "2022-04-01 … 2022-06-30",
        Granularity::Span,
        0,
    );
    assert_reads(
        &["8–10 April 2025", "April 8–10, 2025", "8th–10th April 2025"],
        "2025-04-08 … 2025-04-10",
        Granularity::Span,
        0,
    );
    assert_reads(
        &["8 April – 3 June 2025", "April 8 – June 3, 2025"],
        "2025-04-08 … 2025-06-03",
        Granularity::Span,
        0,
    );
    assert!(
        error_of("8–10 April")
            .message
            .contains("no `published` date"),
        "a date without a year takes it from `published`"
    );
    // A two-digit number before a month is a day, not an abbreviated year.
    assert_reads(
        &["2014 – 12 April 2025"],
        "2014-01-01 … 2025-04-12",
        Granularity::Span,
        0,
    );
}

#[test]
fn spans_of_months_and_decades() {
    assert_reads(
        &["April 2013 – July 2023", "2013-04 to 2023-07"],
        "2013-04-01 … 2023-07-31",
        Granularity::Span,
        0,
    );
    assert_reads(
        &["1990s–2000s"],
        "1990-01-01 … 2009-12-31",
        Granularity::Span,
        0,
    );
    assert_reads(
        &["late 1970s – early 1990s"],
        "1977-01-01 … 1993-12-31",
        Granularity::Span,
        365,
    );
}

#[test]
fn iso_months_are_not_abbreviated_spans() {
    assert_reads(
        &["2011-12"],
        "2011-12-01 … 2011-12-31",
        Granularity::Month,
        0,
    );
    assert_reads(
        &["2011–12"],
        "2011-01-01 … 2012-12-31",
        Granularity::Span,
        0,
    );
}

#[test]
fn reversed_spans_are_errors() {
    assert!(
        error_of("2013–2009")
            .message
            .contains("ends before it starts")
    );
    assert!(
        error_of("June–April 2022")
            .message
            .contains("ends before it starts")
    );
    assert!(
        error_of("2025-13")
            .message
            .contains("ends before it starts")
    );
}

#[test]
fn open_starts() {
    let published = "2020-05-01";
    for text in [
        "since 2014",
        "from 2014",
        "starting in 2014",
        "beginning in 2014",
        "beginning 2014",
        "no earlier than 2014",
    ] {
        let value = parse_at(text, published);
        assert_eq!(interval(&value), "2014-01-01 … 2020-05-01", "{text}");
        assert_eq!(value.granularity, Granularity::Open);
    }
    assert_reads(&["since 2014"], "2014-01-01 … ..", Granularity::Open, 0);
    assert_reads(
        &["since April 2013"],
        "2013-04-01 … ..",
        Granularity::Open,
        0,
    );
    assert_reads(&["after 2010"], "2011-01-01 … ..", Granularity::Open, 0);
    assert_eq!(
        interval(&parse_at("after 2010", "2020")),
        "2011-01-01 … 2020-12-31"
    );
    let error = parse_date("since 2021", Some(&parse("2020"))).unwrap_err();
    assert!(
        error
            .message
            .contains("after this source's `published` date (2020)")
    );
}

#[test]
fn open_ends() {
    for text in [
        "by 2027",
        "until 2027",
        "through 2027",
        "up to 2027",
        "no later than 2027",
        "till 2027",
    ] {
        assert_reads(&[text], ".. … 2027-12-31", Granularity::Open, 0);
        assert_eq!(interval(&parse_at(text, "2020")), ".. … 2027-12-31");
    }
    assert_reads(
        &["before 2010", "prior to 2010"],
        ".. … 2009-12-31",
        Granularity::Open,
        0,
    );
    assert_reads(&["by late 2022"], ".. … 2022-12-31", Granularity::Open, 30);
}

#[test]
fn approximate_dates_widen_by_a_unit() {
    for text in [
        "around 2014",
        "circa 2014",
        "c. 2014",
        "ca. 2014",
        "about 2014",
        "approximately 2014",
        "roughly 2014",
        "~2014",
        "2014?",
        "in around 2014",
    ] {
        let value = parse(text);
        assert_eq!(interval(&value), "2013-01-01 … 2015-12-31", "{text}");
        assert!(value.approximate, "{text}");
        assert_eq!(value.margin, 365, "{text}");
        assert_eq!(value.granularity, Granularity::Year, "{text}");
    }
    let cases = [
        ("around July 2023", "2023-06-01 … 2023-08-31", 30),
        ("around 8 April 2025", "2025-04-05 … 2025-04-11", 3),
        ("around the 1990s", "1988-01-01 … 2001-12-31", 730),
        ("around late 1970s", "1976-01-01 … 1980-12-31", 365),
        ("around early July 2023", "2023-06-26 … 2023-07-15", 5),
        ("around Q1 2023", "2022-12-01 … 2023-04-30", 30),
        ("c. 1990–1995", "1989-01-01 … 1996-12-31", 365),
        ("after around 2010", "2010-01-01 … ..", 365),
        ("since c. 2014", "2013-01-01 … ..", 365),
        ("before around 2010", ".. … 2010-12-31", 365),
    ];
    for (text, expected, margin) in cases {
        let value = parse(text);
        assert_eq!(interval(&value), expected, "{text}");
        assert_eq!(value.margin, margin, "{text}");
        assert!(value.approximate, "{text}");
    }
}

#[test]
fn weekdays_relative_to_a_published_day() {
    // 10 April 2025 was a Thursday.
    for text in ["on Thursday", "Thursday", "on thu"] {
        let value = parse_at(text, "2025-04-10");
        assert_eq!(interval(&value), "2025-04-10 … 2025-04-10", "{text}");
        assert!(value.relative);
        assert_eq!(value.granularity, Granularity::Day);
    }
    assert_eq!(
        interval(&parse_at("on Monday", "2025-04-10")),
        "2025-04-07 … 2025-04-07"
    );
}

#[test]
fn weekdays_relative_to_a_published_month() {
    let value = parse_at("on Thursday", "2025-01");
    assert_eq!(interval(&value), "2024-12-26 … 2025-01-30");
    assert_eq!(value.describe(), "26 Dec 2024 – 30 Jan 2025");
}

#[test]
fn days_weeks_months_and_years_relative_to_published() {
    let published = "2025-04-10";
    let cases = [
        ("today", "2025-04-10 … 2025-04-10", Granularity::Day),
        ("yesterday", "2025-04-09 … 2025-04-09", Granularity::Day),
        (
            "this week",
            "2025-04-07 … 2025-04-13",
            Granularity::PartOfMonth,
        ),
        (
            "last week",
            "2025-03-31 … 2025-04-06",
            Granularity::PartOfMonth,
        ),
        ("this month", "2025-04-01 … 2025-04-30", Granularity::Month),
        ("last month", "2025-03-01 … 2025-03-31", Granularity::Month),
        ("this year", "2025-01-01 … 2025-12-31", Granularity::Year),
        ("last year", "2024-01-01 … 2024-12-31", Granularity::Year),
        ("3 days ago", "2025-04-07 … 2025-04-07", Granularity::Day),
        (
            "two weeks ago",
            "2025-03-24 … 2025-03-30",
            Granularity::PartOfMonth,
        ),
        ("a month ago", "2025-03-01 … 2025-03-31", Granularity::Month),
        (
            "14 months ago",
            "2024-02-01 … 2024-02-29",
            Granularity::Month,
        ),
        ("5 years ago", "2020-01-01 … 2020-12-31", Granularity::Year),
    ];
    for (text, expected, granularity) in cases {
        let value = parse_at(text, published);
        assert_eq!(interval(&value), expected, "{text}");
        assert_eq!(value.granularity, granularity, "{text}");
        assert!(value.relative, "{text}");
    }
    assert_eq!(
        interval(&parse_at("since last year", published)),
        "2024-01-01 … 2025-04-10"
    );
}

#[test]
fn relative_dates_past_the_calendar_are_refused_not_clamped() {
    let published = parse("2025-04-10");
    for text in [
        "4294967295 years ago",
        "99999999999 days ago",
        "300000 years ago",
        "4000000 months ago",
    ] {
        let error = parse_date(text, Some(&published)).unwrap_err();
        assert!(error.message.contains("outside the calendar"), "{text}");
    }
    let far = parse_at("100000 years ago", "2025-04-10");
    assert_eq!(
        calendar::civil(i64::from(far.earliest)).0,
        2025 - 100_000,
        "far but inside the calendar: exact"
    );
}

#[test]
fn relative_dates_need_a_published_date() {
    let error = error_of("on Thursday");
    assert_eq!(
        error.message,
        "`on Thursday` is relative to the source's date, and this source has no `published` date"
    );
    assert_eq!(
        error.hint.as_deref(),
        Some("add `published = \"YYYY-MM-DD\"` under [source]")
    );
    assert!(
        error_of("3 years ago")
            .message
            .contains("no `published` date")
    );
    let open = parse("since 2014");
    let error = parse_date("yesterday", Some(&open)).unwrap_err();
    assert!(error.message.contains("open-ended"));
}

#[test]
fn anything_else_is_an_error_naming_the_text() {
    for text in [
        "the Cold War",
        "",
        "2014 2015",
        "soon",
        "(2014)",
        "12345",
        "around",
        "since",
        "0800",
        "8",
    ] {
        let error = error_of(text);
        assert!(
            error.message.contains(text.trim()),
            "{text}: {}",
            error.message
        );
        assert!(error.hint.is_some(), "{text}");
    }
    assert_eq!(
        error_of("the Cold War").message,
        "`the Cold War` is not a date"
    );
    assert!(
        error_of("the Cold War")
            .hint
            .unwrap()
            .contains("`July 2023`")
    );
    assert!(error_of("44 BC").message.contains("before AD 1"));
}

#[test]
fn describe_and_edtf_of_parsed_dates() {
    let cases = [
        ("2014", "2014", "2014"),
        ("late 1970s", "1977–1979", "1977/1979"),
        ("July 2023", "July 2023", "2023-07"),
        ("mid-2022", "May–Aug 2022", "2022-38"),
        ("8 April 2025", "8 April 2025", "2025-04-08"),
        ("the 1990s", "the 1990s", "199X"),
        ("2009–2013", "2009–2013", "2009/2013"),
        ("January–April 2022", "Jan–Apr 2022", "2022-01/2022-04"),
        ("since 2014", "2014 – …", "2014/.."),
        ("by 2027", "… – 2027", "../2027"),
        ("around 2014", "around 2014 (2013–2015)", "2014~"),
        ("spring 2022", "Mar–May 2022", "2022-21"),
        ("winter 2022", "Dec 2022 – Feb 2023", "2022-24"),
        ("Q3 2023", "Jul–Sep 2023", "2023-35"),
        ("H1 2023", "Jan–Jun 2023", "2023-40"),
        ("the 20th century", "the 20th century", "1901/2000"),
        ("early July 2023", "1–10 July 2023", "2023-07-01/2023-07-10"),
        (
            "around July 2023",
            "around July 2023 (Jun–Aug 2023)",
            "2023-07~",
        ),
        (
            "c. 1990–1995",
            "around 1990–1995 (1989–1996)",
            "1990~/1995~",
        ),
    ];
    for (text, describe, edtf) in cases {
        let value = parse(text);
        assert_eq!(value.describe(), describe, "{text}");
        assert_eq!(value.edtf(), edtf, "{text}");
    }
}

/// Text built from the date vocabulary, so that random inputs reach deep into the grammar.
fn date_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("2014"),
        Just("1990s"),
        Just("8th"),
        Just("8"),
        Just("13"),
        Just("april"),
        Just("q"),
        Just("early"),
        Just("mid"),
        Just("-"),
        Just("–"),
        Just("/"),
        Just("to"),
        Just("and"),
        Just("between"),
        Just("since"),
        Just("before"),
        Just("around"),
        Just("~"),
        Just("?"),
        Just("winter"),
        Just("century"),
        Just("21st"),
        Just("first"),
        Just("quarter"),
        Just("the"),
        Just("thursday"),
        Just("last"),
        Just("ago"),
        Just("years"),
        Just("ad"),
        Just("99999"),
        Just("2025-04-08"),
        Just("12"),
        Just("from"),
        Just("tuesday"),
        Just("year"),
        Just("next"),
        Just("this"),
        Just("earlier"),
        Just("recent"),
        Just("week"),
        Just("in"),
        Just("at"),
        Just("day"),
        Just("of"),
        Just("15th"),
        Just("summer"),
        Just("monday"),
        Just("decades"),
        Just("within"),
    ];
    prop::collection::vec(token, 0..8).prop_map(|tokens| tokens.join(" "))
}

fn published() -> impl Strategy<Value = Option<DateValue>> {
    prop_oneof![
        Just(None),
        Just(Some(parse("2025-04-10"))),
        Just(Some(parse("2025-01"))),
        Just(Some(parse("since 2014"))),
        (any::<i32>(), any::<i32>()).prop_map(|(a, b)| Some(DateValue {
            earliest: Day(a.min(b)),
            latest: Day(a.max(b)),
            granularity: Granularity::Span,
            margin: 0,
            approximate: false,
            relative: false,
        })),
    ]
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC*", published in published()) {
        let _ = parse_date(&text, published.as_ref());
    }

    #[test]
    fn never_panics_on_date_like_text(text in date_like(), published in published()) {
        if let Ok(value) = parse_date(&text, published.as_ref()) {
            prop_assert!(value.earliest <= value.latest, "{text}");
            let _ = value.describe();
            let _ = value.edtf();
        }
    }
}

mod relative;
