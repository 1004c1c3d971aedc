//! Accuracy benchmark: how often the report's best-supported value is the true one, on the
//! public truth-discovery datasets nobody on the team wrote (`../shared/datasets/`, README there):
//! Population, Weather, Book and Flight, each beside majority vote of the same claims.
//!
//! ```text
//! cargo bench --bench accuracy                        # all four
//! cargo bench --bench accuracy -- weather book        # some of them
//! DATASETS=/path/to/datasets cargo bench --bench accuracy
//! ```
//!
//! Population (Pasternack and Roth: city populations from Wikipedia edit histories, 4,264
//! sources): the CSV claims (`xz`-compressed; decompressed with the `xz` program) become one
//! claims file per source: subject the city, property `population`, qualifier `year`, value the
//! number. Values that are not plain numbers (a handful of edits hold words) are left out and
//! counted. `factcheck report --format json` then gives each (city, year) its best-supported
//! value, which is scored against the gold standard; a tie scores the chance of picking the true
//! value among the tied ones. Beside it, the usual baseline: majority vote over the raw claims
//! (the value the most claims give; ties scored the same way).
//!
//! Weather, Book and Flight are converted to one long CSV table each (`truth/`: each module says
//! how, and how its gold is scored) and scored the same way.

#![allow(
    clippy::cast_precision_loss,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic
)] // a measurement script: a broken input stops it

mod crawls;
#[allow(dead_code)] // shared with scale.rs, which reads every field
mod timed;
mod truth;

use truth::{book, flight, weather};

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// One claim of the CSV.
struct Row {
    city: String,
    year: String,
    value: String,
    source: String,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data: PathBuf =
        std::env::var_os("DATASETS").map_or_else(|| root.join("../shared/datasets"), PathBuf::from);
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wants = |name: &str| wanted.is_empty() || wanted.iter().any(|w| w == name);
    if wants("population") {
        population(root, &data.join("population"));
    }
    if wants("weather") {
        weather::run(root, &data.join("weather/dafna_normalized"));
    }
    if wants("book") {
        book::run(root, &data.join("book"));
    }
    if wants("flight") {
        flight::run(root, &data.join("flight"));
    }
}

fn population(root: &Path, data: &Path) {
    let rows = read_claims(&data.join("population_claims.csv.xz"));
    let gold = read_gold(&data.join("population_truth.csv"));
    let (kept, skipped): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| number(&r.value));
    let work = root.join("target/bench-data/population");
    let keys = write_dataset(&kept, &work);

    // Majority vote over the raw claims.
    let mut votes: HashMap<(String, String), HashMap<String, usize>> = HashMap::new();
    for row in &kept {
        *votes
            .entry((row.city.clone(), row.year.clone()))
            .or_default()
            .entry(digits(&row.value))
            .or_default() += 1;
    }
    let items: Vec<(&(String, String), &String)> = gold
        .iter()
        .filter(|(item, _)| votes.contains_key(*item))
        .collect();
    println!(
        "population: {} claims ({} not plain numbers left out), {} sources; {} gold items with \
         claims (of {})\n",
        kept.len(),
        skipped.len(),
        count_sources(&kept),
        items.len(),
        gold.len()
    );
    println!(
        "{:<44} {:>9} {:>6} {:>9} {:>9} {:>9}",
        "method", "correct", "ties", "warnings", "wall (s)", "peak MiB"
    );
    let mut majority = 0.0;
    let mut majority_ties = 0;
    for (item, truth) in &items {
        let counts = &votes[*item];
        let most = counts.values().copied().max().unwrap_or(0);
        let leaders: Vec<String> = counts
            .iter()
            .filter(|(_, n)| **n == most)
            .map(|(v, _)| v.clone())
            .collect();
        majority_ties += usize::from(leaders.len() > 1);
        majority += credit(&leaders, truth);
    }
    println!(
        "{:<44} {:>8.1}% {:>6} {:>9} {:>9} {:>9}",
        "majority vote of claims",
        100.0 * majority / items.len() as f64,
        majority_ties,
        "-",
        "-",
        "-"
    );
    fs::write(work.join("rules.toml"), RULES).expect("rules");
    for method in truth::METHODS {
        let label = format!("factcheck --method {method}");
        let run = evaluate(&work, &keys, &items, method);
        println!(
            "{label:<44} {:>8.1}% {:>6} {:>9} {:>9.2} {:>9.0}",
            100.0 * run.correct / items.len() as f64,
            run.ties,
            run.warnings,
            run.wall,
            run.peak_mib
        );
    }
    reviewed_runs(&work, &keys, &items);
}

/// Reviews as labels: 10 % of the gold items (every tenth, three offsets) get a review that
/// settles their conflict on the true value, written as `factcheck review` would; the report
/// is scored on the other 90 %, beside the same 90 % unreviewed. The mean of the three splits.
fn reviewed_runs(
    work: &Path,
    keys: &HashMap<String, (String, String)>,
    items: &[(&(String, String), &String)],
) {
    let run = timed::run(work, &["check", "--format", "json"], &[0, 1]);
    let checked: Value = serde_json::from_slice(&run.output.stdout).expect("a JSON check");
    let findings = checked["findings"].as_array().expect("findings");
    let mut sorted: Vec<&(&(String, String), &String)> = items.iter().collect();
    sorted.sort();
    let splits = 3;
    let (mut plain, mut reviewed, mut written) = (0.0, 0.0, 0);
    let mut scored_items = 0;
    for offset in 0..splits {
        let chosen: HashMap<&(String, String), &String> = sorted
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 10 == offset)
            .map(|(_, (item, truth))| (*item, *truth))
            .collect();
        let mut reviews = String::new();
        for finding in findings {
            if !finding["code"]
                .as_str()
                .unwrap_or("")
                .starts_with("factcheck::conflict::")
            {
                continue;
            }
            let claims = finding["claims"].as_array().expect("claims");
            let Some(item) = claims
                .first()
                .and_then(|c| keys.get(c["key"].as_str().unwrap_or("")))
            else {
                continue;
            };
            let Some(truth) = chosen.get(item) else {
                continue;
            };
            let is_true = |c: &Value| digits(c["stated"].as_str().unwrap_or("")) == **truth;
            let (Some(right), Some(wrong)) = (
                claims.iter().position(is_true),
                claims.iter().position(|c| !is_true(c)),
            ) else {
                continue;
            };
            let mut order = vec![wrong, right];
            order.extend((0..claims.len()).filter(|i| *i != wrong && *i != right));
            let listed: Vec<String> = order
                .iter()
                .map(|&i| {
                    format!(
                        "{{ claim = \"{}\", value = \"{}\" }}",
                        toml_escape(claims[i]["key"].as_str().unwrap_or("")),
                        toml_escape(claims[i]["value_key"].as_str().unwrap_or(""))
                    )
                })
                .collect();
            let _ = write!(
                reviews,
                "[[review]]\ncode = \"{}\"\nclaims = [{}]\ndecision = \"first-source-wrong\"\n\
                 reason = \"the gold standard\"\nreviewer = \"bench\"\ndate = 2026-01-01\n\n",
                finding["code"].as_str().unwrap_or(""),
                listed.join(", ")
            );
            written += 1;
        }
        let rest: Vec<(&(String, String), &String)> = items
            .iter()
            .filter(|(item, _)| !chosen.contains_key(item))
            .copied()
            .collect();
        scored_items += rest.len();
        plain += evaluate(work, keys, &rest, "trust").correct;
        fs::write(work.join("reviews.toml"), &reviews).expect("reviews");
        reviewed += evaluate(work, keys, &rest, "trust").correct;
        let _ = fs::remove_file(work.join("reviews.toml"));
    }
    println!(
        "\nreviews as labels: 10 % of gold items reviewed ({written} reviews over {splits} splits), \
         scored on the other 90 % ({scored_items} items over the splits)"
    );
    println!(
        "{:<44} {:>8.1}%",
        "factcheck --method trust, no review",
        100.0 * plain / scored_items as f64
    );
    println!(
        "{:<44} {:>8.1}%",
        "factcheck --method trust, 10 % reviewed",
        100.0 * reviewed / scored_items as f64
    );
}

/// The property of the converted dataset: one population per city and year.
const RULES: &str =
    "[[property]]\nname = \"population\"\ntype = \"number\"\nseparators = [\"year\"]\n";

/// How one run of `factcheck report` scores.
struct Run {
    correct: f64,
    ties: usize,
    warnings: u64,
    wall: f64,
    peak_mib: f64,
}

fn evaluate(
    work: &Path,
    keys: &HashMap<String, (String, String)>,
    items: &[(&(String, String), &String)],
    method: &str,
) -> Run {
    let run = timed::run(
        work,
        &["report", "--format", "json", "--method", method],
        &[0],
    );
    let report: Value = serde_json::from_slice(&run.output.stdout).expect("a JSON report");

    // The best-supported values of every fact, by the (city, year) of its claims.
    let mut best: HashMap<(String, String), Vec<String>> = HashMap::new();
    for fact in report["facts"].as_array().expect("facts") {
        let values = fact["values"].as_array().expect("values");
        let chosen: Vec<String> = fact["best"]
            .as_array()
            .expect("best")
            .iter()
            .map(|i| {
                digits(
                    values[i.as_u64().unwrap() as usize]["stated"]
                        .as_str()
                        .unwrap(),
                )
            })
            .collect();
        for claim in fact["claims"].as_array().expect("claims") {
            if let Some(item) = keys.get(claim["key"].as_str().unwrap()) {
                best.entry(item.clone()).or_insert_with(|| chosen.clone());
            }
        }
    }
    let (mut correct, mut ties) = (0.0, 0);
    for (item, truth) in items {
        let chosen = best.get(*item).map_or(&[][..], Vec::as_slice);
        ties += usize::from(chosen.len() > 1);
        correct += credit(chosen, truth);
    }
    Run {
        correct,
        ties,
        warnings: report["summary"]["warnings"].as_u64().unwrap_or(0),
        wall: run.wall,
        peak_mib: run.peak_bytes as f64 / (1024.0 * 1024.0),
    }
}

/// The credit for choosing among `chosen`: 1 if it is the truth alone, 1/n if the truth is one
/// of n tied values (the chance of picking it), 0 otherwise.
fn credit(chosen: &[String], truth: &str) -> f64 {
    if chosen.iter().any(|v| v == truth) {
        1.0 / chosen.len() as f64
    } else {
        0.0
    }
}

fn count_sources(rows: &[Row]) -> usize {
    let mut sources: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    sources.len()
}

/// A plain number: digits with optional thousands separators.
fn number(value: &str) -> bool {
    let value = value.trim();
    !value.is_empty()
        && value.chars().all(|c| c.is_ascii_digit() || c == ',')
        && value.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn digits(value: &str) -> String {
    value.chars().filter(char::is_ascii_digit).collect()
}

fn read_claims(path: &Path) -> Vec<Row> {
    let output = Command::new("xz")
        .arg("-dc")
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("xz -dc {}: {e} (install xz-utils)", path.display()));
    assert!(output.status.success(), "xz -dc {} failed", path.display());
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields = csv_fields(line);
            let [city, property, value, source, ..] = fields.as_slice() else {
                return None;
            };
            Some(Row {
                city: city.clone(),
                year: property.strip_prefix("Population")?.to_owned(),
                value: value.clone(),
                source: source.clone(),
            })
        })
        .collect()
}

fn read_gold(path: &Path) -> HashMap<(String, String), String> {
    let text = fs::read_to_string(path).expect("the gold standard");
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let fields = csv_fields(line);
            let [city, property, value] = fields.as_slice() else {
                return None;
            };
            Some((
                (
                    city.clone(),
                    property.strip_prefix("Population")?.to_owned(),
                ),
                digits(value),
            ))
        })
        .collect()
}

/// The fields of one CSV line: double-quoted (with `""` for a quote) or bare.
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// Writes one claims file per source and the rules; returns the (city, year) of every claim
/// by its key (`source#id`).
fn write_dataset(rows: &[Row], dir: &Path) -> HashMap<String, (String, String)> {
    let claims = dir.join("claims");
    let _ = fs::remove_dir_all(&claims);
    fs::create_dir_all(&claims).expect("claims directory");
    let mut by_source: HashMap<&str, Vec<&Row>> = HashMap::new();
    for row in rows {
        by_source.entry(row.source.as_str()).or_default().push(row);
    }
    let mut sources: Vec<&str> = by_source.keys().copied().collect();
    sources.sort_unstable();
    let mut keys = HashMap::new();
    for (n, source) in sources.iter().enumerate() {
        let id = format!("s{n:05}");
        let mut text = format!(
            "[source]\nid = \"{id}\"\ntitle = \"{}\"\npublisher = \"Wikipedia editor\"\n\n",
            toml_escape(source)
        );
        for (index, row) in by_source[source].iter().enumerate() {
            let _ = write!(
                text,
                "[[claim]]\nid = \"c{index}\"\nsubject = \"{}\"\nproperty = \"population\"\n\
                 qualifiers = {{ year = \"{}\" }}\nvalue = \"{}\"\n\n",
                toml_escape(&row.city),
                row.year,
                row.value.trim()
            );
            keys.insert(
                format!("{id}#c{index}"),
                (row.city.clone(), row.year.clone()),
            );
        }
        fs::write(claims.join(format!("{id}.toml")), text).expect("claims file");
    }
    keys
}

fn toml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}
