//! What each subcommand does: read the environment, call the library, write the output.
//!
//! Owns the edge between the library and the process: paths and defaults, terminal detection,
//! `NO_COLOR`, the clock, writing to stdout and files, exit statuses. The work itself is the
//! library's.

pub mod changed;
pub mod check;
pub mod completions;
pub mod explain;
pub mod init;
pub mod report;
pub mod review;
pub mod schema;

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::Checked;
use crate::cli::{Cli, Color, Command, DatasetArgs};
use crate::findings::Finding;
use crate::fs::write::Inputs;
use crate::load::{Access, Request, RulesPath};
use crate::model::date::Day;
use crate::model::date::calendar;
use crate::render::{Report, Summary, human};

/// Runs the command line and returns the exit status.
#[must_use]
pub fn run(cli: &Cli) -> u8 {
    match &cli.command {
        Command::Check(args) => check::run(args),
        Command::Review(args) => review::run(args),
        Command::Report(args) => report::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Init(args) => init::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Completions(args) => completions::run(args),
    }
}

/// What to load, from the dataset arguments: an explicit file must exist, a default one is
/// used when present.
pub(crate) fn request(dataset: &DatasetArgs) -> Request {
    // `factcheck check path/to/dataset`: the dataset's directory, not a claims directory
    // (whose `rules.toml` would otherwise be read as a claims file).
    let home = dataset_dir(&dataset.claims);
    let path = |given: &Option<PathBuf>, default: &str| {
        given.clone().map_or_else(
            || RulesPath::Default(home.map_or_else(|| PathBuf::from(default), |d| d.join(default))),
            RulesPath::Given,
        )
    };
    Request {
        claims_dir: home.map_or_else(|| dataset.claims.clone(), |dir| dir.join("claims")),
        rules: path(&dataset.rules, "rules.toml"),
        reviews: path(&dataset.reviews, "reviews.toml"),
        access: Access {
            root: dataset.root.clone(),
            outside_root: dataset.allow_outside_root,
            max_file_size: dataset.max_file_size,
        },
    }
}

/// `given` when it is a dataset's directory rather than a claims directory: it holds both a
/// `claims` directory and a `rules.toml` file.
fn dataset_dir(given: &std::path::Path) -> Option<&std::path::Path> {
    (given.join("claims").is_dir() && given.join("rules.toml").is_file()).then_some(given)
}

/// Reports that the command could not run, and returns exit status 2.
pub(crate) fn fail(message: &str) -> u8 {
    eprintln!("factcheck: error: {message}");
    2
}

/// Checks a dataset under a policy, with a stage line on a terminal for long runs (unless
/// `quiet`: `--timings` prints its own); nothing in logs and pipes.
pub(crate) fn check_showing_progress(
    dataset: &DatasetArgs,
    policy: &crate::triage::Policy,
    quiet: bool,
) -> Checked {
    let show = io::stderr().is_terminal() && !quiet;
    let checked = crate::check_with(&request(dataset), policy, &mut |stage| {
        if show {
            eprint!("\r\x1b[2Kfactcheck: {stage}…");
        }
    });
    if show {
        eprint!("\r\x1b[2K");
    }
    checked
}

/// Today, as a day number, from the system clock.
pub(crate) fn today() -> Day {
    // 1970-01-01 is day 719,163 of chrono's count from 0001-01-01.
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    i32::try_from(days).map_or(Day::MAX, |days| Day(days).saturating_add(719_163))
}

/// Stage durations, throughput and peak memory, one line each, for `--timings`.
pub(crate) fn timings(stages: &[(&str, Duration)], claims: usize) -> String {
    let total: Duration = stages.iter().map(|(_, d)| *d).sum();
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

/// What no output of a run may replace: every file it read, its rules and reviews paths
/// (read when present), its claims directory, and `also` (the baseline it read).
pub(crate) fn inputs(checked: &Checked, dataset: &DatasetArgs, also: Option<&Path>) -> Inputs {
    let request = request(dataset);
    let named = [&request.rules, &request.reviews].map(|path| match path {
        RulesPath::Default(path) | RulesPath::Given(path) => path.as_path(),
    });
    Inputs::new(
        checked
            .inputs()
            .chain(named)
            .chain([dataset.claims.as_path()])
            .chain(also),
    )
}

/// The day `--today` names, or today.
pub(crate) fn today_from(given: Option<&str>) -> Result<Day, String> {
    given.map_or_else(|| Ok(today()), |text| parse_day("--today", text))
}

/// A day given on the command line, exactly `YYYY-MM-DD`.
pub(crate) fn parse_day(flag: &str, text: &str) -> Result<Day, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|date| {
            use chrono::Datelike;
            calendar::to_day(calendar::from_civil(
                i64::from(date.year()),
                date.month(),
                date.day(),
            ))
        })
        .ok_or_else(|| format!("{flag} takes a day as YYYY-MM-DD, not `{text}`"))
}

/// Prints the load problems of a check, as `check` shows them, on stderr; whether there
/// were any. Commands that need the whole dataset stop on them.
pub(crate) fn print_load_problems(checked: &Checked) -> bool {
    show_load_problems(
        checked,
        "the dataset cannot be read; fix the problems above first",
    )
}

/// Prints the load problems of a check on stderr, with the counts of what was read, then
/// `closing`; whether there were any.
pub(crate) fn show_load_problems(checked: &Checked, closing: &str) -> bool {
    let problems: Vec<Finding> = checked
        .findings
        .iter()
        .filter(|f| f.code.is_load())
        .cloned()
        .collect();
    if problems.is_empty() {
        return false;
    }
    // What was read is counted as read; the findings counted are the problems.
    let mut summary = Summary {
        unchanged: 0,
        ..checked.summary
    };
    summary.count(&problems);
    let shown = Report {
        files: &checked.dataset.files,
        findings: &problems,
        summary: &summary,
        facts: &[],
        reviews: &[],
        invocation: "",
    };
    let text = human::render(&shown, style(Color::Auto, io::stderr().is_terminal()));
    eprint!("{text}");
    eprintln!("factcheck: {closing}");
    true
}

/// The style of human output: colours as [`use_color`] decides, the terminal's width.
pub(crate) fn style(color: Color, terminal: bool) -> human::Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100);
    human::Style {
        color: use_color(color, terminal, no_color),
        unicode: true,
        width,
    }
}

/// Whether to colour: `--color always`/`never` win; `auto` colours a terminal unless
/// `NO_COLOR` is set (<https://no-color.org>).
fn use_color(choice: Color, terminal: bool, no_color: bool) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => terminal && !no_color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color_unless_forced() {
        assert!(use_color(Color::Auto, true, false));
        assert!(!use_color(Color::Auto, true, true));
        assert!(!use_color(Color::Auto, false, false));
        assert!(use_color(Color::Always, false, true));
        assert!(!use_color(Color::Never, true, false));
    }
}
