//! The guard: which paths an output may be written to.
//!
//! Owns clearing a path into a [`Target`]: refusing one of the run's inputs (by file identity,
//! so `x`, `./x`, `d/../x` and a hard link are one), a symbolic link at the path or on the way
//! to it, a directory, and two outputs of one run naming one file. It is the only place a
//! `Target` is made, so every written path has passed it. Must not write, create or remove
//! anything: it only looks (the writing is `atomic`'s), so a refused run leaves the disk as it
//! was.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use super::{Target, WriteError};

/// The remedy shown when an output path is a symbolic link and `--force` would replace it.
pub const FORCE_REPLACES_LINK: &str = "pass --force to replace the link with a regular file";

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
