//! Judging one fact: how its values relate, and the findings that follow.
//!
//! Owns the step from "these claims are about one fact" to findings: the distinct values are
//! compared pair by pair (dates and numbers through `date` and `number`, names by entity,
//! texts after folding), the worst verdict is the fact's, and each kind of disagreement
//! becomes one finding that names every claim involved and states the values and how far
//! apart they are, in their unit. Numbers in units that cannot be compared are judged within
//! each unit group (`units`), a finding per group, and one finding names the groups. Two
//! disagreeing values from one source are said to be so, with a hint at a multi-valued
//! property. Multi-valued properties never disagree.

use rustc_hash::FxHashMap;
use std::fmt::Write as _;

use crate::compare::alias;
use crate::compare::date::{compare_dates, date_gap};
use crate::compare::facts::Fact;
use crate::compare::number::{NumberComparison, compare_quantities, difference};
use crate::compare::time::{compare_datetimes, time_gap};
use crate::compare::units;
use crate::compare::verdict::Verdict;
use crate::findings::{Code, FactLabel, Finding, Location, Role};
use crate::model::quantity::{Dimension, Tolerance, Unit};
use crate::model::time::{DateTimeValue, SECONDS_PER_DAY};
use crate::model::{Claim, Dataset, PropertyRules, SourceIx, Value};
use crate::text::letters_and_digits;

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
    /// How far apart the two farthest disagreeing values are, as a sentence ("late 1970s
    /// (1977–1979) and early 1990s (1990–1993) are about 14 years apart (at least 10 years)"): of
    /// the conflict when there is one, else of the tension; a clause per unit group ("…; …").
    pub gap: Option<String>,
}

/// How two values of one fact relate: a verdict, or why they cannot be compared.
#[derive(Debug, Clone, PartialEq)]
pub enum Relation {
    /// They can be compared.
    Verdict(Verdict),
    /// They cannot (numbers in units or bases that do not convert).
    Incomparable(String),
}

/// How two values of a property relate (names by entity, texts after folding, dates and
/// numbers by their intervals and the property's tolerance).
#[must_use]
pub fn relate(dataset: &Dataset, rules: &PropertyRules, a: &Value, b: &Value) -> Relation {
    let verdict = match (a, b) {
        (Value::Date(x), Value::Date(y)) => compare_dates(x, y),
        (Value::DateTime(x), Value::DateTime(y)) => match compare_datetimes(x, y) {
            Ok(verdict) if verdict.is_disagreement() && within_tolerance(x, y, rules) => {
                Verdict::Compatible
            }
            Ok(verdict) => verdict,
            Err(reason) => return Relation::Incomparable(reason),
        },
        (Value::Number(x), Value::Number(y)) => {
            match compare_quantities(x, y, rules.tolerance.as_ref()) {
                NumberComparison::Comparable(verdict) => verdict,
                NumberComparison::Incomparable(reason) => return Relation::Incomparable(reason),
            }
        }
        (Value::Name(x), Value::Name(y))
            if dataset.names.entity_of(*x) == dataset.names.entity_of(*y) =>
        {
            Verdict::Equal
        }
        (Value::Text(x), Value::Text(y)) if x == y => Verdict::Equal,
        _ => Verdict::Conflict,
    };
    Relation::Verdict(verdict)
}

/// Whether two disagreeing date-times are within their property's `tolerance`, a duration
/// (`"5 min"`): the time between them as stated (between their middles when their precisions
/// differ) is at most that long.
fn within_tolerance(a: &DateTimeValue, b: &DateTimeValue, rules: &PropertyRules) -> bool {
    let Some(Tolerance::Measured(days, Unit::Measure(Dimension::Duration))) = &rules.tolerance
    else {
        return false;
    };
    #[allow(clippy::cast_precision_loss)] // second counts far below 2^52
    time_gap(a, b).is_some_and(|gap| {
        let apart = gap.between_seconds.unwrap_or(gap.nearest_seconds);
        apart as f64 <= days * SECONDS_PER_DAY as f64 + 1e-6
    })
}

/// Judges one fact.
#[must_use]
pub fn judge(dataset: &Dataset, fact: &Fact) -> Judgement {
    let rules = &dataset.property_rules[fact.property.0 as usize];
    let mut judgement = Judgement {
        verdict: None,
        incomparable: false,
        findings: Vec::new(),
        gap: None,
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
    let mut comparable = Vec::new();
    let mut worst = Verdict::Equal;
    for (a, b) in pairs {
        let (first, second) = (
            &dataset.claims[groups[a][0] as usize].value,
            &dataset.claims[groups[b][0] as usize].value,
        );
        let verdict = match relate(dataset, rules, first, second) {
            Relation::Verdict(verdict) => verdict,
            Relation::Incomparable(reason) => {
                incomparable.push((a, b, reason));
                continue;
            }
        };
        comparable.push((a, b));
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
    // Disagreements are reported within each group of comparable units, each with its own
    // farthest pair: never two incomparable values as "farthest apart".
    let values: Vec<&Value> = groups
        .iter()
        .map(|g| &dataset.claims[g[0] as usize].value)
        .collect();
    let unit_group = units::groups(&values, &comparable);
    let code = match first_value {
        Value::Date(_) | Value::DateTime(_) => Code::ConflictDate,
        Value::Number(_) => Code::ConflictNumber,
        Value::Name(_) | Value::Text(_) => Code::ConflictValue,
    };
    let disagreements = Disagreements {
        label: &label,
        groups: &groups,
        unit_group: &unit_group,
    };
    let (findings, gap) = disagreements.findings(dataset, &conflicts, &tensions, code);
    judgement.findings = findings;
    judgement.gap = gap;
    if !incomparable.is_empty() {
        judgement.findings.push(incomparable_finding(
            dataset,
            &label,
            &groups,
            &unit_group,
            &incomparable,
            !conflicts.is_empty(),
        ));
    }
    // A property's `severity` is that of its conflicts; tensions and incomparable units keep
    // their codes' severities.
    for (finding, _) in &mut judgement.findings {
        let conflict = matches!(
            finding.code,
            Code::ConflictDate | Code::ConflictNumber | Code::ConflictValue
        );
        if conflict {
            finding.property_severity = rules.severity;
        }
    }
    judgement
}

/// A fact's distinct values with their unit groups, to report disagreements group by group.
struct Disagreements<'a> {
    label: &'a FactLabel,
    groups: &'a [Vec<u32>],
    unit_group: &'a [usize],
}

impl Disagreements<'_> {
    /// One finding per unit group with conflicts (and one with tensions), each with its own
    /// farthest pair; and the fact's gap sentence, a clause per group.
    fn findings(
        &self,
        dataset: &Dataset,
        conflicts: &[(usize, usize)],
        tensions: &[(usize, usize)],
        code: Code,
    ) -> (Vec<(Finding, Vec<u32>)>, Option<String>) {
        let (label, groups, unit_group) = (self.label, self.groups, self.unit_group);
        let unit_groups = unit_group.iter().max().map_or(0, |&last| last + 1);
        let mut findings = Vec::new();
        let mut gaps = Vec::new();
        let mut tension_gaps = Vec::new();
        for group in 0..unit_groups {
            let within = |pairs: &[(usize, usize)]| -> Vec<(usize, usize)> {
                pairs
                    .iter()
                    .copied()
                    .filter(|&(a, _)| unit_group[a] == group)
                    .collect()
            };
            let scope = (unit_groups > 1).then(|| group_name(dataset, groups, unit_group, group));
            let conflicts = within(conflicts);
            if !conflicts.is_empty() {
                findings.push(disagreement(
                    dataset,
                    label,
                    groups,
                    &conflicts,
                    code,
                    scope.as_deref(),
                ));
                gaps.extend(gap(dataset, groups, &conflicts, code));
            }
            let tensions = within(tensions);
            if !tensions.is_empty() {
                findings.push(disagreement(
                    dataset,
                    label,
                    groups,
                    &tensions,
                    Code::TensionDate,
                    scope.as_deref(),
                ));
                tension_gaps.extend(gap(dataset, groups, &tensions, Code::TensionDate));
            }
        }
        let gap = [gaps, tension_gaps]
            .into_iter()
            .find(|gaps| !gaps.is_empty())
            .map(|gaps| gaps.join("; "));
        (findings, gap)
    }
}

/// The claims grouped by equal value, in order of first appearance.
#[must_use]
pub fn distinct_values(dataset: &Dataset, claims: &[u32]) -> Vec<Vec<u32>> {
    let mut index: FxHashMap<ValueKey<'_>, usize> = FxHashMap::default();
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

/// What makes two values "the same" for grouping; borrows from the claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ValueKey<'a> {
    Date(crate::model::date::Day, crate::model::date::Day, u32),
    DateTime(i64, i64, Option<i64>, bool, i64),
    Number(u64, u64, u64, &'a Unit, Option<&'a str>),
    Entity(u32),
    Text(&'a str),
}

fn value_key<'a>(dataset: &Dataset, claim: &'a Claim) -> ValueKey<'a> {
    match &claim.value {
        Value::Date(date) => ValueKey::Date(date.earliest, date.latest, date.margin),
        Value::DateTime(time) => ValueKey::DateTime(
            time.start,
            time.end,
            time.zone.offset(),
            time.dated,
            time.margin,
        ),
        Value::Number(q) => ValueKey::Number(
            q.low.to_bits(),
            q.high.to_bits(),
            q.tolerance.to_bits(),
            &q.unit,
            q.base.as_deref(),
        ),
        Value::Name(spelling) => ValueKey::Entity(dataset.names.entity_of(*spelling).0),
        Value::Text(text) => ValueKey::Text(text),
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
        #[allow(clippy::cast_precision_loss)] // only orders the values
        Value::DateTime(t) => {
            let (start, end) = t.frame();
            (start as f64, end as f64)
        }
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
    scope: Option<&str>,
) -> (Finding, Vec<u32>) {
    let mut involved: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    involved.sort_unstable();
    involved.dedup();
    let (a, b) = widest(dataset, groups, pairs);
    let shown = |g: usize| value_text(dataset, &dataset.claims[groups[g][0] as usize]);
    let apart = apart(dataset, groups, (a, b), code);
    let mut values = involved
        .iter()
        .take(4)
        .map(|&g| shown(g))
        .collect::<Vec<_>>()
        .join(" vs ");
    if involved.len() > 4 {
        let _ = write!(values, " and {} more", involved.len() - 4);
    }
    let (what, help) = wording(code);
    let mut message = match scope {
        Some(scope) => format!("{what} \"{label}\" among {scope}: {values}"),
        None => format!("{what} \"{label}\": {values}"),
    };
    if let Some(apart) = apart.filter(|_| !is_incomparable(code)) {
        if involved.len() > 2 {
            let _ = write!(
                message,
                "; the farthest apart, {} and {}, {apart}",
                shown(a),
                shown(b)
            );
        } else {
            let _ = write!(message, ": they {apart}");
        }
    }

    let mut claims: Vec<u32> = involved
        .iter()
        .flat_map(|&g| groups[g].iter().copied())
        .collect();
    claims.sort_unstable();
    // Two disagreeing values from one source: the property may well have several values.
    let one_source = (!is_incomparable(code))
        .then(|| one_source_pair(dataset, groups, pairs))
        .flatten();
    let help = match one_source {
        Some((source, a, b)) => {
            let _ = write!(
                message,
                "; one source, {}, gives both {} and {}",
                dataset.sources[source.0 as usize].id,
                shown(a),
                shown(b)
            );
            format!(
                "one source gives both values: if \"{property}\" can have several values, declare \
                 it in rules.toml: [[property]] name = \"{property}\" cardinality = \"multi\"; \
                 if each value holds at a different time or scope, give each claim a qualifier",
                property = label.property
            )
        }
        None => help.to_owned(),
    };
    let mut finding = Finding::new(code, message).with_help(help);
    if code == Code::ConflictValue {
        let names: Vec<&str> = involved
            .iter()
            .map(|&g| &dataset.claims[groups[g][0] as usize])
            .filter(|claim| matches!(claim.value, Value::Name(_)))
            .map(|claim| &*claim.stated)
            .collect();
        if let Some(specific) = alias::undeclared_alias(&names) {
            finding.help = Some(specific);
        }
    }
    finding.fact = Some(label.clone());
    finding.locations = claims
        .iter()
        .map(|&index| {
            let claim = &dataset.claims[index as usize];
            let source = &dataset.source_of(claim).id;
            Location {
                span: claim.value_span,
                label: format!("{source} says {}", value_text(dataset, claim)),
                claim: Some(claim_ref(dataset, claim)),
                role: Role::Involved,
            }
        })
        .collect();
    (finding, claims)
}

/// Whether a code says values could not be compared (rather than that they disagree).
fn is_incomparable(code: Code) -> bool {
    matches!(code, Code::NumberIncomparable | Code::TimeIncomparable)
}

/// How a finding of `code` opens its message, and its help.
fn wording(code: Code) -> (&'static str, &'static str) {
    match code {
        Code::TensionDate => (
            "tension on",
            "the dates only meet within their vagueness: check whether the sources really disagree",
        ),
        Code::NumberIncomparable => (
            "numbers for",
            "state both values in the same unit (and base), or compare them by hand",
        ),
        Code::TimeIncomparable => (
            "times for",
            "declare the zone of the property's local times in rules.toml ([[property]] \
             zone = \"-06:00\" or \"CST\"), or give every value its zone",
        ),
        _ => (
            "conflict on",
            "check the sources: if the claims are about different things, tell them apart with a \
             qualifier; if one source is wrong, keep its claim as stated: the disagreement is the \
             finding",
        ),
    }
}

/// A claim as a finding names it (the gate's identity owns the rule).
pub use crate::gate::identity::claim_ref;

/// A source that gives two values of a disagreeing pair, with the pair: the first in pair
/// order, for a stable message.
fn one_source_pair(
    dataset: &Dataset,
    groups: &[Vec<u32>],
    pairs: &[(usize, usize)],
) -> Option<(SourceIx, usize, usize)> {
    let sources = |g: usize| groups[g].iter().map(|&c| dataset.claims[c as usize].source);
    pairs.iter().find_map(|&(a, b)| {
        sources(a)
            .filter(|s| sources(b).any(|t| t == *s))
            .min()
            .map(|source| (source, a, b))
    })
}

/// The name of a unit group of a fact's values ("amounts in GBP").
fn group_name(
    dataset: &Dataset,
    groups: &[Vec<u32>],
    unit_group: &[usize],
    group: usize,
) -> String {
    let quantities = (0..groups.len())
        .filter(|&g| unit_group[g] == group)
        .filter_map(|g| match &dataset.claims[groups[g][0] as usize].value {
            Value::Number(q) => Some(q),
            _ => None,
        });
    units::group_name(quantities)
}

/// The finding for values that cannot be compared: the unit groups that cannot be compared
/// with each other, each with its values; or, for two values of one group that still do not
/// compare (two counted nouns joined by a bare number), the pairs and why.
fn incomparable_finding(
    dataset: &Dataset,
    label: &FactLabel,
    groups: &[Vec<u32>],
    unit_group: &[usize],
    incomparable: &[(usize, usize, String)],
    disagreements: bool,
) -> (Finding, Vec<u32>) {
    let pairs: Vec<(usize, usize)> = incomparable.iter().map(|&(a, b, _)| (a, b)).collect();
    let times = matches!(
        dataset.claims[groups[pairs.first().map_or(0, |p| p.0)][0] as usize].value,
        Value::DateTime(_)
    );
    let code = if times {
        Code::TimeIncomparable
    } else {
        Code::NumberIncomparable
    };
    let (mut finding, claims) = disagreement(dataset, label, groups, &pairs, code, None);
    let shown = |g: usize| dataset.claims[groups[g][0] as usize].stated.to_string();
    let across: Vec<usize> = {
        let mut across: Vec<usize> = incomparable
            .iter()
            .filter(|(a, b, _)| unit_group[*a] != unit_group[*b])
            .flat_map(|&(a, b, _)| [unit_group[a], unit_group[b]])
            .collect();
        across.sort_unstable();
        across.dedup();
        across
    };
    let members = |group: usize| -> Vec<usize> {
        (0..groups.len())
            .filter(|&g| unit_group[g] == group)
            .collect()
    };
    let what = if times { "times" } else { "numbers" };
    let mut message = format!("{what} for \"{label}\" cannot be compared");
    let single = across.iter().all(|&group| members(group).len() == 1);
    match incomparable {
        // Two values, or two of one group: the pair and why.
        [(a, b, reason), ..] if across.is_empty() || (single && incomparable.len() == 1) => {
            let _ = write!(message, ": {} and {}: {reason}", shown(*a), shown(*b));
        }
        _ => {
            let parts: Vec<String> = across
                .iter()
                .map(|&group| {
                    let members = members(group);
                    let mut values = members
                        .iter()
                        .take(4)
                        .map(|&g| shown(g))
                        .collect::<Vec<_>>()
                        .join(", ");
                    if members.len() > 4 {
                        let _ = write!(values, " and {} more", members.len() - 4);
                    }
                    format!(
                        "{} ({values})",
                        group_name(dataset, groups, unit_group, group)
                    )
                })
                .collect();
            let _ = write!(message, " across units: {}", parts.join(" vs "));
            if disagreements {
                message.push_str("; disagreements within each are reported on their own");
            }
        }
    }
    finding.message = message;
    (finding, claims)
}

/// How far apart two values are, as the end of a sentence whose subject is the two values
/// ("… are about 14 years apart", "… differ by $15 billion (21%)").
fn apart(
    dataset: &Dataset,
    groups: &[Vec<u32>],
    (a, b): (usize, usize),
    code: Code,
) -> Option<String> {
    match (
        &dataset.claims[groups[a][0] as usize].value,
        &dataset.claims[groups[b][0] as usize].value,
    ) {
        (Value::Date(x), Value::Date(y)) => date_gap(x, y).map(|gap| {
            if code == Code::TensionDate && gap.nearest_days <= 1 {
                "meet only where one ends and the other begins".to_owned()
            } else {
                format!("are {}", gap.describe())
            }
        }),
        (Value::DateTime(x), Value::DateTime(y)) => time_gap(x, y).map(|gap| {
            if code == Code::TensionDate && gap.nearest_seconds == 0 {
                "meet only where one ends and the other begins".to_owned()
            } else {
                format!("are {}", gap.describe())
            }
        }),
        (Value::Number(x), Value::Number(y)) => Some(difference(x, y)),
        _ => None,
    }
}

/// The gap of a fact's disagreement: the two farthest values and how far apart they are.
fn gap(
    dataset: &Dataset,
    groups: &[Vec<u32>],
    pairs: &[(usize, usize)],
    code: Code,
) -> Option<String> {
    let (a, b) = widest(dataset, groups, pairs);
    let shown = |g: usize| value_text(dataset, &dataset.claims[groups[g][0] as usize]);
    let apart = apart(dataset, groups, (a, b), code)?;
    Some(format!("{} and {} {apart}", shown(a), shown(b)))
}

/// The pair of values farthest apart, for the message.
fn widest(dataset: &Dataset, groups: &[Vec<u32>], pairs: &[(usize, usize)]) -> (usize, usize) {
    let distance = |&(a, b): &(usize, usize)| match (
        &dataset.claims[groups[a][0] as usize].value,
        &dataset.claims[groups[b][0] as usize].value,
    ) {
        #[allow(clippy::cast_precision_loss)] // day counts are far below 2^52
        (Value::Date(x), Value::Date(y)) => date_gap(x, y).map_or(0.0, |g| g.nearest_days as f64),
        #[allow(clippy::cast_precision_loss)] // second counts are far below 2^52
        (Value::DateTime(x), Value::DateTime(y)) => {
            time_gap(x, y).map_or(0.0, |g| g.nearest_seconds as f64)
        }
        (Value::Number(x), Value::Number(y)) => x.low.max(y.low) - x.high.min(y.high),
        _ => 0.0,
    };
    pairs
        .iter()
        .max_by(|p, q| distance(p).total_cmp(&distance(q)).then_with(|| q.cmp(p)))
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
        Value::Date(_) | Value::DateTime(_) | Value::Name(_) => {
            letters_and_digits(&normal) != letters_and_digits(&claim.stated)
        }
    };
    if informative {
        if letters_and_digits(&normal).starts_with(&letters_and_digits(&claim.stated)) {
            // "around 2014 (2013–2015)" already repeats what was stated.
            normal
        } else {
            format!("{} ({normal})", claim.stated)
        }
    } else {
        claim.stated.to_string()
    }
}

/// The normalized form of a claim's value, for display.
#[must_use]
pub fn normalized(dataset: &Dataset, claim: &Claim) -> String {
    match &claim.value {
        Value::Date(date) => date.describe(),
        Value::DateTime(time) => time.describe(),
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

#[cfg(test)]
mod tests {
    use crate::compare::verdict::Verdict;
    use crate::findings::{Code, Severity};
    use crate::testing::{check, codes, source, source_with, stated, with_code};

    fn verdict_of(checked: &crate::Checked) -> Option<Verdict> {
        checked.comparison.facts[0].verdict
    }

    #[test]
    fn a_date_conflict_names_both_claims_and_the_gap() {
        let checked = check(
            &[
                (
                    "ipdf",
                    &source(&[("Japan–NATO relations", "first contact", "late 1970s")]),
                ),
                (
                    "nato",
                    &source(&[("Japan–NATO relations", "first contact", "early 1990s")]),
                ),
            ],
            None,
        );
        let found = with_code(&checked, Code::ConflictDate);
        assert_eq!(found.len(), 1);
        // Which claim is primary is the gate's (`gate::primary`); here, only which are named.
        let mut named = stated(found[0]);
        named.sort();
        assert_eq!(
            named,
            vec![
                ("ipdf".into(), "late 1970s".into()),
                ("nato".into(), "early 1990s".into())
            ]
        );
        assert!(
            found[0]
                .message
                .contains("about 14 years apart (at least 10 years)"),
            "{}",
            found[0].message
        );
        assert!(
            found[0]
                .locations
                .iter()
                .any(|l| l.label == "ipdf says late 1970s (1977–1979)")
        );
        assert_eq!(verdict_of(&checked), Some(Verdict::Conflict));
    }

    #[test]
    fn refinements_and_overlaps_are_not_findings() {
        let checked = check(
            &[
                ("a", &source(&[("ITPP", "signed", "2023")])),
                ("b", &source(&[("ITPP", "signed", "July 2023")])),
            ],
            None,
        );
        assert!(checked.findings.is_empty());
        assert_eq!(verdict_of(&checked), Some(Verdict::Refines));

        let checked = check(
            &[
                ("a", &source(&[("Mission", "opened", "January 2025")])),
                (
                    "b",
                    &source_with(
                        "published = \"2025-01\"",
                        &[("Mission", "opened", "on Thursday")],
                    ),
                ),
            ],
            None,
        );
        assert!(checked.findings.is_empty(), "{:?}", codes(&checked));
    }

    #[test]
    fn adjacent_vague_dates_are_in_tension() {
        let checked = check(
            &[
                ("a", &source(&[("X", "began", "early 1990s")])),
                ("b", &source(&[("X", "began", "mid-1990s")])),
            ],
            None,
        );
        assert_eq!(codes(&checked), vec![Code::TensionDate]);
        assert_eq!(checked.findings[0].severity, Severity::Warning);
    }

    #[test]
    fn numbers_conflict_beyond_tolerance_and_units_must_agree() {
        let checked = check(
            &[
                (
                    "a",
                    &source(&[
                        ("Japan", "budget", "$55 billion"),
                        ("Japan", "pledge", "$5 billion"),
                    ]),
                ),
                (
                    "b",
                    &source(&[
                        ("Japan", "budget", "$70 billion"),
                        ("Japan", "pledge", "USD 5 billion"),
                    ]),
                ),
            ],
            None,
        );
        assert_eq!(
            codes(&checked),
            vec![Code::ConflictNumber, Code::NumberIncomparable]
        );
        assert!(checked.findings[1].message.contains("ambiguous dollar"));

        let checked = check(
            &[
                ("a", &source(&[("Japan", "budget", "$55 billion")])),
                ("b", &source(&[("Japan", "budget", "$57 billion")])),
            ],
            Some("[[property]]\nname = \"budget\"\ntolerance = \"5%\"\n"),
        );
        assert!(checked.findings.is_empty(), "within the declared 5%");
    }

    #[test]
    fn different_names_conflict_unless_multi_valued() {
        let names = |rules| {
            check(
                &[
                    ("a", &source(&[("Mission", "headed by", "Osamu Izawa")])),
                    ("b", &source(&[("Mission", "headed by", "Masahiro Mikami")])),
                ],
                rules,
            )
        };
        assert_eq!(codes(&names(None)), vec![Code::ConflictValue]);
        let multi = names(Some(
            "[[property]]\nname = \"headed by\"\ncardinality = \"multi\"\n",
        ));
        assert!(multi.findings.is_empty());
        assert_eq!(verdict_of(&multi), None);
    }

    #[test]
    fn a_property_severity_applies_to_its_conflicts() {
        let checked = check(
            &[
                ("a", &source(&[("Rutte", "position", "Secretary General")])),
                ("b", &source(&[("Rutte", "position", "Prime Minister")])),
            ],
            Some("[[property]]\nname = \"position\"\nseverity = \"warning\"\n"),
        );
        assert_eq!(checked.findings[0].severity, Severity::Warning);
        let tension = check(
            &[
                ("a", &source(&[("X", "began", "early 1990s")])),
                ("b", &source(&[("X", "began", "mid-1990s")])),
            ],
            Some("[[property]]\nname = \"began\"\nseverity = \"error\"\n"),
        );
        assert_eq!(
            tension.findings[0].severity,
            Severity::Warning,
            "a tension keeps its own"
        );
        let allowed = check(
            &[
                ("a", &source(&[("Rutte", "position", "Secretary General")])),
                ("b", &source(&[("Rutte", "position", "Prime Minister")])),
            ],
            Some("[[property]]\nname = \"position\"\nseverity = \"allow\"\n"),
        );
        assert!(allowed.findings.is_empty());
    }

    #[test]
    fn many_sources_agreeing_is_one_equal_fact() {
        let files: Vec<(String, String)> = (0..5)
            .map(|i| (format!("s{i}"), source(&[("IPA", "concluded", "2010")])))
            .collect();
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let checked = check(&borrowed, None);
        assert!(checked.findings.is_empty());
        assert_eq!(verdict_of(&checked), Some(Verdict::Equal));
        assert_eq!(checked.summary.compared, 1);
    }

    #[test]
    fn incomparable_units_are_compared_within_each_group_each_with_its_farthest_pair() {
        let checked = check(
            &[
                (
                    "a",
                    &source(&[
                        ("Bridge", "cost", "£5 million"),
                        ("Dam", "mass", "2 tonnes"),
                    ]),
                ),
                (
                    "b",
                    &source(&[("Bridge", "cost", "$5 million"), ("Dam", "mass", "40 m²")]),
                ),
                (
                    "c",
                    &source(&[
                        ("Bridge", "cost", "£9 million"),
                        ("Dam", "mass", "3 tonnes"),
                    ]),
                ),
                (
                    "d",
                    &source(&[("Bridge", "cost", "$8 million"), ("Dam", "mass", "45 m²")]),
                ),
                ("e", &source(&[("Bridge", "cost", "£6 million")])),
            ],
            None,
        );
        let conflicts = with_code(&checked, Code::ConflictNumber);
        let cost: Vec<&str> = conflicts
            .iter()
            .filter(|f| f.message.contains("Bridge"))
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(cost.len(), 2, "{cost:#?}");
        // Each group names its own farthest pair, in its own unit.
        assert!(
            cost.iter().any(|m| m.contains("among amounts in GBP")
                && m.contains("£5 million and £9 million, differ by £4 million")),
            "{cost:#?}"
        );
        assert!(
            cost.iter()
                .any(|m| m.contains("among amounts in $ (ambiguous dollar)")
                    && m.contains("$5 million vs $8 million: they differ by $3 million")),
            "{cost:#?}"
        );
        for message in &cost {
            let pounds = message.contains('£');
            let dollars = message.contains("$5") || message.contains("$8");
            assert!(pounds != dollars, "mixes incomparable values: {message}");
        }
        // Each group's finding names only its own claims.
        for finding in conflicts.iter().filter(|f| f.message.contains("Bridge")) {
            let values: Vec<String> = stated(finding).into_iter().map(|(_, v)| v).collect();
            let pounds = values.iter().filter(|v| v.starts_with('£')).count();
            assert!(pounds == 0 || pounds == values.len(), "{values:?}");
        }
        let incomparable = with_code(&checked, Code::NumberIncomparable);
        let bridge = incomparable
            .iter()
            .find(|f| f.message.contains("Bridge"))
            .map(|f| f.message.as_str())
            .unwrap_or_default();
        assert!(
            bridge.contains("amounts in GBP (£5 million, £9 million, £6 million)")
                && bridge.contains("amounts in $ (ambiguous dollar) ($5 million, $8 million)")
                && bridge.contains("reported on their own"),
            "{bridge}"
        );
        // Masses and areas: the same rule for measures.
        let dam = conflicts
            .iter()
            .filter(|f| f.message.contains("Dam"))
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>();
        assert_eq!(dam.len(), 2, "{dam:#?}");
        assert!(dam.iter().any(|m| m.contains("among masses")), "{dam:#?}");
        assert!(dam.iter().any(|m| m.contains("among areas")), "{dam:#?}");
        // The fact's gap sentence has one clause per group.
        let gap = checked
            .comparison
            .facts
            .iter()
            .find_map(|f| f.gap.clone().filter(|g| g.contains('£')))
            .unwrap_or_default();
        assert!(
            gap.contains("£4 million") && gap.contains("$3 million"),
            "{gap}"
        );
    }

    #[test]
    fn two_values_in_one_unit_are_one_finding_without_a_group_name() {
        let checked = check(
            &[
                ("a", &source(&[("Tower", "height", "1,000 ft")])),
                ("b", &source(&[("Tower", "height", "1,100 ft")])),
            ],
            None,
        );
        assert_eq!(codes(&checked), vec![Code::ConflictNumber]);
        assert_eq!(
            checked.findings[0].message,
            "conflict on \"Tower · height\": 1,000 ft vs 1,100 ft: they differ by 100 ft (9.1%)"
        );
    }

    #[test]
    fn two_values_from_one_source_suggest_a_multi_valued_property() {
        let checked = check(
            &[(
                "history",
                &source(&[
                    ("Insulin", "discovered by", "Frederick Banting"),
                    ("Insulin", "discovered by", "Charles Best"),
                ]),
            )],
            None,
        );
        assert_eq!(codes(&checked), vec![Code::ConflictValue]);
        let finding = &checked.findings[0];
        assert!(
            finding
                .message
                .ends_with("one source, history, gives both Frederick Banting and Charles Best"),
            "{}",
            finding.message
        );
        let help = finding.help.as_deref().unwrap_or_default();
        assert!(
            help.contains("cardinality = \"multi\"") && help.contains("\"discovered by\""),
            "{help}"
        );
        // Values from different sources keep the general help.
        let apart = check(
            &[
                (
                    "a",
                    &source(&[("Insulin", "discovered by", "Frederick Banting")]),
                ),
                (
                    "b",
                    &source(&[("Insulin", "discovered by", "Charles Best")]),
                ),
            ],
            None,
        );
        assert!(!apart.findings[0].message.contains("gives both"));
        assert!(
            !apart.findings[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .contains("multi")
        );
        // Dates and numbers too; and declared multi, nothing.
        let dates = check(
            &[(
                "a",
                &source(&[("Bridge", "opened", "1990"), ("Bridge", "opened", "1995")]),
            )],
            None,
        );
        assert!(
            dates.findings[0]
                .message
                .contains("one source, a, gives both 1990 and 1995")
        );
        let multi = check(
            &[(
                "history",
                &source(&[
                    ("Insulin", "discovered by", "Frederick Banting"),
                    ("Insulin", "discovered by", "Charles Best"),
                ]),
            )],
            Some("[[property]]\nname = \"discovered by\"\ncardinality = \"multi\"\n"),
        );
        assert!(multi.findings.is_empty());
    }

    mod laws {
        use crate::findings::Code;
        use crate::model::quantity::Unit;
        use crate::normalize::number::parse_number;
        use crate::testing::{check, source};
        use proptest::prelude::*;

        const VALUES: &[&str] = &[
            "£5 million",
            "£9 million",
            "$5 million",
            "$8 million",
            "USD 7 million",
            "300 kg",
            "500 lb",
            "2 km",
            "40 miles",
            "3%",
            "7% of GDP",
            "300",
            "500 tents",
        ];

        /// The kind of unit a value's disagreements may be judged with.
        fn unit_of(text: &str) -> Option<Unit> {
            parse_number(text)
                .ok()
                .map(|q| q.unit)
                .filter(|unit| *unit != Unit::None)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]

            /// A conflict never pairs values in units that cannot be compared, whatever mix
            /// of units a fact's values come in.
            #[test]
            fn a_conflict_stays_within_one_unit_group(
                picks in prop::collection::vec(prop::sample::select(VALUES), 2..7)
            ) {
                let files: Vec<(String, String)> = picks
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (format!("s{i}"), source(&[("Tower", "figure", v)])))
                    .collect();
                let borrowed: Vec<(&str, &str)> =
                    files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                let checked = check(&borrowed, None);
                for finding in checked.findings.iter().filter(|f| f.code == Code::ConflictNumber) {
                    let mut units: Vec<Unit> = finding
                        .claims()
                        .filter_map(|c| unit_of(c.stated()))
                        .collect();
                    units.dedup();
                    units.sort_by_key(Unit::describe);
                    units.dedup();
                    prop_assert!(units.len() <= 1, "{}: {units:?}", finding.message);
                }
            }
        }
    }
}
