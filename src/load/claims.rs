//! The raw claims file format (DESIGN 1.1): one source and its claims.
//!
//! Owns the serde types that mirror a claims file exactly, with spans, and reading one file
//! into them. Nothing is interpreted here: values stay as written, references are not
//! resolved, emptiness and duplicates are `normalize`'s to judge.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::files::{FileId, Span};
use crate::findings::{Code, Finding};
use crate::load::document::{self, Element, Partial};
use crate::load::raw::{
    self, ClaimRecord, ClaimsInput, Declared, Origin, SourceDecl, SourceRef, Text,
};
use crate::load::scalar::RawScalar;

/// A claims file: the source it draws from and the claims drawn.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClaimsFile {
    /// The source the claims are drawn from.
    pub source: RawSource,
    /// The claims, each under its own `[[claim]]` header.
    #[serde(default)]
    pub claim: Vec<RawClaim>,
}

/// The `[source]` table.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The source's id; defaults to the file name without `.toml`. Claims are addressed as
    /// `SOURCE#ID`.
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// Title of the document (required; checked in `normalize` so that a source missing it
    /// still anchors its relative dates).
    // Optional in the type so that a source without it still loads (`normalize` reports it);
    // required in the format. The schema's description leaves the note for developers out.
    #[schemars(
        with = "String",
        required,
        description = "Title of the document (required)."
    )]
    pub title: Option<Spanned<String>>,
    /// Who published it (required, like `title`).
    #[schemars(
        with = "String",
        required,
        description = "Who published it (required)."
    )]
    pub publisher: Option<Spanned<String>>,
    /// Who wrote it.
    #[schemars(with = "Option<String>")]
    pub author: Option<Spanned<String>>,
    /// When it was published ("2025", "2025-01", "2025-01-16"); anchors relative dates such
    /// as "on Thursday".
    #[schemars(with = "Option<RawScalar>")]
    pub published: Option<Spanned<RawScalar>>,
    /// Where it can be read.
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    /// When it was read.
    #[schemars(with = "Option<RawScalar>")]
    pub accessed: Option<Spanned<RawScalar>>,
    /// What kind of source: official, news, commentary, encyclopedia…
    #[schemars(with = "Option<String>")]
    pub kind: Option<Spanned<String>>,
    /// Path to the source's full text, relative to this file; quotes are checked against it.
    #[schemars(with = "Option<String>")]
    pub text: Option<Spanned<String>>,
    /// Ids of sources this one copies or excerpts: it does not count as independent of them.
    #[schemars(with = "Option<Vec<String>>")]
    pub derived_from: Option<Vec<Spanned<String>>>,
}

/// One `[[claim]]`: one thing a source says about one subject.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// A stable handle, unique within the file (kebab-case by habit).
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// What the claim is about ("Japan's mission to NATO").
    #[schemars(with = "String")]
    pub subject: Spanned<String>,
    /// What is said about it ("established").
    #[schemars(with = "String")]
    pub property: Spanned<String>,
    /// The value as the source states it ("2018", "late 1970s", "$55 billion", "ITPP").
    #[schemars(with = "RawScalar")]
    pub value: Spanned<RawScalar>,
    /// Context that may make two claims about different facts (`fiscal_year = "2019"`).
    #[schemars(with = "Option<BTreeMap<String, RawScalar>>")]
    pub qualifiers: Option<BTreeMap<Spanned<String>, Spanned<RawScalar>>>,
    /// A short verbatim quote from the source that supports the claim.
    #[schemars(with = "Option<String>")]
    pub quote: Option<Spanned<String>>,
    /// Whom the source attributes the claim to.
    #[schemars(with = "Option<String>")]
    pub cites: Option<Spanned<String>>,
}

/// A claims file as read: whatever could be loaded of it.
#[derive(Debug, Clone)]
pub struct LoadedClaimsFile {
    /// The file.
    pub file: FileId,
    /// The file name without `.toml`: the default source id.
    pub stem: String,
    /// The `[source]` table, if it loaded.
    pub source: Option<Element<RawSource>>,
    /// The claims that loaded, each with its 1-based position among all `[[claim]]` tables
    /// of the file (positions stay stable when an earlier claim fails to load).
    pub claims: Vec<(u32, Element<RawClaim>)>,
    /// The source's full text, when `[source] text` names a readable file.
    pub source_text: Option<Arc<str>>,
}

impl LoadedClaimsFile {
    /// The format-neutral records of the file: the source it declares (even when its
    /// `[source]` failed to load, so its claims still have one) and its claims. `text` is the
    /// file's text, for the literals of numbers and dates.
    #[must_use]
    pub fn into_records(self, text: &str) -> (SourceDecl, ClaimsInput) {
        let file = self.file;
        let spanned = |field: &Spanned<String>| spanned(file, field);
        let written = |field: &Spanned<RawScalar>| written(file, text, field);
        let mut decl = SourceDecl::empty(
            Declared::ClaimsFile,
            file,
            Text::from(self.stem.as_str()),
            Span::new(file, 0..0),
        );
        decl.required = &["title", "publisher"];
        decl.text = self.source_text;
        if let Some(element) = self.source {
            fill(&mut decl, element, text);
        }
        let claims = self
            .claims
            .into_iter()
            .map(|(ordinal, element)| {
                let claim = element.value;
                ClaimRecord {
                    source: SourceRef::File,
                    origin: Origin { file, ordinal },
                    span: Span::new(file, element.span),
                    id: claim.id.as_ref().map(spanned),
                    subject: spanned(&claim.subject),
                    property: spanned(&claim.property),
                    value: stated(file, text, &claim.value),
                    qualifiers: claim
                        .qualifiers
                        .iter()
                        .flatten()
                        .map(|(key, value)| (spanned(key), written(value)))
                        .collect(),
                    quote: claim.quote.as_ref().map(spanned),
                    cites: claim.cites.as_ref().map(spanned),
                }
            })
            .collect();
        (
            decl,
            ClaimsInput {
                file,
                claims,
                zone: None,
            },
        )
    }
}

/// Fills a declaration from a loaded `[source]` (or `[[source]]`) table of `text`.
pub fn fill(decl: &mut SourceDecl, element: Element<RawSource>, text: &str) {
    let file = decl.file;
    let spanned = |field: &Spanned<String>| spanned(file, field);
    let written = |field: &Spanned<RawScalar>| written(file, text, field);
    let source = element.value;
    decl.span = Span::new(file, element.header);
    decl.loaded = true;
    decl.set_aside = element.set_aside;
    decl.id = source.id.as_ref().map(spanned);
    decl.title = source.title.as_ref().map(spanned);
    decl.publisher = source.publisher.as_ref().map(spanned);
    decl.author = source.author.as_ref().map(spanned);
    decl.published = source.published.as_ref().map(written);
    decl.url = source.url.as_ref().map(spanned);
    decl.kind = source.kind.as_ref().map(spanned);
    decl.text_path = source.text.as_ref().map(spanned);
    decl.derived_from = source.derived_from.iter().flatten().map(spanned).collect();
}

/// A scalar as written, with its span.
fn written(file: FileId, text: &str, field: &Spanned<RawScalar>) -> raw::Spanned<Text> {
    let literal = text.get(field.span()).unwrap_or("");
    raw::Spanned::new(
        Text::from(field.get_ref().as_written(literal).as_ref()),
        Span::new(file, field.span()),
    )
}

/// A claim's value as the source states it, with its span: a TOML date-time keeps its time
/// ([`RawScalar::as_stated`]).
fn stated(file: FileId, text: &str, field: &Spanned<RawScalar>) -> raw::Spanned<Text> {
    let literal = text.get(field.span()).unwrap_or("");
    raw::Spanned::new(
        Text::from(field.get_ref().as_stated(literal).as_ref()),
        Span::new(file, field.span()),
    )
}

fn spanned(file: FileId, field: &Spanned<String>) -> raw::Spanned<Text> {
    raw::Spanned::new(
        Text::from(field.get_ref().as_str()),
        Span::new(file, field.span()),
    )
}

/// Reads one claims file, pushing every problem found.
pub fn read(
    file: FileId,
    stem: String,
    text: &str,
    problems: &mut Vec<Finding>,
) -> LoadedClaimsFile {
    let document::Parsed { mut root, broken } = document::parse(file, text, problems);
    let top_level = document::fields_of::<RawClaimsFile>();
    document::check_top_level(file, &mut root, top_level, "a claims file", problems);

    let source = if let Some(value) = root.remove("source") {
        document::element::<RawSource>(file, value, "[source]", &broken, Partial::Keep, problems)
    } else {
        problems.push(
            Finding::new(Code::LoadMissing, "this claims file has no [source] table")
                .with_help(
                    "start the file with `[source]` and at least `title = …` and `publisher = …`",
                )
                .at(Span::new(file, first_line(text)), "[source] expected"),
        );
        None
    };

    let mut claims = Vec::new();
    if let Some(value) = root.remove("claim") {
        for (index, item) in document::array_items(file, value, "claim", problems)
            .into_iter()
            .enumerate()
        {
            let position = u32::try_from(index + 1).unwrap_or(u32::MAX);
            if let Some(claim) = document::element::<RawClaim>(
                file,
                item,
                "[[claim]]",
                &broken,
                Partial::Reject,
                problems,
            ) {
                claims.push((position, claim));
            }
        }
    }

    LoadedClaimsFile {
        file,
        stem,
        source,
        claims,
        source_text: None,
    }
}

/// The first line of a text, or its first byte, for pointing at "the top of the file".
fn first_line(text: &str) -> Range<usize> {
    let end = text.find('\n').unwrap_or(text.len());
    if end == 0 {
        0..text.len().min(1)
    } else {
        0..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> (LoadedClaimsFile, Vec<Finding>) {
        let mut problems = Vec::new();
        let loaded = read(FileId(0), "src".into(), text, &mut problems);
        (loaded, problems)
    }

    #[test]
    fn a_valid_file_loads_with_spans() {
        let text = r#"
[source]
title = "T"
publisher = "P"
published = 2025-01-16

[[claim]]
id = "a"
subject = "Japan–NATO relations"
property = "first contact"
value = "late 1970s"
qualifiers = { nature = "informal" }
quote = "informal communications first taking place in the late 1970s"
"#;
        let (loaded, problems) = read_text(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(loaded.source.is_some());
        let (position, claim) = &loaded.claims[0];
        assert_eq!(*position, 1);
        assert_eq!(
            &text[claim.value.subject.span()],
            "\"Japan–NATO relations\""
        );
    }

    #[test]
    fn one_bad_claim_keeps_the_others_and_their_positions() {
        let text = "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\nsubject = \"a\"\n\n[[claim]]\nsubject = \"b\"\nproperty = \"p\"\nvalue = 1\n";
        let (loaded, problems) = read_text(text);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, Code::LoadMissing);
        assert_eq!(loaded.claims.len(), 1);
        assert_eq!(loaded.claims[0].0, 2);
    }

    #[test]
    fn every_wrong_value_of_a_table_is_reported() {
        let (loaded, problems) =
            read_text("[source]\ntitle = 5\npublisher = true\npublished = \"2025-01\"\nkind = 3\n");
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages.iter().all(|m| m.contains("must be a string")),
            "{messages:?}"
        );
        let source = loaded.source.expect("the source keeps its valid keys");
        assert!(source.value.published.is_some());
        assert_eq!(source.set_aside, vec!["kind", "publisher", "title"]);
    }

    #[test]
    fn a_claim_with_a_wrong_value_is_left_out_with_all_its_problems() {
        let (loaded, problems) = read_text(
            "[source]\ntitle = \"T\"\npublisher = \"P\"\n[[claim]]\nsubject = 1\nproperty = 2\nvalue = \"v\"\nqualifiers = { year = [1] }\n",
        );
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(loaded.claims.is_empty());
    }

    #[test]
    fn missing_source_and_unknown_top_level_keys_are_reported() {
        let (_, problems) =
            read_text("sources = 1\n[[claim]]\nsubject = \"a\"\nproperty = \"p\"\nvalue = 1\n");
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, vec![Code::LoadUnknownKey, Code::LoadMissing]);
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `source`?"));
    }
}
