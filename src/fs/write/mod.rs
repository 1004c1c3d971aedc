//! Writing output files: atomically (a temporary file in the same directory, then a rename),
//! never through a symbolic link and never over one of the run's inputs.
//!
//! Owns every write to a file factcheck produces (outputs, baselines, the reviews file, the
//! scaffold) and the checks made before it: a path is cleared into a [`Target`] first, and
//! only a target can be written. A write leaves either the old file or the whole new one,
//! never a truncated mix, and takes back the temporary file and any directory it created when
//! it fails. Must not decide what is written or where (the commands do), and must not write
//! through a link: a link at the path is replaced, at most, and only when forced.
//!
//! Two concepts, one file each, so that a change to how a file is written cannot loosen which
//! files may be written: `guard` clears paths into targets (inputs, links, two outputs naming
//! one file), and `atomic` writes a target whole or not at all. This file holds only what both
//! share: the error and the target itself.

mod atomic;
mod guard;

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

pub use self::atomic::{Created, append};
pub use self::guard::{FORCE_REPLACES_LINK, Inputs, outputs};

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

/// A path cleared for writing: not an input, not a link, no link on the way (unless forced,
/// and then a link at the path is replaced by a regular file).
#[derive(Debug)]
pub struct Target {
    path: PathBuf,
}

impl Target {
    /// The path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}
