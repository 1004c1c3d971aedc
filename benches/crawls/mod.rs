//! The Flight crawls (Li et al., VLDB 2013; `../shared/datasets/flight/claims/`), shared by the
//! flight and accuracy benches: which crawls there are, their columns, and their rows as cells.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// The crawls' columns, in order (they have no header row).
pub const COLUMNS: [&str; 8] = [
    "Source",
    "Flight#",
    "Scheduled departure",
    "Actual departure",
    "Departure gate",
    "Scheduled arrival",
    "Actual arrival",
    "Arrival gate",
];

/// The columns that hold times.
pub const TIMES: [&str; 4] = [
    "Scheduled departure",
    "Actual departure",
    "Scheduled arrival",
    "Actual arrival",
];

/// The daily crawls (`*-data.txt.xz`) under `dir`, in path order.
pub fn crawls(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| p.to_string_lossy().ends_with("-data.txt.xz"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// A crawl's day as `{stem}` gives it: its file name without `.txt.xz` (`2011-12-01-data`).
pub fn day(crawl: &Path) -> String {
    crawl
        .file_name()
        .unwrap()
        .to_string_lossy()
        .trim_end_matches(".txt.xz")
        .to_owned()
}

/// Calls `row` with the cells of each non-empty line of `crawl` (decompressed; a line's cells
/// are bytes, since a few rows are not UTF-8).
pub fn rows(crawl: &Path, mut row: impl FnMut(&[&[u8]])) {
    let mut text = Vec::new();
    liblzma::read::XzDecoder::new_multi_decoder(fs::File::open(crawl).unwrap())
        .read_to_end(&mut text)
        .unwrap();
    for line in text.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let cells: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
        row(&cells);
    }
}
