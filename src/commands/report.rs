//! `factcheck report`: the assessment for researchers (DESIGN 4.3).
//!
//! Owns the edge: the dataset is checked as `check` would (reviews apply; no baseline, no
//! severity overrides), assessed, rendered in the format asked for and written to stdout or a
//! file (never over one of the run's inputs or through a link, unless `--force`). Input that
//! cannot be read does not stop it: the report of everything that could be read is written,
//! with the problems first in every format (a banner in HTML), the problems are shown on
//! stderr as `check` shows them, and the exit status is 2, so that scripts notice that the
//! report is of part of the dataset.

use std::time::Instant;

use crate::Checked;
use crate::assess::{self, Assessment};
use crate::cli::{ReportArgs, ReportFormat};
use crate::fs::write::Target;
use crate::render::report::{self, Context, html, json, markdown};
use crate::triage::Policy;

use super::{check_showing_progress, fail, inputs, show_load_problems, today_from, write_stdout};

/// Writes the report and returns the exit status.
#[must_use]
pub fn run(args: &ReportArgs) -> u8 {
    match write_report(args) {
        Ok(status) => status,
        Err(message) => fail(&message),
    }
}

fn write_report(args: &ReportArgs) -> Result<u8, String> {
    let policy = Policy {
        today: today_from(args.today.as_deref())?,
        ..Policy::default()
    };
    let checked = check_showing_progress(&args.dataset, &policy, args.timings);
    let incomplete = show_load_problems(
        &checked,
        "the report leaves out what could not be read (see its Problems section); exit status 2",
    );
    let target = args
        .output
        .as_deref()
        .map(|path| Target::output(path, &inputs(&checked, &args.dataset, None), args.force))
        .transpose()
        .map_err(|e| e.to_string())?;

    let clock = Instant::now();
    let assessment = assess::assess(&checked);
    let assessing = clock.elapsed();
    let text = render(&checked, &assessment, args.format);
    let rendering = clock.elapsed().saturating_sub(assessing);
    match target {
        Some(target) => {
            target.replace(text.as_bytes()).map_err(|e| e.to_string())?;
            eprintln!(
                "factcheck: wrote the report to `{}`",
                target.path().display()
            );
        }
        None => write_stdout(&text).map_err(|e| format!("cannot write the report: {e}"))?,
    }
    if args.timings {
        let mut stages = checked.timings.clone();
        stages.extend([("assess", assessing), ("render", rendering)]);
        eprintln!("{}", super::timings(&stages, checked.summary.claims));
    }
    Ok(if incomplete { 2 } else { 0 })
}

/// The report of an assessed dataset in a format.
fn render(checked: &Checked, assessment: &Assessment, format: ReportFormat) -> String {
    let inputs = report::inputs(&checked.dataset.files);
    let context = Context {
        checked,
        assessment,
        inputs: &inputs,
    };
    match format {
        ReportFormat::Markdown => markdown::render(&context),
        ReportFormat::Html => html::render(&context),
        ReportFormat::Json => json::render(&context),
    }
}
