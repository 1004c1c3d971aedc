//! An in-memory tree of files, for tests: loading without a temporary directory.
//!
//! Owns nothing but a map from paths to bytes; directories are implied by the files under
//! them. It has no links and no special files, so it refuses only what names a place above its
//! root, absolute paths from the dataset, hidden names from the dataset, and files above the
//! size limit.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Component, Path, PathBuf};

use super::root::{is_hidden, lexical};
use super::{Entry, FileSystem, FsError, Kind, Listing, Node, Origin};
use crate::files::display_path;

/// Files in memory, keyed by relative path.
#[derive(Debug, Clone, Default)]
pub struct MemoryFs {
    files: BTreeMap<PathBuf, Vec<u8>>,
    max_file_size: Option<u64>,
}

impl MemoryFs {
    /// An empty tree.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a file.
    #[must_use]
    pub fn with(mut self, path: impl AsRef<Path>, bytes: impl Into<Vec<u8>>) -> Self {
        self.files.insert(lexical(path.as_ref()), bytes.into());
        self
    }

    /// Sets a size limit.
    #[must_use]
    pub fn with_max_file_size(mut self, limit: u64) -> Self {
        self.max_file_size = Some(limit);
        self
    }

    fn key(path: &Path, origin: Origin) -> Result<PathBuf, FsError> {
        let shown = || display_path(path);
        if path.is_absolute() {
            return Err(FsError::Outside { path: shown() });
        }
        let key = lexical(path);
        for component in key.components() {
            match component {
                Component::ParentDir => return Err(FsError::Outside { path: shown() }),
                Component::Normal(name) if origin == Origin::Dataset && is_hidden(name) => {
                    return Err(FsError::Hidden { path: shown() });
                }
                _ => {}
            }
        }
        Ok(key)
    }

    fn is_dir(&self, key: &Path) -> bool {
        key.as_os_str().is_empty() || self.files.keys().any(|f| f.starts_with(key) && f != key)
    }
}

impl FileSystem for MemoryFs {
    fn read(&self, path: &Path, origin: Origin) -> Result<Vec<u8>, FsError> {
        let key = Self::key(path, origin)?;
        match self.files.get(&key) {
            Some(bytes) => match self.max_file_size {
                Some(limit) if bytes.len() as u64 > limit => Err(FsError::TooLarge {
                    path: display_path(path),
                    limit,
                }),
                _ => Ok(bytes.clone()),
            },
            None if self.is_dir(&key) => Err(FsError::Kind {
                path: display_path(path),
                what: "a directory",
                expected: "regular file",
            }),
            None => Err(FsError::NotFound {
                path: display_path(path),
            }),
        }
    }

    fn list(&self, dir: &Path) -> Result<Listing, FsError> {
        let key = Self::key(dir, Origin::Found)?;
        if self.files.contains_key(&key) {
            return Err(FsError::Kind {
                path: display_path(dir),
                what: "a regular file",
                expected: "directory",
            });
        }
        if !self.is_dir(&key) {
            return Err(FsError::NotFound {
                path: display_path(dir),
            });
        }
        let mut entries: Vec<Entry> = Vec::new();
        for file in self.files.keys() {
            let Ok(rest) = file.strip_prefix(&key) else {
                continue;
            };
            let mut components = rest.components();
            let Some(Component::Normal(name)) = components.next() else {
                continue;
            };
            let kind = if components.next().is_some() {
                Kind::Dir
            } else {
                Kind::File
            };
            let name: OsString = name.to_os_string();
            if !entries.iter().any(|e| e.name == name) {
                entries.push(Entry { name, kind });
            }
        }
        Ok(Listing {
            physical: key,
            entries,
            problems: Vec::new(),
        })
    }

    fn node(&self, path: &Path, origin: Origin) -> Result<Node, FsError> {
        let key = Self::key(path, origin)?;
        let kind = if self.files.contains_key(&key) {
            Kind::File
        } else if self.is_dir(&key) {
            Kind::Dir
        } else {
            return Err(FsError::NotFound {
                path: display_path(path),
            });
        };
        Ok(Node {
            kind,
            physical: key,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_implied_directories() {
        let fs = MemoryFs::new()
            .with("claims/a.toml", "a")
            .with("claims/sub/b.toml", "b");
        assert_eq!(
            fs.read(Path::new("./claims/a.toml"), Origin::Found)
                .unwrap(),
            b"a"
        );
        let listing = fs.list(Path::new("claims")).unwrap();
        let mut names: Vec<_> = listing
            .entries
            .iter()
            .map(|e| (e.name.to_string_lossy().into_owned(), e.kind))
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            names,
            [
                ("a.toml".to_owned(), Kind::File),
                ("sub".to_owned(), Kind::Dir)
            ]
        );
        assert!(
            fs.read(Path::new("claims/x"), Origin::Found)
                .unwrap_err()
                .is_not_found()
        );
        assert!(matches!(
            fs.read(Path::new("../x"), Origin::Found),
            Err(FsError::Outside { .. })
        ));
        assert!(matches!(
            fs.read(Path::new(".git/config"), Origin::Dataset),
            Err(FsError::Hidden { .. })
        ));
    }
}
