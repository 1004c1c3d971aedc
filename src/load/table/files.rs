//! The loader's side of tables: reading a table file's bytes as the check does, and choosing
//! the `[[table]]` layout that maps each file.
//!
//! Owns the glue between the file system, `rules.toml`'s `[[table]]` entries and the table
//! reader: decompressing a file under the size limit, the first entry whose glob matches a
//! file (CSV and TSV only), the finding for an entry that matches nothing, and the same reading
//! for `--changed-since`. It does not parse rows (the reader does) nor walk directories.

use std::path::Path;

use rayon::prelude::*;

use crate::files::{FileId, Files, display_path};
use crate::findings::{Code, Finding};
use crate::fs::{FileSystem, Origin};
use crate::load::raw;
use crate::load::{Request, RulesPath, io_problem, read_rules};

use super as table;

/// A table to read: its id, stem, kind and decoded text.
pub(crate) type TableToRead = (FileId, String, table::Kind, table::decode::Decoded);

/// A table's text: read, decompressed up to the size limit, decoded.
pub(crate) fn read_table(
    fs: &dyn FileSystem,
    path: &Path,
    kind: table::Kind,
    limit: u64,
) -> Result<table::decode::Decoded, Box<Finding>> {
    let bytes = fs
        .read(path, Origin::Found)
        .map_err(|error| Box::new(io_problem(&error)))?;
    let bytes = table::decode::decompress(bytes, kind.compression, limit).map_err(|reason| {
        Box::new(
            Finding::new(
                Code::LoadIo,
                format!("cannot read `{}`: {reason}", display_path(path)),
            )
            .with_help("check that the file is compressed as its name says, and not truncated"),
        )
    })?;
    Ok(table::decode::decode(bytes))
}

/// Reads every table, each through the first `[[table]]` layout that maps it (CSV and TSV
/// only), in parallel: its claims and its problems.
pub(crate) fn read_tables(
    tables: Vec<TableToRead>,
    layouts: &[table::wide::Layout],
    claims_dir: &Path,
    files: &Files,
    problems: &mut Vec<Finding>,
) -> Vec<(raw::ClaimsInput, Vec<Finding>)> {
    let mapped: Vec<Option<usize>> = tables
        .iter()
        .map(|(id, _, kind, _)| {
            let delimited = matches!(kind.format, table::Format::Delimited(_));
            delimited
                .then(|| layout_of(layouts, claims_dir, &files.get(*id).path))
                .flatten()
        })
        .collect();
    unmatched_layouts(layouts, &mapped, problems);
    tables
        .into_par_iter()
        .zip(mapped)
        .map(|((id, stem, kind, decoded), layout)| {
            let mut found = Vec::new();
            let layout = layout.map(|index| &layouts[index]);
            let input = table::read_with(id, &stem, &decoded, kind.format, layout, &mut found);
            (input, found)
        })
        .collect()
}

/// The `[[table]]` layouts of the request's rules file, as the check reads them (for
/// `--changed-since`, which reads tables outside a check).
#[must_use]
pub fn table_layouts(fs: &dyn FileSystem, request: &Request) -> Vec<table::wide::Layout> {
    let mut files = Files::new();
    let mut problems = Vec::new();
    let (RulesPath::Given(path) | RulesPath::Default(path)) = &request.rules;
    let rules = read_rules(fs, path, false, &mut files, &mut problems);
    table::wide::layouts(&rules, &files, &mut problems)
}

/// What table a file is: as the first `[[table]]` that maps it says when that entry gives a
/// `format` (its compression still read from the name), else as its name says; `None` for a
/// file that is no table.
#[must_use]
pub fn kind_of(
    layouts: &[table::wide::Layout],
    claims_dir: &Path,
    path: &Path,
) -> Option<table::Kind> {
    let declared = layout_of(layouts, claims_dir, path).and_then(|index| layouts[index].format);
    match declared {
        Some(dialect) => {
            let name = path.file_name()?.to_str()?;
            Some(table::Kind {
                format: table::Format::Delimited(dialect),
                compression: table::decode::Compression::of(name).0,
            })
        }
        None => table::Kind::of(path),
    }
}

/// The claims of one table file's bytes, read as the check reads them (for `--changed-since`);
/// `None` when they cannot be decompressed.
#[must_use]
pub fn table_claims(
    path: &Path,
    bytes: Vec<u8>,
    limit: u64,
    layouts: &[table::wide::Layout],
    claims_dir: &Path,
    files: &mut Files,
) -> Option<raw::ClaimsInput> {
    let kind = kind_of(layouts, claims_dir, path)?;
    let decoded =
        table::decode::decode(table::decode::decompress(bytes, kind.compression, limit).ok()?);
    let layout = match kind.format {
        table::Format::Delimited(_) => layout_of(layouts, claims_dir, path).map(|i| &layouts[i]),
        table::Format::JsonLines => None,
    };
    let file = files.add(path.to_path_buf(), std::sync::Arc::clone(&decoded.text));
    let mut problems = Vec::new();
    Some(table::read_with(
        file,
        &table::Kind::stem(path),
        &decoded,
        kind.format,
        layout,
        &mut problems,
    ))
}

/// The first `[[table]]` layout that maps a table file, by its path relative to the claims
/// directory (its name, when the file is the claims path itself).
fn layout_of(layouts: &[table::wide::Layout], claims_dir: &Path, path: &Path) -> Option<usize> {
    let relative = path
        .strip_prefix(claims_dir)
        .ok()
        .filter(|rest| !rest.as_os_str().is_empty())
        .or_else(|| path.file_name().map(Path::new))?;
    layouts.iter().position(|layout| layout.matches(relative))
}

/// A finding for every `[[table]]` that maps no file: its glob is likely wrong.
fn unmatched_layouts(
    layouts: &[table::wide::Layout],
    mapped: &[Option<usize>],
    problems: &mut Vec<Finding>,
) {
    for (index, layout) in layouts.iter().enumerate() {
        if !mapped.contains(&Some(index)) {
            problems.push(
                Finding::new(
                    Code::LoadUnknownName,
                    format!("no table file matches `{}`", layout.files.value),
                )
                .with_help(
                    "`files` is a glob over paths relative to the claims directory, such as \
                     `crawl/*.tsv`; only CSV and TSV files are mapped, and files of another \
                     name when the entry gives their `format`",
                )
                .at(layout.files.span, "matches no file"),
            );
        }
    }
}
