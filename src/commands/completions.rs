//! `factcheck completions SHELL`: a shell completion script, generated from the clap types.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

/// Prints the completion script for the shell.
#[must_use]
pub fn run(args: &CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "factcheck", &mut script);
    match super::write_stdout(&String::from_utf8_lossy(&script)) {
        Ok(()) => 0,
        Err(error) => super::fail(&format!("cannot write the script: {error}")),
    }
}
