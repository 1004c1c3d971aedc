//! `factcheck report`: the assessment for researchers, as Markdown, HTML, JSON, JSON Lines or
//! CSV (DESIGN 4.3).
//!
//! Owns what the three report formats share: the inputs they cite (every file with its
//! SHA-256, so a report can be reproduced), and the wording of values, verdicts and support
//! that several formats use. Each format reads the [`Context`] only; none
//! decides anything about the data.

pub mod answer;
pub mod csv_rows;
pub mod html;
pub mod interval;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod timeline;

use sha2::{Digest, Sha256};
use std::fmt::Write as _;

pub use self::answer::{Answer, answer, answer_sentence};

use crate::Checked;
use crate::assess::support::{Best, ValueSupport};
use crate::assess::{Assessment, FactAssessment, Status};
use crate::compare::copy::Dependence;
use crate::compare::values::normalized;
use crate::files::Files;
use crate::findings::{Finding, MAX_LOCATIONS, Status as FindingStatus, hex};
use crate::model::{Claim, Dataset, SourceIx, Value};

/// Everything a report renders.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The checked dataset, with its findings and their statuses.
    pub checked: &'a Checked,
    /// What the report says about it.
    pub assessment: &'a Assessment,
    /// The files read, with their hashes.
    pub inputs: &'a [Input],
}

impl Context<'_> {
    /// The dataset.
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.checked.dataset
    }

    /// A claim by index.
    #[must_use]
    pub fn claim(&self, index: u32) -> &Claim {
        &self.checked.dataset.claims[index as usize]
    }

    /// Where a claim's value is written, as `path:line`.
    #[must_use]
    pub fn claim_place(&self, claim: &Claim) -> String {
        let files = &self.checked.dataset.files;
        format!(
            "{}:{}",
            files.get(claim.value_span.file).display_path(),
            files.start(claim.value_span).line
        )
    }

    /// The id of a source.
    #[must_use]
    pub fn source_id(&self, source: SourceIx) -> &str {
        &self.checked.dataset.sources[source.0 as usize].id
    }

    /// The facts that get a section of their own: the contested ones.
    pub fn contested(&self) -> impl Iterator<Item = &FactAssessment> {
        self.assessment
            .facts
            .iter()
            .filter(|f| f.status.is_contested())
    }

    /// The sources one source depends on, declared or detected, with the dependence.
    pub fn dependences_of(
        &self,
        source: SourceIx,
    ) -> impl Iterator<Item = (SourceIx, &Dependence)> {
        let dependences = &self.checked.comparison.dependences;
        self.assessment
            .links
            .get(source.0 as usize)
            .into_iter()
            .flatten()
            .filter_map(|&(other, index)| Some((other, dependences.get(index)?)))
    }

    /// The facts several sources agree on (agreed or refined).
    pub fn corroborated(&self) -> impl Iterator<Item = &FactAssessment> {
        self.assessment
            .facts
            .iter()
            .filter(|f| f.sources > 1 && !f.status.is_contested())
    }

    /// The facts only one source speaks of: uncorroborated claims.
    pub fn single_source(&self) -> impl Iterator<Item = &FactAssessment> {
        self.assessment
            .facts
            .iter()
            .filter(|f| f.status == Status::SingleSource)
    }

    /// One row per claim of a single-source fact, unescaped: the fact, what the claim says,
    /// its source and where it is written (each format escapes the cells its own way).
    pub fn uncorroborated_rows(&self) -> impl Iterator<Item = [String; 4]> + '_ {
        self.single_source().flat_map(move |fact| {
            fact.claims.iter().map(move |&index| {
                let claim = self.claim(index);
                [
                    fact.label.to_string(),
                    claim.stated.to_string(),
                    self.source_id(claim.source).to_owned(),
                    self.claim_place(claim),
                ]
            })
        })
    }

    /// What could not be read (load problems): the report leaves it out.
    pub fn problems(&self) -> impl Iterator<Item = &Finding> {
        self.checked.findings.iter().filter(|f| f.code.is_load())
    }

    /// The findings that are about no fact's values (quotes, names, copies, order
    /// constraints, reviews), in output order.
    #[must_use]
    pub fn other_findings(&self) -> Vec<&Finding> {
        let mut about_facts = vec![false; self.checked.findings.len()];
        for fact in &self.assessment.facts {
            for &index in &fact.findings {
                if let Some(slot) = about_facts.get_mut(index) {
                    *slot = true;
                }
            }
        }
        self.checked
            .findings
            .iter()
            .zip(about_facts)
            .filter(|(finding, about_fact)| !about_fact && !finding.code.is_load())
            .map(|(finding, _)| finding)
            .collect()
    }

    /// Where a finding is: the path and 1-based line of its primary location.
    #[must_use]
    pub fn place(&self, finding: &Finding) -> Option<(String, usize)> {
        let files = &self.checked.dataset.files;
        finding.primary().map(|location| {
            (
                files.get(location.span.file).display_path(),
                files.start(location.span).line,
            )
        })
    }
}

/// `path:line` of a finding, or `-` when it has no location.
#[must_use]
pub fn place_text(place: Option<&(String, usize)>) -> String {
    place.map_or_else(|| "-".to_owned(), |(path, line)| format!("{path}:{line}"))
}

/// A file the report was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path, as shown everywhere else.
    pub path: String,
    /// Its SHA-256, in lower-case hex.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: usize,
}

/// Every file read (claims files, the rules, the reviews), with its hash, in path order.
#[must_use]
pub fn inputs(files: &Files) -> Vec<Input> {
    let mut inputs: Vec<Input> = files
        .iter()
        .map(|(_, file)| Input {
            path: file.display_path(),
            sha256: hex(&Sha256::digest(file.text.as_bytes())),
            bytes: file.text.len(),
        })
        .collect();
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs
}

/// A claim's value in normal form: EDTF for dates, the range with its unit for numbers, the
/// canonical name for names, the folded text for texts.
#[must_use]
pub fn normal_form(dataset: &Dataset, claim: &Claim) -> String {
    match &claim.value {
        Value::Date(date) => date.edtf(),
        Value::DateTime(time) => time.iso(),
        _ => normalized(dataset, claim),
    }
}

/// A value's type as the machine formats name it: `date`, `datetime`, `number`, `name`, `text`.
#[must_use]
pub fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Date(_) => "date",
        Value::DateTime(_) => "datetime",
        Value::Number(_) => "number",
        Value::Name(_) => "name",
        Value::Text(_) => "text",
    }
}

/// A value as stated by its first claim.
#[must_use]
pub fn stated(context: &Context<'_>, value: &ValueSupport) -> String {
    value
        .claims
        .first()
        .map(|&c| context.claim(c).stated.to_string())
        .unwrap_or_default()
}

/// The sources of some claims, each once, in source order.
#[must_use]
pub fn sources_of(context: &Context<'_>, claims: &[u32]) -> Vec<String> {
    let mut sources: Vec<SourceIx> = claims.iter().map(|&c| context.claim(c).source).collect();
    sources.sort_unstable();
    sources.dedup();
    sources
        .into_iter()
        .map(|s| context.source_id(s).to_owned())
        .collect()
}

/// "1 independent source" / "3 independent sources".
#[must_use]
pub fn independent(count: usize) -> String {
    if count == 1 {
        "1 independent source".to_owned()
    } else {
        format!("{count} independent sources")
    }
}

/// The best-supported value of a fact in words: "2018, by 2 independent sources (a, b)",
/// "a tie: 2014 (1 independent source: …) and 2018 (…)", or `None` for multi-valued facts.
#[must_use]
pub fn best_sentence(context: &Context<'_>, fact: &FactAssessment) -> Option<String> {
    let support = |value: &ValueSupport| {
        let mut text = format!(
            "{} ({})",
            independent(value.support),
            sources_of(context, &value.supporters).join(", ")
        );
        if let Some(confidence) = value.confidence {
            let _ = write!(text, ", confidence {confidence:.2}");
            if !value.disagreeing.is_empty() {
                let _ = write!(
                    text,
                    ", against {}",
                    sources_of(context, &value.disagreeing).join(", ")
                );
            }
        }
        text
    };
    match &fact.best {
        Best::Value(i) => fact
            .values
            .get(*i)
            .map(|value| format!("{}, by {}", stated(context, value), support(value))),
        Best::Tie(tied) => {
            let each: Vec<String> = tied
                .iter()
                .filter_map(|&i| fact.values.get(i))
                .map(|value| format!("{}, by {}", stated(context, value), support(value)))
                .collect();
            Some(format!("a tie: {}", each.join("; ")))
        }
        // A multi-valued fact's answer is its set, shown where its values are listed: the
        // facts a set answers are never contested, so no sentence is asked of them.
        Best::None => None,
    }
}

/// How two sources depend on each other, in words: "Declared (`derived_from`) and detected:
/// 6 identical quotes in common (of 11 claims in the smaller source)".
#[must_use]
pub fn dependence_sentence(dependence: &Dependence) -> String {
    let how = match (dependence.declared, dependence.detected) {
        (true, true) => "Declared (derived_from) and detected",
        (true, false) => "Declared (derived_from)",
        (false, _) => "Detected, not declared",
    };
    if dependence.evidence() == 0 {
        return format!("{how}; no quote or rare value in common");
    }
    let mut parts = Vec::new();
    if !dependence.quotes.is_empty() {
        parts.push(counted(dependence.quotes.len(), "identical quote"));
    }
    if !dependence.values.is_empty() {
        parts.push(counted(dependence.values.len(), "rare value"));
    }
    format!(
        "{how}: {} in common (of {} in the smaller source)",
        parts.join(" and "),
        counted(dependence.smaller as usize, "claim")
    )
}

/// "1 claim", "3 claims".
fn counted(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// One piece of evidence of a dependence: the two claims (lower source first) and what they
/// share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The same quote.
    Quote(u32, u32),
    /// The same rare value.
    Value(u32, u32),
}

impl Evidence {
    /// Every piece of a dependence's evidence: quotes, then values.
    pub fn of(dependence: &Dependence) -> impl Iterator<Item = Evidence> + '_ {
        dependence
            .quotes
            .iter()
            .map(|&(a, b)| Evidence::Quote(a, b))
            .chain(
                dependence
                    .values
                    .iter()
                    .map(|&(a, b)| Evidence::Value(a, b)),
            )
    }

    /// The evidence a report lists of a dependence: the first [`MAX_LOCATIONS`] pieces, and
    /// how many more there are (output stays linear in the input however much two sources
    /// share).
    pub fn listed(dependence: &Dependence) -> (impl Iterator<Item = Evidence> + '_, usize) {
        let more = dependence.evidence().saturating_sub(MAX_LOCATIONS);
        (Self::of(dependence).take(MAX_LOCATIONS), more)
    }

    /// The two claims.
    #[must_use]
    pub fn claims(self) -> (u32, u32) {
        match self {
            Evidence::Quote(a, b) | Evidence::Value(a, b) => (a, b),
        }
    }

    /// "quote" or "value".
    #[must_use]
    pub fn kind(self) -> &'static str {
        match self {
            Evidence::Quote(..) => "quote",
            Evidence::Value(..) => "value",
        }
    }

    /// What the two share, as the first claim states it: its quote, or its value.
    #[must_use]
    pub fn shared(self, context: &Context<'_>) -> String {
        let claim = context.claim(self.claims().0);
        match self {
            Evidence::Quote(..) => claim
                .quote
                .as_ref()
                .map(|(quote, _)| quote.to_string())
                .unwrap_or_default(),
            Evidence::Value(..) => claim.stated.to_string(),
        }
    }
}

/// What a fact status means, for the summary table.
#[must_use]
pub fn meaning(status: Status) -> &'static str {
    match status {
        Status::Conflict => "the sources give values that cannot both be true",
        Status::Tension => "the values meet only within their vagueness",
        Status::Incomparable => {
            "some values cannot be compared (units that differ, a local time beside a zoned one)"
        }
        Status::Reviewed => "a disagreement a researcher has reviewed",
        Status::Refined => "the values fit together; some are more precise",
        Status::Agreed => "every source gives the same value",
        Status::SingleSource => "only one source speaks of it",
    }
}

/// How support and corroboration are counted, under the sources table.
pub const SUPPORT_NOTE: &str = "A claim is corroborated when a source independent of its own \
    agrees with it, and contradicted when another source disagrees. Support is counted in \
    independent sources: sources that depend on one another, declared or detected, count once. \
    A source's reliability is estimated from how well the values it states are supported \
    (0.5 is no evidence either way; a source of few claims stays near it), and weighs its \
    vote: how many claims it rests on is given beside it.";

/// A source's estimated reliability and how many claims it rests on, "0.83 (12 claims)";
/// empty when the method estimates none.
#[must_use]
pub fn reliability_cell(context: &Context<'_>, source: usize) -> String {
    context
        .assessment
        .reliability
        .get(source)
        .map(|r| {
            let claims = if r.claims == 1 {
                "1 claim".to_owned()
            } else {
                format!("{} claims", r.claims)
            };
            let reviewed = if r.reviewed > 0 {
                format!(", {} reviewed", r.reviewed)
            } else {
                String::new()
            };
            format!("{:.2} ({claims}{reviewed})", r.trust)
        })
        .unwrap_or_default()
}

/// What the dependent sources section says when there are none.
pub const NO_DEPENDENCES: &str = "No two sources depend on each other: none is declared \
    derived from another, and none shares enough identical quotes or rare values with another \
    to look copied.";

/// Where a finding stands: "open", "in the baseline", or who reviewed it, when and why. Dataset
/// text (the reviewer, date and reason) goes through `escape`.
#[must_use]
pub fn finding_status(
    context: &Context<'_>,
    finding: &Finding,
    escape: impl Fn(&str) -> String,
) -> String {
    match finding.status {
        FindingStatus::Open => "open".to_owned(),
        FindingStatus::Baselined => "in the baseline".to_owned(),
        FindingStatus::Reviewed(review) => context.dataset().reviews.get(review).map_or_else(
            || "reviewed".to_owned(),
            |r| {
                format!(
                    "reviewed by {} on {}: {} — {}",
                    escape(&r.reviewer),
                    escape(&r.date),
                    r.decision.as_str(),
                    escape(&r.reason)
                )
            },
        ),
    }
}

/// The best-supported value of an agreed fact and its support, for the agreed facts table;
/// every value and no support when there is no single best (multi-valued facts, ties).
#[must_use]
pub fn best_cells(
    context: &Context<'_>,
    fact: &FactAssessment,
    escape: impl Fn(&str) -> String,
) -> (String, String) {
    match (&fact.best, &fact.set) {
        (Best::Value(i), _) => fact.values.get(*i).map_or_else(
            || (String::new(), String::new()),
            |v| (escape(&stated(context, v)), v.support.to_string()),
        ),
        (Best::None, Some(set)) => {
            let each = |indexes: &[usize]| -> String {
                indexes
                    .iter()
                    .filter_map(|&i| fact.values.get(i))
                    .map(|v| escape(&stated(context, v)))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let mut cell = each(&set.supported);
            if !set.unsupported.is_empty() {
                cell.push_str(" (not supported: ");
                cell.push_str(&each(&set.unsupported));
                cell.push(')');
            }
            for &(alone, person) in &set.counted_as {
                if let (Some(a), Some(p)) = (fact.values.get(alone), fact.values.get(person)) {
                    cell.push_str(" (");
                    cell.push_str(&escape(&stated(context, a)));
                    cell.push_str(" counted as ");
                    cell.push_str(&escape(&stated(context, p)));
                    cell.push(')');
                }
            }
            (cell, String::new())
        }
        _ => (
            fact.values
                .iter()
                .map(|v| escape(&stated(context, v)))
                .collect::<Vec<_>>()
                .join("; "),
            String::new(),
        ),
    }
}

/// A source's declared and detected dependencies, each a list of source ids (a detected one
/// with how much the two share), ids through `escape`.
#[must_use]
pub fn dependency_cells(
    context: &Context<'_>,
    source: SourceIx,
    escape: impl Fn(&str) -> String,
) -> (String, String) {
    let mut declared = Vec::new();
    let mut detected = Vec::new();
    for (other, dependence) in context.dependences_of(source) {
        let id = escape(context.source_id(other));
        if dependence.declared {
            declared.push(id.clone());
        }
        if dependence.detected {
            detected.push(format!("{id} ({} shared)", dependence.evidence()));
        }
    }
    (declared.join(", "), detected.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;
    use crate::findings::Code;
    use crate::testing::{check, check_under, source};

    fn with_context<R>(checked: &Checked, f: impl FnOnce(&Context<'_>) -> R) -> R {
        let assessment = assess(checked);
        let inputs = inputs(&checked.dataset.files);
        f(&Context {
            checked,
            assessment: &assessment,
            inputs: &inputs,
        })
    }

    fn files() -> Vec<(&'static str, String)> {
        vec![
            ("alpha", source(&[("Institute", "founded", "1977")])),
            ("beta", source(&[("Institute", "founded", "1990")])),
        ]
    }

    fn reviewed(decision: &str, order: [usize; 2]) -> Option<String> {
        let files = files();
        let borrowed: Vec<(&str, &str)> = files.iter().map(|(a, b)| (*a, b.as_str())).collect();
        let first = check(&borrowed, None);
        let claims: Vec<(String, String)> = first
            .dataset
            .claims
            .iter()
            .map(|c| (c.key.to_string(), c.value_key()))
            .collect();
        let listed: Vec<String> = order
            .iter()
            .map(|&i| {
                format!(
                    "{{ claim = \"{}\", value = \"{}\" }}",
                    claims[i].0, claims[i].1
                )
            })
            .collect();
        let reviews = format!(
            "[[review]]\ncode = \"factcheck::conflict::date\"\nclaims = [{}]\n\
             decision = \"{decision}\"\nreason = \"r\"\nreviewer = \"t\"\ndate = 2026-01-01\n",
            listed.join(", ")
        );
        let checked = check_under(
            &borrowed,
            None,
            Some(&reviews),
            &crate::gate::Policy::default(),
        );
        with_context(&checked, |context| {
            let fact = context.contested().next()?;
            let answer = answer(context, fact)?;
            Some(context.claim(answer.claim).stated.to_string())
        })
    }

    #[test]
    fn a_review_that_names_the_wrong_source_gives_the_answer() {
        assert_eq!(
            reviewed("second-source-wrong", [0, 1]).as_deref(),
            Some("1977")
        );
        assert_eq!(
            reviewed("second-source-wrong", [1, 0]).as_deref(),
            Some("1990")
        );
        assert_eq!(
            reviewed("first-source-wrong", [0, 1]).as_deref(),
            Some("1990")
        );
        assert_eq!(reviewed("both-wrong", [0, 1]), None);
        assert_eq!(reviewed("explained", [0, 1]), None);
    }

    #[test]
    fn other_findings_are_those_about_no_fact_and_problems_are_apart() {
        let checked = check(
            &[
                (
                    "alpha",
                    &source(&[
                        ("Institute", "founded", "1977"),
                        ("Institute", "opened", "x"),
                    ]),
                ),
                (
                    "beta",
                    &source(&[
                        ("Institute", "founded", "1990"),
                        ("Instituet", "mascot", "owl"),
                    ]),
                ),
            ],
            Some("[[property]]\nname = \"opened\"\ntype = \"date\"\n"),
        );
        with_context(&checked, |context| {
            let other: Vec<Code> = context.other_findings().iter().map(|f| f.code).collect();
            assert_eq!(other, [Code::NameVariant]);
            let problems: Vec<Code> = context.problems().map(|f| f.code).collect();
            assert_eq!(problems, [Code::LoadDate]);
            let place = context.place(context.problems().next().unwrap());
            assert_eq!(place_text(place.as_ref()), "claims/alpha.toml:13");
            let single: Vec<String> = context
                .single_source()
                .map(|f| f.label.to_string())
                .collect();
            // The variant spelling is taken as the canonical name.
            assert_eq!(single, ["Institute · mascot"]);
        });
    }
}
