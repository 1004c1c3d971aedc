//! A multi-valued fact's best set in every report format, end to end, on the bookshop lists of
//! `tests/cmd/best-set.in` (the CLI cases there record the Markdown, CSV and JSON Lines output
//! whole): the formats agree on which values are in the set, out of it, and counted as another.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

mod report_run;

use serde_json::Value;

use report_run::{repo, report};

fn dataset() -> std::path::PathBuf {
    repo().join("tests/cmd/best-set.in")
}

/// The stated values of a fact's values at `indexes`.
fn stated(fact: &Value, indexes: &Value) -> Vec<String> {
    indexes
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            fact["values"][i.as_u64().unwrap() as usize]["stated"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

#[test]
fn the_json_report_gives_each_multi_valued_fact_its_set() {
    let output = report(&dataset(), &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let facts = document["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 3);
    for fact in facts {
        let set = &fact["set"];
        assert_eq!(fact["best"], set["supported"], "best is the set");
        assert_eq!(fact["tie"], false);
        // Every value is in the set, out of it, or counted as another: once.
        let mut seen: Vec<u64> = set["supported"]
            .as_array()
            .unwrap()
            .iter()
            .chain(set["unsupported"].as_array().unwrap())
            .chain(
                set["counted_as"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|pair| &pair[0]),
            )
            .map(|i| i.as_u64().unwrap())
            .collect();
        seen.sort_unstable();
        let all: Vec<u64> = (0..fact["values"].as_array().unwrap().len() as u64).collect();
        assert_eq!(seen, all, "{}", fact["subject"]);
    }
    let algorithms = facts.iter().find(|f| f["subject"] == "Algorithms").unwrap();
    assert_eq!(
        stated(algorithms, &algorithms["set"]["supported"]),
        ["Robert Sedgewick", "Kevin Wayne"]
    );
    assert_eq!(
        stated(algorithms, &algorithms["set"]["unsupported"]),
        ["Addison Wesley"]
    );
    // Five shops that list only the first author do not outvote the two full lists.
    let mining = facts
        .iter()
        .find(|f| f["subject"] == "Data Mining")
        .unwrap();
    assert_eq!(
        stated(mining, &mining["set"]["supported"]),
        ["Jiawei Han", "Micheline Kamber"]
    );
    let pair = &mining["set"]["counted_as"][0];
    assert_eq!(
        stated(
            mining,
            &Value::Array(vec![pair[0].clone(), pair[1].clone()])
        ),
        ["HAN", "Jiawei Han"]
    );
}

#[test]
fn the_html_report_shows_the_set_and_what_is_left_out() {
    let output = report(&dataset(), &["--format", "html"]);
    assert_eq!(output.status.code(), Some(0));
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(
        html.contains("Robert Sedgewick; Kevin Wayne (not supported: Addison Wesley)"),
        "{html}"
    );
    assert!(html.contains("(HAN counted as Jiawei Han)"));
}

#[test]
fn a_single_valued_fact_has_no_set() {
    let output = report(&repo(), &["--format", "json"]);
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    for fact in document["facts"].as_array().unwrap() {
        assert_eq!(fact["multi"].as_bool().unwrap(), !fact["set"].is_null());
    }
}
