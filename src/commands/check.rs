//! `factcheck check`: the CI gate (DESIGN 4.1).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use crate::cli::{CheckArgs, Color, FailOn, Format};
use crate::load::{Request, RulesPath};
use crate::render::{self, Report, human};

/// Checks the dataset, writes the report, and returns the exit status.
#[must_use]
pub fn run(args: &CheckArgs) -> u8 {
    let request = Request {
        claims_dir: args.claims.clone(),
        rules: args.rules.clone().map_or_else(
            || RulesPath::Default(PathBuf::from("rules.toml")),
            RulesPath::Given,
        ),
    };
    // A stage line on a terminal for long runs; nothing in logs and pipes.
    let show = std::io::stderr().is_terminal() && !args.timings;
    let checked = crate::check_with_progress(&request, &mut |stage| {
        if show {
            eprint!("\r\x1b[2Kfactcheck: {stage}…");
        }
    });
    if show {
        eprint!("\r\x1b[2K");
    }
    let rendering = Instant::now();
    let report = Report {
        files: &checked.dataset.files,
        findings: &checked.findings,
        summary: &checked.summary,
    };
    let text = match args.format {
        Format::Human => human::render(&report, style(args.color)),
        Format::Concise => render::concise::render(&report),
        Format::Json => render::json::render(&report),
    };
    if let Err(error) = super::write_stdout(&text) {
        eprintln!("factcheck: cannot write the report: {error}");
        return 2;
    }
    if args.timings {
        let mut stages = checked.timings.clone();
        stages.push(("render", rendering.elapsed()));
        eprintln!("{}", super::timings(&stages, checked.summary.claims));
    }
    let fail_on = match args.fail_on {
        FailOn::Error => render::FailOn::Error,
        FailOn::Warning => render::FailOn::Warning,
        FailOn::Never => render::FailOn::Never,
    };
    render::exit_status(&checked.findings, fail_on)
}

/// Colour when asked, or when writing to a terminal with `NO_COLOR` unset; the width of the
/// terminal from `COLUMNS` when it is given.
fn style(color: Color) -> human::Style {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(100);
    human::Style {
        color: use_color(color, std::io::stdout().is_terminal(), no_color),
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
