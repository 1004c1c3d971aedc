//! The writing mechanics: how a cleared [`Target`] is written so that a failure leaves nothing
//! half done.
//!
//! Owns replacing, creating and editing a target through a synced temporary file renamed into
//! place, creating missing directories one by one so that exactly those are taken back
//! ([`Created`]), and appending to a file that is not ours. Must not decide which paths may be
//! written: it takes a `Target` as cleared by `guard` and never makes one, never checks for
//! inputs or links itself, and writes nothing but a target (or the one file `append` is
//! given).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Target, WriteError};

impl Target {
    /// Replaces the file (or creates it, and its directory) with `contents`, atomically.
    ///
    /// # Errors
    ///
    /// [`WriteError::Directory`] or [`WriteError::Io`]; the old file is then as it was.
    pub fn replace(&self, contents: &[u8]) -> Result<(), WriteError> {
        self.replace_with(|file| file.write_all(contents))
    }

    /// Replaces the file (or creates it, and its directory) with what `fill` writes into it,
    /// atomically: for output streamed as it is made, never held whole in memory.
    ///
    /// # Errors
    ///
    /// [`WriteError::Directory`] or [`WriteError::Io`] (also when `fill` fails); the old file
    /// is then as it was.
    pub fn replace_with(
        &self,
        fill: impl FnOnce(&mut File) -> io::Result<()>,
    ) -> Result<(), WriteError> {
        let created = create_dirs(directory_of(&self.path))?;
        persist(&self.path, fill, true).map_err(|source| {
            created.discard();
            WriteError::Io {
                path: self.path.clone(),
                source,
            }
        })
    }

    /// Creates the file (and its directory) with `contents`, atomically; an existing file is
    /// never replaced, even one that appeared since it was cleared. Returns what was created,
    /// for a caller that must take it back when a later step fails.
    ///
    /// # Errors
    ///
    /// [`WriteError::Exists`], [`WriteError::Directory`] or [`WriteError::Io`]; nothing is
    /// then left behind.
    pub fn create(&self, contents: &[u8]) -> Result<Created, WriteError> {
        let mut created = create_dirs(directory_of(&self.path))?;
        match persist(&self.path, |file| file.write_all(contents), false) {
            Ok(()) => {
                created.paths.push((self.path.clone(), Kind::File));
                Ok(created)
            }
            Err(source) => {
                created.discard();
                Err(if source.kind() == io::ErrorKind::AlreadyExists {
                    WriteError::Exists {
                        path: self.path.clone(),
                    }
                } else {
                    WriteError::Io {
                        path: self.path.clone(),
                        source,
                    }
                })
            }
        }
    }

    /// Rewrites the file from its current bytes (`None` when there is no file), atomically:
    /// replaced when it existed, created when it did not.
    ///
    /// # Errors
    ///
    /// [`WriteError::Read`], or those of [`Target::replace`] and [`Target::create`].
    pub fn edit(&self, change: impl FnOnce(Option<&[u8]>) -> Vec<u8>) -> Result<(), WriteError> {
        match fs::read(&self.path) {
            Ok(current) => self.replace(&change(Some(&current))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                self.create(&change(None)).map(|_| ())
            }
            Err(source) => Err(WriteError::Read {
                path: self.path.clone(),
                source,
            }),
        }
    }
}

/// Appends to a file that is not ours (`$GITHUB_STEP_SUMMARY`): appending is its contract.
/// A failed append is cut back to where it started, so the file never ends in half a write.
///
/// # Errors
///
/// When the file cannot be opened, written or synced.
pub fn append(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    let start = file.metadata()?.len();
    // Syncing makes a full disk or a lost server say so here, not after the exit status.
    file.write_all(contents)
        .and_then(|()| file.sync_data())
        .inspect_err(|_| {
            let _ = file.set_len(start);
        })
}

/// What a write created that was not there before, in order: taken back when a later step of
/// the same command fails.
#[derive(Debug, Default)]
pub struct Created {
    paths: Vec<(PathBuf, Kind)>,
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    File,
    Directory,
}

impl Created {
    /// Adds what a later write created.
    pub fn extend(&mut self, later: Created) {
        self.paths.extend(later.paths);
    }

    /// Whether nothing was created.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Takes back what was created, after a failure whose error is the one to report: an
    /// empty directory that cannot be removed again is the least of it.
    fn discard(self) {
        let _ = self.undo();
    }

    /// Removes everything created, newest first; returns what could not be removed.
    #[must_use]
    pub fn undo(self) -> Vec<PathBuf> {
        let mut left = Vec::new();
        for (path, kind) in self.paths.into_iter().rev() {
            let removed = match kind {
                Kind::File => fs::remove_file(&path),
                Kind::Directory => fs::remove_dir(&path),
            };
            if removed.is_err() {
                left.push(path);
            }
        }
        left
    }
}

/// The directory a file is in (`.` for a bare name).
fn directory_of(path: &Path) -> &Path {
    path.parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Creates `dir` and its missing ancestors, one by one so that exactly those can be taken
/// back.
fn create_dirs(dir: &Path) -> Result<Created, WriteError> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|ancestor| {
            !ancestor.as_os_str().is_empty() && fs::symlink_metadata(ancestor).is_err()
        })
        .collect();
    let mut created = Created::default();
    for dir in missing.into_iter().rev() {
        match fs::create_dir(dir) {
            Ok(()) => created.paths.push((dir.to_owned(), Kind::Directory)),
            // Made meanwhile by someone else: not ours to take back.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(source) => {
                created.discard();
                return Err(WriteError::Directory {
                    path: dir.to_owned(),
                    source,
                });
            }
        }
    }
    Ok(created)
}

/// Writes a temporary file beside `path` with `fill`, syncs it, and renames it to `path`
/// (over an existing file when `overwrite`, else only where nothing is). On any error the
/// temporary file is removed and `path` is untouched.
fn persist(
    path: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
    overwrite: bool,
) -> io::Result<()> {
    let dir = directory_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".factcheck-").suffix(".tmp");
    // As `fs::write` would create it (the umask applies), not the temporary file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    // Dropping the temporary file on an early return removes it.
    let mut temporary = builder.tempfile_in(dir)?;
    // A replaced file keeps its permissions; a replaced link's target is not ours to copy.
    let old = fs::symlink_metadata(path)
        .ok()
        .filter(|old| overwrite && old.is_file());
    if let Some(old) = old {
        temporary.as_file().set_permissions(old.permissions())?;
    }
    fill(temporary.as_file_mut())?;
    temporary.as_file().sync_all()?;
    let persisted = if overwrite {
        temporary.persist(path)
    } else {
        temporary.persist_noclobber(path)
    };
    persisted.map_err(|error| error.error)?;
    // The rename lasts a crash only once the directory is synced. Some systems cannot sync a
    // directory; the file is whole either way, so that is no failure.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs::write::Inputs;

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_replace_writes_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        fs::write(&path, "old").unwrap();
        let target = Target::output(&path, &Inputs::default(), false).unwrap();
        target.replace(b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(listing(dir.path()), ["out.json"]);
    }

    #[test]
    fn a_failing_writer_keeps_the_old_file_and_removes_the_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        fs::write(&path, "{\"old\": true}").unwrap();
        let target = Target::output(&path, &Inputs::default(), false).unwrap();
        let error = target
            .replace_with(|file| {
                file.write_all(b"{\"new\": ")?;
                Err(io::Error::from(io::ErrorKind::StorageFull))
            })
            .unwrap_err();
        assert!(matches!(error, WriteError::Io { .. }), "{error}");
        assert!(error.to_string().starts_with("cannot write `"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "{\"old\": true}");
        assert_eq!(listing(dir.path()), ["baseline.json"]);
    }

    #[test]
    fn a_failed_write_takes_back_the_directories_it_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/out.sarif");
        let target = Target::output(&path, &Inputs::default(), false).unwrap();
        assert!(
            target
                .replace_with(|_| Err(io::Error::from(io::ErrorKind::StorageFull)))
                .is_err()
        );
        assert!(listing(dir.path()).is_empty());
        target.replace(b"x").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "x");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_directory_fails_the_write_and_keeps_the_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        // Root writes anyway; the failing writer above covers root.
        let probe = fs::write(dir.path().join("probe"), "");
        let result = Target::output(&path, &Inputs::default(), false)
            .unwrap()
            .replace(b"new");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        if probe.is_err() {
            assert!(result.is_err());
            assert_eq!(fs::read_to_string(&path).unwrap(), "old");
            assert_eq!(listing(dir.path()), ["out.md"]);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        Target::output(&path, &Inputs::default(), false)
            .unwrap()
            .replace(b"new")
            .unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn create_never_replaces_and_takes_back_what_it_made() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/dir/file.toml");
        let target = Target::own(&path, "").unwrap();
        let created = target.create(b"one").unwrap();
        assert!(!created.is_empty());
        let error = target.create(b"two").unwrap_err();
        assert!(matches!(error, WriteError::Exists { .. }), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "one");
        assert_eq!(listing(&dir.path().join("new/dir")), ["file.toml"]);
        assert!(created.undo().is_empty());
        assert!(listing(dir.path()).is_empty());
    }

    #[test]
    fn an_edit_rewrites_or_creates_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.toml");
        let target = Target::own(&path, "").unwrap();
        let append = |current: Option<&[u8]>| {
            let mut text = current.map_or_else(|| b"# header\n".to_vec(), <[u8]>::to_vec);
            text.extend_from_slice(b"[[review]]\n");
            text
        };
        target.edit(append).unwrap();
        target.edit(append).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "# header\n[[review]]\n[[review]]\n"
        );
        assert_eq!(listing(dir.path()), ["reviews.toml"]);
    }

    #[test]
    fn an_append_adds_to_the_end() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("summary.md");
        append(&path, b"one\n").unwrap();
        append(&path, b"two\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        assert!(append(&dir.path().join("no/such/summary.md"), b"x").is_err());
    }
}
