//! Shared by the benchmarks: one run of the release binary with `--timings`, timed from outside,
//! and what it says about itself on stderr (its stages and peak memory).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

/// One run of `factcheck`.
pub struct Timed {
    /// What it wrote.
    pub output: Output,
    /// Wall time, in seconds.
    pub wall: f64,
    /// Peak resident memory, in bytes (0 where the system does not say).
    pub peak_bytes: u64,
    /// Its stages and their seconds: "load 0.015, normalize 0.095, …".
    pub stages: String,
}

/// Runs `factcheck ARGS --timings` in `dir`; it must exit with one of `statuses`.
pub fn run(dir: &Path, args: &[&str], statuses: &[i32]) -> Timed {
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_factcheck"))
        .current_dir(dir)
        .args(args)
        .arg("--timings")
        .stdin(Stdio::null())
        .output()
        .expect("factcheck runs");
    let wall = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output
            .status
            .code()
            .is_some_and(|code| statuses.contains(&code)),
        "factcheck {} failed: {stderr}",
        args.join(" ")
    );
    let peak_bytes = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-memory "))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(0);
    let stages = stderr
        .lines()
        .filter(|l| l.starts_with("timing") && !l.contains("total"))
        .filter_map(|l| {
            let mut parts = l.split_whitespace().skip(1);
            Some(format!("{} {}", parts.next()?, parts.next()?))
        })
        .collect::<Vec<_>>()
        .join(", ");
    Timed {
        output,
        wall,
        peak_bytes,
        stages,
    }
}
