//! A scalar as written in TOML: a string, a number, a boolean or a date.
//!
//! Owns only the shape. Claim values stay raw here: "2014", `2014` and `2014-01-01` are all
//! kept as written, and `normalize` decides what they mean (STYLE: parse meaning in
//! `normalize`, not in serde).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// A scalar TOML value.
#[derive(Debug, Clone, PartialEq)]
pub enum RawScalar {
    /// A string.
    String(String),
    /// An integer.
    Integer(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Boolean(bool),
    /// A TOML date, time or date-time.
    Datetime(toml::value::Datetime),
}

impl RawScalar {
    /// The value as the user wrote it, trimmed: the string's contents, or the literal's
    /// source text (`literal`, the bytes its span covers) for numbers and booleans, so that
    /// `1_000` reaches messages exactly as typed. A TOML date-time is read as its date
    /// (`2025-01-16T10:00:00Z` is the 16th): claims are dated to the day.
    #[must_use]
    pub fn as_written<'a>(&'a self, literal: &'a str) -> Cow<'a, str> {
        match self {
            RawScalar::String(text) => Cow::Borrowed(text.trim()),
            RawScalar::Datetime(datetime) => datetime
                .date
                .filter(|_| datetime.time.is_some())
                .map_or(Cow::Borrowed(literal.trim()), |date| {
                    Cow::Owned(date.to_string())
                }),
            _ => Cow::Borrowed(literal.trim()),
        }
    }

    /// The value as the source states it: [`as_written`](Self::as_written), except that a
    /// TOML date-time keeps its time and offset as written (`2025-01-16T10:00:00Z`), for
    /// claim values, which may be date-times (README, "Times of day").
    #[must_use]
    pub fn as_stated<'a>(&'a self, literal: &'a str) -> Cow<'a, str> {
        match self {
            RawScalar::Datetime(_) => Cow::Borrowed(literal.trim()),
            _ => self.as_written(literal),
        }
    }

    /// The TOML type name, for messages.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            RawScalar::String(_) => "a string",
            RawScalar::Integer(_) => "an integer",
            RawScalar::Float(_) => "a float",
            RawScalar::Boolean(_) => "a boolean",
            RawScalar::Datetime(_) => "a date",
        }
    }
}

// Hand-written: what a scalar may be is the TOML grammar's, not a Rust type's. Editors that
// check TOML against a JSON Schema (taplo, and Even Better TOML which runs it) turn the
// document into JSON first, and a TOML date becomes its text there (`2025-04-08` is the string
// "2025-04-08"), so "string" covers dates too.
impl JsonSchema for RawScalar {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("Scalar")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed(concat!(module_path!(), "::RawScalar"))
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A string, a number, a boolean or a bare TOML date (which JSON Schema tools see as a string).",
            "type": ["string", "number", "boolean"]
        })
    }
}

impl<'de> Deserialize<'de> for RawScalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = RawScalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number, boolean or date")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawScalar, E> {
        Ok(RawScalar::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<RawScalar, E> {
        Ok(RawScalar::String(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawScalar, E> {
        Ok(RawScalar::Integer(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawScalar, E> {
        i64::try_from(v)
            .map(RawScalar::Integer)
            .map_err(|_| E::custom("integer too large"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawScalar, E> {
        Ok(RawScalar::Float(v))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawScalar, E> {
        Ok(RawScalar::Boolean(v))
    }

    // toml hands dates over as a one-entry map under a private key; any other map is a
    // table, which is not a scalar.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawScalar, A::Error> {
        const DATETIME: &str = "$__toml_private_datetime";
        match map.next_key::<String>()? {
            Some(key) if key == DATETIME => {
                let text: String = map.next_value()?;
                text.parse::<toml::value::Datetime>()
                    .map(RawScalar::Datetime)
                    .map_err(de::Error::custom)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Doc {
        v: Vec<RawScalar>,
    }

    #[test]
    fn every_scalar_kind_is_kept_raw() {
        let doc: Doc = toml::from_str("v = [\"late 1970s\", 2014, 2.5, true, 2025-04-08]").unwrap();
        assert_eq!(doc.v[0], RawScalar::String("late 1970s".into()));
        assert_eq!(doc.v[1], RawScalar::Integer(2014));
        assert_eq!(doc.v[2], RawScalar::Float(2.5));
        assert_eq!(doc.v[3], RawScalar::Boolean(true));
        assert!(matches!(doc.v[4], RawScalar::Datetime(_)));
    }

    #[test]
    fn tables_and_arrays_are_rejected() {
        assert!(toml::from_str::<Doc>("v = [[1]]").is_err());
        let table = toml::from_str::<Doc>("v = [{a = 1}]")
            .map(|_| ())
            .unwrap_err();
        assert!(
            table.message().contains("invalid type: map"),
            "{}",
            table.message()
        );
    }

    #[test]
    fn dates_with_times_are_kept() {
        let doc: Doc = toml::from_str("v = [2025-01-16T10:00:00Z, 10:30:00]").unwrap();
        assert!(matches!(doc.v[0], RawScalar::Datetime(_)));
        assert!(matches!(doc.v[1], RawScalar::Datetime(_)));
    }

    #[test]
    fn as_written_prefers_the_literal_for_non_strings() {
        assert_eq!(RawScalar::Integer(1000).as_written("1_000"), "1_000");
        assert_eq!(RawScalar::String(" x ".into()).as_written("\" x \""), "x");
        let moment: toml::value::Datetime = "2025-01-16T10:00:00Z".parse().unwrap();
        assert_eq!(
            RawScalar::Datetime(moment).as_written("2025-01-16T10:00:00Z"),
            "2025-01-16"
        );
        assert_eq!(
            RawScalar::Datetime(moment).as_stated("2025-01-16T10:00:00Z"),
            "2025-01-16T10:00:00Z",
            "a claim value keeps its time"
        );
        assert_eq!(RawScalar::Integer(1000).as_stated("1_000"), "1_000");
    }
}
