//! Judging one fact: how its values relate, and the findings that follow.
//!
//! Owns the step from "these claims are about one fact" to findings: the distinct values are
//! compared pair by pair (dates and numbers through `date` and `number`, names by entity,
//! texts after folding), the worst verdict is the fact's, and each kind of disagreement
//! becomes one finding that names every claim involved and states the values and how far
//! apart they are. Multi-valued properties never disagree.

use rustc_hash::FxHashMap;
use std::fmt::Write as _;

use crate::compare::alias;
use crate::compare::date::{compare_dates, date_gap};
use crate::compare::facts::Fact;
use crate::compare::number::{NumberComparison, compare_quantities, difference};
use crate::compare::verdict::Verdict;
use crate::findings::{ClaimRef, Code, FactLabel, Finding, Location, Role};
use crate::model::quantity::Unit;
use crate::model::{Claim, Dataset, PropertyRules, Value};

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
    /// (1977–1979) and early 1990s (1990–1993) are about 14 years apart (at least 10)"): of
    /// the conflict when there is one, else of the tension.
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
        (Value::Number(x), Value::Number(y)) => match compare_quantities(x, y, rules.tolerance) {
            NumberComparison::Comparable(verdict) => verdict,
            NumberComparison::Incomparable(reason) => return Relation::Incomparable(reason),
        },
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
        judgement.gap = gap(dataset, &groups, &conflicts, code);
    }
    if !tensions.is_empty() {
        judgement.findings.push(disagreement(
            dataset,
            &label,
            &groups,
            &tensions,
            Code::TensionDate,
        ));
        if judgement.gap.is_none() {
            judgement.gap = gap(dataset, &groups, &tensions, Code::TensionDate);
        }
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
    Date(i32, i32, u32),
    Number(u64, u64, u64, &'a Unit, Option<&'a str>),
    Entity(u32),
    Text(&'a str),
}

fn value_key<'a>(dataset: &Dataset, claim: &'a Claim) -> ValueKey<'a> {
    match &claim.value {
        Value::Date(date) => ValueKey::Date(date.earliest, date.latest, date.margin),
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
    let mut message = format!("{what} \"{label}\": {values}");
    if let Some(apart) = apart.filter(|_| code != Code::NumberIncomparable) {
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

/// A claim as a finding names it: its address, identity and value, stated and understood.
#[must_use]
pub fn claim_ref(dataset: &Dataset, claim: &Claim) -> ClaimRef {
    ClaimRef {
        source: dataset.source_of(claim).id.clone(),
        claim: claim.handle(),
        key: claim.key.to_string(),
        stated: claim.stated.to_string(),
        normalized: normalized(dataset, claim),
        value_key: claim.value_key(),
    }
}

/// How far apart two values are, as the end of a sentence whose subject is the two values
/// ("… are about 14 years apart", "… differ by $ 15 billion (21%)").
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
        Value::Date(_) | Value::Name(_) => comparable(&normal) != comparable(&claim.stated),
    };
    if informative {
        if comparable(&normal).starts_with(&comparable(&claim.stated)) {
            // "around 2014 (2013–2015)" already repeats what was stated.
            normal
        } else {
            format!("{} ({normal})", claim.stated)
        }
    } else {
        claim.stated.to_string()
    }
}

/// Letters and digits only, lower-cased: enough to tell whether a normalized form merely
/// respells what was stated.
fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
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
        assert_eq!(
            stated(found[0]),
            vec![
                ("ipdf".into(), "late 1970s".into()),
                ("nato".into(), "early 1990s".into())
            ]
        );
        assert!(
            found[0]
                .message
                .contains("about 14 years apart (at least 10)"),
            "{}",
            found[0].message
        );
        assert_eq!(
            found[0].locations[0].label,
            "ipdf says late 1970s (1977–1979)"
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
}
