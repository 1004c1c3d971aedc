//! `factcheck report` end to end: the Markdown and HTML reports of the demo dataset
//! (snapshots), the JSON report against its published schema with inputs that reproduce it,
//! dependent sources with their evidence, and how it fails.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use sha2::{Digest, Sha256};
use snapbox::cmd::{Command, cargo_bin};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report(dir: &Path, args: &[&str]) -> Output {
    Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .arg("report")
        .args(args)
        .output()
        .expect("factcheck runs")
}

fn json_report(dir: &Path) -> Value {
    let output = report(dir, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn the_markdown_report_of_the_demo_dataset() {
    let output = report(&repo(), &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a report does not fail on conflicts"
    );
    let markdown = String::from_utf8(output.stdout).expect("UTF-8");
    insta::assert_snapshot!("demo_markdown", markdown);
}

#[test]
fn the_html_report_of_the_demo_dataset() {
    let output = report(&repo(), &["--format", "html", "--today", "2026-01-01"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let html = String::from_utf8(output.stdout).expect("UTF-8");
    insta::assert_snapshot!("demo_html", html);
}

#[test]
fn the_json_report_follows_its_schema() {
    let schema = Command::new(cargo_bin!("factcheck"))
        .args(["schema", "report"])
        .output()
        .expect("factcheck runs");
    let schema: Value = serde_json::from_slice(&schema.stdout).expect("a JSON schema");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for dir in [repo(), repo().join("tests/cmd/findings.in")] {
        let document = json_report(&dir);
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", dir.display());
    }
    // The validator is not a rubber stamp.
    let mut broken = json_report(&repo());
    broken["facts"][0]["sources"] = Value::from("three");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn the_json_report_names_its_inputs_with_their_hashes() {
    let document = json_report(&repo());
    assert_eq!(document["version"], 1);
    assert_eq!(document["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let inputs = document["inputs"].as_array().unwrap();
    let paths: Vec<&str> = inputs.iter().map(|i| i["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"rules.toml"));
    assert_eq!(
        paths.iter().filter(|p| p.starts_with("claims/")).count(),
        5,
        "every claims file"
    );
    for input in inputs {
        let bytes = std::fs::read(repo().join(input["path"].as_str().unwrap())).unwrap();
        let digest = factcheck::findings::hex(&Sha256::digest(&bytes));
        assert_eq!(input["sha256"], digest.as_str(), "{}", input["path"]);
        assert_eq!(input["bytes"], bytes.len());
    }
}

#[test]
fn the_json_report_counts_support_in_independent_sources() {
    let document = json_report(&repo());
    let facts = document["facts"].as_array().unwrap();
    let fact = |subject: &str, property: &str| {
        facts
            .iter()
            .find(|f| f["subject"] == subject && f["property"] == property)
            .unwrap_or_else(|| panic!("{subject} · {property}"))
    };
    // fletcher-excerpt is an excerpt of isozaki-commentary: their 2014 counts once, as does
    // ipdf's 2018, so neither value is better supported.
    let representation = fact("Japan's representation at NATO", "established");
    assert_eq!(representation["status"], "conflict");
    assert_eq!(representation["tie"], true);
    let supports: Vec<u64> = representation["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["support"].as_u64().unwrap())
        .collect();
    assert_eq!(supports, [1, 1]);

    let sources = document["sources"].as_array().unwrap();
    let excerpt = sources
        .iter()
        .find(|s| s["id"] == "fletcher-excerpt")
        .unwrap();
    assert_eq!(excerpt["derived_from"][0], "isozaki-commentary");
    let isozaki = sources
        .iter()
        .find(|s| s["id"] == "isozaki-commentary")
        .unwrap();
    assert_eq!(excerpt["group"], isozaki["group"], "one independence group");
    let groups: std::collections::HashSet<&str> = sources
        .iter()
        .map(|s| s["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups.len(), 4, "five sources, four independent");
    assert_eq!(excerpt["declared_dependencies"][0], "isozaki-commentary");
    assert_eq!(
        excerpt["detected_dependencies"][0], "isozaki-commentary",
        "the excerpt's copied quotes are found too"
    );
}

#[test]
fn the_reports_show_dependences_with_their_evidence() {
    let demo = json_report(&repo());
    let dependences = demo["dependences"].as_array().unwrap();
    assert_eq!(dependences.len(), 1, "{dependences:#?}");
    let excerpt = &dependences[0];
    assert_eq!(excerpt["sources"][0], "fletcher-excerpt");
    assert_eq!(excerpt["sources"][1], "isozaki-commentary");
    assert_eq!(excerpt["declared"], true);
    assert_eq!(excerpt["detected"], true);
    for evidence in excerpt["evidence"].as_array().unwrap() {
        let keys = &evidence["claims"];
        assert!(keys[0].as_str().unwrap().starts_with("fletcher-excerpt#"));
        assert!(keys[1].as_str().unwrap().starts_with("isozaki-commentary#"));
    }

    // Undeclared: alpha and beta share three quotes; gamma is on its own.
    let dir = repo().join("tests/cmd/source-copy.in");
    let copied = json_report(&dir);
    let dependence = &copied["dependences"][0];
    assert_eq!(copied["dependences"].as_array().unwrap().len(), 1);
    assert_eq!(dependence["declared"], false);
    assert_eq!(dependence["detected"], true);
    let kinds: Vec<&str> = dependence["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["quote", "quote", "quote"]);
    let alpha = &copied["sources"][0];
    assert_eq!(alpha["id"], "alpha");
    assert_eq!(alpha["declared_dependencies"].as_array().unwrap().len(), 0);
    assert_eq!(alpha["detected_dependencies"][0], "beta");
    assert_eq!(alpha["group"], "alpha");
    assert_eq!(
        copied["sources"][1]["group"], "alpha",
        "beta counts with alpha"
    );
    assert_eq!(copied["sources"][2]["group"], "gamma");

    let output = report(&dir, &[]);
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(
        markdown.contains("### alpha and beta\n\nDetected, not declared: 3 identical quotes"),
        "{markdown}"
    );
}

#[test]
fn a_report_is_written_to_a_file_and_needs_a_readable_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out/report.md");
    let output = report(&repo(), &["-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# factcheck report")
    );

    let broken = report(&repo().join("tests/cmd/malformed-toml.in"), &[]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(broken.stdout.is_empty(), "no report of part of a dataset");
    assert!(String::from_utf8_lossy(&broken.stderr).contains("factcheck::load::syntax"));

    let bad_day = report(&repo(), &["--today", "soon"]);
    assert_eq!(bad_day.status.code(), Some(2));
}
