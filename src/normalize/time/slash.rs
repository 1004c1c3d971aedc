//! Numeric dates beside a clock time: `12/1/11`, `12/01/2011`, `1/12/2011`.
//!
//! Owns the day-and-month order of a numeric date within a date-time and its two-digit years.
//! A date is read only when it is unambiguous (a part over 12, or both parts equal) or when
//! its property's other values decide the order ([`slash_order`]); otherwise it is an error
//! naming both readings. It must not read other date forms (`normalize::date` does).

use crate::model::date::{DateValue, Granularity, calendar};

/// Which part of a numeric date is the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlashOrder {
    /// `12/13/2011`: month, day, year (United States).
    MonthFirst,
    /// `13/12/2011`: day, month, year.
    DayFirst,
}

/// What to write instead of an ambiguous numeric date.
pub(super) const HINT: &str = "write the date as ISO `YYYY-MM-DD`, or give the property a value \
     whose day is over 12 (`12/13/2011`), which decides the order for all its values";

/// The parts of a numeric date that is the whole of `text`: two numbers of one or two digits
/// and a year of two or four, separated by slashes.
fn parts(text: &str) -> Option<(u32, u32, i64)> {
    let mut parts = text.trim().split('/');
    let (first, second, year) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |part: &str, lengths: &[usize]| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let year = match year.len() {
        // Two-digit years as POSIX `strptime` reads them: 69–99 are 1969–1999, 00–68 are
        // 2000–2068.
        2 => number(year, &[2]).map(|y| if y >= 69 { 1900 + y } else { 2000 + y })?,
        _ => number(year, &[4])?,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((
        number(first, &[1, 2])?,
        number(second, &[1, 2])?,
        i64::from(year),
    ))
}

/// The order a value's numeric date shows by itself: a first part over 12 is a day, a second
/// part over 12 is a day. `None` when the value has no numeric date or it shows nothing.
#[must_use]
pub fn slash_order(date_text: &str) -> Option<SlashOrder> {
    let lower = date_text.to_lowercase();
    let date = lower
        .split_whitespace()
        .find(|word| word.matches('/').count() == 2)?;
    let (first, second, _) = parts(date)?;
    match (first > 12, second > 12) {
        (true, false) => Some(SlashOrder::DayFirst),
        (false, true) => Some(SlashOrder::MonthFirst),
        _ => None,
    }
}

/// The day of a numeric date that is the whole of `text`; `Ok(None)` when `text` is not one,
/// `Err` when it is ambiguous and `order` does not decide it, or names no day.
pub(super) fn read(text: &str, order: Option<SlashOrder>) -> Result<Option<DateValue>, String> {
    let Some((first, second, year)) = parts(text) else {
        return Ok(None);
    };
    let (month, day) = match (first > 12, second > 12, order) {
        (true, false, _) | (false, false, Some(SlashOrder::DayFirst)) => (second, first),
        (false, true, _) | (false, false, Some(SlashOrder::MonthFirst)) => (first, second),
        (false, false, None) if first == second => (first, second),
        (false, false, None) => {
            let reading = |month: u32, day: u32| {
                one_day(year, month, day).map_or_else(String::new, |d| d.describe())
            };
            return Err(format!(
                "`{}` could be {} or {}",
                text.trim(),
                reading(first, second),
                reading(second, first)
            ));
        }
        (true, true, _) => return Err(format!("`{}` is not a date", text.trim())),
    };
    one_day(year, month, day)
        .map(Some)
        .ok_or_else(|| format!("`{}` is not a day", text.trim()))
}

fn one_day(year: i64, month: u32, day: u32) -> Option<DateValue> {
    if !(1..=12).contains(&month) || day == 0 || day > calendar::days_in_month(year, month) {
        return None;
    }
    let day = calendar::to_day(calendar::from_civil(year, month, day))?;
    Some(DateValue {
        earliest: day,
        latest: day,
        granularity: Granularity::Day,
        margin: 0,
        approximate: false,
        relative: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str, order: Option<SlashOrder>) -> Result<Option<String>, String> {
        read(text, order).map(|d| d.map(|d| d.edtf()))
    }

    #[test]
    fn unambiguous_dates_and_two_digit_years() {
        assert_eq!(day("12/13/2011", None), Ok(Some("2011-12-13".into())));
        assert_eq!(day("13/12/2011", None), Ok(Some("2011-12-13".into())));
        assert_eq!(day("12/15/11", None), Ok(Some("2011-12-15".into())));
        assert_eq!(day("5/5/99", None), Ok(Some("1999-05-05".into())));
        assert_eq!(day("2011-12-01", None), Ok(None));
        assert_eq!(day("12/1/2011/5", None), Ok(None));
    }

    #[test]
    fn an_ambiguous_date_needs_its_order() {
        let error = day("12/1/11", None).unwrap_err();
        assert!(
            error.contains("1 December 2011") && error.contains("12 January 2011"),
            "{error}"
        );
        assert_eq!(
            day("12/1/11", Some(SlashOrder::MonthFirst)),
            Ok(Some("2011-12-01".into()))
        );
        assert_eq!(
            day("12/1/11", Some(SlashOrder::DayFirst)),
            Ok(Some("2011-01-12".into()))
        );
        assert!(day("13/13/2011", None).is_err());
        assert!(day("2/30/2011", None).is_err());
    }

    #[test]
    fn a_value_shows_its_order_when_a_part_is_over_12() {
        assert_eq!(
            slash_order("12/15/11 9:30 AM (-08:00)"),
            Some(SlashOrder::MonthFirst)
        );
        assert_eq!(slash_order("15/12/2011 09:30"), Some(SlashOrder::DayFirst));
        assert_eq!(slash_order("12/1/11 2:06 PM"), None);
        assert_eq!(slash_order("2011-12-15 9:30"), None);
    }
}
