//! Scale benchmark: realistic datasets of growing size from a seeded generator, checked
//! (`factcheck check`) and reported on (`factcheck report --format html`) by the release
//! binary; reports wall time (median of three runs), claims per second and peak memory.
//!
//! ```text
//! cargo bench --bench scale                 # 10k, 100k and 1M claims
//! cargo bench --bench scale -- 50000 200000 # chosen sizes
//! FACTCHECK_SCALE_GENERATE_ONLY=1 cargo bench --bench scale -- 100000
//!                                           # only write the dataset (for profiling)
//! cargo bench --bench scale -- --hard       # the hard distribution (100k, 300k, 1M), as CSV
//! cargo bench --bench scale -- --hard --toml 1000000   # the same claims as TOML files
//! FACTCHECK_SCALE=hard cargo bench --bench scale       # the same as `--hard`
//! cargo bench --bench scale -- --hard --once 10000000  # one run, not the median of three
//! ```
//!
//! The hard distribution ([`hard`]) stresses name resolution: 100k subjects that share words
//! from a 40-word vocabulary, noisy mentions, and 5 % planted conflicts, which it scores
//! (found, missed, false); only `check` is timed on it.
//!
//! Datasets are written under `target/bench-data/` and reused while the generator's version
//! and seed are unchanged. The generated claims look like a real dataset at scale: about a
//! thousand claims per source file, several sources per fact, subjects written with acronyms,
//! typos and case or dash variants, dates in every vague form (decades, early/mid/late, spans,
//! "around", "since"), numbers with currencies, percentages of a base and vague counts,
//! qualifiers, and a few percent of genuine disagreements. Each source words its quotes its own
//! way, except that one source in 25 copies 40% of the source before it word for word (every
//! other copy declares it in `derived_from`), so copy detection has work to do.

#![allow(clippy::cast_precision_loss, clippy::expect_used, clippy::unwrap_used)]

mod hard;
mod timed;

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bump when the generated data changes, so cached datasets are rebuilt.
const GENERATOR_VERSION: u32 = 4;
const SEED: u64 = 0x5EED_FAC7;
/// Bump when the hard distribution's data changes.
const HARD_VERSION: u32 = 2;
const CLAIMS_PER_FILE: usize = 1000;
const RUNS: usize = 3;
/// One source in this many copies part of the source before it.
const COPY_EVERY: usize = 25;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = args
        .iter()
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let hard = args.iter().any(|a| a == "--hard")
        || std::env::var("FACTCHECK_SCALE").is_ok_and(|v| v == "hard");
    if hard {
        let toml = args.iter().any(|a| a == "--toml");
        let sizes = if sizes.is_empty() {
            vec![100_000, 300_000, 1_000_000]
        } else {
            sizes
        };
        // `--once`: one run instead of the median of three (for 10M claims).
        let runs = if args.iter().any(|a| a == "--once") {
            1
        } else {
            RUNS
        };
        run_hard(&sizes, toml, runs);
        return;
    }
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000, 1_000_000]
    } else {
        sizes
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    // Profilers (callgrind, perf) and output comparisons want the datasets without the runs.
    if std::env::var_os("FACTCHECK_SCALE_GENERATE_ONLY").is_some() {
        for n in sizes {
            let dir = root.join(format!("scale-{n}"));
            generate_cached(n, &dir);
            println!("{}", dir.display());
        }
        return;
    }
    println!(
        "{:>7} {:>10} {:>7} {:>10} {:>9} {:>12} {:>10}  stages (s)",
        "job", "claims", "files", "findings", "wall (s)", "claims/s", "peak MiB"
    );
    for n in sizes {
        let dir = root.join(format!("scale-{n}"));
        generate_cached(n, &dir);
        for job in [Job::Check, Job::Report] {
            // The median of three runs: wall time on a shared machine varies by several
            // percent.
            let mut runs: Vec<Run> = (0..RUNS).map(|_| run(&dir, job)).collect();
            runs.sort_by(|a, b| a.wall.total_cmp(&b.wall));
            let run = runs.swap_remove(RUNS / 2);
            let findings = match job {
                Job::Check => run.findings.to_string(),
                Job::Report => format!(
                    "{} MiB",
                    fs::metadata(dir.join("report.html")).map_or(0, |m| m.len()) / (1024 * 1024)
                ),
            };
            println!(
                "{:>7} {:>10} {:>7} {:>10} {:>9.2} {:>12.0} {:>10.0}  {}",
                format!("{job:?}").to_lowercase(),
                n,
                n.div_ceil(CLAIMS_PER_FILE),
                findings,
                run.wall,
                n as f64 / run.wall,
                run.peak_bytes as f64 / (1024.0 * 1024.0),
                run.stages
            );
        }
    }
}

struct Run {
    wall: f64,
    peak_bytes: u64,
    findings: usize,
    stages: String,
}

/// What is timed: `factcheck check` (the CI gate) or `factcheck report` (HTML, to a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Job {
    Check,
    Report,
}

fn run(dir: &Path, job: Job) -> Run {
    let args: &[&str] = match job {
        Job::Check => &["check", "--format", "concise", "--fail-on", "never"],
        Job::Report => &["report", "--format", "html", "-o", "report.html"],
    };
    let run = timed::run(dir, args, &[0]);
    let findings = String::from_utf8_lossy(&run.output.stdout)
        .lines()
        .count()
        .saturating_sub(1);
    Run {
        wall: run.wall,
        peak_bytes: run.peak_bytes,
        findings,
        stages: run.stages,
    }
}

/// Times `check` on the hard distribution and scores the planted conflicts.
fn run_hard(sizes: &[usize], toml: bool, runs: usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let form = if toml { "toml" } else { "csv" };
    println!(
        "{:>10} {:>5} {:>9} {:>12} {:>10} {:>7} {:>7} {:>6}  stages (s)",
        "claims", "form", "wall (s)", "claims/s", "peak MiB", "found", "missed", "false"
    );
    for &n in sizes {
        let dir = root.join(format!("scale-hard-{form}-{n}"));
        let stamp = dir.join("GENERATED");
        let expected = format!("hard version {HARD_VERSION} seed {SEED} claims {n} {form}\n");
        if !fs::read_to_string(&stamp).is_ok_and(|s| s == expected) {
            let _ = fs::remove_dir_all(&dir);
            let start = Instant::now();
            hard::Hard::new(n).write(&dir, toml);
            fs::write(&stamp, expected).expect("stamp");
            eprintln!(
                "generated {n} hard claims in {:.1} s under {}",
                start.elapsed().as_secs_f64(),
                dir.display()
            );
        }
        let args = ["check", "--format", "concise", "--fail-on", "never"];
        let mut runs: Vec<timed::Timed> =
            (0..runs).map(|_| timed::run(&dir, &args, &[0])).collect();
        runs.sort_by(|a, b| a.wall.total_cmp(&b.wall));
        let run = runs.swap_remove(runs.len() / 2);
        // A conflict's concise line names its fact: `conflict on "SUBJECT · PROPERTY": …`
        // (the generated subjects and properties hold no ` · ` and no quote).
        let conflicts: Vec<(String, String)> = String::from_utf8_lossy(&run.output.stdout)
            .lines()
            .filter(|line| line.contains(" factcheck::conflict::"))
            .filter_map(|line| {
                let fact = line.split_once("conflict on \"")?.1.split_once("\":")?.0;
                let (subject, property) = fact.split_once(" · ")?;
                Some((subject.to_owned(), property.to_owned()))
            })
            .collect();
        let (found, missed, false_positives) = hard::score(&dir, &conflicts);
        println!(
            "{:>10} {:>5} {:>9.2} {:>12.0} {:>10.0} {:>7} {:>7} {:>6}  {}",
            n,
            form,
            run.wall,
            n as f64 / run.wall,
            run.peak_bytes as f64 / (1024.0 * 1024.0),
            found,
            missed,
            false_positives,
            run.stages
        );
    }
}

fn generate_cached(n: usize, dir: &Path) {
    let stamp = dir.join("GENERATED");
    let expected = format!("version {GENERATOR_VERSION} seed {SEED} claims {n}\n");
    if fs::read_to_string(&stamp).is_ok_and(|s| s == expected) {
        return;
    }
    let _ = fs::remove_dir_all(dir);
    let start = Instant::now();
    Generator::new(n).write(dir);
    fs::write(stamp, expected).expect("stamp");
    eprintln!(
        "generated {n} claims in {:.1} s under {}",
        start.elapsed().as_secs_f64(),
        dir.display()
    );
}

/// `SplitMix64`: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A deterministic stream for one fact, so every source agrees on its true value without the
/// generator storing it.
fn fact_rng(entity: usize, property: usize) -> Rng {
    let mut rng = Rng(SEED ^ (entity as u64).wrapping_mul(0x1000_0001) ^ ((property as u64) << 40));
    rng.next();
    rng
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Date,
    Money,
    Percent,
    Count,
    Person,
    Place,
}

const PROPERTIES: &[(&str, Kind, bool)] = &[
    ("founded", Kind::Date, true),
    ("signed", Kind::Date, true),
    ("first contact", Kind::Date, true),
    ("opened", Kind::Date, true),
    ("dissolved", Kind::Date, true),
    ("ratified", Kind::Date, true),
    ("launched", Kind::Date, false),
    ("first meeting", Kind::Date, false),
    ("budget", Kind::Money, true),
    ("pledge", Kind::Money, true),
    ("spending target", Kind::Percent, true),
    ("growth", Kind::Percent, false),
    ("staff", Kind::Count, true),
    ("troops deployed", Kind::Count, true),
    ("members", Kind::Count, false),
    ("headed by", Kind::Person, true),
    ("founded by", Kind::Person, true),
    ("spokesperson", Kind::Person, false),
    ("headquarters", Kind::Place, true),
    ("signed in", Kind::Place, false),
];

const SUFFIXES: &[&str] = &[
    "Institute",
    "Accord",
    "Programme",
    "Council",
    "Agreement",
    "Mission",
    "Initiative",
    "Forum",
    "Partnership",
    "Treaty",
    "Centre of Excellence",
    "Commission",
];

struct Entity {
    name: String,
    acronym: Option<String>,
}

struct Generator {
    claims: usize,
    entities: Vec<Entity>,
    people: Vec<String>,
    places: Vec<String>,
}

impl Generator {
    fn new(claims: usize) -> Self {
        let mut rng = Rng(SEED);
        let vocabulary: Vec<String> = (0..4000).map(|_| word(&mut rng)).collect();
        let count = (claims / 6).max(50);
        // Acronyms are unique, as a real dataset's would be (two entities declaring one
        // acronym is an error factcheck reports).
        let mut acronyms = std::collections::HashSet::new();
        let entities = (0..count)
            .map(|_| {
                let words = 1 + rng.below(3);
                let mut parts: Vec<String> =
                    (0..words).map(|_| rng.pick(&vocabulary).clone()).collect();
                parts.push((*rng.pick(SUFFIXES)).to_owned());
                let name = parts.join(" ");
                let acronym = (parts.len() >= 3 && rng.chance(0.4))
                    .then(|| {
                        name.split([' ', '-'])
                            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                            .filter_map(|w| w.chars().next())
                            .collect::<String>()
                    })
                    .filter(|acronym| acronyms.insert(acronym.clone()));
                Entity { name, acronym }
            })
            .collect();
        let people = (0..(count / 3).max(20))
            .map(|_| format!("{} {}", rng.pick(&vocabulary), rng.pick(&vocabulary)))
            .collect();
        let places = (0..200).map(|_| rng.pick(&vocabulary).clone()).collect();
        Self {
            claims,
            entities,
            people,
            places,
        }
    }

    fn write(&self, dir: &Path) {
        let claims_dir = dir.join("claims");
        fs::create_dir_all(&claims_dir).expect("claims directory");
        self.write_rules(&dir.join("rules.toml"));
        let files = self.claims.div_ceil(CLAIMS_PER_FILE);
        let mut rng = Rng(SEED ^ 0xC1A1_0000);
        let mut written = 0;
        let mut previous: Vec<String> = Vec::new();
        for file in 0..files {
            let path: PathBuf = claims_dir.join(format!("source-{file:05}.toml"));
            let mut out = BufWriter::new(fs::File::create(path).expect("claims file"));
            let mut text = format!(
                "[source]\ntitle = \"Generated source {file}\"\npublisher = \"{} Press\"\npublished = \"2024-0{}\"\nkind = \"news\"\n\n",
                rng.pick(&self.places),
                1 + file % 9
            );
            // Every 25th source copies part of the one before it word for word; every other
            // such copy declares it (`derived_from`), the others are for copy detection to find.
            let is_copy = file % COPY_EVERY == COPY_EVERY - 1;
            if is_copy && file % (2 * COPY_EVERY) == 2 * COPY_EVERY - 1 {
                let _ = writeln!(text, "derived_from = [\"source-{:05}\"]\n", file - 1);
            }
            let in_file = CLAIMS_PER_FILE.min(self.claims - written);
            let mut bodies = Vec::with_capacity(in_file);
            for index in 0..in_file {
                let body = match previous.get(rng.below(previous.len().max(1))) {
                    Some(copied) if is_copy && rng.chance(0.4) => copied.clone(),
                    _ => self.claim(&mut rng, file),
                };
                let _ = write!(text, "[[claim]]\nid = \"c{index}\"\n{body}\n");
                bodies.push(body);
            }
            previous = bodies;
            written += in_file;
            out.write_all(text.as_bytes()).expect("write");
        }
    }

    fn write_rules(&self, path: &Path) {
        let mut rules = String::from("# Generated for the scale benchmark.\n\n");
        for (name, kind, declared) in PROPERTIES {
            if !declared {
                continue;
            }
            let kind = match kind {
                Kind::Date => "date",
                Kind::Money | Kind::Percent | Kind::Count => "number",
                Kind::Person | Kind::Place => "name",
            };
            let _ = writeln!(rules, "[[property]]\nname = \"{name}\"\ntype = \"{kind}\"");
            if *name == "budget" {
                rules.push_str("aliases = [\"annual budget\"]\ntolerance = \"2%\"\n");
            }
            rules.push('\n');
        }
        for entity in self.entities.iter().step_by(20) {
            if let Some(acronym) = &entity.acronym {
                let _ = writeln!(
                    rules,
                    "[[entity]]\nname = \"{}\"\naliases = [\"{acronym}\"]\n",
                    entity.name
                );
            }
        }
        rules.push_str("[[entity]]\nname = \"gross domestic product\"\naliases = [\"GDP\"]\n\n");
        rules.push_str("[[order]]\nbefore = { property = \"founded\" }\nafter = { property = \"dissolved\" }\n");
        fs::write(path, rules).expect("rules");
    }

    /// One claim: a fact (entity, property), its value as this source states it, and how the
    /// source spells the subject.
    fn claim(&self, rng: &mut Rng, file: usize) -> String {
        let mut out = String::new();
        let entity_index = rng.below(self.entities.len());
        let property_index = rng.below(PROPERTIES.len());
        let (property, kind, _) = PROPERTIES[property_index];
        let entity = &self.entities[entity_index];
        let subject = Self::spelling(rng, entity);
        let mut fact = fact_rng(entity_index, property_index);
        let value = match kind {
            // An institution is dissolved some years after it is founded.
            Kind::Date if property == "dissolved" => {
                let founded = PROPERTIES
                    .iter()
                    .position(|p| p.0 == "founded")
                    .unwrap_or(0);
                let mut base = fact_rng(entity_index, founded);
                date_after(rng, &mut base, 5 + fact.below(40))
            }
            Kind::Date => date(rng, &mut fact),
            Kind::Money => money(rng, &mut fact),
            Kind::Percent => percent(rng, &mut fact),
            Kind::Count => count(rng, &mut fact),
            Kind::Person => {
                let true_person = fact.pick(&self.people).clone();
                if rng.chance(0.03) {
                    rng.pick(&self.people).clone()
                } else if rng.chance(0.02) {
                    typo(rng, &true_person)
                } else {
                    true_person
                }
            }
            Kind::Place => fact.pick(&self.places).clone(),
        };
        let _ = write!(
            out,
            "subject = \"{subject}\"\nproperty = \"{property}\"\nvalue = \"{value}\"\n"
        );
        if kind == Kind::Money && rng.chance(0.3) {
            let _ = writeln!(
                out,
                "qualifiers = {{ fiscal_year = \"{}\" }}",
                2019 + fact.below(3)
            );
        }
        // Each source words its sentences its own way: independent sources do not share
        // quotes, copies do.
        let _ = writeln!(
            out,
            "quote = \"{} {property}: {value}, {} told source {file}\"",
            subject.to_lowercase(),
            rng.pick(&self.people)
        );
        out
    }

    fn spelling(rng: &mut Rng, entity: &Entity) -> String {
        let roll = rng.below(100);
        match (roll, &entity.acronym) {
            (0..=4, Some(acronym)) => acronym.clone(),
            (5..=7, _) => entity.name.to_lowercase().replace(' ', "-"),
            (8..=9, _) => typo(rng, &entity.name),
            _ => entity.name.clone(),
        }
    }
}

/// A pronounceable capitalised word of two or three syllables.
fn word(rng: &mut Rng) -> String {
    const ONSETS: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st",
        "kr", "sh",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
    const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "k", "rn", "st"];
    let syllables = 2 + rng.below(2);
    let mut text = String::new();
    for _ in 0..syllables {
        text.push_str(rng.pick::<&str>(ONSETS));
        text.push_str(rng.pick::<&str>(VOWELS));
    }
    text.push_str(rng.pick::<&str>(CODAS));
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The name with two adjacent letters of one long word swapped.
fn typo(rng: &mut Rng, name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let candidates: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].len() >= 6 && words[i].is_ascii())
        .collect();
    let Some(&target) = candidates.get(rng.below(candidates.len().max(1))) else {
        return name.to_owned();
    };
    let at = 1 + rng.below(words[target].len() - 3);
    hard::swap_letters(&words, target, at)
}

/// Month names, for the generators of both distributions.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date for the fact, stated at the precision this source chooses; 4% of sources give a
/// different year.
fn date(rng: &mut Rng, fact: &mut Rng) -> String {
    date_after(rng, fact, 0)
}

/// Like [`date`], `years` later.
fn date_after(rng: &mut Rng, fact: &mut Rng, years: usize) -> String {
    let mut year = 1950 + fact.below(74) + years;
    let month = fact.below(12);
    let day = 1 + fact.below(28);
    if rng.chance(0.04) {
        year = year + 3 + rng.below(8);
    }
    let decade = year / 10 * 10;
    match rng.below(20) {
        0..=5 => year.to_string(),
        6..=8 => format!("{} {year}", MONTHS[month]),
        9..=10 => format!("{day} {} {year}", MONTHS[month]),
        11 => format!("{year}-{:02}-{day:02}", month + 1),
        12 => format!("the {decade}s"),
        13 => {
            let part = match year % 10 {
                0..=3 => "early",
                4..=6 => "mid-",
                _ => "late",
            };
            if part == "mid-" {
                format!("mid-{decade}s")
            } else {
                format!("{part} {decade}s")
            }
        }
        14 => format!("around {year}"),
        15 => format!("c. {year}"),
        16 => format!("{}–{}", year - 1, year + 2),
        // "since" a year after the source's date is an error, rightly.
        17 if year < 2020 => format!("since {year}"),
        18 => format!("{} {year}", ["early", "mid-", "late"][month / 4]).replace("mid- ", "mid-"),
        _ => format!("in {year}"),
    }
}

/// An amount of money; 4% of sources give a different figure.
fn money(rng: &mut Rng, fact: &mut Rng) -> String {
    let mut billions = 1 + fact.below(90);
    if rng.chance(0.04) {
        billions += 5 + rng.below(20);
    }
    match rng.below(4) {
        0 => format!("${billions} billion"),
        1 => format!("about ${billions} billion"),
        2 => format!("{billions} billion dollars"),
        _ => format!("${billions}bn"),
    }
}

fn percent(rng: &mut Rng, fact: &mut Rng) -> String {
    let mut value = 1 + fact.below(6);
    if rng.chance(0.04) {
        value += 2;
    }
    match rng.below(3) {
        0 => format!("{value}% of GDP"),
        1 => format!("{value} percent of gross domestic product"),
        _ => format!("{value} to {} percent of GDP", value + 1),
    }
}

fn count(rng: &mut Rng, fact: &mut Rng) -> String {
    let thousands = 1 + fact.below(300);
    match rng.below(4) {
        0 => format!("{thousands},000 troops"),
        1 => format!("about {thousands},000 troops"),
        2 => format!(
            "more than {},000 troops",
            thousands.saturating_sub(1).max(1)
        ),
        _ => {
            if thousands >= 200 {
                "hundreds of thousands of troops".to_owned()
            } else {
                format!("{thousands} thousand troops")
            }
        }
    }
}
