//! Measures the state factcheck holds across a whole dataset, for `docs/scaling.md`: what a
//! distributed run would have to compute globally and broadcast, as opposed to what it can
//! partition by fact.
//!
//! ```text
//! cargo run --release --example global_state -- target/bench-data/scale-1000000
//! ```
//!
//! It checks the dataset through the library, then prints one `key value` line per measure:
//! counts, and bytes of payload (the text and fixed-width fields a columnar table of that
//! state would hold, without hash-table overhead). With `--names-only FILE` it instead reads
//! the distinct names a previous run wrote to FILE (`--dump-names FILE`) and measures, in a
//! fresh process, the resident memory name resolution takes (the peak, over what the process
//! held before it).

#![allow(clippy::cast_precision_loss, clippy::expect_used, clippy::unwrap_used)]

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use factcheck::compare::copy;
use factcheck::load::{Access, Request, RulesPath};
use factcheck::model::Value;
use factcheck::names::{self, Interner, NameSettings};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, file] if flag == "--names-only" => names_only(Path::new(file)),
        [dir] => measure(Path::new(dir), None),
        [dir, flag, file] if flag == "--dump-names" => measure(Path::new(dir), Some(file)),
        _ => eprintln!("usage: global_state DATASET_DIR [--dump-names FILE] | --names-only FILE"),
    }
}

fn line(key: &str, value: impl std::fmt::Display) {
    println!("{key:<34} {value}");
}

#[allow(clippy::too_many_lines)] // one measure after another
fn measure(dir: &Path, dump: Option<&String>) {
    let request = Request {
        claims_dir: dir.join("claims"),
        rules: RulesPath::Default(dir.join("rules.toml")),
        reviews: RulesPath::Default(dir.join("reviews.toml")),
        access: Access {
            root: Some(dir.to_path_buf()),
            ..Access::default()
        },
    };
    let start = Instant::now();
    let checked = factcheck::check(&request);
    line(
        "check seconds",
        format!("{:.2}", start.elapsed().as_secs_f64()),
    );
    let dataset = &checked.dataset;
    let claims = &dataset.claims;
    line("claims", claims.len());
    line("input bytes", dir_bytes(&dir.join("claims")));

    // Facts: the unit of partitioning.
    let facts = &checked.comparison.facts;
    let sizes: Vec<usize> = facts.iter().map(|f| f.fact.claims.len()).collect();
    line("facts", facts.len());
    line(
        "facts with 2+ claims",
        sizes.iter().filter(|&&n| n > 1).count(),
    );
    line(
        "largest fact (claims)",
        sizes.iter().max().copied().unwrap_or(0),
    );
    let subjects: HashSet<_> = facts.iter().map(|f| f.fact.subject).collect();
    line("subjects (entities with facts)", subjects.len());

    // The names namespace: subjects, name values and qualifier values.
    let spellings = &dataset.names.spellings;
    let text_bytes: usize = spellings.iter().map(|s| s.text.len()).sum();
    line("names: spellings", spellings.len());
    line("names: spelling text bytes", text_bytes);
    line("names: entities", dataset.names.entities.len());
    let abbreviations = names::Abbreviations::default();
    let mut keys: HashMap<String, Vec<String>> = HashMap::new();
    for spelling in spellings {
        let words = abbreviations.words(&spelling.text);
        keys.entry(words.concat()).or_insert(words);
    }
    let words: HashSet<&String> = keys.values().flatten().collect();
    line("names: folded keys", keys.len());
    line(
        "names: key bytes",
        keys.keys().map(String::len).sum::<usize>(),
    );
    line("names: distinct words", words.len());
    line(
        "names: distinct word bytes",
        words.iter().map(|w| w.len()).sum::<usize>(),
    );
    // What a distributed run broadcasts back to the claims: spelling -> entity (text, u32
    // entity, u32 offset).
    line("names: map payload bytes", text_bytes + 8 * spellings.len());
    let key_words: Vec<Vec<String>> = keys.into_values().collect();
    let start = Instant::now();
    let pairs = names::fuzzy::matching_pairs(&key_words, NameSettings::default().min_length);
    line("names: fuzzy candidate pairs", pairs.len());
    line(
        "names: fuzzy seconds",
        format!("{:.2}", start.elapsed().as_secs_f64()),
    );
    let mut name_uses = 0usize;
    for claim in claims {
        name_uses +=
            1 + claim.qualifiers.len() + usize::from(matches!(claim.value, Value::Name(_)));
    }
    line("names: uses (claim mentions)", name_uses);

    // The properties namespace and per-property settlement (type votes, units, slash order).
    line("properties: spellings", dataset.properties.spellings.len());
    line("properties: entities", dataset.properties.entities.len());
    let mut units: HashSet<(u32, String)> = HashSet::new();
    for claim in claims {
        if let Value::Number(quantity) = &claim.value {
            let property = dataset.properties.entity_of(claim.property.spelling);
            units.insert((property.0, format!("{:?}", quantity.unit)));
        }
    }
    line("properties: distinct (property, unit)", units.len());
    line("qualifier keys", dataset.qualifier_keys.len());

    // Sources, copy detection and source statistics.
    let sources = dataset.sources.len();
    line("sources", sources);
    let start = Instant::now();
    let candidates = copy::candidate_pairs(dataset, facts);
    line(
        "copy: candidate seconds",
        format!("{:.2}", start.elapsed().as_secs_f64()),
    );
    let pieces: usize = candidates.iter().map(|(_, n)| n).sum();
    line(
        "copy: all source pairs",
        sources * sources.saturating_sub(1) / 2,
    );
    line("copy: candidate pairs", candidates.len());
    line("copy: evidence pieces", pieces);
    // A piece is (pair, kind, two claims): 4 u32 and a byte.
    line("copy: evidence payload bytes", pieces * 17);
    line("copy: dependences", checked.comparison.dependences.len());
    // Per source: claims, corroborated, contradicted, single-source (u64) and its group (u32).
    line("source statistics payload bytes", sources * (4 * 8 + 4));

    // Identity: what the baseline and --changed-since match claims on.
    let key_bytes: usize = claims.iter().map(|c| c.key.len()).sum();
    line("identity: claim key bytes", key_bytes);
    line("identity: baseline digest bytes", claims.len() * 12);

    if let Some(file) = dump {
        let mut out = String::new();
        let mut counts: HashMap<u32, (u32, Option<u32>, bool)> = HashMap::new();
        let mut mention = |spelling: u32, source: u32| {
            let entry = counts.entry(spelling).or_insert((0, Some(source), false));
            entry.0 += 1;
            entry.2 |= entry.1 != Some(source);
        };
        for claim in claims {
            mention(claim.subject.spelling.0, claim.source.0);
            for qualifier in &claim.qualifiers {
                mention(qualifier.value.spelling.0, claim.source.0);
            }
            if let Value::Name(spelling) = claim.value {
                mention(spelling.0, claim.source.0);
            }
        }
        for (index, spelling) in spellings.iter().enumerate() {
            let (mentions, source, several) = counts
                .get(&u32::try_from(index).unwrap())
                .copied()
                .unwrap_or((0, None, false));
            let sources = if several {
                u32::MAX
            } else {
                source.unwrap_or(u32::MAX - 1)
            };
            let _ = writeln!(out, "{}\t{mentions}\t{sources}", spelling.text);
        }
        std::fs::write(PathBuf::from(file), out).expect("write names");
    }
}

/// Name resolution alone, on the distinct names of a dump, in a process that has held nothing
/// large before: the growth of its peak resident memory is the resolution's working state.
fn names_only(file: &Path) {
    let text = std::fs::read_to_string(file).expect("names dump");
    let mut interner = Interner::default();
    for row in text.lines() {
        let mut fields = row.split('\t');
        let (Some(name), Some(mentions), Some(sources)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let mentions: u32 = mentions.parse().unwrap_or(0);
        let sources: u32 = sources.parse().unwrap_or(0);
        if mentions == 0 {
            interner.declare(name);
        }
        for i in 0..mentions {
            // Several sources: alternate two; one source: that one.
            let source = if sources == u32::MAX { i % 2 } else { sources };
            interner.mention(name, source);
        }
    }
    drop(text);
    let spellings = interner.len();
    let before = resident("VmRSS");
    // Linux: writing 5 resets the peak (VmHWM) to the current resident size.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let start = Instant::now();
    let resolution = names::resolve(interner, &[], &[], true, &NameSettings::default(), &[]);
    let seconds = start.elapsed().as_secs_f64();
    let peak = resident("VmHWM");
    let after = resident("VmRSS");
    line("names: spellings", spellings);
    line("names: entities", resolution.namespace.entities.len());
    line("names: variants", resolution.variants.len());
    line("resolve seconds", format!("{seconds:.2}"));
    line("resident before bytes", before);
    line(
        "resolve peak growth bytes",
        if reset {
            peak.saturating_sub(before).to_string()
        } else {
            "unknown (no clear_refs)".to_owned()
        },
    );
    line("resolution kept bytes", after.saturating_sub(before));
}

/// A line of `/proc/self/status`, in bytes.
fn resident(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with(field))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb * 1024)
}

fn dir_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                dir_bytes(&path)
            } else {
                entry.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}
