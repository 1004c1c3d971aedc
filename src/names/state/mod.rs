//! Resolution in progress: spellings grouped into keys, keys merged into clusters, clusters
//! turned into entities.
//!
//! Owns the steps of [`super::resolve`] in order: declarations, acronym links, fuzzy
//! variants, canonical spellings.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::findings::{Code, Finding};
use crate::model::{Entity, EntityId, Link, Namespace, Spelling, SpellingId};
use crate::names::acronym;
use crate::names::fuzzy::{self, Match};
use crate::text::fold::compact_key;

use super::evidence::{self, Side, Support, Use, Verdict};
use super::interner::{Interner, Sources};
use super::person::Person;

mod people;
use super::union_find::UnionFind;
use super::{Declaration, NameSettings, Resolution, Variant};

/// Where a fuzzy variant cluster (by root key) was attached: target root, the two keys that
/// matched, and how.
pub(super) type Attachments = FxHashMap<u32, (u32, u32, u32, Match)>;

/// Two keys that match fuzzily, and how.
type Pair = (u32, u32, Match);

/// Resolution in progress: spellings grouped into keys (one per folded form), keys merged
/// into clusters by a union-find, clusters owned by at most one declaration.
pub(super) struct State {
    texts: Vec<Box<str>>,
    mentions: Vec<u32>,
    sources: Vec<Sources>,
    words: Vec<Vec<String>>,
    key_index: FxHashMap<String, u32>,
    key_words: Vec<Vec<String>>,
    key_of: Vec<u32>,
    sets: UnionFind,
    /// The declaration owning each cluster, by root; kept up to date as clusters merge, so
    /// that no merge ever joins two declarations.
    owner: FxHashMap<u32, usize>,
    /// Each key that reads as a person's name, and the person.
    people: FxHashMap<u32, Person>,
    /// Keys joined to their entity as the same person (titles, order, initials).
    person_keys: FxHashSet<u32>,
}

impl State {
    /// The key of a spelling.
    pub(super) fn key_of(&self, spelling: SpellingId) -> u32 {
        self.key_of[spelling.0 as usize]
    }

    /// Spellings that fold to the same key are one name.
    /// Abbreviations are expanded first ("Mt." is "mount").
    pub(super) fn new(interner: Interner, abbreviations: &super::Abbreviations) -> Self {
        let Interner {
            texts,
            mentions,
            sources,
            ..
        } = interner;
        let words: Vec<Vec<String>> = texts.par_iter().map(|t| abbreviations.words(t)).collect();
        let mut key_index: FxHashMap<String, u32> = FxHashMap::default();
        let mut key_words: Vec<Vec<String>> = Vec::new();
        let mut key_of = Vec::with_capacity(texts.len());
        for (text, spelling_words) in texts.iter().zip(&words) {
            let next = u32::try_from(key_words.len()).unwrap_or(u32::MAX);
            let identity = if spelling_words.is_empty() {
                compact_key(text)
            } else {
                spelling_words.concat()
            };
            let key = *key_index.entry(identity).or_insert_with(|| {
                key_words.push(spelling_words.clone());
                next
            });
            key_of.push(key);
        }
        let sets = UnionFind::new(key_words.len());
        Self {
            texts,
            mentions,
            sources,
            words,
            key_index,
            key_words,
            key_of,
            sets,
            owner: FxHashMap::default(),
            people: FxHashMap::default(),
            person_keys: FxHashSet::default(),
        }
    }

    /// Merges every declaration's names; a name declared for two entities is a problem.
    pub(super) fn declare(&mut self, declarations: &[Declaration]) -> Vec<Finding> {
        let mut problems = Vec::new();
        for (index, declaration) in declarations.iter().enumerate() {
            let canonical = self.key_of[declaration.canonical.0.0 as usize];
            // A declaration whose own name belongs to another is skipped whole: merging its
            // aliases into the other entity would be a guess.
            let names = std::iter::once(&declaration.canonical).chain(&declaration.aliases);
            for (position, &(spelling, span)) in names.enumerate() {
                let key = self.key_of[spelling.0 as usize];
                match self.owner.get(&self.sets.find(key)).copied() {
                    Some(other) if other != index => {
                        let first = &declarations[other];
                        problems.push(
                            Finding::new(
                                Code::LoadRules,
                                format!(
                                    "`{}` is declared for both `{}` and `{}`",
                                    self.texts[spelling.0 as usize],
                                    self.texts[first.canonical.0.0 as usize],
                                    self.texts[declaration.canonical.0.0 as usize],
                                ),
                            )
                            .with_help(
                                "a name can belong to one entity only: remove one of the two",
                            )
                            .at(span, "declared again here")
                            .at(first.canonical.1, "first declared here"),
                        );
                        if position == 0 {
                            break;
                        }
                    }
                    _ => {
                        let root = self.sets.union(canonical, key);
                        self.owner.insert(root, index);
                    }
                }
            }
        }
        problems
    }

    /// Merges the clusters of two keys unless they belong to two different declarations.
    pub(super) fn join(&mut self, a: u32, b: u32) -> bool {
        let (ra, rb) = (self.sets.find(a), self.sets.find(b));
        if ra == rb {
            return true;
        }
        let (oa, ob) = (self.owner.get(&ra).copied(), self.owner.get(&rb).copied());
        if oa.is_some() && ob.is_some() && oa != ob {
            return false;
        }
        let root = self.sets.union(ra, rb);
        if let Some(o) = oa.or(ob) {
            self.owner.insert(root, o);
        }
        true
    }

    /// Links each acronym that no definition explains to the one long name whose initials
    /// it is.
    pub(super) fn link_undefined_acronyms(&mut self) {
        // Long names by every acronym they can have, so an acronym is looked up exactly.
        let mut expansions: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (spelling, text) in self.texts.iter().enumerate() {
            if self.words[spelling].len() >= 2 {
                for acronym in acronym::possible_acronyms(text) {
                    expansions.entry(acronym).or_default().push(spelling);
                }
            }
        }
        for spelling in 0..self.texts.len() {
            let text = &self.texts[spelling];
            if !acronym::is_acronym(text) {
                continue;
            }
            let letters: String = acronym::letters(text).into_iter().collect();
            let Some(candidates) = expansions.get(&letters) else {
                continue;
            };
            let own = self.sets.find(self.key_of[spelling]);
            let mut roots: Vec<u32> = candidates
                .iter()
                .map(|&c| self.sets.find(self.key_of[c]))
                .collect();
            roots.sort_unstable();
            roots.dedup();
            // An acronym that already has an expansion keeps it: another long name with the
            // same initials is not linked (it may be a misspelling, for fuzzy matching to
            // report), and an ambiguous acronym is not linked at all.
            if let [root] = roots[..] {
                if root != own {
                    self.join(own, root);
                }
            }
        }
    }

    /// The fuzzy matches at the enabled levels, and misspelt given names with the length of
    /// the given name (which decides whether the name is short).
    fn candidate_pairs(
        &self,
        settings: &NameSettings,
    ) -> (Vec<Pair>, FxHashMap<(u32, u32), usize>) {
        let mut pairs: Vec<Pair> = fuzzy::matching_pairs(&self.key_words, settings.min_length)
            .into_iter()
            .filter(|(_, _, m)| settings.levels.contains(&m.level))
            .collect();
        // A misspelt given name is judged by the given name's length, not the whole name's.
        let mut given_length: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        for (a, b, found, letters) in self.given_name_slips() {
            if settings.levels.contains(&found.level) {
                given_length.insert((a, b), letters);
                if !pairs.iter().any(|&(x, y, _)| (x, y) == (a, b)) {
                    pairs.push((a, b, found));
                }
            }
        }
        (pairs, given_length)
    }

    /// Attaches fuzzy variants greedily: closest pairs first, the weaker cluster to the
    /// stronger (declared, then more mentions, then first seen). A declared cluster is never
    /// attached, and nothing is attached to a variant or attached after absorbing one.
    ///
    /// A match becomes a variant only with evidence ([`evidence`]): `uses` are the claims'
    /// uses of the spellings.
    pub(super) fn attach_variants(&mut self, settings: &NameSettings, uses: &[Use]) -> Attachments {
        let mut support: FxHashMap<u32, (bool, u64, u32)> = FxHashMap::default();
        let mut used_by: FxHashMap<u32, Sources> = FxHashMap::default();
        let mut acronym_keys = vec![false; self.key_words.len()];
        for (text, &key) in self.texts.iter().zip(&self.key_of) {
            acronym_keys[key as usize] |= acronym::is_acronym(text);
        }
        for (spelling, &key) in self.key_of.iter().enumerate() {
            let root = self.sets.find(key);
            let entry =
                support
                    .entry(root)
                    .or_insert((self.owner.contains_key(&root), 0, u32::MAX));
            entry.1 += u64::from(self.mentions[spelling]);
            entry.2 = entry.2.min(u32::try_from(spelling).unwrap_or(u32::MAX));
            let sources = used_by.entry(root).or_insert(Sources::None);
            *sources = sources.merge(self.sources[spelling]);
        }
        let (mut pairs, given_length) = self.candidate_pairs(settings);
        // The evidence of the clusters a pair may join, and only theirs: no step below merges
        // clusters, so these are the only roots looked up.
        let mut sides: FxHashMap<u32, Side> = pairs
            .iter()
            .flat_map(|&(a, b, _)| [self.sets.find(a), self.sets.find(b)])
            .map(|root| (root, Side::default()))
            .collect();
        for used in uses {
            if let Some(&key) = self.key_of.get(used.spelling.0 as usize) {
                if let Some(side) = sides.get_mut(&self.sets.find(key)) {
                    side.add(used);
                }
            }
        }
        let strength = |root: u32| {
            let (declared, count, first) =
                support.get(&root).copied().unwrap_or((false, 0, u32::MAX));
            (declared, count, std::cmp::Reverse(first))
        };
        pairs.sort_by_key(|&(a, b, m)| (m.level, m.edits, a, b));
        // Clusters that hold a name of several words: an acronym linked to its expansion.
        let mut long: FxHashSet<u32> = FxHashSet::default();
        for (key, words) in self.key_words.iter().enumerate() {
            if words.len() >= 2 {
                long.insert(self.sets.find(u32::try_from(key).unwrap_or(u32::MAX)));
            }
        }
        let mut attached: Attachments = FxHashMap::default();
        let mut absorbing: FxHashSet<u32> = FxHashSet::default();
        for (key_a, key_b, found) in pairs {
            let (ra, rb) = (self.sets.find(key_a), self.sets.find(key_b));
            if ra == rb {
                continue;
            }
            // Two one-word names a letter apart ("SSBT", "GSBT") whose clusters each have
            // their own long name are two things with similar acronyms: the long names,
            // compared on their own, decide.
            let short = self.key_words[key_a as usize].len() == 1
                && self.key_words[key_b as usize].len() == 1;
            if short && long.contains(&ra) && long.contains(&rb) {
                continue;
            }
            let (target, source, source_key, target_key) = if strength(ra) >= strength(rb) {
                (ra, rb, key_b, key_a)
            } else {
                (rb, ra, key_a, key_b)
            };
            // A spelling that several sources use independently is a name in its own
            // right ("Ireland" and "Iceland"), not a typo.
            let established = used_by.get(&source) == Some(&Sources::Several);
            if self.short_word_slip(key_a, key_b, &acronym_keys) {
                continue;
            }
            if self.owner.contains_key(&source)
                || established
                || attached.contains_key(&source)
                || absorbing.contains(&source)
                || attached.contains_key(&target)
            {
                continue;
            }
            let describe = |root: u32, key: u32| {
                let (declared, mentions, _) =
                    support.get(&root).copied().unwrap_or((false, 0, u32::MAX));
                Support {
                    side: sides.get(&root),
                    mentions,
                    several_sources: used_by.get(&root) == Some(&Sources::Several),
                    declared,
                    letters: self.key_words[key as usize]
                        .iter()
                        .map(|w| w.chars().count())
                        .sum(),
                }
            };
            let (mut rare, mut common) =
                (describe(source, source_key), describe(target, target_key));
            if let Some(&letters) = given_length.get(&(key_a, key_b)) {
                rare.letters = letters;
                common.letters = letters;
            }
            let verdict = evidence::judge(rare, common);
            if verdict != Verdict::Variant {
                continue;
            }
            attached.insert(source, (target, source_key, target_key, found));
            absorbing.insert(target);
        }
        attached
    }

    /// Whether two one-word names of five letters or fewer differ by a letter changed, added
    /// or dropped, and are not both acronyms: short words a letter apart are usually other
    /// words ("Iran", "Iraq"), while a slip in an acronym ("ITTP" for "ITPP") or two swapped
    /// letters are typical typos.
    fn short_word_slip(&self, a: u32, b: u32, acronym_keys: &[bool]) -> bool {
        let (x, y) = (&self.key_words[a as usize], &self.key_words[b as usize]);
        let ([x], [y]) = (x.as_slice(), y.as_slice()) else {
            return false;
        };
        if x.chars().count().max(y.chars().count()) > 5 || strsim::levenshtein(x, y) != 1 {
            return false;
        }
        !(acronym_keys[a as usize] && acronym_keys[b as usize])
    }

    /// Numbers the entities in order of first appearance, picks canonical spellings, and
    /// describes the variants.
    /// How each spelling came to its entity, for the report. The steps that join keys
    /// (declarations, acronyms, variants) leave no trace in the union-find, so it is told from
    /// what each step is keyed on: an attached cluster is a variant, the canonical spelling's
    /// key is canonical, a declared alias's key is an alias, and what else joined is an
    /// acronym or its expansion.
    fn links(
        &self,
        declarations: &[Declaration],
        attached: &Attachments,
        canonical_key: &FxHashMap<u32, u32>,
        roots: &[u32],
    ) -> Vec<Link> {
        let alias_keys: FxHashSet<u32> = declarations
            .iter()
            .flat_map(|d| d.aliases.iter().map(|(alias, _)| self.key_of(*alias)))
            .collect();
        self.key_of
            .iter()
            .zip(roots)
            .map(|(key, root)| {
                if attached.contains_key(root) {
                    Link::Variant
                } else if canonical_key.get(root) == Some(key) {
                    Link::Canonical
                } else if alias_keys.contains(key) {
                    Link::Alias
                } else if self.person_keys.contains(key) {
                    Link::Person
                } else {
                    Link::Acronym
                }
            })
            .collect()
    }

    /// How good a spelling is to show its entity, higher is better: a name that carries its
    /// own definition ("European Space Agency (ESA)") is shown as what it defines, and a
    /// person without a title, when those are written too; then the most used, then the first.
    fn display_rank(&self, spelling: usize) -> (bool, bool, u32, std::cmp::Reverse<usize>) {
        let defining = self.texts[spelling].contains('(');
        let titled = self
            .people
            .get(&self.key_of[spelling])
            .is_some_and(|p| !p.titles.is_empty());
        (
            !defining,
            !titled,
            self.mentions[spelling],
            std::cmp::Reverse(spelling),
        )
    }

    pub(super) fn finish(
        mut self,
        declarations: &[Declaration],
        attached: &Attachments,
        problems: Vec<Finding>,
        abbreviations: super::Abbreviations,
    ) -> Resolution {
        let roots: Vec<u32> = self
            .key_of
            .clone()
            .into_iter()
            .map(|k| self.sets.find(k))
            .collect();
        let mut members: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (spelling, &root) in roots.iter().enumerate() {
            members.entry(root).or_default().push(spelling);
        }
        let mut entity_of_root: FxHashMap<u32, EntityId> = FxHashMap::default();
        let mut canonical_key: FxHashMap<u32, u32> = FxHashMap::default();
        let mut entities: Vec<Entity> = Vec::new();
        for &root in &roots {
            if attached.contains_key(&root) || entity_of_root.contains_key(&root) {
                continue;
            }
            let (chosen, declared) = if let Some(&index) = self.owner.get(&root) {
                let declaration = &declarations[index];
                (
                    declaration.canonical.0.0 as usize,
                    Some(declaration.canonical.1),
                )
            } else {
                let best = members[&root]
                    .iter()
                    .copied()
                    .max_by_key(|&s| self.display_rank(s))
                    .unwrap_or_default();
                (best, None)
            };
            let canonical = self.texts[chosen].clone();
            canonical_key.insert(root, self.key_of[chosen]);
            entity_of_root.insert(
                root,
                EntityId(u32::try_from(entities.len()).unwrap_or(u32::MAX)),
            );
            entities.push(Entity {
                canonical,
                declared,
            });
        }
        let entity_of = |root: u32| -> EntityId {
            let root = attached.get(&root).map_or(root, |&(target, ..)| target);
            entity_of_root.get(&root).copied().unwrap_or(EntityId(0))
        };

        let links = self.links(declarations, attached, &canonical_key, &roots);
        let spellings: Vec<Spelling> = self
            .texts
            .iter()
            .zip(&roots)
            .enumerate()
            .map(|(spelling, (text, &root))| Spelling {
                text: text.clone(),
                entity: entity_of(root),
                link: links[spelling],
            })
            .collect();

        let mut first_spelling = vec![u32::MAX; self.key_words.len()];
        for (spelling, &key) in self.key_of.iter().enumerate().rev() {
            first_spelling[key as usize] = u32::try_from(spelling).unwrap_or(u32::MAX);
        }
        let mut variants: Vec<Variant> = attached
            .iter()
            .map(
                |(&source, &(target, source_key, target_key, found))| Variant {
                    spellings: members[&source]
                        .iter()
                        .map(|&s| SpellingId(u32::try_from(s).unwrap_or(u32::MAX)))
                        .collect(),
                    target: entity_of(target),
                    from: SpellingId(first_spelling[source_key as usize]),
                    to: SpellingId(first_spelling[target_key as usize]),
                    found,
                },
            )
            .collect();
        variants.sort_by_key(|v| v.spellings.first().copied());

        let lookup = std::mem::take(&mut self.key_index)
            .into_iter()
            .map(|(compact, key)| (compact, entity_of(self.sets.find(key))))
            .collect();
        let declared = declarations
            .iter()
            .map(|d| spellings[d.canonical.0.0 as usize].entity)
            .collect();
        Resolution {
            namespace: Namespace {
                spellings,
                entities,
            },
            declared,
            variants,
            problems,
            lookup,
            abbreviations,
        }
    }
}
