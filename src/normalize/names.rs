//! Name resolution: spellings to entities (DESIGN 2.1).
//!
//! Owns the decision of which spellings name the same thing, in one namespace (names, or
//! properties). In order of confidence:
//! 1. the same key after folding ("Japan–NATO relations" = "japan-nato relations"), or a
//!    declared alias;
//! 2. acronym and expansion: a definition found in the dataset's own text, or an acronym
//!    whose letters are the initials of exactly one long name in the namespace;
//! 3. a fuzzy match ([`fuzzy`]): the weaker name is attached to the better supported one
//!    as a *variant*, which the caller reports.
//!
//! The canonical spelling of an entity is the declared one, else the most frequent. Two
//! declared entities are never merged, a variant never has variants of its own (no chains
//! A~B~C), and ties are broken by first appearance, so the result is deterministic.
//! Building findings from variants is the caller's job: this module knows no claims.

use rustc_hash::{FxHashMap, FxHashSet};

use rayon::prelude::*;

use crate::files::Span;
use crate::findings::{Code, Finding};
use crate::model::{Entity, EntityId, Namespace, Spelling, SpellingId};
use crate::normalize::acronym;
use crate::normalize::fold::{compact_key, fold_words};
use crate::normalize::fuzzy::{self, Level, Match};

/// Fuzzy matching settings (`[names]` in `rules.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSettings {
    /// Levels that make a name a variant.
    pub levels: Vec<Level>,
    /// Names shorter than this are never matched fuzzily.
    pub min_length: usize,
}

impl Default for NameSettings {
    fn default() -> Self {
        Self {
            levels: vec![Level::Close, Level::Similar, Level::Reordered],
            min_length: 4,
        }
    }
}

/// Collects distinct spellings, how often each is used, and by how many sources.
#[derive(Debug, Default)]
pub struct Interner {
    lookup: FxHashMap<Box<str>, SpellingId>,
    texts: Vec<Box<str>>,
    mentions: Vec<u32>,
    sources: Vec<Sources>,
}

/// Which sources use a spelling: enough to tell one source from several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sources {
    None,
    One(u32),
    Several,
}

impl Sources {
    fn add(self, source: u32) -> Self {
        match self {
            Sources::None => Sources::One(source),
            Sources::One(first) if first == source => self,
            _ => Sources::Several,
        }
    }

    fn merge(self, other: Sources) -> Self {
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

/// An `[[entity]]` or `[[property]]` of `rules.toml`: names that are one thing.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// The canonical spelling and where it is declared.
    pub canonical: (SpellingId, Span),
    /// Other spellings and where they are declared.
    pub aliases: Vec<(SpellingId, Span)>,
    /// The whole declaration.
    pub span: Span,
}

/// A fuzzy variant: a group of spellings attached to a better supported entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The spellings that make up the variant.
    pub spellings: Vec<SpellingId>,
    /// The entity they were attached to.
    pub target: EntityId,
    /// The variant's spelling that matched.
    pub from: SpellingId,
    /// The target's spelling it matched.
    pub to: SpellingId,
    /// How closely.
    pub found: Match,
}

/// The outcome of resolving one namespace.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// Spellings and entities.
    pub namespace: Namespace,
    /// The entity of each declaration, in declaration order.
    pub declared: Vec<EntityId>,
    /// Fuzzy variants, to report.
    pub variants: Vec<Variant>,
    /// Contradictions in the declarations.
    pub problems: Vec<Finding>,
    lookup: FxHashMap<String, EntityId>,
}

impl Resolution {
    /// The entity a text names, if any spelling in the namespace folds to it.
    #[must_use]
    pub fn lookup(&self, text: &str) -> Option<EntityId> {
        self.lookup.get(&compact_key(text)).copied()
    }

    /// Every distinct spelling, for "did you mean" suggestions.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        self.namespace.spellings.iter().map(|s| &*s.text)
    }
}

/// Resolves a namespace.
///
/// `links` are acronym definitions found in the dataset (acronym, expansion); with
/// `acronyms`, undefined acronyms are also matched against the initials of long names.
#[must_use]
pub fn resolve(
    interner: Interner,
    declarations: &[Declaration],
    links: &[(SpellingId, SpellingId)],
    acronyms: bool,
    settings: &NameSettings,
) -> Resolution {
    let mut state = State::new(interner);
    let problems = state.declare(declarations);
    for &(short, long) in links {
        state.join(
            state.key_of[short.0 as usize],
            state.key_of[long.0 as usize],
        );
    }
    if acronyms {
        state.link_undefined_acronyms();
    }
    let attached = state.attach_variants(settings);
    state.finish(declarations, &attached, problems)
}

/// Where a fuzzy variant cluster (by root key) was attached: target root, the two keys that
/// matched, and how.
type Attachments = FxHashMap<u32, (u32, u32, u32, Match)>;

/// Resolution in progress: spellings grouped into keys (one per folded form), keys merged
/// into clusters by a union-find, clusters owned by at most one declaration.
struct State {
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
}

impl State {
    /// Spellings that fold to the same key are one name.
    fn new(interner: Interner) -> Self {
        let Interner {
            texts,
            mentions,
            sources,
            ..
        } = interner;
        let words: Vec<Vec<String>> = texts.par_iter().map(|t| fold_words(t)).collect();
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
        }
    }

    /// Merges every declaration's names; a name declared for two entities is a problem.
    fn declare(&mut self, declarations: &[Declaration]) -> Vec<Finding> {
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
    fn join(&mut self, a: u32, b: u32) -> bool {
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
    fn link_undefined_acronyms(&mut self) {
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

    /// Attaches fuzzy variants greedily: closest pairs first, the weaker cluster to the
    /// stronger (declared, then more mentions, then first seen). A declared cluster is never
    /// attached, and nothing is attached to a variant or attached after absorbing one.
    fn attach_variants(&mut self, settings: &NameSettings) -> Attachments {
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
        let strength = |root: u32| {
            let (declared, count, first) =
                support.get(&root).copied().unwrap_or((false, 0, u32::MAX));
            (declared, count, std::cmp::Reverse(first))
        };
        let mut pairs: Vec<(u32, u32, Match)> =
            fuzzy::matching_pairs(&self.key_words, settings.min_length)
                .into_iter()
                .filter(|(_, _, m)| settings.levels.contains(&m.level))
                .collect();
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
    fn finish(
        mut self,
        declarations: &[Declaration],
        attached: &Attachments,
        problems: Vec<Finding>,
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
        let mut entities: Vec<Entity> = Vec::new();
        for &root in &roots {
            if attached.contains_key(&root) || entity_of_root.contains_key(&root) {
                continue;
            }
            let (canonical, declared) = if let Some(&index) = self.owner.get(&root) {
                let declaration = &declarations[index];
                (
                    self.texts[declaration.canonical.0.0 as usize].clone(),
                    Some(declaration.canonical.1),
                )
            } else {
                let best = members[&root]
                    .iter()
                    .copied()
                    .max_by_key(|&s| (self.mentions[s], std::cmp::Reverse(s)))
                    .unwrap_or_default();
                (self.texts[best].clone(), None)
            };
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

        let spellings: Vec<Spelling> = self
            .texts
            .iter()
            .zip(&roots)
            .map(|(text, &root)| Spelling {
                text: text.clone(),
                entity: entity_of(root),
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
        }
    }
}

/// Disjoint sets over `0..n`, with path halving.
#[derive(Debug, Clone)]
struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..u32::try_from(n).unwrap_or(u32::MAX)).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grandparent = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grandparent;
            x = grandparent;
        }
        x
    }

    /// Merges the sets of `a` and `b`; the smaller root survives, for determinism.
    fn union(&mut self, a: u32, b: u32) -> u32 {
        let (ra, rb) = (self.find(a), self.find(b));
        let (keep, merge) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        self.parent[merge as usize] = keep;
        keep
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::FileId;

    fn span() -> Span {
        Span::new(FileId(0), 0..1)
    }

    fn entity(resolution: &Resolution, text: &str) -> String {
        let id = resolution.lookup(text).expect("known name");
        resolution.namespace.canonical(id).to_owned()
    }

    #[test]
    fn folding_merges_and_the_most_frequent_spelling_is_canonical() {
        let mut names = Interner::default();
        names.mention("Japan–NATO relations", 0);
        names.mention("Japan-NATO relations", 0);
        names.mention("Japan-NATO relations", 0);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        assert_eq!(r.namespace.entities.len(), 1);
        assert_eq!(entity(&r, "japan nato relations"), "Japan-NATO relations");
    }

    #[test]
    fn declared_aliases_and_canonical_win() {
        let mut names = Interner::default();
        names.mention("ITPP", 0);
        names.mention("personalized partnership program", 0);
        let canonical = names.declare("Individually Tailored Partnership Programme");
        let alias_1 = names.declare("ITPP");
        let alias_2 = names.declare("personalized partnership program");
        let declarations = [Declaration {
            canonical: (canonical, span()),
            aliases: vec![(alias_1, span()), (alias_2, span())],
            span: span(),
        }];
        let r = resolve(names, &declarations, &[], true, &NameSettings::default());
        assert_eq!(r.namespace.entities.len(), 1);
        assert_eq!(
            entity(&r, "ITPP"),
            "Individually Tailored Partnership Programme"
        );
    }

    #[test]
    fn a_name_declared_twice_is_a_rules_problem() {
        let mut names = Interner::default();
        let a = names.declare("A long name");
        let b = names.declare("Another name");
        let x = names.declare("XYZW");
        let declarations = [
            Declaration {
                canonical: (a, span()),
                aliases: vec![(x, span())],
                span: span(),
            },
            Declaration {
                canonical: (b, span()),
                aliases: vec![(x, span())],
                span: span(),
            },
        ];
        let r = resolve(names, &declarations, &[], true, &NameSettings::default());
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].code, Code::LoadRules);
        assert_eq!(r.namespace.entities.len(), 2);
    }

    #[test]
    fn a_declaration_whose_name_is_taken_keeps_its_aliases_apart() {
        let mut names = Interner::default();
        let alpha = names.declare("Alpha Org");
        let beta = names.declare("Beta Org");
        let gamma = names.declare("Gamma Org");
        let declarations = [
            Declaration {
                canonical: (alpha, span()),
                aliases: vec![(beta, span())],
                span: span(),
            },
            Declaration {
                canonical: (beta, span()),
                aliases: vec![(gamma, span())],
                span: span(),
            },
        ];
        let r = resolve(names, &declarations, &[], true, &NameSettings::default());
        assert_eq!(r.problems.len(), 1);
        assert_ne!(r.lookup("Gamma Org"), r.lookup("Alpha Org"));
    }

    #[test]
    fn acronyms_link_through_definitions_and_through_initials() {
        let mut names = Interner::default();
        let short = names.mention("ITPP", 0);
        let long = names.declare("Individually Tailored Partnership Program");
        names.mention("IPCP", 0);
        names.mention("Individual Partnership and Cooperation Programme", 0);
        let r = resolve(names, &[], &[(short, long)], true, &NameSettings::default());
        assert_eq!(
            r.lookup("ITPP"),
            r.lookup("Individually Tailored Partnership Program")
        );
        assert_eq!(
            r.lookup("IPCP"),
            r.lookup("individual partnership and cooperation program")
        );
        assert_ne!(r.lookup("ITPP"), r.lookup("IPCP"));
    }

    #[test]
    fn an_acronym_with_an_expansion_does_not_swallow_look_alike_names() {
        let mut names = Interner::default();
        let canonical = names.declare("Regional Cooperation Programme");
        let alias = names.declare("RCP");
        names.mention("Regional Cooperation Programme", 0);
        names.mention("Regional Cooperaton Programme", 0);
        let declarations = [Declaration {
            canonical: (canonical, span()),
            aliases: vec![(alias, span())],
            span: span(),
        }];
        let r = resolve(names, &declarations, &[], true, &NameSettings::default());
        assert_eq!(
            r.variants.len(),
            1,
            "the misspelling is a variant, not an acronym match"
        );
        assert_eq!(
            r.namespace.text(r.variants[0].from),
            "Regional Cooperaton Programme"
        );
    }

    #[test]
    fn similar_acronyms_of_different_expansions_stay_apart() {
        let mut names = Interner::default();
        names.mention("SSBT", 0);
        names.mention("Shoubou Stai Bai Treaty", 0);
        names.mention("GSBT", 0);
        names.mention("Gotaru Shounovais Bouvurn Treaty", 0);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        assert!(r.variants.is_empty(), "{:?}", r.variants);
        assert_eq!(r.namespace.entities.len(), 2);
        assert_eq!(r.lookup("SSBT"), r.lookup("Shoubou Stai Bai Treaty"));
    }

    #[test]
    fn a_misspelt_acronym_becomes_a_variant_of_the_real_one() {
        let mut names = Interner::default();
        names.mention("ITPP", 0);
        names.mention("ITPP", 0);
        names.mention("ITTP", 0);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        assert_eq!(r.namespace.entities.len(), 1);
        assert_eq!(r.variants.len(), 1);
        let variant = &r.variants[0];
        assert_eq!(r.namespace.text(variant.from), "ITTP");
        assert_eq!(r.namespace.text(variant.to), "ITPP");
        assert_eq!(variant.found.level, Level::Close);
    }

    #[test]
    fn variants_do_not_chain_and_declared_entities_do_not_merge() {
        let mut names = Interner::default();
        for _ in 0..3 {
            names.mention("abcdefgh", 0);
        }
        names.mention("abcdefgx", 0);
        names.mention("abcdefxx", 0);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        // abcdefgx attaches to abcdefgh; abcdefxx could only reach it through abcdefgx.
        assert_eq!(r.variants.len(), 1);
        assert_eq!(r.namespace.entities.len(), 2);

        let mut names = Interner::default();
        let a = names.declare("Shigeru Ishiba");
        let b = names.declare("Shigeru Ishida");
        let declarations = [
            Declaration {
                canonical: (a, span()),
                aliases: vec![],
                span: span(),
            },
            Declaration {
                canonical: (b, span()),
                aliases: vec![],
                span: span(),
            },
        ];
        let r = resolve(names, &declarations, &[], true, &NameSettings::default());
        assert!(r.variants.is_empty());
        assert_eq!(r.namespace.entities.len(), 2);
    }

    #[test]
    fn short_words_a_letter_apart_are_variants_only_as_acronyms() {
        let mut names = Interner::default();
        names.mention("Iraq", 0);
        names.mention("Iraq", 1);
        names.mention("Iran", 2);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        assert!(r.variants.is_empty());
        assert_eq!(r.namespace.entities.len(), 2);

        let mut names = Interner::default();
        names.mention("ITPP", 0);
        names.mention("ITPP", 1);
        names.mention("ITTP", 2);
        names.mention("Irnaq", 2);
        names.mention("Iranq", 3);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        assert_eq!(r.variants.len(), 2, "an acronym slip and a swap are typos");
    }

    #[test]
    fn a_spelling_several_sources_use_is_not_a_variant() {
        let mut names = Interner::default();
        for source in 0..3 {
            names.mention("Ireland", source);
        }
        names.mention("Iceland", 3);
        names.mention("Iceland", 4);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        assert!(r.variants.is_empty());

        let mut names = Interner::default();
        for source in 0..3 {
            names.mention("Ireland", source);
        }
        names.mention("Irelnad", 3);
        let r = resolve(names, &[], &[], true, &NameSettings::default());
        assert_eq!(
            r.variants.len(),
            1,
            "a one-source spelling is still a likely typo"
        );
    }

    #[test]
    fn only_enabled_levels_make_variants() {
        let mut names = Interner::default();
        names.mention("Japan NATO relations", 0);
        names.mention("NATO Japan relations", 0);
        let settings = NameSettings {
            levels: vec![Level::Close],
            min_length: 4,
        };
        let r = resolve(names, &[], &[], true, &settings);
        assert!(r.variants.is_empty());
        assert_eq!(r.namespace.entities.len(), 2);
    }
}
