//! The disk, confined to the dataset root.
//!
//! Owns path resolution at the trust boundary. A path is made absolute and resolved as text,
//! must then lie inside the root, and is walked one component at a time from the root: a
//! symbolic link is read (never its target) and its target spliced into the rest of the path,
//! so a link that leads outside the root, or into a hidden directory such as `.git`, is refused
//! before anything there is touched. Refusals therefore say nothing about what lies outside
//! (not even whether it exists). Only regular files are read, opened without following a link
//! and without blocking (a FIFO swapped in after the check cannot hang the run), up to the
//! size limit.
//!
//! Out of scope: a process that changes the dataset on disk while factcheck runs. The threat
//! is the content of the dataset (a pull request), not a concurrent attacker on the runner.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use super::root::{default_root, is_hidden, lexical};
use super::{Entry, FileSystem, FsError, Kind, Listing, Node, Origin};
use crate::files::display_path;
use crate::load::Access;

/// Links followed in one path before it counts as a loop (as Linux's `ELOOP`).
const MAX_LINKS: usize = 40;

/// The disk, as one dataset may see it.
#[derive(Debug, Clone)]
pub struct OsFs {
    /// The root with every link resolved.
    root: PathBuf,
    /// The root as derived from the arguments (absolute, lexical): paths given under it are
    /// inside even when a link on the way to it makes it differ from `root`.
    root_given: PathBuf,
    /// The working directory, for relative paths.
    cwd: PathBuf,
    /// Whether links and paths may lead outside the root.
    outside_root: bool,
    /// The largest file read.
    max_file_size: u64,
}

impl OsFs {
    /// The disk under the root `access` names, or the default root for `claims_dir`.
    ///
    /// # Errors
    /// When the working directory is unknown or the root does not exist.
    pub fn new(access: &Access, claims_dir: &Path) -> Result<OsFs, FsError> {
        let cwd = std::env::current_dir()
            .map_err(|source| FsError::io("the working directory".to_owned(), source))?;
        let root_given = match &access.root {
            Some(root) => lexical(&cwd.join(root)),
            None => default_root(&cwd, claims_dir),
        };
        let root = fs::canonicalize(&root_given)
            .map_err(|source| FsError::io(display_path(&root_given), source))?;
        Ok(OsFs {
            root,
            root_given,
            cwd,
            outside_root: access.outside_root,
            max_file_size: access.max_file_size,
        })
    }

    /// The root, links resolved.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where a path really leads, with what is there (not a link), or why it may not be
    /// followed.
    fn resolve(&self, given: &Path, origin: Origin) -> Result<(PathBuf, Metadata), FsError> {
        let shown = || display_path(given);
        let absolute = lexical(&self.cwd.join(given));
        let inside = absolute
            .strip_prefix(&self.root)
            .or_else(|_| absolute.strip_prefix(&self.root_given))
            .ok();
        let relative = match inside {
            Some(relative) if !self.outside_root => relative,
            // Outside the dataset, only the user's own choices are read, as the system reads
            // them.
            None if !self.outside_root && origin != Origin::Argument => {
                return Err(FsError::Outside { path: shown() });
            }
            _ => {
                let physical =
                    fs::canonicalize(&absolute).map_err(|source| FsError::io(shown(), source))?;
                let metadata =
                    fs::metadata(&physical).map_err(|source| FsError::io(shown(), source))?;
                return Ok((physical, metadata));
            }
        };

        // Each component still to walk, and whether it came out of a link's target.
        let mut pending: VecDeque<(OsString, bool)> = relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(name) => Some((name.to_os_string(), false)),
                _ => None,
            })
            .collect();
        let mut here = self.root.clone();
        let mut depth = 0usize;
        let mut links = 0usize;
        let mut metadata = fs::symlink_metadata(&here).map_err(|e| FsError::io(shown(), e))?;
        while let Some((name, from_link)) = pending.pop_front() {
            if name == ".." {
                if depth == 0 {
                    return Err(FsError::Outside { path: shown() });
                }
                here.pop();
                depth -= 1;
                metadata = fs::symlink_metadata(&here).map_err(|e| FsError::io(shown(), e))?;
                continue;
            }
            if name == "." {
                continue;
            }
            if is_hidden(&name) && (from_link || origin == Origin::Dataset) {
                return Err(FsError::Hidden { path: shown() });
            }
            let next = here.join(&name);
            let next_metadata =
                fs::symlink_metadata(&next).map_err(|source| FsError::io(shown(), source))?;
            if !next_metadata.file_type().is_symlink() {
                here = next;
                depth += 1;
                metadata = next_metadata;
                continue;
            }
            links += 1;
            if links > MAX_LINKS {
                return Err(FsError::Loop { path: shown() });
            }
            let target = fs::read_link(&next).map_err(|source| FsError::io(shown(), source))?;
            let mut spliced: Vec<(OsString, bool)> = Vec::new();
            if target.is_absolute() {
                // An absolute target counts only when it names a place inside the root.
                let inside = lexical(&target);
                let rest = inside
                    .strip_prefix(&self.root)
                    .or_else(|_| inside.strip_prefix(&self.root_given))
                    .map_err(|_| FsError::Outside { path: shown() })?;
                here.clone_from(&self.root);
                depth = 0;
                spliced.extend(rest.components().filter_map(|c| match c {
                    Component::Normal(n) => Some((n.to_os_string(), true)),
                    _ => None,
                }));
            } else {
                spliced.extend(target.components().filter_map(|c| match c {
                    Component::Normal(n) => Some((n.to_os_string(), true)),
                    Component::ParentDir => Some((OsString::from(".."), true)),
                    _ => None,
                }));
            }
            for item in spliced.into_iter().rev() {
                pending.push_front(item);
            }
        }
        Ok((here, metadata))
    }
}

impl FileSystem for OsFs {
    fn read(&self, path: &Path, origin: Origin) -> Result<Vec<u8>, FsError> {
        let shown = || display_path(path);
        let (physical, metadata) = self.resolve(path, origin)?;
        let kind = kind_of(&metadata);
        if kind != Kind::File {
            return Err(FsError::Kind {
                path: shown(),
                what: super::kind_name(kind),
                expected: "regular file",
            });
        }
        if metadata.len() > self.max_file_size {
            return Err(FsError::TooLarge {
                path: shown(),
                limit: self.max_file_size,
            });
        }
        let file = open_regular(&physical).map_err(|source| FsError::io(shown(), source))?;
        let opened = file
            .metadata()
            .map_err(|source| FsError::io(shown(), source))?;
        if !opened.is_file() {
            return Err(FsError::Kind {
                path: shown(),
                what: super::kind_name(kind_of(&opened)),
                expected: "regular file",
            });
        }
        let mut bytes = Vec::with_capacity(usize::try_from(opened.len()).unwrap_or(0));
        // A file that grows while it is read (or lies about its size) still stops at the
        // limit.
        file.take(self.max_file_size.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| FsError::io(shown(), source))?;
        if bytes.len() as u64 > self.max_file_size {
            return Err(FsError::TooLarge {
                path: shown(),
                limit: self.max_file_size,
            });
        }
        Ok(bytes)
    }

    fn list(&self, dir: &Path) -> Result<Listing, FsError> {
        let shown = || display_path(dir);
        let (physical, metadata) = self.resolve(dir, Origin::Found)?;
        if !metadata.is_dir() {
            return Err(FsError::Kind {
                path: shown(),
                what: super::kind_name(kind_of(&metadata)),
                expected: "directory",
            });
        }
        let mut listing = Listing {
            physical: physical.clone(),
            ..Listing::default()
        };
        let entries = fs::read_dir(&physical).map_err(|source| FsError::io(shown(), source))?;
        for entry in entries {
            match entry.and_then(|e| Ok((e.file_name(), e.file_type()?))) {
                Ok((name, file_type)) => listing.entries.push(Entry {
                    name,
                    kind: kind_of_type(file_type),
                }),
                Err(source) => listing.problems.push(FsError::Io {
                    path: shown(),
                    source,
                }),
            }
        }
        Ok(listing)
    }

    fn confines(&self) -> bool {
        !self.outside_root
    }

    fn node(&self, path: &Path, origin: Origin) -> Result<Node, FsError> {
        let (physical, metadata) = self.resolve(path, origin)?;
        Ok(Node {
            kind: kind_of(&metadata),
            physical,
        })
    }
}

fn kind_of(metadata: &Metadata) -> Kind {
    kind_of_type(metadata.file_type())
}

fn kind_of_type(file_type: fs::FileType) -> Kind {
    if file_type.is_symlink() {
        return Kind::Link;
    }
    if file_type.is_file() {
        return Kind::File;
    }
    if file_type.is_dir() {
        return Kind::Dir;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Kind::Other("a FIFO");
        }
        if file_type.is_socket() {
            return Kind::Other("a socket");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Kind::Other("a device");
        }
    }
    Kind::Other("a special file")
}

/// Opens a file for reading without following a final link and without blocking on a FIFO.
fn open_regular(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    struct Tree {
        dir: tempfile::TempDir,
    }

    impl Tree {
        fn new() -> Tree {
            let dir = tempfile::tempdir().unwrap();
            fs::create_dir_all(dir.path().join("root/claims")).unwrap();
            fs::create_dir_all(dir.path().join("outside")).unwrap();
            fs::write(dir.path().join("outside/secret"), "secret").unwrap();
            fs::write(dir.path().join("root/claims/a.toml"), "a").unwrap();
            Tree { dir }
        }

        fn fs(&self) -> OsFs {
            self.fs_with(false)
        }

        fn fs_with(&self, outside_root: bool) -> OsFs {
            let access = Access {
                root: Some(self.dir.path().join("root")),
                outside_root,
                max_file_size: 1000,
            };
            OsFs::new(&access, Path::new("claims")).unwrap()
        }

        fn path(&self, relative: &str) -> PathBuf {
            self.dir.path().join(relative)
        }
    }

    #[test]
    fn files_inside_the_root_are_read() {
        let tree = Tree::new();
        assert_eq!(
            tree.fs()
                .read(&tree.path("root/claims/a.toml"), Origin::Found)
                .unwrap(),
            b"a"
        );
    }

    #[test]
    fn links_inside_the_root_are_followed() {
        let tree = Tree::new();
        symlink("a.toml", tree.path("root/claims/b.toml")).unwrap();
        symlink("claims", tree.path("root/alias")).unwrap();
        let fs = tree.fs();
        assert_eq!(
            fs.read(&tree.path("root/claims/b.toml"), Origin::Found)
                .unwrap(),
            b"a"
        );
        assert_eq!(
            fs.read(&tree.path("root/alias/b.toml"), Origin::Found)
                .unwrap(),
            b"a"
        );
        let absolute = tree.path("root/claims/a.toml");
        symlink(&absolute, tree.path("root/claims/c.toml")).unwrap();
        assert_eq!(
            fs.read(&tree.path("root/claims/c.toml"), Origin::Found)
                .unwrap(),
            b"a"
        );
    }

    #[test]
    fn links_out_of_the_root_are_refused_whether_or_not_the_target_exists() {
        let tree = Tree::new();
        symlink("../../outside/secret", tree.path("root/claims/x.toml")).unwrap();
        symlink("../../outside/missing", tree.path("root/claims/y.toml")).unwrap();
        symlink(tree.path("outside/secret"), tree.path("root/claims/z.toml")).unwrap();
        symlink(tree.path("outside"), tree.path("root/claims/dir")).unwrap();
        let fs = tree.fs();
        for name in ["x.toml", "y.toml", "z.toml", "dir/secret"] {
            let error = fs
                .read(&tree.path(&format!("root/claims/{name}")), Origin::Found)
                .unwrap_err();
            assert!(matches!(error, FsError::Outside { .. }), "{name}: {error}");
        }
        assert!(matches!(
            fs.read(&tree.path("outside/secret"), Origin::Found),
            Err(FsError::Outside { .. })
        ));
    }

    #[test]
    fn paths_from_the_dataset_are_relative_and_visible() {
        let tree = Tree::new();
        fs::create_dir_all(tree.path("root/.git")).unwrap();
        fs::write(tree.path("root/.git/config"), "token").unwrap();
        symlink("../.git/config", tree.path("root/claims/g.toml")).unwrap();
        let fs = tree.fs();
        assert!(matches!(
            fs.read_written(Path::new("root/claims"), &tree.path("outside/secret")),
            Err(FsError::Absolute { .. })
        ));
        assert!(matches!(
            fs.read_written(&tree.path("root/claims"), Path::new("../../outside/secret")),
            Err(FsError::Outside { .. })
        ));
        assert!(matches!(
            fs.read_written(&tree.path("root/claims"), Path::new("../.git/config")),
            Err(FsError::Hidden { .. })
        ));
        assert_eq!(
            fs.read_written(&tree.path("root/claims"), Path::new("./a.toml"))
                .unwrap(),
            (tree.path("root/claims/a.toml"), b"a".to_vec())
        );
        assert!(matches!(
            fs.read(Path::new("../outside/secret"), Origin::Dataset),
            Err(FsError::Outside { .. })
        ));
        assert!(matches!(
            fs.read(&tree.path("root/claims/g.toml"), Origin::Found),
            Err(FsError::Hidden { .. })
        ));
        assert!(
            fs.read(&tree.path("root/.git/config"), Origin::Found)
                .is_ok()
        );
    }

    #[test]
    fn special_and_large_files_are_refused() {
        let tree = Tree::new();
        fs::write(tree.path("root/big"), vec![b'x'; 1001]).unwrap();
        let fs = tree.fs();
        assert!(matches!(
            fs.read(&tree.path("root/big"), Origin::Found),
            Err(FsError::TooLarge { limit: 1000, .. })
        ));
        assert!(matches!(
            fs.read(&tree.path("root/claims"), Origin::Found),
            Err(FsError::Kind { .. })
        ));
        let fifo = tree.path("root/claims/fifo.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                fs.read(&fifo, Origin::Found),
                Err(FsError::Kind { what: "a FIFO", .. })
            ));
        }
    }

    #[test]
    fn files_the_user_names_may_lie_outside_but_links_inside_stay_confined() {
        let tree = Tree::new();
        symlink("../outside/secret", tree.path("root/rules.toml")).unwrap();
        let fs = tree.fs();
        assert_eq!(
            fs.read(&tree.path("outside/secret"), Origin::Argument)
                .unwrap(),
            b"secret"
        );
        assert!(matches!(
            fs.read(&tree.path("root/rules.toml"), Origin::Argument),
            Err(FsError::Outside { .. })
        ));
        assert!(matches!(
            fs.list(&tree.path("outside")),
            Err(FsError::Outside { .. })
        ));
    }

    #[test]
    fn link_loops_end() {
        let tree = Tree::new();
        symlink("b", tree.path("root/a")).unwrap();
        symlink("a", tree.path("root/b")).unwrap();
        assert!(matches!(
            tree.fs().read(&tree.path("root/a"), Origin::Found),
            Err(FsError::Loop { .. })
        ));
    }

    #[test]
    fn outside_the_root_when_allowed() {
        let tree = Tree::new();
        symlink("../../outside/secret", tree.path("root/claims/x.toml")).unwrap();
        assert_eq!(
            tree.fs_with(true)
                .read(&tree.path("root/claims/x.toml"), Origin::Found)
                .unwrap(),
            b"secret"
        );
    }
}
