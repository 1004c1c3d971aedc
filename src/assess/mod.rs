//! Stage 4 (for `factcheck report`): the checked dataset to an assessment a researcher reads.
//!
//! Owns the researcher's questions, answered as plain data: per fact, what each source says,
//! the verdict ([`Status`]) and which value is best supported by how many *independent*
//! sources ([`support`]), or for a multi-valued fact which values make its best set
//! ([`set`]); per source, how many of its claims are corroborated, contradicted or
//! said by no one else ([`sources`]); which spellings of a name were taken as one ([`names`]).
//! Pure: it reads the dataset, the comparison and the triaged findings, and renders nothing.

pub mod dependence;
pub mod evidence;
pub mod labels;
pub mod method;
pub mod names;
pub mod set;
pub mod sources;
pub mod support;

use rustc_hash::FxHashMap;

use crate::Checked;
use crate::compare::JudgedFact;
use crate::compare::copy::independent_groups;
use crate::compare::values::fact_label;
use crate::compare::verdict::Verdict;
use crate::findings::{FactLabel, Status as FindingStatus};
use crate::model::SourceIx;

pub use self::evidence::{Evidence, FactId, Relations};
use self::labels::Label;
pub use self::method::{Estimate, Method, Reliability};
use self::names::NameGroup;
use self::sources::SourceAssessment;
use self::support::{Best, ValueSupport};

/// What a researcher reads: every fact, every source, every merged name.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// Every fact, in the comparison's (subject, property, qualifiers) order.
    pub facts: Vec<FactAssessment>,
    /// Every source, parallel to [`Dataset::sources`](crate::model::Dataset::sources).
    pub sources: Vec<SourceAssessment>,
    /// Names written more than one way, and the spelling chosen for each.
    pub names: Vec<NameGroup>,
    /// The independence group of each source, parallel to [`Dataset::sources`](crate::model::Dataset::sources): sources in
    /// one group (derived from one another, declared or detected) count once as support.
    pub groups: Vec<u32>,
    /// Per source, parallel to [`Dataset::sources`](crate::model::Dataset::sources): the dependences it is in, as (the other
    /// source, index into the comparison's dependences), in the dependences' order.
    pub links: Vec<Vec<(SourceIx, usize)>>,
    /// How many facts have each status.
    pub counts: Counts,
    /// The method that chose the best-supported values.
    pub method: Method,
    /// Each source's estimated reliability, parallel to [`Dataset::sources`](crate::model::Dataset::sources) (empty for
    /// [`Method::Vote`]).
    pub reliability: Vec<Reliability>,
    /// How many rounds the estimation took.
    pub rounds: usize,
}

/// What the sources make of a fact, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Every source gives the same value.
    Agreed,
    /// The values differ but fit together: one refines another ("2023", "July 2023"), they
    /// overlap, or a multi-valued fact lists more values in one source than in another.
    Refined,
    /// Some numbers are in units or bases that cannot be compared; the rest agree.
    Incomparable,
    /// Dates disjoint only within their vagueness.
    Tension,
    /// Values that cannot both be true.
    Conflict,
    /// A tension or conflict that a researcher has reviewed.
    Reviewed,
    /// Only one source speaks of it.
    SingleSource,
}

impl Status {
    /// Every status, in report order (most in need of attention first).
    pub const ALL: [Status; 7] = [
        Status::Conflict,
        Status::Tension,
        Status::Incomparable,
        Status::Reviewed,
        Status::Refined,
        Status::Agreed,
        Status::SingleSource,
    ];

    /// The word used in reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Agreed => "agreed",
            Status::Refined => "refined",
            Status::Incomparable => "incomparable",
            Status::Tension => "tension",
            Status::Conflict => "conflict",
            Status::Reviewed => "reviewed",
            Status::SingleSource => "single-source",
        }
    }

    /// Whether the sources disagree on the fact, or did until reviewed: the facts the report
    /// gives a section each.
    #[must_use]
    pub fn is_contested(self) -> bool {
        matches!(
            self,
            Status::Tension | Status::Conflict | Status::Reviewed | Status::Incomparable
        )
    }
}

/// How many facts have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts([usize; Status::ALL.len()]);

impl Counts {
    /// The count of one status.
    #[must_use]
    pub fn of(&self, status: Status) -> usize {
        self.0[status as usize]
    }

    fn add(&mut self, status: Status) {
        self.0[status as usize] += 1;
    }
}

/// One fact, assessed.
#[derive(Debug, Clone)]
pub struct FactAssessment {
    /// Its index in the comparison's facts.
    pub fact: usize,
    /// Canonical subject, property and separating qualifiers.
    pub label: FactLabel,
    /// What the sources make of it.
    pub status: Status,
    /// The worst verdict between two of its values, before any review.
    pub verdict: Option<Verdict>,
    /// How far apart its farthest disagreeing values are.
    pub gap: Option<String>,
    /// Whether the property is multi-valued.
    pub multi: bool,
    /// Its claims, in file order (indexes into [`Dataset::claims`](crate::model::Dataset::claims)).
    pub claims: Vec<u32>,
    /// Its distinct values with their support, best supported first.
    pub values: Vec<ValueSupport>,
    /// The best-supported value, a tie, or nothing to choose (multi-valued facts).
    pub best: Best,
    /// A multi-valued fact's best set: which of its values are supported ([`set`]).
    pub set: Option<set::BestSet>,
    /// The findings about it (indexes into the checked findings).
    pub findings: Vec<usize>,
    /// How many sources speak of it.
    pub sources: usize,
}

/// Assesses a checked dataset with the default method ([`Method::Trust`]).
#[must_use]
pub fn assess(checked: &Checked) -> Assessment {
    assess_with(checked, Method::default())
}

/// Assesses a checked dataset with `method`. Sources that depend on one another, declared
/// (`derived_from`) or detected ([`copy`](crate::compare::copy)), count as one independent
/// source; reviewed decisions are labels the method learns from.
#[must_use]
pub fn assess_with(checked: &Checked, method: Method) -> Assessment {
    let dataset = &checked.dataset;
    let groups = independent_groups(dataset, &checked.comparison.dependences);
    let by_label = findings_by_fact(checked);
    let evidence = Evidence::build(checked);
    let (labels, findings): (Vec<Label>, Vec<(FactLabel, Vec<usize>)>) = checked
        .comparison
        .facts
        .iter()
        .map(|judged| {
            let label = fact_label(dataset, &judged.fact);
            let findings = by_label.get(&label).cloned().unwrap_or_default();
            (
                labels::label(checked, &judged.fact.claims, &findings),
                (label, findings),
            )
        })
        .unzip();
    let estimate = method::estimate(method, dataset, &evidence, &groups, &labels);
    let mut counts = Counts::default();
    let mut facts: Vec<FactAssessment> = checked
        .comparison
        .facts
        .iter()
        .zip(estimate.facts)
        .zip(findings)
        .enumerate()
        .map(|(index, ((judged, (values, best)), (label, findings)))| {
            let fact = fact(checked, index, judged, label, findings, values, best);
            counts.add(fact.status);
            fact
        })
        .collect();
    // Copying estimated with reliability joins more sources into groups.
    let groups = estimate.groups;
    let reliability = &estimate.reliability;
    set::assign(dataset, &mut facts, &groups, |claim| {
        let source = dataset.claims[claim as usize].source.0 as usize;
        reliability
            .get(source)
            .map_or(1.0, |r| -(1.0 - r.trust).ln())
    });
    let sources = sources::assess(dataset, &checked.comparison.facts, &facts, &groups);
    let mut links = vec![Vec::new(); dataset.sources.len()];
    for (index, dependence) in checked.comparison.dependences.iter().enumerate() {
        let (a, b) = dependence.sources;
        if let Some(list) = links.get_mut(a.0 as usize) {
            list.push((b, index));
        }
        if let Some(list) = links.get_mut(b.0 as usize) {
            list.push((a, index));
        }
    }
    Assessment {
        names: names::groups(dataset),
        facts,
        sources,
        groups,
        links,
        counts,
        method,
        reliability: estimate.reliability,
        rounds: estimate.rounds,
    }
}

/// The findings about one fact (disagreements on its values), by fact label.
fn findings_by_fact(checked: &Checked) -> FxHashMap<FactLabel, Vec<usize>> {
    let mut by_label: FxHashMap<FactLabel, Vec<usize>> = FxHashMap::default();
    for (index, finding) in checked.findings.iter().enumerate() {
        if let (true, Some(label)) = (finding.code.is_disagreement(), &finding.fact) {
            by_label.entry(label.clone()).or_default().push(index);
        }
    }
    by_label
}

fn fact(
    checked: &Checked,
    index: usize,
    judged: &JudgedFact,
    label: FactLabel,
    findings: Vec<usize>,
    values: Vec<ValueSupport>,
    best: Best,
) -> FactAssessment {
    let dataset = &checked.dataset;
    let fact = &judged.fact;
    let multi = dataset.property_rules[fact.property.0 as usize].multi;
    let mut speakers: Vec<SourceIx> = fact
        .claims
        .iter()
        .map(|&c| dataset.claims[c as usize].source)
        .collect();
    speakers.sort_unstable();
    speakers.dedup();

    let reviewed = !findings.is_empty()
        && findings.iter().all(|&f| {
            matches!(
                checked.findings[f].status,
                FindingStatus::Reviewed(_) | FindingStatus::Baselined
            )
        });
    let status = if speakers.len() < 2 {
        Status::SingleSource
    } else if reviewed {
        Status::Reviewed
    } else {
        match judged.verdict {
            Some(Verdict::Conflict) => Status::Conflict,
            Some(Verdict::Tension) => Status::Tension,
            _ if judged.incomparable => Status::Incomparable,
            Some(Verdict::Equal) => Status::Agreed,
            // Multi-valued: every source lists the same values, or some list more.
            None if values.len() == 1 => Status::Agreed,
            Some(Verdict::Refines | Verdict::Compatible) | None => Status::Refined,
        }
    };
    FactAssessment {
        fact: index,
        label,
        status,
        verdict: judged.verdict,
        gap: judged.gap.clone(),
        multi,
        claims: fact.claims.clone(),
        values,
        best,
        set: None,
        findings,
        sources: speakers.len(),
    }
}
