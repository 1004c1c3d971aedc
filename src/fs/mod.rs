//! The file system, as factcheck is allowed to see it (DESIGN 6: a dataset is untrusted).
//!
//! Owns every read of a dataset file and every write of an output file, behind one seam:
//! - [`FileSystem`]: reading a file and listing a directory, with typed refusals
//!   ([`FsError`]);
//! - [`OsFs`] ([`os`]): the disk, confined to the dataset root ([`root`]): symbolic links are
//!   followed only while they stay inside it, paths that the dataset writes must be relative,
//!   hidden files are out of reach, special files (FIFOs, devices, sockets) are refused and
//!   files are read up to a size limit;
//! - [`MemoryFs`] ([`memory`]): an in-memory tree, for tests;
//! - [`GitFs`] ([`git`]): the files of a git revision, for `--changed-since`;
//! - [`walk`]: the directory walk, which never loops and collects every problem;
//! - [`write`](mod@write): atomic writes that never replace an input or follow a link.
//!
//! Nothing else in the crate touches `std::fs` to read a dataset. This module never
//! interprets file contents.

pub mod error;
pub mod git;
pub mod memory;
pub mod os;
pub mod root;
pub mod walk;
pub mod write;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub use self::error::FsError;
pub use self::git::GitFs;
pub use self::memory::MemoryFs;
pub use self::os::OsFs;

/// Where a path comes from, which decides how far it may lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A file the user named (`--rules`, `--reviews`, `--baseline`) or its default in the
    /// working directory: the user's choice, so it may lie outside the dataset root. Inside
    /// the root it is confined like any other path: a link committed there cannot redirect it.
    Argument,
    /// Inside the dataset: the claims directory and what a walk of it finds. It must lie inside
    /// the root.
    Found,
    /// Written in a dataset file (`text`): it must be relative, lie inside the root and name
    /// no hidden file.
    Dataset,
}

/// What a directory entry, or the end of a path, is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A regular file.
    File,
    /// A directory.
    Dir,
    /// A symbolic link (only in listings: resolving a path follows it).
    Link,
    /// Anything else, named for messages ("a FIFO", "a socket").
    Other(&'static str),
}

/// One entry of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The entry's name.
    pub name: OsString,
    /// What it is, without following a link.
    pub kind: Kind,
}

/// A directory's entries, and the entries that could not be read.
#[derive(Debug, Default)]
pub struct Listing {
    /// Where the directory really is (links resolved): two paths to one directory have the
    /// same one, which is what keeps walks from looping.
    pub physical: PathBuf,
    /// The entries, in no particular order.
    pub entries: Vec<Entry>,
    /// Entries that could not be read.
    pub problems: Vec<FsError>,
}

/// Where a path leads, links followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// What is there (never [`Kind::Link`]).
    pub kind: Kind,
    /// Where it really is.
    pub physical: PathBuf,
}

/// Read access to files. Paths are as the user sees them (relative to the working directory,
/// or absolute); every implementation decides what it lets through.
pub trait FileSystem: Send + Sync {
    /// The bytes of a regular file.
    ///
    /// # Errors
    /// When the path is refused (outside the root, hidden, special, too large) or cannot be
    /// read.
    fn read(&self, path: &Path, origin: Origin) -> Result<Vec<u8>, FsError>;

    /// The entries of a directory.
    ///
    /// # Errors
    /// When the directory is refused or cannot be listed.
    fn list(&self, dir: &Path) -> Result<Listing, FsError>;

    /// What is at the end of a path, links followed.
    ///
    /// # Errors
    /// When the path is refused or nothing is there.
    fn node(&self, path: &Path, origin: Origin) -> Result<Node, FsError>;

    /// Whether paths written in the dataset must stay inside the root (they may leave it only
    /// under `--allow-outside-root`).
    fn confines(&self) -> bool {
        true
    }

    /// A file whose path is written in a dataset file (a source's `text`), relative to that
    /// file's directory `dir`: the path it was read at, and its bytes.
    ///
    /// # Errors
    /// When the written path is absolute (unless the file system does not confine), or the
    /// read is refused or fails.
    fn read_written(&self, dir: &Path, written: &Path) -> Result<(PathBuf, Vec<u8>), FsError> {
        let path = if written.is_absolute() {
            if self.confines() {
                return Err(FsError::Absolute {
                    path: crate::files::display_path(written),
                });
            }
            written.to_path_buf()
        } else {
            root::lexical(&dir.join(written))
        };
        let bytes = self.read(&path, Origin::Dataset)?;
        Ok((path, bytes))
    }
}

/// A file's text: valid UTF-8, or the lossy version with where the first bad byte was.
#[derive(Debug, Clone)]
pub enum Text {
    /// Valid UTF-8.
    Valid(String),
    /// Not UTF-8: every invalid sequence replaced by U+FFFD.
    Invalid {
        /// The text with replacements.
        lossy: String,
        /// The byte offset of the first invalid sequence.
        valid_up_to: usize,
    },
}

impl Text {
    /// The text of some bytes.
    #[must_use]
    pub fn decode(bytes: Vec<u8>) -> Text {
        match String::from_utf8(bytes) {
            Ok(text) => Text::Valid(text),
            Err(error) => {
                let valid_up_to = error.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(error.as_bytes()).into_owned();
                Text::Invalid { lossy, valid_up_to }
            }
        }
    }
}

/// What a kind is called in messages.
#[must_use]
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::File => "a regular file",
        Kind::Dir => "a directory",
        Kind::Link => "a symbolic link",
        Kind::Other(what) => what,
    }
}
