//! The files of a git revision, for `--changed-since`.
//!
//! Owns asking git for a file or a directory as it was at a revision (`git show`,
//! `git ls-tree`). A revision holds what was committed, so it has no special files and its
//! links are blobs holding their target's name (git never follows them here). Paths are
//! relative to the work tree's top; nothing above it can be named.

use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

use super::root::lexical;
use super::{Entry, FileSystem, FsError, Kind, Listing, Node, Origin};
use crate::files::display_path;

/// One revision of a git work tree.
#[derive(Debug, Clone)]
pub struct GitFs {
    /// The work tree's top.
    top: PathBuf,
    /// The revision.
    rev: String,
    /// The largest file read.
    max_file_size: u64,
}

impl GitFs {
    /// The revision `rev` of the work tree whose top is `top`.
    #[must_use]
    pub fn new(top: PathBuf, rev: String, max_file_size: u64) -> GitFs {
        GitFs {
            top,
            rev,
            max_file_size,
        }
    }

    /// `path` as git names it in the revision: relative to the top, `/`-separated.
    fn name(path: &Path) -> Result<String, FsError> {
        let relative = lexical(path);
        let mut parts = Vec::new();
        for component in relative.components() {
            match component {
                Component::Normal(part) => {
                    let part = part.to_str().ok_or_else(|| FsError::NotFound {
                        path: display_path(path),
                    })?;
                    parts.push(part);
                }
                Component::CurDir => {}
                _ => {
                    return Err(FsError::Outside {
                        path: display_path(path),
                    });
                }
            }
        }
        Ok(parts.join("/"))
    }

    fn git(&self, args: &[&str]) -> Result<Vec<u8>, String> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.top)
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
        }
    }

    /// The type of an object at the revision (`blob`, `tree`), if there is one.
    fn object_type(&self, name: &str) -> Option<String> {
        let spec = format!("{}:{name}", self.rev);
        self.git(&["cat-file", "-t", &spec])
            .ok()
            .map(|t| String::from_utf8_lossy(&t).trim().to_owned())
    }
}

impl FileSystem for GitFs {
    fn read(&self, path: &Path, _origin: Origin) -> Result<Vec<u8>, FsError> {
        let name = Self::name(path)?;
        let shown = || display_path(path);
        let spec = format!("{}:{name}", self.rev);
        let size = self
            .git(&["cat-file", "-s", &spec])
            .ok()
            .and_then(|s| String::from_utf8_lossy(&s).trim().parse::<u64>().ok())
            .ok_or_else(|| FsError::NotFound { path: shown() })?;
        if size > self.max_file_size {
            return Err(FsError::TooLarge {
                path: shown(),
                limit: self.max_file_size,
            });
        }
        self.git(&["cat-file", "blob", &spec])
            .map_err(|_| FsError::Kind {
                path: shown(),
                what: "a directory",
                expected: "regular file",
            })
    }

    fn list(&self, dir: &Path) -> Result<Listing, FsError> {
        let name = Self::name(dir)?;
        let spec = if name.is_empty() {
            self.rev.clone()
        } else {
            format!("{}:{name}", self.rev)
        };
        let listing = self
            .git(&["ls-tree", "-z", &spec])
            .map_err(|_| FsError::NotFound {
                path: display_path(dir),
            })?;
        let mut entries = Vec::new();
        // Each record: "<mode> <type> <object>\t<name>\0".
        for record in listing.split(|&b| b == 0).filter(|r| !r.is_empty()) {
            let Some(tab) = record.iter().position(|&b| b == b'\t') else {
                continue;
            };
            let (meta, name) = (&record[..tab], &record[tab + 1..]);
            let kind = match meta.split(|&b| b == b' ').next() {
                Some(b"040000") => Kind::Dir,
                Some(b"120000") => Kind::Link,
                Some(b"100644" | b"100755") => Kind::File,
                _ => Kind::Other("a submodule"),
            };
            let Ok(name) = std::str::from_utf8(name) else {
                continue;
            };
            entries.push(Entry {
                name: OsString::from(name),
                kind,
            });
        }
        Ok(Listing {
            physical: PathBuf::from(name),
            entries,
            problems: Vec::new(),
        })
    }

    fn node(&self, path: &Path, _origin: Origin) -> Result<Node, FsError> {
        let name = Self::name(path)?;
        let kind = match self.object_type(&name).as_deref() {
            Some("blob") => Kind::File,
            Some("tree") => Kind::Dir,
            Some(_) => Kind::Other("a submodule"),
            None => {
                return Err(FsError::NotFound {
                    path: display_path(path),
                });
            }
        };
        Ok(Node {
            kind,
            physical: PathBuf::from(name),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str]) -> bool {
        Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    }

    #[test]
    fn files_are_read_as_they_were_at_the_revision() {
        let dir = tempfile::tempdir().unwrap();
        let top = dir.path();
        if !git(top, &["init", "-q"]) {
            eprintln!("skipped: git is not available");
            return;
        }
        std::fs::create_dir(top.join("claims")).unwrap();
        std::fs::write(top.join("claims/a.toml"), "old").unwrap();
        assert!(git(top, &["add", "."]));
        assert!(git(
            top,
            &[
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "commit",
                "-qm",
                "one"
            ]
        ));
        std::fs::write(top.join("claims/a.toml"), "new").unwrap();
        let fs = GitFs::new(top.to_path_buf(), "HEAD".into(), 100);
        assert_eq!(
            fs.read(Path::new("claims/a.toml"), Origin::Found).unwrap(),
            b"old"
        );
        assert!(
            fs.read(Path::new("claims/b.toml"), Origin::Found)
                .unwrap_err()
                .is_not_found()
        );
        assert!(matches!(
            fs.read(Path::new("../x"), Origin::Found),
            Err(FsError::Outside { .. })
        ));
        let listing = fs.list(Path::new("claims")).unwrap();
        assert_eq!(listing.entries.len(), 1);
        assert_eq!(listing.entries[0].kind, Kind::File);
        assert_eq!(
            fs.node(Path::new("claims"), Origin::Found).unwrap().kind,
            Kind::Dir
        );
    }
}
