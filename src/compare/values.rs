//! Judging one fact: how its values relate, and the findings that follow.
//!
//! Owns the step from "these claims are about one fact" to findings: the distinct values are
//! compared pair by pair (dates and numbers through `date` and `number`, names by entity,
//! texts after folding), the worst verdict is the fact's, and each kind of disagreement
//! becomes one finding that names every claim involved and states the values and how far
//! apart they are. Multi-valued properties never disagree.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::compare::date::{compare_dates, date_gap};
use crate::compare::facts::Fact;
use crate::compare::number::{NumberComparison, compare_quantities, difference};
use crate::compare::verdict::Verdict;
use crate::findings::{ClaimRef, Code, FactLabel, Finding, Location};
use crate::model::{Claim, Dataset, Value};
use crate::normalize::fold::fold;

/// Past this many distinct values, a fact's values are compared with the extremes only: a
/// fact with thousands of different values is already a finding, and all pairs would be
/// quadratic.
const PAIRWISE_LIMIT: usize = 256;

/// A fact's verdict and findings; each finding with the claims it involves.
#[derive(Debug, Clone)]
pub struct Judgement {
    /// The worst verdict between two of its values; `None` for single-claim or multi-valued
    /// facts.
    pub verdict: Option<Verdict>,
    /// Whether some values could not be compared (different units).
    pub incomparable: bool,
    /// Findings, each with its claims (indexes into the dataset).
    pub findings: Vec<(Finding, Vec<u32>)>,
}

/// Judges one fact.
#[must_use]
pub fn judge(dataset: &Dataset, fact: &Fact) -> Judgement {
    let rules = &dataset.property_rules[fact.property.0 as usize];
    let mut judgement = Judgement {
        verdict: None,
        incomparable: false,
        findings: Vec::new(),
    };
    if fact.claims.len() < 2 || rules.multi {
        return judgement;
    }
    let groups = distinct_values(dataset, &fact.claims);
    if groups.len() == 1 {
        judgement.verdict = Some(Verdict::Equal);
        return judgement;
    }

    let pairs = pairs_to_compare(dataset, &groups);
    let mut conflicts = Vec::new();
    let mut tensions = Vec::new();
    let mut incomparable = Vec::new();
    let mut worst = Verdict::Equal;
    for (a, b) in pairs {
        let (first, second) = (
            &dataset.claims[groups[a][0] as usize].value,
            &dataset.claims[groups[b][0] as usize].value,
        );
        let verdict = match (first, second) {
            (Value::Date(x), Value::Date(y)) => compare_dates(x, y),
            (Value::Number(x), Value::Number(y)) => match compare_quantities(x, y, rules.tolerance)
            {
                NumberComparison::Comparable(verdict) => verdict,
                NumberComparison::Incomparable(reason) => {
                    incomparable.push((a, b, reason));
                    continue;
                }
            },
            _ => Verdict::Conflict,
        };
        worst = worst.max(verdict);
        match verdict {
            Verdict::Conflict => conflicts.push((a, b)),
            Verdict::Tension => tensions.push((a, b)),
            _ => {}
        }
    }
    judgement.verdict = Some(worst);
    judgement.incomparable = !incomparable.is_empty();

    let label = fact_label(dataset, fact);
    let first_value = &dataset.claims[fact.claims[0] as usize].value;
    if !conflicts.is_empty() {
        let code = match first_value {
            Value::Date(_) => Code::ConflictDate,
            Value::Number(_) => Code::ConflictNumber,
            Value::Name(_) | Value::Text(_) => Code::ConflictValue,
        };
        judgement
            .findings
            .push(disagreement(dataset, &label, &groups, &conflicts, code));
    }
    if !tensions.is_empty() {
        judgement.findings.push(disagreement(
            dataset,
            &label,
            &groups,
            &tensions,
            Code::TensionDate,
        ));
    }
    if let Some((a, b, reason)) = incomparable.first() {
        let pairs: Vec<(usize, usize)> = incomparable.iter().map(|&(a, b, _)| (a, b)).collect();
        let (mut finding, claims) =
            disagreement(dataset, &label, &groups, &pairs, Code::NumberIncomparable);
        finding.message = format!(
            "numbers for \"{label}\" cannot be compared: {} and {}: {reason}",
            dataset.claims[groups[*a][0] as usize].stated,
            dataset.claims[groups[*b][0] as usize].stated,
        );
        judgement.findings.push((finding, claims));
    }
    for (finding, _) in &mut judgement.findings {
        if finding.code != Code::NumberIncomparable {
            if let Some(severity) = rules.severity {
                finding.severity = severity;
            }
        }
    }
    judgement
}

/// The claims grouped by equal value, in order of first appearance.
fn distinct_values(dataset: &Dataset, claims: &[u32]) -> Vec<Vec<u32>> {
    let mut index: HashMap<ValueKey, usize> = HashMap::new();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for &claim in claims {
        let key = value_key(dataset, &dataset.claims[claim as usize]);
        let next = groups.len();
        let slot = *index.entry(key).or_insert(next);
        if slot == next {
            groups.push(Vec::new());
        }
        groups[slot].push(claim);
    }
    groups
}

/// What makes two values "the same" for grouping.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ValueKey {
    Date(i32, i32, u32),
    Number(u64, u64, u64, String),
    Entity(u32),
    Text(Box<str>),
}

fn value_key(dataset: &Dataset, claim: &Claim) -> ValueKey {
    match &claim.value {
        Value::Date(date) => ValueKey::Date(date.earliest, date.latest, date.margin),
        Value::Number(q) => ValueKey::Number(
            q.low.to_bits(),
            q.high.to_bits(),
            q.tolerance.to_bits(),
            format!("{:?}{:?}", q.unit, q.base),
        ),
        Value::Name(spelling) => ValueKey::Entity(dataset.names.entity_of(*spelling).0),
        Value::Text(text) => ValueKey::Text(text.clone()),
    }
}

/// Which pairs of distinct values to compare: all of them, or, past [`PAIRWISE_LIMIT`],
/// each against the values that end first and start last (which is where any disjoint
/// pair of intervals shows).
fn pairs_to_compare(dataset: &Dataset, groups: &[Vec<u32>]) -> Vec<(usize, usize)> {
    let n = groups.len();
    if n <= PAIRWISE_LIMIT {
        return (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
    }
    let bounds = |g: &Vec<u32>| match &dataset.claims[g[0] as usize].value {
        Value::Date(d) => (f64::from(d.earliest), f64::from(d.latest)),
        Value::Number(q) => (q.low, q.high),
        Value::Name(_) | Value::Text(_) => (0.0, 0.0),
    };
    let ends_first = (0..n).min_by(|&a, &b| bounds(&groups[a]).1.total_cmp(&bounds(&groups[b]).1));
    let starts_last = (0..n).max_by(|&a, &b| bounds(&groups[a]).0.total_cmp(&bounds(&groups[b]).0));
    let mut pairs = Vec::new();
    for extreme in [ends_first, starts_last].into_iter().flatten() {
        for other in (0..n).filter(|&o| o != extreme) {
            pairs.push((extreme.min(other), extreme.max(other)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// One finding for a set of disagreeing value pairs.
fn disagreement(
    dataset: &Dataset,
    label: &FactLabel,
    groups: &[Vec<u32>],
    pairs: &[(usize, usize)],
    code: Code,
) -> (Finding, Vec<u32>) {
    let mut involved: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    involved.sort_unstable();
    involved.dedup();
    let (a, b) = widest(dataset, groups, pairs);
    let shown = |g: usize| value_text(dataset, &dataset.claims[groups[g][0] as usize]);
    let mut values: Vec<String> = involved.iter().take(4).map(|&g| shown(g)).collect();
    if involved.len() > 4 {
        values.push(format!("{} more", involved.len() - 4));
    }
    let apart = match (
        &dataset.claims[groups[a][0] as usize].value,
        &dataset.claims[groups[b][0] as usize].value,
    ) {
        (Value::Date(x), Value::Date(y)) => date_gap(x, y).map(|gap| {
            if gap.nearest_days <= 1 {
                "one ends where the other begins".to_owned()
            } else {
                gap.describe()
            }
        }),
        (Value::Number(x), Value::Number(y)) => Some(difference(x, y)),
        _ => None,
    };
    let (what, help) = match code {
        Code::TensionDate => (
            "tension on",
            "the dates only meet within their vagueness: check whether the sources really disagree",
        ),
        Code::NumberIncomparable => (
            "numbers for",
            "state both values in the same unit (and base), or compare them by hand",
        ),
        _ => (
            "conflict on",
            "check the sources: if the claims are about different things, tell them apart with a \
             qualifier; if one source is wrong, keep its claim as stated: the disagreement is the \
             finding",
        ),
    };
    let mut message = format!("{what} \"{label}\": {}", values.join(" vs "));
    if let Some(apart) = apart.filter(|_| code != Code::NumberIncomparable) {
        if involved.len() > 2 {
            let _ = write!(message, "; {} and {} are {apart}", shown(a), shown(b));
        } else {
            let _ = write!(message, ", {apart}");
        }
    }

    let mut claims: Vec<u32> = involved
        .iter()
        .flat_map(|&g| groups[g].iter().copied())
        .collect();
    claims.sort_unstable();
    let mut finding = Finding::new(code, message).with_help(help);
    finding.fact = Some(label.clone());
    finding.locations = claims
        .iter()
        .map(|&index| {
            let claim = &dataset.claims[index as usize];
            let source = &dataset.source_of(claim).id;
            Location {
                span: claim.value_span,
                label: format!("{source} says {}", value_text(dataset, claim)),
                claim: Some(ClaimRef {
                    source: source.clone(),
                    claim: claim.handle(),
                    stated: claim.stated.to_string(),
                    normalized: normalized(dataset, claim),
                }),
            }
        })
        .collect();
    (finding, claims)
}

/// The pair of values farthest apart, for the message.
fn widest(dataset: &Dataset, groups: &[Vec<u32>], pairs: &[(usize, usize)]) -> (usize, usize) {
    let distance = |&(a, b): &(usize, usize)| match (
        &dataset.claims[groups[a][0] as usize].value,
        &dataset.claims[groups[b][0] as usize].value,
    ) {
        (Value::Date(x), Value::Date(y)) => date_gap(x, y).map_or(0, |g| g.nearest_days),
        _ => 0,
    };
    pairs
        .iter()
        .max_by_key(|pair| (distance(pair), std::cmp::Reverse(**pair)))
        .copied()
        .unwrap_or((0, 1))
}

/// A value as stated, with the normalized form when it says more ("late 1970s (1977–1979)")
/// rather than the same words spelt differently.
#[must_use]
pub fn value_text(dataset: &Dataset, claim: &Claim) -> String {
    let normal = normalized(dataset, claim);
    let informative = match &claim.value {
        Value::Text(_) => false,
        // A number's normal form repeats it with its precision; worth showing only for vague
        // quantities ("hundreds of tents").
        Value::Number(quantity) => quantity.vague,
        Value::Date(_) | Value::Name(_) => fold(&normal) != fold(&claim.stated),
    };
    if informative {
        format!("{} ({normal})", claim.stated)
    } else {
        claim.stated.to_string()
    }
}

/// The normalized form of a claim's value, for display.
#[must_use]
pub fn normalized(dataset: &Dataset, claim: &Claim) -> String {
    match &claim.value {
        Value::Date(date) => date.describe(),
        Value::Number(quantity) => quantity.describe(),
        Value::Name(spelling) => dataset
            .names
            .canonical(dataset.names.entity_of(*spelling))
            .to_owned(),
        Value::Text(text) => text.to_string(),
    }
}

/// The fact's canonical subject, property and separating qualifiers.
#[must_use]
pub fn fact_label(dataset: &Dataset, fact: &Fact) -> FactLabel {
    FactLabel {
        subject: dataset.names.canonical(fact.subject).to_owned(),
        property: dataset.properties.canonical(fact.property).to_owned(),
        qualifiers: fact
            .qualifiers
            .iter()
            .map(|&(key, value)| {
                format!(
                    "{}={}",
                    dataset.qualifier_keys[key as usize],
                    dataset.names.canonical(value)
                )
            })
            .collect(),
    }
}
