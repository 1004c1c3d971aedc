//! Resolution steps for people: joining the spellings of one person, and finding misspelt
//! given names for the variant step.
//!
//! Owns how [`person`](crate::names::person)'s relations are applied to the keys
//! of a [`State`]; reading names as people's is `person`'s job.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::names::fuzzy::{Level, Match};
use crate::names::person::{self, Given, Person};

use super::State;

/// Surnames shared by more spellings than this are not searched for the same person: the
/// pairwise check is quadratic.
const MAX_SURNAME_GROUP: usize = 64;

impl State {
    /// Spellings of people, by surname: each group of keys, in key order.
    fn surname_groups(&self) -> Vec<Vec<u32>> {
        let mut groups: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        for (&key, found) in &self.people {
            if !found.given.is_empty() {
                groups.entry(&found.surname).or_default().push(key);
            }
        }
        let mut groups: Vec<Vec<u32>> = groups
            .into_values()
            .filter(|g| g.len() >= 2 && g.len() <= MAX_SURNAME_GROUP)
            .map(|mut g| {
                g.sort_unstable();
                g
            })
            .collect();
        groups.sort_unstable();
        groups
    }

    /// Joins the spellings of one person ([`person`]): a titled name to the same name without
    /// its title ("General George Marshall", "President Lincoln"), and names that are the same
    /// person written more or less fully ("Knuth, Donald E.", "D. E. Knuth"): each name joins
    /// the one fullest form it is a reduction of ([`person::reduces_to`]). A name that reduces
    /// to two fullest forms ("D. Knuth" beside "Donald Knuth" and "Dan Knuth") joins neither,
    /// and two fullest forms never join each other.
    pub(in crate::names) fn link_people(&mut self) {
        // Each spelling is read on its own (in parallel); a key is the first of its spellings
        // that reads as a person's name.
        let read: Vec<Option<Person>> = self.texts.par_iter().map(|t| person::parse(t)).collect();
        for (spelling, found) in read.into_iter().enumerate() {
            if let Some(found) = found {
                self.people.entry(self.key_of[spelling]).or_insert(found);
            }
        }
        let mut titled: Vec<(u32, u32)> = self
            .people
            .iter()
            .filter(|(_, p)| !p.titles.is_empty())
            .filter_map(|(&key, p)| {
                let plain = *self.key_index.get(&p.key())?;
                (plain != key).then_some((key, plain))
            })
            .collect();
        titled.sort_unstable();
        for (key, plain) in titled {
            if self.join(key, plain) {
                self.person_keys.insert(key);
            }
        }
        for group in self.surname_groups() {
            let person = |i: usize| &self.people[&group[i]];
            let n = group.len();
            // Names that are no other's strict reduction: the fullest forms, each a person.
            let strictly = |a: usize, b: usize| {
                person::reduces_to(person(a), person(b))
                    && !person::reduces_to(person(b), person(a))
            };
            let fullest: Vec<usize> = (0..n)
                .filter(|&a| (0..n).all(|b| !strictly(a, b)))
                .collect();
            let mut joins = Vec::new();
            for a in 0..n {
                let targets: Vec<usize> = fullest
                    .iter()
                    .copied()
                    .filter(|&b| b != a && person::reduces_to(person(a), person(b)))
                    .collect();
                // Equal people (titles aside) are one; a reduction joins its one fullest form.
                let equal: Vec<usize> = targets
                    .iter()
                    .copied()
                    .filter(|&b| person::reduces_to(person(b), person(a)))
                    .collect();
                let distinct = targets.len() - equal.len();
                if fullest.contains(&a) {
                    joins.extend(equal.into_iter().map(|b| (a, b)));
                } else if distinct == 1 {
                    joins.extend(targets.into_iter().map(|b| (a, b)));
                }
            }
            for (a, b) in joins {
                if self.join(group[a], group[b]) {
                    self.person_keys.insert(group[a]);
                    self.person_keys.insert(group[b]);
                }
            }
        }
    }

    /// Pairs of people whose first given names are one or two letters apart and whose
    /// surnames match exactly ("Steven Hawking", "Stephen Hawking"), with the length of the
    /// shorter given name (what decides whether the name is short).
    pub(super) fn given_name_slips(&self) -> Vec<(u32, u32, Match, usize)> {
        let mut found = Vec::new();
        for group in self.surname_groups() {
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    let (pa, pb) = (&self.people[&a], &self.people[&b]);
                    if let Some(edits) = person::given_name_slip(pa, pb) {
                        let level = if edits == 1 {
                            Level::Close
                        } else {
                            Level::Similar
                        };
                        let given = |p: &Person| match p.given.first() {
                            Some(Given::Full(name)) => name.chars().count(),
                            _ => 0,
                        };
                        found.push((a, b, Match { level, edits }, given(pa).min(given(pb))));
                    }
                }
            }
        }
        found
    }
}
