//! The dataset root, and paths made relative to it without asking the file system.
//!
//! Owns the definition users read in the README: the root is `--root` when given, else the
//! current directory when it holds the claims directory, else the directory that holds the
//! claims directory. Owns lexical path arithmetic (`.` and `..` resolved as text), which is
//! what lets a refusal be decided before anything outside the root is touched.

use std::path::{Component, Path, PathBuf};

/// The root to use when none is given: the working directory when the claims directory is
/// inside it, else the claims directory's parent. Both are absolute and lexical (links are
/// resolved later, by the caller).
#[must_use]
pub fn default_root(cwd: &Path, claims_dir: &Path) -> PathBuf {
    let claims = lexical(&cwd.join(claims_dir));
    if claims.starts_with(cwd) {
        cwd.to_path_buf()
    } else {
        claims.parent().map_or(claims.clone(), Path::to_path_buf)
    }
}

/// A path with `.` and `..` resolved as text. A `..` that would climb above the start of a
/// relative path is kept; above `/` it is dropped, as the system does.
#[must_use]
pub fn lexical(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(component),
            },
            other => out.push(other),
        }
    }
    out.iter().collect()
}

/// Whether a file or directory name is hidden (starts with `.`).
#[must_use]
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_dot_is_resolved_as_text() {
        assert_eq!(lexical(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(lexical(Path::new("../a/..")), PathBuf::from(".."));
        assert_eq!(lexical(Path::new("/../a")), PathBuf::from("/a"));
        assert_eq!(lexical(Path::new("a/../../b")), PathBuf::from("../b"));
    }

    #[test]
    fn the_root_is_the_working_directory_when_it_holds_the_claims() {
        let cwd = Path::new("/work/data");
        assert_eq!(default_root(cwd, Path::new("claims")), cwd);
        assert_eq!(default_root(cwd, Path::new("sub/claims")), cwd);
        assert_eq!(
            default_root(cwd, Path::new("../other/claims")),
            PathBuf::from("/work/other")
        );
        assert_eq!(
            default_root(cwd, Path::new("/elsewhere/x/claims")),
            PathBuf::from("/elsewhere/x")
        );
    }

    #[test]
    fn hidden_names_start_with_a_dot() {
        assert!(is_hidden(std::ffi::OsStr::new(".git")));
        assert!(!is_hidden(std::ffi::OsStr::new("claims")));
    }
}
