//! `--changed-since REV`: which claims were added or changed since a git revision.
//!
//! Owns asking git. Each claims file is read as it is now and as it was at the revision
//! (`git show REV:path`), both are loaded, and a claim counts as changed when its key is new or
//! what it states differs. The check itself still runs on the whole dataset: a conflict needs
//! both sides; only the findings reported are narrowed (`triage`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::files::{FileId, Files, display_path};
use crate::load::{self, claims};
use crate::normalize::claims::identities;

/// The keys of the claims in `claims_dir` that are new or different since `rev`.
///
/// # Errors
/// When git is missing, the directory is not in a git work tree, or the revision is unknown.
pub fn changed_claims(claims_dir: &Path, rev: &str) -> Result<FxHashSet<String>, String> {
    let root = git(claims_dir, &["rev-parse", "--show-toplevel"])
        .map_err(|e| format!("--changed-since needs a git work tree: {e}"))?;
    let root = PathBuf::from(root.trim());
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
    let paths = load::discover(claims_dir).map_err(|problem| problem.message)?;
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    let touched = touched_files(&root, claims_dir, rev)?;

    let mut changed = FxHashSet::default();
    for path in paths {
        let relative = std::fs::canonicalize(&path)
            .ok()
            .and_then(|full| full.strip_prefix(&root).ok().map(display_path))
            .ok_or_else(|| format!("`{}` is outside the git work tree", display_path(&path)))?;
        if !touched.contains(&relative) {
            continue;
        }
        let now = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read `{}`: {e}", display_path(&path)))?;
        let spec = format!("{rev}:{relative}");
        // A file that did not exist at the revision is all new.
        let then = git(&root, &["show", &spec]).ok();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let before: FxHashMap<Box<str>, String> = then
            .map(|text| claim_identities(&path, &stem, &text).into_iter().collect())
            .unwrap_or_default();
        for (key, content) in claim_identities(&path, &stem, &now) {
            if before.get(&key) != Some(&content) {
                changed.insert(key.into_string());
            }
        }
    }
    Ok(changed)
}

/// The files under `dir` (relative to the work tree's root, `/`-separated) that differ from
/// `rev` or that git does not track: only these can hold changed claims.
fn touched_files(root: &Path, dir: &Path, rev: &str) -> Result<FxHashSet<String>, String> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let dir = dir.to_string_lossy();
    let differing = git(
        root,
        &["diff", "--name-only", "--no-renames", "-z", rev, "--", &dir],
    )?;
    let untracked = git(
        root,
        &["ls-files", "--others", "--full-name", "-z", "--", &dir],
    )?;
    Ok(differing
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|path| !path.is_empty())
        .map(str::to_owned)
        .collect())
}

fn claim_identities(path: &Path, stem: &str, text: &str) -> Vec<(Box<str>, String)> {
    let mut files = Files::new();
    let text: Arc<str> = Arc::from(text);
    let file: FileId = files.add(path.to_path_buf(), Arc::clone(&text));
    let mut problems = Vec::new();
    let loaded = claims::read(file, stem.to_owned(), &text, &mut problems);
    identities(&files, &loaded)
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
