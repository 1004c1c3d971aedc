//! factcheck: checks claims drawn from many sources for consistency.
//!
//! Researchers write down the claims each source makes, one TOML file per source, and
//! factcheck reports where the sources disagree. The work is a pipeline whose stages are the
//! crate's modules:
//!
//! 1. [`load`] reads the claims directory and `rules.toml` into raw, spanned structs that
//!    mirror the files exactly, collecting every problem instead of stopping at the first;
//! 2. [`normalize`] turns them into the validated [`model`]: names folded and resolved
//!    through aliases, acronyms and fuzzy matching, dates turned into intervals, numbers into
//!    ranges with units, every value typed;
//! 3. [`compare`] groups claims into facts and judges each fact's values, producing
//!    [`findings`] as plain data that still point at the exact bytes of every claim involved;
//!    [`gate`] then applies the CI gate's policy (reviews, the baseline, `--changed-since`,
//!    severities) and puts first the claim each finding most likely needs fixed;
//! 4. [`render`] turns findings into miette diagnostics, concise lines or JSON.
//!
//! [`check`] runs the first three stages; the binary adds the command line and rendering.
//!
//! A dataset is untrusted input (it comes in pull requests from anyone, and the output lands
//! in public CI logs). Two modules hold that boundary: [`fs`] is the only way files are read
//! (confined to the dataset root, special files refused, sizes limited) or written (atomically,
//! never over an input or through a link), and [`safe`] makes every string from the dataset
//! safe to print.

pub mod assess;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod explain;
pub mod files;
pub mod findings;
pub mod fs;
pub mod gate;
pub mod load;
pub mod model;
pub mod names;
pub mod normalize;
pub mod render;
pub mod safe;
pub mod schema;
pub mod suggest;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;

/// The gate's policy under its former name: `triage::Policy` is [`gate::Policy`].
pub use gate as triage;
/// The baseline file, under its former path.
pub use gate::baseline;

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::compare::Comparison;
use crate::findings::{FactLabel, Finding};
use crate::model::Dataset;
use crate::render::Summary;

/// The outcome of checking a dataset.
#[derive(Debug)]
pub struct Checked {
    /// The normalized dataset.
    pub dataset: Dataset,
    /// Every fact and how it was judged.
    pub comparison: Comparison,
    /// Every finding to show, in output order.
    pub findings: Vec<Finding>,
    /// What was looked at and found.
    pub summary: Summary,
    /// How long each stage took, in order.
    pub timings: Vec<(&'static str, Duration)>,
    /// The facts that were compared (claimed more than once), as labels.
    pub compared: Vec<FactLabel>,
}

impl Checked {
    /// Every file read (claims, rules, reviews, source texts), as its path was given or found:
    /// what no output of the run may overwrite.
    pub fn inputs(&self) -> impl Iterator<Item = &Path> {
        self.dataset
            .files
            .iter()
            .map(|(_, file)| file.path.as_path())
    }
}

/// Loads, normalizes and compares a dataset, with the default policy (reviews apply, no
/// baseline, no overrides).
#[must_use]
pub fn check(request: &load::Request) -> Checked {
    check_with(request, &triage::Policy::default(), &mut |_| {})
}

/// Loads, normalizes, compares and triages a dataset under a policy, telling `progress` what
/// it is doing before each stage ("normalizing 1000000 claims"), for long runs. Files are read
/// from the disk, confined to the dataset root.
pub fn check_with(
    request: &load::Request,
    policy: &triage::Policy,
    progress: &mut dyn FnMut(&str),
) -> Checked {
    pipeline(request, policy, progress, &|request| load::load(request))
}

/// Like [`check_with`], with the files read through `fs` (an in-memory tree in tests).
pub fn check_in(
    fs: &dyn fs::FileSystem,
    request: &load::Request,
    policy: &triage::Policy,
    progress: &mut dyn FnMut(&str),
) -> Checked {
    pipeline(request, policy, progress, &|request| {
        load::load_from(fs, request)
    })
}

fn pipeline(
    request: &load::Request,
    policy: &triage::Policy,
    progress: &mut dyn FnMut(&str),
    load: &dyn Fn(&load::Request) -> load::Loaded,
) -> Checked {
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |stage: &'static str| {
        timings.push((stage, clock.elapsed()));
        clock = Instant::now();
    };
    progress(&format!(
        "loading {}",
        files::display_path(&request.claims_dir)
    ));
    let loaded = load(request);
    lap("load");
    let raw_claims: usize = loaded.claims.iter().map(|f| f.claims.len()).sum();
    progress(&format!(
        "normalizing {}",
        render::counted(raw_claims, "claim")
    ));
    let normalized = normalize::normalize(loaded);
    lap("normalize");
    progress(&format!(
        "comparing {}",
        render::counted(normalized.dataset.claims.len(), "claim")
    ));
    let mut comparison = compare::compare(&normalized.dataset);
    lap("compare");
    let mut findings = normalized.findings;
    findings.append(&mut comparison.findings);
    let triage::Triaged {
        mut findings,
        unchanged,
    } = triage::triage(
        &normalized.dataset,
        findings,
        policy,
        &compare::copy::independent_groups(&normalized.dataset, &comparison.dependences),
    );
    sort(&normalized.dataset, &mut findings);

    let dataset = normalized.dataset;
    let mut summary = Summary {
        sources: dataset.sources.len(),
        claims: dataset.claims.len(),
        facts: comparison.facts.len(),
        compared: comparison
            .facts
            .iter()
            .filter(|judged| {
                let sources: HashSet<_> = judged
                    .fact
                    .claims
                    .iter()
                    .map(|&c| dataset.claims[c as usize].source)
                    .collect();
                sources.len() > 1
            })
            .count(),
        unchanged,
        ..Summary::default()
    };
    summary.count(&findings);
    let compared = comparison
        .facts
        .iter()
        .filter(|judged| judged.fact.claims.len() > 1)
        .map(|judged| compare::values::fact_label(&dataset, &judged.fact))
        .collect();
    Checked {
        dataset,
        comparison,
        findings,
        summary,
        timings,
        compared,
    }
}

/// Output order: by file path and position of the primary location, then code and message;
/// findings with no location first. Stable whatever order the stages produced them in.
fn sort(dataset: &Dataset, findings: &mut [Finding]) {
    findings.sort_by_cached_key(|finding| {
        let place = finding.primary().map(|location| {
            let path = dataset.files.get(location.span.file).display_path();
            (path, location.span.start, location.span.end)
        });
        (place, finding.code, finding.message.clone())
    });
}
