//! Every finding's help, in every text format, ends with where to read more: `factcheck
//! explain` and the finding's own code. Checked on the demonstration dataset (findings about
//! data) and on a dataset that cannot be read (load problems).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

use std::path::Path;

use snapbox::cmd::{Command, cargo_bin};

fn check(dir: &Path, format: &str) -> String {
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .args(["check", "--format", format])
        // Wide enough that miette does not wrap a help line.
        .env("COLUMNS", "1000")
        .env("NO_COLOR", "1")
        .output()
        .expect("factcheck runs");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The codes of the findings, in order, from the JSON format.
fn codes(dir: &Path) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&check(dir, "json")).expect("JSON");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().expect("a code").to_owned())
        .collect()
}

/// The code each help line points at, in order: the text after `marker` on each line that
/// has it, which must end with the pointer.
fn pointed_at(output: &str, marker: &str) -> Vec<String> {
    output
        .split(marker)
        .skip(1)
        .map(|rest| {
            let line = rest.split(['\n', '%']).next().unwrap_or_default();
            let line = line.trim_end_matches(['.', '"', '<']).trim_end();
            let Some((_, code)) = line.rsplit_once("more in `factcheck explain ") else {
                panic!("a help line without the pointer: {line}")
            };
            code.trim_end_matches('`').to_owned()
        })
        .collect()
}

fn assert_every_help_points_at_its_code(dir: &Path) {
    let expected = codes(dir);
    assert!(!expected.is_empty(), "no findings in {}", dir.display());
    for (format, marker) in [
        ("human", "help: "),
        ("github", "%0Ahelp: "),
        ("junit", "help: "),
        ("sarif", "Help: "),
    ] {
        let output = check(dir, format);
        let mut found = pointed_at(&output, marker);
        let mut wanted = expected.clone();
        // JUnit lists findings by file, SARIF by rule: compare as sets with counts.
        found.sort();
        wanted.sort();
        assert_eq!(found, wanted, "{format}:\n{output}");
    }
}

#[test]
fn every_help_line_on_the_demo_points_at_its_code() {
    assert_every_help_points_at_its_code(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn every_help_line_on_unreadable_input_points_at_its_code() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("claims")).expect("claims/");
    std::fs::write(
        dir.path().join("claims/a.toml"),
        "[source]\ntitle = \"A\"\npublisher = \"P\"\nsubjet = \"x\"\n",
    )
    .expect("written");
    std::fs::write(dir.path().join("claims/b.toml"), "[source\n").expect("written");
    assert_every_help_points_at_its_code(dir.path());
}

/// A conflict between two names that an alias would join says which alias, end to end; a
/// conflict between two different names keeps the general help.
#[test]
fn a_conflict_an_alias_would_settle_says_which() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("claims")).expect("claims/");
    let source = |name: &str, head: &str, architect: &str| {
        format!(
            "[source]\ntitle = \"{name}\"\npublisher = \"P\"\n\n\
             [[claim]]\nsubject = \"Riverside Mission\"\nproperty = \"headed by\"\nvalue = \"{head}\"\n\n\
             [[claim]]\nsubject = \"Riverside Mission\"\nproperty = \"designed by\"\nvalue = \"{architect}\"\n"
        )
    };
    for (file, head, architect) in [
        ("a", "Osamu Izawa", "Kenzo Tange"),
        ("b", "Izawa", "Fumihiko Maki"),
    ] {
        std::fs::write(
            dir.path().join(format!("claims/{file}.toml")),
            source(file, head, architect),
        )
        .expect("written");
    }
    let json: serde_json::Value = serde_json::from_str(&check(dir.path(), "json")).expect("JSON");
    let help_of = |property: &str| {
        json["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["fact"]["property"] == property)
            .and_then(|f| f["help"].as_str())
            .unwrap_or_else(|| panic!("no finding on {property}: {json:#}"))
            .to_owned()
    };
    let head = help_of("headed by");
    assert!(
        head.starts_with("`Izawa` is a shorter form of `Osamu Izawa`")
            && head.contains("aliases = [\"Izawa\"]"),
        "{head}"
    );
    let architect = help_of("designed by");
    assert!(architect.starts_with("check the sources"), "{architect}");
    let human = check(dir.path(), "human");
    assert!(
        human.contains("aliases = [\"Izawa\"]) and the claims agree; if they are two things, the disagreement is the finding — more in `factcheck explain factcheck::conflict::value`"),
        "{human}"
    );
}

/// A count of one is singular in what `check` says about a baseline it writes.
#[test]
fn one_finding_is_one_finding() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("claims")).expect("claims/");
    for (file, year) in [("a", "1950"), ("b", "1990")] {
        std::fs::write(
            dir.path().join(format!("claims/{file}.toml")),
            format!(
                "[source]\ntitle = \"{file}\"\npublisher = \"P\"\n\n[[claim]]\n\
                 subject = \"Lakeside Library\"\nproperty = \"founded\"\nvalue = \"{year}\"\n"
            ),
        )
        .expect("written");
    }
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir.path())
        .args(["check", "--write-baseline", "baseline.json"])
        .output()
        .expect("factcheck runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        stderr.contains("wrote 1 finding to the baseline"),
        "{stderr}"
    );
}

/// A variant of a name that `rules.toml` does not declare: the help is the table to write.
#[test]
fn a_variant_of_an_undeclared_name_says_what_to_declare() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("claims")).expect("claims/");
    for (file, name) in [
        ("a", "Lakeside Library"),
        ("b", "Lakeside Library"),
        ("c", "Lakeside Libary"),
    ] {
        std::fs::write(
            dir.path().join(format!("claims/{file}.toml")),
            format!(
                "[source]\ntitle = \"{file}\"\npublisher = \"P\"\n\n[[claim]]\n\
                 subject = \"{name}\"\nproperty = \"founded\"\nvalue = \"1950\"\n"
            ),
        )
        .expect("written");
    }
    let json: serde_json::Value = serde_json::from_str(&check(dir.path(), "json")).expect("JSON");
    let variant = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["code"] == "factcheck::name::variant")
        .unwrap_or_else(|| panic!("no variant: {json:#}"));
    let help = variant["help"].as_str().expect("a help");
    assert!(
        help.contains(
            "declare it in rules.toml: [[entity]] name = \"Lakeside Library\", aliases = [\"Lakeside Libary\"]"
        ),
        "{help}"
    );
}
