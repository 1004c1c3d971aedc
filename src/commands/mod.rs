//! What each subcommand does: read the environment, call the library, write the output.
//!
//! Owns the edge between the library and the process: terminal detection, `NO_COLOR`,
//! writing to stdout, exit statuses. The work itself is the library's.

pub mod check;

use std::io::{self, Write};

use crate::cli::{Cli, Command};

/// Runs the command line and returns the exit status.
#[must_use]
pub fn run(cli: &Cli) -> u8 {
    match &cli.command {
        Command::Check(args) => check::run(args),
    }
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
