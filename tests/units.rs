//! Values shown as their sources wrote them, in every output: a measure in its source's unit
//! ("1,000 ft", never "304.8 m"), gaps with their unit, disagreements within unit groups.
//! Runs on the `tests/cmd/units.in` dataset (whose concise output is also a CLI case).

#![allow(clippy::expect_used)] // a failed expectation is a failed test

use snapbox::cmd::{Command, cargo_bin};

fn run(args: &[&str]) -> String {
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cmd/units.in"))
        .args(args)
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .output()
        .expect("factcheck runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The output less the lines with a value's identity (`value_key`, the machine form reviews
/// are matched on, which is canonical by design).
fn without_identities(out: &str) -> String {
    out.lines()
        .filter(|line| !line.contains("value_key") && !line.contains("valueKey"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What no output may say about feet: their metric conversion with its odd precision.
const CONVERTED: [&str; 3] = ["304.8", "335.28", "0.1524"];

#[test]
fn every_output_shows_feet_in_feet_and_the_gap_in_feet() {
    for format in ["human", "concise", "json", "sarif", "github", "junit"] {
        let out = without_identities(&run(&["check", "--format", format]));
        assert!(out.contains("100 ft"), "{format}: {out}");
        for converted in CONVERTED {
            assert!(
                !out.contains(converted),
                "{format} shows `{converted}`: {out}"
            );
        }
    }
    let json = run(&["check", "--format", "json"]);
    assert!(
        json.contains("\"normalized\": \"1,000 ft (±0.5)\""),
        "{json}"
    );
    for format in ["markdown", "json", "html"] {
        let report = without_identities(&run(&["report", "--format", format]));
        assert!(report.contains("1,000 ft (±0.5)"), "{format}: {report}");
        assert!(report.contains("differ by 100 ft"), "{format}: {report}");
        for converted in CONVERTED {
            assert!(
                !report.contains(converted),
                "report {format} shows `{converted}`"
            );
        }
    }
}

#[test]
fn incomparable_currencies_are_judged_within_each_and_never_paired() {
    let concise = run(&["check", "--format", "concise"]);
    let cost: Vec<&str> = concise
        .lines()
        .filter(|l| l.contains("Harbour Tower · cost"))
        .collect();
    assert_eq!(cost.len(), 3, "{concise}");
    for line in &cost {
        if line.contains("conflict::number") {
            assert!(
                line.contains('£') != line.contains("$5") && line.contains("differ by"),
                "a conflict mixes pounds and dollars: {line}"
            );
        }
    }
    assert!(
        cost.iter()
            .any(|l| l.contains("number::incomparable") && l.contains("amounts in GBP")),
        "{concise}"
    );
}

#[test]
fn one_source_with_two_values_suggests_a_multi_valued_property() {
    let concise = run(&["check", "--format", "concise"]);
    assert!(
        concise.contains("one source, almanac, gives both Ada Larkin and Tomas Reyes"),
        "{concise}"
    );
    let json = run(&["check", "--format", "json"]);
    assert!(
        json.contains(
            "if \\\"designed by\\\" can have several values, declare it in rules.toml: \
             [[property]] name = \\\"designed by\\\" cardinality = \\\"multi\\\""
        ),
        "{json}"
    );
}
