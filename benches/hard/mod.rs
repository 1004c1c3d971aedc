//! The scale benchmark's hard distribution (issue 10): names that share many common words.
//!
//! 100,000 subjects, each two to five distinct words drawn from a 40-word vocabulary, then a
//! number ("Pacific Energy Council Harbour 17"); no two subjects are the same words in another
//! order. Claims come fact by fact: a fact (subject, property) is stated by two to six
//! different sources, so there are about a quarter as many facts as claims and
//! `min(100,000, claims / 4)` subjects in use. 20 % of mentions are noisy, in equal parts: the
//! name in lower case, a hyphen for each space, or two adjacent letters of a word of four
//! letters or more transposed. Dates are written in seven forms (a year, a month, `2/2013`,
//! `April 8, 2025`, `8 April 2025`, `2025-04-08`, `08-Apr-2025`), counts with or without a
//! thousands separator. In 5 % of facts one claim states a different value (a date three to
//! nine years later, a count doubled): the planted conflicts, listed in `planted.tsv`, which
//! the benchmark scores the conflicts `check` finds against.
//!
//! The dataset is written as CSV long tables (`claims/part-NNNNN.csv`, 100,000 rows each, columns
//! `source, subject, property, value`), or with `--toml` as one TOML claims file per source.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::{MONTHS, Rng};

/// Subjects in the pool.
pub const SUBJECTS: usize = 100_000;
/// Rows per CSV file.
const ROWS_PER_TABLE: usize = 100_000;
/// Facts with one dissenting claim, in percent.
const PLANTED_PERCENT: u64 = 5;
/// Mentions written with noise, in percent.
const NOISY_PERCENT: u64 = 20;

/// Forty common words, pairwise too far apart to be variants of each other (checked in
/// [`Hard::new`]), some of them near misses.
const VOCABULARY: [&str; 40] = [
    "North",
    "Atlantic",
    "Pacific",
    "Central",
    "Eastern",
    "Western",
    "National",
    "Regional",
    "Institute",
    "Council",
    "Forum",
    "Agency",
    "Bank",
    "Fund",
    "Trade",
    "Energy",
    "Ocean",
    "River",
    "Valley",
    "Mountain",
    "Harbour",
    "Union",
    "Alliance",
    "Commission",
    "Partnership",
    "Programme",
    "Mission",
    "Office",
    "Service",
    "Authority",
    "Board",
    "College",
    "Museum",
    "Library",
    "Society",
    "League",
    "Network",
    "Centre",
    "Group",
    "Trust",
];

/// Properties: dates, then counts. Enough of them that every fact of 10M claims over the
/// 100,000 subjects is a different (subject, property).
const DATES: &[&str] = &[
    "founded",
    "opened",
    "signed",
    "ratified",
    "launched",
    "reorganised",
    "first meeting",
    "renamed",
    "charter adopted",
    "headquarters opened",
    "merged",
    "audited",
    "registered",
    "accredited",
    "relocated",
];
const COUNTS: &[&str] = &[
    "members",
    "staff",
    "delegates",
    "branches",
    "volunteers",
    "vehicles",
    "offices",
    "committees",
    "partners",
    "trustees",
    "students",
    "visitors",
    "projects",
    "grants",
    "publications",
];

/// One generated claim.
struct Claim {
    source: usize,
    subject: String,
    property: &'static str,
    value: String,
}

/// The hard distribution at a given size.
pub struct Hard {
    claims: usize,
    subjects: Vec<String>,
    sources: usize,
}

impl Hard {
    pub fn new(claims: usize) -> Self {
        for (i, a) in VOCABULARY.iter().enumerate() {
            for b in &VOCABULARY[i + 1..] {
                // Beyond the edits fuzzy matching allows such words (near misses are fine:
                // "Central" and "Centre").
                let allowed = if a.len().max(b.len()) >= 9 { 2 } else { 1 };
                let distance = strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase());
                assert!(distance > allowed, "{a} and {b} are {distance} edits apart");
            }
        }
        let mut rng = Rng(crate::SEED ^ 0x0A2D);
        let mut seen = HashSet::new();
        let mut subjects = Vec::with_capacity(SUBJECTS);
        while subjects.len() < SUBJECTS {
            let count = 2 + rng.below(4);
            let mut words: Vec<usize> = Vec::with_capacity(count);
            while words.len() < count {
                let word = rng.below(VOCABULARY.len());
                if !words.contains(&word) {
                    words.push(word);
                }
            }
            let number = 1 + rng.below(99);
            let mut bag = words.clone();
            bag.sort_unstable();
            if seen.insert((bag, number)) {
                let mut name: Vec<&str> = words.iter().map(|&w| VOCABULARY[w]).collect();
                let number = number.to_string();
                name.push(&number);
                subjects.push(name.join(" "));
            }
        }
        Self {
            claims,
            subjects,
            sources: (claims / 1000).max(20),
        }
    }

    /// Writes the dataset under `dir`: the claims (tables, or TOML with `toml`), `rules.toml`
    /// and `planted.tsv`.
    pub fn write(&self, dir: &Path, toml: bool) {
        let claims_dir = dir.join("claims");
        fs::create_dir_all(&claims_dir).expect("claims directory");
        let mut rules =
            String::from("# Generated for the scale benchmark's hard distribution.\n\n");
        for property in DATES {
            let _ = writeln!(
                rules,
                "[[property]]\nname = \"{property}\"\ntype = \"date\"\n"
            );
        }
        for property in COUNTS {
            let _ = writeln!(
                rules,
                "[[property]]\nname = \"{property}\"\ntype = \"number\"\n"
            );
        }
        fs::write(dir.join("rules.toml"), rules).expect("rules");

        let mut planted =
            BufWriter::new(fs::File::create(dir.join("planted.tsv")).expect("planted"));
        let mut tables = Tables::new(&claims_dir);
        let mut by_source: Vec<String> = if toml {
            vec![String::new(); self.sources]
        } else {
            Vec::new()
        };
        let mut rng = Rng(crate::SEED ^ 0xFAC7_0000);
        let mut written = 0;
        let mut fact = 0;
        let properties = DATES.len() + COUNTS.len();
        while written < self.claims {
            let subject = fact % SUBJECTS;
            let property = (fact / SUBJECTS) % properties;
            fact += 1;
            let stated = (2 + rng.below(5)).min(self.claims - written).max(1);
            let plant = stated >= 2 && rng.below(100) < PLANTED_PERCENT as usize;
            let dissenter = rng.below(stated);
            let first_source = rng.below(self.sources);
            let step = 1 + rng.below(self.sources - 1);
            let (name, truth) = if property < DATES.len() {
                (DATES[property], Truth::date(&mut rng))
            } else {
                (COUNTS[property - DATES.len()], Truth::count(&mut rng))
            };
            if plant {
                writeln!(planted, "{}\t{name}", self.subjects[subject]).expect("planted");
            }
            // Distinct sources: `step` and the source count need not be coprime, so skip repeats.
            let mut used = Vec::with_capacity(stated);
            let mut source = first_source;
            for index in 0..stated {
                while used.contains(&source) {
                    source = (source + 1) % self.sources;
                }
                used.push(source);
                let value = if plant && index == dissenter {
                    truth.dissent(&mut rng)
                } else {
                    truth.state(&mut rng)
                };
                let claim = Claim {
                    source,
                    subject: mention(&mut rng, &self.subjects[subject]),
                    property: name,
                    value,
                };
                if toml {
                    let text = &mut by_source[source];
                    let _ = writeln!(
                        text,
                        "[[claim]]\nsubject = \"{}\"\nproperty = \"{}\"\nvalue = \"{}\"\n",
                        claim.subject, claim.property, claim.value
                    );
                } else {
                    tables.push(&claim);
                }
                source = (source + step) % self.sources;
            }
            written += stated;
        }
        tables.finish();
        planted.flush().expect("planted");
        for (source, text) in by_source.iter().enumerate() {
            let header = format!(
                "[source]\ntitle = \"Generated source {source}\"\npublisher = \"Source {source}\"\npublished = \"2024\"\nkind = \"news\"\n\n"
            );
            fs::write(
                claims_dir.join(format!("source-{source:05}.toml")),
                header + text,
            )
            .expect("claims file");
        }
    }
}

/// CSV long tables, [`ROWS_PER_TABLE`] rows each.
struct Tables<'a> {
    dir: &'a Path,
    out: Option<BufWriter<fs::File>>,
    rows: usize,
    files: usize,
}

impl<'a> Tables<'a> {
    fn new(dir: &'a Path) -> Self {
        Self {
            dir,
            out: None,
            rows: 0,
            files: 0,
        }
    }

    fn push(&mut self, claim: &Claim) {
        if self.rows % ROWS_PER_TABLE == 0 {
            self.finish();
            let path = self.dir.join(format!("part-{:05}.csv", self.files));
            let mut out = BufWriter::new(fs::File::create(path).expect("table"));
            out.write_all(b"source,subject,property,value\n")
                .expect("write");
            self.out = Some(out);
            self.files += 1;
        }
        self.rows += 1;
        if let Some(out) = &mut self.out {
            writeln!(
                out,
                "source-{:05},{},{},{}",
                claim.source,
                cell(&claim.subject),
                cell(claim.property),
                cell(&claim.value)
            )
            .expect("write");
        }
    }

    fn finish(&mut self) {
        if let Some(mut out) = self.out.take() {
            out.flush().expect("flush");
        }
    }
}

/// A CSV cell, quoted when it must be (RFC 4180).
fn cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// How one source writes the subject: 80 % as it is, the rest lower case, hyphenated, or with
/// two adjacent letters of a word of four letters or more swapped.
fn mention(rng: &mut Rng, name: &str) -> String {
    if rng.below(100) >= NOISY_PERCENT as usize {
        return name.to_owned();
    }
    match rng.below(3) {
        0 => name.to_lowercase(),
        1 => name.replace(' ', "-"),
        _ => transpose(rng, name),
    }
}

fn transpose(rng: &mut Rng, name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].len() >= 4 && words[i].bytes().all(|b| b.is_ascii_alphabetic()))
        .collect();
    let target = long[rng.below(long.len())];
    let at = rng.below(words[target].len() - 1);
    swap_letters(&words, target, at)
}

/// `words` joined by spaces, with the ASCII letters at `at` and `at + 1` of word `target`
/// swapped: the transposition both distributions plant.
pub fn swap_letters(words: &[&str], target: usize, at: usize) -> String {
    let mut bytes = words[target].as_bytes().to_vec();
    bytes.swap(at, at + 1);
    let swapped = String::from_utf8(bytes).unwrap_or_default();
    words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == target { swapped.as_str() } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fact's true value.
enum Truth {
    Date {
        year: usize,
        month: usize,
        day: usize,
    },
    Count(usize),
}

impl Truth {
    fn date(rng: &mut Rng) -> Self {
        Truth::Date {
            year: 1900 + rng.below(120),
            month: rng.below(12),
            day: 1 + rng.below(28),
        }
    }

    fn count(rng: &mut Rng) -> Self {
        Truth::Count(100 + rng.below(99_900))
    }

    /// The value as a source that agrees writes it.
    fn state(&self, rng: &mut Rng) -> String {
        match *self {
            Truth::Date { year, month, day } => date(rng, year, month, day),
            Truth::Count(count) => count_text(rng, count),
        }
    }

    /// A value that disagrees with the truth at any precision.
    fn dissent(&self, rng: &mut Rng) -> String {
        match *self {
            Truth::Date { year, month, day } => {
                let later = year + 3 + rng.below(7);
                date(rng, later, month, day)
            }
            Truth::Count(count) => count_text(rng, 2 * count + 17),
        }
    }
}

/// A day in one of seven forms, some less precise than the day.
fn date(rng: &mut Rng, year: usize, month: usize, day: usize) -> String {
    let name = MONTHS[month];
    match rng.below(7) {
        0 => year.to_string(),
        1 => format!("{name} {year}"),
        2 => format!("{}/{year}", month + 1),
        3 => format!("{name} {day}, {year}"),
        4 => format!("{day} {name} {year}"),
        5 => format!("{year}-{:02}-{day:02}", month + 1),
        _ => format!("{day:02}-{}-{year}", &name[..3]),
    }
}

fn count_text(rng: &mut Rng, count: usize) -> String {
    if count >= 1000 && rng.chance(0.5) {
        format!("{},{:03}", count / 1000, count % 1000)
    } else {
        count.to_string()
    }
}

/// Scores a run's conflicts against `planted.tsv`: (found, missed, false).
///
/// `conflicts` are the (subject, property) of every conflict finding; subjects are compared
/// folded (lower case, hyphens as spaces), since the canonical spelling is whichever the
/// sources use most.
pub fn score(dir: &Path, conflicts: &[(String, String)]) -> (usize, usize, usize) {
    let fold = |s: &str| s.to_lowercase().replace('-', " ");
    let planted: HashSet<(String, String)> = fs::read_to_string(dir.join("planted.tsv"))
        .expect("planted.tsv")
        .lines()
        .filter_map(|line| {
            let (subject, property) = line.split_once('\t')?;
            Some((fold(subject), property.to_owned()))
        })
        .collect();
    let found: HashSet<(String, String)> = conflicts
        .iter()
        .map(|(subject, property)| (fold(subject), property.clone()))
        .collect();
    let hits = found.intersection(&planted).count();
    (hits, planted.len() - hits, found.len() - hits)
}
