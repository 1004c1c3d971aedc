//! Graded fuzzy matching of folded names, and an index that finds every matching pair.
//!
//! Owns the definition of "a likely variant spelling" ([`compare`]) and [`matching_pairs`],
//! which finds all pairs that match without comparing every name with every other: a
//! symmetric-deletion index over distinct words gives each word its close neighbours, and
//! blocks of names by word and by pair of adjacent words (`blocks`) turn those into
//! candidate names, which [`compare`] then verifies. [`matching_pairs_brute`] is the quadratic reference the index is tested
//! against. Deciding what a match means (which name is canonical) is `names`'s job.
//!
//! The levels (DESIGN 2.1, "graded levels, not one threshold"):
//! - [`Level::Close`]: one edit (insertion, deletion, substitution or transposition) in the
//!   whole name: "ITTP" for "ITPP", "Teapodong-1" for "Taepodong-1";
//! - [`Level::Similar`]: more edits, but every word within its allowance and at most one edit
//!   per 8 characters of the whole name;
//! - [`Level::Reordered`]: the same words in another order.
//!
//! Guards against over-merging: names of different word counts never match; digits must be
//! identical ("Taepodong-1" is not "Taepodong-2"); words of three letters or fewer must match
//! exactly; a pair of words allows one edit, two when the longer has 9 letters or more, so
//! two programmes
//! that share long words but differ in others ("Individual Partnership and Cooperation
//! Programme" and "Individually Tailored Partnership Programme") stay apart.

mod blocks;

use rustc_hash::{FxHashMap, FxHashSet};

use self::blocks::Blocks;
use crate::text::fold::digit_runs;
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

/// How close two names are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// One edit in the whole name.
    Close,
    /// The same words in another order.
    Reordered,
    /// Several edits, each word close to its counterpart.
    Similar,
}

impl Level {
    /// The word used in `rules.toml` and messages.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Close => "close",
            Level::Reordered => "reordered",
            Level::Similar => "similar",
        }
    }
}

/// A fuzzy match between two names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Match {
    /// How close.
    pub level: Level,
    /// Edits in all (0 for a reordering).
    pub edits: u32,
}

/// How many edits a word of `len` characters may take and still be "the same word".
///
/// Words longer than [`MAX_WORD`] match only exactly: they are not words a person mistypes,
/// and their deletion neighbourhoods would cost quadratic time.
#[must_use]
pub fn allowance(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=8 => 1,
        9..=MAX_WORD => 2,
        _ => 0,
    }
}

/// The longest word matched fuzzily.
pub const MAX_WORD: usize = 40;
/// Names with more words, or more characters, are texts: never matched fuzzily.
pub const MAX_NAME_WORDS: usize = 20;
/// See [`MAX_NAME_WORDS`].
pub const MAX_NAME_CHARS: usize = 200;

/// Whether a name (as folded words) is short enough to be matched fuzzily.
fn matchable(words: &[String]) -> bool {
    words.len() <= MAX_NAME_WORDS && words.iter().map(String::len).sum::<usize>() <= MAX_NAME_CHARS
}

/// How many edits apart two words of these lengths may be: the longer word's allowance, but
/// none when either is three letters or fewer ("USA" is not "USAF").
///
/// The deletion index stays complete under this rule: a pair of different lengths within
/// `k` edits needs at most `k - 1` deletions from the shorter word, which is within the
/// shorter word's own allowance.
#[must_use]
pub fn pair_allowance(a: usize, b: usize) -> usize {
    if a.min(b) <= 3 {
        0
    } else {
        allowance(a.max(b))
    }
}

/// Whether two names (as folded words) match fuzzily, and how closely.
///
/// Names that are identical once separators are removed are not a fuzzy match: they are the
/// same name, handled before fuzzy matching. The relation is symmetric.
#[must_use]
pub fn compare(a: &[String], b: &[String], min_length: usize) -> Option<Match> {
    // Cheap tests first: this runs for every candidate pair the index proposes.
    if a.len() != b.len() || a.is_empty() || !matchable(a) || !matchable(b) {
        return None;
    }
    let len_a: usize = a.iter().map(|w| w.chars().count()).sum();
    let len_b: usize = b.iter().map(|w| w.chars().count()).sum();
    if len_a < min_length || len_b < min_length {
        return None;
    }
    if len_a == len_b
        && a.iter()
            .flat_map(|w| w.chars())
            .eq(b.iter().flat_map(|w| w.chars()))
    {
        return None;
    }
    if !digit_runs(a).eq(digit_runs(b)) {
        return None;
    }
    // The same words in another order have the same length in all.
    if a.len() >= 2 && len_a == len_b {
        let mut words_a: Vec<&String> = a.iter().collect();
        let mut words_b: Vec<&String> = b.iter().collect();
        words_a.sort();
        words_b.sort();
        if words_a == words_b {
            return Some(Match {
                level: Level::Reordered,
                edits: 0,
            });
        }
    }
    let mut edits = 0;
    for (x, y) in a.iter().zip(b) {
        if x == y {
            continue;
        }
        let (lx, ly) = (x.chars().count(), y.chars().count());
        let limit = pair_allowance(lx, ly);
        // Each edit changes the length by at most one.
        if lx.abs_diff(ly) > limit {
            return None;
        }
        let distance = strsim::osa_distance(x, y);
        if distance > limit {
            return None;
        }
        edits += distance;
    }
    let edits = u32::try_from(edits).unwrap_or(u32::MAX);
    if edits == 1 {
        Some(Match {
            level: Level::Close,
            edits,
        })
    } else if edits as usize <= len_a.min(len_b) / 8 {
        Some(Match {
            level: Level::Similar,
            edits,
        })
    } else {
        None
    }
}

/// Every pair `(i, j)`, `i < j`, of names that [`compare`] matches, sorted.
///
/// Verified against [`matching_pairs_brute`] in the tests. Positional matches are found
/// through anchors (`Blocks`): every name is filed under each of its positions' words and
/// under each pair of adjacent words, and looks for partners in the block of whichever of its
/// anchors, widened to the close words (`Vocabulary::neighbours`), holds the fewest names.
///
/// No match is missed, whatever anchor a name picks: [`compare`] matches two names by
/// position only when they have the same number of words and the words at every position are
/// equal or within their [`pair_allowance`], that is when every word of one is among the
/// other's word's neighbours (the neighbours are complete; see `Vocabulary::neighbours`).
/// So a partner of a name sits in the block of every one of its anchors, widened by the
/// neighbours, and in particular in the one it picks; each pair is kept once, from its lower
/// index. Hashed keys that collide only add candidates, which [`compare`] rejects.
///
/// Why it stays near-linear when names share common words: a name pays for the block it
/// picks, and a block of two adjacent words is as rare as the pair of words (a 40-word
/// vocabulary has 40 words but 1,600 ordered pairs), so a common word ("Council") costs
/// nothing unless every single word and every adjacent pair of the name is common. Choosing
/// costs one hash lookup per position and close word, and taking a pair's block one per
/// pair of close words, only when fewer than the names of the best single-word block: never
/// more than the single-word anchors alone would have cost.
#[must_use]
pub fn matching_pairs(names: &[Vec<String>], min_length: usize) -> Vec<(u32, u32, Match)> {
    let vocabulary = Vocabulary::new(names);
    let neighbours = vocabulary.neighbours();
    let blocks = Blocks::new(&vocabulary.names);

    let mut pairs: Vec<(u32, u32, Match)> = (0..names.len())
        .into_par_iter()
        .flat_map_iter(|index| {
            let words = &vocabulary.names[index];
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let mut found = Vec::new();
            let close = |position: usize| neighbours[words[position] as usize].as_slice();
            for other in blocks.candidates(words, close) {
                if other > index {
                    if let Some(m) =
                        compare(&names[index as usize], &names[other as usize], min_length)
                    {
                        found.push((index, other, m));
                    }
                }
            }
            found
        })
        .collect();
    // Colliding keys may propose a partner twice.
    pairs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    pairs.dedup_by_key(|&mut (a, b, _)| (a, b));

    // Reorderings share no positions, so they are found through their sorted words.
    let mut by_bag: FxHashMap<Vec<u32>, Vec<u32>> = FxHashMap::default();
    for (index, words) in vocabulary.names.iter().enumerate() {
        if words.len() >= 2 {
            let mut bag = words.clone();
            bag.sort_unstable();
            by_bag
                .entry(bag)
                .or_default()
                .push(u32::try_from(index).unwrap_or(u32::MAX));
        }
    }
    let seen: FxHashSet<(u32, u32)> = pairs.iter().map(|&(a, b, _)| (a, b)).collect();
    for group in by_bag.values().filter(|group| group.len() > 1) {
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                if !seen.contains(&(a, b)) {
                    if let Some(m) = compare(&names[a as usize], &names[b as usize], min_length) {
                        pairs.push((a, b, m));
                    }
                }
            }
        }
    }

    pairs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    pairs
}

/// The quadratic reference for [`matching_pairs`]: compares every pair.
#[must_use]
pub fn matching_pairs_brute(names: &[Vec<String>], min_length: usize) -> Vec<(u32, u32, Match)> {
    let mut pairs = Vec::new();
    for (i, a) in names.iter().enumerate() {
        for (j, b) in names.iter().enumerate().skip(i + 1) {
            if let Some(m) = compare(a, b, min_length) {
                pairs.push((
                    u32::try_from(i).unwrap_or(u32::MAX),
                    u32::try_from(j).unwrap_or(u32::MAX),
                    m,
                ));
            }
        }
    }
    pairs
}

/// Distinct words, and every name as word ids.
struct Vocabulary<'a> {
    words: Vec<&'a str>,
    names: Vec<Vec<u32>>,
}

impl<'a> Vocabulary<'a> {
    fn new(names: &'a [Vec<String>]) -> Self {
        let mut ids: FxHashMap<&'a str, u32> = FxHashMap::default();
        let mut words = Vec::new();
        // Names too long to match get no word ids, so their words stay out of the index.
        let names = names
            .iter()
            .map(|name| {
                let name: &[String] = if matchable(name) { name } else { &[] };
                name.iter()
                    .map(|word| {
                        *ids.entry(word.as_str()).or_insert_with(|| {
                            words.push(word.as_str());
                            u32::try_from(words.len() - 1).unwrap_or(u32::MAX)
                        })
                    })
                    .collect()
            })
            .collect();
        Self { words, names }
    }

    /// For every word, the words within its edit allowance (itself included), found through
    /// a symmetric-deletion index: two words within `k` edits share a string obtained by
    /// deleting at most `k` characters from each.
    fn neighbours(&self) -> Vec<Vec<u32>> {
        let chars: Vec<Vec<char>> = self.words.iter().map(|w| w.chars().collect()).collect();
        let mut index: Vec<(u64, u32)> = chars
            .par_iter()
            .enumerate()
            .flat_map_iter(|(id, word)| {
                let id = u32::try_from(id).unwrap_or(u32::MAX);
                deletion_hashes(word).into_iter().map(move |h| (h, id))
            })
            .collect();
        index.par_sort_unstable();

        chars
            .par_iter()
            .enumerate()
            .map(|(id, word)| {
                let id = u32::try_from(id).unwrap_or(u32::MAX);
                if allowance(word.len()) == 0 {
                    return vec![id];
                }
                let mut found: Vec<u32> = deletion_hashes(word)
                    .into_iter()
                    .flat_map(|h| {
                        let start = index.partition_point(|&(x, _)| x < h);
                        index[start..]
                            .iter()
                            .take_while(move |&&(x, _)| x == h)
                            .map(|&(_, other)| other)
                    })
                    .filter(|&other| {
                        let limit = pair_allowance(word.len(), chars[other as usize].len());
                        other == id
                            || strsim::osa_distance(
                                self.words[id as usize],
                                self.words[other as usize],
                            ) <= limit
                    })
                    .collect();
                found.push(id);
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect()
    }
}

/// Hashes of the word and of every string made by deleting up to its allowance of characters.
fn deletion_hashes(word: &[char]) -> Vec<u64> {
    let k = allowance(word.len());
    let mut hashes = vec![hash_skipping(word, &[])];
    if k >= 1 {
        for i in 0..word.len() {
            hashes.push(hash_skipping(word, &[i]));
            if k >= 2 {
                for j in i + 1..word.len() {
                    hashes.push(hash_skipping(word, &[i, j]));
                }
            }
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

fn hash_skipping(word: &[char], skip: &[usize]) -> u64 {
    let mut hasher = DefaultHasher::new();
    for (i, c) in word.iter().enumerate() {
        if !skip.contains(&i) {
            c.hash(&mut hasher);
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::fold_words;
    use proptest::prelude::*;

    fn m(a: &str, b: &str) -> Option<Match> {
        compare(&fold_words(a), &fold_words(b), 4)
    }

    #[test]
    fn one_edit_is_close() {
        assert_eq!(m("ITTP", "ITPP").map(|m| m.level), Some(Level::Close));
        assert_eq!(
            m("Teapodong-1", "Taepodong-1").map(|m| m.level),
            Some(Level::Close)
        );
        assert_eq!(
            m("Osamu Izawa", "Osamu Izzawa").map(|m| m.level),
            Some(Level::Close)
        );
    }

    #[test]
    fn digits_must_match() {
        assert_eq!(m("Taepodong-1", "Taepodong-2"), None);
        assert_eq!(m("Vilnius Summit 2023", "Vilnius Summit 2024"), None);
    }

    #[test]
    fn distinct_long_names_are_not_merged() {
        assert_eq!(
            m(
                "Individual Partnership and Cooperation Programme",
                "Individually Tailored Partnership Programme"
            ),
            None
        );
        assert_eq!(m("North Korea", "South Korea"), None);
        assert_eq!(m("informal", "formal"), None);
        assert_eq!(m("USA", "USAF"), None);
    }

    #[test]
    fn short_names_and_short_words_need_exact_matches() {
        assert_eq!(m("USA", "UAS"), None);

        assert_eq!(m("IP4", "IP5"), None);
        assert_eq!(m("the NATO summit", "tha NATO summit"), None);
    }

    #[test]
    fn several_small_edits_are_similar() {
        let found = m("Interoperability Platform", "Interoperabilty Platfrom").unwrap();
        assert_eq!(found.level, Level::Similar);
        assert_eq!(found.edits, 2);
        // Two edits in ten letters: too far.
        assert_eq!(m("Osamu Izawa", "Osamo Izawo"), None);
    }

    #[test]
    fn a_longer_word_allows_two_edits() {
        let found = m(
            "Comprehensive Strategy Partnership Treaty",
            "Comprehensive Strategic Partnership Treaty",
        )
        .unwrap();
        assert_eq!((found.level, found.edits), (Level::Similar, 2));
    }

    #[test]
    fn same_words_in_another_order_are_reordered() {
        assert_eq!(
            m("Japan NATO relations", "NATO Japan relations").map(|m| m.level),
            Some(Level::Reordered)
        );
    }

    #[test]
    fn identical_after_folding_is_not_fuzzy() {
        assert_eq!(m("Indo-Pacific", "IndoPacific"), None);
    }

    #[test]
    fn long_words_and_long_names_match_only_exactly() {
        let long = "a".repeat(3000);
        assert_eq!(
            compare(std::slice::from_ref(&long), &[format!("{long}b")], 4),
            None
        );
        let many: Vec<String> = (0..50).map(|i| format!("word{i}")).collect();
        let mut other = many.clone();
        other[0] = "wrod0".into();
        assert_eq!(compare(&many, &other, 4), None);
    }

    #[test]
    fn index_finds_the_pairs_brute_force_finds() {
        let names: Vec<Vec<String>> = [
            "ITPP",
            "ITTP",
            "IPCP",
            "Japan NATO relations",
            "NATO Japan relations",
            "Taepodong-1",
            "Teapodong-1",
            "Taepodong-2",
            "Osamu Izawa",
            "Osamu Izzawa",
            "Interoperability Platform",
            "Interoperabilty Platfrom",
        ]
        .iter()
        .map(|s| fold_words(s))
        .collect();
        assert_eq!(matching_pairs(&names, 4), matching_pairs_brute(&names, 4));
        assert_eq!(matching_pairs(&names, 4).len(), 5);
    }

    fn word() -> impl Strategy<Value = String> {
        // A small alphabet makes near-misses common, which is what the index must not miss.
        prop::sample::select(vec![
            "ab",
            "abc",
            "abcd",
            "abdc",
            "abcde",
            "abcdf",
            "bacde",
            "abcdefghij",
            "abcdefghjj",
            "bacdefghji",
            "x1",
            "x2",
            "plan",
            "plna",
            "plant",
            "strategy",
            "strategic",
            "strategies",
            "usa",
            "usaf",
        ])
        .prop_map(str::to_owned)
    }

    /// Names like the scale benchmark's hard distribution: two to five words from a few
    /// common words (some of them a letter or two apart), then a number; some mentions with
    /// two letters transposed, some with every word misspelt.
    fn hard_names(count: usize, seed: u64) -> Vec<Vec<String>> {
        const WORDS: &[&str] = &[
            "north",
            "atlantic",
            "pacific",
            "council",
            "counsel",
            "forum",
            "agency",
            "energy",
            "ocean",
            "river",
            "union",
            "alliance",
            "commission",
            "partnership",
            "programme",
            "programmes",
            "mission",
            "office",
            "service",
            "board",
            "centre",
            "center",
            "trust",
            "interoperability",
            "interoperabilty",
            "platform",
        ];
        let mut state = seed;
        let mut next = move |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or(0) % n
        };
        let mut names = Vec::with_capacity(count);
        while names.len() < count {
            let len = 2 + next(4);
            let mut name: Vec<String> = (0..len)
                .map(|_| WORDS[next(WORDS.len())].to_owned())
                .collect();
            if next(4) > 0 {
                name.push((1 + next(6)).to_string());
            }
            names.push(name.clone());
            // Variants: two letters transposed in one word, or in every word.
            for variant in 0..next(3) {
                let mut noisy = name.clone();
                let targets: Vec<usize> = if variant == 0 {
                    vec![next(noisy.len())]
                } else {
                    (0..noisy.len()).collect()
                };
                for t in targets {
                    let mut chars: Vec<char> = noisy[t].chars().collect();
                    if chars.len() >= 2 {
                        let at = next(chars.len() - 1);
                        chars.swap(at, at + 1);
                        noisy[t] = chars.into_iter().collect();
                    }
                }
                names.push(noisy);
            }
        }
        names
    }

    #[test]
    fn index_finds_the_pairs_brute_force_finds_among_common_words() {
        for seed in [1, 2, 3] {
            let names = hard_names(1200, seed);
            let pairs = matching_pairs(&names, 4);
            assert_eq!(pairs, matching_pairs_brute(&names, 4));
            // The data has matches of every kind, so agreement is not vacuous.
            for level in [Level::Close, Level::Similar, Level::Reordered] {
                assert!(pairs.iter().any(|(_, _, m)| m.level == level), "{level:?}");
            }
        }
    }

    #[test]
    fn a_name_picks_the_block_of_its_rarest_adjacent_words() {
        // Every word is common, but adjacent pairs of words are rare: the blocks names look in
        // hold a fraction of the names that even their rarest single words would give.
        let names = hard_names(4000, 7);
        let vocabulary = Vocabulary::new(&names);
        let neighbours = vocabulary.neighbours();
        let blocks = Blocks::new(&vocabulary.names);
        let (mut by_word, mut candidates) = (0, 0);
        for words in &vocabulary.names {
            let close = |p: usize| neighbours[words[p] as usize].as_slice();
            candidates += blocks.candidates(words, close).len();
            by_word += (0..words.len())
                .map(|p| {
                    close(p)
                        .iter()
                        .map(|&w| blocks.block_len(blocks::word_key(words.len(), p, w)))
                        .sum::<usize>()
                })
                .min()
                .unwrap_or(0);
        }
        assert!(candidates * 3 < by_word, "{candidates} vs {by_word}");
    }

    proptest! {
        #[test]
        fn index_agrees_with_brute_force(
            names in prop::collection::vec(prop::collection::vec(word(), 1..4), 0..40)
        ) {
            prop_assert_eq!(matching_pairs(&names, 4), matching_pairs_brute(&names, 4));
        }

        #[test]
        fn index_agrees_with_brute_force_on_long_names_of_few_words(
            names in prop::collection::vec(prop::collection::vec(word(), 4..7), 0..60)
        ) {
            prop_assert_eq!(matching_pairs(&names, 4), matching_pairs_brute(&names, 4));
        }


        #[test]
        fn compare_is_symmetric(a in prop::collection::vec(word(), 1..4), b in prop::collection::vec(word(), 1..4)) {
            prop_assert_eq!(compare(&a, &b, 4), compare(&b, &a, 4));
        }
    }

    proptest! {
        // Each case compares a few hundred names with every other.
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn index_agrees_with_brute_force_among_common_words(seed in any::<u64>()) {
            let names = hard_names(150, seed);
            prop_assert_eq!(matching_pairs(&names, 4), matching_pairs_brute(&names, 4));
        }
    }
}
