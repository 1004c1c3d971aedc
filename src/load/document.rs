//! TOML documents read element by element, with spans and every problem collected.
//!
//! Owns the bridge between toml's spanned document tree and the raw serde types: a document
//! is parsed once with error recovery, then each element (`[source]`, every `[[claim]]`, every
//! `[[entity]]`…) is deserialized on its own, so one bad claim neither hides the others nor
//! stops the file. Every unknown key of an element is reported, with a suggestion; other
//! serde errors become located findings. It knows nothing of what the elements mean.

use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Visitor};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::files::{FileId, Span};
use crate::findings::{Code, Finding};
use crate::suggest;

/// A parsed document: what could be recovered, and where the syntax errors are.
#[derive(Debug)]
pub struct Parsed<'a> {
    /// The top-level table.
    pub root: DeTable<'a>,
    /// Byte offsets of the syntax errors; an element containing one is not loaded, since
    /// what the parser recovered there is a guess.
    pub broken: Vec<usize>,
}

/// Parses a TOML document, pushing one finding per syntax error.
///
/// The returned table holds whatever could be recovered, so the valid parts of a file with a
/// syntax error are still checked.
pub fn parse<'a>(file: FileId, text: &'a str, problems: &mut Vec<Finding>) -> Parsed<'a> {
    let (root, errors) = DeTable::parse_recoverable(text);
    let mut broken = Vec::with_capacity(errors.len());
    for error in errors {
        let range = error.span().unwrap_or(0..0);
        broken.push(range.start);
        let span = Span::new(file, widen_empty(range, text));
        problems.push(
            Finding::new(
                Code::LoadSyntax,
                format!("invalid TOML: {}", error.message().trim()),
            )
            .with_help("fix the TOML syntax here; the rest of the file was still checked")
            .at(span, "TOML syntax error"),
        );
    }
    Parsed {
        root: root.into_inner(),
        broken,
    }
}

/// Reports every top-level key that is not one of `allowed`, and removes it.
pub fn check_top_level(
    file: FileId,
    table: &mut DeTable<'_>,
    allowed: &[&str],
    what: &str,
    problems: &mut Vec<Finding>,
) {
    let unknown: Vec<(String, Range<usize>)> = table
        .iter()
        .filter(|(key, _)| !allowed.contains(&key.get_ref().as_ref()))
        .map(|(key, _)| (key.get_ref().to_string(), key.span()))
        .collect();
    let mut unknown = unknown;
    unknown.sort_by_key(|(_, span)| span.start);
    for (key, span) in unknown {
        table.remove(key.as_str());
        problems.push(unknown_key(file, &key, span, allowed, what));
    }
}

/// One deserialized element with the span it covers in its file.
#[derive(Debug, Clone)]
pub struct Element<T> {
    /// The element.
    pub value: T,
    /// From its header (or first key) to the end of its last value.
    pub span: Range<usize>,
    /// Its header (`[[claim]]`) or, for inline tables, the whole table.
    pub header: Range<usize>,
    /// Keys left out for a wrong value (already reported), with [`Partial::Keep`].
    pub set_aside: Vec<String>,
}

/// What to do with an element that has wrong values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partial {
    /// Leave it out: a claim or a rule missing one of its keys would mean something else.
    Reject,
    /// Keep it without the wrong keys: the `[source]` table, whose keys are independent
    /// metadata (a bad `kind` must not lose the `published` date).
    Keep,
}

/// Deserializes a table-valued element into `T`.
///
/// Reports every key `T` does not have (with a suggestion) and drops it. Then every wrong
/// value is reported: after each error the offending key is set aside and the rest tried
/// again, since serde stops at the first. Missing keys are reported too. With
/// [`Partial::Reject`] an element with any error is left out.
pub fn element<'a, T>(
    file: FileId,
    value: Spanned<DeValue<'a>>,
    what: &str,
    broken: &[usize],
    partial: Partial,
    problems: &mut Vec<Finding>,
) -> Option<Element<T>>
where
    T: Deserialize<'a>,
{
    let header = value.span();
    let mut table = match value.into_inner() {
        DeValue::Table(table) => table,
        other => {
            problems.push(
                Finding::new(
                    Code::LoadType,
                    format!("{what} must be a table, found {}", other.type_str()),
                )
                .with_help(format!("write it as a TOML table: {}", table_example(what)))
                .at(Span::new(file, header.clone()), "not a table"),
            );
            return None;
        }
    };
    let span = extent(&table, header.clone());
    if broken.iter().any(|&at| span.start <= at && at <= span.end) {
        return None;
    }
    let fields = fields_of::<T>();
    if !fields.is_empty() {
        check_top_level(file, &mut table, fields, what, problems);
    }
    let keys = value_keys(&table);
    let mut set_aside: Vec<String> = Vec::new();
    // Each round either succeeds, or sets a key aside, or stops: at most one round per key.
    for _ in 0..=keys.len() {
        let attempt = Spanned::new(header.clone(), DeValue::Table(table.clone()));
        let error = match T::deserialize(ValueDeserializer::from(attempt)) {
            Ok(value) if set_aside.is_empty() || partial == Partial::Keep => {
                return Some(Element {
                    value,
                    span,
                    header,
                    set_aside,
                });
            }
            Ok(_) => return None,
            Err(error) => error,
        };
        let mut finding = from_toml_error(file, &error, what, header.clone());
        let key = error
            .span()
            .and_then(|at| keys.iter().find(|(_, span)| *span == at))
            .map(|(key, _)| key.clone());
        if let Some(key) = &key {
            name_the_key(&mut finding, error.message(), key);
        }
        // A key set aside for a wrong value is missing now: that is not news.
        let repeated = finding.code == Code::LoadMissing
            && set_aside
                .iter()
                .any(|k| finding.message.ends_with(&format!("`{k}`")));
        if !repeated {
            problems.push(finding);
        }
        let top = key
            .as_deref()
            .map(|k| k.split('.').next().unwrap_or(k).to_owned());
        match top {
            Some(top) if table.remove(top.as_str()).is_some() => set_aside.push(top),
            _ => return None,
        }
    }
    None
}

/// The items of an array-of-tables key (`[[claim]]`), or a finding when the key holds
/// something else.
pub fn array_items<'a>(
    file: FileId,
    value: Spanned<DeValue<'a>>,
    key: &str,
    problems: &mut Vec<Finding>,
) -> Vec<Spanned<DeValue<'a>>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items.into_iter().collect(),
        other => {
            problems.push(
                Finding::new(
                    Code::LoadType,
                    format!(
                        "`{key}` must be an array of tables, found {}",
                        other.type_str()
                    ),
                )
                .with_help(format!("write each entry under its own `[[{key}]]` header"))
                .at(Span::new(file, span), "not an array of tables"),
            );
            Vec::new()
        }
    }
}

/// A finding from a toml/serde error, classified by what went wrong.
#[must_use]
pub fn from_toml_error(
    file: FileId,
    error: &toml::de::Error,
    what: &str,
    fallback: Range<usize>,
) -> Finding {
    let message = error.message().trim();
    let range = error.span().unwrap_or(fallback);
    let span = Span::new(file, range);
    let quoted = backticked(message);
    if let Some(rest) = message.strip_prefix("unknown field") {
        let expected: Vec<&str> = quoted.iter().skip(1).copied().collect();
        let name = quoted.first().copied().unwrap_or(rest);
        return Finding::new(
            Code::LoadUnknownKey,
            format!("unknown key `{name}` in {what}"),
        )
        .with_help(suggest::help_for(name, &expected, "key"))
        .at(span, "unknown key");
    }
    if message.starts_with("unknown variant") {
        let expected: Vec<&str> = quoted.iter().skip(1).copied().collect();
        let name = quoted.first().copied().unwrap_or("");
        return Finding::new(
            Code::LoadType,
            format!("`{name}` is not an allowed value here"),
        )
        .with_help(suggest::help_for(name, &expected, "value"))
        .at(span, "not an allowed value");
    }
    if message.starts_with("missing field") {
        let name = quoted.first().copied().unwrap_or("?");
        return Finding::new(Code::LoadMissing, format!("{what} has no `{name}`"))
            .with_help(format!("add `{name} = …`; it is required"))
            .at(span, format!("`{name}` missing here"));
    }
    Finding::new(Code::LoadType, format!("in {what}: {message}"))
        .with_help("see the file format in the README")
        .at(span, "wrong type")
}

/// A finding for one unknown key, suggesting the closest allowed one.
#[must_use]
pub fn unknown_key(
    file: FileId,
    key: &str,
    span: Range<usize>,
    allowed: &[&str],
    what: &str,
) -> Finding {
    Finding::new(
        Code::LoadUnknownKey,
        format!("unknown key `{key}` in {what}"),
    )
    .with_help(suggest::help_for(key, allowed, "key"))
    .at(Span::new(file, span), "unknown key")
}

/// The names of a struct's fields, as serde sees them (after renames).
///
/// Asks the type's `Deserialize` impl, so the list can never drift from the struct.
#[must_use]
pub fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// A deserializer that records the field list a struct asks for, then stops.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("field names only"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("field names only"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// Every key of a table and of its inline tables (`qualifiers.year`), with its value's span.
fn value_keys(table: &DeTable<'_>) -> Vec<(String, Range<usize>)> {
    let mut keys = Vec::new();
    for (key, value) in table {
        keys.push((key.get_ref().to_string(), value.span()));
        if let DeValue::Table(inner) = value.get_ref() {
            for (inner_key, inner_value) in inner {
                keys.push((
                    format!("{}.{}", key.get_ref(), inner_key.get_ref()),
                    inner_value.span(),
                ));
            }
        }
    }
    keys
}

/// Rewrites serde's "invalid type: X, expected Y" as "`key` must be Y, found X", with a hint
/// for the one mistake that is about modelling rather than syntax: several values in one claim.
fn name_the_key(finding: &mut Finding, message: &str, key: &str) {
    let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.split_once(", expected "))
    else {
        return;
    };
    // serde names Rust's number types; a TOML user knows integers and numbers.
    let expected = match expected {
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => "an integer",
        "f32" | "f64" => "a number",
        other => other,
    };
    let found = match found.split_whitespace().next().unwrap_or(found) {
        "sequence" => "an array".to_owned(),
        "map" => "a table".to_owned(),
        "integer" => "an integer".to_owned(),
        "floating" => "a float".to_owned(),
        "boolean" => "a boolean".to_owned(),
        "string" => "a string".to_owned(),
        other => other.to_owned(),
    };
    finding.message = format!("`{key}` must be {expected}, found {found}");
    finding.help = Some(if key == "value" && found == "an array" {
        "a claim states one value: write each value as its own [[claim]] (and declare the \
         property `cardinality = \"multi\"` in rules.toml if it has several)"
            .to_owned()
    } else {
        format!("write `{key}` as {expected}")
    });
}

/// The span from an element's header to the end of its last key or value.
fn extent(table: &DeTable<'_>, header: Range<usize>) -> Range<usize> {
    table.iter().fold(header, |acc, (key, value)| {
        acc.start.min(key.span().start)..acc.end.max(value.span().end).max(key.span().end)
    })
}

/// The words between backticks in a serde message, in order.
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// An empty span widened to one character, so that a label has something to underline: the
/// character at the position, or the one before it at the end of a line or of the input.
fn widen_empty(range: Range<usize>, text: &str) -> Range<usize> {
    if !range.is_empty() {
        return range;
    }
    let at = range.start.min(text.len());
    match text.get(at..).and_then(|rest| rest.chars().next()) {
        Some(c) if c != '\n' && c != '\r' => at..at + c.len_utf8(),
        _ => text
            .get(..at)
            .and_then(|before| before.char_indices().next_back())
            .map_or(at..at, |(i, c)| i..i + c.len_utf8()),
    }
}

fn table_example(what: &str) -> String {
    let name = what.trim_matches(|c| c == '[' || c == ']');
    format!("`[[{name}]]` followed by `key = value` lines")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        subject: Spanned<String>,
        #[serde(rename = "type")]
        kind: Option<String>,
    }

    #[test]
    fn field_names_come_from_serde() {
        assert_eq!(fields_of::<Probe>(), &["subject", "type"]);
    }

    fn items(text: &str) -> (Vec<Option<Element<Probe>>>, Vec<Finding>) {
        let mut problems = Vec::new();
        let mut parsed = parse(FileId(0), text, &mut problems);
        let claims = parsed.root.remove("claim").expect("claims");
        let found = array_items(FileId(0), claims, "claim", &mut problems)
            .into_iter()
            .map(|item| {
                element::<Probe>(
                    FileId(0),
                    item,
                    "claim",
                    &parsed.broken,
                    Partial::Reject,
                    &mut problems,
                )
            })
            .collect();
        (found, problems)
    }

    #[test]
    fn every_unknown_key_is_reported_and_the_rest_still_loads() {
        let (found, problems) = items("[[claim]]\nsubjet = 1\nsubject = \"a\"\ntyp = 2\nzzz = 3\n");
        assert!(
            found[0].is_some(),
            "the element loads without its unknown keys"
        );
        let codes: Vec<_> = problems.iter().map(|p| (p.code, p.help.clone())).collect();
        assert_eq!(
            codes,
            vec![
                (Code::LoadUnknownKey, Some("did you mean `subject`?".into())),
                (Code::LoadUnknownKey, Some("did you mean `type`?".into())),
                (
                    Code::LoadUnknownKey,
                    Some("expected one of `subject`, `type`".into())
                ),
            ]
        );
    }

    #[test]
    fn wrong_type_and_missing_key_point_at_their_spans() {
        let text = "[[claim]]\nsubject = 3\n\n[[claim]]\ntype = \"x\"\n";
        let (found, problems) = items(text);
        assert!(found.iter().all(Option::is_none));
        assert_eq!(problems[0].code, Code::LoadType);
        assert_eq!(
            problems[0].message,
            "`subject` must be a string, found an integer"
        );
        assert_eq!(&text[problems[0].locations[0].span.range()], "3");
        assert_eq!(problems[1].code, Code::LoadMissing);

        assert_eq!(&text[problems[1].locations[0].span.range()], "[[claim]]");
    }

    #[test]
    fn number_types_are_named_as_toml_names_them() {
        let mut problems = Vec::new();
        let _ = crate::load::rules::read(
            FileId(0),
            "[names]\nmin_length = 2.5\n[copies]\nmin_fraction = \"x\"\n",
            &mut problems,
        );
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`min_length` must be an integer, found a float",
                "`min_fraction` must be a number, found a string"
            ]
        );
    }

    #[test]
    fn syntax_errors_are_all_collected() {
        let mut problems = Vec::new();
        let _ = parse(FileId(0), "a = \"x\nb = 1 2\n[c\n", &mut problems);
        assert!(problems.len() >= 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.code == Code::LoadSyntax));
        assert!(
            problems
                .iter()
                .all(|p| !p.locations[0].span.range().is_empty())
        );
    }

    #[test]
    fn an_element_with_a_syntax_error_is_not_loaded() {
        let text = "[[claim]]\nsubject = \"a\"\n\n[[claim]]\nsubject = a b\n";
        let (found, problems) = items(text);
        assert!(found[0].is_some());
        assert!(found[1].is_none(), "recovered values are guesses");
        assert!(problems.iter().all(|p| p.code == Code::LoadSyntax));
    }

    #[test]
    fn an_empty_error_span_underlines_the_character_there() {
        let text = "subject = \"S\" x\n";
        let at = text.find('x').unwrap();
        assert_eq!(&text[widen_empty(at..at, text)], "x");
        let end = text.len() - 1;
        assert_eq!(
            &text[widen_empty(end..end, text)],
            "x",
            "at a line end, the one before"
        );
    }

    #[test]
    fn element_span_covers_the_whole_table() {
        let text = "[[claim]]\nsubject = \"a\"\ntype = \"b\"\n";
        let (found, _) = items(text);
        let element = found[0].as_ref().expect("loads");
        assert_eq!(&text[element.header.clone()], "[[claim]]");
        assert_eq!(&text[element.span.clone()], text.trim_end());
    }
}
