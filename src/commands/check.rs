//! `factcheck check`: the CI gate (DESIGN 4.1, 4.2).

use std::io::IsTerminal;
use std::time::Instant;

use crate::cli::{CheckArgs, Color, FailOn, Format, Output};
use crate::findings::{Code, Severity};
use crate::model::review::selects;
use crate::render::{self, Report, human};
use crate::triage::Policy;
use crate::{Checked, baseline, suggest};

use super::{changed, fail, request, style, today_from, write_file, write_stdout};

/// Checks the dataset, writes the outputs, and returns the exit status.
#[must_use]
pub fn run(args: &CheckArgs) -> u8 {
    match check(args) {
        Ok(status) => status,
        Err(message) => fail(&message),
    }
}

fn check(args: &CheckArgs) -> Result<u8, String> {
    let outputs = outputs(&args.format)?;
    let policy = policy(args)?;
    // A stage line on a terminal for long runs; nothing in logs and pipes.
    let show = std::io::stderr().is_terminal() && !args.timings;
    let checked = crate::check_with(&request(&args.dataset), &policy, &mut |stage| {
        if show {
            eprint!("\r\x1b[2Kfactcheck: {stage}…");
        }
    });
    if show {
        eprint!("\r\x1b[2K");
    }

    if let Some(path) = &args.write_baseline {
        let accepted = checked
            .findings
            .iter()
            .filter(|f| !f.code.is_load())
            .count();
        write_file(path, &baseline::write(&checked.findings))?;
        eprintln!(
            "factcheck: wrote {accepted} findings to the baseline `{}`",
            path.display()
        );
        let unreadable = checked.findings.iter().any(|f| f.code.is_load());
        return Ok(if unreadable { 2 } else { 0 });
    }

    let rendering = Instant::now();
    let report = Report {
        files: &checked.dataset.files,
        findings: &checked.findings,
        summary: &checked.summary,
        facts: &checked.compared,
        reviews: &checked.dataset.reviews,
    };
    for output in &outputs {
        let text = render(&report, output.format, args.color);
        match &output.path {
            Some(path) => write_file(path, &text)?,
            None => write_stdout(&text).map_err(|e| format!("cannot write the report: {e}"))?,
        }
        if output.format == Format::Github {
            append_step_summary(&render::github::step_summary(&report))?;
        }
    }
    if args.statistics {
        let table = render::statistics::render(&checked.findings);
        // Statistics go with text on stdout, but never into a machine format there.
        let machine_on_stdout = outputs.iter().any(|o| {
            o.path.is_none() && matches!(o.format, Format::Json | Format::Sarif | Format::Junit)
        });
        if machine_on_stdout {
            eprint!("{table}");
        } else {
            write_stdout(&table).map_err(|e| format!("cannot write the statistics: {e}"))?;
        }
    }
    if args.timings {
        timings(&checked, rendering);
    }
    let fail_on = match args.fail_on {
        FailOn::Error => render::FailOn::Error,
        FailOn::Warning => render::FailOn::Warning,
        FailOn::Never => render::FailOn::Never,
    };
    Ok(render::exit_status(&checked.findings, fail_on))
}

fn render(report: &Report<'_>, format: Format, color: Color) -> String {
    match format {
        Format::Human => human::render(report, style(color, std::io::stdout().is_terminal())),
        Format::Concise => render::concise::render(report),
        Format::Json => render::json::render(report),
        Format::Sarif => render::sarif::render(report),
        Format::Github => render::github::render(report),
        Format::Junit => render::junit::render(report),
    }
}

/// The outputs asked for (human on stdout by default); at most one may go to stdout.
fn outputs(asked: &[Output]) -> Result<Vec<Output>, String> {
    if asked.is_empty() {
        return Ok(vec![Output {
            format: Format::Human,
            path: None,
        }]);
    }
    let to_stdout = asked.iter().filter(|o| o.path.is_none()).count();
    if to_stdout > 1 {
        return Err(
            "only one format can go to stdout; give the others a file (`--format sarif=results.sarif`)"
                .to_owned(),
        );
    }
    Ok(asked.to_vec())
}

/// The gate's policy from the arguments.
fn policy(args: &CheckArgs) -> Result<Policy, String> {
    let mut overrides = Vec::new();
    // The longest selector wins; between equals the last, so deny beats warn beats allow.
    for (selectors, severity) in [
        (&args.allow, Severity::Allow),
        (&args.warn, Severity::Warning),
        (&args.deny, Severity::Error),
    ] {
        for selector in selectors {
            overrides.push((checked_selector(selector)?, severity));
        }
    }
    let baseline = args
        .baseline
        .as_ref()
        .map(|path| {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the baseline `{}`: {e}", path.display()))?;
            baseline::read(&text).map_err(|e| format!("`{}`: {e}", path.display()))
        })
        .transpose()?;
    let changed = args
        .changed_since
        .as_deref()
        .map(|rev| changed::changed_claims(&args.dataset.claims, rev))
        .transpose()?;
    let today = today_from(args.today.as_deref())?;
    Ok(Policy {
        overrides,
        baseline,
        changed,
        today,
    })
}

/// A `--deny`/`--warn`/`--allow` selector: a code or namespace, with `factcheck::` optional.
fn checked_selector(selector: &str) -> Result<String, String> {
    let full = if selector.starts_with("factcheck") {
        selector.to_owned()
    } else {
        format!("factcheck::{selector}")
    };
    let matched: Vec<Code> = Code::ALL
        .iter()
        .copied()
        .filter(|&code| selects(&full, code))
        .collect();
    if matched.is_empty() {
        let known: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        return Err(format!(
            "no finding code is or starts with `{selector}`; {}",
            suggest::help_for(&full, &known, "code")
        ));
    }
    if matched.iter().any(|code| code.is_load()) {
        return Err(format!(
            "`{selector}` includes load problems, whose severity cannot change: input that cannot be read always stops the check"
        ));
    }
    Ok(full)
}

/// GitHub Actions shows Markdown appended to the file `$GITHUB_STEP_SUMMARY` names.
fn append_step_summary(markdown: &str) -> Result<(), String> {
    use std::io::Write;
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut file| file.write_all(markdown.as_bytes()))
        .map_err(|e| format!("cannot append to $GITHUB_STEP_SUMMARY: {e}"))
}

fn timings(checked: &Checked, rendering: Instant) {
    let mut stages = checked.timings.clone();
    stages.push(("render", rendering.elapsed()));
    eprintln!("{}", super::timings(&stages, checked.summary.claims));
}

/// Colour when asked, or when writing to a terminal with `NO_COLOR` unset; the width of the
/// terminal from `COLUMNS` when it is given.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors_need_a_known_code_and_may_drop_the_prefix() {
        assert_eq!(
            checked_selector("conflict::date").unwrap(),
            "factcheck::conflict::date"
        );
        assert_eq!(
            checked_selector("factcheck::name").unwrap(),
            "factcheck::name"
        );
        assert!(
            checked_selector("conflict::dat")
                .unwrap_err()
                .contains("did you mean")
        );
        assert!(
            checked_selector("load")
                .unwrap_err()
                .contains("cannot change")
        );
    }
}
