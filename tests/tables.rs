//! Claims as tables, end to end: the demonstration dataset written as one CSV file and a
//! sources table gives the same findings as its TOML claims files (same codes, messages and
//! fingerprints: the claims keep their keys), only located in the table.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A cell, always quoted (RFC 4180), so any text round-trips.
fn cell(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A TOML scalar as a cell's text: a string's contents, any other value as written.
fn written(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The demo's claims as one long CSV, and its `[source]` tables as `sources.toml` (texts are
/// relative to it, one directory up from the claims files).
fn demo_as_tables() -> (String, String) {
    let mut files: Vec<_> = std::fs::read_dir(root().join("claims"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut rows: Vec<(String, toml::Table)> = Vec::new();
    let mut keys = BTreeSet::new();
    let mut sources = String::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let mut document: toml::Table = toml::from_str(&text).unwrap();
        let mut source = document
            .remove("source")
            .and_then(|s| s.as_table().cloned())
            .unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let id = source
            .get("id")
            .and_then(toml::Value::as_str)
            .map_or(stem, str::to_owned);
        source.insert("id".into(), toml::Value::String(id.clone()));
        if let Some(toml::Value::String(text)) = source.get_mut("text") {
            *text = text.trim_start_matches("../").to_owned();
        }
        let _ = writeln!(sources, "[[source]]\n{}", toml::to_string(&source).unwrap());
        for claim in document
            .remove("claim")
            .and_then(|c| c.as_array().cloned())
            .unwrap_or_default()
        {
            let claim = claim.as_table().cloned().unwrap();
            if let Some(qualifiers) = claim.get("qualifiers").and_then(toml::Value::as_table) {
                keys.extend(qualifiers.keys().cloned());
            }
            rows.push((id.clone(), claim));
        }
    }
    let fields = ["id", "subject", "property", "value", "quote", "cites"];
    let mut csv = String::from("source");
    for field in fields {
        let _ = write!(csv, ",{field}");
    }
    for key in &keys {
        let _ = write!(csv, ",qualifier.{key}");
    }
    csv.push('\n');
    for (source, claim) in &rows {
        csv.push_str(&cell(source));
        for field in fields {
            let text = claim.get(field).map(written).unwrap_or_default();
            let _ = write!(csv, ",{}", cell(&text));
        }
        let qualifiers = claim.get("qualifiers").and_then(toml::Value::as_table);
        for key in &keys {
            let text = qualifiers
                .and_then(|q| q.get(key))
                .map(written)
                .unwrap_or_default();
            let _ = write!(csv, ",{}", cell(&text));
        }
        csv.push('\n');
    }
    (csv, sources)
}

/// `factcheck check --format json` in `dir`: every finding as (code, message, fingerprint),
/// and the files its claims are in.
fn findings_in(dir: &Path) -> (BTreeSet<(String, String, String)>, BTreeSet<String>) {
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .output()
        .expect("factcheck runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "findings, and nothing unreadable"
    );
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let mut findings = BTreeSet::new();
    let mut files = BTreeSet::new();
    for finding in json["findings"].as_array().unwrap() {
        let text = |key: &str| finding[key].as_str().unwrap_or_default().to_owned();
        findings.insert((text("code"), text("message"), text("fingerprint")));
        for claim in finding["claims"].as_array().into_iter().flatten() {
            files.insert(claim["file"].as_str().unwrap_or_default().to_owned());
        }
    }
    (findings, files)
}

#[test]
fn the_demo_as_one_csv_gives_the_same_findings() {
    let toml_dir = tempfile::tempdir().unwrap();
    let table_dir = tempfile::tempdir().unwrap();
    for dir in [toml_dir.path(), table_dir.path()] {
        std::fs::create_dir_all(dir.join("claims")).unwrap();
        std::fs::create_dir_all(dir.join("sources")).unwrap();
        std::fs::copy(root().join("rules.toml"), dir.join("rules.toml")).unwrap();
        for entry in std::fs::read_dir(root().join("sources")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join("sources").join(path.file_name().unwrap())).unwrap();
        }
    }
    for entry in std::fs::read_dir(root().join("claims")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(
            &path,
            toml_dir
                .path()
                .join("claims")
                .join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    let (csv, sources) = demo_as_tables();
    std::fs::write(table_dir.path().join("claims/demo.csv"), csv).unwrap();
    std::fs::write(table_dir.path().join("sources.toml"), sources).unwrap();

    let (from_toml, toml_files) = findings_in(toml_dir.path());
    let (from_table, table_files) = findings_in(table_dir.path());
    assert!(from_toml.len() >= 5, "the demo's findings: {from_toml:#?}");
    assert_eq!(from_table, from_toml);
    assert!(
        toml_files
            .iter()
            .all(|f| f.starts_with("claims/") && !f.contains(".csv")),
        "{toml_files:?}"
    );
    assert_eq!(
        table_files,
        BTreeSet::from(["claims/demo.csv".to_owned()]),
        "every claim is located in the table"
    );
}
