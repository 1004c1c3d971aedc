//! Stage 3: the validated model to facts and findings (DESIGN 2.2, 2.3, 3). Pure: no I/O.
//!
//! Owns the comparison pipeline: claims are grouped into facts ([`facts`]), each fact's
//! values are judged ([`values`], through [`date`] and [`number`]), ordering constraints are
//! checked ([`order`]), and sources that look dependent are found ([`copy`]). Findings come
//! back as plain data, each naming every claim involved.

pub mod alias;
pub mod copy;
pub mod date;
pub mod facts;
pub mod number;
pub mod order;
pub mod time;
pub mod units;
pub mod values;
pub mod verdict;

use rustc_hash::FxHashSet;

use rayon::prelude::*;

use crate::findings::{Code, Finding};
use crate::model::Dataset;

use self::copy::Dependence;
use self::facts::Fact;
use self::verdict::Verdict;

/// Every fact, how it was judged, and the findings.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Every fact, in (subject, property, qualifiers) order.
    pub facts: Vec<JudgedFact>,
    /// Every disagreement, violated constraint and undeclared dependence.
    pub findings: Vec<Finding>,
    /// Pairs of sources that depend on each other: declared in `derived_from` or detected
    /// ([`copy::dependences`]), sorted by sources.
    pub dependences: Vec<Dependence>,
}

/// A fact with its verdict.
#[derive(Debug, Clone)]
pub struct JudgedFact {
    /// The fact.
    pub fact: Fact,
    /// The worst verdict between two of its values (`None`: one claim, or multi-valued).
    pub verdict: Option<Verdict>,
    /// Whether some of its numbers could not be compared.
    pub incomparable: bool,
    /// How far apart its farthest disagreeing values are, when they disagree.
    pub gap: Option<String>,
}

/// Compares a dataset.
#[must_use]
pub fn compare(dataset: &Dataset) -> Comparison {
    let facts = facts::facts(dataset);
    let judged: Vec<_> = facts
        .par_iter()
        .map(|fact| values::judge(dataset, fact))
        .collect();

    // A claim with no separating qualifier belongs to every fact it is compatible with, so
    // the same disagreement can come up in several facts: report it once.
    let mut seen: FxHashSet<(Code, Vec<u32>)> = FxHashSet::default();
    let mut findings = Vec::new();
    let mut judged_facts = Vec::with_capacity(facts.len());
    for (fact, judgement) in facts.into_iter().zip(judged) {
        for (finding, claims) in judgement.findings {
            if seen.insert((finding.code, claims)) {
                findings.push(finding);
            }
        }
        judged_facts.push(JudgedFact {
            fact,
            verdict: judgement.verdict,
            incomparable: judgement.incomparable,
            gap: judgement.gap,
        });
    }
    findings.extend(
        order::check(dataset)
            .into_iter()
            .map(|(finding, _)| finding),
    );
    crate::names::titles::explain_titles(dataset, &mut findings);
    let dependences = copy::dependences(dataset, &judged_facts);
    findings.extend(copy::findings(dataset, &dependences));
    Comparison {
        facts: judged_facts,
        findings,
        dependences,
    }
}
