//! Loaded input files and positions inside them.
//!
//! Owns the file table (path and shared text of every file read), the compact [`Span`] every
//! later stage carries so a finding can point back into the exact bytes a user wrote, and the
//! byte-offset to line/column conversion used by the renderers. It never interprets file
//! contents.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in [`Files`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one loaded file.
///
/// Kept small (12 bytes) because every claim carries several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// The file the range belongs to.
    pub file: FileId,
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span over `range` in `file`.
    #[must_use]
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Self {
            file,
            start: u32::try_from(range.start).unwrap_or(u32::MAX),
            end: u32::try_from(range.end).unwrap_or(u32::MAX),
        }
    }

    /// The byte range.
    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given or discovered (relative paths stay relative, for stable output).
    pub path: PathBuf,
    /// The full text, shared with diagnostics.
    pub text: Arc<str>,
    /// Byte offset of the start of every line, for line/column lookups.
    line_starts: Vec<u32>,
}

impl SourceFile {
    /// A file with its text.
    #[must_use]
    pub fn new(path: PathBuf, text: Arc<str>) -> Self {
        // `match_indices` of one ASCII character searches with `memchr`: a few times faster
        // than testing every byte, on every file of the dataset.
        let line_starts = std::iter::once(0)
            .chain(
                text.match_indices('\n')
                    .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX)),
            )
            .collect();
        Self {
            path,
            text,
            line_starts,
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: u32) -> LineCol {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.line_starts[line] as usize;
        let end = (offset as usize).min(self.text.len());
        let column = self
            .text
            .get(start..end)
            .map_or(end - start, |prefix| prefix.chars().count());
        LineCol {
            line: line + 1,
            column: column + 1,
        }
    }

    /// The path for display, with `/` separators on every platform.
    #[must_use]
    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Every file read in one run.
#[derive(Debug, Clone, Default)]
pub struct Files {
    files: Vec<SourceFile>,
}

impl Files {
    /// An empty table.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: PathBuf, text: Arc<str>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::new(path, text));
        id
    }

    /// The file behind an id.
    ///
    /// Ids are only ever made by [`Files::add`], so a lookup cannot miss within one run.
    #[must_use]
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// Every file with its id, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), f))
    }

    /// The text a span covers.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file).text.get(span.range()).unwrap_or("")
    }

    /// The line and column where a span starts.
    #[must_use]
    pub fn start(&self, span: Span) -> LineCol {
        self.get(span.file).line_col(span.start)
    }

    /// The line and column where a span ends (its last character).
    #[must_use]
    pub fn end(&self, span: Span) -> LineCol {
        let file = self.get(span.file);
        file.line_col(span.end.max(span.start.saturating_add(1)).saturating_sub(1))
    }

    /// Number of files.
    #[must_use]
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was read.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The same files with every relative path seen from elsewhere: `base` is where factcheck
    /// ran, relative to the directory the paths should be relative to (a CI workspace), so
    /// `claims/a.toml` read in `data` becomes `data/claims/a.toml`. `.` and `..` are resolved
    /// lexically; absolute paths are kept.
    #[must_use]
    pub fn rebased(&self, base: &Path) -> Files {
        let mut files = self.clone();
        for file in &mut files.files {
            if file.path.is_relative() {
                file.path = crate::fs::root::lexical(&base.join(&file.path));
            }
        }
        files
    }
}

/// A path with `/` separators, as shown to users and written to machine formats.
///
/// A name that is not valid UTF-8 shows each invalid byte as `\xNN`, and then (on Unix,
/// where `\` is an ordinary character of a name) a literal `\` as `\\`, so two different
/// names never show alike: source ids taken from file names stay distinct and stable.
#[must_use]
pub fn display_path(path: &Path) -> String {
    match path.to_str() {
        Some(text) => text.replace('\\', "/"),
        None => escaped_bytes(path.as_os_str().as_encoded_bytes()),
    }
}

/// A file name as shown, and as a source id: valid UTF-8 as it is; otherwise each invalid
/// byte as `\\xNN` (and `\\` doubled), so that two different names never show alike.
#[must_use]
pub fn display_name(name: &std::ffi::OsStr) -> String {
    match name.to_str() {
        Some(text) => text.to_owned(),
        None => escaped_bytes(name.as_encoded_bytes()),
    }
}

/// Bytes as text: valid UTF-8 as it is (`\` doubled), each invalid byte as `\xNN`.
fn escaped_bytes(mut bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() + 8);
    while !bytes.is_empty() {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                out.push_str(&valid.replace('\\', "\\\\"));
                break;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                out.push_str(&String::from_utf8_lossy(valid).replace('\\', "\\\\"));
                let bad = error.error_len().unwrap_or(rest.len());
                for byte in &rest[..bad] {
                    let _ = write!(out, "\\x{byte:02X}");
                }
                bytes = &rest[bad..];
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebased_paths_are_seen_from_the_base() {
        let mut files = Files::new();
        files.add("claims/a.toml".into(), Arc::from(""));
        files.add("../claims/b.toml".into(), Arc::from(""));
        files.add("./rules.toml".into(), Arc::from(""));
        let rebased = files.rebased(Path::new("data"));
        let paths: Vec<String> = rebased.iter().map(|(_, f)| f.display_path()).collect();
        assert_eq!(
            paths,
            ["data/claims/a.toml", "claims/b.toml", "data/rules.toml"]
        );
        let unchanged = files.rebased(Path::new(""));
        assert_eq!(unchanged.get(FileId(0)).display_path(), "claims/a.toml");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.toml".into(), Arc::from("ab\n“é” x\n"));
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(file.line_col(3), LineCol { line: 2, column: 1 });
        // `x` sits after three multi-byte characters and a space.
        let x = file.text.find('x').unwrap() as u32;
        assert_eq!(file.line_col(x), LineCol { line: 2, column: 5 });
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_show_distinctly() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let shown = |bytes: &[u8]| display_path(Path::new(OsStr::from_bytes(bytes)));
        assert_eq!(shown(b"claims/a\xff.toml"), "claims/a\\xFF.toml");
        assert_ne!(shown(b"a\xff"), shown(b"a\xfe"));
        assert_ne!(shown(b"a\xff\\"), display_path(Path::new("a\\xFF\\")));
        assert_eq!(display_path(Path::new("plain/é.toml")), "plain/é.toml");
    }

    #[test]
    fn positions_of_any_span_are_total() {
        let mut files = Files::new();
        let id = files.add("a".into(), Arc::from("ab\ncd"));
        for span in [
            Span::new(id, usize::MAX..usize::MAX),
            Span {
                file: id,
                start: u32::MAX,
                end: 0,
            },
            Span {
                file: id,
                start: 100,
                end: 2,
            },
        ] {
            let _ = (files.start(span), files.end(span), files.slice(span));
        }
    }

    #[test]
    fn end_points_at_last_character() {
        let mut files = Files::new();
        let id = files.add("a".into(), Arc::from("key = \"v\"\n"));
        let span = Span::new(id, 6..9);
        assert_eq!(files.slice(span), "\"v\"");
        assert_eq!(files.end(span), LineCol { line: 1, column: 9 });
    }
}
