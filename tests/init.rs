//! `factcheck init`: the scaffold it writes checks clean and its rules are live, and it never
//! overwrites a file.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::path::Path;
use std::process::Output;

use snapbox::cmd::{Command, cargo_bin};

const CREATED: [&str; 3] = ["claims/example.toml", "sources/example.txt", "rules.toml"];

fn factcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .args(args)
        // Wide enough that no help line wraps.
        .env("COLUMNS", "1000")
        .output()
        .expect("factcheck runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn init_creates_a_dataset_that_checks_clean() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let init = factcheck(dir.path(), &["init"]);
    assert_eq!(init.status.code(), Some(0), "{}", text(&init.stderr));
    let stdout = text(&init.stdout);
    for path in CREATED {
        assert!(dir.path().join(path).is_file(), "{path} not created");
        assert!(stdout.contains(path), "{path} not reported: {stdout}");
    }
    assert!(stdout.contains("factcheck check"), "{stdout}");

    let check = factcheck(dir.path(), &["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).expect("JSON");
    assert_eq!(json["findings"], serde_json::json!([]));
    assert_eq!(json["summary"]["claims"], 3);
}

/// The example rules of the scaffold's `rules.toml` uncommented, as its comment says: every
/// line of the example block that starts with `# ` loses it; lines with `##` stay comments.
fn uncomment_the_example_rules(dir: &Path) {
    let path = dir.join("rules.toml");
    let rules = std::fs::read_to_string(&path).expect("the rules");
    let (general, example) = rules
        .split_once(EXAMPLE_BLOCK)
        .expect("the rules have an example block");
    let uncommented: String = example
        .lines()
        .flat_map(|line| [line.strip_prefix("# ").unwrap_or(line), "\n"])
        .collect();
    assert!(uncommented.contains("[[order]]\n"), "{uncommented}");
    std::fs::write(&path, format!("{general}{EXAMPLE_BLOCK}{uncommented}")).expect("edited");
}

/// The line that opens the example rules in the scaffold's `rules.toml`.
const EXAMPLE_BLOCK: &str = "# ---- Rules for the example";

/// The scaffold's rules name only what any dataset may have: once the example is deleted and
/// a source of the user's own is written (other subjects, properties and qualifiers), the
/// check is clean, not a list of errors about the example's names.
#[test]
fn deleting_the_example_leaves_rules_that_check_clean() {
    let dir = tempfile::tempdir().expect("a temp dir");
    assert_eq!(factcheck(dir.path(), &["init"]).status.code(), Some(0));
    std::fs::remove_file(dir.path().join("claims/example.toml")).expect("deleted");
    std::fs::remove_file(dir.path().join("sources/example.txt")).expect("deleted");
    std::fs::write(
        dir.path().join("claims/census.toml"),
        "[source]\ntitle = \"Census of Lakeside\"\npublisher = \"Lakeside Council\"\n\n\
         [[claim]]\nsubject = \"Lakeside\"\nproperty = \"population\"\nvalue = \"4,210\"\n\
         qualifiers = { census = \"2020\" }\n",
    )
    .expect("written");
    let check = factcheck(dir.path(), &["check", "--format", "concise"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        text(&check.stdout),
        text(&check.stderr)
    );
    assert!(
        text(&check.stdout).contains("0 errors, 0 warnings in 1 source, 1 claim"),
        "{}",
        text(&check.stdout)
    );

    // With no claims at all, the one problem is that, and it says where to start.
    std::fs::remove_file(dir.path().join("claims/census.toml")).expect("deleted");
    let check = factcheck(dir.path(), &["check", "--format", "json"]);
    assert_eq!(check.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).expect("JSON");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{json:#}");
    assert_eq!(findings[0]["code"], "factcheck::load::no-claims");
    assert!(
        findings[0]["help"]
            .as_str()
            .is_some_and(|help| help.contains("`factcheck init`")),
        "{json:#}"
    );
}

/// A directory with no dataset at all points at `factcheck init`, in every wording of it.
#[test]
fn no_dataset_suggests_init() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let check = factcheck(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(2));
    assert!(
        text(&check.stdout).contains("`factcheck init`"),
        "{}",
        text(&check.stdout)
    );
    std::fs::create_dir(dir.path().join("claims")).expect("claims/");
    let check = factcheck(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(2));
    assert!(
        text(&check.stdout).contains("`factcheck init`"),
        "{}",
        text(&check.stdout)
    );
}

/// The example is not inert: its quotes are checked against its text, and once uncommented,
/// the example rules (its `[[order]]`, its property's and entity's aliases) apply and still
/// check clean. Each edit below must make `check` fail.
#[test]
fn the_scaffold_rules_are_live() {
    let cases = [
        ("value = \"1998\"", "value = \"1850\"", "factcheck::order"),
        (
            "quote = \"it was restored in 1998\"",
            "quote = \"it was rebuilt in 1998\"",
            "factcheck::quote::not-found",
        ),
        (
            "qualifiers = { year = \"2021\" }",
            "qualifiers = { year = \"2021\" }\n\n[[claim]]\nsubject = \"Mill Bridge\"\nproperty = \"visitor count\"\nvalue = \"15,000\"\nqualifiers = { year = \"2021\" }\n",
            "factcheck::conflict::number",
        ),
    ];
    for (from, to, code) in cases {
        let dir = tempfile::tempdir().expect("a temp dir");
        assert_eq!(factcheck(dir.path(), &["init"]).status.code(), Some(0));
        uncomment_the_example_rules(dir.path());
        let clean = factcheck(dir.path(), &["check", "--format", "concise"]);
        assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));
        let path = dir.path().join("claims/example.toml");
        let example = std::fs::read_to_string(&path).expect("the example");
        assert_eq!(example.matches(from).count(), 1, "{from}");
        std::fs::write(&path, example.replace(from, to)).expect("edited");
        let check = factcheck(dir.path(), &["check", "--format", "concise"]);
        let stdout = text(&check.stdout);
        assert_eq!(check.status.code(), Some(1), "{code}: {stdout}");
        assert!(stdout.contains(code), "{code}: {stdout}");
    }
}

#[test]
fn init_into_a_new_directory_says_how_to_get_there() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let init = factcheck(dir.path(), &["init", "data/set"]);
    assert_eq!(init.status.code(), Some(0), "{}", text(&init.stderr));
    assert!(text(&init.stdout).contains("cd data/set && factcheck check"));
    let check = factcheck(&dir.path().join("data/set"), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn a_second_init_refuses_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("a temp dir");
    assert_eq!(factcheck(dir.path(), &["init"]).status.code(), Some(0));
    let rules = dir.path().join("rules.toml");
    std::fs::write(&rules, "# my own rules\n").expect("edited");

    let again = factcheck(dir.path(), &["init"]);
    assert_eq!(again.status.code(), Some(2));
    let stderr = text(&again.stderr);
    for path in CREATED {
        assert!(
            stderr.contains(&format!("{}`", Path::new(".").join(path).display())),
            "{path} not named: {stderr}"
        );
    }
    assert!(again.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&rules).expect("rules"),
        "# my own rules\n"
    );
}

#[test]
fn one_existing_file_stops_every_other() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("rules.toml"), "# mine\n").expect("written");

    let init = factcheck(dir.path(), &["init"]);
    assert_eq!(init.status.code(), Some(2));
    let stderr = text(&init.stderr);
    assert!(stderr.contains("rules.toml"), "{stderr}");
    assert!(!stderr.contains("example.toml"), "{stderr}");
    assert!(!dir.path().join("claims").exists(), "claims/ was created");
    assert!(!dir.path().join("sources").exists(), "sources/ was created");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rules.toml")).expect("rules"),
        "# mine\n"
    );
}
