//! The sources table: metadata for sources whose claims come as table rows.
//!
//! Owns finding and reading `sources.toml` (`[[source]]` tables, each with the keys of a claims
//! file's `[source]`, `id` required) or `sources.csv` (a header naming `id, title, publisher,
//! author, published, kind, url, text, derived_from`; `derived_from` lists ids separated by
//! `;`), beside the claims directory. One rule for where a source is declared: in a TOML claims
//! file's `[source]` (for that file's claims) or in the sources table (for claims anywhere);
//! declaring one id in both is a duplicate, reported in `normalize`. A source that rows name
//! but nothing declares is its id alone. Nothing here checks what a value means.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::files::{FileId, Files, Span};
use crate::findings::{Code, Finding};
use crate::fs::{FileSystem, Origin, Text as FileText};
use crate::load::claims::RawSource;
use crate::load::document::{self, Partial};
use crate::load::raw::{Declared, SourceDecl, Spanned, Text};
use crate::load::table::delimited::{Cell, Dialect, Rows};
use crate::load::table::{bom, decode};
use crate::suggest;

/// The names the sources table may have, beside the claims directory.
pub const NAMES: &[&str] = &["sources.toml", "sources.csv"];

/// The columns of `sources.csv`.
const COLUMNS: &[&str] = &[
    "id",
    "title",
    "publisher",
    "author",
    "published",
    "kind",
    "url",
    "text",
    "derived_from",
];

/// Where the sources table of a claims directory is looked for: its parent directory.
#[must_use]
pub fn candidates(claims_dir: &Path) -> Vec<PathBuf> {
    let dir = claims_dir.parent().unwrap_or(Path::new(""));
    NAMES.iter().map(|name| dir.join(name)).collect()
}

/// Reads the sources table, if there is one: every declaration in it, with the path it was
/// read at (texts are relative to it).
pub fn read(
    fs: &dyn FileSystem,
    claims_dir: &Path,
    files: &mut Files,
    problems: &mut Vec<Finding>,
) -> Vec<SourceDecl> {
    let mut found = Vec::new();
    for path in candidates(claims_dir) {
        match fs.read(&path, Origin::Found) {
            Ok(bytes) => found.push((path, bytes)),
            Err(error) if error.is_not_found() => {}
            Err(error) => problems.push(Finding::new(Code::LoadIo, error.to_string())),
        }
    }
    let mut decls = Vec::new();
    for (index, (path, bytes)) in found.into_iter().enumerate() {
        let shown = crate::files::display_path(&path);
        let toml = path.extension().is_some_and(|e| e == "toml");
        if toml {
            match FileText::decode(bytes) {
                FileText::Valid(text) => {
                    let text: Arc<str> = Arc::from(text);
                    let file = files.add(path, Arc::clone(&text));
                    if index > 0 {
                        problems.push(two_tables(file));
                    }
                    decls.extend(read_toml(file, &text, problems));
                }
                FileText::Invalid { lossy, valid_up_to } => {
                    let file = files.add(path, Arc::from(lossy));
                    problems.push(
                        Finding::new(Code::LoadEncoding, format!("`{shown}` is not valid UTF-8"))
                            .with_help("save the file as UTF-8")
                            .at(
                                Span::new(file, valid_up_to..valid_up_to + 3),
                                "the first byte that is not UTF-8",
                            ),
                    );
                }
            }
        } else {
            let decoded = decode::decode(bytes);
            let file = files.add(path, Arc::clone(&decoded.text));
            if index > 0 {
                problems.push(two_tables(file));
            }
            decls.extend(read_csv(file, &decoded, problems));
        }
    }
    decls
}

fn two_tables(file: FileId) -> Finding {
    Finding::new(
        Code::LoadDuplicateSource,
        "there are two sources tables, `sources.toml` and `sources.csv`",
    )
    .with_help("keep the sources in one of them")
    .at(Span::new(file, 0..0), "the second")
}

/// The `[[source]]` tables of `sources.toml`.
#[must_use]
pub fn read_toml(file: FileId, text: &str, problems: &mut Vec<Finding>) -> Vec<SourceDecl> {
    let document::Parsed { mut root, broken } = document::parse(file, text, problems);
    document::check_top_level(file, &mut root, &["source"], "the sources table", problems);
    let Some(value) = root.remove("source") else {
        return Vec::new();
    };
    let mut decls = Vec::new();
    for item in document::array_items(file, value, "source", problems) {
        let Some(element) = document::element::<RawSource>(
            file,
            item,
            "[[source]]",
            &broken,
            Partial::Keep,
            problems,
        ) else {
            continue;
        };
        let header = Span::new(file, element.header.clone());
        let mut decl = SourceDecl::empty(Declared::SourcesTable, file, Text::from(""), header);
        crate::load::claims::fill(&mut decl, element, text);
        if decl.id.is_none() {
            problems.push(
                Finding::new(Code::LoadMissing, "[[source]] has no `id`")
                    .with_help("add `id = …`: rows name their source by it")
                    .at(header, "`id` missing here"),
            );
            continue;
        }
        decls.push(decl);
    }
    decls
}

/// The rows of `sources.csv`.
#[must_use]
pub fn read_csv(
    file: FileId,
    decoded: &decode::Decoded,
    problems: &mut Vec<Finding>,
) -> Vec<SourceDecl> {
    let text = &*decoded.text;
    let at = |range: std::ops::Range<usize>| Span::new(file, range);
    let mut rows = Rows::new(text, bom(text), Dialect::Csv);
    let Some(header) = rows.next() else {
        return Vec::new();
    };
    if crate::load::table::too_wide(&header, at(header.range.clone()), problems) {
        return Vec::new();
    }
    rows.keep_at_most(header.count + 1);
    let mut columns: Vec<Option<&'static str>> = Vec::with_capacity(header.cells.len());
    for cell in &header.cells {
        let name = cell.text.trim().to_lowercase();
        let known = COLUMNS.iter().find(|c| **c == name).copied();
        if known.is_none() || columns.contains(&known) {
            problems.push(
                Finding::new(
                    Code::LoadUnknownKey,
                    format!("unknown column `{}` in the sources table", cell.text.trim()),
                )
                .with_help(suggest::help_for(&name, COLUMNS, "column"))
                .at(at(cell.range.clone()), "unknown column"),
            );
            columns.push(None);
        } else {
            columns.push(known);
        }
    }
    if !columns.contains(&Some("id")) {
        problems.push(
            Finding::new(Code::LoadMissing, "the sources table has no `id` column")
                .with_help("name the columns in the header: `id,title,publisher,…`")
                .at(at(header.range.clone()), "the header"),
        );
        return Vec::new();
    }
    let mut decls = Vec::new();
    for row in rows {
        if let Some(bad) = decoded.invalid_in(row.range.clone()) {
            problems.push(
                Finding::new(Code::LoadEncoding, "this row is not valid UTF-8")
                    .with_help("save the file as UTF-8; the other rows were still read")
                    .at(at(bad..bad + 3), "the first byte that is not UTF-8"),
            );
            continue;
        }
        if row.error.is_some() || row.count != columns.len() {
            problems.push(
                Finding::new(
                    Code::LoadRow,
                    "this row of the sources table cannot be read: its quoting is broken or it \
                     has not one cell per column",
                )
                .with_help("give the row one cell per column; quote a cell that holds a comma")
                .at(at(row.range.clone()), "this row"),
            );
            continue;
        }
        let mut decl = SourceDecl::empty(
            Declared::SourcesTable,
            file,
            Text::from(""),
            at(row.range.clone()),
        );
        decl.loaded = true;
        for (column, cell) in columns.iter().zip(&row.cells) {
            let Some(column) = column else { continue };
            set(&mut decl, column, cell, text, file);
        }
        match &decl.id {
            Some(id) if !id.value.trim().is_empty() => decls.push(decl),
            _ => problems.push(
                Finding::new(Code::LoadEmpty, "this source has no id")
                    .with_help("write the id rows name the source by")
                    .at(at(row.range.clone()), "this row"),
            ),
        }
    }
    decls
}

/// Sets one field of a declaration from a cell; an empty cell sets nothing.
fn set(decl: &mut SourceDecl, column: &str, cell: &Cell<'_>, text: &str, file: FileId) {
    if cell.text.trim().is_empty() {
        return;
    }
    let value = Spanned::new(
        Text::from(cell.text.as_ref()),
        Span::new(file, cell.range.clone()),
    );
    let slot = match column {
        "id" => &mut decl.id,
        "title" => &mut decl.title,
        "publisher" => &mut decl.publisher,
        "author" => &mut decl.author,
        "published" => &mut decl.published,
        "kind" => &mut decl.kind,
        "url" => &mut decl.url,
        "text" => &mut decl.text_path,
        _ => {
            decl.derived_from = derived(cell, text, file);
            return;
        }
    };
    *slot = Some(value);
}

/// The ids of a `derived_from` cell, each with its own span when the cell is not quoted.
fn derived(cell: &Cell<'_>, text: &str, file: FileId) -> Vec<Spanned<Text>> {
    let exact = text.get(cell.range.clone()) == Some(cell.text.as_ref());
    let mut ids = Vec::new();
    let mut offset = 0;
    for part in cell.text.split(';') {
        let trimmed = part.trim();
        let start = offset + (part.len() - part.trim_start().len());
        offset += part.len() + 1;
        if trimmed.is_empty() {
            continue;
        }
        let span = if exact {
            let from = cell.range.start + start;
            Span::new(file, from..from + trimmed.len())
        } else {
            Span::new(file, cell.range.clone())
        };
        ids.push(Spanned::new(Text::from(trimmed), span));
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_sources_table_declares_sources_with_spans() {
        let text = "ID,title,publisher,published,derived_from\n\
                    herald,The Herald,Herald Co,1932-03-20,\n\
                    digest,Digest,\"Digest, Inc.\",,herald; gazette\n\
                    ,No id,,,\n\
                    bad,row\n";
        let decoded = decode::decode(text.as_bytes().to_vec());
        let mut problems = Vec::new();
        let decls = read_csv(FileId(0), &decoded, &mut problems);
        let codes: Vec<Code> = problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, [Code::LoadEmpty, Code::LoadRow]);
        let ids: Vec<&str> = decls.iter().map(SourceDecl::id).collect();
        assert_eq!(ids, ["herald", "digest"]);
        assert_eq!(
            decls[1].publisher.as_ref().map(|p| &*p.value),
            Some("Digest, Inc.")
        );
        let derived: Vec<&str> = decls[1]
            .derived_from
            .iter()
            .map(|d| &text[d.span.range()])
            .collect();
        assert_eq!(derived, ["herald", "gazette"]);
        assert_eq!(
            decls[0].published.as_ref().map(|p| &*p.value),
            Some("1932-03-20")
        );
        assert!(
            decls
                .iter()
                .all(|d| d.declared_in == Declared::SourcesTable)
        );
    }

    #[test]
    fn a_toml_sources_table_needs_ids_and_suggests_columns() {
        let mut problems = Vec::new();
        let decls = read_toml(
            FileId(0),
            "[[source]]\nid = \"herald\"\ntitle = \"The Herald\"\n\n[[source]]\ntitle = \"x\"\n",
            &mut problems,
        );
        assert_eq!(decls.len(), 1);
        assert_eq!(
            decls[0].title.as_ref().map(|t| &*t.value),
            Some("The Herald")
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, Code::LoadMissing);

        let decoded = decode::decode(b"id,titel\nx,y\n".to_vec());
        let mut problems = Vec::new();
        let decls = read_csv(FileId(0), &decoded, &mut problems);
        assert_eq!(decls.len(), 1);
        assert_eq!(problems[0].help.as_deref(), Some("did you mean `title`?"));
    }
}
