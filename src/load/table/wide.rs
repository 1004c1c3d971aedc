//! Wide tables: one row per source and subject, a column per property, mapped by a
//! `[[table]]` entry of `rules.toml`.
//!
//! Owns turning a `[[table]]` entry into a [`Layout`] (a compiled file glob and column roles),
//! and reading a CSV or TSV file through it: every non-empty property cell of a row is one
//! claim whose property is the column's header, with the row's qualifier cells and the entry's
//! fixed qualifiers. A column the entry names that the header lacks, and (when the entry lists
//! its properties) a header column the entry does not name, are located findings. It knows
//! nothing of long tables' column names.

use std::path::Path;

use crate::files::{Files, Span};
use crate::findings::{Code, Finding};
use crate::load::document::Element;
use crate::load::raw::{ClaimRecord, Origin, SourceRef, Spanned, Text};
use crate::load::rules::{LoadedRules, RawFormat, RawTable};
use crate::suggest;

use super::delimited::{Dialect, Rows};
use super::{Builder, bom, too_wide, wrong_count};

/// How one `[[table]]` entry maps the files it matches.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The files it maps, as written.
    pub files: Spanned<Text>,
    pattern: glob::Pattern,
    source: Option<Spanned<Text>>,
    subject: Spanned<Text>,
    /// The columns, in order, of files without a header row.
    columns: Option<Vec<Spanned<Text>>>,
    properties: Option<Vec<Spanned<Text>>>,
    qualifiers: Vec<Spanned<Text>>,
    ignore: Vec<Spanned<Text>>,
    /// The columns given a type.
    typed: Vec<Spanned<Text>>,
    /// `(key, value)`, the value as written (`{stem}` not yet replaced).
    fixed: Vec<(Spanned<Text>, Spanned<Text>)>,
    /// How the files are delimited, when the entry says it rather than their names.
    pub format: Option<Dialect>,
    /// The zone of the files' date-times stated without one, as written.
    pub zone: Option<Spanned<Text>>,
}

/// The layouts of `rules.toml`'s `[[table]]` entries, in order; an entry whose glob does not
/// compile is reported and left out.
#[must_use]
pub fn layouts(rules: &LoadedRules, files: &Files, problems: &mut Vec<Finding>) -> Vec<Layout> {
    let Some(file) = rules.file else {
        return Vec::new();
    };
    let text = &*files.get(file).text;
    rules
        .tables
        .iter()
        .filter_map(|element| layout(file, text, element, problems))
        .collect()
}

fn layout(
    file: crate::files::FileId,
    text: &str,
    element: &Element<RawTable>,
    problems: &mut Vec<Finding>,
) -> Option<Layout> {
    let raw = &element.value;
    let spanned = |field: &toml::Spanned<String>| {
        Spanned::new(
            Text::from(field.get_ref().trim()),
            Span::new(file, field.span()),
        )
    };
    let list = |fields: &Option<Vec<toml::Spanned<String>>>| -> Vec<Spanned<Text>> {
        fields.iter().flatten().map(spanned).collect()
    };
    let files = spanned(&raw.files);
    let pattern = match glob::Pattern::new(&files.value) {
        Ok(pattern) => pattern,
        Err(error) => {
            problems.push(
                Finding::new(
                    Code::LoadType,
                    format!("`files` is not a glob: {}", error.msg),
                )
                .with_help("write a path relative to the claims directory, with `*` and `**`")
                .at(files.span, "not a glob"),
            );
            return None;
        }
    };
    let fixed = raw
        .qualifier
        .iter()
        .flatten()
        .map(|(key, value)| {
            let literal = text.get(value.span()).unwrap_or("");
            (
                spanned(key),
                Spanned::new(
                    Text::from(value.get_ref().as_written(literal).as_ref()),
                    Span::new(file, value.span()),
                ),
            )
        })
        .collect();
    Some(Layout {
        files,
        pattern,
        source: raw.source.as_ref().map(spanned),
        subject: spanned(&raw.subject),
        columns: raw.columns.as_ref().map(|_| list(&raw.columns)),
        properties: raw.properties.as_ref().map(|_| list(&raw.properties)),
        qualifiers: list(&raw.qualifiers),
        ignore: list(&raw.ignore),
        typed: raw
            .types
            .iter()
            .flatten()
            .map(|(column, _)| spanned(column))
            .collect(),
        fixed,
        format: raw.format.as_ref().map(|format| match format.get_ref() {
            RawFormat::Csv => Dialect::Csv,
            RawFormat::Tsv => Dialect::Tsv,
        }),
        zone: raw.zone.as_ref().map(spanned),
    })
}

impl Layout {
    /// Whether the entry maps a file at `relative` (to the claims directory).
    #[must_use]
    pub fn matches(&self, relative: &Path) -> bool {
        let options = glob::MatchOptions {
            case_sensitive: true,
            require_literal_separator: true,
            require_literal_leading_dot: false,
        };
        self.pattern.matches_path_with(relative, options)
    }
}

/// What a column of a wide table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    Source,
    Subject,
    /// Its key, written in the header.
    Qualifier(Spanned<Text>),
    Property(Spanned<Text>),
    Ignore,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Reads a wide CSV or TSV file through a layout.
pub fn read(
    builder: &mut Builder<'_>,
    dialect: Dialect,
    layout: &Layout,
    problems: &mut Vec<Finding>,
) {
    let text = &*builder.decoded.text;
    let mut rows = Rows::new(text, bom(text), dialect);
    let Some((columns, header_span)) = columns_of(builder, &mut rows, layout, problems) else {
        return;
    };
    rows.keep_at_most(columns.len() + 1);
    let roles: Vec<Role> = columns
        .iter()
        .map(|column| role(layout, &column.value, column.span, problems))
        .collect();
    builder.reserve(
        roles
            .iter()
            .filter(|r| matches!(r, Role::Property(_)))
            .count(),
    );
    let names: Vec<&str> = columns.iter().map(|c| &*c.value).collect();
    if !named_columns_exist(layout, &names, header_span, problems) {
        return;
    }
    for row in rows {
        builder.ordinal += 1;
        if builder.bad_row(&row, problems) {
            continue;
        }
        if row.count != roles.len() {
            problems.push(wrong_count(builder, &row, roles.len(), dialect));
            continue;
        }
        let row_span = builder.span(row.range.clone());
        let mut source = None;
        let mut subject = None;
        let mut qualifiers = Vec::new();
        for (role, cell) in roles.iter().zip(&row.cells) {
            let value = || Spanned::new(cell.text.trim(), builder.span(cell.range.clone()));
            match role {
                Role::Source => source = Some(value()),
                Role::Subject => subject = Some(value()),
                Role::Qualifier(key) if !cell.text.trim().is_empty() => {
                    qualifiers.push((key.clone(), value()));
                }
                _ => {}
            }
        }
        let Some(subject) = subject.filter(|s| !s.value.is_empty()) else {
            problems.push(
                Finding::new(Code::LoadEmpty, "this row has no subject")
                    .with_help(format!(
                        "write the subject in the `{}` column, or remove the row",
                        layout.subject.value
                    ))
                    .at(row_span, "this row"),
            );
            continue;
        };
        let source = match source {
            Some(id) => SourceRef::Id(Spanned::new(builder.share(id.value), id.span)),
            None => SourceRef::Id(Spanned::new(builder.stem.clone(), row_span)),
        };
        let subject = Spanned::new(builder.share(subject.value), subject.span);
        let mut shared_qualifiers: Vec<(Spanned<Text>, Spanned<Text>)> = qualifiers
            .into_iter()
            .map(|(key, value)| (key, Spanned::new(builder.share(value.value), value.span)))
            .collect();
        for (key, value) in &layout.fixed {
            let text = value.value.replace("{stem}", &builder.stem);
            shared_qualifiers.push((key.clone(), Spanned::new(builder.share(&text), value.span)));
        }
        for (role, cell) in roles.iter().zip(&row.cells) {
            let Role::Property(property) = role else {
                continue;
            };
            if cell.text.trim().is_empty() {
                continue;
            }
            let value = Spanned::new(builder.share(&cell.text), builder.span(cell.range.clone()));
            builder.claims.push(ClaimRecord {
                source: source.clone(),
                origin: Origin {
                    file: builder.file,
                    ordinal: builder.ordinal,
                },
                span: row_span,
                id: None,
                subject: subject.clone(),
                property: property.clone(),
                value,
                qualifiers: shared_qualifiers.clone(),
                quote: None,
                cites: None,
            });
        }
    }
}

/// The columns, with the span that names them: the entry's `columns` for a file without a
/// header, else the header row's cells; `None` when there is no usable header.
fn columns_of(
    builder: &Builder<'_>,
    rows: &mut Rows<'_>,
    layout: &Layout,
    problems: &mut Vec<Finding>,
) -> Option<(Vec<Spanned<Text>>, Span)> {
    if let Some(named) = &layout.columns {
        return Some((named.clone(), layout.files.span));
    }
    let header = rows.next()?;
    let header_span = builder.span(header.range.clone());
    if builder.bad_row(&header, problems) || too_wide(&header, header_span, problems) {
        return None;
    }
    let columns = header
        .cells
        .iter()
        .map(|cell| {
            Spanned::new(
                Text::from(cell.text.trim()),
                builder.span(cell.range.clone()),
            )
        })
        .collect();
    Some((columns, header_span))
}

/// What a header column is, reporting a column the entry leaves unnamed when it lists its
/// properties.
fn role(layout: &Layout, name: &str, span: Span, problems: &mut Vec<Finding>) -> Role {
    let is = |field: &Spanned<Text>| same(&field.value, name);
    let source = layout
        .source
        .as_ref()
        .map_or_else(|| same(name, "source"), is);
    if source {
        return Role::Source;
    }
    if is(&layout.subject) {
        return Role::Subject;
    }
    if layout.qualifiers.iter().any(is) {
        return Role::Qualifier(Spanned::new(Text::from(name.trim()), span));
    }
    if layout.ignore.iter().any(is) {
        return Role::Ignore;
    }
    let property = Role::Property(Spanned::new(Text::from(name.trim()), span));
    match &layout.properties {
        None => property,
        Some(listed) if listed.iter().any(is) => property,
        Some(_) => {
            problems.push(
                Finding::new(
                    Code::LoadUnknownKey,
                    format!(
                        "the column `{}` is in no role of its [[table]]",
                        name.trim()
                    ),
                )
                .with_help(
                    "name it in the entry's `properties`, `qualifiers` or `ignore`, or leave \
                     `properties` out to make every other column a property",
                )
                .at(span, "unnamed column")
                .at(layout.files.span, "the [[table]] that maps this file"),
            );
            Role::Ignore
        }
    }
}

/// Whether every column the entry names is in the header (the subject's must be); reports
/// those that are not.
fn named_columns_exist(
    layout: &Layout,
    header: &[&str],
    at: Span,
    problems: &mut Vec<Finding>,
) -> bool {
    let named = layout
        .source
        .iter()
        .chain(std::iter::once(&layout.subject))
        .chain(layout.properties.iter().flatten())
        .chain(&layout.qualifiers)
        .chain(&layout.ignore)
        .chain(&layout.typed);
    let mut subject_found = true;
    for field in named {
        if header.iter().any(|h| same(h, &field.value)) {
            continue;
        }
        if std::ptr::eq(field, &raw const layout.subject) {
            subject_found = false;
        }
        problems.push(
            Finding::new(
                Code::LoadMissing,
                format!(
                    "this table has no column `{}`, which its [[table]] names",
                    field.value
                ),
            )
            .with_help(suggest::help_for(&field.value, header, "column"))
            .at(at, "the header")
            .at(field.span, "named here"),
        );
    }
    subject_found
}
