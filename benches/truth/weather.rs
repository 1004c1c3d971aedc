//! Weather (Dong, Berti-Equille, Hu, Srivastava, VLDB 2010) in DAFNA's normalized form
//! (`weather/dafna_normalized/`): 16 sites' current conditions of 30 US cities, one object per
//! city, day and time slot (`sanjosefrijan2908`), properties Temperature, Humidity, Pressure,
//! `RealFeel` and Visibility. The gold is the site `accuweather`'s own claims (a pseudo-gold, as the dataset
//! README says), over the (object, property) items the other 16 sources also give.
//!
//! Conversion: each DAFNA claim is a row `site, object, property, value`, the value as written
//! (`29.70` keeps its two decimals, so its precision); every property is a `number`. Scoring
//! compares numbers, not text (`29.70` is `29.7`), exactly as the gold is written otherwise.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::io::Read as _;
use std::path::Path;

use super::{Claim, Score};

const PROPERTIES: [&str; 5] = [
    "Temperature",
    "Humidity",
    "Pressure",
    "RealFeel",
    "Visibility",
];

/// One DAFNA claim: object, property, value, source.
fn read(path: &Path) -> Vec<[String; 4]> {
    let mut text = String::new();
    liblzma::read::XzDecoder::new_multi_decoder(fs::File::open(path).expect("a DAFNA file"))
        .read_to_string(&mut text)
        .expect("UTF-8 text");
    text.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let [_, _, object, property, value, source, ..] = fields.as_slice() else {
                return None;
            };
            (!value.is_empty()).then(|| [object, property, value, source].map(|f| (*f).to_owned()))
        })
        .collect()
}

/// A value's key for scoring and majority vote: the number it writes, or the text.
fn key(value: &str) -> String {
    value
        .trim()
        .parse::<f64>()
        .map_or_else(|_| value.trim().to_lowercase(), |n| n.to_string())
}

pub fn run(root: &Path, data: &Path) {
    let work = root.join("target/bench-data/weather");
    let mut files: Vec<_> = fs::read_dir(data.join("claims"))
        .expect("weather/dafna_normalized/claims")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut claims = Vec::new();
    for file in &files {
        for [object, property, value, source] in read(file) {
            let next = index.len();
            let item = *index
                .entry((object.clone(), property.clone()))
                .or_insert(next);
            claims.push(Claim {
                source,
                subject: object,
                property,
                value,
                qualifier: String::new(),
                item,
            });
        }
    }
    let mut gold = vec![None; index.len()];
    let mut gold_rows = 0;
    for [object, property, value, _] in read(&data.join("truth/weather-accuweather.txt.xz")) {
        gold_rows += 1;
        if let Some(&item) = index.get(&(object, property)) {
            gold[item] = Some(key(&value));
        }
    }
    let items = gold.iter().flatten().count();
    let mut sources: Vec<&str> = claims.iter().map(|c| c.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let not_numbers = claims
        .iter()
        .filter(|c| c.value.parse::<f64>().is_err())
        .count();
    println!(
        "\nweather: {} claims ({not_numbers} not numbers), {} sources, {} items; {items} gold \
         items with claims (of {gold_rows} AccuWeather claims)\n",
        claims.len(),
        sources.len(),
        index.len()
    );
    let mut rules = String::new();
    for p in PROPERTIES {
        let _ = write!(rules, "[[property]]\nname = \"{p}\"\ntype = \"number\"\n\n");
    }
    super::write(&work, &claims, &rules, None);
    super::header();
    let majority = super::score(&super::majority(&claims, key), &gold);
    super::row("majority vote of claims", &majority, items);
    for method in super::METHODS {
        let (best, wall, peak) = super::answers_with(&work, &claims, method, |_, best| {
            best.iter().map(|v| key(v)).collect()
        });
        let factcheck = Score {
            run: Some((wall, peak)),
            ..super::score(&best, &gold)
        };
        super::row(&format!("factcheck --method {method}"), &factcheck, items);
    }
}
