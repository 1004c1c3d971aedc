//! `factcheck report`: the assessment for researchers (DESIGN 4.3).
//!
//! Owns the edge: the dataset is checked as `check` would (reviews apply; no baseline, no
//! severity overrides), assessed, rendered in the format asked for and written to stdout or a
//! file (never over one of the run's inputs or through a link, unless `--force`; atomically,
//! through a temporary file). The JSON, JSON Lines and CSV reports are streamed: each fact
//! is written as it is rendered, so the report is never whole in memory. Input that
//! cannot be read does not stop it: the report of everything that could be read is written,
//! with the problems first in every format (a banner in HTML), the problems are shown on
//! stderr as `check` shows them, and the exit status is 2, so that scripts notice that the
//! report is of part of the dataset.

use std::io::{self, BufWriter, Write};
use std::time::Instant;

use crate::assess;
use crate::cli::{ReportArgs, ReportFormat};
use crate::fs::write::Target;
use crate::render::report::{self, Context, csv_rows, html, json, jsonl, markdown};
use crate::triage::Policy;

use super::{check_showing_progress, fail, inputs, show_load_problems, today_from};

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
    let assessment = assess::assess_with(&checked, args.method.into());
    let assessing = clock.elapsed();
    let inputs = report::inputs(&checked.dataset.files);
    let context = Context {
        checked: &checked,
        assessment: &assessment,
        inputs: &inputs,
    };
    if let Some(target) = target {
        target
            .replace_with(|file| write(&context, args.format, file))
            .map_err(|e| e.to_string())?;
        eprintln!(
            "factcheck: wrote the report to `{}`",
            target.path().display()
        );
    } else if let Err(error) = write(&context, args.format, io::stdout().lock())
        && error.kind() != io::ErrorKind::BrokenPipe
    {
        return Err(format!("cannot write the report: {error}"));
    }
    let rendering = clock.elapsed().saturating_sub(assessing);
    if args.timings {
        let mut stages = checked.timings.clone();
        stages.extend([("assess", assessing), ("render", rendering)]);
        eprintln!("{}", super::timings(&stages, checked.summary.claims));
    }
    Ok(if incomplete { 2 } else { 0 })
}

/// Writes the report of an assessed dataset in a format to `out`: the JSON, JSON Lines and
/// CSV reports as each fact is rendered, the Markdown and HTML reports as one text.
fn write(context: &Context<'_>, format: ReportFormat, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    match format {
        ReportFormat::Markdown => out.write_all(markdown::render(context).as_bytes())?,
        ReportFormat::Html => out.write_all(html::render(context).as_bytes())?,
        ReportFormat::Json => json::write(context, &mut out)?,
        ReportFormat::Jsonl => jsonl::write(context, &mut out)?,
        ReportFormat::Csv => csv_rows::write(context, &mut out)?,
    }
    out.flush()
}
