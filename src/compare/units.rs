//! Groups of a fact's numbers that can be compared with each other (DESIGN 2.3).
//!
//! Owns splitting a fact's distinct values into unit groups (pounds sterling apart from
//! dollars, lengths apart from masses) and naming each group for messages, so that a fact
//! whose values come in incomparable units reports its disagreements within each group and
//! never pairs two incomparable values. Whether two quantities compare is
//! `compare::number`'s; this module only joins values that do. Pure; it must not decide what
//! to report (`compare::values` does).

use rustc_hash::FxHashMap;

use crate::model::Value;
use crate::model::quantity::{Quantity, Unit};

/// The group of each value (by index), numbered in order of first appearance.
///
/// Two values are in one group when they have the same unit and base, or when they were
/// compared and are comparable (`linked`): "300" joins "300 tents", and a percentage with no
/// base joins one of GDP. Values that are not numbers are all in group 0.
#[must_use]
pub fn groups(values: &[&Value], linked: &[(usize, usize)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..values.len()).collect();
    let mut first_of: FxHashMap<(&Unit, Option<&str>), usize> = FxHashMap::default();
    for (index, value) in values.iter().enumerate() {
        let Value::Number(quantity) = value else {
            continue;
        };
        let key = (&quantity.unit, quantity.base.as_deref());
        let first = *first_of.entry(key).or_insert(index);
        union(&mut parent, first, index);
    }
    for &(a, b) in linked {
        if a < values.len() && b < values.len() {
            union(&mut parent, a, b);
        }
    }
    // Non-numbers (names, texts, dates) are never split.
    let non_numbers: Vec<usize> = (0..values.len())
        .filter(|&i| !matches!(values[i], Value::Number(_)))
        .collect();
    for pair in non_numbers.windows(2) {
        union(&mut parent, pair[0], pair[1]);
    }
    let mut numbering: FxHashMap<usize, usize> = FxHashMap::default();
    (0..values.len())
        .map(|index| {
            let root = find(&mut parent, index);
            let next = numbering.len();
            *numbering.entry(root).or_insert(next)
        })
        .collect()
}

/// A group's name for messages, from its most specific value: "amounts in GBP",
/// "percentages of gdp", "lengths", "counts of tent", "bare numbers".
#[must_use]
pub fn group_name<'a>(quantities: impl IntoIterator<Item = &'a Quantity>) -> String {
    let mut best: Option<&Quantity> = None;
    for quantity in quantities {
        let specificity = |q: &Quantity| (q.unit != Unit::None, q.base.is_some());
        if best.is_none_or(|b| specificity(quantity) > specificity(b)) {
            best = Some(quantity);
        }
    }
    let Some(quantity) = best else {
        return "values".to_owned();
    };
    let mut name = quantity.unit.values_in();
    if let Some(base) = &quantity.base {
        name.push_str(" of ");
        name.push_str(base);
    }
    name
}

fn find(parent: &mut [usize], mut index: usize) -> usize {
    while parent[index] != index {
        parent[index] = parent[parent[index]];
        index = parent[index];
    }
    index
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (x, y) = (find(parent, a), find(parent, b));
    if x != y {
        // The earlier value's root stays the root, so groups keep their first value's order.
        let (root, child) = if x < y { (x, y) } else { (y, x) };
        parent[child] = root;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::number::parse_number;

    fn number(text: &str) -> Value {
        Value::Number(parse_number(text).unwrap_or_else(|e| panic!("{text}: {}", e.message)))
    }

    fn grouped(texts: &[&str], linked: &[(usize, usize)]) -> Vec<usize> {
        let values: Vec<Value> = texts.iter().map(|t| number(t)).collect();
        let refs: Vec<&Value> = values.iter().collect();
        groups(&refs, linked)
    }

    #[test]
    fn values_in_one_unit_are_one_group_whatever_their_order() {
        assert_eq!(
            grouped(
                &["£5 million", "$5 million", "£9 million", "$7 million"],
                &[]
            ),
            vec![0, 1, 0, 1]
        );
        // Units of one dimension convert: pounds and kilograms are one group.
        assert_eq!(
            grouped(&["2 kg", "3 km", "500 lb", "40 miles", "1 tonne"], &[]),
            vec![0, 1, 0, 1, 0]
        );
        assert_eq!(
            grouped(&["2 kg", "3%", "2 kg", "USD 3"], &[]),
            vec![0, 1, 0, 2]
        );
    }

    #[test]
    fn comparable_values_of_different_spelling_join_through_links() {
        assert_eq!(
            grouped(&["300", "300 tents", "2% of GDP", "2%"], &[(0, 1), (2, 3)]),
            vec![0, 0, 1, 1]
        );
    }

    #[test]
    fn names_say_what_a_group_holds() {
        let q = |t: &str| parse_number(t).unwrap_or_else(|e| panic!("{t}: {}", e.message));
        assert_eq!(group_name([&q("£5 million")]), "amounts in GBP");
        assert_eq!(
            group_name([&q("$5 million")]),
            "amounts in $ (ambiguous dollar)"
        );
        assert_eq!(
            group_name([&q("2%"), &q("3% of GDP")]),
            "percentages of gdp"
        );
        assert_eq!(group_name([&q("300"), &q("300 tents")]), "counts of tent");
        assert_eq!(group_name([&q("1,000 ft"), &q("300 km")]), "lengths");
        assert_eq!(group_name([&q("500 lb")]), "masses");
        assert_eq!(group_name([&q("300")]), "bare numbers");
    }
}
