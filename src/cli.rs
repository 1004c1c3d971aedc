//! The command line: clap types only. What each command does is in `commands`.

use std::path::PathBuf;
use std::str::FromStr;

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
    /// Exit status: 0 when no open finding is at or above the failing severity, 1 when one
    /// is, 2 when the input could not be read as a dataset.
    Check(CheckArgs),
    /// Record a review of a finding, so that it no longer fails `check`.
    ///
    /// The finding is named by the fingerprint `check` prints (`fc1-…`). The review is
    /// appended to the reviews file, keyed on the finding's claims and their values.
    Review(ReviewArgs),
    /// Report, for researchers, what the sources say about each fact: where they agree and
    /// disagree, and which value is best supported by independent sources.
    ///
    /// Markdown (default), a self-contained HTML page with timelines, or JSON. Exit status:
    /// 0 when the report was written (whatever the sources say), 2 when the input could not be
    /// read as a dataset.
    Report(ReportArgs),
    /// Explain a finding code: what it means, an example, how to resolve it.
    Explain(ExplainArgs),
    /// Create a dataset to start from: `claims/` with one example file, and a commented
    /// `rules.toml`. Refuses to overwrite existing files.
    Init(InitArgs),
    /// Print the JSON Schema of claims files, `rules.toml` or reviews files (for editors), or
    /// of the JSON report.
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// Where the dataset is: shared by the commands that read one.
#[derive(Debug, Args)]
pub struct DatasetArgs {
    /// The directory of claims files (searched recursively for `*.toml` and tables: `*.csv`,
    /// `*.tsv`, `*.jsonl`, optionally `.gz`, `.zst` or `.xz`, and the files a `[[table]]` gives
    /// a `format`), or one claims file. A dataset's own directory (holding `claims/` and
    /// `rules.toml`) is read as the dataset: its `claims/`, and its `rules.toml` and
    /// `reviews.toml` unless `--rules` or `--reviews` names others.
    #[arg(default_value = "claims", value_name = "CLAIMS_DIR")]
    pub claims: PathBuf,

    /// The rules file. Defaults to `rules.toml` in the current directory, used if present.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// The reviews file. Defaults to `reviews.toml` in the current directory, used if present.
    #[arg(long, value_name = "FILE")]
    pub reviews: Option<PathBuf>,

    /// The dataset root: every file read must be inside it. Default: the current directory
    /// when it holds the claims directory, else the directory that holds the claims directory.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Follow symbolic links and `text` paths that lead outside the dataset root. For a
    /// dataset you trust on your own machine; never on a pull request.
    #[arg(long)]
    pub allow_outside_root: bool,

    /// The largest file read, in bytes (`K`, `M` and `G` multiply by 1024, 1024², 1024³).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_file_size: u64,
}

/// A size in bytes: digits, optionally followed by `K`, `M` or `G` (powers of 1024, an
/// optional `B` or `iB` after them).
///
/// # Errors
/// When the text is not such a size, or overflows.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let trimmed = text.trim();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let (number, unit) = trimmed.split_at(digits);
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "`{text}` is not a size (write e.g. 65536, 512K or 64M)"
            ));
        }
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("`{text}` is not a size (write e.g. 65536, 512K or 64M)"))
}

/// Arguments of `factcheck check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The dataset.
    #[command(flatten)]
    pub dataset: DatasetArgs,

    /// Output format, and optionally a file to write it to (`sarif=results.sarif`); repeat to
    /// produce several. Formats: human, concise, json, sarif, github, junit. Default: human.
    #[arg(long, value_name = "FORMAT[=FILE]")]
    pub format: Vec<Output>,

    /// Which open findings make the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Make a code, or every code of a namespace (`factcheck::name`), an error.
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,

    /// Make a code, or a namespace, a warning.
    #[arg(long, value_name = "CODE")]
    pub warn: Vec<String>,

    /// Do not report a code, or a namespace.
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,

    /// Accept the findings of this baseline file: only new ones count.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Write every current finding to this baseline file, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "format"])]
    pub write_baseline: Option<PathBuf>,

    /// Check the whole dataset, but report only findings that involve a claim added or changed
    /// since this git revision.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,

    /// Also print how many findings there are of each code.
    #[arg(long)]
    pub statistics: bool,

    /// The date reviews expire against (default: today), for reproducible runs.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,

    /// When to use colours (`auto`: when writing to a terminal and `NO_COLOR` is not set).
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,

    /// Print how long each stage took, and the peak memory, to stderr.
    #[arg(long)]
    pub timings: bool,

    /// Write output files even where the path is a symbolic link or one of the run's inputs.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `factcheck review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The finding's fingerprint, as `check` prints it (`fc1-…`).
    #[arg(value_name = "FINGERPRINT")]
    pub fingerprint: String,

    /// What you concluded.
    #[arg(long, value_enum)]
    pub decision: Decision,

    /// Why (required).
    #[arg(long)]
    pub reason: String,

    /// Who reviewed it (default: `git config user.name`, else `$USER`).
    #[arg(long)]
    pub reviewer: Option<String>,

    /// After this date (`YYYY-MM-DD`) the review no longer counts.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub expires: Option<String>,

    /// The dataset.
    #[command(flatten)]
    pub dataset: DatasetArgs,
}

/// A review's decision, on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Decision {
    /// The sources do not really disagree.
    Explained,
    /// The first claim listed is wrong.
    FirstSourceWrong,
    /// The second claim listed is wrong.
    SecondSourceWrong,
    /// Both are wrong.
    BothWrong,
    /// Looked at, left open for now (give it an expiry).
    Unresolved,
}

/// Arguments of `factcheck explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code (`factcheck::conflict::date`, or just `conflict::date`); omit to list them all.
    pub code: Option<String>,
}

/// Arguments of `factcheck init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to create the dataset in.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

/// Arguments of `factcheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The dataset.
    #[command(flatten)]
    pub dataset: DatasetArgs,

    /// The report's format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,

    /// Write the report to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The date reviews expire against (default: today), for reproducible reports.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,

    /// Print how long each stage took, and the peak memory, to stderr.
    #[arg(long)]
    pub timings: bool,

    /// Write the output file even where the path is a symbolic link or one of the run's inputs.
    #[arg(long)]
    pub force: bool,

    /// How the best-supported values are chosen: `trust` weighs each source by its estimated
    /// reliability (the default); `vote` counts every independent source once (the baseline,
    /// for comparison).
    #[arg(long, value_enum, default_value_t = MethodArg::Trust)]
    pub method: MethodArg,
}

/// The estimators `factcheck report --method` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MethodArg {
    /// Sources weighed by their estimated reliability (truth discovery).
    Trust,
    /// Every independent source counts once.
    Vote,
}

impl From<MethodArg> for crate::assess::Method {
    fn from(method: MethodArg) -> Self {
        match method {
            MethodArg::Trust => Self::Trust,
            MethodArg::Vote => Self::Vote,
        }
    }
}

/// The formats of `factcheck report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown, for reading and for pasting into notes.
    Markdown,
    /// One self-contained HTML page, with a timeline of each contested date.
    Html,
    /// JSON, with the inputs' hashes (`factcheck schema report` describes it).
    Json,
    /// JSON Lines: one object per fact (and per source, finding…), streamed; each line has a
    /// `kind` (`factcheck schema report-line` describes them).
    Jsonl,
    /// CSV: one row per fact (subject, property, qualifiers, status, best value, support…),
    /// streamed; no cell starts a spreadsheet formula.
    Csv,
}

/// Arguments of `factcheck schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which file format.
    #[arg(value_enum)]
    pub of: SchemaKind,
}

/// The file formats with a JSON Schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A claims file.
    Claims,
    /// `rules.toml`.
    Rules,
    /// A reviews file.
    Reviews,
    /// The JSON document of `factcheck report --format json`.
    Report,
    /// A line of `factcheck report --format jsonl`.
    ReportLine,
}

/// Arguments of `factcheck completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// An output: a format, and a file or stdout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The format.
    pub format: Format,
    /// The file to write; stdout when `None`.
    pub path: Option<PathBuf>,
}

impl FromStr for Output {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (name, path) = match text.split_once('=') {
            Some((name, path)) if !path.is_empty() => (name, Some(PathBuf::from(path))),
            Some(_) => return Err(format!("`{text}`: a file name must follow `=`")),
            None => (text, None),
        };
        let format = Format::from_str(name, true).map_err(|_| {
            let names: Vec<String> = Format::value_variants()
                .iter()
                .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_owned()))
                .collect();
            format!(
                "`{name}` is not a format; expected one of {}",
                names.join(", ")
            )
        })?;
        Ok(Output { format, path })
    }
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
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions annotations, and a Markdown summary in `$GITHUB_STEP_SUMMARY`.
    Github,
    /// `JUnit` XML: one test case per fact checked.
    Junit,
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn outputs_parse() {
        assert_eq!(
            "sarif=out/results.sarif".parse::<Output>(),
            Ok(Output {
                format: Format::Sarif,
                path: Some("out/results.sarif".into())
            })
        );
        assert_eq!("JSON".parse::<Output>().map(|o| o.format), Ok(Format::Json));
        assert!("sarif=".parse::<Output>().is_err());
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("-1").is_err());
        assert!(parse_size("99999999999G").is_err());
        assert!(
            "xml"
                .parse::<Output>()
                .unwrap_err()
                .contains("expected one of")
        );
    }
}
