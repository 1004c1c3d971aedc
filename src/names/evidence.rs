//! The evidence that two spellings a fuzzy match pairs are one thing.
//!
//! Owns the rule that turns a fuzzy match into a variant (DESIGN 2.1 step 3): a match is only a
//! resemblance, and a variant is a claim that two spellings name one thing, so it needs
//! evidence. Against it, any of:
//! - a source uses both spellings in the same role (both subjects of one property, or both
//!   values of one property): it treats them as two things ("Hebei" and "Hubei" in one list);
//! - both spellings are subjects of a property and no value of one equals a value of the other:
//!   their facts disagree wherever both are claimed (two towns with two populations).
//!
//! For it, one of:
//! - the better supported spelling is declared in `rules.toml`;
//! - their facts agree: both are subjects of one property with the same value, or both are
//!   the value of one property of one subject;
//! - one is rare and the other common: the common one is used by two or more sources and at
//!   least [`COMMON_RATIO`] times as often. Rarity alone is not enough for short names (fewer
//!   than [`SHORT_NAME`] letters and digits): short names a letter or two apart are usually
//!   different names ("Daniel" and "Daniela", "Alton" and "Dalton").
//!
//! It knows nothing of fuzzy matching (that is `fuzzy`) nor of which side is canonical.

use std::hash::{DefaultHasher, Hash, Hasher};

use rustc_hash::FxHashSet;

use crate::model::SpellingId;

/// How many times as often the common spelling must be used as the rare one.
pub const COMMON_RATIO: u64 = 3;
/// Names with fewer letters and digits than this need evidence beyond rarity.
pub const SHORT_NAME: usize = 8;

/// The role a spelling plays in a claim: subject or value of a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The subject of a claim of this property (by property entity).
    Subject(u32),
    /// The value of a claim of this property.
    Value(u32),
}

/// One use of a spelling in a claim: who wrote it, in what role, and what the claim pairs it
/// with (the value's key for a subject, the subject's key for a value), hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Use {
    /// The spelling used.
    pub spelling: SpellingId,
    /// The source, by index.
    pub source: u32,
    /// Its role.
    pub role: Role,
    /// What the claim pairs it with.
    pub other: u64,
}

impl Use {
    /// A use, hashing the text it is paired with (already folded by the caller).
    #[must_use]
    pub fn new(spelling: SpellingId, source: u32, role: Role, other: &str) -> Self {
        let mut hasher = DefaultHasher::new();
        other.hash(&mut hasher);
        Self {
            spelling,
            source,
            role,
            other: hasher.finish(),
        }
    }
}

/// Every use of the spellings of one side of a match.
#[derive(Debug, Default)]
pub(super) struct Side {
    roles: FxHashSet<(u32, Role)>,
    facts: FxHashSet<(Role, u64)>,
    subject_of: FxHashSet<u32>,
}

impl Side {
    pub(super) fn add(&mut self, used: &Use) {
        self.roles.insert((used.source, used.role));
        self.facts.insert((used.role, used.other));
        if let Role::Subject(property) = used.role {
            self.subject_of.insert(property);
        }
    }
}

/// What is known of each side: its uses, how often it is used, whether several sources use
/// it, whether it is declared, and its length in letters and digits.
#[derive(Debug, Clone, Copy)]
pub(super) struct Support<'a> {
    pub(super) side: Option<&'a Side>,
    pub(super) mentions: u64,
    pub(super) several_sources: bool,
    pub(super) declared: bool,
    pub(super) letters: usize,
}

/// Why a fuzzy match was or was not taken as a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// One source uses both in the same role.
    SideBySide,
    /// Their facts disagree wherever both are claimed.
    Disagree,
    /// No evidence either way.
    NoEvidence,
    /// Evidence that they are one thing.
    Variant,
}

/// Whether the `rare` side is a variant of the `common` side.
pub(super) fn judge(rare: Support<'_>, common: Support<'_>) -> Verdict {
    let empty = Side::default();
    let (a, b) = (rare.side.unwrap_or(&empty), common.side.unwrap_or(&empty));
    if a.roles.iter().any(|role| b.roles.contains(role)) {
        return Verdict::SideBySide;
    }
    let agree = a.facts.iter().any(|fact| b.facts.contains(fact));
    let shared_property = a.subject_of.iter().any(|p| b.subject_of.contains(p));
    if shared_property && !agree {
        return Verdict::Disagree;
    }
    let short = rare.letters.min(common.letters) < SHORT_NAME;
    let rarity = common.several_sources
        && !rare.several_sources
        && common.mentions >= COMMON_RATIO.saturating_mul(rare.mentions.max(1));
    if common.declared || agree || (rarity && !short) {
        Verdict::Variant
    } else {
        Verdict::NoEvidence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(uses: &[(u32, Role, &str)]) -> Side {
        let mut side = Side::default();
        for &(source, role, other) in uses {
            side.add(&Use::new(SpellingId(0), source, role, other));
        }
        side
    }

    fn support(side: &Side, mentions: u64, several: bool, letters: usize) -> Support<'_> {
        Support {
            side: Some(side),
            mentions,
            several_sources: several,
            declared: false,
            letters,
        }
    }

    #[test]
    fn two_spellings_one_source_lists_side_by_side_are_two_things() {
        let hebei = side(&[(0, Role::Value(1), "north"), (1, Role::Value(1), "x")]);
        let listed_too = side(&[(0, Role::Value(1), "south")]);
        assert_eq!(
            judge(
                support(&listed_too, 1, false, 5),
                support(&hebei, 9, true, 5)
            ),
            Verdict::SideBySide
        );
    }

    #[test]
    fn subjects_whose_facts_all_differ_are_two_things() {
        let kingston = side(&[
            (1, Role::Subject(0), "160000"),
            (2, Role::Subject(0), "160000"),
        ]);
        let small_town = side(&[(3, Role::Subject(0), "21000")]);
        assert_eq!(
            judge(
                support(&small_town, 1, false, 7),
                support(&kingston, 10, true, 8)
            ),
            Verdict::Disagree
        );
        // The same fact stated alike is evidence, even for a short name.
        let typo = side(&[(3, Role::Subject(0), "160000")]);
        assert_eq!(
            judge(support(&typo, 1, false, 7), support(&kingston, 2, true, 8)),
            Verdict::Variant
        );
    }

    #[test]
    fn rarity_is_evidence_for_long_names_only() {
        let common = side(&[(1, Role::Value(0), "a"), (2, Role::Value(0), "b")]);
        let rare = side(&[(3, Role::Value(0), "c")]);
        assert_eq!(
            judge(support(&rare, 1, false, 13), support(&common, 3, true, 13)),
            Verdict::Variant
        );
        assert_eq!(
            judge(support(&rare, 1, false, 6), support(&common, 30, true, 7)),
            Verdict::NoEvidence,
            "daniela/daniel"
        );
        assert_eq!(
            judge(support(&rare, 1, false, 13), support(&common, 2, true, 13)),
            Verdict::NoEvidence,
            "not common enough"
        );
        assert_eq!(
            judge(support(&rare, 1, false, 13), support(&common, 9, false, 13)),
            Verdict::NoEvidence,
            "one source is not common use"
        );
        let mut declared = support(&common, 1, false, 4);
        declared.declared = true;
        assert_eq!(
            judge(support(&rare, 1, false, 4), declared),
            Verdict::Variant
        );
    }

    mod pipeline {
        use crate::findings::Code;
        use crate::testing::{check, source, with_code};

        fn variants(files: &[(&str, &str)]) -> Vec<String> {
            let checked = check(files, None);
            with_code(&checked, Code::NameVariant)
                .iter()
                .map(|f| f.message.clone())
                .collect()
        }

        #[test]
        fn provinces_a_letter_apart_listed_by_one_source_stay_apart() {
            let list = source(&[
                ("Hebei", "capital", "Shijiazhuang"),
                ("Hubei", "capital", "Wuhan"),
                ("Hertfordshire", "county town", "Hertford"),
                ("Herefordshire", "county town", "Hereford"),
            ]);
            let other = source(&[
                ("Hebei", "capital", "Shijiazhuang"),
                ("Hertfordshire", "area", "1643 km2"),
                ("Hertfordshire", "county town", "Hertford"),
            ]);
            let third = source(&[("Hertfordshire", "county town", "Hertford")]);
            assert!(variants(&[("a", &list), ("b", &other), ("c", &third)]).is_empty());
        }

        #[test]
        fn towns_whose_facts_differ_stay_apart() {
            let files = [
                ("a", source(&[("Boskovice", "population", "11000")])),
                ("b", source(&[("Boskovice", "population", "11000")])),
                ("c", source(&[("Boskovice", "population", "11000")])),
                ("d", source(&[("Bojkovice", "population", "4400")])),
            ];
            let files: Vec<(&str, &str)> = files.iter().map(|(a, b)| (*a, b.as_str())).collect();
            assert!(variants(&files).is_empty());
        }

        #[test]
        fn short_given_names_and_words_need_more_than_rarity() {
            let mut files = Vec::new();
            for stem in ["a", "b", "c", "d"] {
                files.push((
                    stem,
                    source(&[("Daniel", "born", "1990"), ("butler", "kind", "job")]),
                ));
            }
            files.push((
                "e",
                source(&[("Daniela", "born", "1985"), ("butter", "kind", "food")]),
            ));
            let files: Vec<(&str, &str)> = files.iter().map(|(a, b)| (*a, b.as_str())).collect();
            assert!(variants(&files).is_empty());
        }

        #[test]
        fn a_misspelling_that_states_the_same_fact_is_a_variant() {
            let files = [
                ("a", source(&[("Kingston", "population", "160000")])),
                ("b", source(&[("Kinston", "population", "160000")])),
            ];
            let files: Vec<(&str, &str)> = files.iter().map(|(a, b)| (*a, b.as_str())).collect();
            let found = variants(&files);
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(found[0].contains("`Kinston`"), "{found:?}");
        }
    }
}
