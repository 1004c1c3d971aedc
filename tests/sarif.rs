//! The SARIF output: valid against the official SARIF 2.1.0 schema on the demo dataset, on every
//! comparison finding and on bad input; one rule per code; regions that point at the claims;
//! fingerprints that survive moved lines; reviews and the baseline as suppressions; and the
//! `--format sarif=FILE` route of the CLI.
//!
//! Every run goes through the binary in its own working directory, or through the library with
//! absolute paths, so the tests never depend on (or change) this process's working directory.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use factcheck::explain;
use factcheck::findings::{Code, Severity};
use factcheck::load::{Access, Request, RulesPath};
use factcheck::render::{Report, sarif};
use serde_json::{Value, json};
use snapbox::cmd::{Command, cargo_bin};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `factcheck` in `dir`; returns the exit status, stdout and stderr.
fn factcheck(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(dir)
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("factcheck runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    )
}

/// The SARIF log of `factcheck check` run in `dir`, with its exit status.
fn sarif_in(dir: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["check", "--format", "sarif"];
    args.extend_from_slice(extra);
    let (status, stdout, stderr) = factcheck(dir, &args);
    let log = serde_json::from_str(&stdout)
        .map_err(|e| format!("not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"))
        .unwrap();
    (status, log)
}

/// The JSON document of `factcheck check` run in `dir`.
fn json_in(dir: &Path) -> Value {
    let (_, stdout, _) = factcheck(dir, &["check", "--format", "json"]);
    serde_json::from_str(&stdout).expect("JSON output")
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

/// Asserts that a log is valid against the vendored official schema, listing every error.
fn assert_valid(log: &Value, what: &str) {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(repo().join("tests/schemas/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("  at {}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "the SARIF of {what} is not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
    // Draft 4 has no `uri-reference` format: check the artifact URIs here.
    for result in results(log) {
        for location in locations(result) {
            let uri = location["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri");
            assert!(
                uri.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-._~/%:".contains(c)),
                "{what}: `{uri}` is not a URI reference"
            );
        }
    }
}

/// Every location of a result: the primary one, then the related ones.
fn locations(result: &Value) -> Vec<&Value> {
    let all = |key: &str| result[key].as_array().into_iter().flatten();
    all("locations").chain(all("relatedLocations")).collect()
}

/// Copies a directory tree.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of a fixture dataset in a temporary directory.
fn copy_of(fixture: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join(fixture), dir.path());
    dir
}

#[test]
fn the_sarif_is_valid_against_the_official_schema() {
    let (status, demo) = sarif_in(&repo(), &[]);
    assert_eq!(status, Some(1));
    assert_valid(&demo, "the demo dataset");
    assert_eq!(demo["version"], "2.1.0");
    assert_eq!(demo["$schema"], sarif::SCHEMA);
    assert_eq!(demo["runs"].as_array().unwrap().len(), 1);
    assert_eq!(demo["runs"][0]["columnKind"], "unicodeCodePoints");
    assert_eq!(results(&demo).len(), 5);

    let (status, findings) = sarif_in(&repo().join("tests/cmd/findings.in"), &[]);
    assert_eq!(status, Some(1));
    assert_valid(&findings, "tests/cmd/findings.in");
    let codes: HashSet<&str> = results(&findings)
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    for code in [
        Code::ConflictDate,
        Code::ConflictNumber,
        Code::ConflictValue,
        Code::TensionDate,
        Code::NumberIncomparable,
        Code::NameVariant,
        Code::NameAcronym,
        Code::Order,
    ] {
        assert!(codes.contains(code.as_str()), "no {code} result");
    }

    let (status, malformed) = sarif_in(&repo().join("tests/cmd/malformed-toml.in"), &[]);
    assert_eq!(status, Some(2));
    assert_valid(&malformed, "tests/cmd/malformed-toml.in");
    assert!(
        results(&malformed)
            .iter()
            .any(|r| r["ruleId"] == Code::LoadSyntax.as_str() && r["locations"].is_array())
    );

    // A missing claims directory: a result with no location at all.
    let empty = tempfile::tempdir().unwrap();
    let (status, missing) = sarif_in(empty.path(), &["nowhere"]);
    assert_eq!(status, Some(2));
    assert_valid(&missing, "a missing claims directory");
    let only = &results(&missing)[..];
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["ruleId"], Code::LoadIo.as_str());
    assert!(only[0].get("locations").is_none());
    assert!(only[0].get("relatedLocations").is_none());
}

#[test]
fn the_validator_rejects_what_is_not_sarif() {
    // The schema check is a real one: a broken log fails it.
    let (_, mut log) = sarif_in(&repo().join("tests/cmd/findings.in"), &[]);
    log["runs"][0]["results"][0]["level"] = json!("fatal");
    let outcome = std::panic::catch_unwind(|| assert_valid(&log, "a broken log"));
    assert!(outcome.is_err(), "a level of `fatal` passed the schema");
}

#[test]
fn there_is_one_rule_per_code_and_results_name_them() {
    let (_, log) = sarif_in(&repo().join("tests/cmd/findings.in"), &[]);
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "factcheck");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(ids, codes);
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
    for (rule, &code) in rules.iter().zip(Code::ALL) {
        let explanation = explain::explain(code);
        assert_eq!(rule["shortDescription"]["text"], code.summary());
        assert_eq!(rule["fullDescription"]["text"], explanation.meaning);
        assert_eq!(rule["help"]["text"], explain::page(code));
        let markdown = rule["help"]["markdown"].as_str().unwrap();
        for part in [
            explanation.meaning,
            explanation.example,
            explanation.resolution,
        ] {
            assert!(markdown.contains(part), "{code}: help lacks {part:?}");
        }
        let level = match code.default_severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Allow => "none",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level, "{code}");
    }
    for result in results(&log) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(result["ruleId"], rules[index]["id"]);
        assert!(codes.contains(&result["ruleId"].as_str().unwrap()));
    }
}

/// The 1-based line and column (in characters) of the value of the claim `id` in a claims file,
/// and its length in characters with its quotes, computed from the text.
fn value_position(text: &str, id: &str) -> (usize, usize, usize) {
    let table = text.find(&format!("id = \"{id}\"")).expect("claim id");
    let value = table + text[table..].find("value = ").expect("value") + "value = ".len();
    let line = text[..value].matches('\n').count() + 1;
    let line_start = text[..value].rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..value].chars().count() + 1;
    // The value is a basic string: it ends at the next quote.
    let end = value + 1 + text[value + 1..].find('"').unwrap() + 1;
    (line, column, text[value..end].chars().count())
}

/// The result with this rule whose primary location is in `uri`.
fn result_at<'a>(log: &'a Value, code: Code, uri: &str) -> &'a Value {
    results(log)
        .iter()
        .find(|r| {
            r["ruleId"] == code.as_str()
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri
        })
        .ok_or_else(|| format!("no {code} result in {uri}"))
        .unwrap()
}

#[test]
fn regions_point_at_the_claims() {
    let (_, log) = sarif_in(&repo(), &[]);
    // One source on each side: the later file's claim is primary.
    let text = fs::read_to_string(repo().join("claims/nato-relations.toml")).unwrap();
    let (line, column, length) = value_position(&text, "first-contact");
    assert_eq!(length, "\"early 1990s\"".len());
    let result = results(&log)
        .iter()
        .find(|r| {
            let place = &r["locations"][0]["physicalLocation"];
            place["artifactLocation"]["uri"] == "claims/nato-relations.toml"
                && place["region"]["startLine"] == line
        })
        .expect("a result at nato-relations#first-contact");
    assert_eq!(result["ruleId"], Code::ConflictDate.as_str());
    let location = &result["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uriBaseId"],
        sarif::SRCROOT
    );
    assert_eq!(
        location["physicalLocation"]["region"],
        json!({ "startLine": line, "startColumn": column,
                "endLine": line, "endColumn": column + length })
    );
    assert_eq!(
        location["message"]["text"],
        "nato-relations says early 1990s (1990–1993)"
    );
    assert!(
        log["runs"][0]["originalUriBaseIds"][sarif::SRCROOT]["description"]["text"].is_string()
    );

    // The other claim is a related location, linked from the message.
    let related = &result["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "claims/ipdf.toml"
    );
    let message = result["message"]["text"].as_str().unwrap();
    assert!(message.starts_with("conflict on \"Japan–NATO relations · first contact\""));
    assert!(message.contains("[ipdf says late 1970s (1977–1979)](1)"));
    assert!(message.contains("Help: check the sources"));

    // The order constraint of rules.toml is a related location of the order finding.
    let (_, log) = sarif_in(&repo().join("tests/cmd/findings.in"), &[]);
    let order = result_at(&log, Code::Order, "claims/alpha.toml");
    assert!(
        order["relatedLocations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["physicalLocation"]["artifactLocation"]["uri"] == "rules.toml")
    );
}

#[test]
fn columns_count_characters() {
    let dir = tempfile::tempdir().unwrap();
    let claims = dir.path().join("claims");
    fs::create_dir(&claims).unwrap();
    // The claim on one line, so that multi-byte characters come before the value.
    let alpha = "claim = [{ id = \"f\", subject = \"Étude – Zoë “Institut”\", property = \"founded\", value = \"1998\" }]\n\n[source]\ntitle = \"Ålpha\"\npublisher = \"P\"\n";
    // Named to come last: with one source on each side, the later file's claim is primary.
    fs::write(claims.join("zeta.toml"), alpha).unwrap();
    fs::write(
        claims.join("beta.toml"),
        "[source]\ntitle = \"B\"\npublisher = \"P\"\n\n[[claim]]\nid = \"f\"\nsubject = \"Étude – Zoë “Institut”\"\nproperty = \"founded\"\nvalue = \"2004\"\n",
    )
    .unwrap();
    let (_, log) = sarif_in(dir.path(), &[]);
    assert_valid(&log, "a dataset with multi-byte characters");
    let (line, column, length) = value_position(alpha, "f");
    let bytes = alpha
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"1998\"")
        .unwrap()
        + 1;
    assert!(
        column < bytes,
        "the line has multi-byte characters before the value"
    );
    let result = result_at(&log, Code::ConflictDate, "claims/zeta.toml");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"],
        json!({ "startLine": line, "startColumn": column,
                "endLine": line, "endColumn": column + length })
    );
}

/// The partial fingerprints of a log, by rule and the message's first sentence (which states
/// the claims and values, never a position).
fn fingerprints(log: &Value) -> BTreeMap<(String, String), (String, u64)> {
    results(log)
        .iter()
        .map(|r| {
            let message = r["message"]["text"].as_str().unwrap();
            let first = message.split(". See also").next().unwrap();
            let first = first.split(". Help:").next().unwrap();
            (
                (r["ruleId"].as_str().unwrap().to_owned(), first.to_owned()),
                (
                    r["partialFingerprints"][sarif::FINGERPRINT]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap_or(0),
                ),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_moved_lines_reordered_claims_and_new_claims() {
    let dir = copy_of("tests/cmd/findings.in");
    let (_, before) = sarif_in(dir.path(), &[]);
    let before = fingerprints(&before);
    assert_eq!(before.len(), 9, "{before:#?}");

    // Blank lines and comments at the top, the [[claim]] tables in reverse order, and a claim
    // about something no other source mentions.
    let path = dir.path().join("claims/alpha.toml");
    let text = fs::read_to_string(&path).unwrap();
    let mut tables: Vec<&str> = text.split("\n[[claim]]\n").collect();
    let source = tables.remove(0);
    tables.reverse();
    let mut edited = format!("\n\n# Reviewed again.\n# Nothing changed.\n\n{source}\n");
    for table in tables {
        edited.push_str("\n[[claim]]\n");
        edited.push_str(table.trim_end());
        edited.push('\n');
    }
    edited.push_str(
        "\n[[claim]]\nid = \"mascot\"\nsubject = \"Example Institute\"\nproperty = \"mascot\"\nvalue = \"an owl\"\n",
    );
    fs::write(&path, edited).unwrap();

    let (_, after) = sarif_in(dir.path(), &[]);
    assert_valid(&after, "the edited fixture");
    let after = fingerprints(&after);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the edit changed the findings"
    );
    let mut moved = 0;
    for (key, (fingerprint, line)) in &before {
        let (new_fingerprint, new_line) = &after[key];
        assert_eq!(fingerprint, new_fingerprint, "{key:?}");
        moved += usize::from(line != new_line);
    }
    // Every finding whose primary claim is in alpha.toml moved: the order and the acronym
    // findings (each disagreement is one claim against one, so beta's, the later file's, is
    // primary), and the unsupported quote of alpha#member.
    assert_eq!(moved, 3, "{before:#?}\n{after:#?}");
}

/// A reviews file explaining the finding with this code, built from the JSON output.
fn review_of(json: &Value, code: Code) -> String {
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code.as_str())
        .expect("a finding to review");
    let claims: Vec<String> = finding["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{{ claim = {}, value = {} }}", c["key"], c["value_key"]))
        .collect();
    format!(
        "[[review]]\nfinding = {}\ncode = \"{code}\"\nclaims = [{}]\ndecision = \"explained\"\nreason = \"The [beta] profile counts from the charter {{draft}}.\"\nreviewer = \"A. Researcher\"\ndate = 2026-11-25\n",
        finding["fingerprint"],
        claims.join(", ")
    )
}

#[test]
fn reviewed_and_baselined_findings_are_suppressed() {
    let dir = copy_of("tests/cmd/findings.in");
    let reviews = review_of(&json_in(dir.path()), Code::TensionDate);
    fs::write(dir.path().join("reviews.toml"), reviews).unwrap();
    let (status, log) = sarif_in(dir.path(), &[]);
    assert_eq!(status, Some(1), "the errors still fail");
    assert_valid(&log, "a dataset with a review");
    for result in results(&log) {
        let suppressions = result["suppressions"].as_array().expect("suppressions");
        if result["ruleId"] != Code::TensionDate.as_str() {
            assert!(suppressions.is_empty(), "{result:#}");
            continue;
        }
        assert_eq!(suppressions.len(), 1);
        let suppression = &suppressions[0];
        assert_eq!(suppression["kind"], "external");
        assert_eq!(suppression["status"], "accepted");
        assert_eq!(
            suppression["justification"],
            "explained (reviewed by A. Researcher on 2026-11-25): The [beta] profile counts from the charter {draft}."
        );
        let place = &suppression["location"]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], "reviews.toml");
        assert_eq!(place["region"]["startLine"], 1);
    }

    // The baseline accepts every finding.
    let (status, _, _) = factcheck(dir.path(), &["check", "--write-baseline", "baseline.json"]);
    assert_eq!(status, Some(0));
    let (status, log) = sarif_in(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(status, Some(0));
    assert_valid(&log, "a dataset with a baseline");
    assert_eq!(results(&log).len(), 9);
    for result in results(&log) {
        let suppressions = result["suppressions"].as_array().unwrap();
        assert_eq!(suppressions.len(), 1, "{result:#}");
        assert_eq!(suppressions[0]["kind"], "external");
        // A review wins over the baseline for the finding it explains.
        if result["ruleId"] != Code::TensionDate.as_str() {
            assert_eq!(suppressions[0]["justification"], "in the baseline");
        }
    }
}

#[test]
fn the_output_is_deterministic_and_in_the_findings_order() {
    let dir = repo().join("tests/cmd/findings.in");
    let (_, first, _) = factcheck(&dir, &["check", "--format", "sarif"]);
    let (_, second, _) = factcheck(&dir, &["check", "--format", "sarif"]);
    assert_eq!(first, second);
    let log: Value = serde_json::from_str(&first).unwrap();
    let json = json_in(&dir);
    let order = |items: &Vec<Value>, code: &str, fingerprint: &dyn Fn(&Value) -> Value| {
        items
            .iter()
            .map(|item| (item[code].clone(), fingerprint(item)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        order(results(&log), "ruleId", &|r| r["partialFingerprints"]
            [sarif::FINGERPRINT]
            .clone()),
        order(json["findings"].as_array().unwrap(), "code", &|f| {
            f["fingerprint"].clone()
        }),
    );
}

#[test]
fn absolute_paths_become_file_uris() {
    let root = repo().join("tests/cmd/findings.in");
    let checked = factcheck::check(&Request {
        access: Access::default(),
        claims_dir: root.join("claims"),
        rules: RulesPath::Default(root.join("rules.toml")),
        reviews: RulesPath::Default(root.join("reviews.toml")),
    });
    let report = Report::of(&checked, "");
    let text = sarif::render(&report);
    assert_eq!(text, sarif::render(&report), "same input, same bytes");
    let log: Value = serde_json::from_str(&text).unwrap();
    assert_valid(&log, "the fixture read through absolute paths");
    for result in results(&log) {
        for location in locations(result) {
            let artifact = &location["physicalLocation"]["artifactLocation"];
            let uri = artifact["uri"].as_str().unwrap();
            assert!(uri.starts_with("file:///"), "{uri}");
            assert!(uri.contains("/tests/cmd/findings.in/"), "{uri}");
            assert!(artifact.get("uriBaseId").is_none());
        }
    }
}

#[test]
fn the_cli_writes_sarif_to_a_file_beside_the_human_output() {
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("reports/out.sarif");
    let (status, stdout, _) = factcheck(
        &repo(),
        &[
            "check",
            "--format",
            "human",
            "--format",
            &format!("sarif={}", path.display()),
        ],
    );
    assert_eq!(status, Some(1));
    assert!(stdout.contains("factcheck::conflict::date"), "{stdout}");
    assert!(
        stdout.contains("factcheck: 2 errors, 3 warnings in 5 sources"),
        "{stdout}"
    );
    assert!(!stdout.contains("\"$schema\""), "SARIF on stdout");
    let log: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_valid(&log, "the SARIF file written by the CLI");
    assert_eq!(results(&log).len(), 5);
}
