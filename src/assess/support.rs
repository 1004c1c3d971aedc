//! Which value of a fact is best supported, counted in independent sources.
//!
//! Owns the method, which the README explains to users:
//! - a value is *supported* by every claim whose value agrees with it: the same value, one
//!   that refines it or that it refines ("2023" and "July 2023"), or one that overlaps it;
//! - support is counted in *independent units*, not claims: all the claims of sources in one
//!   independence group (derived from one another, declared or detected) are one unit, and
//!   claims that cite the same party (`cites`) are one unit whatever their sources;
//! - the best-supported value has the most units. When several values have the most and fit
//!   together (one refines the others), the most precise of them is the best; when they do
//!   not, it is a tie, and the report says so rather than pick one.

use rustc_hash::FxHashSet;

use crate::assess::Relations;
use crate::compare::verdict::Verdict;
use crate::model::{Claim, Dataset, Value};
use crate::text::fold::compact_key;

/// One distinct value of a fact and who supports it.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueSupport {
    /// The claims that state it (indexes into [`Dataset::claims`]), in file order.
    pub claims: Vec<u32>,
    /// The claims whose values agree with it, its own included, in file order.
    pub supporters: Vec<u32>,
    /// How many independent units the supporters make.
    pub support: usize,
    /// The claims whose values are in tension or conflict with it, in file order.
    pub disagreeing: Vec<u32>,
    /// Its share of the vote among itself and the values it disagrees with, in `[0, 1]`
    /// (estimators that weigh sources; `None` for the plain vote).
    pub confidence: Option<f64>,
    /// The weighed support behind it: the sum of its independent units' votes (estimators
    /// that weigh sources; `None` for the plain vote).
    pub weight: Option<f64>,
}

/// The outcome of choosing a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Best {
    /// One value (an index into the fact's values) has the most support.
    Value(usize),
    /// These values have the most support and do not fit together.
    Tie(Vec<usize>),
    /// Nothing to choose: a multi-valued fact, whose values are all true at once.
    None,
}

/// What counts once: a party several claims cite, or a group of dependent sources.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A party cited (folded).
    Cited(String),
    /// An independence group of sources.
    Group(u32),
}

/// The unit a claim's support counts in: the party it cites, else its source's independence
/// group (`groups`, parallel to the dataset's sources).
#[must_use]
pub fn unit(claim: &Claim, groups: &[u32]) -> Unit {
    match claim.cites.as_deref().map(compact_key) {
        Some(cited) if !cited.is_empty() => Unit::Cited(cited),
        _ => Unit::Group(
            groups
                .get(claim.source.0 as usize)
                .copied()
                .unwrap_or(claim.source.0),
        ),
    }
}

/// Whether two related values agree (neither in tension nor in conflict).
fn agree(relation: Option<Verdict>) -> bool {
    relation.is_some_and(|verdict| !verdict.is_disagreement())
}

/// The support of each distinct value (`values`: claims grouped by value, `relations`: how
/// each pair of values relates), best supported first, and the best value among them.
#[must_use]
pub fn support(
    dataset: &Dataset,
    values: &[Vec<u32>],
    relations: &Relations,
    groups: &[u32],
    multi: bool,
) -> (Vec<ValueSupport>, Best) {
    let mut supported: Vec<(usize, ValueSupport)> = values
        .iter()
        .enumerate()
        .map(|(a, claims)| {
            if !relations.any() {
                // Unrelated values: each supported by its own claims, against no other.
                let units: FxHashSet<Unit> = claims
                    .iter()
                    .map(|&c| unit(&dataset.claims[c as usize], groups))
                    .collect();
                let value = ValueSupport {
                    claims: claims.clone(),
                    supporters: claims.clone(),
                    support: units.len(),
                    disagreeing: Vec::new(),
                    confidence: None,
                    weight: None,
                };
                return (a, value);
            }
            let mut supporters: Vec<u32> = values
                .iter()
                .enumerate()
                .filter(|&(b, _)| a == b || (!multi && agree(relations.get(a, b))))
                .flat_map(|(_, claims)| claims.iter().copied())
                .collect();
            supporters.sort_unstable();
            let units: FxHashSet<Unit> = supporters
                .iter()
                .map(|&c| unit(&dataset.claims[c as usize], groups))
                .collect();
            let mut disagreeing: Vec<u32> = values
                .iter()
                .enumerate()
                .filter(|&(b, _)| relations.get(a, b).is_some_and(Verdict::is_disagreement))
                .flat_map(|(_, claims)| claims.iter().copied())
                .collect();
            disagreeing.sort_unstable();
            let value = ValueSupport {
                claims: claims.clone(),
                supporters,
                support: units.len(),
                disagreeing,
                confidence: None,
                weight: None,
            };
            (a, value)
        })
        .collect();
    // Best supported first; among equals, the order in which the values first appear.
    supported.sort_by(|(a, x), (b, y)| y.support.cmp(&x.support).then(a.cmp(b)));
    let original: Vec<usize> = supported.iter().map(|(a, _)| *a).collect();
    let values: Vec<ValueSupport> = supported.into_iter().map(|(_, v)| v).collect();
    if multi || values.is_empty() {
        return (values, Best::None);
    }

    let most = values[0].support;
    let leaders: Vec<usize> = (0..values.len())
        .take_while(|&i| values[i].support == most)
        .collect();
    let fit = leaders.iter().all(|&i| {
        leaders
            .iter()
            .all(|&j| i == j || agree(relations.get(original[i], original[j])))
    });
    let best = if leaders.len() == 1 {
        Best::Value(0)
    } else if fit {
        let width = |i: usize| width(&dataset.claims[values[i].claims[0] as usize].value);
        let narrowest = leaders
            .iter()
            .copied()
            .min_by(|&i, &j| width(i).total_cmp(&width(j)).then(i.cmp(&j)))
            .unwrap_or(0);
        Best::Value(narrowest)
    } else {
        Best::Tie(leaders)
    };
    (values, best)
}

/// How wide a value is, to prefer the most precise of values that fit together.
pub(crate) fn width(value: &Value) -> f64 {
    match value {
        Value::Date(date) => {
            f64::from(date.latest) - f64::from(date.earliest) + 2.0 * f64::from(date.margin)
        }
        Value::Number(quantity) => quantity.high - quantity.low + 2.0 * quantity.tolerance,
        // In days, as dates are: the two kinds never meet in one fact.
        #[allow(clippy::cast_precision_loss)] // spans of seconds far below 2^52
        Value::DateTime(time) => {
            let (start, end) = time.frame();
            (end.saturating_sub(start).saturating_add(2 * time.margin)) as f64
                / crate::model::time::SECONDS_PER_DAY as f64
        }
        Value::Name(_) | Value::Text(_) => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::assess::{Assessment, assess};
    use crate::testing::{check, source, source_with};

    /// Assessed by the vote (this module's method).
    fn assessed(files: &[(&str, &str)]) -> (crate::Checked, Assessment) {
        let checked = check(files, None);
        let assessment = crate::assess::assess_with(&checked, crate::assess::Method::Vote);
        (checked, assessment)
    }

    /// The best value of the only compared fact, as stated, with its support; or the tie.
    fn best(files: &[(&str, &str)]) -> Result<(String, usize), Vec<String>> {
        let (checked, assessment) = assessed(files);
        let fact = assessment
            .facts
            .iter()
            .find(|f| f.sources > 1)
            .expect("a compared fact");
        let stated = |i: usize| {
            checked.dataset.claims[fact.values[i].claims[0] as usize]
                .stated
                .to_string()
        };
        match &fact.best {
            Best::Value(i) => Ok((stated(*i), fact.values[*i].support)),
            Best::Tie(tied) => Err(tied.iter().map(|&i| stated(i)).collect()),
            Best::None => Err(Vec::new()),
        }
    }

    #[test]
    fn the_value_more_independent_sources_give_wins() {
        let a = source(&[("Mission", "opened", "2018")]);
        let b = source(&[("Mission", "opened", "2018")]);
        let c = source(&[("Mission", "opened", "2014")]);
        assert_eq!(
            best(&[("a", &a), ("b", &b), ("c", &c)]),
            Ok(("2018".to_owned(), 2))
        );
    }

    #[test]
    fn a_derived_source_does_not_count_twice() {
        let a = source(&[("Mission", "opened", "2018")]);
        let excerpt = source_with("derived_from = [\"a\"]", &[("Mission", "opened", "2018")]);
        let c = source(&[("Mission", "opened", "2014")]);
        assert_eq!(
            best(&[("a", &a), ("excerpt", &excerpt), ("c", &c)]),
            Err(vec!["2018".to_owned(), "2014".to_owned()]),
            "one independent source each: a tie"
        );
    }

    #[test]
    fn a_detected_copy_does_not_count_twice() {
        // b copies a's words (three identical quotes, undeclared); c says otherwise.
        let quoted = |claims: &[(&str, &str, &str, &str)]| {
            let mut text = String::from("[source]\ntitle = \"T\"\npublisher = \"P\"\n");
            for (subject, property, value, quote) in claims {
                let _ = writeln!(
                    text,
                    "[[claim]]\nsubject = \"{subject}\"\nproperty = \"{property}\"\n\
                     value = \"{value}\"\nquote = \"{quote}\""
                );
            }
            text
        };
        let words = [
            (
                "Mission",
                "opened",
                "2018",
                "The mission opened its doors in 2018 after talks",
            ),
            (
                "Mission",
                "staff",
                "12",
                "Twelve diplomats work at the mission full time",
            ),
            (
                "Mission",
                "head",
                "Ann Lee",
                "Ann Lee has led the mission since the start",
            ),
        ];
        let (a, b) = (quoted(&words), quoted(&words));
        let c = source(&[("Mission", "opened", "2014")]);
        let files = [("a", a.as_str()), ("b", b.as_str()), ("c", c.as_str())];
        let (checked, _) = assessed(&files);
        assert_eq!(
            checked.comparison.dependences.len(),
            1,
            "the copy is detected"
        );
        assert_eq!(
            best(&files),
            Err(vec!["2018".to_owned(), "2014".to_owned()]),
            "a and its copy are one independent source: a tie"
        );
    }

    #[test]
    fn claims_citing_the_same_party_count_once() {
        let cited = |value: &str| {
            source(&[("Mission", "opened", value)]).replace(
                &format!("value = \"{value}\"\n"),
                &format!("value = \"{value}\"\ncites = \"Ministry of Foreign Affairs\"\n"),
            )
        };
        let (a, b) = (cited("2018"), cited("2018"));
        let c = source(&[("Mission", "opened", "2014")]);
        let d = source(&[("Mission", "opened", "2014")]);
        assert_eq!(
            best(&[("a", &a), ("b", &b), ("c", &c), ("d", &d)]),
            Ok(("2014".to_owned(), 2))
        );
    }

    #[test]
    fn refinements_support_each_other_and_the_most_precise_wins() {
        let a = source(&[("ITPP", "signed", "2023")]);
        let b = source(&[("ITPP", "signed", "July 2023")]);
        assert_eq!(
            best(&[("a", &a), ("b", &b)]),
            Ok(("July 2023".to_owned(), 2))
        );
    }

    #[test]
    fn a_vague_value_supports_the_precise_values_inside_it() {
        let a = source(&[("Contacts", "began", "1970s")]);
        let b = source(&[("Contacts", "began", "1977")]);
        let c = source(&[("Contacts", "began", "1992")]);
        assert_eq!(
            best(&[("a", &a), ("b", &b), ("c", &c)]),
            Ok(("1977".to_owned(), 2))
        );
    }

    #[test]
    fn multi_valued_facts_have_no_best_value() {
        let rules = "[[property]]\nname = \"member\"\ncardinality = \"multi\"\n";
        let a = source(&[("Partners", "member", "Japan")]);
        let b = source(&[("Partners", "member", "Korea")]);
        let checked = crate::testing::check(&[("a", &a), ("b", &b)], Some(rules));
        let assessment = assess(&checked);
        let fact = &assessment.facts[0];
        assert_eq!(fact.best, Best::None);
        assert_eq!(fact.values.len(), 2);
        assert!(fact.values.iter().all(|v| v.support == 1));
    }
}
