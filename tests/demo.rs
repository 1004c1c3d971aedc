//! The demonstration dataset (DESIGN 5): its three discrepancies are reported, its agreements
//! are not, and nothing in it is unreadable.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

fn check_json() -> (Option<i32>, Value) {
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json"])
        .output()
        .expect("factcheck runs");
    let json = serde_json::from_slice(&output.stdout).expect("valid JSON");
    (output.status.code(), json)
}

fn findings(json: &Value) -> &Vec<Value> {
    json["findings"].as_array().expect("findings")
}

/// The (source, stated value) pairs of a finding's claims.
fn stated(finding: &Value) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = finding["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["source"].as_str().unwrap_or_default().to_owned(),
                c["stated"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    pairs.sort();
    pairs
}

fn about<'a>(json: &'a Value, code: &str, subject: &str, property: &str) -> Vec<&'a Value> {
    findings(json)
        .iter()
        .filter(|f| {
            f["code"] == code
                && f["fact"]["subject"] == subject
                && f["fact"]["property"] == property
        })
        .collect()
}

fn pair(source: &str, value: &str) -> (String, String) {
    (source.to_owned(), value.to_owned())
}

#[test]
fn the_check_fails_on_the_demo_dataset() {
    let (status, json) = check_json();
    assert_eq!(status, Some(1));
    assert!(
        findings(&json).iter().all(|f| !f["code"]
            .as_str()
            .unwrap_or_default()
            .starts_with("factcheck::load::")),
        "the demo dataset must load cleanly"
    );
    assert!(
        findings(&json)
            .iter()
            .all(|f| f["code"] != "factcheck::quote::not-found"),
        "every quote is in its source"
    );
}

#[test]
fn first_contacts_late_1970s_versus_early_1990s() {
    let (_, json) = check_json();
    let found = about(
        &json,
        "factcheck::conflict::date",
        "Japan–NATO relations",
        "first contact",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        stated(found[0]),
        vec![
            pair("ipdf", "late 1970s"),
            pair("nato-relations", "early 1990s")
        ]
    );
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("years apart"),
        "the gap is stated: {message}"
    );
}

#[test]
fn representation_at_nato_2014_versus_2018() {
    let (_, json) = check_json();
    let found = about(
        &json,
        "factcheck::conflict::date",
        "Japan's representation at NATO",
        "established",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        stated(found[0]),
        vec![
            pair("fletcher-excerpt", "2014"),
            pair("ipdf", "2018"),
            pair("isozaki-commentary", "2014"),
        ]
    );
}

#[test]
fn ittp_is_reported_as_a_misspelling_of_itpp() {
    let (_, json) = check_json();
    let found: Vec<&Value> = findings(&json)
        .iter()
        .filter(|f| f["code"] == "factcheck::name::variant")
        .filter(|f| f["claims"][0]["stated"] == "ITTP")
        .collect();
    assert_eq!(found.len(), 1);
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("`ITPP`"),
        "names the canonical spelling: {message}"
    );
    assert!(
        stated(found[0])
            .iter()
            .filter(|(s, v)| s == "isozaki-commentary" && v == "ITTP")
            .count()
            >= 2,
        "groups every claim that writes ITTP"
    );
}

#[test]
fn agreements_are_not_reported() {
    let (_, json) = check_json();
    let subjects_with_findings: Vec<&str> = findings(&json)
        .iter()
        .filter_map(|f| f["fact"]["subject"].as_str())
        .collect();
    // "in 2023" / "in July 2023", and "in January 2025" / "on Thursday" in a January 2025 article.
    for agreed in [
        "Individually Tailored Partnership Programme",
        "Japan's independent mission to NATO",
    ] {
        assert!(
            !subjects_with_findings.contains(&agreed),
            "{agreed} is reported: {subjects_with_findings:?}"
        );
    }
}

/// fletcher-excerpt copies three paragraphs of isozaki-commentary word for word and declares
/// it: the dependence is both declared and detected, so it is kept for the report and not
/// reported. No other pair of demo sources looks dependent.
#[test]
fn the_declared_excerpt_is_detected_and_not_reported() {
    use factcheck::findings::Code;
    use factcheck::load::{Access, Request, RulesPath};

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = factcheck::check(&Request {
        access: Access::default(),
        claims_dir: root.join("claims"),
        rules: RulesPath::Default(root.join("rules.toml")),
        reviews: RulesPath::Default(root.join("reviews.toml")),
    });
    assert!(checked.findings.iter().all(|f| f.code != Code::SourceCopy));
    let id =
        |source: factcheck::model::SourceIx| checked.dataset.sources[source.0 as usize].id.as_str();
    let found: Vec<_> = checked
        .comparison
        .dependences
        .iter()
        .map(|d| {
            (
                id(d.sources.0),
                id(d.sources.1),
                d.declared,
                d.detected,
                d.quotes.len(),
                d.values.len(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![("fletcher-excerpt", "isozaki-commentary", true, true, 6, 0)]
    );
}
