//! `--changed-since REV`: which claims were added or changed since a git revision.
//!
//! Owns asking git. Only files git reports as different from the revision (or untracked) are
//! read at the revision (`git show REV:path`); claims are then matched by key across all of
//! those files, so a claim moved to another file, or a renamed file, is not new. A claim counts
//! as changed when its key is new or what it states differs, or when its source's `[source]`
//! table or source text changed (a new `published` date moves its relative dates; a new text
//! can lose its quotes). Table rows are known by their content, not their number (`tables`).
//! When the rules, the reviews or the sources table changed, any finding may have changed:
//! nothing is narrowed. The check itself still runs on the whole dataset: a conflict needs both
//! sides; only the findings reported are narrowed (`triage`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};

use crate::files::{FileId, Files, display_path};
use crate::findings::hex;
use crate::fs::{FileSystem, GitFs, Origin, OsFs};
use crate::load::claims::{self, LoadedClaimsFile};
use crate::load::{self, Request, RulesPath};
use crate::normalize::claims::identities;
use crate::normalize::sources;

mod tables;

/// What changed since the revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// These claims (by key) are new or changed.
    Claims(FxHashSet<String>),
    /// Something every finding may depend on changed (the rules, the reviews): report all.
    Everything(String),
}

/// What changed in the dataset since `rev`: the claims files of the request's claims
/// directory, the rules and reviews files, and the source texts the claims files name. Files
/// are read as the check reads them (confined to the dataset root); their earlier versions
/// from git.
///
/// # Errors
/// When git is missing, the directory is not in a git work tree, or the revision is unknown.
pub fn changed_claims(request: &Request, rev: &str) -> Result<Changed, String> {
    let claims_dir = &request.claims_dir;
    let others = [&request.rules, &request.reviews];
    let fs = OsFs::new(&request.access, claims_dir).map_err(|e| e.to_string())?;
    let root = git(claims_dir, &["rev-parse", "--show-toplevel"])
        .map_err(|e| format!("--changed-since needs a git work tree: {e}"))?;
    let root = PathBuf::from(root.trim());
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    git(
        &root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| format!("--changed-since: `{rev}` is not a revision of this repository"))?;
    let touched = touched_files(&root, rev)?;
    let relative = |path: &Path| -> Option<String> {
        let full = fs.node(path, Origin::Found).ok()?.physical;
        full.strip_prefix(&root).ok().map(display_path)
    };
    let before_fs = GitFs::new(root.clone(), rev.to_owned(), request.access.max_file_size);

    // The sources table describes sources anywhere: a change may change any finding.
    let tables = load::sources::candidates(claims_dir);
    let others = others
        .into_iter()
        .map(|(RulesPath::Given(path) | RulesPath::Default(path))| path)
        .chain(&tables);
    let in_tree = |path: &Path| relative(path).or_else(|| lexical_relative(&root, path));
    if let Some(name) = others
        .filter_map(|path| in_tree(path))
        .find(|name| touched.contains(name))
    {
        return Ok(Changed::Everything(format!(
            "`{name}` changed since {rev}, so every finding is reported"
        )));
    }

    let layouts = load::table_layouts(&fs, request);
    let (paths, _) =
        load::discover(&fs, claims_dir, &layouts).map_err(|problem| problem.message)?;
    let dir = relative(claims_dir).unwrap_or_default();
    let mut now: Vec<Version> = Vec::new();
    let mut sources_with_new_text = FxHashSet::default();
    let mut table_files = Vec::new();
    for path in &paths {
        let name = relative(path)
            .ok_or_else(|| format!("`{}` is outside the git work tree", display_path(path)))?;
        let is_touched = touched.contains(&name);
        if load::kind_of(&layouts, claims_dir, path).is_some() {
            table_files.push(tables::Table {
                path: path.clone(),
                name,
                touched: is_touched,
            });
            continue;
        }
        // An unreadable file is reported by the check itself.
        let Some(text) = read_text(&fs, path) else {
            continue;
        };
        let version = Version::read(path, &text);
        // A source text is read relative to its claims file.
        if let Some(text_path) = &version.text {
            let text_path = path.parent().unwrap_or(Path::new("")).join(text_path);
            let text_name = relative(&text_path).or_else(|| lexical_relative(&root, &text_path));
            if text_name.is_some_and(|n| touched.contains(&n)) {
                sources_with_new_text.insert(version.source.clone());
            }
        }
        if is_touched {
            now.push(version);
        }
    }

    // Every touched claims file as it was, wherever it was: moved claims are found by key.
    let (before, headers_before) = earlier(&touched, &dir, &before_fs, &root);

    let gone = gone_tables(&touched, &dir, (claims_dir, &layouts), &table_files);
    let mut changed = tables::changed(&fs, &before_fs, request, &table_files, &gone);
    for version in now {
        let whole_source = sources_with_new_text.contains(&version.source)
            || headers_before.get(&version.source) != Some(&version.header);
        for (key, content) in version.claims {
            if whole_source || before.get(&key) != Some(&content) {
                changed.insert(key.into_string());
            }
        }
    }
    // A source whose text changed while its claims file did not: all its claims changed.
    if !sources_with_new_text.is_empty() {
        for path in &paths {
            let Some(text) = read_text(&fs, path) else {
                continue;
            };
            let version = Version::read(path, &text);
            if sources_with_new_text.contains(&version.source) {
                changed.extend(version.claims.into_iter().map(|(key, _)| key.into_string()));
            }
        }
    }
    Ok(Changed::Claims(changed))
}

/// Every touched TOML claims file of the claims directory `dir` as it was at the revision:
/// every claim's content by key, and every source's header hash by id.
fn earlier(
    touched: &FxHashSet<String>,
    dir: &str,
    before_fs: &GitFs,
    root: &Path,
) -> (FxHashMap<Box<str>, String>, FxHashMap<String, String>) {
    let mut before: FxHashMap<Box<str>, String> = FxHashMap::default();
    let mut headers_before: FxHashMap<String, String> = FxHashMap::default();
    for name in touched {
        let in_dir = dir.is_empty() || name.starts_with(&format!("{dir}/"));
        let toml = Path::new(name)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
        if !in_dir || !toml {
            continue;
        }
        // A file that did not exist at the revision has nothing to compare with.
        let Some(text) = read_text(before_fs, Path::new(name)) else {
            continue;
        };
        let old = Version::read(&root.join(name), &text);
        headers_before.insert(old.source.clone(), old.header);
        before.extend(old.claims);
    }

    (before, headers_before)
}

/// The touched tables of the claims directory `dir` (as git names it) that are not among
/// `present`: each as git names it, and at the path the check would have read it.
fn gone_tables(
    touched: &FxHashSet<String>,
    dir: &str,
    (claims_dir, layouts): (&Path, &[load::table::wide::Layout]),
    present: &[tables::Table],
) -> Vec<(String, PathBuf)> {
    touched
        .iter()
        .filter(|name| !present.iter().any(|t| &t.name == *name))
        .filter_map(|name| {
            let inside = if dir.is_empty() {
                Some(name.as_str())
            } else {
                name.strip_prefix(&format!("{dir}/"))
            };
            inside.map(|rest| (name.clone(), claims_dir.join(rest)))
        })
        .filter(|(_, path)| load::kind_of(layouts, claims_dir, path).is_some())
        .collect()
}

/// One version of a claims file, as far as `--changed-since` cares.
struct Version {
    /// The source id.
    source: String,
    /// A hash of the `[source]` table's values.
    header: String,
    /// The source text's path as written, if any.
    text: Option<String>,
    /// Every claim's key and content hash.
    claims: Vec<(Box<str>, String)>,
}

impl Version {
    fn read(path: &Path, text: &str) -> Version {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files = Files::new();
        let shared: Arc<str> = Arc::from(text);
        let file: FileId = files.add(path.to_path_buf(), Arc::clone(&shared));
        let mut problems = Vec::new();
        let loaded = claims::read(file, stem.clone(), &shared, &mut problems);
        let source = loaded
            .source
            .as_ref()
            .and_then(|s| s.value.id.as_ref())
            .map_or(stem, |id| id.get_ref().trim().to_owned());
        let header = header_hash(&loaded, &shared);
        let text_path = loaded
            .source
            .as_ref()
            .and_then(|s| s.value.text.as_ref())
            .map(|t| t.get_ref().clone());
        let (decl, input) = loaded.into_records(&shared);
        let inputs = std::slice::from_ref(&input);
        let sources = sources::build(std::slice::from_ref(&decl), inputs, &mut problems);
        Version {
            source,
            header,
            text: text_path,
            claims: identities(&input, &sources),
        }
    }
}

/// A hash of what a `[source]` table says (not where it says it).
fn header_hash(loaded: &LoadedClaimsFile, text: &str) -> String {
    let mut hasher = Sha256::new();
    if let Some(source) = &loaded.source {
        let s = &source.value;
        // Not the id: sources are matched by it, so writing out the default id changes
        // nothing.
        let strings = [&s.title, &s.publisher, &s.author, &s.url, &s.kind, &s.text];
        for field in strings {
            hasher.update(field.as_ref().map_or("", |f| f.get_ref().as_str()));
            hasher.update([0]);
        }
        for scalar in [&s.published, &s.accessed] {
            let written = scalar
                .as_ref()
                .map(|f| f.get_ref().as_written(text.get(f.span()).unwrap_or("")));
            hasher.update(written.as_deref().unwrap_or(""));
            hasher.update([0]);
        }
        for origin in s.derived_from.iter().flatten() {
            hasher.update(origin.get_ref());
            hasher.update([1]);
        }
    }
    hex(&hasher.finalize()[..8])
}

/// Every file (relative to the work tree's root, `/`-separated) that differs from `rev` or
/// that git does not track: only these can hold changes.
fn touched_files(root: &Path, rev: &str) -> Result<FxHashSet<String>, String> {
    let differing = git(root, &["diff", "--name-only", "--no-renames", "-z", rev])?;
    let untracked = git(
        root,
        &[
            "ls-files",
            "--others",
            "--exclude-standard",
            "--full-name",
            "-z",
        ],
    )?;
    Ok(differing
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|path| !path.is_empty())
        .map(str::to_owned)
        .collect())
}

/// A path that does not exist (a deleted rules file) relative to the root, lexically.
fn lexical_relative(root: &Path, path: &Path) -> Option<String> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let parent = absolute.parent()?;
    let parent = std::fs::canonicalize(parent).ok()?;
    let full = parent.join(absolute.file_name()?);
    full.strip_prefix(root).ok().map(display_path)
}

/// A file's text, if it can be read as UTF-8.
fn read_text(fs: &dyn FileSystem, path: &Path) -> Option<String> {
    String::from_utf8(fs.read(path, Origin::Found).ok()?).ok()
}

/// Runs git in a directory; its standard output, or its error in words.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}
