//! `--changed-since` for tables: a row is known by what it says, not by its number.
//!
//! Owns telling which table claims are new or changed since a revision. Every table of the
//! claims directory is read now and as it was (an untouched file is read once and counts for
//! both), and claims are keyed together across tables, as the check keys them (a source's rows
//! may span files): a claim is changed when its key is new or its content hash differs. So
//! inserting, deleting or reordering rows changes nothing else, and a row moved to another
//! table is not new. Git is asked nothing here: the caller hands over both file systems.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use crate::files::Files;
use crate::fs::{FileSystem, Origin};
use crate::load::raw::ClaimsInput;
use crate::load::{self, Request};
use crate::normalize::claims::identities_of;
use crate::normalize::sources;

/// A table of the claims directory as it is now.
#[derive(Debug, Clone)]
pub struct Table {
    /// Its path, as the check reads it.
    pub path: PathBuf,
    /// Its path relative to the work tree's root, as git names it.
    pub name: String,
    /// Whether git reports it as different from the revision.
    pub touched: bool,
}

/// The keys of the table claims added or changed since the revision.
///
/// `gone` lists the touched tables of the claims directory that no longer exist, each as git
/// names it and at the path the check would read it (their claims are gone, which changes no
/// finding of what remains, but they counted in the keying).
#[must_use]
pub fn changed(
    now_fs: &dyn FileSystem,
    before_fs: &dyn FileSystem,
    request: &Request,
    tables: &[Table],
    gone: &[(String, PathBuf)],
) -> FxHashSet<String> {
    if !tables.iter().any(|t| t.touched) {
        return FxHashSet::default();
    }
    // The rules did not change (else every finding is reported): one layout for both.
    let layouts = load::table_layouts(now_fs, request);
    let limit = request.access.max_file_size;
    let mut files = Files::new();
    let mut read = |fs: &dyn FileSystem, path: &Path, shown: &Path, origin: Origin| {
        let bytes = fs.read(path, origin).ok()?;
        load::table_claims(
            shown,
            bytes,
            limit,
            &layouts,
            &request.claims_dir,
            &mut files,
        )
    };
    let mut now: Vec<ClaimsInput> = Vec::new();
    let mut before: Vec<ClaimsInput> = Vec::new();
    for table in tables {
        let current = read(now_fs, &table.path, &table.path, Origin::Found);
        if table.touched {
            // A table that did not exist at the revision has nothing to compare with.
            if let Some(old) = read(
                before_fs,
                Path::new(&table.name),
                &table.path,
                Origin::Found,
            ) {
                before.push(old);
            }
        } else if let Some(current) = &current {
            before.push(current.clone());
        }
        now.extend(current);
    }
    for (name, shown) in gone {
        before.extend(read(before_fs, Path::new(name), shown, Origin::Found));
    }
    let earlier: FxHashSet<(Box<str>, String)> = keyed(&before).into_iter().collect();
    keyed(&now)
        .into_iter()
        .filter(|identity| !earlier.contains(identity))
        .map(|(key, _)| key.into_string())
        .collect()
}

/// Every claim's key and content hash, keyed across all the tables.
fn keyed(inputs: &[ClaimsInput]) -> Vec<(Box<str>, String)> {
    let mut problems = Vec::new();
    let sources = sources::build(&[], inputs, &mut problems);
    identities_of(inputs, &sources)
}
