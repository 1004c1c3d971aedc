//! Ordering constraints: the `before` fact happened no later than the `after` fact.
//!
//! Owns checking `[[order]]` rules against the dates the claims give. A constraint is
//! violated when some `before` date lies entirely after some `after` date; that is found from
//! the latest start on one side and the earliest end on the other, so checking is linear in
//! the claims involved. A constraint without subjects is checked for every subject.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::compare::values::value_text;
use crate::findings::{Code, Finding, Location, Role};
use crate::model::{Dataset, EntityId, OrderRule, Value};

/// Every violated constraint, each with the claims it involves.
#[must_use]
pub fn check(dataset: &Dataset) -> Vec<(Finding, Vec<u32>)> {
    if dataset.orders.is_empty() {
        return Vec::new();
    }
    let wanted: BTreeSet<EntityId> = dataset
        .orders
        .iter()
        .flat_map(|o| [o.before.property, o.after.property])
        .collect();
    let mut by_fact: HashMap<(EntityId, EntityId), Vec<u32>> = HashMap::new();
    for (index, claim) in dataset.claims.iter().enumerate() {
        let property = dataset.properties.entity_of(claim.property.spelling);
        if wanted.contains(&property) && matches!(claim.value, Value::Date(_)) {
            let subject = dataset.names.entity_of(claim.subject.spelling);
            by_fact
                .entry((subject, property))
                .or_default()
                .push(u32::try_from(index).unwrap_or(u32::MAX));
        }
    }

    let mut found = Vec::new();
    for rule in &dataset.orders {
        // A subject given on one side only applies to both.
        let fixed = rule.before.subject.or(rule.after.subject);
        let subjects: Vec<(EntityId, EntityId)> = match (rule.before.subject, rule.after.subject) {
            (Some(a), Some(b)) => vec![(a, b)],
            _ => {
                if let Some(s) = fixed {
                    vec![(s, s)]
                } else {
                    let mut all: Vec<EntityId> = by_fact
                        .keys()
                        .filter(|(_, p)| *p == rule.before.property)
                        .map(|(s, _)| *s)
                        .collect();
                    all.sort_unstable();
                    all.into_iter().map(|s| (s, s)).collect()
                }
            }
        };
        for (before_subject, after_subject) in subjects {
            let before = by_fact.get(&(before_subject, rule.before.property));
            let after = by_fact.get(&(after_subject, rule.after.property));
            if let (Some(before), Some(after)) = (before, after) {
                if let Some(violation) = violation(
                    dataset,
                    rule,
                    before,
                    after,
                    (before_subject, after_subject),
                ) {
                    found.push(violation);
                }
            }
        }
    }
    found
}

fn bounds(dataset: &Dataset, index: u32) -> (i32, i32) {
    match &dataset.claims[index as usize].value {
        Value::Date(date) => (date.earliest, date.latest),
        _ => (i32::MIN, i32::MAX),
    }
}

fn violation(
    dataset: &Dataset,
    rule: &OrderRule,
    before: &[u32],
    after: &[u32],
    (before_subject, after_subject): (EntityId, EntityId),
) -> Option<(Finding, Vec<u32>)> {
    let latest_start = before
        .iter()
        .copied()
        .max_by_key(|&i| (bounds(dataset, i).0, std::cmp::Reverse(i)))?;
    let earliest_end = after
        .iter()
        .copied()
        .min_by_key(|&i| (bounds(dataset, i).1, i))?;
    let (start, end) = (
        bounds(dataset, latest_start).0,
        bounds(dataset, earliest_end).1,
    );
    if start <= end {
        return None;
    }
    let name = |subject: EntityId, property: EntityId| {
        format!(
            "{} · {}",
            dataset.names.canonical(subject),
            dataset.properties.canonical(property)
        )
    };
    let first = name(before_subject, rule.before.property);
    let second = name(after_subject, rule.after.property);
    let says = |index: u32| {
        let claim = &dataset.claims[index as usize];
        format!(
            "{} says {}",
            dataset.source_of(claim).id,
            value_text(dataset, claim)
        )
    };
    let mut message = format!(
        "\"{first}\" must be no later than \"{second}\", but {} and {}",
        says(latest_start),
        says(earliest_end)
    );
    if let Some(note) = &rule.note {
        let _ = write!(message, " ({note})");
    }
    let mut involved: Vec<(u32, &str)> = before
        .iter()
        .filter(|&&i| bounds(dataset, i).0 > end)
        .map(|&i| (i, first.as_str()))
        .chain(
            after
                .iter()
                .filter(|&&i| bounds(dataset, i).1 < start)
                .map(|&i| (i, second.as_str())),
        )
        .collect();
    involved.sort_unstable_by_key(|&(i, _)| i);
    let mut finding = Finding::new(Code::Order, message).with_help(
        "one of these dates is wrong, or the constraint does not hold here: check the sources",
    );
    finding.locations = involved
        .iter()
        .map(|&(index, fact)| {
            let claim = &dataset.claims[index as usize];
            Location {
                span: claim.value_span,
                label: format!("{} for {fact}", says(index)),
                claim: Some(crate::gate::identity::claim_ref(dataset, claim)),
                role: Role::Involved,
            }
        })
        .collect();
    finding.locations.push(Location {
        span: rule.span,
        label: "the constraint".into(),
        claim: None,
        role: Role::Context,
    });
    Some((finding, involved.into_iter().map(|(i, _)| i).collect()))
}

#[cfg(test)]
mod tests {
    use crate::findings::Code;
    use crate::testing::{check, codes, source, stated};

    const RULES: &str =
        "[[order]]\nbefore = { property = \"founded\" }\nafter = { property = \"closed\" }\n";

    #[test]
    fn a_violated_constraint_names_the_claims_and_the_rule() {
        let checked = check(
            &[
                ("a", &source(&[("Institute", "founded", "1998")])),
                ("b", &source(&[("Institute", "closed", "1990")])),
            ],
            Some(RULES),
        );
        assert_eq!(codes(&checked), vec![Code::Order]);
        let finding = &checked.findings[0];
        assert_eq!(
            stated(finding),
            vec![("a".into(), "1998".into()), ("b".into(), "1990".into())]
        );
        assert_eq!(
            finding.locations.last().map(|l| l.label.as_str()),
            Some("the constraint")
        );
    }

    #[test]
    fn satisfied_or_overlapping_dates_pass() {
        for closed in ["2004", "1998", "the 1990s", "since 1990"] {
            let checked = check(
                &[
                    ("a", &source(&[("Institute", "founded", "1998")])),
                    ("b", &source(&[("Institute", "closed", closed)])),
                ],
                Some(RULES),
            );
            assert!(
                checked.findings.is_empty(),
                "{closed}: {:?}",
                codes(&checked)
            );
        }
    }

    #[test]
    fn a_constraint_on_one_fact_and_every_unknown_name_are_reported() {
        let claims = source(&[("Institute", "founded", "1998")]);
        let same = check(
            &[("a", &claims)],
            Some(
                "[[order]]\nbefore = { property = \"founded\" }\nafter = { property = \"founded\" }\n",
            ),
        );
        assert_eq!(codes(&same), vec![Code::LoadRules]);
        let typos = check(
            &[("a", &claims)],
            Some(
                "[[order]]\nbefore = { subject = \"Insttute\", property = \"foundd\" }\nafter = { property = \"founded\" }\n",
            ),
        );
        assert_eq!(
            codes(&typos),
            vec![Code::LoadUnknownName, Code::LoadUnknownName]
        );
    }

    #[test]
    fn a_constraint_without_subject_is_checked_per_subject() {
        let checked = check(
            &[(
                "a",
                &source(&[
                    ("One", "founded", "1998"),
                    ("One", "closed", "2004"),
                    ("Two", "founded", "2010"),
                    ("Two", "closed", "2001"),
                    ("Three", "founded", "2030"),
                ]),
            )],
            Some(RULES),
        );
        assert_eq!(codes(&checked), vec![Code::Order]);
        assert!(checked.findings[0].message.contains("Two · founded"));
    }
}
