//! Writing output files: atomically (a temporary file in the same directory, then a rename),
//! never through a symbolic link and never over one of the run's inputs.
//!
//! Owns every write to a file factcheck produces (outputs, baselines, the reviews file, the
//! scaffold) and the checks made before it: a path is cleared into a [`Target`] first, and
//! only a target can be written. A write leaves either the old file or the whole new one,
//! never a truncated mix, and takes back the temporary file and any directory it created when
//! it fails. Must not decide what is written or where (the commands do), and must not write
//! through a link: a link at the path is replaced, at most, and only when forced.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

/// The remedy shown when an output path is a symbolic link and `--force` would replace it.
pub const FORCE_REPLACES_LINK: &str = "pass --force to replace the link with a regular file";

/// Why a file was not written. The display is the user's message.
#[derive(Debug, Error)]
pub enum WriteError {
    /// The path is one of the run's inputs.
    #[error(
        "refusing to write `{}`: it is one of this run's inputs (pass --force to overwrite it)",
        .path.display()
    )]
    Input {
        /// The path as given.
        path: PathBuf,
    },
    /// The path is a symbolic link (perhaps dangling).
    #[error("refusing to write `{}`: it is a symbolic link ({remedy})", .path.display())]
    Link {
        /// The path as given.
        path: PathBuf,
        /// What to do instead, in the command's words.
        remedy: &'static str,
    },
    /// A directory on the way to the path is a symbolic link.
    #[error(
        "refusing to write `{}`: `{}` is a symbolic link (name the directory it points to instead)",
        .path.display(),
        .link.display()
    )]
    LinkedDirectory {
        /// The path as given.
        path: PathBuf,
        /// The link on the way.
        link: PathBuf,
    },
    /// Two outputs of one run are the same file.
    #[error(
        "refusing to write `{}` twice: two outputs name the same file; give each its own",
        .path.display()
    )]
    Twice {
        /// The second path naming the file.
        path: PathBuf,
    },
    /// A file that must be new exists.
    #[error("not overwriting `{}`: it exists", .path.display())]
    Exists {
        /// The path.
        path: PathBuf,
    },
    /// A missing directory could not be created.
    #[error("cannot create the directory `{}`: {source}", .path.display())]
    Directory {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The current file could not be read (to edit it).
    #[error("cannot read `{}`: {source}", .path.display())]
    Read {
        /// The path.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Writing failed; the old file, if any, is as it was.
    #[error("cannot write `{}`: {source}", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// What a file is, for telling whether two paths are one file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity {
    /// An existing file or directory: its device and inode.
    #[cfg(unix)]
    Inode(u64, u64),
    /// A path where nothing is, or off Unix any path: absolute, with its existing part
    /// canonical, so that `x`, `./x` and `d/../x` are one.
    Path(PathBuf),
}

impl Identity {
    /// The identity of what `path` names; `follow`: of a link's target rather than the link.
    fn of(path: &Path, follow: bool) -> Self {
        let metadata = if follow {
            fs::metadata(path)
        } else {
            fs::symlink_metadata(path)
        };
        match metadata {
            #[cfg(unix)]
            Ok(metadata) => {
                use std::os::unix::fs::MetadataExt;
                Identity::Inode(metadata.dev(), metadata.ino())
            }
            _ => Identity::Path(resolved(path)),
        }
    }
}

/// `path` made absolute, its longest existing ancestor canonical and the rest resolved
/// lexically (a missing directory cannot be a link, so its `..` is its parent).
fn resolved(path: &Path) -> PathBuf {
    let Ok(absolute) = std::path::absolute(path) else {
        return path.to_owned();
    };
    let components: Vec<Component> = absolute.components().collect();
    for known in (1..=components.len()).rev() {
        let Ok(mut resolved) = fs::canonicalize(components[..known].iter().collect::<PathBuf>())
        else {
            continue;
        };
        for component in &components[known..] {
            match component {
                Component::ParentDir => {
                    resolved.pop();
                }
                Component::Normal(name) => resolved.push(name),
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        return resolved;
    }
    absolute
}

/// The files a run read, by identity: what no output of the run may replace.
#[derive(Debug, Default)]
pub struct Inputs {
    identities: HashSet<Identity>,
}

impl Inputs {
    /// The inputs at these paths. A path where nothing is still counts: it is where the run
    /// would read (a default `rules.toml`), and the next run will.
    pub fn new<P: AsRef<Path>>(paths: impl IntoIterator<Item = P>) -> Self {
        Self {
            identities: paths
                .into_iter()
                .map(|path| Identity::of(path.as_ref(), true))
                .collect(),
        }
    }

    /// Whether writing `path` would replace an input. A link at `path` is not followed: it
    /// is refused or replaced, never written through.
    fn hold(&self, path: &Path) -> bool {
        self.identities.contains(&Identity::of(path, false))
    }
}

/// Where a symbolic link was found on the way to a path.
#[derive(Debug, PartialEq, Eq)]
enum LinkAt {
    /// At the path itself.
    End,
    /// At this directory on the way.
    Directory(PathBuf),
}

/// The first symbolic link on the way to `path` that the dataset may have put there: any
/// component of a relative path, and of an absolute one those below the working directory
/// `cwd` (the directories above it are the machine's, which may be links for good reasons),
/// and always the last component. A dangling link counts.
fn first_link(path: &Path, cwd: Option<&Path>) -> Option<LinkAt> {
    let components: Vec<Component> = path.components().collect();
    let mut prefix = PathBuf::new();
    for (index, component) in components.iter().enumerate() {
        prefix.push(component);
        if !matches!(component, Component::Normal(_)) {
            continue;
        }
        let last = index + 1 == components.len();
        let in_tree =
            path.is_relative() || cwd.is_some_and(|cwd| prefix.starts_with(cwd) && prefix != cwd);
        if !(last || in_tree) {
            continue;
        }
        match fs::symlink_metadata(&prefix) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                return Some(if last {
                    LinkAt::End
                } else {
                    LinkAt::Directory(prefix)
                });
            }
            Ok(_) => {}
            // Nothing further exists, so nothing further is a link.
            Err(_) => return None,
        }
    }
    None
}

/// A path cleared for writing: not an input, not a link, no link on the way (unless forced,
/// and then a link at the path is replaced by a regular file).
#[derive(Debug)]
pub struct Target {
    path: PathBuf,
}

impl Target {
    /// Clears an output path of a run: refused when it is one of `inputs` or a symbolic link
    /// unless `force`, and when a directory on the way is a link even then.
    ///
    /// # Errors
    ///
    /// [`WriteError::Input`], [`WriteError::Link`], [`WriteError::LinkedDirectory`], or
    /// [`WriteError::Io`] when the path is a directory.
    pub fn output(path: &Path, inputs: &Inputs, force: bool) -> Result<Self, WriteError> {
        let cwd = std::env::current_dir().ok();
        Self::output_in(path, inputs, force, cwd.as_deref())
    }

    fn output_in(
        path: &Path,
        inputs: &Inputs,
        force: bool,
        cwd: Option<&Path>,
    ) -> Result<Self, WriteError> {
        match first_link(path, cwd) {
            Some(LinkAt::Directory(link)) => {
                return Err(WriteError::LinkedDirectory {
                    path: path.to_owned(),
                    link,
                });
            }
            Some(LinkAt::End) if !force => {
                return Err(WriteError::Link {
                    path: path.to_owned(),
                    remedy: FORCE_REPLACES_LINK,
                });
            }
            Some(LinkAt::End) | None => {}
        }
        if !force && inputs.hold(path) {
            return Err(WriteError::Input {
                path: path.to_owned(),
            });
        }
        if fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_dir()) {
            return Err(WriteError::Io {
                path: path.to_owned(),
                source: io::Error::from(io::ErrorKind::IsADirectory),
            });
        }
        Ok(Self {
            path: path.to_owned(),
        })
    }

    /// Clears a file the command writes by design (the reviews file, the scaffold): only a
    /// link is refused, at the path or on the way, with `remedy` as the way out.
    ///
    /// # Errors
    ///
    /// [`WriteError::Link`] or [`WriteError::LinkedDirectory`].
    pub fn own(path: &Path, remedy: &'static str) -> Result<Self, WriteError> {
        let cwd = std::env::current_dir().ok();
        Self::own_in(path, remedy, cwd.as_deref())
    }

    fn own_in(path: &Path, remedy: &'static str, cwd: Option<&Path>) -> Result<Self, WriteError> {
        match first_link(path, cwd) {
            Some(LinkAt::Directory(link)) => Err(WriteError::LinkedDirectory {
                path: path.to_owned(),
                link,
            }),
            Some(LinkAt::End) => Err(WriteError::Link {
                path: path.to_owned(),
                remedy,
            }),
            None => Ok(Self {
                path: path.to_owned(),
            }),
        }
    }

    /// The path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the file (or creates it, and its directory) with `contents`, atomically.
    ///
    /// # Errors
    ///
    /// [`WriteError::Directory`] or [`WriteError::Io`]; the old file is then as it was.
    pub fn replace(&self, contents: &[u8]) -> Result<(), WriteError> {
        self.replace_with(|file| file.write_all(contents))
    }

    fn replace_with(
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

/// Clears every output path of a run at once, before any is written: each as
/// [`Target::output`] does, and no two naming one file.
///
/// # Errors
///
/// The first refusal, or [`WriteError::Twice`].
pub fn outputs<'a>(
    paths: impl IntoIterator<Item = &'a Path>,
    inputs: &Inputs,
    force: bool,
) -> Result<Vec<Target>, WriteError> {
    let mut seen = HashSet::new();
    let mut targets = Vec::new();
    for path in paths {
        let target = Target::output(path, inputs, force)?;
        if !seen.insert(Identity::of(path, false)) {
            return Err(WriteError::Twice {
                path: path.to_owned(),
            });
        }
        targets.push(target);
    }
    Ok(targets)
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
    fn a_directory_is_no_output() {
        let dir = tempfile::tempdir().unwrap();
        let error = Target::output(dir.path(), &Inputs::default(), true).unwrap_err();
        assert!(matches!(error, WriteError::Io { .. }), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_and_force_replaces_it_without_writing_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        fs::write(&outside, "keep").unwrap();
        let link = dir.path().join("out.sarif");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let error = Target::output(&link, &Inputs::default(), false).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "refusing to write `{}`: it is a symbolic link (pass --force to replace the link with a regular file)",
                link.display()
            )
        );
        let target = Target::output(&link, &Inputs::default(), true).unwrap();
        target.replace(b"sarif").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_file());
        assert_eq!(fs::read_to_string(&link).unwrap(), "sarif");
        assert_eq!(fs::read_to_string(&outside).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("out.json");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &link).unwrap();
        let error = Target::output(&link, &Inputs::default(), false).unwrap_err();
        assert!(matches!(error, WriteError::Link { .. }), "{error}");
        let error = Target::own(&link, "edit the file it points to").unwrap_err();
        assert!(error.to_string().ends_with("(edit the file it points to)"));
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_directory_is_refused_inside_the_working_directory_even_when_forced() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        let tree = dir.path().join("tree");
        fs::create_dir(&tree).unwrap();
        std::os::unix::fs::symlink(&elsewhere, tree.join("reports")).unwrap();
        let path = tree.join("reports/out.json");
        let error = Target::output_in(&path, &Inputs::default(), true, Some(&tree)).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "refusing to write `{}`: `{}` is a symbolic link (name the directory it points to instead)",
                path.display(),
                tree.join("reports").display()
            )
        );
        assert!(Target::own_in(&path, "", Some(&tree)).is_err());
        // Above the working directory, links are the machine's.
        assert!(Target::output_in(&path, &Inputs::default(), false, Some(&elsewhere)).is_ok());
    }

    #[test]
    fn an_input_is_refused_by_identity_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let rules = dir.path().join("rules.toml");
        fs::write(&rules, "# rules").unwrap();
        fs::create_dir(dir.path().join("claims")).unwrap();
        let missing = dir.path().join("reviews.toml");
        let inputs = Inputs::new([&rules, &missing, &dir.path().join("claims")]);
        for path in [
            rules.clone(),
            dir.path().join("claims/../rules.toml"),
            dir.path().join("./reviews.toml"),
            dir.path().join("claims"),
        ] {
            let error = Target::output(&path, &inputs, false).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!(
                    "refusing to write `{}`: it is one of this run's inputs (pass --force to overwrite it)",
                    path.display()
                )
            );
        }
        #[cfg(unix)]
        {
            let hard = dir.path().join("hard.json");
            fs::hard_link(&rules, &hard).unwrap();
            assert!(matches!(
                Target::output(&hard, &inputs, false),
                Err(WriteError::Input { .. })
            ));
        }
        assert!(Target::output(&dir.path().join("out.json"), &inputs, false).is_ok());
        Target::output(&rules, &inputs, true)
            .unwrap()
            .replace(b"forced")
            .unwrap();
        assert_eq!(fs::read_to_string(&rules).unwrap(), "forced");
    }

    #[test]
    fn two_outputs_naming_one_file_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        let also_a = dir.path().join("sub/../a.json");
        let b = dir.path().join("b.json");
        let error = outputs(
            [a.as_path(), b.as_path(), also_a.as_path()],
            &Inputs::default(),
            false,
        )
        .unwrap_err();
        assert!(matches!(error, WriteError::Twice { .. }), "{error}");
        let cleared = outputs([a.as_path(), b.as_path()], &Inputs::default(), false).unwrap();
        assert_eq!(cleared.len(), 2);
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
