//! Shared by the accuracy bench's datasets: a dataset converted to one long CSV table of claims
//! (`claims/data.csv`: `source, subject, property, value`, one claim a row, each row tied to the
//! gold item it bears on), majority vote over those rows, `factcheck report --format jsonl` run
//! on them, and the scoring of both against the gold (a tie among n values credited 1/n).

pub mod book;
pub mod flight;
pub mod weather;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::timed;

/// One claim of a converted dataset and the item (an index into the dataset's items) it is about.
pub struct Claim {
    pub source: String,
    pub subject: String,
    pub property: String,
    pub value: String,
    /// The value of the qualifier `write` is given, if any (empty: none).
    pub qualifier: String,
    pub item: usize,
}

/// The table's file, relative to the dataset's directory.
const TABLE: &str = "claims/data.csv";

/// Writes `claims` as `dir/claims/data.csv` (with a column `qualifier.KEY` if `qualifier` names
/// a KEY) and `rules` as `dir/rules.toml`.
pub fn write(dir: &Path, claims: &[Claim], rules: &str, qualifier: Option<&str>) {
    let _ = fs::remove_dir_all(dir.join("claims"));
    fs::create_dir_all(dir.join("claims")).expect("claims directory");
    let mut out = csv::Writer::from_path(dir.join(TABLE)).expect("claims table");
    let mut header = vec![
        "source".to_owned(),
        "subject".into(),
        "property".into(),
        "value".into(),
    ];
    header.extend(qualifier.map(|key| format!("qualifier.{key}")));
    out.write_record(&header).expect("header");
    for claim in claims {
        let mut row = vec![
            claim.source.as_str(),
            &claim.subject,
            &claim.property,
            &claim.value,
        ];
        if qualifier.is_some() {
            row.push(&claim.qualifier);
        }
        out.write_record(&row).expect("row");
    }
    out.flush().expect("claims table");
    fs::write(dir.join("rules.toml"), rules).expect("rules");
}

/// One scored method: accuracy over the gold items, ties, and (for a run) time and memory.
pub struct Score {
    pub correct: f64,
    pub ties: usize,
    pub run: Option<(f64, f64)>,
}

/// Majority vote of the claims: per item, the values (by `key`) the most claims give.
pub fn majority(claims: &[Claim], key: impl Fn(&str) -> String) -> HashMap<usize, Vec<String>> {
    let mut votes: HashMap<usize, HashMap<String, usize>> = HashMap::new();
    for claim in claims {
        *votes
            .entry(claim.item)
            .or_default()
            .entry(key(&claim.value))
            .or_default() += 1;
    }
    votes
        .into_iter()
        .map(|(item, counts)| {
            let most = counts.values().copied().max().unwrap_or(0);
            let leaders = counts
                .into_iter()
                .filter(|(_, n)| *n == most)
                .map(|(v, _)| v)
                .collect();
            (item, leaders)
        })
        .collect()
}

/// Runs `factcheck report --format jsonl` in `dir` and gives each item the best-supported values
/// (by `key`) of the fact its claims went to (the first fact seen, if they went to several).
pub fn factcheck(
    dir: &Path,
    claims: &[Claim],
    key: impl Fn(&str) -> String,
) -> (HashMap<usize, Vec<String>>, f64, f64) {
    answers(dir, claims, |_, best| best.iter().map(|v| key(v)).collect())
}

/// Like [`factcheck`], with the answers of a fact made by `pick` from its best-supported values
/// as stated and its property (for a multi-valued fact, one answer: the set).
pub fn answers(
    dir: &Path,
    claims: &[Claim],
    pick: impl Fn(&str, &[&str]) -> Vec<String>,
) -> (HashMap<usize, Vec<String>>, f64, f64) {
    answers_with(dir, claims, "trust", pick)
}

/// The estimators the bench compares (`factcheck report --method`): the default first.
pub const METHODS: [&str; 2] = ["trust", "vote"];

/// Like [`answers`], with `factcheck report --method METHOD`.
pub fn answers_with(
    dir: &Path,
    claims: &[Claim],
    method: &str,
    pick: impl Fn(&str, &[&str]) -> Vec<String>,
) -> (HashMap<usize, Vec<String>>, f64, f64) {
    let run = timed::run(
        dir,
        &[
            "report",
            "--format",
            "jsonl",
            "--max-file-size",
            "1G",
            "--method",
            method,
        ],
        &[0, 1, 2],
    );
    let mut answers: HashMap<usize, Vec<String>> = HashMap::new();
    for line in run.output.stdout.split(|&b| b == b'\n') {
        if line.is_empty() {
            continue;
        }
        let line: Value = serde_json::from_slice(line).expect("a JSON line");
        if line["kind"] != "fact" {
            continue;
        }
        let fact = &line["fact"];
        let values = fact["values"].as_array().expect("values");
        let best: Vec<&str> = fact["best"]
            .as_array()
            .expect("best")
            .iter()
            .map(|i| {
                values[i.as_u64().unwrap() as usize]["stated"]
                    .as_str()
                    .unwrap()
            })
            .collect();
        let chosen = pick(fact["property"].as_str().unwrap_or(""), &best);
        for claim in fact["claims"].as_array().expect("claims") {
            if claim["file"].as_str() != Some(TABLE) {
                continue;
            }
            // Line 1 is the header: line n holds claim n - 2.
            let line = claim["line"].as_u64().unwrap() as usize;
            if let Some(row) = line.checked_sub(2).and_then(|r| claims.get(r)) {
                answers.entry(row.item).or_insert_with(|| chosen.clone());
            }
        }
    }
    (answers, run.wall, run.peak_bytes as f64 / (1024.0 * 1024.0))
}

/// Scores `chosen` against `gold` (the true value of each item, by the same key), over the
/// gold items with claims.
pub fn score(chosen: &HashMap<usize, Vec<String>>, gold: &[Option<String>]) -> Score {
    let (mut correct, mut ties) = (0.0, 0);
    for (item, truth) in gold.iter().enumerate() {
        let Some(truth) = truth else { continue };
        let Some(values) = chosen.get(&item) else {
            continue;
        };
        ties += usize::from(values.len() > 1);
        if values.iter().any(|v| v == truth) {
            correct += 1.0 / values.len() as f64;
        }
    }
    Score {
        correct,
        ties,
        run: None,
    }
}

/// Prints the table header.
pub fn header() {
    println!(
        "{:<44} {:>9} {:>6} {:>9} {:>9}",
        "method", "correct", "ties", "wall (s)", "peak MiB"
    );
}

/// Prints one method's row, accuracy over `items` gold items.
pub fn row(label: &str, score: &Score, items: usize) {
    let (wall, peak) = score.run.map_or_else(
        || ("-".to_owned(), "-".to_owned()),
        |(w, p)| (format!("{w:.2}"), format!("{p:.0}")),
    );
    println!(
        "{label:<44} {:>8.1}% {:>6} {wall:>9} {peak:>9}",
        100.0 * score.correct / items as f64,
        score.ties
    );
}
