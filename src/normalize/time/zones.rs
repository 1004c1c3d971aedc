//! Time zones as written after a clock time: `Z`, numeric offsets (`-05:00`, `+0530`,
//! `(-05:00)`, `UTC+5`, `GMT−06:00`) and the abbreviations of [`ABBREVIATIONS`].
//!
//! Owns the abbreviation table and which reading an ambiguous abbreviation takes. It must not
//! read clock times or dates (`clock`, `normalize::date`).

use crate::model::time::Zone;

/// An abbreviation and its readings, the documented default first.
struct Abbreviation {
    name: &'static str,
    /// Offsets east of UTC in minutes, each with what it stands for.
    readings: &'static [(i32, &'static str)],
}

/// The abbreviations factcheck reads (README, "Times of day"). An abbreviation with several
/// readings takes the first unless the property's declared zone is one of the others, or an
/// offset is written beside it ("CST (UTC+08:00)").
const ABBREVIATIONS: &[Abbreviation] = &[
    abbreviation("UTC", &[(0, "Coordinated Universal Time")]),
    abbreviation("UT", &[(0, "Universal Time")]),
    abbreviation("GMT", &[(0, "Greenwich Mean Time")]),
    abbreviation("EST", &[(-300, "US Eastern Standard Time")]),
    abbreviation("EDT", &[(-240, "US Eastern Daylight Time")]),
    abbreviation(
        "CST",
        &[
            (-360, "US Central Standard Time"),
            (480, "China Standard Time"),
            (-300, "Cuba Standard Time"),
        ],
    ),
    abbreviation("CDT", &[(-300, "US Central Daylight Time")]),
    abbreviation("MST", &[(-420, "US Mountain Standard Time")]),
    abbreviation("MDT", &[(-360, "US Mountain Daylight Time")]),
    abbreviation("PST", &[(-480, "US Pacific Standard Time")]),
    abbreviation("PDT", &[(-420, "US Pacific Daylight Time")]),
    abbreviation("AKST", &[(-540, "Alaska Standard Time")]),
    abbreviation("AKDT", &[(-480, "Alaska Daylight Time")]),
    abbreviation("HST", &[(-600, "Hawaii Standard Time")]),
    abbreviation(
        "AST",
        &[
            (-240, "Atlantic Standard Time"),
            (180, "Arabia Standard Time"),
        ],
    ),
    abbreviation("ADT", &[(-180, "Atlantic Daylight Time")]),
    abbreviation("NST", &[(-210, "Newfoundland Standard Time")]),
    abbreviation("WET", &[(0, "Western European Time")]),
    abbreviation("WEST", &[(60, "Western European Summer Time")]),
    abbreviation(
        "BST",
        &[
            (60, "British Summer Time"),
            (360, "Bangladesh Standard Time"),
        ],
    ),
    abbreviation(
        "IST",
        &[
            (330, "India Standard Time"),
            (60, "Irish Standard Time"),
            (120, "Israel Standard Time"),
        ],
    ),
    abbreviation("CET", &[(60, "Central European Time")]),
    abbreviation("CEST", &[(120, "Central European Summer Time")]),
    abbreviation("EET", &[(120, "Eastern European Time")]),
    abbreviation("EEST", &[(180, "Eastern European Summer Time")]),
    abbreviation("MSK", &[(180, "Moscow Time")]),
    abbreviation("JST", &[(540, "Japan Standard Time")]),
    abbreviation("KST", &[(540, "Korea Standard Time")]),
    abbreviation("HKT", &[(480, "Hong Kong Time")]),
    abbreviation("SGT", &[(480, "Singapore Time")]),
    abbreviation("AWST", &[(480, "Australian Western Standard Time")]),
    abbreviation("ACST", &[(570, "Australian Central Standard Time")]),
    abbreviation("AEST", &[(600, "Australian Eastern Standard Time")]),
    abbreviation("AEDT", &[(660, "Australian Eastern Daylight Time")]),
    abbreviation("NZST", &[(720, "New Zealand Standard Time")]),
    abbreviation("NZDT", &[(780, "New Zealand Daylight Time")]),
];

const fn abbreviation(
    name: &'static str,
    readings: &'static [(i32, &'static str)],
) -> Abbreviation {
    Abbreviation { name, readings }
}

/// The abbreviations with several readings, each with its readings: for the README and
/// `explain`, and the test that keeps them documented.
#[cfg(test)]
pub(super) fn ambiguous() -> impl Iterator<Item = (&'static str, Vec<(i32, &'static str)>)> {
    ABBREVIATIONS
        .iter()
        .filter(|a| a.readings.len() > 1)
        .map(|a| (a.name, a.readings.to_vec()))
}

/// The zones [`read`] accepts as a whole text, as an ECMA 262 regular expression for the
/// JSON Schema of `rules.toml` (case-insensitive through letter classes, since JSON Schema
/// patterns have no flags). `tests/schema.rs` holds it and the loader to the same rows.
pub(super) fn pattern() -> String {
    let letters = |name: &str| -> String {
        let mut class = String::new();
        for c in name.chars() {
            class.push('[');
            class.push(c.to_ascii_uppercase());
            class.push(c.to_ascii_lowercase());
            class.push(']');
        }
        class
    };
    let offset = r"[+\-\u2212](?:(?:1[0-8]|0?[0-9])(?::[0-5][0-9])?|(?:1[0-8]|0[0-9])[0-5][0-9])";
    let universal = ["UTC", "UT", "GMT"].map(letters).join("|");
    let names: Vec<String> = ABBREVIATIONS.iter().map(|a| letters(a.name)).collect();
    let names = names.join("|");
    let single = format!(
        r"(?:(?:{universal})?\s*{offset}|{universal}|[Zz]|(?:{names})(?:\s*\(\s*(?:(?:{universal})?\s*{offset})\s*\))?)"
    );
    format!(r"^\s*(?:{single}|\(\s*{single}\s*\))\s*$")
}

/// A zone read at the start of `text` (lower-cased), with the bytes it took.
pub(super) struct ReadZone {
    pub(super) zone: Zone,
    pub(super) len: usize,
}

/// The zone at the start of `text`: `z` (glued to the clock only, `glued`), an offset, `UTC`
/// or `GMT` with an optional offset, an abbreviation, any of them in parentheses. An
/// abbreviation followed by an offset in parentheses takes that offset ("CST (UTC+08:00)").
/// `preferred` (the property's declared zone) picks the reading of an ambiguous abbreviation.
pub(super) fn read(text: &str, glued: bool, preferred: Option<Zone>) -> Option<ReadZone> {
    if let Some(rest) = text.strip_prefix('(') {
        let trimmed = rest.trim_start();
        let inner = read(trimmed, false, preferred)?;
        let after = trimmed.get(inner.len..)?;
        let close = after.trim_start().strip_prefix(')')?;
        return Some(ReadZone {
            zone: inner.zone,
            len: text.len() - close.len(),
        });
    }
    if glued && text.starts_with('z') && !next_is_letter(text, 1) {
        return Some(ReadZone {
            zone: Zone::UTC,
            len: 1,
        });
    }
    if let Some((minutes, len)) = offset(text) {
        return Some(ReadZone {
            zone: fixed(minutes, None),
            len,
        });
    }
    let word_len = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let word = text.get(..word_len)?;
    let entry = ABBREVIATIONS
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(word))?;
    let universal = entry.readings.len() == 1 && entry.readings.first().is_some_and(|r| r.0 == 0);
    if universal {
        // "UTC+5", "GMT-05:00".
        if let Some((minutes, len)) = offset(text.get(word_len..)?) {
            return Some(ReadZone {
                zone: fixed(minutes, None),
                len: word_len + len,
            });
        }
        return Some(ReadZone {
            zone: Zone::UTC,
            len: word_len,
        });
    }
    // An offset in parentheses beside the abbreviation says which reading is meant.
    let rest = text.get(word_len..)?;
    let spaces = rest.len() - rest.trim_start().len();
    if let Some(stated) = read(rest.trim_start(), false, None)
        .filter(|_| rest.trim_start().starts_with('('))
        .and_then(|read| read.zone.offset().map(|offset| (offset, read.len)))
    {
        let named = entry
            .readings
            .iter()
            .any(|&(minutes, _)| i64::from(minutes) * 60 == stated.0);
        let seconds = i32::try_from(stated.0).ok()?;
        return Some(ReadZone {
            zone: Zone::Offset {
                seconds,
                name: named.then_some(entry.name),
            },
            len: word_len + spaces + stated.1,
        });
    }
    let preferred = preferred.and_then(Zone::offset);
    let minutes = entry
        .readings
        .iter()
        .map(|&(minutes, _)| minutes)
        .find(|&minutes| Some(i64::from(minutes) * 60) == preferred)
        .or_else(|| entry.readings.first().map(|r| r.0))?;
    Some(ReadZone {
        zone: fixed(minutes, Some(entry.name)),
        len: word_len,
    })
}

fn fixed(minutes: i32, name: Option<&'static str>) -> Zone {
    Zone::Offset {
        seconds: minutes * 60,
        name,
    }
}

fn next_is_letter(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// A numeric offset at the start of `text`: a sign (`+`, `-` or `−`), then `HH`, `H`,
/// `HH:MM` or `HHMM`; minutes east of UTC and the bytes taken. At most ±18:00.
fn offset(text: &str) -> Option<(i32, usize)> {
    let (sign, rest) = if let Some(rest) = text.strip_prefix('+') {
        (1, rest)
    } else if let Some(rest) = text.strip_prefix('-') {
        (-1, rest)
    } else {
        (-1, text.strip_prefix('\u{2212}')?)
    };
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let hours_len = digits(rest);
    let (hours, minutes, used) = match hours_len {
        1 | 2 => {
            let hours: i32 = rest.get(..hours_len)?.parse().ok()?;
            let after = rest.get(hours_len..)?;
            match after.strip_prefix(':') {
                Some(tail) if digits(tail) == 2 => {
                    (hours, tail.get(..2)?.parse().ok()?, hours_len + 3)
                }
                Some(_) => return None,
                None => (hours, 0, hours_len),
            }
        }
        4 => (
            rest.get(..2)?.parse().ok()?,
            rest.get(2..4)?.parse().ok()?,
            4,
        ),
        _ => return None,
    };
    if hours > 18 || minutes > 59 || next_is_letter(rest, used) {
        return None;
    }
    Some((
        sign * (hours * 60 + minutes),
        text.len() - rest.len() + used,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> Option<(i64, Option<&'static str>, usize)> {
        read(text, true, None).map(|r| match r.zone {
            Zone::Offset { seconds, name } => (i64::from(seconds) / 60, name, r.len),
            Zone::Local => (i64::MIN, None, r.len),
        })
    }

    #[test]
    fn offsets_are_read_exactly() {
        assert_eq!(zone("-05:00"), Some((-300, None, 6)));
        assert_eq!(zone("+0530 rest"), Some((330, None, 5)));
        assert_eq!(zone("+5"), Some((300, None, 2)));
        assert_eq!(zone("\u{2212}06:00"), Some((-360, None, 8)));
        assert_eq!(zone("(-05:00)"), Some((-300, None, 8)));
        assert_eq!(zone("utc+5"), Some((300, None, 5)));
        assert_eq!(zone("gmt-05:00"), Some((-300, None, 9)));
        assert_eq!(zone("z"), Some((0, None, 1)));
        assert_eq!(zone("+19"), None, "no zone is 19 hours off");
        assert_eq!(zone("-5:0"), None);
        assert_eq!(
            zone("- dec 01"),
            None,
            "a dash before a date is not an offset"
        );
    }

    #[test]
    fn abbreviations_take_the_documented_reading() {
        assert_eq!(zone("est"), Some((-300, Some("EST"), 3)));
        assert_eq!(zone("cst"), Some((-360, Some("CST"), 3)));
        assert_eq!(zone("ist"), Some((330, Some("IST"), 3)));
        assert_eq!(zone("jst"), Some((540, Some("JST"), 3)));
        assert_eq!(zone("utc"), Some((0, None, 3)));
        assert_eq!(zone("estonia"), None);
    }

    #[test]
    fn an_ambiguous_abbreviation_follows_a_stated_offset_or_the_declared_zone() {
        assert_eq!(zone("cst (utc+08:00)"), Some((480, Some("CST"), 15)));
        assert_eq!(
            zone("est (-06:00)"),
            Some((-360, None, 12)),
            "the offset is exact; a name it does not fit is dropped"
        );
        let china = Zone::Offset {
            seconds: 8 * 3600,
            name: None,
        };
        let read = read("cst", false, Some(china)).map(|r| r.zone);
        assert_eq!(
            read,
            Some(Zone::Offset {
                seconds: 8 * 3600,
                name: Some("CST")
            })
        );
    }

    #[test]
    fn every_ambiguous_abbreviation_is_listed_with_its_readings() {
        let names: Vec<&str> = ambiguous().map(|(name, _)| name).collect();
        assert_eq!(names, ["CST", "AST", "BST", "IST"]);
    }
}
