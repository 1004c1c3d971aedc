//! JSON Lines: one JSON object per line, its keys the columns of a long table.
//!
//! Owns reading each line as an object whose values keep their place in the text (so a
//! finding points at the value's line and column), the value forms a cell may take (a string,
//! a number or a boolean as written, `null` for an absent cell), and a nested `qualifiers`
//! object beside `qualifier.KEY` keys. A line that is not an object is a located finding and
//! the next line is read. An unknown key is reported once per file and its values ignored.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use rustc_hash::FxHashSet;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::findings::{Code, Finding};

use super::columns::Field;
use super::{Builder, Cells, bom, invalid_utf8, unknown_column};

/// One object: its keys with their raw values, in order, at most
/// [`MAX_COLUMNS`](super::delimited::MAX_COLUMNS) of them (a line of a million keys must not
/// become a million entries).
struct Object<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Object<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectVisitor)
    }
}

struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Object<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object<'de>, A::Error> {
        let max = super::delimited::MAX_COLUMNS;
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if entries.len() == max {
                return Err(de::Error::custom(format!("more than {max} keys")));
            }
            let value: &'de RawValue = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Object(entries))
    }
}

/// Reads every line of the builder's text.
pub fn read(builder: &mut Builder<'_>, problems: &mut Vec<Finding>) {
    let text = &*builder.decoded.text;
    let mut unknown: FxHashSet<String> = FxHashSet::default();
    let mut at = bom(text);
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..end].trim_end_matches('\r');
        let range = at..at + line.len();
        at = end + 1;
        if line.trim().is_empty() {
            continue;
        }
        builder.ordinal += 1;
        if let Some(bad) = builder.decoded.invalid_in(range.clone()) {
            problems.push(invalid_utf8(builder.span(bad..bad + '\u{FFFD}'.len_utf8())));
            continue;
        }
        let object: Object<'_> = match serde_json::from_str(line) {
            Ok(object) => object,
            Err(error) => {
                problems.push(not_an_object(builder, line, range.start, &error));
                continue;
            }
        };
        let mut cells = Cells::default();
        let mut readable = true;
        for (key, raw) in &object.0 {
            let nested = key.eq_ignore_ascii_case("qualifiers");
            if nested {
                readable &= qualifiers(builder, text, raw, &mut cells, problems);
                continue;
            }
            let Some(field) = Field::of(key) else {
                if unknown.insert(key.to_string()) {
                    let span = builder.span(place(text, raw.get()));
                    problems.push(unknown_column(key, span));
                }
                continue;
            };
            let range = place(text, raw.get());
            match cell(raw) {
                Ok(Some(value)) => cells.set(&field, builder.span(range.clone()), range, value),
                Ok(None) => {}
                Err(found) => {
                    problems.push(not_a_scalar(builder, field.name(), found, range));
                    readable = false;
                }
            }
        }
        if readable {
            builder.push(range, cells, problems);
        }
    }
}

/// A nested `qualifiers` object's cells; whether it could be read.
fn qualifiers<'a>(
    builder: &Builder<'_>,
    text: &'a str,
    raw: &'a RawValue,
    cells: &mut Cells<'a>,
    problems: &mut Vec<Finding>,
) -> bool {
    let range = place(text, raw.get());
    let Ok(object) = serde_json::from_str::<Object<'a>>(raw.get()) else {
        problems.push(
            Finding::new(Code::LoadType, "`qualifiers` must be an object")
                .with_help("write the qualifiers as {\"fiscal_year\": \"2019\"}")
                .at(builder.span(range), "not an object"),
        );
        return false;
    };
    let mut readable = true;
    for (key, value) in object.0 {
        let range = place(text, value.get());
        match cell(value) {
            Ok(Some(cell)) => cells.set(
                &Field::Qualifier(key.trim().to_owned()),
                builder.span(range.clone()),
                range,
                cell,
            ),
            Ok(None) => {}
            Err(found) => {
                problems.push(not_a_scalar(builder, &key, found, range));
                readable = false;
            }
        }
    }
    readable
}

/// A cell's text: a string's contents, a number's or a boolean's literal; `None` for `null`;
/// what it is instead when it is an array or an object.
fn cell(raw: &RawValue) -> Result<Option<Cow<'_, str>>, &'static str> {
    let written = raw.get();
    match written.as_bytes().first() {
        Some(b'"') => Ok(serde_json::from_str::<Cow<'_, str>>(written).ok()),
        Some(b'[') => Err("an array"),
        Some(b'{') => Err("an object"),
        Some(b'n') => Ok(None),
        _ => Ok(Some(Cow::Borrowed(written))),
    }
}

/// Where `inner`, a slice of `outer`, lies in it.
fn place(outer: &str, inner: &str) -> Range<usize> {
    let start = (inner.as_ptr() as usize).wrapping_sub(outer.as_ptr() as usize);
    match outer.get(start..start.saturating_add(inner.len())) {
        Some(found) if std::ptr::eq(found.as_ptr(), inner.as_ptr()) => start..start + inner.len(),
        _ => 0..0,
    }
}

fn not_an_object(
    builder: &Builder<'_>,
    line: &str,
    start: usize,
    error: &serde_json::Error,
) -> Finding {
    // serde_json counts columns in characters from 1.
    let column = error.column().saturating_sub(1);
    let offset = line
        .char_indices()
        .nth(column)
        .map_or(line.len(), |(i, _)| i);
    let width = line[offset..].chars().next().map_or(0, char::len_utf8);
    let message = error.to_string();
    let reason = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(reason, _)| reason);
    Finding::new(
        Code::LoadRow,
        format!("this line is not a JSON object: {reason}"),
    )
    .with_help("write one JSON object per line: {\"source\": \"…\", \"subject\": \"…\", \"property\": \"…\", \"value\": \"…\"}")
    .at(
        builder.span(start + offset..start + offset + width),
        "not JSON here",
    )
}

fn not_a_scalar(builder: &Builder<'_>, key: &str, found: &str, range: Range<usize>) -> Finding {
    Finding::new(
        Code::LoadType,
        format!("`{key}` must be a string, a number or a boolean, found {found}"),
    )
    .with_help("a cell holds one value: write each value as its own line")
    .at(builder.span(range), "not a single value")
}
