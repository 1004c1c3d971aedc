//! Flight benchmark (Li et al., VLDB 2013; `../shared/datasets/flight/`): 31 daily crawls of
//! 38 flight-status sites, 2.87M non-empty values, checked by the release binary in two
//! shapes of the same claims:
//!
//! - **wide**: the crawls' own `.xz` files (tab-separated `.txt`, no header), mapped by a
//!   `[[table]]` entry of a generated `rules.toml` (the source is the crawled site, the
//!   subject the flight, the properties the scheduled and actual departure and arrival times
//!   and gates, the qualifier the crawl day);
//! - **long**: one TSV of `source, subject, property, value, qualifier.day`, written once from
//!   the crawls.
//!
//! ```text
//! cargo bench --bench flight                  # both shapes
//! cargo bench --bench flight -- long          # one of them
//! FLIGHT_DIR=/path/to/flight cargo bench --bench flight
//! ```
//!
//! For each shape it prints the wall time, the CPU time (user + system, steadier than wall
//! time on a shared machine), the peak resident memory, each stage's time (`--timings`), the
//! findings and the load problems (the crawls hold 73 rows that are not UTF-8: each is a
//! located problem, which makes the exit status 2 while the rest is checked). It then reads the
//! wide shape once in process to say which share of the time values read as date-times. Data
//! is written under `target/bench-data/flight/`.

#![allow(clippy::cast_precision_loss, clippy::expect_used, clippy::unwrap_used)]

mod crawls;
mod timed;

use crawls::{COLUMNS, TIMES, crawls};

use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bump when the generated files change, so they are rebuilt.
const VERSION: u32 = 1;

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wants = |shape: &str| wanted.is_empty() || wanted.iter().any(|w| w == shape);
    let data = std::env::var_os("FLIGHT_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/datasets/flight"),
        PathBuf::from,
    );
    let crawls = crawls(&data.join("claims"));
    if crawls.is_empty() {
        eprintln!(
            "no crawls (`*-data.txt.xz`) under {}: set FLIGHT_DIR",
            data.display()
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/flight");
    let counts = prepare(&crawls, &root);
    println!(
        "{} crawls, {} rows, {} non-empty values ({} times)",
        crawls.len(),
        counts.rows,
        counts.values,
        counts.times
    );
    println!(
        "{:>5} {:>9} {:>8} {:>9} {:>10} {:>9}  stages (s)",
        "shape", "wall (s)", "CPU (s)", "peak MiB", "findings", "problems"
    );
    for shape in ["wide", "long"] {
        if !wants(shape) {
            continue;
        }
        let run = run(&root.join(shape));
        println!(
            "{:>5} {:>9.2} {:>8.2} {:>9.0} {:>10} {:>9}  {}",
            shape,
            run.wall,
            run.cpu,
            run.peak_bytes as f64 / (1024.0 * 1024.0),
            run.findings,
            run.problems,
            run.stages
        );
    }
    if wants("times") || wanted.is_empty() {
        let read = times_read(&root.join("wide"));
        println!(
            "time values read as date-times: {read} of {} ({:.1} %)",
            counts.times,
            100.0 * read as f64 / counts.times.max(1) as f64
        );
    }
}

#[derive(Debug, Default)]
struct Counts {
    rows: usize,
    values: usize,
    times: usize,
}

/// Writes both shapes under `root` (once per version): the crawls copied as they are with a
/// `rules.toml` mapping them, and the long TSV decompressed from them.
fn prepare(crawls: &[PathBuf], root: &Path) -> Counts {
    let wide = root.join("wide");
    let long = root.join("long");
    let stamp = root.join("GENERATED");
    let expected = format!("version {VERSION} crawls {}\n", crawls.len());
    let fresh = fs::read_to_string(&stamp).is_ok_and(|s| s.starts_with(&expected));
    if !fresh {
        let _ = fs::remove_dir_all(root);
        fs::create_dir_all(wide.join("claims")).unwrap();
        fs::create_dir_all(long.join("claims")).unwrap();
    }
    let columns = COLUMNS
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    fs::write(
        wide.join("rules.toml"),
        format!(
            "# The Flight crawls: tab-separated `.txt.xz` files without a header row.\n\
             [[table]]\nfiles = \"*-data.txt.xz\"\nformat = \"tsv\"\ncolumns = [{columns}]\n\
             source = \"Source\"\nsubject = \"Flight#\"\nqualifier = {{ day = \"{{stem}}\" }}\n"
        ),
    )
    .unwrap();
    let start = Instant::now();
    let mut counts = Counts::default();
    let mut out = (!fresh).then(|| {
        let mut out = BufWriter::new(fs::File::create(long.join("claims/flight.tsv")).unwrap());
        out.write_all(b"source\tsubject\tproperty\tvalue\tqualifier.day\n")
            .unwrap();
        out
    });
    for crawl in crawls {
        let name = crawl.file_name().unwrap().to_string_lossy().into_owned();
        if !fresh {
            fs::copy(crawl, wide.join("claims").join(&name)).unwrap();
        }
        let day = crawls::day(crawl);
        crawls::rows(crawl, |cells| {
            counts.rows += 1;
            if cells.len() != COLUMNS.len() {
                return;
            }
            for (column, cell) in COLUMNS.iter().zip(cells).skip(2) {
                if String::from_utf8_lossy(cell).trim().is_empty() {
                    continue;
                }
                counts.values += 1;
                counts.times += usize::from(TIMES.contains(column));
                if let Some(out) = &mut out {
                    let parts = [cells[0], cells[1], column.as_bytes(), cell, day.as_bytes()];
                    out.write_all(&parts.join(&b'\t')).unwrap();
                    out.write_all(b"\n").unwrap();
                }
            }
        });
    }
    if let Some(out) = out {
        out.into_inner().unwrap().sync_all().unwrap();
        fs::write(&stamp, &expected).unwrap();
        eprintln!(
            "wrote {} in {:.1} s",
            root.display(),
            start.elapsed().as_secs_f64()
        );
    }
    counts
}

struct Run {
    wall: f64,
    cpu: f64,
    peak_bytes: u64,
    stages: String,
    findings: usize,
    problems: usize,
}

/// One `factcheck check` of a shape's directory, timed from outside (wall and CPU time) and
/// from inside (`--timings`: stages and peak memory).
fn run(dir: &Path) -> Run {
    let before = children_cpu();
    // Exit 2: the crawls hold rows that are not UTF-8, located and reported as load problems.
    let timed = timed::run(
        dir,
        &[
            "check",
            "claims",
            "--max-file-size",
            "1G",
            "--fail-on",
            "never",
            "--format",
            "concise=findings.txt",
        ],
        &[0, 2],
    );
    let cpu = children_cpu() - before;
    let findings = fs::read_to_string(dir.join("findings.txt")).unwrap_or_default();
    let problems = findings
        .lines()
        .filter(|l| l.contains(" factcheck::load::"))
        .count();
    assert_eq!(
        timed.output.status.code() == Some(2),
        problems > 0,
        "exit 2 exactly when something could not be read"
    );
    Run {
        wall: timed.wall,
        cpu,
        peak_bytes: timed.peak_bytes,
        stages: timed.stages,
        findings: findings.lines().count(),
        problems,
    }
}

/// The user and system CPU seconds of every child waited for so far (`cutime` and `cstime`
/// of `/proc/self/stat`, in clock ticks of 1/100 s); 0 where there is no `/proc`.
fn children_cpu() -> f64 {
    let stat = fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<f64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    // Fields 16 and 17 of the line; the first after the name is field 3.
    (fields.get(13).copied().unwrap_or(0.0) + fields.get(14).copied().unwrap_or(0.0)) / 100.0
}

/// How many values of the time columns read as date-times, loading and normalizing the wide
/// shape in process.
fn times_read(dir: &Path) -> usize {
    let request = factcheck::load::Request {
        claims_dir: dir.join("claims"),
        rules: factcheck::load::RulesPath::Given(dir.join("rules.toml")),
        reviews: factcheck::load::RulesPath::Default(dir.join("reviews.toml")),
        access: factcheck::load::Access {
            root: Some(dir.to_path_buf()),
            outside_root: false,
            max_file_size: 1 << 30,
        },
    };
    let normalized = factcheck::normalize::normalize(factcheck::load::load(&request));
    let dataset = &normalized.dataset;
    dataset
        .claims
        .iter()
        .filter(|claim| {
            let property = dataset.files.slice(claim.property.span).trim_matches('"');
            TIMES.contains(&property) && matches!(claim.value, factcheck::model::Value::DateTime(_))
        })
        .count()
}
