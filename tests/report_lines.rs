//! `factcheck report --format jsonl` and `--format csv` end to end: the JSON Lines report is
//! the JSON report line by line (same facts, sources, findings) and follows its published line
//! schema; the CSV report has one row per fact and cannot start a spreadsheet formula; both
//! stream to a file as to stdout. And date-times in the reports: their intervals in JSON, their
//! timelines in HTML (snapshots of the `times` fixture).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

use std::path::Path;

mod report_run;

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

use report_run::{repo, report};

fn lines(dir: &Path) -> Vec<Value> {
    let output = report(dir, &["--format", "jsonl"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    text.lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

fn of_kind<'a>(lines: &'a [Value], kind: &str) -> Vec<&'a Value> {
    lines
        .iter()
        .filter(|l| l["kind"] == kind)
        .map(|l| &l[kind])
        .collect()
}

#[test]
fn the_jsonl_report_is_the_json_report_line_by_line() {
    let schema = Command::new(cargo_bin!("factcheck"))
        .args(["schema", "report-line"])
        .output()
        .expect("factcheck runs");
    let schema: Value = serde_json::from_slice(&schema.stdout).expect("a JSON schema");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for dir in [
        repo(),
        repo().join("tests/cmd/findings.in"),
        repo().join("tests/cmd/times.in"),
    ] {
        let lines = lines(&dir);
        let output = report(&dir, &["--format", "json"]);
        let document: Value = serde_json::from_slice(&output.stdout).unwrap();
        for line in &lines {
            let errors: Vec<String> = validator
                .iter_errors(line)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", dir.display());
        }
        assert_eq!(lines[0]["kind"], "header");
        assert_eq!(lines[0]["summary"], document["summary"]);
        assert_eq!(lines[0]["inputs"], document["inputs"]);
        for (kind, field) in [
            ("problem", "problems"),
            ("fact", "facts"),
            ("source", "sources"),
            ("dependence", "dependences"),
            ("name", "names"),
            ("finding", "findings"),
        ] {
            let listed: Vec<Value> = of_kind(&lines, kind).into_iter().cloned().collect();
            assert_eq!(Value::from(listed), document[field], "{kind}");
        }
        // Facts come before sources, which come before findings.
        let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
        let last_fact = kinds.iter().rposition(|k| *k == "fact").unwrap();
        assert!(kinds.iter().position(|k| *k == "source").unwrap() > last_fact);
    }
    // The validator is not a rubber stamp.
    let mut broken = lines(&repo())[1].clone();
    broken["fact"]["sources"] = Value::from("three");
    assert!(!validator.is_valid(&broken));
    let mut unknown = lines(&repo())[1].clone();
    unknown["kind"] = Value::from("gossip");
    assert!(!validator.is_valid(&unknown));
}

#[test]
fn the_csv_report_has_one_row_per_fact() {
    let document: Value =
        serde_json::from_slice(&report(&repo(), &["--format", "json"]).stdout).unwrap();
    let output = report(&repo(), &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let facts = document["facts"].as_array().unwrap();
    assert_eq!(rows.len(), facts.len());
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for name in &header {
        assert!(
            readme.contains(&format!("`{name}`")),
            "the README describes the column {name}"
        );
    }
    for (row, fact) in rows.iter().zip(facts) {
        assert_eq!(&row[column("subject")], fact["subject"].as_str().unwrap());
        assert_eq!(&row[column("status")], fact["status"].as_str().unwrap());
        assert_eq!(
            row[column("sources")].parse::<u64>().unwrap(),
            fact["sources"].as_u64().unwrap()
        );
        if let [best] = fact["best"].as_array().unwrap().as_slice() {
            let value = &fact["values"][best.as_u64().unwrap() as usize];
            assert_eq!(&row[column("best")], value["stated"].as_str().unwrap());
            assert_eq!(
                row[column("support")].parse::<u64>().unwrap(),
                value["support"].as_u64().unwrap()
            );
        }
    }
}

#[test]
fn a_hostile_dataset_gives_a_csv_a_spreadsheet_can_open_safely() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    for (source, value) in [("alpha", "=1+1"), ("beta", "@SUM(A1)")] {
        std::fs::write(
            dir.path().join(format!("claims/{source}.toml")),
            format!(
                "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\n\
                 subject = \"=HYPERLINK(\\\"http://evil\\\",\\\"x\\\")\"\n\
                 property = \"+cmd|' /C calc'!A0\\u001b[2J\"\nvalue = \"{value}\"\n"
            ),
        )
        .unwrap();
    }
    let output = report(dir.path(), &["--format", "csv"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "{text}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    for cell in &rows[0] {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{cell:?} in {text}"
        );
    }
    assert_eq!(&rows[0][0], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert!(rows[0][1].starts_with("'+cmd"));
    // Only a cell's start can make a formula.
    assert_eq!(&rows[0][6], "'=1+1; @SUM(A1)", "a tie of both values");
}

#[test]
fn the_streamed_formats_write_a_file_as_they_write_stdout() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["jsonl", "csv"] {
        let out = dir.path().join(format!("report.{format}"));
        let written = report(&repo(), &["--format", format, "-o", out.to_str().unwrap()]);
        assert_eq!(written.status.code(), Some(0));
        assert!(written.stdout.is_empty());
        let printed = report(&repo(), &["--format", format]);
        assert_eq!(std::fs::read(&out).unwrap(), printed.stdout, "{format}");
    }
    // Of part of a dataset: the problems are lines too, and the status is 2.
    let broken = report(
        &repo().join("tests/cmd/malformed-toml.in"),
        &["--format", "jsonl"],
    );
    assert_eq!(broken.status.code(), Some(2));
    let text = String::from_utf8(broken.stdout).unwrap();
    let kinds: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["kind"].to_string())
        .collect();
    assert_eq!(kinds[..2], ["\"header\"", "\"problem\""]);
}

#[test]
fn date_times_have_their_interval_in_json_and_a_timeline_of_their_own_scale_in_html() {
    let dir = repo().join("tests/cmd/times.in");
    let lines = lines(&dir);
    let facts: Vec<String> = of_kind(&lines, "fact")
        .into_iter()
        .map(|fact| {
            let claims: Vec<String> = fact["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| format!("  {} {}: {}", c["source"], c["stated"], c["time_interval"]))
                .collect();
            format!(
                "{} · {} ({}):\n{}",
                fact["subject"],
                fact["property"],
                fact["status"],
                claims.join("\n")
            )
        })
        .collect();
    insta::assert_snapshot!("times_intervals", facts.join("\n"));

    let output = report(&dir, &["--format", "html", "--today", "2026-01-01"]);
    let html = String::from_utf8(output.stdout).unwrap();
    let figures: Vec<&str> = html
        .match_indices("<figure>")
        .map(|(at, _)| &html[at..at + html[at..].find("</figure>").unwrap() + 9])
        .collect();
    // AA 1007 departure (times of day) and DL 5 departure (dated); WN 12 mixes a local and a
    // zoned time, which share no axis.
    assert_eq!(figures.len(), 2, "{figures:#?}");
    insta::assert_snapshot!("times_timelines", figures.join("\n"));
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::fmt::Write as _;
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    // Enough facts that the report outgrows a pipe's buffer.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    let mut claims = String::from("[source]\ntitle = \"T\"\npublisher = \"P\"\n");
    for i in 0..3000 {
        let _ = write!(
            claims,
            "\n[[claim]]\nsubject = \"Subject number {i}\"\nproperty = \"founded\"\nvalue = \"{}\"\n",
            1900 + i % 100
        );
    }
    std::fs::write(dir.path().join("claims/alpha.toml"), claims).unwrap();
    for format in ["jsonl", "csv"] {
        let mut child = std::process::Command::new(cargo_bin!("factcheck"))
            .current_dir(dir.path())
            .args(["report", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The pipe is closed here, with most of the report unread.
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
