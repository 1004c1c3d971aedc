//! Flight (Li, Dong, Lyons, Meng, Srivastava, VLDB 2013; `flight/`): 38 flight-status sites'
//! daily crawls of December 2011, scored on the airlines' own values for 100 flights
//! (`truth/YYYY-MM-DD-truth.txt`), only on the (day, flight, attribute) items present in the
//! truth file of the same day, as the dataset README says.
//!
//! Conversion: the crawls as the flight bench reads them (the shared `crawls` module): each
//! non-empty cell is a row `site, flight, attribute, value as written`, qualifier `day` the
//! crawl's day; the four time columns are `datetime`, the gates `text`.
//!
//! Scoring (the same for every method and for the truth): a time is its clock time of day at
//! minute precision (`12/01/2011 01:55 PM`, `1:55pDec 1` and `13:55` are `13:55`; the date and
//! any zone dropped: every format states the airport's local time), a gate its last token
//! without `Gate`/`Term` words, upper case (`Term B - B84N` is `B84N`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use super::{Claim, Score};
use crate::crawls::{self, COLUMNS, TIMES};

/// A time's scoring key: `HH:MM` on a 24-hour clock, from the first `h:mm` and the `a`/`p`
/// after it; the text itself when it holds none.
fn time_key(value: &str) -> String {
    let bytes = value.as_bytes();
    for (i, _) in value.match_indices(':') {
        let hour_start = bytes[..i]
            .iter()
            .rposition(|b| !b.is_ascii_digit())
            .map_or(0, |p| p + 1);
        let Ok(mut hour) = value[hour_start..i].parse::<u32>() else {
            continue;
        };
        let Some(minute) = value.get(i + 1..i + 3).and_then(|m| m.parse::<u32>().ok()) else {
            continue;
        };
        let rest = value[i + 3..].trim_start().to_ascii_lowercase();
        if rest.starts_with('p') && hour < 12 {
            hour += 12;
        } else if rest.starts_with('a') && hour == 12 {
            hour = 0;
        }
        return format!("{hour:02}:{minute:02}");
    }
    value.trim().to_owned()
}

/// A gate's scoring key.
fn gate_key(value: &str) -> String {
    let upper = value.to_uppercase();
    let last = upper
        .rsplit(|c: char| c == '-' || c.is_whitespace())
        .find(|t| !t.is_empty())
        .unwrap_or("");
    last.trim_start_matches("GATE").to_owned()
}

fn key(property: &str, value: &str) -> String {
    if TIMES.contains(&property) {
        time_key(value)
    } else {
        gate_key(value)
    }
}

fn self_check() {
    assert_eq!(time_key("12/01/2011 01:55 PM"), "13:55");
    assert_eq!(time_key("12/1/11 2:06 PM (-05:00)"), "14:06");
    assert_eq!(time_key("2:07 PMDec 01"), "14:07");
    assert_eq!(time_key("1:55pDec 1"), "13:55");
    assert_eq!(time_key("2011-12-01 12:10AM CST"), "00:10");
    assert_eq!(time_key("13:55"), "13:55");
    assert_eq!(gate_key("Term B - B84N"), "B84N");
    assert_eq!(gate_key("b84n"), "B84N");
}

#[allow(clippy::too_many_lines)] // a measurement script, read top to bottom
pub fn run(root: &Path, data: &Path) {
    self_check();
    let crawls = crawls::crawls(&data.join("claims"));
    let mut index: HashMap<(String, String, String), usize> = HashMap::new();
    let mut claims = Vec::new();
    for crawl in &crawls {
        let day = crawls::day(crawl);
        crawls::rows(crawl, |cells| {
            if cells.len() != COLUMNS.len() {
                return;
            }
            let source = String::from_utf8_lossy(cells[0]).trim().to_owned();
            let flight = String::from_utf8_lossy(cells[1]).trim().to_owned();
            for (column, cell) in COLUMNS.iter().zip(cells).skip(2) {
                let value = String::from_utf8_lossy(cell).trim().to_owned();
                if value.is_empty() {
                    continue;
                }
                let next = index.len();
                let item = *index
                    .entry((day.clone(), flight.clone(), (*column).to_owned()))
                    .or_insert(next);
                claims.push(Claim {
                    source: source.clone(),
                    subject: flight.clone(),
                    property: (*column).to_owned(),
                    value,
                    qualifier: day.clone(),
                    item,
                });
            }
        });
    }
    let mut gold = vec![None; index.len()];
    let mut truths = 0;
    let mut files: Vec<_> = fs::read_dir(data.join("truth"))
        .expect("flight/truth")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stamp) = name.strip_suffix("-truth.txt") else {
            continue;
        };
        let day = format!("{stamp}-data");
        for line in fs::read_to_string(&file).expect("a truth file").lines() {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != COLUMNS.len() - 1 {
                continue;
            }
            for (column, cell) in COLUMNS.iter().skip(2).zip(&cells[1..]) {
                if cell.trim().is_empty() {
                    continue;
                }
                truths += 1;
                let item = (
                    day.clone(),
                    cells[0].trim().to_owned(),
                    (*column).to_owned(),
                );
                if let Some(&item) = index.get(&item) {
                    gold[item] = Some(key(column, cell));
                }
            }
        }
    }
    let items = gold.iter().flatten().count();
    let mut sources: Vec<&str> = claims.iter().map(|c| c.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    println!(
        "\nflight: {} claims, {} sources, {} crawls, {} items; {items} truth items with claims \
         (of {truths})\n",
        claims.len(),
        sources.len(),
        crawls.len(),
        index.len()
    );
    let mut rules = String::new();
    for c in COLUMNS.iter().skip(2) {
        let kind = if TIMES.contains(c) {
            "datetime"
        } else {
            "text"
        };
        let _ = write!(rules, "[[property]]\nname = \"{c}\"\ntype = \"{kind}\"\n\n");
    }
    let work = root.join("target/bench-data/accuracy-flight");
    super::write(&work, &claims, &rules, Some("day"));
    // Majority vote needs each claim's property for its key: vote per item on keyed values.
    let mut votes: HashMap<usize, HashMap<String, usize>> = HashMap::new();
    for claim in &claims {
        *votes
            .entry(claim.item)
            .or_default()
            .entry(key(&claim.property, &claim.value))
            .or_default() += 1;
    }
    let leaders: HashMap<usize, Vec<String>> = votes
        .into_iter()
        .map(|(item, counts)| {
            let most = counts.values().copied().max().unwrap_or(0);
            let top = counts
                .into_iter()
                .filter(|(_, n)| *n == most)
                .map(|(v, _)| v)
                .collect();
            (item, top)
        })
        .collect();
    super::header();
    super::row(
        "majority vote of claims",
        &super::score(&leaders, &gold),
        items,
    );
    for method in super::METHODS {
        let (best, wall, peak) = super::answers_with(&work, &claims, method, |property, best| {
            best.iter().map(|v| key(property, v)).collect()
        });
        let factcheck = Score {
            run: Some((wall, peak)),
            ..super::score(&best, &gold)
        };
        super::row(&format!("factcheck --method {method}"), &factcheck, items);
    }
}
