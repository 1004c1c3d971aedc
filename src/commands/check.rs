//! `factcheck check`: the CI gate (DESIGN 4.1, 4.2).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cli::{CheckArgs, DatasetArgs, FailOn, Format, Output};
use crate::files::display_path;
use crate::findings::{Code, Severity};
use crate::fs::{FileSystem, Origin, OsFs};
use crate::model::review::selects;
use crate::render::{self, Report, human};
use crate::triage::Policy;

use super::changed::Changed;
use crate::fs::write::{self, Inputs, Target};
use crate::{Checked, baseline, suggest};

use super::{
    changed, check_showing_progress, fail, print_load_problems, request, style, today_from,
    write_stdout,
};

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
    let checked = check_showing_progress(&args.dataset, &policy, args.timings);

    // Every path is cleared before anything is written: a refusal writes nothing.
    let inputs = if args.write_baseline.is_some() || outputs.iter().any(|o| o.path.is_some()) {
        super::inputs(&checked, &args.dataset, args.baseline.as_deref())
    } else {
        Inputs::default()
    };

    if let Some(path) = &args.write_baseline {
        let target = Target::output(path, &inputs, args.force).map_err(|e| e.to_string())?;
        // A baseline of part of a dataset would accept too little: write none.
        if print_load_problems(&checked) {
            return Ok(2);
        }
        let accepted = checked
            .findings
            .iter()
            .filter(|f| f.code.is_reviewable())
            .count();
        target
            .replace(baseline::write_for(&checked.findings, &checked.dataset).as_bytes())
            .map_err(|e| e.to_string())?;
        eprintln!(
            "factcheck: wrote {} to the baseline `{}`",
            crate::render::counted(accepted, "finding"),
            path.display()
        );
        let about_reviews = checked.findings.len() - accepted;
        if about_reviews > 0 {
            eprintln!(
                "factcheck: {} about reviews cannot be accepted by a baseline: fix those reviews",
                crate::render::counted(about_reviews, "finding")
            );
        }
        return Ok(0);
    }

    let mut targets = write::outputs(
        outputs.iter().filter_map(|o| o.path.as_deref()),
        &inputs,
        args.force,
    )
    .map_err(|e| e.to_string())?
    .into_iter();

    let rendering = Instant::now();
    let invocation = invocation(&args.dataset);
    let report = Report::of(&checked, &invocation);
    // In GitHub Actions, paths in annotations and code scanning are read from the workspace
    // root, which need not be where factcheck ran.
    let in_workspace = workspace_base().map(|base| checked.dataset.files.rebased(&base));
    let ci_report = Report {
        files: in_workspace.as_ref().unwrap_or(&checked.dataset.files),
        ..report
    };
    let mut summarized = false;
    for output in &outputs {
        let text = match output.format {
            Format::Human => {
                let terminal = output.path.is_none() && std::io::stdout().is_terminal();
                human::render(&report, style(args.color, terminal))
            }
            Format::Concise => render::concise::render(&report),
            Format::Json => render::json::render(&report),
            Format::Sarif => render::sarif::render(&ci_report),
            Format::Github => render::github::render(&ci_report),
            Format::Junit => render::junit::render(&report),
        };
        // The targets are in the order of the outputs that have a path.
        match output.path.as_ref().and_then(|_| targets.next()) {
            Some(target) => target.replace(text.as_bytes()).map_err(|e| e.to_string())?,
            None => write_stdout(&text).map_err(|e| format!("cannot write the report: {e}"))?,
        }
        if output.format == Format::Github && !summarized {
            append_step_summary(&render::github::step_summary(&ci_report))?;
            summarized = true;
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

/// The dataset arguments as given, to repeat in the commands the output suggests.
fn invocation(dataset: &DatasetArgs) -> String {
    let mut words = Vec::new();
    if dataset.claims != Path::new("claims") {
        words.push(shell_word(&dataset.claims.to_string_lossy()));
    }
    for (flag, path) in [("--rules", &dataset.rules), ("--reviews", &dataset.reviews)] {
        if let Some(path) = path {
            words.push(format!("{flag} {}", shell_word(&path.to_string_lossy())));
        }
    }
    words.join(" ")
}

/// A word as a POSIX shell reads it back: quoted when it holds anything but safe characters.
fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:@%+=,".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Where factcheck runs, relative to `$GITHUB_WORKSPACE`, when that is set and different.
fn workspace_base() -> Option<PathBuf> {
    let workspace = std::env::var_os("GITHUB_WORKSPACE").filter(|w| !w.is_empty())?;
    let workspace = std::fs::canonicalize(workspace).ok()?;
    let here = std::env::current_dir().ok()?.canonicalize().ok()?;
    let base = here.strip_prefix(&workspace).ok()?;
    (!base.as_os_str().is_empty()).then(|| base.to_path_buf())
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
    let mut paths: Vec<&PathBuf> = asked.iter().filter_map(|o| o.path.as_ref()).collect();
    paths.sort();
    if let Some(pair) = paths.windows(2).find(|pair| pair[0] == pair[1]) {
        return Err(format!(
            "two formats would be written to `{}`; give each its own file",
            pair[0].display()
        ));
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
            // Read as the dataset is: a baseline committed as a link cannot reach outside.
            let dataset = request(&args.dataset);
            let fs = OsFs::new(&dataset.access, &dataset.claims_dir).map_err(|e| e.to_string())?;
            let bytes = fs
                .read(path, Origin::Argument)
                .map_err(|e| format!("cannot read the baseline: {e}"))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("the baseline `{}` is not UTF-8", display_path(path)))?;
            baseline::read(&text).map_err(|e| format!("`{}`: {e}", display_path(path)))
        })
        .transpose()?;
    let changed = match args.changed_since.as_deref() {
        None => None,
        Some(rev) => match changed::changed_claims(&request(&args.dataset), rev)? {
            Changed::Claims(keys) => Some(keys),
            Changed::Everything(why) => {
                eprintln!("factcheck: {why}");
                None
            }
        },
    };
    let today = today_from(args.today.as_deref())?;
    Ok(Policy {
        invocation: invocation(&args.dataset),
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
        return Err(format!(
            "no finding code is or starts with `{selector}`; {}",
            suggest::code_help(&full)
        ));
    }
    if matched.iter().any(|code| code.is_load()) {
        return Err(format!(
            "`{selector}` includes load problems, whose severity cannot change: input that cannot be read always stops the check"
        ));
    }
    Ok(full)
}

/// GitHub Actions shows Markdown appended to the file `$GITHUB_STEP_SUMMARY` names. The file
/// is GitHub's, not an output of ours: it is appended to, as GitHub asks, not replaced.
fn append_step_summary(markdown: &str) -> Result<(), String> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    write::append(Path::new(&path), markdown.as_bytes()).map_err(|e| {
        format!(
            "cannot append to $GITHUB_STEP_SUMMARY (`{}`): {e}",
            Path::new(&path).display()
        )
    })
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
