//! The `factcheck` command: parse the arguments, run, exit with the status the run chose.

use std::process::ExitCode;

use clap::Parser;

// Normalizing a large dataset allocates millions of small strings; mimalloc spends a fraction
// of the time the system allocator does on them (see the README's benchmark).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = factcheck::cli::Cli::parse();
    ExitCode::from(factcheck::commands::run(&cli))
}
