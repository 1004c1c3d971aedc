//! Tests of relative dates and dates without a year, anchored on a published date: each form
//! of the README's relative-date table, with phrasings of our own beside the issue's.

use super::*;

/// 12 February 2013 was a Tuesday.
const TUESDAY: &str = "2013-02-12";

fn reads_at(published: &str, cases: &[(&str, &str)]) {
    for (text, expected) in cases {
        let value = parse_at(text, published);
        assert_eq!(
            interval(&value),
            *expected,
            "{text} (published {published})"
        );
        assert!(value.relative, "{text}");
    }
}

#[test]
fn days_and_weekdays() {
    reads_at(
        TUESDAY,
        &[
            ("now", "2013-02-12 … 2013-02-12"),
            ("right now", "2013-02-12 … 2013-02-12"),
            ("the day before yesterday", "2013-02-10 … 2013-02-10"),
            ("the day after tomorrow", "2013-02-14 … 2013-02-14"),
            ("Tuesday", "2013-02-12 … 2013-02-12"),
            ("on Thursday", "2013-02-07 … 2013-02-07"),
            ("last Tuesday", "2013-02-05 … 2013-02-05"),
            ("this past Tuesday", "2013-02-05 … 2013-02-05"),
            ("last Sunday", "2013-02-10 … 2013-02-10"),
            ("next Tuesday", "2013-02-19 … 2013-02-19"),
            ("next Wednesday", "2013-02-13 … 2013-02-20"),
            ("next Saturday", "2013-02-16 … 2013-02-23"),
            ("last Wednesday", "2013-02-06 … 2013-02-06"),
            ("this coming Friday", "2013-02-15 … 2013-02-15"),
            ("this Monday", "2013-02-11 … 2013-02-18"),
            ("this Friday", "2013-02-15 … 2013-02-15"),
            ("Monday of this week", "2013-02-11 … 2013-02-11"),
            ("Wednesday of next week", "2013-02-20 … 2013-02-20"),
            ("Sunday from last week", "2013-02-10 … 2013-02-10"),
            ("Friday after next", "2013-02-22 … 2013-02-22"),
        ],
    );
}

#[test]
fn last_weekday_on_that_weekday_is_a_week_earlier() {
    // 10 April 2025 was a Thursday; 1 January 2025 a Wednesday.
    reads_at(
        "2025-04-10",
        &[
            ("last Thursday", "2025-04-03 … 2025-04-03"),
            ("Thursday", "2025-04-10 … 2025-04-10"),
            ("last Friday", "2025-04-04 … 2025-04-04"),
            ("next Thursday", "2025-04-17 … 2025-04-17"),
        ],
    );
    reads_at("2025-01", &[("last Wednesday", "2024-12-25 … 2025-01-29")]);
}

#[test]
fn calendar_units_this_last_and_next() {
    reads_at(
        TUESDAY,
        &[
            ("this week", "2013-02-11 … 2013-02-17"),
            ("the previous week", "2013-02-04 … 2013-02-10"),
            ("the following week", "2013-02-18 … 2013-02-24"),
            ("this quarter", "2013-01-01 … 2013-03-31"),
            ("next qtr", "2013-04-01 … 2013-06-30"),
            ("last quarter", "2012-10-01 … 2012-12-31"),
            ("the previous year", "2012-01-01 … 2012-12-31"),
            ("last yr", "2012-01-01 … 2012-12-31"),
            ("the following year", "2014-01-01 … 2014-12-31"),
            ("this decade", "2010-01-01 … 2019-12-31"),
            ("this century", "2001-01-01 … 2100-12-31"),
            ("the past week", "2013-02-04 … 2013-02-12"),
            ("the past year", "2012-01-01 … 2013-02-12"),
            ("the past decade", "2000-01-01 … 2013-02-12"),
            ("over the last decade", "2000-01-01 … 2013-02-12"),
        ],
    );
}

#[test]
fn counts_of_units_back_and_forward() {
    reads_at(
        TUESDAY,
        &[
            ("7 days ago", "2013-02-05 … 2013-02-05"),
            ("a fortnight ago", "2013-01-28 … 2013-02-03"),
            ("three months ago", "2012-11-01 … 2012-11-30"),
            ("in a week", "2013-02-18 … 2013-02-24"),
            ("in 7 days", "2013-02-19 … 2013-02-19"),
            ("in three years", "2016-01-01 … 2016-12-31"),
            ("3 years from today", "2016-01-01 … 2016-12-31"),
            ("two months from now", "2013-04-01 … 2013-04-30"),
            ("a week hence", "2013-02-18 … 2013-02-24"),
            ("a couple of years ago", "2011-01-01 … 2011-12-31"),
            ("the last 2 days", "2013-02-10 … 2013-02-12"),
            ("the past two weeks", "2013-01-28 … 2013-02-12"),
            ("last 2 years", "2011-01-01 … 2013-02-12"),
            ("the past two decades", "1990-01-01 … 2013-02-12"),
            ("the next 3 days", "2013-02-12 … 2013-02-15"),
            ("the coming 3 months", "2013-02-12 … 2013-05-31"),
            ("next three years", "2013-02-12 … 2016-12-31"),
            ("within 2 weeks", "2013-02-12 … 2013-03-03"),
            ("within the next two years", "2013-02-12 … 2015-12-31"),
        ],
    );
}

#[test]
fn decades_and_centuries_ago_are_approximate_years() {
    for (text, expected, stated) in [
        (
            "two decades ago",
            "1992-01-01 … 1994-12-31",
            "around 1993 (1992–1994)",
        ),
        (
            "a decade ago",
            "2002-01-01 … 2004-12-31",
            "around 2003 (2002–2004)",
        ),
        (
            "a century ago",
            "1903-01-01 … 1923-12-31",
            "around 1913 (1903–1923)",
        ),
    ] {
        let value = parse_at(text, TUESDAY);
        assert_eq!(interval(&value), expected, "{text}");
        assert!(value.approximate, "{text}");
        assert_eq!(value.describe(), stated, "{text}");
    }
}

#[test]
fn parts_of_this_last_and_next_units() {
    reads_at(
        TUESDAY,
        &[
            ("early this year", "2013-01-01 … 2013-04-30"),
            ("mid next year", "2014-05-01 … 2014-08-31"),
            ("late last year", "2012-09-01 … 2012-12-31"),
            ("the end of the year", "2013-09-01 … 2013-12-31"),
            ("at the end of the year", "2013-09-01 … 2013-12-31"),
            ("the beginning of next year", "2014-01-01 … 2014-04-30"),
            ("early in the year", "2013-01-01 … 2013-04-30"),
            ("late this month", "2013-02-21 … 2013-02-28"),
            ("the middle of next month", "2013-03-11 … 2013-03-20"),
            ("early this decade", "2010-01-01 … 2013-12-31"),
            ("earlier this year", "2013-01-01 … 2013-02-12"),
            ("earlier in the year", "2013-01-01 … 2013-02-12"),
            ("later this year", "2013-02-12 … 2013-12-31"),
            ("later in the month", "2013-02-12 … 2013-02-28"),
            ("earlier this week", "2013-02-11 … 2013-02-12"),
            ("later last year", "2012-09-01 … 2012-12-31"),
            ("earlier last month", "2013-01-01 … 2013-01-10"),
        ],
    );
    assert_eq!(parse_at("late last year", TUESDAY).margin, 30);
    assert_eq!(parse_at("early this month", TUESDAY).margin, 5);
}

#[test]
fn open_ended_relative_dates() {
    reads_at(
        TUESDAY,
        &[
            ("by the end of the year", ".. … 2013-12-31"),
            ("by the end of next month", ".. … 2013-03-31"),
            ("by EOM", ".. … 2013-02-28"),
            ("since last year", "2012-01-01 … 2013-02-12"),
            ("in recent years", ".. … 2013-02-12"),
            ("recently", ".. … 2013-02-12"),
            ("in recent months", ".. … 2013-02-12"),
            ("the past few years", ".. … 2013-02-12"),
            ("in the coming months", "2013-02-12 … .."),
            ("the next few years", "2013-02-12 … .."),
        ],
    );
}

#[test]
fn months_and_seasons_this_last_and_next() {
    reads_at(
        TUESDAY,
        &[
            ("last October", "2012-10-01 … 2012-10-31"),
            ("next March", "2013-03-01 … 2013-03-31"),
            ("this March", "2013-03-01 … 2013-03-31"),
            ("last February", "2012-02-01 … 2012-02-29"),
            ("this summer", "2013-06-01 … 2013-08-31"),
            ("this winter", "2012-12-01 … 2013-02-28"),
            ("last winter", "2011-12-01 … 2012-02-29"),
            ("this past summer", "2012-06-01 … 2012-08-31"),
            ("next spring", "2013-03-01 … 2013-05-31"),
            ("March of last year", "2012-03-01 … 2012-03-31"),
            ("October next year", "2014-10-01 … 2014-10-31"),
            ("spring of this year", "2013-03-01 … 2013-05-31"),
        ],
    );
    // In November, "last October" is the month just gone; in October, a year earlier.
    reads_at("2013-11-20", &[("last October", "2013-10-01 … 2013-10-31")]);
    reads_at("2013-10-05", &[("last October", "2012-10-01 … 2012-10-31")]);
    assert_eq!(parse_at("this summer", TUESDAY).margin, 30);
}

#[test]
fn a_month_or_day_without_a_year_is_the_latest_on_or_before_published() {
    reads_at(
        TUESDAY,
        &[
            ("March 3", "2012-03-03 … 2012-03-03"),
            ("February 12", "2013-02-12 … 2013-02-12"),
            ("February 13", "2012-02-13 … 2012-02-13"),
            ("3rd of January", "2013-01-03 … 2013-01-03"),
            ("march first", "2012-03-01 … 2012-03-01"),
            ("the twenty-first of December", "2012-12-21 … 2012-12-21"),
            ("February the 15th", "2012-02-15 … 2012-02-15"),
            ("in March", "2012-03-01 … 2012-03-31"),
            ("January", "2013-01-01 … 2013-01-31"),
            ("early March", "2012-03-01 … 2012-03-10"),
            ("end of April", "2012-04-21 … 2012-04-30"),
            ("July 13-15", "2012-07-13 … 2012-07-15"),
            ("from 13th to 15th July", "2012-07-13 … 2012-07-15"),
            ("Aug 8 - Aug 12", "2012-08-08 … 2012-08-12"),
            ("between May and July", "2012-05-01 … 2012-07-31"),
            ("on the 15th", "2013-01-15 … 2013-01-15"),
            ("on the 1st", "2013-02-01 … 2013-02-01"),
            ("on the first", "2013-02-01 … 2013-02-01"),
            ("the third quarter", "2012-07-01 … 2012-09-30"),
            ("Q1", "2013-01-01 … 2013-03-31"),
            ("this spring", "2013-03-01 … 2013-05-31"),
            ("winter", "2012-12-01 … 2013-02-28"),
            ("since March", "2012-03-01 … 2013-02-12"),
            ("around March 3", "2012-02-29 … 2012-03-06"),
        ],
    );
    // 29 February takes the latest leap year; the 31st the latest month that has one.
    reads_at("2013-02-12", &[("February 29", "2012-02-29 … 2012-02-29")]);
    reads_at("2013-05-10", &[("on the 31st", "2013-03-31 … 2013-03-31")]);
    // A published month resolves at both its ends.
    reads_at("2013-03", &[("March 15", "2012-03-15 … 2013-03-15")]);
}

#[test]
fn a_weekday_picks_the_year_of_a_date_without_one() {
    reads_at(
        TUESDAY,
        &[
            ("Monday, Feb 18", "2013-02-18 … 2013-02-18"),
            ("Sunday, Feb 10", "2013-02-10 … 2013-02-10"),
            ("Fri, Jul 18", "2014-07-18 … 2014-07-18"),
            ("Jul 18, Fri", "2014-07-18 … 2014-07-18"),
            ("Tuesday the 19th", "2013-02-19 … 2013-02-19"),
            ("Thu 15th", "2012-11-15 … 2012-11-15"),
        ],
    );
    let published = parse(TUESDAY);
    let read = read_date("Monday, Feb 18", Some(&published)).unwrap();
    assert_eq!(read.wrong_weekday, None, "the weekday chose the year");
}

#[test]
fn without_published_a_date_without_a_year_says_so() {
    for text in [
        "March 3",
        "in March",
        "early March",
        "July 13-15",
        "Monday, Feb 18",
        "on the 15th",
    ] {
        let error = error_of(text);
        assert!(
            error.message.contains("no `published` date"),
            "{text}: {}",
            error.message
        );
    }
    let error = parse_date("February 30", Some(&parse(TUESDAY))).unwrap_err();
    assert!(error.message.contains("not a day"), "{}", error.message);
}

#[test]
fn clock_times_are_refused_never_read_as_years() {
    let published = parse(TUESDAY);
    for text in [
        "at 1030",
        "at 730 in the evening",
        "at 3pm",
        "10:30",
        "3:15 pm",
        "noon",
        "at 7",
    ] {
        for published in [None, Some(&published)] {
            let error = parse_date(text, published)
                .map(|v| interval(&v))
                .expect_err(text);
            assert!(
                error.message.contains("time of day"),
                "{text}: {}",
                error.message
            );
        }
    }
    // A year is still a year, with an approximation mark too.
    assert_eq!(interval(&parse("1030")), "1030-01-01 … 1030-12-31");
    assert_eq!(interval(&parse("around 1030")), "1029-01-01 … 1031-12-31");
}

#[test]
fn counts_and_units_alone_are_not_dates() {
    let published = parse(TUESDAY);
    for text in [
        "3 years",
        "two weeks",
        "the 1990s years",
        "next",
        "last few",
        "this",
        "8",
        "in 15",
    ] {
        assert!(
            parse_date(text, Some(&published)).is_err(),
            "{text} is not a date"
        );
    }
}

#[test]
fn more_numeric_forms() {
    assert_eq!(interval(&parse("2/2013")), "2013-02-01 … 2013-02-28");
    assert_eq!(interval(&parse("2015-3-3")), "2015-03-03 … 2015-03-03");
    assert_eq!(
        interval(&parse("March third 2015")),
        "2015-03-03 … 2015-03-03"
    );
    assert_eq!(
        interval(&parse("the 4th qtr of 2018")),
        "2018-10-01 … 2018-12-31"
    );
    assert!(parse_date("13/2013", None).is_err());
}

#[test]
fn a_day_or_week_counted_within_a_month() {
    for (text, expected) in [
        (
            "the first Tuesday of October 2013",
            "2013-10-01 … 2013-10-01",
        ),
        ("third Tuesday of September 2014", "2014-09-16 … 2014-09-16"),
        ("the last Sunday of March 2014", "2014-03-30 … 2014-03-30"),
        ("the last day of October 2015", "2015-10-31 … 2015-10-31"),
        ("the last day of February 2024", "2024-02-29 … 2024-02-29"),
        ("the third day of October 2013", "2013-10-03 … 2013-10-03"),
        ("the first week of October 2014", "2014-10-01 … 2014-10-07"),
        ("the last week of September 2014", "2014-09-24 … 2014-09-30"),
        (
            "the second Wednesday in October 2014",
            "2014-10-08 … 2014-10-08",
        ),
    ] {
        assert_eq!(interval(&parse(text)), expected, "{text}");
    }
    reads_at(
        TUESDAY,
        &[
            ("last Monday of March", "2012-03-26 … 2012-03-26"),
            ("the first Tuesday of February", "2013-02-05 … 2013-02-05"),
        ],
    );
    let error = error_of("the fifth Monday of February 2013");
    assert!(error.message.contains("no such day"), "{}", error.message);
    assert!(
        error_of("the 0th day of March 2013")
            .message
            .contains("no such day")
    );
}

#[test]
fn more_relative_forms() {
    reads_at(
        TUESDAY,
        &[
            ("upcoming week", "2013-02-18 … 2013-02-24"),
            ("the upcoming two weeks", "2013-02-12 … 2013-03-03"),
            ("2 upcoming months", "2013-02-12 … 2013-04-30"),
            ("beginning of this week", "2013-02-11 … 2013-02-13"),
            ("at the end of last week", "2013-02-08 … 2013-02-10"),
            ("the end of next week", "2013-02-22 … 2013-02-24"),
            ("this season", "2012-12-01 … 2013-02-28"),
            ("last season", "2012-09-01 … 2012-11-30"),
            ("next season", "2013-03-01 … 2013-05-31"),
            ("the rest of the week", "2013-02-12 … 2013-02-17"),
            ("all week", "2013-02-11 … 2013-02-17"),
            ("3 Fridays from now", "2013-03-01 … 2013-03-01"),
            ("two Thursdays ago", "2013-01-31 … 2013-01-31"),
            ("the first Monday of this month", "2013-02-04 … 2013-02-04"),
            ("first Monday in the month", "2013-02-04 … 2013-02-04"),
            ("the second Monday of last month", "2013-01-14 … 2013-01-14"),
            ("20 of next month", "2013-03-20 … 2013-03-20"),
            (
                "the 20th day of the previous month",
                "2013-01-20 … 2013-01-20",
            ),
            ("the BOM", "2013-02-01 … 2013-02-10"),
            ("the fifth last day of May", "2012-05-27 … 2012-05-27"),
        ],
    );
    assert_eq!(
        interval(&parse("the second last week of October 2018")),
        "2018-10-18 … 2018-10-24"
    );
    assert_eq!(interval(&parse("in 2014 A.D.")), "2014-01-01 … 2014-12-31");
    assert_eq!(interval(&parse("14 a.d.")), "0014-01-01 … 0014-12-31");
    assert!(error_of("in 2014 B.C.").message.contains("before AD 1"));
}

#[test]
fn weekends() {
    reads_at(
        TUESDAY,
        &[
            ("the weekend", "2013-02-09 … 2013-02-10"),
            ("over the weekend", "2013-02-09 … 2013-02-10"),
            ("last weekend", "2013-02-09 … 2013-02-10"),
            ("this past weekend", "2013-02-09 … 2013-02-10"),
            ("this weekend", "2013-02-16 … 2013-02-17"),
            ("this coming week-end", "2013-02-16 … 2013-02-17"),
            ("next weekend", "2013-02-16 … 2013-02-24"),
        ],
    );
    reads_at(
        "2013-02-17",
        &[("over the weekend", "2013-02-16 … 2013-02-17")],
    );
    assert!(
        error_of("the weekend")
            .message
            .contains("no `published` date")
    );
}

#[test]
fn news_phrasings() {
    reads_at(
        TUESDAY,
        &[
            ("this time last year", "2012-02-01 … 2012-02-29"),
            ("this time next year", "2014-02-01 … 2014-02-28"),
            ("so far this year", "2013-01-01 … 2013-02-12"),
            ("so far this month", "2013-02-01 … 2013-02-12"),
            ("year to date", "2013-01-01 … 2013-02-12"),
            ("year-to-date", "2013-01-01 … 2013-02-12"),
            ("the year before last", "2011-01-01 … 2011-12-31"),
            ("the week after next", "2013-02-25 … 2013-03-03"),
            ("last month", "2013-01-01 … 2013-01-31"),
            ("in the last month", "2013-01-01 … 2013-02-12"),
            ("over the last year", "2012-01-01 … 2013-02-12"),
            ("last year", "2012-01-01 … 2012-12-31"),
        ],
    );
}
