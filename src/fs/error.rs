//! Why a file could not be read, as the user is told it.
//!
//! Owns the wording of every refusal at the trust boundary. A refusal never says more about
//! what lies outside the dataset root than that the path leads there: not whether the target
//! exists, not what kind of file it is.

use std::io;

use thiserror::Error;

/// A read that did not happen. `path` is always the path as shown to the user.
#[derive(Debug, Error)]
pub enum FsError {
    /// The path, or a symbolic link on the way, leads outside the dataset root.
    #[error("`{path}` leads outside the dataset root")]
    Outside {
        /// The path as shown.
        path: String,
    },
    /// The path, or a symbolic link on the way, leads into a hidden file or directory
    /// (`.git`, …), which the dataset may not name.
    #[error("`{path}` leads into a hidden file or directory")]
    Hidden {
        /// The path as shown.
        path: String,
    },
    /// A path from the dataset that must be relative is absolute.
    #[error("`{path}` is an absolute path")]
    Absolute {
        /// The path as shown.
        path: String,
    },
    /// Too many symbolic links in a row (a loop).
    #[error("`{path}` goes through too many symbolic links")]
    Loop {
        /// The path as shown.
        path: String,
    },
    /// Nothing is there.
    #[error("`{path}` does not exist")]
    NotFound {
        /// The path as shown.
        path: String,
    },
    /// Not a regular file (a FIFO, a device, a socket) where a file is read, or not a
    /// directory where one is listed.
    #[error("`{path}` is {what}, not a {expected}")]
    Kind {
        /// The path as shown.
        path: String,
        /// What it is ("a FIFO", "a directory").
        what: &'static str,
        /// What was expected ("regular file", "directory").
        expected: &'static str,
    },
    /// Larger than the limit.
    #[error("`{path}` is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The path as shown.
        path: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A name factcheck will not handle (control characters, which could forge output).
    #[error("the file name `{path}` has control characters or direction overrides")]
    BadName {
        /// The path as shown, escaped.
        path: String,
    },
    /// The operating system refused.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The path as shown.
        path: String,
        /// Why.
        #[source]
        source: io::Error,
    },
}

impl FsError {
    /// What to do about it, for the finding's help line.
    #[must_use]
    pub fn help(&self) -> &'static str {
        match self {
            FsError::Outside { .. } => {
                "factcheck reads only files inside the dataset root (`--root`); copy the file into the dataset, or pass --allow-outside-root for a dataset you trust"
            }
            FsError::Hidden { .. } => {
                "a dataset may not read hidden files or directories such as `.git`; move the file to a visible path"
            }
            FsError::Absolute { .. } => {
                "write the path relative to the claims file, inside the dataset root"
            }
            FsError::Loop { .. } => "remove the symbolic link loop",
            FsError::NotFound { .. } => "check the path",
            FsError::Kind { .. } => {
                "factcheck reads regular files only; replace it with a file, or remove it"
            }
            FsError::TooLarge { .. } => {
                "split the file, or raise the limit with --max-file-size if the file is trusted"
            }
            FsError::BadName { .. } => "rename the file",
            FsError::Io { .. } => "check that the file exists and is readable",
        }
    }

    /// Whether the path is simply not there (a default file may be missing).
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        matches!(self, FsError::NotFound { .. })
    }

    /// An operating-system error for `path`, with "not found" told apart.
    #[must_use]
    pub fn io(path: String, source: io::Error) -> FsError {
        if source.kind() == io::ErrorKind::NotFound {
            FsError::NotFound { path }
        } else {
            FsError::Io { path, source }
        }
    }
}
