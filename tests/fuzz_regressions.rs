//! What the fuzzers found, kept as tests (`fuzz/README.md`).
//!
//! The fuzz targets' harness (`fuzz/src/harness.rs`) is included here by path, so each test
//! runs exactly what the fuzzer ran: the committed seeds of every target, and every minimized
//! reproducer under `fuzz/regressions/<target>/`. A reproducer whose fix is still to come may be
//! `#[ignore]`d with the reason while the fix is under way; none is now.
//!
//! The `render` target builds its findings with the `arbitrary` crate, which the main crate does
//! not have, and whose decoding changes whenever the target's generator does: its reproducers
//! are kept as text (`fuzz/regressions/render/*.txt`, the files and findings a crash decoded to,
//! as `cargo fuzz fmt` prints them, minimized) and built here by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a failed expectation is a failed test

#[path = "../fuzz/src/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use factcheck::files::{Files, Span};
use factcheck::findings::{Code, Finding};
use factcheck::render::Summary;
use factcheck::render::human::Style;

/// What a target does with its bytes.
type Harness = fn(&[u8]);

/// Every target that reads bytes, with its harness.
const TARGETS: [(&str, Harness); 9] = [
    ("load_claims", harness::load_claims),
    ("load_table", harness::load_table),
    ("load_rules", harness::load_rules),
    ("load_reviews", harness::load_reviews),
    ("baseline", harness::baseline),
    ("date", harness::date),
    ("number", harness::number),
    ("names", harness::names),
    ("pipeline", harness::pipeline),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of a folder, sorted.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    paths.sort();
    paths
}

/// A committed reproducer, by path under `fuzz/regressions/`.
fn reproducer(path: &str) -> Vec<u8> {
    std::fs::read(fuzz_dir().join("regressions").join(path)).unwrap()
}

#[test]
fn every_seed_runs_clean() {
    for (target, run) in TARGETS {
        let seeds = inputs(&fuzz_dir().join("corpus").join(target));
        assert!(!seeds.is_empty(), "{target} has no seeds");
        for seed in seeds {
            let data = std::fs::read(&seed).unwrap();
            // A panic names the seed through the backtrace; say it first for clarity.
            eprintln!("{target}: {}", seed.display());
            run(&data);
        }
    }
}

#[test]
fn every_reproducer_is_named_by_a_test() {
    let this = include_str!("fuzz_regressions.rs");
    let regressions = fuzz_dir().join("regressions");
    for target in inputs(&regressions) {
        for input in inputs(&target) {
            let relative = input.strip_prefix(&regressions).unwrap();
            let relative = relative.to_string_lossy().replace('\\', "/");
            assert!(
                this.contains(&format!("\"{relative}\"")),
                "{relative} has no test in tests/fuzz_regressions.rs"
            );
        }
    }
}

/// `fuzz/regressions/render/span-start-at-u32-max.txt`: a location whose span starts at
/// `u32::MAX` (what `Span::new` saturates to past 4 GiB) overflows `Files::end`
/// (`span.start + 1`) when overflow checks are on, in every format that gives an end position
/// (JSON, SARIF, GitHub, `JUnit`). Release builds wrap and print a wrong end instead.
#[test]
fn a_span_starting_at_u32_max_renders() {
    // The reproducer, as `cargo fuzz fmt` decodes it (its other findings, location-less, are
    // not needed to fail).
    reproducer("render/span-start-at-u32-max.txt");
    let mut files = Files::new();
    let file = files.add(PathBuf::new(), Arc::from(""));
    let mut finding = Finding::new(Code::LoadNumber, "").at(
        Span {
            file,
            start: u32::MAX,
            end: 0,
        },
        "",
    );
    finding.help = Some(String::new());
    finding.status = factcheck::findings::Status::Baselined;
    let findings = [finding];
    let summary = Summary::default();
    let report = harness::report(&files, &findings, &summary, &[], &[], "");
    harness::render_all(&report, Style::default());
}

/// `fuzz/regressions/render/empty-span-one-past-the-end.txt`: an empty label one byte past the
/// end of the text makes miette 7.6 slice out of bounds; `render::human` passes spans on
/// without bringing them inside the text.
#[test]
fn an_empty_span_one_past_the_end_renders() {
    reproducer("render/empty-span-one-past-the-end.txt");
    let mut files = Files::new();
    let file = files.add(PathBuf::from("a.toml"), Arc::from("ab"));
    let findings = [Finding::new(Code::LoadUnknownName, "m").at(
        Span {
            file,
            start: 3,
            end: 3,
        },
        "l",
    )];
    let summary = Summary::default();
    let report = harness::report(&files, &findings, &summary, &[], &[], "");
    harness::render_all(&report, Style::default());
}

/// `fuzz/regressions/load_claims/escape-in-snippet.toml`, found by the escaping law: not a
/// crash, but an escape sequence from the file reached the terminal through miette's snippet.
#[test]
fn no_escape_character_from_a_file_reaches_the_human_format() {
    let text = String::from_utf8(reproducer("load_claims/escape-in-snippet.toml")).unwrap();
    let mut files = Files::new();
    let file = files.add(PathBuf::from("claims/esc.toml"), Arc::from(text.as_str()));
    let mut problems = Vec::new();
    let _ = factcheck::load::claims::read(file, "esc".to_owned(), &text, &mut problems);
    assert!(!problems.is_empty(), "the reproducer has a syntax error");
    let summary = Summary::default();
    let report = harness::report(&files, &problems, &summary, &[], &[], "");
    let human = factcheck::render::human::render(&report, Style::default());
    assert!(!human.contains('\u{1b}'), "{human:?}");
}

/// `fuzz/regressions/render/escape-in-invocation.txt`: an escape character in the dataset
/// arguments reached the human format through the review command suggested for a finding.
#[test]
fn an_escape_character_in_the_arguments_stays_out_of_the_review_hint() {
    reproducer("render/escape-in-invocation.txt");
    let files = Files::new();
    let findings = [Finding::new(Code::NumberIncomparable, "")];
    let summary = Summary::default();
    let report = harness::report(&files, &findings, &summary, &[], &[], "O\u{1b}");
    let human = factcheck::render::human::render(&report, Style::default());
    assert!(!human.contains('\u{1b}'), "{human:?}");
    harness::render_all(&report, Style::default());
}
