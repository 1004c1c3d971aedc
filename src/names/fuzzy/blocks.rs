//! Blocks of names by anchor, for [`super::matching_pairs`]: every name filed under each
//! of its positions' words and each pair of adjacent words, and the choice of the smallest
//! block a name must search.
//!
//! Owns where a name looks for partners, not whether they match ([`super::compare`]) nor
//! which words are close ([`super::Vocabulary::neighbours`]).

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Names filed by anchor: (word count, position, word) and (word count, position, word,
/// next word), hashed; each key's names are one run of `names`.
pub(super) struct Blocks {
    names: Vec<u32>,
    runs: FxHashMap<u64, (u32, u32)>,
}

/// Where a name looks for partners.
#[derive(Clone, Copy)]
enum Anchor {
    /// The word at this position.
    Word(usize),
    /// The words at this position and the next.
    Pair(usize),
}

impl Blocks {
    pub(super) fn new(names: &[Vec<u32>]) -> Self {
        let mut entries: Vec<(u64, u32)> = names
            .par_iter()
            .enumerate()
            .flat_map_iter(|(index, words)| {
                let index = u32::try_from(index).unwrap_or(u32::MAX);
                let n = words.len();
                let singles = (0..n).map(move |p| (word_key(n, p, words[p]), index));
                let pairs =
                    (1..n).map(move |p| (pair_key(n, p - 1, words[p - 1], words[p]), index));
                singles.chain(pairs)
            })
            .collect();
        entries.par_sort_unstable();
        let mut runs: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        for (start, run) in entries.chunk_by(|x, y| x.0 == y.0).scan(0, |start, run| {
            let at = *start;
            *start += run.len();
            Some((at, run))
        }) {
            runs.insert(
                run[0].0,
                (
                    u32::try_from(start).unwrap_or(u32::MAX),
                    u32::try_from(run.len()).unwrap_or(u32::MAX),
                ),
            );
        }
        Self {
            names: entries.into_iter().map(|(_, name)| name).collect(),
            runs,
        }
    }

    /// The names filed under `key`.
    fn block(&self, key: u64) -> &[u32] {
        self.runs.get(&key).map_or(&[], |&(start, len)| {
            self.names
                .get(start as usize..start as usize + len as usize)
                .unwrap_or_default()
        })
    }

    pub(super) fn block_len(&self, key: u64) -> usize {
        self.runs.get(&key).map_or(0, |&(_, len)| len as usize)
    }

    /// Every name in the smallest block among the name's anchors widened by `close` (the
    /// words close to the word at a position, itself included): a superset of its partners.
    ///
    /// A pair's block is estimated from the pairs with one word as written, one lookup per
    /// close word rather than one per pair of them (two misspelt words are rare); the
    /// estimate only steers the choice, the block taken is always the whole widened one.
    pub(super) fn candidates<'a, F>(&'a self, words: &'a [u32], close: F) -> Vec<u32>
    where
        F: Fn(usize) -> &'a [u32],
    {
        let n = words.len();
        let mut best: Option<(usize, Anchor)> = None;
        for p in 0..n {
            let size: usize = close(p)
                .iter()
                .map(|&w| self.block_len(word_key(n, p, w)))
                .sum();
            if best.is_none_or(|(smallest, _)| size < smallest) {
                best = Some((size, Anchor::Word(p)));
            }
        }
        for p in 1..n {
            let (left, right) = (close(p - 1), close(p));
            // Taking a pair costs a lookup per pair of close words: only worth it when that
            // is fewer than the names of the best block so far.
            if best.is_some_and(|(smallest, _)| left.len() * right.len() >= smallest) {
                continue;
            }
            let (l, r) = (words[p - 1], words[p]);
            let size: usize = left
                .iter()
                .map(|&a| self.block_len(pair_key(n, p - 1, a, r)))
                .chain(
                    right
                        .iter()
                        .filter(|&&b| b != r)
                        .map(|&b| self.block_len(pair_key(n, p - 1, l, b))),
                )
                .sum();
            if best.is_none_or(|(smallest, _)| size < smallest) {
                best = Some((size, Anchor::Pair(p - 1)));
            }
        }
        let mut found = Vec::with_capacity(best.map_or(0, |(size, _)| size));
        match best {
            None => {}
            Some((_, Anchor::Word(p))) => {
                for &w in close(p) {
                    found.extend_from_slice(self.block(word_key(n, p, w)));
                }
            }
            Some((_, Anchor::Pair(p))) => {
                for &a in close(p) {
                    for &b in close(p + 1) {
                        found.extend_from_slice(self.block(pair_key(n, p, a, b)));
                    }
                }
            }
        }
        found
    }
}

pub(super) fn word_key(n: usize, position: usize, word: u32) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    (0u8, n, position, word).hash(&mut hasher);
    hasher.finish()
}

fn pair_key(n: usize, position: usize, word: u32, next: u32) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    (1u8, n, position, word, next).hash(&mut hasher);
    hasher.finish()
}
