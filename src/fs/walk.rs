//! Walking a directory for the files to read.
//!
//! Owns which entries a walk visits: hidden entries are skipped, links are followed only as
//! far as the file system lets them (inside the root), every directory is listed once however
//! many paths lead to it (so `claims/a -> .` cannot loop or read a file twice), and every entry
//! that cannot be read, or whose name could forge output, is one problem while the rest of the
//! walk goes on. It reads no file.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet;

use super::root::is_hidden;
use super::{FileSystem, FsError, Kind, Listing, Origin, kind_name};
use crate::files::display_path;
use crate::safe::{is_unsafe, printable};

/// The files a walk found, and what it could not look at.
#[derive(Debug, Default)]
pub struct Walk {
    /// The files, as paths under the directory walked, sorted.
    pub files: Vec<PathBuf>,
    /// Every entry that could not be looked at, in the order met.
    pub problems: Vec<FsError>,
}

/// Every file under `dir` whose path `wanted` accepts.
///
/// # Errors
/// When `dir` itself cannot be listed.
pub fn walk(
    fs: &dyn FileSystem,
    dir: &Path,
    wanted: &dyn Fn(&Path) -> bool,
) -> Result<Walk, FsError> {
    let top = fs.list(dir)?;
    let mut walker = Walker {
        fs,
        wanted,
        walk: Walk::default(),
        listed: FxHashSet::default(),
        read: FxHashSet::default(),
        pending: Vec::new(),
        links: Vec::new(),
    };
    walker.listed.insert(top.physical.clone());
    walker.pending.push((dir.to_path_buf(), top));
    // The real tree first, then links in path order: a file reached both ways is found at its
    // real path, whatever order the system lists entries in.
    loop {
        while let Some((here, listing)) = walker.pending.pop() {
            walker.visit(&here, listing);
        }
        walker.links.sort();
        walker.links.reverse();
        let Some(link) = walker.links.pop() else {
            break;
        };
        match fs.node(&link, Origin::Found) {
            Ok(node) => walker.found(link, node.kind, node.physical),
            Err(problem) => walker.walk.problems.push(problem),
        }
    }
    let mut walk = walker.walk;
    walk.files.sort();
    Ok(walk)
}

/// A walk under way.
struct Walker<'a> {
    fs: &'a dyn FileSystem,
    wanted: &'a dyn Fn(&Path) -> bool,
    walk: Walk,
    /// Directories listed, by where they really are.
    listed: FxHashSet<PathBuf>,
    /// Files found, by where they really are.
    read: FxHashSet<PathBuf>,
    /// Directories listed but not yet visited.
    pending: Vec<(PathBuf, Listing)>,
    /// Links met, to follow once the real tree is walked.
    links: Vec<PathBuf>,
}

impl Walker<'_> {
    fn visit(&mut self, here: &Path, listing: Listing) {
        self.walk.problems.extend(listing.problems);
        for entry in listing.entries {
            if is_hidden(&entry.name) {
                continue;
            }
            let path = here.join(&entry.name);
            if entry.name.to_string_lossy().chars().any(is_unsafe) {
                // The name is refused, and not even shown as it is.
                let path = printable(&display_path(&path)).into_owned();
                self.walk.problems.push(FsError::BadName { path });
                continue;
            }
            if entry.kind == Kind::Link {
                self.links.push(path);
            } else {
                let physical = listing.physical.join(&entry.name);
                self.found(path, entry.kind, physical);
            }
        }
    }

    fn found(&mut self, path: PathBuf, kind: Kind, physical: PathBuf) {
        match kind {
            Kind::Dir => {
                if !self.listed.insert(physical) {
                    return;
                }
                match self.fs.list(&path) {
                    Ok(sub) => self.pending.push((path, sub)),
                    Err(problem) => self.walk.problems.push(problem),
                }
            }
            Kind::File => {
                if (self.wanted)(&path) && self.read.insert(physical) {
                    self.walk.files.push(path);
                }
            }
            Kind::Link | Kind::Other(_) => {
                if (self.wanted)(&path) {
                    self.walk.problems.push(FsError::Kind {
                        path: display_path(&path),
                        what: kind_name(kind),
                        expected: "regular file",
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::MemoryFs;

    fn toml(path: &Path) -> bool {
        path.extension().is_some_and(|e| e == "toml")
    }

    #[test]
    fn files_are_found_recursively_and_sorted() {
        let fs = MemoryFs::new()
            .with("claims/b.toml", "")
            .with("claims/a/c.toml", "")
            .with("claims/.hidden.toml", "")
            .with("claims/.git/x.toml", "")
            .with("claims/notes.txt", "");
        let walk = walk(&fs, Path::new("claims"), &toml).unwrap();
        assert_eq!(
            walk.files,
            [
                PathBuf::from("claims/a/c.toml"),
                PathBuf::from("claims/b.toml")
            ]
        );
        assert!(walk.problems.is_empty());
    }

    #[test]
    fn names_that_could_forge_output_are_problems() {
        let fs = MemoryFs::new()
            .with("claims/ok.toml", "")
            .with("claims/x\n::warning::y.toml", "")
            .with("claims/\u{202e}lmot.toml", "");
        let walk = walk(&fs, Path::new("claims"), &toml).unwrap();
        assert_eq!(walk.files, [PathBuf::from("claims/ok.toml")]);
        assert_eq!(walk.problems.len(), 2);
        let shown: Vec<String> = walk.problems.iter().map(ToString::to_string).collect();
        assert!(shown.iter().all(|m| !m.chars().any(is_unsafe)), "{shown:?}");
        assert!(
            walk.problems
                .iter()
                .all(|p| matches!(p, FsError::BadName { .. }))
        );
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_listed_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let claims = dir.path().join("claims");
        std::fs::create_dir(&claims).unwrap();
        std::fs::write(claims.join("a.toml"), "").unwrap();
        symlink(".", claims.join("loop")).unwrap();
        symlink("..", claims.join("up")).unwrap();
        symlink("a.toml", claims.join("b.toml")).unwrap();
        let access = crate::load::Access {
            root: Some(dir.path().to_path_buf()),
            ..crate::load::Access::default()
        };
        let fs = crate::fs::OsFs::new(&access, &claims).unwrap();
        let walk = walk(&fs, &claims, &toml).unwrap();
        assert_eq!(walk.files, [claims.join("a.toml")], "{:?}", walk.problems);
        assert!(walk.problems.is_empty(), "{:?}", walk.problems);
    }
}
