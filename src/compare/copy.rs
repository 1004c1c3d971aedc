//! Copy detection: pairs of sources that share more than independent sources would (DESIGN
//! 3, `source::copy`; 4.3, independent support).
//!
//! Owns the answer to "do these two sources depend on each other?", declared or detected.
//! Declared: one lists the other in `derived_from`, directly or through other sources, or
//! both derive from a common source. Detected: the two share enough evidence, after Dong,
//! Berti-Equille and Srivastava, "Integrating conflicting data: the role of source
//! dependence" (VLDB 2009): independent sources share true values all the time, so sharing
//! them says little, while they rarely share the same mistake or the same words. The
//! evidence is therefore
//! - **identical quotes**: the same words (at least [`MIN_QUOTE_WORDS`], after folding), the
//!   one trace of copying that does not depend on who is right;
//! - **rare values**: within one fact, the two state the same value in the same words, no
//!   other source states it (or anything compatible with it), and more other sources
//!   contradict it than state it (at least [`MIN_AGAINST`]): the value is a minority. Whether
//!   the pair is right or wrong, holding a minority value together is what independent
//!   sources seldom do.
//!
//! A value only the two sources state, with no other source on the fact, is not evidence:
//! nothing tells a shared mistake from a shared truth there, and counting it would make any
//! two accurate sources that cover the same ground look dependent. Nor is a value the two
//! hold against fewer others: two sources that agree against one stray value (a vandal's
//! edit, a typo) are a majority, which is what accurate independent sources look like
//! (on the Population benchmark of Wikipedia edit histories, counting them merged editors who
//! restore true values into one source, and the report's best-supported value fell from
//! 72.3% to 71.0% correct; `cargo bench --bench accuracy`).
//!
//! Near-linear in claims: quotes are bucketed by a hash of their folded words, values are only
//! looked at in facts whose sources disagree, and only pairs of sources that share evidence
//! are ever formed. Pure: no I/O. It must not decide severities or render anything.

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::compare::JudgedFact;
use crate::compare::facts::Fact;
use crate::compare::values::{Relation, claim_ref, distinct_values, relate, value_text};
use crate::compare::verdict::Verdict;
use crate::findings::{Code, Finding, Location, MAX_LOCATIONS, Role};
use crate::model::{Claim, Dataset, SourceIx};
use crate::normalize::names::union_find::UnionFind;
use crate::text::fold::fold;
use crate::text::quote;

/// A quote must have at least this many words (after folding) to count as evidence. Short
/// quotes ("in 2014", "the Secretary General said") are what independent sources write
/// alike; five words in the same order rarely are, unless one source took them from the other.
pub const MIN_QUOTE_WORDS: usize = 5;

/// A quote shared by more sources than this is boilerplate (a standard phrase, a disclaimer,
/// a press release every outlet reprints), not evidence that any two of them copy each
/// other; it is skipped. This also bounds the pairs one quote can form.
pub const BOILERPLATE_SOURCES: usize = 50;

/// A value two sources share is rare when at least this many other sources contradict it:
/// more than the two that state it.
pub const MIN_AGAINST: usize = 3;

/// Past this many distinct values, a fact is not searched for rare values: its sources are
/// all over the place, and agreeing there says nothing (and pairs would be quadratic).
const VALUE_LIMIT: usize = 256;

/// Two sources that depend on each other, declared or detected, with the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependence {
    /// The two sources, the one earlier in file order first.
    pub sources: (SourceIx, SourceIx),
    /// Whether `derived_from` links them: one derives from the other, directly or through
    /// other sources, or both derive from a common source.
    pub declared: bool,
    /// Whether their evidence reaches the `[copies]` thresholds.
    pub detected: bool,
    /// Identical quotes, one per quote: `(claim of the first source, claim of the second)`,
    /// each the first claim in its source with that quote; indexes into
    /// [`Dataset::claims`], sorted.
    pub quotes: Vec<(u32, u32)>,
    /// Rare values in common, one per pair of claims that does not already share a quote
    /// (a copied claim is counted once): `(claim of the first source, claim of the second)`,
    /// no claim twice, sorted.
    pub values: Vec<(u32, u32)>,
    /// How many claims the smaller of the two sources has.
    pub smaller: u32,
}

impl Dependence {
    /// How many pieces of evidence the two share: identical quotes and rare values.
    #[must_use]
    pub fn evidence(&self) -> usize {
        self.quotes.len() + self.values.len()
    }

    /// Whether the dependence is reported: detected, and not declared.
    #[must_use]
    pub fn is_undeclared(&self) -> bool {
        self.detected && !self.declared
    }
}

/// What two sources share, one piece at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Quote,
    Value,
}

/// One piece of evidence: the pair of sources (lower first), its kind, and the two claims in
/// the same order.
type Shared = ((u32, u32), Kind, (u32, u32));

/// The evidence of one bucket of quotes, and each claim of a counted quote with the quote's id.
type QuoteEvidence = (Vec<Shared>, Vec<(u32, u32)>);

/// The dependences, sorted by sources: every pair one of which lists the other in
/// `derived_from`, and every pair detected as dependent (declared too when `derived_from`
/// links them through other sources). Sources linked only through others are not listed as
/// pairs: [`independent_groups`] joins them through the links.
#[must_use]
pub fn dependences(dataset: &Dataset, facts: &[JudgedFact]) -> Vec<Dependence> {
    let (mut shared, quote_group) = shared_quotes(dataset);
    shared.extend(rare_values(dataset, facts));
    shared.par_sort_unstable();
    shared.dedup();

    let mut sizes = vec![0u32; dataset.sources.len()];
    for claim in &dataset.claims {
        if let Some(size) = sizes.get_mut(claim.source.0 as usize) {
            *size += 1;
        }
    }
    let mut lineage = Lineage::new(dataset);
    let direct = direct_pairs(dataset);
    let settings = dataset.copies;

    let mut found: Vec<Dependence> = Vec::new();
    let mut covered: FxHashSet<(u32, u32)> = FxHashSet::default();
    for run in shared.chunk_by(|a, b| a.0 == b.0) {
        let pair = run[0].0;
        let quotes: Vec<(u32, u32)> = run
            .iter()
            .filter(|s| s.1 == Kind::Quote)
            .map(|s| s.2)
            .collect();
        // A claim counts once: a claim without separating qualifiers is in several facts.
        let mut used: FxHashSet<u32> = FxHashSet::default();
        let mut values: Vec<(u32, u32)> = Vec::new();
        for &(_, kind, (a, b)) in run {
            let same_quote = quote_group
                .get(&a)
                .is_some_and(|group| quote_group.get(&b) == Some(group));
            if kind == Kind::Value && !same_quote && !used.contains(&a) && !used.contains(&b) {
                used.extend([a, b]);
                values.push((a, b));
            }
        }
        let smaller = size_of(&sizes, pair.0).min(size_of(&sizes, pair.1));
        let evidence = quotes.len() + values.len();
        #[allow(clippy::cast_precision_loss)] // claim counts are far below 2^52
        let detected = u32::try_from(evidence).unwrap_or(u32::MAX) >= settings.min_shared
            && evidence as f64 >= settings.min_fraction * f64::from(smaller);
        let is_declared = direct.contains(&pair) || lineage.related(pair.0, pair.1);
        if detected || is_declared {
            covered.insert(pair);
            found.push(Dependence {
                sources: (SourceIx(pair.0), SourceIx(pair.1)),
                declared: is_declared,
                detected,
                quotes,
                values,
                smaller,
            });
        }
    }
    for &pair in &direct {
        if !covered.contains(&pair) {
            found.push(Dependence {
                sources: (SourceIx(pair.0), SourceIx(pair.1)),
                declared: true,
                detected: false,
                quotes: Vec::new(),
                values: Vec::new(),
                smaller: size_of(&sizes, pair.0).min(size_of(&sizes, pair.1)),
            });
        }
    }
    found.sort_unstable_by_key(|d| d.sources);
    found
}

fn size_of(sizes: &[u32], source: u32) -> u32 {
    sizes.get(source as usize).copied().unwrap_or(0)
}

/// The identical quotes between sources, and for every claim whose quote counts, the quote
/// it shares (as the index of the quote's first claim), so that a rare value whose claims
/// share a quote is not counted twice.
fn shared_quotes(dataset: &Dataset) -> (Vec<Shared>, FxHashMap<u32, u32>) {
    // Hashes first: a folded text per claim would hold the whole dataset's quotes twice. One
    // buffer per worker, so that folding allocates nothing per claim.
    let mut keyed: Vec<(u64, u32)> = dataset
        .claims
        .par_iter()
        .enumerate()
        .map_init(String::new, |folded, (index, claim)| {
            distinctive_quote(claim, folded)?;
            let mut hasher = FxHasher::default();
            folded.hash(&mut hasher);
            Some((hasher.finish(), u32::try_from(index).ok()?))
        })
        .flatten()
        .collect();
    keyed.par_sort_unstable();
    let candidates: Vec<&[(u64, u32)]> = keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| {
            let first = source_of(dataset, run[0].1);
            run.iter()
                .any(|&(_, claim)| source_of(dataset, claim) != first)
        })
        .collect();
    let groups: Vec<QuoteEvidence> = candidates
        .par_iter()
        .map(|run| quote_group(dataset, run))
        .collect();
    let mut shared = Vec::new();
    let mut members = FxHashMap::default();
    for (pieces, claims) in groups {
        shared.extend(pieces);
        members.extend(claims);
    }
    (shared, members)
}

/// Folds a claim's quote into `folded`; `None` when it has none long enough to be evidence.
fn distinctive_quote(claim: &Claim, folded: &mut String) -> Option<()> {
    let (quote, _) = claim.quote.as_ref()?;
    (quote::words(quote, folded) >= MIN_QUOTE_WORDS).then_some(())
}

fn source_of(dataset: &Dataset, claim: u32) -> u32 {
    dataset
        .claims
        .get(claim as usize)
        .map_or(u32::MAX, |c| c.source.0)
}

/// The evidence in one bucket of equal hashes: the quotes are folded again and compared, so
/// that a hash collision never counts, and each quote shared by two to
/// [`BOILERPLATE_SOURCES`] sources gives one piece per pair of them.
fn quote_group(dataset: &Dataset, run: &[(u64, u32)]) -> QuoteEvidence {
    let mut texts: Vec<(String, u32, u32)> = run
        .iter()
        .filter_map(|&(_, claim)| {
            let mut folded = String::new();
            distinctive_quote(dataset.claims.get(claim as usize)?, &mut folded)?;
            Some((folded, source_of(dataset, claim), claim))
        })
        .collect();
    texts.sort_unstable();
    let mut shared = Vec::new();
    let mut members = Vec::new();
    for same in texts.chunk_by(|a, b| a.0 == b.0) {
        // The first claim of each source with this quote (sorted by source, then claim).
        let mut firsts: Vec<(u32, u32)> = same.iter().map(|(_, s, c)| (*s, *c)).collect();
        firsts.dedup_by_key(|(source, _)| *source);
        if firsts.len() < 2 || firsts.len() > BOILERPLATE_SOURCES {
            continue;
        }
        let group = same.iter().map(|(_, _, c)| *c).min().unwrap_or(u32::MAX);
        members.extend(same.iter().map(|(_, _, c)| (*c, group)));
        for (i, &(a, claim_a)) in firsts.iter().enumerate() {
            for &(b, claim_b) in &firsts[i + 1..] {
                shared.push(((a, b), Kind::Quote, (claim_a, claim_b)));
            }
        }
    }
    (shared, members)
}

/// The rare values in common: in facts whose sources disagree, a value stated by exactly two
/// sources in the same words, that no other source states or agrees with and at least
/// [`MIN_AGAINST`] others contradict.
fn rare_values(dataset: &Dataset, facts: &[JudgedFact]) -> Vec<Shared> {
    facts
        .par_iter()
        .filter(|judged| {
            judged.verdict.is_some_and(Verdict::is_disagreement)
                && judged.fact.claims.len() >= 2 + MIN_AGAINST
        })
        .flat_map_iter(|judged| rare_in_fact(dataset, &judged.fact))
        .collect()
}

fn rare_in_fact(dataset: &Dataset, fact: &Fact) -> Vec<Shared> {
    let Some(rules) = dataset.property_rules.get(fact.property.0 as usize) else {
        return Vec::new();
    };
    let groups = distinct_values(dataset, &fact.claims);
    if rules.multi || groups.len() < 2 || groups.len() > VALUE_LIMIT {
        return Vec::new();
    }
    let sources: Vec<Vec<u32>> = groups
        .iter()
        .map(|group| {
            let mut sources: Vec<u32> = group.iter().map(|&c| source_of(dataset, c)).collect();
            sources.sort_unstable();
            sources.dedup();
            sources
        })
        .collect();
    let value = |group: &[u32]| &dataset.claims[group[0] as usize].value;
    let mut shared = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        let [a, b] = sources[g][..] else {
            continue;
        };
        // The other sources that contradict the value; none may agree with it.
        let mut against: Vec<u32> = Vec::new();
        let mut supported = false;
        for (h, other) in groups.iter().enumerate() {
            // Only what other sources say counts; a source may also contradict itself.
            if h == g || sources[h].iter().all(|&s| s == a || s == b) {
                continue;
            }
            match relate(dataset, rules, value(group), value(other)) {
                Relation::Verdict(verdict) if verdict.is_disagreement() => {
                    against.extend(sources[h].iter().filter(|&&s| s != a && s != b));
                }
                Relation::Verdict(_) => supported = true,
                Relation::Incomparable(_) => {}
            }
        }
        against.sort_unstable();
        against.dedup();
        if against.len() >= MIN_AGAINST && !supported {
            if let Some(claims) = alike(dataset, group, a, b) {
                shared.push(((a, b), Kind::Value, claims));
            }
        }
    }
    shared
}

/// The first claims of sources `a` and `b` in a group of equal values that state it in the
/// same words.
fn alike(dataset: &Dataset, group: &[u32], a: u32, b: u32) -> Option<(u32, u32)> {
    let worded = |source: u32| -> Vec<(String, u32)> {
        group
            .iter()
            .filter(|&&c| source_of(dataset, c) == source)
            .map(|&c| (fold(&dataset.claims[c as usize].stated), c))
            .collect()
    };
    let (of_a, of_b) = (worded(a), worded(b));
    of_a.iter().find_map(|(words, claim_a)| {
        of_b.iter()
            .find(|(other, _)| other == words)
            .map(|&(_, claim_b)| (*claim_a, claim_b))
    })
}

/// The pairs of sources one of which lists the other in `derived_from`, lower first. Only
/// these are kept as declared dependences without evidence: sources linked through others
/// (an excerpt of an excerpt, two excerpts of one article) are one independence group through
/// them anyway, and listing every such pair would be quadratic in a family of sources.
fn direct_pairs(dataset: &Dataset) -> FxHashSet<(u32, u32)> {
    let mut pairs = FxHashSet::default();
    for (index, source) in dataset.sources.iter().enumerate() {
        let child = u32::try_from(index).unwrap_or(u32::MAX);
        for parent in &source.derived_from {
            if parent.0 != child {
                pairs.insert((child.min(parent.0), child.max(parent.0)));
            }
        }
    }
    pairs
}

/// What each source derives from, directly or through others, found on demand: only the
/// sources of pairs that share evidence are ever asked about.
struct Lineage<'a> {
    dataset: &'a Dataset,
    ancestors: FxHashMap<u32, FxHashSet<u32>>,
}

impl<'a> Lineage<'a> {
    fn new(dataset: &'a Dataset) -> Self {
        Self {
            dataset,
            ancestors: FxHashMap::default(),
        }
    }

    /// A source and everything it derives from; a cycle stops where it closes.
    fn of(&mut self, source: u32) -> &FxHashSet<u32> {
        let dataset = self.dataset;
        self.ancestors.entry(source).or_insert_with(|| {
            let mut seen = FxHashSet::default();
            let mut stack = vec![source];
            while let Some(next) = stack.pop() {
                if seen.insert(next) {
                    if let Some(parent) = dataset.sources.get(next as usize) {
                        stack.extend(parent.derived_from.iter().map(|s| s.0));
                    }
                }
            }
            seen
        })
    }

    /// Whether `derived_from` links two sources: one derives from the other, directly or
    /// through others, or both from a common source.
    fn related(&mut self, a: u32, b: u32) -> bool {
        self.of(a);
        self.of(b);
        let (first, second) = (&self.ancestors[&a], &self.ancestors[&b]);
        first.iter().any(|x| second.contains(x))
    }
}

/// One cluster id per source: sources linked by any dependence, declared or detected, share
/// one, the index of the cluster's first source. Independent support for a value is the
/// number of distinct clusters among the sources that state it.
#[must_use]
pub fn independent_groups(dataset: &Dataset, dependences: &[Dependence]) -> Vec<u32> {
    let n = dataset.sources.len();
    let mut sets = UnionFind::new(n);
    for dependence in dependences {
        let (a, b) = dependence.sources;
        if (a.0 as usize) < n && (b.0 as usize) < n {
            sets.union(a.0, b.0);
        }
    }
    (0..u32::try_from(n).unwrap_or(u32::MAX))
        .map(|source| sets.find(source))
        .collect()
}

/// One `source::copy` finding per dependence that is detected and not declared, unless a
/// common ancestor already explains it: sources linked through others, by declared links or by
/// detected pairs reported before it (the most evidence first), are one family, and a copy
/// between two of its members is not reported again (`b` and `c` both copying `a`: two
/// findings, not three).
#[must_use]
pub fn findings(dataset: &Dataset, dependences: &[Dependence]) -> Vec<Finding> {
    let n = dataset.sources.len();
    let mut sets = UnionFind::new(n);
    let inside = |d: &Dependence| (d.sources.0.0 as usize) < n && (d.sources.1.0 as usize) < n;
    for dependence in dependences.iter().filter(|d| d.declared && inside(d)) {
        sets.union(dependence.sources.0.0, dependence.sources.1.0);
    }
    let mut undeclared: Vec<&Dependence> = dependences
        .iter()
        .filter(|d| d.is_undeclared() && inside(d))
        .collect();
    // Most evidence first; equal evidence by the sources' ids, so that the order of the files
    // does not decide which pair is the explained one.
    let ids = |d: &Dependence| {
        let id = |s: SourceIx| dataset.sources[s.0 as usize].id.as_str();
        let (x, y) = (id(d.sources.0), id(d.sources.1));
        (x.min(y), x.max(y))
    };
    undeclared.sort_by(|a, b| b.evidence().cmp(&a.evidence()).then(ids(a).cmp(&ids(b))));
    let mut reported: Vec<&Dependence> = undeclared
        .into_iter()
        .filter(|d| {
            let (a, b) = (d.sources.0.0, d.sources.1.0);
            let explained = sets.find(a) == sets.find(b);
            sets.union(a, b);
            !explained
        })
        .collect();
    reported.sort_by_key(|d| d.sources);
    reported.into_iter().map(|d| finding(dataset, d)).collect()
}

fn finding(dataset: &Dataset, dependence: &Dependence) -> Finding {
    let (first, second) = dependence.sources;
    let id = |source: SourceIx| {
        dataset
            .sources
            .get(source.0 as usize)
            .map_or("?", |s| s.id.as_str())
    };
    let (first_id, second_id) = (id(first), id(second));
    let mut parts = Vec::new();
    if !dependence.quotes.is_empty() {
        parts.push(count(dependence.quotes.len(), "identical quote"));
    }
    if !dependence.values.is_empty() {
        parts.push(count(dependence.values.len(), "rare value"));
    }
    let message = format!(
        "`{first_id}` and `{second_id}` look dependent: {} in common (of {} in the smaller)",
        parts.join(" and "),
        count(dependence.smaller as usize, "claim")
    );
    let help = format!(
        "if one copies or excerpts the other, declare it under the copy's [source]: \
         `derived_from = [\"{first_id}\"]` in `{second_id}`, or `derived_from = \
         [\"{second_id}\"]` in `{first_id}`; if both copy a third source, declare that one in \
         both; otherwise remove the duplicated claims"
    );
    let mut finding = Finding::new(Code::SourceCopy, message).with_help(help);

    // Pairs by the later source's claim, each copy next to what it matches, so that the first
    // locations shown cover both files. At most MAX_LOCATIONS are built: two sources can
    // share thousands of claims, and naming every one in every pair would be quadratic in
    // memory; the rest are counted. Which claims are named (and so the finding's identity in
    // reviews and baselines) is chosen by claim key, content rather than position, so that an
    // unrelated edit does not change it.
    let key = |claim: u32| {
        dataset
            .claims
            .get(claim as usize)
            .map_or("", |c| c.key.as_ref())
    };
    let mut pieces: Vec<(u32, u32, Kind)> = dependence
        .quotes
        .iter()
        .map(|&(a, b)| (b, a, Kind::Quote))
        .chain(dependence.values.iter().map(|&(a, b)| (b, a, Kind::Value)))
        .collect();
    let mut named: FxHashSet<u32> = FxHashSet::default();
    if pieces.len() * 2 > MAX_LOCATIONS {
        pieces.sort_unstable_by(|x, y| key(x.0).cmp(key(y.0)).then(x.cmp(y)));
        let mut kept = Vec::new();
        for piece in pieces {
            let new = [piece.0, piece.1]
                .iter()
                .filter(|c| !named.contains(c))
                .count();
            if named.len() + new > MAX_LOCATIONS {
                continue;
            }
            named.extend([piece.0, piece.1]);
            kept.push(piece);
        }
        pieces = kept;
    }
    let all: FxHashSet<u32> = dependence
        .quotes
        .iter()
        .chain(&dependence.values)
        .flat_map(|&(a, b)| [a, b])
        .collect();
    pieces.sort_unstable();
    let mut shown: FxHashSet<u32> = FxHashSet::default();
    for (later, earlier, kind) in pieces {
        for (claim, other) in [(later, earlier), (earlier, later)] {
            if shown.insert(claim) {
                if let Some(location) = location(dataset, claim, other, kind) {
                    finding.locations.push(location);
                }
            }
        }
    }
    finding.omitted = all.len() - shown.len();
    finding
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A claim of the evidence: its quote or its value, labelled with the claim it matches.
fn location(dataset: &Dataset, index: u32, other: u32, kind: Kind) -> Option<Location> {
    let claim = dataset.claims.get(index as usize)?;
    let other = dataset.claims.get(other as usize)?;
    let source = &dataset.source_of(claim).id;
    let address = format!("{}#{}", dataset.source_of(other).id, other.handle());
    let (span, label) = match (kind, &claim.quote) {
        (Kind::Quote, Some((_, span))) => (*span, format!("the same quote as {address}")),
        _ => (
            claim.value_span,
            format!(
                "{source} says {}, as only {address} does",
                value_text(dataset, claim)
            ),
        ),
    };
    Some(Location {
        span,
        label,
        claim: Some(claim_ref(dataset, claim)),
        role: Role::Involved,
    })
}

/// Every pair of sources that shares at least one piece of evidence (an identical quote or a
/// rare value), with how many pieces, sorted: the pairs [`dependences`] weighs, dependent or
/// not. It is the state copy detection holds across the whole dataset, which
/// `docs/scaling.md` measures; checking does not call it.
#[must_use]
pub fn candidate_pairs(
    dataset: &Dataset,
    facts: &[JudgedFact],
) -> Vec<((SourceIx, SourceIx), usize)> {
    let (mut shared, _) = shared_quotes(dataset);
    shared.extend(rare_values(dataset, facts));
    shared.par_sort_unstable();
    shared.dedup();
    shared
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| {
            let (a, b) = run[0].0;
            ((SourceIx(a), SourceIx(b)), run.len())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Checked;
    use crate::findings::Status;
    use crate::testing::{check, check_under, codes, quoted, reviews_of, source, with_code};
    use crate::triage::Policy;

    type Quoted = (&'static str, &'static str, &'static str, &'static str);

    /// Three claims with long quotes, as one source writes them.
    const COPIED: [Quoted; 3] = [
        (
            "Example Institute",
            "founded",
            "1998",
            "The institute was founded in 1998 by three professors",
        ),
        (
            "Example Institute",
            "director",
            "Ann Lee",
            "Ann Lee has directed the institute since its first day",
        ),
        (
            "Example Institute",
            "staff",
            "about 40",
            "It now employs about forty researchers and support staff",
        ),
    ];

    /// The same claims as another source copies them: case, punctuation, quote marks and
    /// spacing changed.
    const COPIED_AGAIN: [Quoted; 3] = [
        (
            "Example Institute",
            "founded",
            "1998",
            "THE INSTITUTE WAS FOUNDED IN 1998, BY THREE PROFESSORS.",
        ),
        (
            "Example Institute",
            "director",
            "Ann Lee",
            "Ann Lee has  directed the institute since its ‘first’ day",
        ),
        (
            "Example Institute",
            "staff",
            "about 40",
            "It now employs about forty researchers and support-staff",
        ),
    ];

    /// `n` claims about subjects of their own, with quotes nobody else has.
    fn own(tag: &str, n: usize) -> Vec<(String, String, String, String)> {
        (0..n)
            .map(|i| {
                (
                    format!("{tag} subject {i}"),
                    "noted".to_owned(),
                    format!("{tag} note {i}"),
                    format!("a sentence only {tag} writes, on {tag} note {i}"),
                )
            })
            .collect()
    }

    /// A claims file with `header`, the `shared` claims and `extra` claims of its own.
    fn file(header: &str, tag: &str, shared: &[Quoted], extra: usize) -> String {
        let own = own(tag, extra);
        let mut claims: Vec<(&str, &str, &str, &str)> = shared.to_vec();
        claims.extend(
            own.iter()
                .map(|(s, p, v, q)| (s.as_str(), p.as_str(), v.as_str(), q.as_str())),
        );
        quoted(header, &claims)
    }

    fn run(files: &[(&str, String)], rules: Option<&str>) -> Checked {
        let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        check(&files, rules)
    }

    /// The dependences as `(source id, source id, declared, detected)`.
    fn pairs(checked: &Checked) -> Vec<(String, String, bool, bool)> {
        let id = |s: SourceIx| checked.dataset.sources[s.0 as usize].id.clone();
        checked
            .comparison
            .dependences
            .iter()
            .map(|d| (id(d.sources.0), id(d.sources.1), d.declared, d.detected))
            .collect()
    }

    fn pair(a: &str, b: &str, declared: bool, detected: bool) -> (String, String, bool, bool) {
        (a.to_owned(), b.to_owned(), declared, detected)
    }

    #[test]
    fn a_finding_names_a_bounded_number_of_claims_and_counts_the_rest() {
        let shared: Vec<(String, String, String, String)> = (0..20)
            .map(|i| {
                (
                    format!("subject {i}"),
                    "noted".to_owned(),
                    format!("note {i}"),
                    format!("the very same sentence, on note {i} of them"),
                )
            })
            .collect();
        let claims: Vec<(&str, &str, &str, &str)> = shared
            .iter()
            .map(|(s, p, v, q)| (s.as_str(), p.as_str(), v.as_str(), q.as_str()))
            .collect();
        let text = crate::testing::quoted("", &claims);
        let checked = run(&[("a", text.clone()), ("b", text)], None);
        assert_eq!(codes(&checked), vec![Code::SourceCopy]);
        let finding = &checked.findings[0];
        assert_eq!(finding.locations.len(), MAX_LOCATIONS);
        assert_eq!(finding.omitted, 40 - MAX_LOCATIONS);
        assert_eq!(finding.shown_locations().1, 40 - MAX_LOCATIONS);
        assert_eq!(
            checked.comparison.dependences[0].quotes.len(),
            20,
            "the evidence itself is whole"
        );
        // Each named copy beside what it matches.
        let sources: Vec<&str> = finding
            .claims()
            .map(crate::findings::ClaimRef::source)
            .collect();
        assert_eq!(sources, ["b", "a"].repeat(MAX_LOCATIONS / 2));
    }

    #[test]
    fn identical_quotes_over_the_thresholds_make_one_finding_with_both_sides() {
        let checked = run(
            &[
                ("a", file("", "a", &COPIED, 2)),
                ("b", file("", "b", &COPIED_AGAIN, 2)),
                ("c", file("", "c", &[], 4)),
            ],
            None,
        );
        assert_eq!(codes(&checked), vec![Code::SourceCopy]);
        let finding = &checked.findings[0];
        assert_eq!(
            finding.message,
            "`a` and `b` look dependent: 3 identical quotes in common (of 5 claims in the \
             smaller)"
        );
        assert_eq!(finding.severity, crate::findings::Severity::Warning);
        let sides: Vec<(String, String)> = finding
            .claims()
            .map(|c| (c.source().to_owned(), c.stated().to_owned()))
            .collect();
        let expected: Vec<(String, String)> = ["1998", "Ann Lee", "about 40"]
            .iter()
            .flat_map(|v| {
                [
                    ("b".to_owned(), (*v).to_owned()),
                    ("a".to_owned(), (*v).to_owned()),
                ]
            })
            .collect();
        assert_eq!(
            sides, expected,
            "each copy next to its original, the later source first"
        );
        let primary = finding.primary().expect("a primary location");
        assert_eq!(
            primary.label, "the same quote as a#1",
            "the later source's first claim"
        );
        assert_eq!(
            checked.dataset.files.slice(primary.span),
            "\"THE INSTITUTE WAS FOUNDED IN 1998, BY THREE PROFESSORS.\""
        );
        assert_eq!(pairs(&checked), vec![pair("a", "b", false, true)]);
        let dependence = &checked.comparison.dependences[0];
        assert_eq!(dependence.quotes, vec![(0, 5), (1, 6), (2, 7)]);
        assert!(dependence.values.is_empty());
        assert_eq!(dependence.smaller, 5);
    }

    #[test]
    fn under_either_threshold_nothing_is_reported() {
        let checked = run(
            &[
                ("a", file("", "a", &COPIED[..2], 3)),
                ("b", file("", "b", &COPIED_AGAIN[..2], 3)),
            ],
            None,
        );
        assert!(checked.findings.is_empty(), "{:?}", codes(&checked));
        assert!(
            checked.comparison.dependences.is_empty(),
            "two are not enough"
        );

        let checked = run(
            &[
                ("a", file("", "a", &COPIED, 13)),
                ("b", file("", "b", &COPIED_AGAIN, 13)),
            ],
            None,
        );
        assert!(
            checked.findings.is_empty(),
            "3 of 16 claims is under a fifth"
        );
        assert!(checked.comparison.dependences.is_empty());
    }

    #[test]
    fn short_quotes_are_not_evidence() {
        let short: [Quoted; 3] = [
            ("X", "founded", "1998", "founded in 1998"),
            ("X", "director", "Ann Lee", "director Ann Lee said"),
            ("X", "staff", "about 40", "about forty staff members"),
        ];
        let checked = run(
            &[
                ("a", file("", "a", &short, 0)),
                ("b", file("", "b", &short, 0)),
            ],
            None,
        );
        assert!(checked.comparison.dependences.is_empty());
    }

    #[test]
    fn a_declared_dependence_is_kept_and_not_reported() {
        for (a, b) in [
            ("derived_from = [\"b\"]", ""),
            ("", "derived_from = [\"a\"]"),
        ] {
            let checked = run(
                &[
                    ("a", file(a, "a", &COPIED, 2)),
                    ("b", file(b, "b", &COPIED_AGAIN, 2)),
                    ("c", file("", "c", &[], 2)),
                ],
                None,
            );
            assert!(checked.findings.is_empty(), "{:?}", codes(&checked));
            assert_eq!(pairs(&checked), vec![pair("a", "b", true, true)]);
            assert_eq!(checked.comparison.dependences[0].quotes.len(), 3);
        }
    }

    #[test]
    fn copies_explained_by_a_common_ancestor_are_reported_once_each() {
        // b and c both copy a's quotes; b and c then share them too, through a.
        let checked = run(
            &[
                ("a", file("", "a", &COPIED, 2)),
                ("b", file("", "b", &COPIED_AGAIN, 2)),
                ("c", file("", "c", &COPIED_AGAIN, 2)),
                ("d", file("", "d", &[], 4)),
            ],
            None,
        );
        assert_eq!(
            pairs(&checked),
            vec![
                pair("a", "b", false, true),
                pair("a", "c", false, true),
                pair("b", "c", false, true),
            ],
            "every pair is detected"
        );
        assert_eq!(
            codes(&checked),
            vec![Code::SourceCopy, Code::SourceCopy],
            "b and c share a's words through a: not another copy"
        );
    }

    #[test]
    fn a_copy_between_two_excerpts_of_one_declared_source_is_not_reported() {
        // b and c declare they excerpt a, and share its words: explained by their ancestor.
        let checked = run(
            &[
                ("a", file("", "a", &[], 2)),
                ("b", file("derived_from = [\"a\"]", "b", &COPIED, 2)),
                ("c", file("derived_from = [\"a\"]", "c", &COPIED_AGAIN, 2)),
            ],
            None,
        );
        assert!(codes(&checked).is_empty(), "{:?}", codes(&checked));
    }

    #[test]
    fn derivation_is_transitive_and_through_a_common_source() {
        // c and d both excerpt x; e excerpts c. Only c and d share words.
        let checked = run(
            &[
                ("c", file("derived_from = [\"x\"]", "c", &COPIED, 1)),
                ("d", file("derived_from = [\"x\"]", "d", &COPIED_AGAIN, 1)),
                ("e", file("derived_from = [\"c\"]", "e", &[], 2)),
                ("x", file("", "x", &[], 2)),
                ("y", file("", "y", &[], 2)),
            ],
            None,
        );
        assert!(checked.findings.is_empty(), "{:?}", codes(&checked));
        assert_eq!(
            pairs(&checked),
            vec![
                pair("c", "d", true, true),
                pair("c", "e", true, false),
                pair("c", "x", true, false),
                pair("d", "x", true, false),
            ],
            "the derived_from links, and c and d: declared through x, and detected"
        );
        assert_eq!(
            independent_groups(&checked.dataset, &checked.comparison.dependences),
            vec![0, 0, 0, 0, 4],
            "y alone is independent of the rest"
        );
    }

    #[test]
    fn a_quote_many_sources_share_is_boilerplate() {
        let files: Vec<(String, String)> = (0..=BOILERPLATE_SOURCES)
            .map(|i| {
                let tag = format!("s{i:02}");
                let text = file("", &tag, &COPIED, 1);
                (tag, text)
            })
            .collect();
        let checked = run(
            &files
                .iter()
                .map(|(n, t)| (n.as_str(), t.clone()))
                .collect::<Vec<_>>(),
            None,
        );
        assert!(checked.findings.is_empty(), "{:?}", codes(&checked));
        assert!(checked.comparison.dependences.is_empty());
    }

    /// Three facts, with the value each source states.
    fn facts(values: [&str; 3]) -> String {
        source(&[
            ("Example Institute", "founded", values[0]),
            ("Example Institute", "director", values[1]),
            ("Example Institute", "budget", values[2]),
        ])
    }

    #[test]
    fn values_everyone_states_or_nobody_disputes_are_not_evidence() {
        let same = facts(["1998", "Ann Lee", "$5 billion"]);
        let checked = run(
            &[
                ("a", same.clone()),
                ("b", same.clone()),
                ("c", same.clone()),
                ("d", same.clone()),
            ],
            None,
        );
        assert!(checked.findings.is_empty(), "{:?}", codes(&checked));
        assert!(checked.comparison.dependences.is_empty(), "everyone agrees");

        let checked = run(&[("a", same.clone()), ("b", same)], None);
        assert!(
            checked.comparison.dependences.is_empty(),
            "two sources alone: a shared truth as likely as a shared mistake"
        );
    }

    #[test]
    fn values_two_sources_alone_hold_against_more_others_are_evidence() {
        let shared = facts(["1998", "Ann Lee", "$5 billion"]);
        let others = [
            ("c", facts(["2004", "Bob Ray", "$9 billion"])),
            ("d", facts(["2006", "Cy Lo", "$7 billion"])),
            ("e", facts(["2008", "Di Wu", "$2 billion"])),
        ];
        let checked = run(
            &[
                ("a", shared.clone()),
                ("b", shared.clone()),
                others[0].clone(),
                others[1].clone(),
                others[2].clone(),
            ],
            None,
        );
        let copies = with_code(&checked, Code::SourceCopy);
        assert_eq!(copies.len(), 1, "{:?}", codes(&checked));
        assert_eq!(
            copies[0].message,
            "`a` and `b` look dependent: 3 rare values in common (of 3 claims in the smaller)"
        );
        assert_eq!(
            copies[0].locations[0].label,
            "b says 1998, as only a#1 does"
        );
        assert_eq!(
            with_code(&checked, Code::ConflictDate).len()
                + with_code(&checked, Code::ConflictValue).len()
                + with_code(&checked, Code::ConflictNumber).len(),
            3,
            "the conflicts are reported as ever"
        );
        assert_eq!(pairs(&checked), vec![pair("a", "b", false, true)]);
        assert_eq!(checked.comparison.dependences[0].values.len(), 3);
    }

    #[test]
    fn two_sources_agreeing_against_fewer_others_are_a_majority_not_a_copy() {
        // The Wikipedia case: two editors restore the true value against one vandal, or two.
        let every_piece = Some("[copies]\nmin_shared = 1\nmin_fraction = 0\n");
        let shared = facts(["1998", "Ann Lee", "$5 billion"]);
        for stray in [1, 2] {
            let mut files = vec![("a", shared.clone()), ("b", shared.clone())];
            let strays = [
                ("c", facts(["2004", "Bob Ray", "$9 billion"])),
                ("d", facts(["2006", "Cy Lo", "$7 billion"])),
            ];
            files.extend(strays.iter().take(stray).cloned());
            let checked = run(&files, every_piece);
            assert!(
                checked.comparison.dependences.is_empty(),
                "two against {stray}: {:?}",
                pairs(&checked)
            );
        }
    }

    #[test]
    fn a_value_someone_else_agrees_with_or_worded_otherwise_is_not_rare() {
        let every_piece = Some("[copies]\nmin_shared = 1\nmin_fraction = 0\n");
        let values = |b: [&str; 3], c: [&str; 3]| {
            let checked = run(
                &[
                    ("a", facts(["1998", "Ann Lee", "$5 billion"])),
                    ("b", facts(b)),
                    ("c", facts(c)),
                    ("d", facts(["2006", "Cy Lo", "$7 billion"])),
                    ("e", facts(["2008", "Di Wu", "$2 billion"])),
                ],
                every_piece,
            );
            let stated: Vec<String> = checked
                .comparison
                .dependences
                .iter()
                .flat_map(|d| &d.values)
                .map(|&(a, _)| checked.dataset.claims[a as usize].stated.to_string())
                .collect();
            stated
        };
        let others = ["2004", "Bob Ray", "$9 billion"];
        assert_eq!(
            values(["1998", "Ann Lee", "$5 billion"], others),
            ["1998", "Ann Lee", "$5 billion"]
        );
        assert_eq!(
            values(["in 1998", "Ann Lee", "$5 billion"], others),
            ["Ann Lee", "$5 billion"],
            "the same year in other words"
        );
        assert_eq!(
            values(
                ["1998", "Ann Lee", "$5 billion"],
                ["July 1998", "Bob Ray", "$9 billion"]
            ),
            ["Ann Lee", "$5 billion"],
            "July 1998 refines 1998: c agrees with it"
        );
    }

    #[test]
    fn thresholds_come_from_rules_toml() {
        let two = [
            ("a", file("", "a", &COPIED[..2], 3)),
            ("b", file("", "b", &COPIED_AGAIN[..2], 3)),
        ];
        let checked = run(&two, Some("[copies]\nmin_shared = 2\n"));
        assert_eq!(codes(&checked), vec![Code::SourceCopy]);

        let three = [
            ("a", file("", "a", &COPIED, 2)),
            ("b", file("", "b", &COPIED_AGAIN, 2)),
        ];
        let checked = run(&three, Some("[copies]\nmin_fraction = 0.9\n"));
        assert!(checked.findings.is_empty(), "3 of 5 is under 0.9");
        let checked = run(&three, Some("[copies]\nmin_fraction = 0\nmin_shared = 1\n"));
        assert_eq!(codes(&checked), vec![Code::SourceCopy]);
    }

    #[test]
    fn out_of_range_thresholds_are_located_errors() {
        let rules = "[copies]\nmin_shared = 0\nmin_fraction = 1.5\n";
        let checked = run(&[("a", file("", "a", &COPIED, 0))], Some(rules));
        assert_eq!(codes(&checked), vec![Code::LoadType, Code::LoadType]);
        let at: Vec<&str> = checked
            .findings
            .iter()
            .map(|f| checked.dataset.files.slice(f.locations[0].span))
            .collect();
        assert_eq!(at, ["0", "1.5"]);
        assert_eq!(
            checked.dataset.copies,
            crate::model::CopySettings::default()
        );

        let checked = run(
            &[("a", file("", "a", &COPIED, 0))],
            Some("[copies]\nmin_share = 2\n"),
        );
        assert_eq!(codes(&checked), vec![Code::LoadUnknownKey]);
        assert_eq!(
            checked.findings[0].help.as_deref(),
            Some("did you mean `min_shared`?")
        );
    }

    #[test]
    fn a_copy_finding_can_be_reviewed_and_baselined() {
        let files = [
            ("a", file("", "a", &COPIED, 2)),
            ("b", file("", "b", &COPIED_AGAIN, 2)),
        ];
        let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        let first = check(&borrowed, None);
        let finding = &first.findings[0];
        let reviews = reviews_of(&[finding], None);
        let reviewed = check_under(&borrowed, None, Some(&reviews), &Policy::default());
        assert_eq!(codes(&reviewed), vec![Code::SourceCopy]);
        assert_eq!(reviewed.findings[0].status, Status::Reviewed(0));

        let policy = Policy {
            baseline: Some(std::iter::once(finding.fingerprint()).collect()),
            ..Policy::default()
        };
        let baselined = check_under(&borrowed, None, None, &policy);
        assert_eq!(baselined.findings[0].status, Status::Baselined);
    }

    #[test]
    fn the_result_does_not_depend_on_the_order_of_work() {
        let files = [
            ("a", file("", "a", &COPIED, 2)),
            ("b", file("", "b", &COPIED_AGAIN, 2)),
            ("c", file("", "c", &COPIED, 1)),
        ];
        let first = run(&files, None);
        let again = run(&files, None);
        assert_eq!(first.comparison.dependences, again.comparison.dependences);
        assert_eq!(first.findings, again.findings);
        assert_eq!(
            pairs(&first),
            vec![
                pair("a", "b", false, true),
                pair("a", "c", false, true),
                pair("b", "c", false, true),
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

        /// Which sources look dependent, and on what evidence, does not depend on the order
        /// of their files.
        #[test]
        fn detection_is_symmetric_in_file_order(
            picks in proptest::collection::vec(proptest::collection::vec(0usize..6, 0..6), 3..5),
        ) {
            let pool: Vec<Quoted> = COPIED.iter().chain(&COPIED_AGAIN).copied().collect();
            let build = |reverse: bool| {
                let n = picks.len();
                let files: Vec<(String, String)> = picks
                    .iter()
                    .enumerate()
                    .map(|(i, picked)| {
                        let mut shared: Vec<Quoted> = picked.iter().map(|&p| pool[p]).collect();
                        shared.dedup();
                        let header = format!("id = \"s{i}\"");
                        let position = if reverse { n - i } else { i };
                        (format!("f{position}"), file(&header, &format!("s{i}"), &shared, 1))
                    })
                    .collect();
                let checked = run(
                    &files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect::<Vec<_>>(),
                    None,
                );
                let id = |s: SourceIx| checked.dataset.sources[s.0 as usize].id.clone();
                let mut found: Vec<(String, String, usize, bool)> = checked
                    .comparison
                    .dependences
                    .iter()
                    .map(|d| {
                        let (mut a, mut b) = (id(d.sources.0), id(d.sources.1));
                        if a > b {
                            std::mem::swap(&mut a, &mut b);
                        }
                        (a, b, d.evidence(), d.detected)
                    })
                    .collect();
                found.sort();
                let mut fingerprints: Vec<String> =
                    checked.findings.iter().map(Finding::fingerprint).collect();
                fingerprints.sort();
                (found, fingerprints)
            };
            proptest::prop_assert_eq!(build(false), build(true));
        }
    }

    #[test]
    fn candidate_pairs_are_every_pair_with_evidence_dependent_or_not() {
        // a and b share three quotes (dependent); b and c one (a candidate under the
        // thresholds); d shares nothing.
        let one = &COPIED[..1];
        let checked = run(
            &[
                ("a", file("", "a", &COPIED, 2)),
                ("b", file("", "b", &COPIED_AGAIN, 2)),
                ("c", file("", "c", one, 6)),
                ("d", file("", "d", &[], 4)),
            ],
            None,
        );
        let id = |s: SourceIx| checked.dataset.sources[s.0 as usize].id.clone();
        let found: Vec<(String, String, usize)> =
            candidate_pairs(&checked.dataset, &checked.comparison.facts)
                .into_iter()
                .map(|((a, b), pieces)| (id(a), id(b), pieces))
                .collect();
        let expected = [("a", "b", 3), ("a", "c", 1), ("b", "c", 1)]
            .map(|(a, b, n)| (a.to_owned(), b.to_owned(), n));
        assert_eq!(found, expected);
        assert_eq!(pairs(&checked), vec![pair("a", "b", false, true)]);
    }
}
