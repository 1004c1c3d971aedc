//! Breadth against a peer's test suite (issue 9, 1b): Duckling's English corpora
//! (`tests/data/duckling`, BSD licence there) fed to factcheck as claim values from a source
//! published 2013-02-12, Duckling's reference day; prints the README's tables: every phrase,
//! and without the amount phrases written in a form of chat or speech (`shorthand`).
//!
//! ```text
//! cargo bench --bench duckling                     # the tables
//! cargo bench --bench duckling -- --lists DIR      # and one to-do list per category in DIR
//! ```
//!
//! The corpus reader and the verdicts live in `tests/duckling/` (shared with
//! `tests/duckling.rs`, which holds what already holds).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a measurement script

// Shared with the test, whose unit tests and assertions use what the bench does not.
#[allow(dead_code, unused_imports)]
#[path = "../tests/duckling/corpus.rs"]
mod corpus;
#[allow(dead_code, unused_imports)]
#[path = "../tests/duckling/measure.rs"]
mod measure;
#[allow(dead_code, unused_imports)]
#[path = "../tests/duckling/shorthand.rs"]
mod shorthand;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use corpus::{DIMENSIONS, Dimension, Exclusion};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lists: Option<PathBuf> = args
        .iter()
        .position(|a| a == "--lists")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/duckling");
    let examples = corpus::read_all(&data).expect("the vendored corpora read");
    let left_out = |why| {
        examples
            .iter()
            .filter(|e| e.dimension == Dimension::Time && e.excluded == Some(why))
            .count()
    };
    let readings = measure::measure(&examples);
    println!(
        "Duckling's English corpora ({} phrases; dates: {} clock times and {} holidays left \
         out), as claim values published {}:\n",
        examples.len(),
        left_out(Exclusion::Clock),
        left_out(Exclusion::Holiday),
        measure::PUBLISHED
    );
    println!("Every phrase:\n");
    print!("{}", measure::table(&readings));
    println!(
        "\nThe forms of chat and speech a news or reference text would not print, left out of \
         the amount categories:"
    );
    for rule in shorthand::RULES {
        let n = readings
            .iter()
            .filter(|r| r.example.shorthand == Some(rule))
            .count();
        println!("- {rule}: {n}");
    }
    let written: Vec<measure::Reading> = readings
        .iter()
        .filter(|r| r.example.shorthand.is_none())
        .cloned()
        .collect();
    println!("\nWithout them:\n");
    print!("{}", measure::table(&written));
    if let Some(dir) = lists {
        std::fs::create_dir_all(&dir).expect("the lists directory");
        let header = format!(
            "# Duckling corpus phrases factcheck does not read as Duckling does.\n\
             # Written by `cargo bench --bench duckling -- --lists {}`.",
            dir.display()
        );
        for dimension in DIMENSIONS {
            let path = dir.join(format!("{}.txt", dimension.category()));
            std::fs::write(&path, measure::list(&readings, dimension, &header))
                .expect("a list written");
        }
        let mut left_out = format!(
            "{header}\n# The amount phrases each shorthand rule leaves out of the figures for \
             news and reference texts.\n"
        );
        for rule in shorthand::RULES {
            let _ = write!(left_out, "\n## {rule}\n\n");
            for reading in readings
                .iter()
                .filter(|r| r.example.shorthand == Some(rule))
            {
                let _ = writeln!(
                    left_out,
                    "{}\n    {}, line {}",
                    reading.example.phrase,
                    reading.example.dimension.category(),
                    reading.example.line
                );
            }
        }
        std::fs::write(dir.join("shorthand.txt"), left_out).expect("a list written");
        println!("\nlists written to {}", dir.display());
    }
}
