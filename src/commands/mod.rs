//! What each subcommand does: read the environment, call the library, write the output.
//!
//! Owns the edge between the library and the process: terminal detection, `NO_COLOR`,
//! writing to stdout, exit statuses. The work itself is the library's.

pub mod check;

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::cli::{Cli, Command};

/// Runs the command line and returns the exit status.
#[must_use]
pub fn run(cli: &Cli) -> u8 {
    match &cli.command {
        Command::Check(args) => check::run(args),
    }
}

/// Stage durations, throughput and peak memory, one line each, for `--timings`.
pub(crate) fn timings(stages: &[(&str, std::time::Duration)], claims: usize) -> String {
    let total: std::time::Duration = stages.iter().map(|(_, d)| *d).sum();
    let mut out = String::new();
    for (stage, duration) in stages {
        let _ = writeln!(out, "timing {stage:<10} {:>10.3} s", duration.as_secs_f64());
    }
    let _ = writeln!(
        out,
        "timing {:<10} {:>10.3} s",
        "total",
        total.as_secs_f64()
    );
    if total.as_secs_f64() > 0.0 {
        #[allow(clippy::cast_precision_loss)] // a rate, not a count
        let rate = claims as f64 / total.as_secs_f64();
        let _ = writeln!(out, "throughput {rate:.0} claims/s");
    }
    match peak_memory() {
        Some(bytes) => {
            let _ = writeln!(out, "peak-memory {bytes} bytes");
        }
        None => out.push_str("peak-memory unknown\n"),
    }
    out.trim_end().to_owned()
}

/// The process's peak resident memory, where the system says it (Linux: `VmHWM`).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// Writes to stdout; a closed pipe (`factcheck check | head`) is not an error.
pub(crate) fn write_stdout(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
