//! Claims as long tables: CSV, TSV and JSON Lines files, optionally `.gz` or `.zst`
//! compressed, one claim per row.
//!
//! Owns which files are tables (by extension), and turning a table's rows into
//! [`ClaimRecord`]s: the header (or, in JSON Lines, each object's keys) names the columns
//! ([`columns`]), every cell keeps the span of its bytes so a finding points at
//! `file:row:column`, and every bad row (wrong number of cells, bad quoting, invalid UTF-8, a
//! line that is not a JSON object, a missing required cell) is a located finding while the rest
//! of the file is still read. Repeated strings (sources, subjects, properties, qualifiers) are
//! shared, not copied per row. A cell is text: its value goes through the same normalizers as
//! a TOML value. Nothing here interprets a value.

pub mod columns;
pub mod decode;
pub mod delimited;
pub mod files;
pub mod jsonl;
pub mod wide;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use rustc_hash::FxHashSet;

use crate::files::{FileId, Span};
use crate::findings::{Code, Finding};
use crate::load::raw::{ClaimRecord, ClaimsInput, Origin, SourceRef, Spanned, Text};

use self::columns::Field;
use self::decode::{Compression, Decoded};
use self::delimited::Dialect;

/// How a table file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Delimited text with a header row.
    Delimited(Dialect),
    /// One JSON object per line.
    JsonLines,
}

/// A table file's format and compression, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// The layout.
    pub format: Format,
    /// The compression.
    pub compression: Compression,
}

impl Kind {
    /// The kind a file name says (`claims.csv`, `rows.jsonl.gz`), if it names a table.
    #[must_use]
    pub fn of(path: &Path) -> Option<Kind> {
        let name = path.file_name()?.to_str()?;
        let (compression, rest) = Compression::of(name);
        let (_, extension) = rest.rsplit_once('.')?;
        let format = match extension.to_ascii_lowercase().as_str() {
            "csv" => Format::Delimited(Dialect::Csv),
            "tsv" | "tab" => Format::Delimited(Dialect::Tsv),
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        };
        Some(Kind {
            format,
            compression,
        })
    }

    /// The file's stem: its name without the table and compression extensions.
    #[must_use]
    pub fn stem(path: &Path) -> String {
        let name = path
            .file_name()
            .map(crate::files::display_name)
            .unwrap_or_default();
        let (_, rest) = Compression::of(&name);
        rest.rsplit_once('.')
            .map_or(rest, |(stem, _)| stem)
            .to_owned()
    }
}

/// Reads one table's claims, pushing a finding for every bad row and going on.
#[must_use]
pub fn read(
    file: FileId,
    stem: &str,
    decoded: &Decoded,
    format: Format,
    problems: &mut Vec<Finding>,
) -> ClaimsInput {
    read_with(file, stem, decoded, format, None, problems)
}

/// Reads one table's claims, through a `[[table]]` layout when one maps it (a wide CSV or TSV
/// file; a layout does not apply to JSON Lines, whose keys name their columns).
#[must_use]
pub fn read_with(
    file: FileId,
    stem: &str,
    decoded: &Decoded,
    format: Format,
    layout: Option<&wide::Layout>,
    problems: &mut Vec<Finding>,
) -> ClaimsInput {
    let mut builder = Builder::new(file, stem, decoded);
    match (format, layout) {
        (Format::Delimited(dialect), Some(layout)) => {
            wide::read(&mut builder, dialect, layout, problems);
        }
        (Format::Delimited(dialect), None) => read_delimited(&mut builder, dialect, problems),
        (Format::JsonLines, _) => jsonl::read(&mut builder, problems),
    }
    ClaimsInput {
        file,
        claims: builder.claims,
        zone: layout.and_then(|layout| layout.zone.clone()),
    }
}

/// A byte-order mark's length at the start of a text (spreadsheets write one).
pub(crate) fn bom(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') {
        '\u{FEFF}'.len_utf8()
    } else {
        0
    }
}

fn read_delimited(builder: &mut Builder<'_>, dialect: Dialect, problems: &mut Vec<Finding>) {
    let text = &*builder.decoded.text;
    let mut rows = delimited::Rows::new(text, bom(text), dialect);
    let Some(header) = rows.next() else {
        problems.push(
            Finding::new(Code::LoadMissing, "this table has no header row")
                .with_help(
                    "start the file with a row naming its columns: `source,subject,property,value`",
                )
                .at(builder.span(0..0), "header row expected"),
        );
        return;
    };
    if builder.bad_row(&header, problems)
        || too_wide(&header, builder.span(header.range.clone()), problems)
    {
        return;
    }
    rows.keep_at_most(header.count + 1);
    builder.reserve(1);
    let mut columns: Vec<Option<(Field, Span)>> = Vec::with_capacity(header.cells.len());
    for cell in &header.cells {
        let span = builder.span(cell.range.clone());
        let field = Field::of(&cell.text);
        match &field {
            None => problems.push(unknown_column(&cell.text, span)),
            Some(field) => {
                if let Some((_, first)) = columns.iter().flatten().find(|(f, _)| f == field) {
                    problems.push(twice(field, span, *first));
                    columns.push(None);
                    continue;
                }
            }
        }
        columns.push(field.map(|f| (f, span)));
    }
    let named: Vec<&Field> = columns.iter().flatten().map(|(f, _)| f).collect();
    let header_span = builder.span(header.range.clone());
    if !Builder::has_required(&named, header_span, problems) {
        return;
    }
    for row in rows {
        builder.ordinal += 1;
        if builder.bad_row(&row, problems) {
            continue;
        }
        if row.count != columns.len() {
            problems.push(wrong_count(builder, &row, columns.len(), dialect));
            continue;
        }
        let mut cells = Cells::default();
        for (column, cell) in columns.iter().zip(row.cells) {
            if let Some((field, header)) = column {
                cells.set(field, *header, cell.range, cell.text);
            }
        }
        builder.push(row.range, cells, problems);
    }
}

/// The cells of one row, by what they hold.
#[derive(Debug, Default)]
pub struct Cells<'a> {
    source: Option<(Range<usize>, Cow<'a, str>)>,
    subject: Option<(Range<usize>, Cow<'a, str>)>,
    property: Option<(Range<usize>, Cow<'a, str>)>,
    value: Option<(Range<usize>, Cow<'a, str>)>,
    id: Option<(Range<usize>, Cow<'a, str>)>,
    quote: Option<(Range<usize>, Cow<'a, str>)>,
    cites: Option<(Range<usize>, Cow<'a, str>)>,
    /// `(key, where the key is written, cell range, text)`.
    qualifiers: Vec<(String, Span, Range<usize>, Cow<'a, str>)>,
}

impl<'a> Cells<'a> {
    /// Sets a field's cell; `key_span` is where a qualifier's key is written.
    pub fn set(&mut self, field: &Field, key_span: Span, range: Range<usize>, text: Cow<'a, str>) {
        let slot = match field {
            Field::Source => &mut self.source,
            Field::Subject => &mut self.subject,
            Field::Property => &mut self.property,
            Field::Value => &mut self.value,
            Field::Id => &mut self.id,
            Field::Quote => &mut self.quote,
            Field::Cites => &mut self.cites,
            Field::Qualifier(key) => {
                self.qualifiers.push((key.clone(), key_span, range, text));
                return;
            }
        };
        *slot = Some((range, text));
    }

    /// Whether the row has a cell for a field (a qualifier is never required).
    fn has(&self, field: &Field) -> bool {
        match field {
            Field::Source => self.source.is_some(),
            Field::Subject => self.subject.is_some(),
            Field::Property => self.property.is_some(),
            Field::Value => self.value.is_some(),
            Field::Id => self.id.is_some(),
            Field::Quote => self.quote.is_some(),
            Field::Cites => self.cites.is_some(),
            Field::Qualifier(_) => true,
        }
    }
}

/// Rows to records for one file.
pub struct Builder<'t> {
    file: FileId,
    decoded: &'t Decoded,
    /// The source of rows without a `source` cell: the file's stem.
    stem: Text,
    /// Every string shared so far.
    shared: FxHashSet<Text>,
    /// The data row being read, 1-based.
    ordinal: u32,
    claims: Vec<ClaimRecord>,
}

impl<'t> Builder<'t> {
    fn new(file: FileId, stem: &str, decoded: &'t Decoded) -> Self {
        Self {
            file,
            decoded,
            stem: Text::from(stem),
            shared: FxHashSet::default(),
            ordinal: 0,
            claims: Vec::new(),
        }
    }

    fn span(&self, range: Range<usize>) -> Span {
        Span::new(self.file, range)
    }

    /// Makes room for every claim at once, `per_line` claims for each line of the text at
    /// most, and never more than one per two bytes (a claim's cell and its delimiter): a
    /// million rows are not copied again each time the list doubles.
    // One pass over the bytes, vectorized by the compiler: a tenth of a second for 200 MB.
    #[allow(clippy::naive_bytecount)]
    fn reserve(&mut self, per_line: usize) {
        let text = self.decoded.text.as_bytes();
        let lines = text.iter().filter(|&&b| b == b'\n').count() + 1;
        let claims = lines.saturating_mul(per_line).min(text.len() / 2);
        self.claims
            .reserve_exact(claims.saturating_sub(self.claims.len()));
    }

    /// The one copy of a string.
    fn share(&mut self, text: &str) -> Text {
        if let Some(shared) = self.shared.get(text) {
            return shared.clone();
        }
        let shared = Text::from(text);
        self.shared.insert(shared.clone());
        shared
    }

    /// Whether a row is unreadable (invalid UTF-8, bad quoting); reports it.
    fn bad_row(&self, row: &delimited::Row<'_>, problems: &mut Vec<Finding>) -> bool {
        if let Some(at) = self.decoded.invalid_in(row.range.clone()) {
            problems.push(invalid_utf8(self.span(at..at + '\u{FFFD}'.len_utf8())));
            return true;
        }
        let Some((error, range)) = &row.error else {
            return false;
        };
        let (message, label, help) = match error {
            delimited::QuoteError::Unclosed => (
                "a quoted cell is never closed",
                "this quote opens the cell",
                "close the cell with `\"`, and write a `\"` inside a quoted cell as `\"\"`",
            ),
            delimited::QuoteError::AfterClosing => (
                "text follows a quoted cell's closing quote",
                "after the closing quote",
                "quote the whole cell, writing each `\"` inside it as `\"\"`",
            ),
        };
        problems.push(
            Finding::new(Code::LoadRow, message)
                .with_help(help)
                .at(self.span(range.clone()), label),
        );
        true
    }

    /// Whether the columns include every required one; reports those missing.
    fn has_required(named: &[&Field], at: Span, problems: &mut Vec<Finding>) -> bool {
        let missing: Vec<&str> = columns::REQUIRED
            .iter()
            .filter(|f| !named.contains(f))
            .map(Field::name)
            .collect();
        if missing.is_empty() {
            return true;
        }
        let list = missing
            .iter()
            .map(|m| format!("`{m}`"))
            .collect::<Vec<_>>()
            .join(", ");
        problems.push(
            Finding::new(
                Code::LoadMissing,
                format!("this table has no {list} column, so none of its rows was read"),
            )
            .with_help(
                "name the columns in the header: `source,subject,property,value` (and optionally \
                 `id`, `quote`, `cites`, `qualifier.KEY`)",
            )
            .at(at, "the header"),
        );
        false
    }

    /// Makes a record of a row's cells, or reports the required cells it lacks.
    fn push(&mut self, row: Range<usize>, cells: Cells<'_>, problems: &mut Vec<Finding>) {
        let row_span = self.span(row);
        let missing: Vec<&str> = columns::REQUIRED
            .iter()
            .filter(|f| !cells.has(f))
            .map(Field::name)
            .collect();
        if !missing.is_empty() {
            let list = missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            problems.push(
                Finding::new(Code::LoadMissing, format!("this row has no {list}"))
                    .with_help("every claim needs a subject, a property and a value")
                    .at(row_span, "this row"),
            );
            return;
        }
        let shared = |builder: &mut Self, cell: Option<(Range<usize>, Cow<'_, str>)>| {
            cell.map(|(range, text)| Spanned::new(builder.share(&text), builder.span(range)))
        };
        let optional = |builder: &Self, cell: Option<(Range<usize>, Cow<'_, str>)>| {
            cell.filter(|(_, text)| !text.trim().is_empty())
                .map(|(range, text)| Spanned::new(Text::from(text.as_ref()), builder.span(range)))
        };
        let source = match shared(self, cells.source) {
            Some(id) => SourceRef::Id(id),
            None => SourceRef::Id(Spanned::new(self.stem.clone(), row_span)),
        };
        let (Some(subject), Some(property), Some(value)) = (
            shared(self, cells.subject),
            shared(self, cells.property),
            shared(self, cells.value),
        ) else {
            return;
        };
        let mut qualifiers = Vec::with_capacity(cells.qualifiers.len());
        for (key, key_span, range, text) in cells.qualifiers {
            // An empty qualifier cell: the row has no such qualifier.
            if text.trim().is_empty() {
                continue;
            }
            qualifiers.push((
                Spanned::new(self.share(&key), key_span),
                Spanned::new(self.share(&text), self.span(range)),
            ));
        }
        let record = ClaimRecord {
            source,
            origin: Origin {
                file: self.file,
                ordinal: self.ordinal,
            },
            span: row_span,
            id: optional(self, cells.id),
            subject,
            property,
            value,
            qualifiers,
            quote: optional(self, cells.quote),
            cites: optional(self, cells.cites),
        };
        self.claims.push(record);
    }
}

/// Whether a header has more columns than a table may (reported).
pub(crate) fn too_wide(header: &delimited::Row<'_>, at: Span, problems: &mut Vec<Finding>) -> bool {
    if header.count <= delimited::MAX_COLUMNS {
        return false;
    }
    problems.push(
        Finding::new(
            Code::LoadRow,
            format!(
                "the header has {} columns, more than the {} a table may have",
                header.count,
                delimited::MAX_COLUMNS
            ),
        )
        .with_help("split the table, or check that the file is delimited as its name says")
        .at(at, "the header"),
    );
    true
}

/// A row with more or fewer cells than the header has columns.
fn wrong_count(
    builder: &Builder<'_>,
    row: &delimited::Row<'_>,
    columns: usize,
    dialect: Dialect,
) -> Finding {
    Finding::new(
        Code::LoadRow,
        format!(
            "this row has {}, the header has {columns}",
            crate::render::counted(row.count, "cell"),
        ),
    )
    .with_help(match dialect {
        Dialect::Csv => {
            "give the row one cell per column; quote a cell that holds a comma: \"Paris, France\""
        }
        Dialect::Tsv => "give the row one cell per column, separated by tabs",
    })
    .at(builder.span(row.range.clone()), "this row")
}

fn invalid_utf8(span: Span) -> Finding {
    Finding::new(Code::LoadEncoding, "this row is not valid UTF-8")
        .with_help("save the file as UTF-8; the other rows were still read")
        .at(span, "the first byte that is not UTF-8")
}

fn unknown_column(name: &str, span: Span) -> Finding {
    Finding::new(
        Code::LoadUnknownKey,
        format!("unknown column `{}`", name.trim()),
    )
    .with_help(columns::help_for_unknown(name))
    .at(span, "unknown column")
}

fn twice(field: &Field, span: Span, first: Span) -> Finding {
    Finding::new(
        Code::LoadRow,
        format!("the column `{}` is named twice", field.name()),
    )
    .with_help("keep one of them; the second was ignored")
    .at(span, "again")
    .at(first, "first here")
}

#[cfg(test)]
mod entry_tests;
#[cfg(test)]
mod tests;
