//! Ordering constraints: the `before` fact happened no later than the `after` fact.
//!
//! Owns checking `[[order]]` rules against the dates and date-times the claims give (in
//! seconds: zoned values in UTC, a local one widened by the largest offset beside them). A
//! constraint is violated when some `before` value lies entirely after some `after` value;
//! that is found from the latest start on one side and the earliest end on the other, so
//! checking is linear in the claims involved. A constraint without subjects is checked for
//! every subject.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use crate::compare::values::value_text;
use crate::findings::{Code, Finding, Location, Role};
use crate::model::date::{Day, UNBOUNDED_END, UNBOUNDED_START};
use crate::model::time::SECONDS_PER_DAY;
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
        if wanted.contains(&property) && Bounds::of(&claim.value).is_some() {
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

/// Where a dated value lies, in seconds: a date's days and a local date-time on their wall
/// clock, a zoned date-time in UTC. A time of day (no date) and any other value have none.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    start: i64,
    end: i64,
    zoned: bool,
}

/// The largest offset from UTC a wall clock may have (UTC+14:00): how far a local value may
/// lie from where it is on the UTC scale.
const MAX_OFFSET: i64 = 14 * 3600;

impl Bounds {
    fn of(value: &Value) -> Option<Bounds> {
        match value {
            Value::Date(date) => {
                let second = |day: Day, open: i64| {
                    if day == UNBOUNDED_START || day == UNBOUNDED_END {
                        open
                    } else {
                        i64::from(day) * SECONDS_PER_DAY
                    }
                };
                Some(Bounds {
                    start: second(date.earliest, i64::MIN),
                    end: second(date.latest, i64::MAX).saturating_add(SECONDS_PER_DAY),
                    zoned: false,
                })
            }
            Value::DateTime(time) if time.dated => {
                let (start, end) = time.frame();
                Some(Bounds {
                    start,
                    end,
                    zoned: time.zone.offset().is_some(),
                })
            }
            _ => None,
        }
    }

    /// On the UTC scale when `zoned` values are compared with it: a local value widened by
    /// the largest offset each way, since its zone is not known.
    fn on_scale(self, zoned: bool) -> (i64, i64) {
        if zoned && !self.zoned {
            (
                self.start.saturating_sub(MAX_OFFSET),
                self.end.saturating_add(MAX_OFFSET),
            )
        } else {
            (self.start, self.end)
        }
    }
}

/// Each claim's bounds on one scale: UTC widened for local values when any value is zoned,
/// else the wall clock.
fn scaled(dataset: &Dataset, claims: &[&[u32]]) -> HashMap<u32, (i64, i64)> {
    let bounds: Vec<(u32, Bounds)> = claims
        .iter()
        .flat_map(|c| c.iter())
        .filter_map(|&i| Some((i, Bounds::of(&dataset.claims[i as usize].value)?)))
        .collect();
    let zoned = bounds.iter().any(|(_, b)| b.zoned);
    bounds
        .into_iter()
        .map(|(i, b)| (i, b.on_scale(zoned)))
        .collect()
}

fn violation(
    dataset: &Dataset,
    rule: &OrderRule,
    before: &[u32],
    after: &[u32],
    (before_subject, after_subject): (EntityId, EntityId),
) -> Option<(Finding, Vec<u32>)> {
    let scale = scaled(dataset, &[before, after]);
    let bounds = |i: u32| scale.get(&i).copied().unwrap_or((i64::MIN, i64::MAX));
    let latest_start = before
        .iter()
        .copied()
        .max_by_key(|&i| (bounds(i).0, std::cmp::Reverse(i)))?;
    let earliest_end = after.iter().copied().min_by_key(|&i| (bounds(i).1, i))?;
    let (start, end) = (bounds(latest_start).0, bounds(earliest_end).1);
    // `end` is the second after the last: an interval ending at 14:00 may meet one starting then.
    if start < end {
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
        .filter(|&&i| bounds(i).0 >= end)
        .map(|&i| (i, first.as_str()))
        .chain(
            after
                .iter()
                .filter(|&&i| bounds(i).1 <= start)
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

    #[test]
    fn date_times_are_ordered_across_zones_and_beside_dates() {
        const FLIGHT: &str = "[[order]]\nbefore = { property = \"departed\" }\n\
                              after = { property = \"arrived\" }\n";
        let flight = |departed: &str, arrived: &str| {
            check(
                &[
                    ("a", &source(&[("AA-1007", "departed", departed)])),
                    ("b", &source(&[("AA-1007", "arrived", arrived)])),
                ],
                Some(FLIGHT),
            )
        };
        for (departed, arrived) in [
            ("2011-12-01 14:00 CST", "2011-12-01 13:00 CST"),
            ("2011-12-01 14:00 CST", "2011-12-01 14:30 EST"),
            ("2011-12-02 01:00", "2011-12-01 09:00"),
            ("3 December 2011", "2011-12-01 23:00 CST"),
        ] {
            let checked = flight(departed, arrived);
            assert_eq!(
                codes(&checked),
                vec![Code::Order],
                "{departed} after {arrived}"
            );
        }
        for (departed, arrived) in [
            ("2011-12-01 14:00 CST", "2011-12-01 15:30 EST"),
            ("2011-12-01 14:00 CST", "2011-12-01 14:00 CST"),
            ("2011-12-01 14:00", "2011-12-01 15:00"),
            // A local time beside a zoned one: up to 14 hours either way, so not known.
            ("2011-12-01 20:00", "2011-12-01 14:00 CST"),
            ("1 December 2011", "2011-12-01 23:00 CST"),
            ("2 December 2011", "2011-12-01 23:00 CST"),
        ] {
            let checked = flight(departed, arrived);
            assert!(
                checked.findings.is_empty(),
                "{departed} before {arrived}: {:?}",
                codes(&checked)
            );
        }
    }
}
