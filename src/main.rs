//! The `factcheck` command: parse the arguments, run, exit with the status the run chose.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = factcheck::cli::Cli::parse();
    ExitCode::from(factcheck::commands::run(&cli))
}
