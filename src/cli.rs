//! The command line: clap types only. What each command does is in `commands`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Checks claims drawn from many sources for consistency.
///
/// Claims live in `claims/`, one TOML file per source; `rules.toml` says how they are matched
/// and compared. `factcheck check` reports every disagreement between sources.
#[derive(Debug, Parser)]
#[command(name = "factcheck", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the claims for disagreements between sources (the CI gate).
    ///
    /// Exit status: 0 when nothing at or above the failing severity is found, 1 when
    /// something is, 2 when the input could not be read as a dataset.
    Check(CheckArgs),
}

/// Arguments of `factcheck check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The directory of claims files (searched recursively for `*.toml`).
    #[arg(default_value = "claims", value_name = "CLAIMS_DIR")]
    pub claims: PathBuf,

    /// The rules file. Defaults to `rules.toml` in the current directory, used if present.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Which findings make the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// When to use colours (`auto`: when writing to a terminal and `NO_COLOR` is not set).
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,

    /// Print how long each stage took, and the peak memory, to stderr.
    #[arg(long)]
    pub timings: bool,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette diagnostics with a snippet of every file involved.
    Human,
    /// One line per finding: `file:line:col: severity code: message`.
    Concise,
    /// A versioned JSON document (see the README).
    Json,
}

/// Severities that fail the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on errors and warnings.
    Warning,
    /// Never fail on findings (unreadable input still exits 2).
    Never,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour when writing to a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
