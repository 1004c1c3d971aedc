//! Interning: every distinct spelling once, with how often and by how many sources it is used.
//!
//! Owns the numbering of spellings in order of first appearance (which makes resolution
//! deterministic) and the use counts that decide canonical spellings and what counts as
//! established. Knows nothing of what spellings mean.

use rustc_hash::FxHashMap;

use crate::model::SpellingId;

/// Collects distinct spellings, how often each is used, and by how many sources.
#[derive(Debug, Default)]
pub struct Interner {
    lookup: FxHashMap<Box<str>, SpellingId>,
    pub(super) texts: Vec<Box<str>>,
    pub(super) mentions: Vec<u32>,
    pub(super) sources: Vec<Sources>,
}

/// Which sources use a spelling: enough to tell one source from several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sources {
    None,
    One(u32),
    Several,
}

impl Sources {
    pub(super) fn add(self, source: u32) -> Self {
        match self {
            Sources::None => Sources::One(source),
            Sources::One(first) if first == source => self,
            _ => Sources::Several,
        }
    }

    pub(super) fn merge(self, other: Sources) -> Self {
        match other {
            Sources::None => self,
            Sources::One(source) => self.add(source),
            Sources::Several => Sources::Several,
        }
    }
}

impl Interner {
    /// Records one use of a spelling, by the source with index `source`.
    pub fn mention(&mut self, text: &str, source: u32) -> SpellingId {
        let id = self.declare(text);
        let index = id.0 as usize;
        self.mentions[index] += 1;
        self.sources[index] = self.sources[index].add(source);
        id
    }

    /// Records a spelling that is not a use (a declaration, or a definition in a quote).
    pub fn declare(&mut self, text: &str) -> SpellingId {
        if let Some(&id) = self.lookup.get(text) {
            return id;
        }
        let id = SpellingId(u32::try_from(self.texts.len()).unwrap_or(u32::MAX));
        self.lookup.insert(Box::from(text), id);
        self.texts.push(Box::from(text));
        self.mentions.push(0);
        self.sources.push(Sources::None);
        id
    }

    /// The text of a spelling.
    #[must_use]
    pub fn text(&self, spelling: SpellingId) -> &str {
        &self.texts[spelling.0 as usize]
    }

    /// How many spellings were seen.
    #[must_use]
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether no spelling was seen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}
