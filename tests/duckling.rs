//! Breadth against a peer's test suite (issue 9, 1b): Duckling's English corpora fed to
//! factcheck as claim values from a source published 2013-02-12, Duckling's reference day.
//!
//! The table itself is `cargo bench --bench duckling`; this test checks the harness and holds
//! what already holds: no category reads fewer phrases as Duckling does (or by a documented
//! convention), none reads more phrases differently than it did when the figures below
//! were measured (a new silent misreading fails here), and none refuses more of the phrases
//! written as a news or reference text writes them. Raise the figures as parsing improves.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

#[path = "duckling/corpus.rs"]
mod corpus;
#[path = "duckling/measure.rs"]
mod measure;
#[path = "duckling/shorthand.rs"]
mod shorthand;

use std::path::Path;

use corpus::{DIMENSIONS, Dimension, Exclusion};
use measure::{Counts, Verdict};

fn readings() -> (Vec<corpus::Example>, Vec<measure::Reading>) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/duckling");
    let examples = corpus::read_all(&data).expect("the vendored corpora read");
    let readings = measure::measure(&examples);
    (examples, readings)
}

#[test]
fn every_phrase_is_read_from_the_vendored_corpora_and_judged_once() {
    let (examples, readings) = readings();
    for dimension in DIMENSIONS {
        assert!(
            examples.iter().any(|e| e.dimension == dimension),
            "{dimension:?} has phrases"
        );
    }
    let kept = examples.iter().filter(|e| e.excluded.is_none()).count();
    assert_eq!(readings.len(), kept, "one reading per phrase measured");
    assert!(
        readings
            .iter()
            .all(|r| r.verdict != Verdict::Refused || !r.said.starts_with("(no finding")),
        "every refusal has a finding that says why"
    );
    // Only dates are left out, and only by the two rules; only amounts are marked as
    // shorthand, and each rule marks some.
    for example in &examples {
        if let Some(why) = example.excluded {
            assert_eq!(example.dimension, Dimension::Time, "{}", example.phrase);
            assert!(matches!(why, Exclusion::Clock | Exclusion::Holiday));
        }
        if example.shorthand.is_some() {
            assert_ne!(example.dimension, Dimension::Time, "{}", example.phrase);
        }
    }
    for rule in shorthand::RULES {
        assert!(
            examples.iter().any(|e| e.shorthand == Some(rule)),
            "{rule} leaves out a phrase"
        );
    }
}

/// Per dimension, measured when this test was written: (phrases, at least read as Duckling
/// or by a documented convention, at most read differently otherwise; phrases written as a
/// news or reference text would write them (no `shorthand` rule matches), at most refused
/// among those). A unit kept as a plain word may become a refusal (a value that cannot be
/// read exactly is reported, never guessed), so it is not counted as read; such a change
/// raises a refusal figure here, deliberately.
const HOLDS: [(Dimension, usize, usize, usize, usize, usize); 8] = [
    (Dimension::Time, 374, 339, 0, 374, 35),
    (Dimension::AmountOfMoney, 141, 116, 0, 132, 2),
    (Dimension::Distance, 51, 43, 0, 46, 3),
    (Dimension::Numeral, 105, 95, 0, 100, 5),
    (Dimension::Quantity, 50, 47, 0, 50, 1),
    (Dimension::Duration, 78, 62, 0, 70, 2),
    (Dimension::Volume, 54, 54, 0, 54, 0),
    (Dimension::Temperature, 33, 17, 0, 32, 15),
];

#[test]
fn no_category_reads_fewer_phrases_or_misreads_or_refuses_more_than_measured() {
    let (_, readings) = readings();
    let written: Vec<measure::Reading> = readings
        .iter()
        .filter(|r| r.example.shorthand.is_none())
        .cloned()
        .collect();
    let mut failures = Vec::new();
    for (
        dimension,
        phrases,
        read_at_least,
        differently_at_most,
        written_phrases,
        refused_at_most,
    ) in HOLDS
    {
        let c: Counts = measure::counts(&readings, &[dimension]);
        let read = c.as_duckling + c.by_convention();
        let differently = c.differently - c.by_convention();
        if c.phrases != phrases || read < read_at_least || differently > differently_at_most {
            failures.push(format!(
                "{dimension:?}: {} phrases (expected {phrases}), {read} read (at least \
                 {read_at_least}), {differently} read differently (at most {differently_at_most})",
                c.phrases
            ));
        }
        let w: Counts = measure::counts(&written, &[dimension]);
        if w.phrases != written_phrases || w.refused > refused_at_most {
            failures.push(format!(
                "{dimension:?}, as written in news and reference texts: {} phrases (expected \
                 {written_phrases}), {} refused (at most {refused_at_most})",
                w.phrases, w.refused
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_has_every_row_and_each_list_every_phrase_not_read_as_duckling() {
    let (_, readings) = readings();
    let table = measure::table(&readings);
    for (row, _) in measure::ROWS {
        assert!(table.contains(&format!("| {row} |")), "{row} in\n{table}");
    }
    for dimension in DIMENSIONS {
        let list = measure::list(&readings, dimension, "# header");
        for reading in readings.iter().filter(|r| r.example.dimension == dimension) {
            let listed = list.lines().any(|line| line == reading.example.phrase);
            assert_eq!(
                listed,
                reading.verdict != Verdict::AsDuckling,
                "{:?} listed: {listed}",
                reading.example.phrase
            );
        }
    }
}
