//! Running `factcheck report` from a test, shared by the report's end-to-end tests
//! (`tests/report.rs`, `tests/report_lines.rs`).

use std::path::{Path, PathBuf};
use std::process::Output;

use snapbox::cmd::{Command, cargo_bin};

/// The repository, where the demonstration dataset is.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `factcheck report ARGS` in `dir`, without colours.
pub fn report(dir: &Path, args: &[&str]) -> Output {
    Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("report")
        .args(args)
        .output()
        .expect("factcheck runs")
}
