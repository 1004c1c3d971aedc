//! Claims, first pass: raw claims to drafts with interned names.
//!
//! Owns the structural checks of claims (empty fields, duplicate ids within a file) and the
//! interning of subjects, properties and qualifiers. Values stay text here: what they mean
//! depends on their property's type, which is only known once every claim has been seen
//! (`values`).

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use crate::files::Span;
use crate::findings::{Code, Finding, hex};
use crate::load::raw::{ClaimsInput, SourceRef, Spanned, Text};
use crate::model::{Claim, KeyId, Mention, Qualifier, SourceIx};
use crate::normalize::names::Interner;
use crate::normalize::sources::Sources;
use crate::text::fold::{fold, is_blank};

/// A claim whose value is not interpreted yet: only [`stated`](Claim::stated).
pub type Draft = Claim<()>;

/// Qualifier keys, folded and numbered.
#[derive(Debug, Default)]
pub struct KeyTable {
    lookup: FxHashMap<String, KeyId>,
    keys: Vec<String>,
}

impl KeyTable {
    /// The id of a key, added if new.
    pub fn intern(&mut self, key: &str) -> KeyId {
        let folded = folded_key(key);
        if let Some(&id) = self.lookup.get(&folded) {
            return id;
        }
        let id = KeyId(u32::try_from(self.keys.len()).unwrap_or(u32::MAX));
        self.lookup.insert(folded.clone(), id);
        self.keys.push(folded);
        id
    }

    /// The id of a key, if it was seen.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<KeyId> {
        self.lookup.get(&folded_key(key)).copied()
    }

    /// Every key, folded.
    #[must_use]
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// The folded keys, in id order.
    #[must_use]
    pub fn into_keys(self) -> Vec<String> {
        self.keys
    }
}

/// Where names of each kind go.
pub struct Namespaces<'a> {
    /// Subjects and qualifier values.
    pub names: &'a mut Interner,
    /// Properties.
    pub properties: &'a mut Interner,
    /// Qualifier keys.
    pub keys: &'a mut KeyTable,
}

/// Drafts every claim that is structurally valid; reports the others.
///
/// The checks and string copies run per file in parallel; only the interning of names, which
/// must number spellings in file order, runs in sequence. Keys are given per source, over
/// every file that holds its claims.
pub fn draft(
    inputs: &[ClaimsInput],
    sources: &Sources,
    spaces: &mut Namespaces<'_>,
    problems: &mut Vec<Finding>,
) -> Vec<Draft> {
    let checked: Vec<(Chunks<'_>, Vec<Finding>)> = inputs
        .par_iter()
        .map(|input| check_file(input, sources))
        .collect();
    let mut files = Vec::with_capacity(checked.len());
    for (claims, found) in checked {
        problems.extend(found);
        files.push(claims);
    }
    // The files' claims stay where `check_file` put them (referred to, not moved into one
    // vector), and each chunk of them is freed once drafted: a million checked claims are a
    // third of a gigabyte, which need not be held beside the drafts at the peak of memory.
    let all: Vec<&Checked<'_>> = files.iter().flatten().flatten().collect();
    problems.extend(ids_across_files(&all, &sources.sources));
    let keys = keys_by_source(&all, &sources.sources);
    let mut drafts = Vec::with_capacity(all.len());
    drop(all);
    for (claim, key) in files.into_iter().flatten().flatten().zip(keys) {
        let source = claim.source;
        let mut qualifiers: Vec<Qualifier> = claim
            .qualifiers
            .iter()
            .map(|(key, key_span, text, value_span)| Qualifier {
                key: spaces.keys.intern(key),
                key_span: *key_span,
                value: Mention {
                    spelling: spaces.names.mention(text, source.0),
                    span: *value_span,
                },
            })
            .collect();
        qualifiers.sort_by_key(|q| q.key);
        drafts.push(Draft {
            source,
            position: claim.position,
            key,
            id: claim.id,
            span: claim.span,
            subject: Mention {
                spelling: spaces.names.mention(claim.subject.0, source.0),
                span: claim.subject.1,
            },
            property: Mention {
                spelling: spaces.properties.mention(claim.property.0, source.0),
                span: claim.property.1,
            },
            value: (),
            stated: claim.value,
            value_span: claim.value_span,
            qualifiers,
            quote: claim.quote,
            cites: claim.cites,
        });
    }
    drafts
}

/// A finding for every id a source gives two claims in different files (a source's rows may
/// span tables; within one file, the file's own check reports it).
fn ids_across_files(claims: &[&Checked<'_>], sources: &[crate::model::Source]) -> Vec<Finding> {
    let mut first: FxHashMap<(SourceIx, &str), Span> = FxHashMap::default();
    let mut problems = Vec::new();
    for claim in claims {
        let Some(id) = claim.id.as_deref() else {
            continue;
        };
        let Some(id_span) = claim.id_span else {
            continue;
        };
        match first.get(&(claim.source, id)) {
            Some(&earlier) if earlier.file != id_span.file => {
                let source = sources
                    .get(claim.source.0 as usize)
                    .map_or("", |s| s.id.as_str());
                problems.push(
                    Finding::new(
                        Code::LoadDuplicateId,
                        format!("two claims of `{source}` have the id `{id}`"),
                    )
                    .with_help("ids address claims (`SOURCE#ID`): give each claim its own")
                    .at(id_span, format!("`{id}` again"))
                    .at(earlier, "first used here"),
                );
            }
            Some(_) => {}
            None => {
                first.insert((claim.source, id), id_span);
            }
        }
    }
    problems
}

/// Each claim's key, computed among the claims of its source.
fn keys_by_source(claims: &[&Checked<'_>], sources: &[crate::model::Source]) -> Vec<Box<str>> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
    for (index, claim) in claims.iter().enumerate() {
        if let Some(group) = groups.get_mut(claim.source.0 as usize) {
            group.push(index);
        }
    }
    let mut keys: Vec<Box<str>> = vec![Box::from(""); claims.len()];
    for (source, group) in sources.iter().zip(&groups) {
        let members: Vec<&Checked<'_>> = group.iter().map(|&i| claims[i]).collect();
        for (&index, key) in group.iter().zip(claim_keys(&source.id, &members)) {
            keys[index] = key;
        }
    }
    keys
}

/// Every structurally valid claim of a file as `(key, content hash)`, for telling which claims
/// changed between two versions of the file (`--changed-since`). The keys are the ones the
/// pipeline gives when the file holds all of its sources' claims; the hash covers everything a
/// claim states.
#[must_use]
pub fn identities(input: &ClaimsInput, sources: &Sources) -> Vec<(Box<str>, String)> {
    identities_of(std::slice::from_ref(input), sources)
}

/// Like [`identities`], over several files whose claims are keyed together (tables whose
/// sources span files).
#[must_use]
pub fn identities_of(inputs: &[ClaimsInput], sources: &Sources) -> Vec<(Box<str>, String)> {
    let checked: Vec<Checked<'_>> = inputs
        .iter()
        .flat_map(|input| check_file(input, sources).0.into_iter().flatten())
        .collect();
    let keys = keys_by_source(&checked.iter().collect::<Vec<_>>(), &sources.sources);
    keys.into_iter()
        .zip(checked.iter().map(content_hash))
        .collect()
}

/// The keys of a file's claims. Claims without an id that share subject, property and
/// qualifiers are told apart by their values, and identical ones by their order, so that no
/// two claims of a source share a key.
fn claim_keys(source: &str, claims: &[&Checked<'_>]) -> Vec<Box<str>> {
    let mut keys: Vec<Box<str>> = claims.iter().map(|c| claim_key(source, c)).collect();
    let repeated = repeated(&keys);
    if !repeated.contains(&true) {
        return keys;
    }
    for ((key, claim), _) in keys
        .iter_mut()
        .zip(claims.iter().copied())
        .zip(&repeated)
        .filter(|(_, repeated)| **repeated)
    {
        let value = hex(&Sha256::digest(claim.value.as_bytes())[..3]);
        *key = format!("{key}-{value}").into();
    }
    // Claims that are still alike are numbered in order: the second `-2`, the third `-3`.
    let mut taken: FxHashMap<&str, usize> = FxHashMap::default();
    let mut numbered = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        let count = taken.entry(key).or_default();
        *count += 1;
        if *count > 1 {
            numbered.push((index, format!("{key}-{count}")));
        }
    }
    drop(taken);
    for (index, key) in numbered {
        keys[index] = key.into();
    }
    keys
}

/// Which keys occur more than once, counted by reference: a source of millions of claims
/// need not have its keys copied into a map.
fn repeated(keys: &[Box<str>]) -> Vec<bool> {
    let mut count: FxHashMap<&str, u32> = FxHashMap::default();
    count.reserve(keys.len());
    for key in keys {
        *count.entry(key).or_default() += 1;
    }
    keys.iter()
        .map(|key| count.get(&**key).is_some_and(|&n| n > 1))
        .collect()
}

/// A hash of everything a claim states.
fn content_hash(claim: &Checked<'_>) -> String {
    let mut hasher = Sha256::new();
    let qualifiers = claim.sorted_qualifiers();
    let fields = [claim.subject.0, claim.property.0, &claim.value]
        .into_iter()
        .chain(qualifiers.iter().flat_map(|(k, v)| [*k, *v]))
        .chain(claim.quote.as_ref().map(|(q, _)| &**q))
        .chain(claim.cites.as_deref());
    for field in fields {
        hasher.update(field);
        hasher.update([0]);
    }
    hex(&hasher.finalize()[..8])
}

/// A claim's stable identity: `SOURCE#ID`, or for a claim without an id `SOURCE#~` and a
/// hash of its subject, property and qualifiers as written. Never its position, so that
/// moving claims keeps it; string contents do not change when a file is reformatted.
fn claim_key(source: &str, claim: &Checked<'_>) -> Box<str> {
    if let Some(id) = &claim.id {
        return format!("{source}#{id}").into();
    }
    let mut hasher = Sha256::new();
    for part in [claim.subject.0, claim.property.0] {
        hasher.update(part);
        hasher.update([0]);
    }
    for (key, value) in claim.sorted_qualifiers() {
        hasher.update(key);
        hasher.update([1]);
        hasher.update(value);
        hasher.update([0]);
    }
    format!("{source}#~{}", hex(&hasher.finalize()[..6])).into()
}

/// A file's checked claims, in order, in chunks of at most [`CHUNK`]: drafting frees each
/// chunk as soon as its claims are drafted, so the checked claims and the drafts are not both
/// held whole.
type Chunks<'a> = Vec<Vec<Checked<'a>>>;

/// Checked claims per chunk.
const CHUNK: usize = 1 << 16;

/// A structurally valid claim whose names are not interned yet (they borrow the raw text).
struct Checked<'a> {
    source: SourceIx,
    position: u32,
    id: Option<Box<str>>,
    /// Where the id is written.
    id_span: Option<Span>,
    span: Span,
    subject: (&'a str, Span),
    property: (&'a str, Span),
    value: Box<str>,
    value_span: Span,
    /// `(key, key span, value, value span)`.
    qualifiers: Vec<(&'a str, Span, Cow<'a, str>, Span)>,
    quote: Option<(Box<str>, Span)>,
    cites: Option<Box<str>>,
}

impl Checked<'_> {
    /// The qualifiers as written, `(key, value)`, sorted: the order they are written in does
    /// not change what the claim says.
    fn sorted_qualifiers(&self) -> Vec<(&str, &str)> {
        let mut qualifiers: Vec<(&str, &str)> = self
            .qualifiers
            .iter()
            .map(|(key, _, value, _)| (*key, value.as_ref()))
            .collect();
        qualifiers.sort_unstable();
        qualifiers
    }
}

/// The structural checks of one file's claims: a source, no empty fields, no id used twice
/// within one source.
fn check_file<'a>(input: &'a ClaimsInput, sources: &Sources) -> (Chunks<'a>, Vec<Finding>) {
    let mut problems = Vec::new();
    let mut chunks = Vec::with_capacity(input.claims.len().div_ceil(CHUNK));
    let mut ids: FxHashMap<(SourceIx, &str), Span> = FxHashMap::default();
    for (index, raw) in input.claims.iter().enumerate() {
        let mut valid = true;
        let mut non_empty = |field: &'a Spanned<Text>, name: &str| -> Option<&'a str> {
            let trimmed = field.value.trim();
            if is_blank(trimmed) {
                problems.push(empty(name, field.span));
            } else if trimmed.len() > MAX_FIELD {
                problems.push(too_long(name, trimmed, field.span));
            } else {
                return Some(trimmed);
            }
            valid = false;
            None
        };
        let source = match &raw.source {
            SourceRef::Id(id) => {
                non_empty(id, "source").and(sources.resolve(input.file, &raw.source))
            }
            SourceRef::File => sources.resolve(input.file, &raw.source),
        };
        let id = raw.id.as_ref().and_then(|id| non_empty(id, "id"));
        let subject = non_empty(&raw.subject, "subject");
        let property = non_empty(&raw.property, "property");
        let value_span = raw.value.span;
        let value = raw.value.value.trim();
        if is_blank(value) {
            problems.push(empty("value", value_span));
            valid = false;
        } else if value.len() > MAX_FIELD {
            problems.push(too_long("value", value, value_span));
            valid = false;
        }
        let mut qualifiers = Vec::new();
        for (key, qualifier) in &raw.qualifiers {
            let text = qualifier.value.trim();
            if is_blank(&key.value) {
                problems.push(empty("qualifier key", key.span));
                valid = false;
            } else if is_blank(text) {
                problems.push(empty("qualifier value", qualifier.span));
                valid = false;
            } else if key.value.len() > MAX_FIELD {
                problems.push(too_long("qualifier key", &key.value, key.span));
                valid = false;
            } else if text.len() > MAX_FIELD {
                problems.push(too_long("qualifier value", text, qualifier.span));
                valid = false;
            } else {
                qualifiers.push((
                    key.value.trim(),
                    key.span,
                    Cow::Borrowed(text),
                    qualifier.span,
                ));
            }
        }
        if let (Some(id_field), Some(id), Some(source)) = (raw.id.as_ref(), id, source) {
            let span = id_field.span;
            if let Some(&first) = ids.get(&(source, id)) {
                problems.push(
                    Finding::new(
                        Code::LoadDuplicateId,
                        format!("two claims in this file have the id `{id}`"),
                    )
                    .with_help("ids address claims (`SOURCE#ID`): give each claim its own")
                    .at(span, format!("`{id}` again"))
                    .at(first, "first used here"),
                );
            } else {
                ids.insert((source, id), span);
            }
        }
        let (Some(source), Some(subject), Some(property), true) =
            (source, subject, property, valid)
        else {
            continue;
        };
        push_chunked(
            &mut chunks,
            input.claims.len() - index,
            Checked {
                source,
                position: raw.origin.ordinal,
                id: id.map(Box::from),
                id_span: raw.id.as_ref().map(|id| id.span),
                span: raw.span,
                subject: (subject, raw.subject.span),
                property: (property, raw.property.span),
                value: Box::from(value),
                value_span,
                qualifiers,
                quote: raw.quote.as_ref().map(|q| (Box::from(&*q.value), q.span)),
                cites: raw.cites.as_ref().map(|c| Box::from(c.value.trim())),
            },
        );
    }
    (chunks, problems)
}

/// Appends a claim to the last chunk, or to a new one (sized for the `left` claims still to
/// come, this one included) when that is full.
fn push_chunked<'a>(chunks: &mut Chunks<'a>, left: usize, claim: Checked<'a>) {
    match chunks.last_mut() {
        Some(last) if last.len() < CHUNK => last.push(claim),
        _ => {
            let mut chunk = Vec::with_capacity(left.clamp(1, CHUNK));
            chunk.push(claim);
            chunks.push(chunk);
        }
    }
}

/// A qualifier key folded like a name; a key with no letter or digit keeps its text.
fn folded_key(key: &str) -> String {
    let folded = fold(key);
    if folded.is_empty() {
        key.trim().to_owned()
    } else {
        folded
    }
}

/// The longest source id, claim id, subject, property, value or qualifier a claim may have, in
/// bytes (the quote has no such limit). Names and values are a few words; a field longer
/// than this is a mistake (a column shifted into a cell, a paragraph pasted into a value) or
/// an attack: it would be repeated in every message about the claim and flood a CI log.
pub const MAX_FIELD: usize = 2048;

/// A field longer than [`MAX_FIELD`]: its start is shown, never the whole of it.
fn too_long(what: &str, text: &str, span: Span) -> Finding {
    let start: String = text.chars().take(40).collect();
    Finding::new(
        Code::LoadTooLong,
        format!(
            "the claim's {what} is {} bytes long (at most {MAX_FIELD}): `{start}…`",
            text.len()
        ),
    )
    .with_help(format!(
        "a {what} is a few words: move long text into the claim's `quote`, or check the \
         table's columns"
    ))
    .at(span, "too long")
}

fn empty(what: &str, span: Span) -> Finding {
    Finding::new(Code::LoadEmpty, format!("the claim's {what} is empty"))
        .with_help(format!("write the {what}, or remove the claim"))
        .at(span, "empty")
}

#[cfg(test)]
mod tests {
    use crate::testing::{check, source};

    fn keys(text: &str) -> Vec<String> {
        let checked = check(&[("a", text)], None);
        checked
            .dataset
            .claims
            .iter()
            .map(|c| c.key.to_string())
            .collect()
    }

    #[test]
    fn a_field_too_long_to_be_one_is_a_located_problem_and_never_repeated_whole() {
        use super::MAX_FIELD;
        use crate::findings::Code;
        let long = "x".repeat(MAX_FIELD + 1);
        let limit = "y".repeat(MAX_FIELD);
        for (subject, property, value) in [
            (long.as_str(), "built", "1936"),
            ("Dam", long.as_str(), "1936"),
            ("Dam", "built", long.as_str()),
            ("Dam", "built | phase=", long.as_str()),
        ] {
            let property = property.replace("phase=", &format!("phase={long}"));
            let value = if value == long && property.contains('|') {
                "1936"
            } else {
                value
            };
            let text = source(&[(subject, &property, value), ("Dam", "built", "1930")]);
            let checked = check(&[("a", &text)], None);
            let problems: Vec<_> = checked
                .findings
                .iter()
                .filter(|f| f.code == Code::LoadTooLong)
                .collect();
            assert_eq!(problems.len(), 1, "{subject:.9} {property:.30} {value:.9}");
            assert!(problems[0].message.len() < 200, "{}", problems[0].message);
            assert_eq!(
                checked.dataset.claims.len(),
                1,
                "the long claim is left out"
            );
        }
        let text = source(&[(&limit, "built", "1936"), ("Dam", "motto", &limit)]);
        let checked = check(&[("a", &text)], None);
        assert!(checked.findings.iter().all(|f| f.code != Code::LoadTooLong));
        assert_eq!(
            checked.dataset.claims.len(),
            2,
            "{MAX_FIELD} bytes is allowed"
        );
    }

    #[test]
    fn claims_without_ids_never_share_a_key() {
        let different = keys(&source(&[
            ("Lab", "opened", "2001"),
            ("Lab", "opened", "2011"),
        ]));
        assert_eq!(different.len(), 2);
        assert_ne!(different[0], different[1]);
        assert!(different.iter().all(|k| k.starts_with("a#~")));

        let same = keys(&source(&[
            ("Lab", "opened", "2001"),
            ("Lab", "opened", "2001"),
        ]));
        assert_ne!(same[0], same[1]);
    }

    #[test]
    fn alike_claims_are_told_apart_by_value_then_numbered_in_order() {
        let found = keys(&source(&[
            ("Lab", "opened", "2001"),
            ("Lab", "opened", "2011"),
            ("Lab", "opened", "2001"),
            ("Lab", "closed", "2020"),
            ("Lab", "opened", "2001"),
        ]));
        let base = found[3].as_str();
        assert!(!base.contains('-'), "unique: no suffix ({base})");
        let first = found[0].as_str();
        let (stem, value) = first.rsplit_once('-').unwrap_or_default();
        assert_eq!(value.len(), 6, "the value's digest: {first}");
        assert!(found[1].starts_with(&format!("{stem}-")), "{found:?}");
        assert_ne!(found[1], found[0], "another value, another digest");
        assert_eq!(found[2], format!("{first}-2"));
        assert_eq!(found[4], format!("{first}-3"));
    }

    #[test]
    fn keys_survive_moves_and_do_not_depend_on_values_when_unique() {
        let first = keys(&source(&[
            ("Lab", "opened", "2001"),
            ("Mill", "built", "1870"),
        ]));
        let moved = keys(&source(&[
            ("Mill", "built", "1870"),
            ("Lab", "opened", "2001"),
        ]));
        assert_eq!(first[0], moved[1]);
        assert_eq!(first[1], moved[0]);
        let edited = keys(&source(&[
            ("Lab", "opened", "2002"),
            ("Mill", "built", "1870"),
        ]));
        assert_eq!(
            first[0], edited[0],
            "a unique claim keeps its key when its value changes"
        );
    }
}
