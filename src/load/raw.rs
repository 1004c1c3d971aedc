//! Raw records every input format fills: what a source declares and what a claim states, as
//! written, with spans.
//!
//! Owns the format-neutral shape between reading and normalizing: a TOML claims file and a
//! table both become [`SourceDecl`]s and [`ClaimRecord`]s, so `normalize` never sees a TOML
//! type and never learns a source from a file's position. A claim names its source by
//! [`SourceRef`]: the source its file declares (a TOML claims file), or an id written beside it
//! (a table row), resolved by id in `normalize`. Nothing here interprets or checks a value.

use std::sync::Arc;

use crate::files::{FileId, Span};

/// A value with the span where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it is written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// A value written at `span`.
    #[must_use]
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// Text as read: shared, because subjects, properties and source ids repeat across rows.
pub type Text = Arc<str>;

/// Which source a claim belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceRef {
    /// The source its file declares (a TOML claims file's `[source]`, or the file's stem).
    File,
    /// The source with this id, written beside the claim (a table's `source` column).
    Id(Spanned<Text>),
}

/// Where a claim comes from: its file, and its 1-based ordinal there (the `[[claim]]` table's
/// position, or the table row's number counted from the first row after the header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Origin {
    /// The file.
    pub file: FileId,
    /// The 1-based ordinal.
    pub ordinal: u32,
}

/// One claim as written.
#[derive(Debug, Clone)]
pub struct ClaimRecord {
    /// Whose claim it is.
    pub source: SourceRef,
    /// Where it is.
    pub origin: Origin,
    /// The whole claim (the `[[claim]]` table, the row).
    pub span: Span,
    /// Its id, when written.
    pub id: Option<Spanned<Text>>,
    /// What it is about.
    pub subject: Spanned<Text>,
    /// What is said about it.
    pub property: Spanned<Text>,
    /// The value as written, trimmed (a TOML number's literal, a cell's text).
    pub value: Spanned<Text>,
    /// Qualifiers `(key, value)` in the order written; values as written, trimmed.
    pub qualifiers: Vec<(Spanned<Text>, Spanned<Text>)>,
    /// The supporting quote.
    pub quote: Option<Spanned<Text>>,
    /// Whom the source attributes the claim to.
    pub cites: Option<Spanned<Text>>,
}

/// What declares a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// A TOML claims file, for its own claims.
    ClaimsFile,
    /// The sources table, for claims anywhere.
    SourcesTable,
}

/// One source as declared: a TOML claims file's `[source]` (or its absence), an entry of the
/// sources table.
#[derive(Debug, Clone)]
pub struct SourceDecl {
    /// What declares it.
    pub declared_in: Declared,
    /// The file that declares it.
    pub file: FileId,
    /// The id when none is written (a claims file's stem).
    pub default_id: Text,
    /// The declaration (the `[source]` header, the row), or the top of the file when the
    /// declaration failed to load.
    pub span: Span,
    /// Whether the declaration loaded: a missing one reports nothing more.
    pub loaded: bool,
    /// The fields this format requires (`title`, `publisher` in a TOML `[source]`).
    pub required: &'static [&'static str],
    /// Fields left out for a wrong value (already reported): not missing.
    pub set_aside: Vec<String>,
    /// The id, when written.
    pub id: Option<Spanned<Text>>,
    /// Title.
    pub title: Option<Spanned<Text>>,
    /// Publisher.
    pub publisher: Option<Spanned<Text>>,
    /// Author.
    pub author: Option<Spanned<Text>>,
    /// Publication date, as written.
    pub published: Option<Spanned<Text>>,
    /// Where it can be read.
    pub url: Option<Spanned<Text>>,
    /// Kind (news, official…).
    pub kind: Option<Spanned<Text>>,
    /// The path of its full text, as written.
    pub text_path: Option<Spanned<Text>>,
    /// Ids of the sources it copies or excerpts.
    pub derived_from: Vec<Spanned<Text>>,
    /// Its full text, when `text_path` names a readable file.
    pub text: Option<Arc<str>>,
}

impl SourceDecl {
    /// A declaration in `file` with nothing but a default id, at `span`.
    #[must_use]
    pub fn empty(declared_in: Declared, file: FileId, default_id: Text, span: Span) -> Self {
        Self {
            declared_in,
            file,
            default_id,
            span,
            loaded: false,
            required: &[],
            set_aside: Vec::new(),
            id: None,
            title: None,
            publisher: None,
            author: None,
            published: None,
            url: None,
            kind: None,
            text_path: None,
            derived_from: Vec::new(),
            text: None,
        }
    }

    /// The id: as written, else the default.
    #[must_use]
    pub fn id(&self) -> &str {
        self.id
            .as_ref()
            .map_or(&*self.default_id, |id| id.value.trim())
    }
}

/// The claims one input file holds.
#[derive(Debug, Clone)]
pub struct ClaimsInput {
    /// The file.
    pub file: FileId,
    /// Its claims, in the order written.
    pub claims: Vec<ClaimRecord>,
    /// The zone of its date-times stated without one, as written (a `[[table]]`'s `zone`).
    pub zone: Option<Spanned<Text>>,
}
