//! The insulin dataset (`tests/datasets/insulin/`, described in the README): claims drawn from
//! five texts written for this test about the discovery of insulin. It holds exactly six real
//! disagreements and a dozen traps a checker must not report: titles and initials in person
//! names, a "Last, First" heading, an abbreviation, pounds against kilograms, a parenthesised
//! equivalent, multi-valued properties, relative dates anchored on `published`, a month and
//! day without a year, a season, refinements, a bound, and quotes copied with a changed first
//! letter or final punctuation. `check` must report the six and nothing else; `report` must
//! render.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::path::PathBuf;

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

fn dataset() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/datasets/insulin")
}

fn run(args: &[&str]) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dataset())
        .args(args)
        .output()
        .expect("factcheck runs");
    (output.status.code(), output.stdout, output.stderr)
}

/// One finding as (code, property, the sorted (source, stated value) pairs of its claims).
type Seen = (String, String, Vec<(String, String)>);

fn seen(finding: &Value) -> Seen {
    let mut pairs: Vec<(String, String)> = finding["claims"]
        .as_array()
        .map(|claims| {
            claims
                .iter()
                .map(|c| {
                    (
                        c["source"].as_str().unwrap_or_default().to_owned(),
                        c["stated"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    pairs.sort();
    pairs.dedup();
    (
        finding["code"].as_str().unwrap_or_default().to_owned(),
        finding["fact"]["property"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        pairs,
    )
}

fn expected(code: &str, property: &str, pairs: &[(&str, &str)]) -> Seen {
    let mut pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(s, v)| ((*s).to_owned(), (*v).to_owned()))
        .collect();
    pairs.sort();
    (code.to_owned(), property.to_owned(), pairs)
}

#[test]
fn check_reports_exactly_the_six_disagreements() {
    let (status, stdout, stderr) = run(&["check", "--format", "json"]);
    let json: Value = serde_json::from_slice(&stdout).expect("valid JSON");
    let mut found: Vec<Seen> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(seen)
        .collect();
    found.sort();
    let mut want = vec![
        expected(
            "factcheck::conflict::number",
            "age at first injection",
            &[
                ("banting-house", "14"),
                ("centenary-blog", "13"),
                ("reference", "14"),
                ("star-1923", "14"),
            ],
        ),
        expected(
            "factcheck::conflict::date",
            "successful injection",
            &[
                ("banting-house", "23 January 1922"),
                ("centenary-blog", "January 23, 1923"),
            ],
        ),
        expected(
            "factcheck::conflict::date",
            "born",
            &[
                ("centenary-blog", "1892"),
                ("reference", "14 November 1891"),
            ],
        ),
        expected(
            "factcheck::conflict::number",
            "number of dogs",
            &[("centenary-blog", "nearly 200"), ("star-1923", "some 90")],
        ),
        expected(
            "factcheck::conflict::number",
            "age when awarded the Nobel Prize",
            &[("reference", "31"), ("star-1923", "32")],
        ),
        expected(
            "factcheck::conflict::value",
            "shared his prize money with",
            &[
                ("centenary-blog", "Best"),
                ("star-1923", "Dr. J. B. Collip"),
            ],
        ),
    ];
    want.sort();
    assert_eq!(found, want, "stderr: {}", String::from_utf8_lossy(&stderr));
    assert_eq!(status, Some(1));
}

#[test]
fn report_renders_in_every_format() {
    for format in ["markdown", "html", "json"] {
        let (status, stdout, stderr) = run(&["report", "--format", format]);
        assert_eq!(
            status,
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&stderr)
        );
        let text = String::from_utf8(stdout).expect("UTF-8");
        for disputed in [
            "Leonard Thompson",
            "number of dogs",
            "shared his prize money with",
        ] {
            assert!(text.contains(disputed), "{format} report names {disputed}");
        }
    }
}
