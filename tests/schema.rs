//! The JSON Schemas (`factcheck schema`): each is a valid draft 7 schema, every table in it is
//! closed, the demo dataset and the files `factcheck init` writes validate against them, and
//! the mistakes the loader rejects (an unknown key, a wrong type, a missing title) are rejected
//! by the schema too.
//!
//! A TOML file reaches the schema as JSON the way editors convert it (taplo, which Even Better
//! TOML runs): tables as objects, arrays as arrays, and a TOML date as its text.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::path::Path;

use factcheck::schema::{self, FileFormat};
use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

fn schema_of(format: FileFormat) -> Value {
    schema::generate(format).to_value()
}

/// A TOML document as JSON, dates as strings, as taplo hands it to its validator.
fn toml_to_json(text: &str) -> Value {
    fn convert(value: toml::Value) -> Value {
        match value {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => Value::from(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(items) => Value::Array(items.into_iter().map(convert).collect()),
            toml::Value::Table(table) => {
                Value::Object(table.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    let table: toml::Table = toml::from_str(text).expect("valid TOML");
    convert(toml::Value::Table(table))
}

/// The validation errors of a TOML text against a format's schema, as readable lines.
fn errors(format: FileFormat, text: &str) -> Vec<String> {
    let validator = jsonschema::draft7::new(&schema_of(format)).expect("the schema compiles");
    let instance = toml_to_json(text);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(format: FileFormat, path: &Path) {
    let text = std::fs::read_to_string(path).expect("readable");
    let errors = errors(format, &text);
    assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
}

fn demo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn every_schema_is_a_valid_draft_7_schema() {
    for format in FileFormat::ALL {
        let schema = schema_of(format);
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        let valid = jsonschema::meta::validate(&schema).map_err(|e| e.to_string());
        assert_eq!(valid, Ok(()), "{}: not a valid schema", format.name());
        let compiled = jsonschema::draft7::new(&schema)
            .map(|_| ())
            .map_err(|e| e.to_string());
        assert_eq!(compiled, Ok(()), "{}: does not compile", format.name());
        assert!(schema["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(
            schema["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty())
        );
    }
}

/// Every schema with `properties` (a table of the format) must refuse other keys, as the
/// loader does (`deny_unknown_fields`), and no schema may allow `null`, which TOML lacks.
#[test]
fn every_table_is_closed_and_nothing_is_null() {
    fn walk(schema: &Value, at: &str, problems: &mut Vec<String>) {
        match schema {
            Value::Object(object) => {
                if object.contains_key("properties")
                    && object.get("additionalProperties") != Some(&Value::Bool(false))
                {
                    problems.push(format!("{at}: a table that accepts unknown keys"));
                }
                if object.get("type") == Some(&Value::from("null"))
                    || object
                        .get("type")
                        .and_then(Value::as_array)
                        .is_some_and(|types| types.contains(&Value::from("null")))
                    || object
                        .get("enum")
                        .and_then(Value::as_array)
                        .is_some_and(|values| values.contains(&Value::Null))
                {
                    problems.push(format!("{at}: allows null"));
                }
                for (key, value) in object {
                    // A `properties` map's keys are field names (one may be `properties`),
                    // not schema keywords: walk each field's schema.
                    match (key.as_str(), value) {
                        ("properties", Value::Object(fields)) => {
                            for (field, schema) in fields {
                                walk(schema, &format!("{at}/properties/{field}"), problems);
                            }
                        }
                        _ => walk(value, &format!("{at}/{key}"), problems),
                    }
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{index}"), problems);
                }
            }
            _ => {}
        }
    }
    for format in FileFormat::ALL {
        let mut problems = Vec::new();
        walk(&schema_of(format), format.name(), &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

#[test]
fn enums_are_string_enums_for_completion() {
    let rules = schema_of(FileFormat::Rules);
    let property = &rules["properties"]["property"]["items"]["properties"];
    assert_eq!(property["type"]["type"], "string");
    assert_eq!(
        property["type"]["enum"],
        serde_json::json!(["date", "datetime", "number", "name", "text"])
    );
    assert_eq!(
        property["cardinality"]["enum"],
        serde_json::json!(["single", "multi"])
    );
    assert_eq!(
        property["severity"]["enum"],
        serde_json::json!(["error", "warning", "allow"])
    );
    assert_eq!(
        rules["properties"]["severity"]["additionalProperties"]["enum"],
        serde_json::json!(["error", "warning", "allow"])
    );
    assert_eq!(
        rules["properties"]["names"]["properties"]["variants"]["items"]["enum"],
        serde_json::json!(["close", "similar", "reordered"])
    );
    let reviews = schema_of(FileFormat::Reviews);
    assert_eq!(
        reviews["properties"]["review"]["items"]["properties"]["decision"]["enum"],
        serde_json::json!([
            "explained",
            "first-source-wrong",
            "second-source-wrong",
            "both-wrong",
            "unresolved"
        ])
    );
}

#[test]
fn the_source_requires_a_title_and_a_publisher() {
    let claims = schema_of(FileFormat::Claims);
    assert_eq!(claims["required"], serde_json::json!(["source"]));
    assert_eq!(
        claims["properties"]["source"]["required"],
        serde_json::json!(["title", "publisher"])
    );
    assert_eq!(
        claims["properties"]["claim"]["items"]["required"],
        serde_json::json!(["subject", "property", "value"])
    );
}

#[test]
fn every_demo_claims_file_validates() {
    let mut count = 0;
    for entry in std::fs::read_dir(demo("claims")).expect("the demo claims") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            assert_valid(FileFormat::Claims, &path);
            count += 1;
        }
    }
    assert!(count >= 5, "only {count} demo claims files");
}

#[test]
fn the_demo_rules_validate() {
    assert_valid(FileFormat::Rules, &demo("rules.toml"));
}

const REVIEW: &str = r#"
[[review]]
finding = "fc1-0123456789abcdef"
code = "factcheck::conflict::date"
claims = [
  { claim = "ipdf#first-contact", value = "1977/1979" },
  { claim = "nato-relations#first-contact", value = "1990/1993" },
]
decision = "second-source-wrong"
reason = "The NATO page dates the formal contacts."
reviewer = "A. Researcher"
date = 2026-11-25
expires = "2027-11-25"
"#;

#[test]
fn a_reviews_file_and_reviews_in_the_rules_validate() {
    assert!(
        errors(FileFormat::Reviews, REVIEW).is_empty(),
        "{:#?}",
        errors(FileFormat::Reviews, REVIEW)
    );
    assert!(errors(FileFormat::Rules, REVIEW).is_empty());
    let wrong = REVIEW.replace("second-source-wrong", "second-source-wong");
    assert_eq!(errors(FileFormat::Reviews, &wrong).len(), 1);
    let no_reason = REVIEW.replace("reason = ", "# reason = ");
    assert_eq!(errors(FileFormat::Reviews, &no_reason).len(), 1);
}

const CLAIMS: &str = r#"
[source]
title = "Japan opens dedicated diplomatic mission to NATO"
publisher = "Indo-Pacific Defense Forum"
published = 2025-01-16
# A reference to another source is for the loader to resolve; a schema sees one file.
derived_from = []

[[claim]]
id = "first-contact"
subject = "Japan–NATO relations"
property = "first contact"
value = "late 1970s"
qualifiers = { nature = "informal", year = 1979, checked = true, on = 2025-01-16 }

[[claim]]
subject = "Japan's mission to NATO"
property = "staff"
value = 12.5
"#;

#[test]
fn every_kind_of_scalar_is_a_value() {
    let errors = errors(FileFormat::Claims, CLAIMS);
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Writes a claims file in a fresh directory and runs `factcheck check` on it: the loader's
/// verdict, to hold the schema's against.
fn loader_accepts(text: &str) -> bool {
    loader_accepts_dataset(text, None)
}

/// Runs `factcheck check` on a fresh dataset of one claims file and, if given, a `rules.toml`:
/// whether the loader accepted them (no exit 2).
fn loader_accepts_dataset(claims: &str, rules: Option<&str>) -> bool {
    let mut files = vec![("claims/source.toml", claims)];
    files.extend(rules.map(|rules| ("rules.toml", rules)));
    loader_accepts_files(&files)
}

/// Runs `factcheck check` on a fresh dataset of the given `(path, text)` files: whether the
/// loader accepted them (no exit 2).
fn loader_accepts_files(files: &[(&str, &str)]) -> bool {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (path, text) in files {
        let path = dir.path().join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a directory");
        }
        std::fs::write(path, text).expect("written");
    }
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir.path())
        .args(["check", "--format", "concise"])
        .output()
        .expect("factcheck runs");
    output.status.code() != Some(2)
}

#[test]
fn what_the_loader_rejects_the_schema_rejects() {
    assert!(loader_accepts(CLAIMS));
    let cases = [
        (
            "an unknown key",
            CLAIMS.replace(
                "property = \"staff\"",
                "property = \"staff\"\nsubjet = \"x\"",
            ),
            "/claim/1",
        ),
        (
            "an unknown top-level table",
            format!("{CLAIMS}\n[sources]\ntitle = \"x\"\n"),
            "",
        ),
        (
            "a wrong type",
            CLAIMS.replace("subject = \"Japan's mission to NATO\"", "subject = 5"),
            "/claim/1/subject",
        ),
        (
            "a table as a value",
            CLAIMS.replace("value = 12.5", "value = { amount = 12.5 }"),
            "/claim/1/value",
        ),
        (
            "a missing title",
            CLAIMS.replace(
                "title = \"Japan opens dedicated diplomatic mission to NATO\"",
                "",
            ),
            "/source",
        ),
        (
            "a missing value",
            CLAIMS.replace("value = \"late 1970s\"", ""),
            "/claim/0",
        ),
    ];
    for (what, text, at) in cases {
        let errors = errors(FileFormat::Claims, &text);
        assert!(
            errors.len() == 1 && errors[0].starts_with(&format!("{at}: ")),
            "{what}: {errors:#?}"
        );
        assert!(!loader_accepts(&text), "{what}: the loader accepts it");
    }
}

/// The `[copies]` thresholds: the ranges normalization enforces are in the schema.
#[test]
fn copies_thresholds_have_their_ranges() {
    assert!(
        errors(
            FileFormat::Rules,
            "[copies]\nmin_shared = 4\nmin_fraction = 1\n"
        )
        .is_empty()
    );
    for (text, at) in [
        ("[copies]\nmin_shared = 0\n", "/copies/min_shared"),
        ("[copies]\nmin_shared = 2.5\n", "/copies/min_shared"),
        ("[copies]\nmin_fraction = 1.5\n", "/copies/min_fraction"),
        ("[copies]\nmin_fraction = -0.1\n", "/copies/min_fraction"),
        ("[copies]\nmin_share = 2\n", "/copies"),
    ] {
        let errors = errors(FileFormat::Rules, text);
        assert!(
            errors.len() == 1 && errors[0].starts_with(&format!("{at}: ")),
            "{text}: {errors:#?}"
        );
    }
}

#[test]
fn the_files_init_writes_validate() {
    let dir = tempfile::tempdir().expect("a temp dir");
    Command::new(cargo_bin!("factcheck"))
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success();
    assert_valid(FileFormat::Claims, &dir.path().join("claims/example.toml"));
    assert_valid(FileFormat::Rules, &dir.path().join("rules.toml"));
}

#[test]
fn the_command_prints_each_schema_as_json() {
    for format in FileFormat::ALL {
        let output = Command::new(cargo_bin!("factcheck"))
            .args(["schema", format.name()])
            .output()
            .expect("factcheck runs");
        assert_eq!(output.status.code(), Some(0));
        let printed: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
        assert_eq!(printed, schema_of(format), "{}", format.name());
        assert!(output.stderr.is_empty());
    }
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    Command::new(cargo_bin!("factcheck"))
        .args(["schema", "baseline"])
        .assert()
        .code(2);
}

/// Writes `rules.toml` beside a claims file that uses the properties `height` (in feet) and
/// `budget` (in dollars) and runs `factcheck check`: the loader's verdict on the rules.
fn loader_accepts_rules(rules: &str) -> bool {
    loader_accepts_dataset(
        "[source]\ntitle = \"T\"\npublisher = \"P\"\n\n[[claim]]\nsubject = \"Tower\"\n\
         property = \"height\"\nvalue = \"1,000 ft\"\n\n\n[[claim]]\nsubject = \"Lakeside\"\n\
         property = \"budget\"\nvalue = \"$5 million\"\nqualifiers = { year = \"2020\" }\n",
        Some(rules),
    )
}

/// A `tolerance`: the schema and the loader agree on its type and sign (the loader alone
/// can tell whether a string's unit fits the values).
#[test]
fn the_schema_and_the_loader_agree_on_tolerances() {
    for (tolerance, accepted) in [
        ("\"5%\"", true),
        ("\"10 m\"", true),
        ("\"500 ft\"", true),
        ("10", true),
        ("2.5", true),
        ("\"1,000\"", true),
        ("true", false),
        ("-3", false),
        ("-0.5", false),
        ("\"-5%\"", false),
        ("\" -10 m\"", false),
        ("\"\"", false),
    ] {
        let rules = format!("[[property]]\nname = \"height\"\ntolerance = {tolerance}\n");
        let schema_accepts = errors(FileFormat::Rules, &rules).is_empty();
        assert_eq!(schema_accepts, accepted, "schema, tolerance = {tolerance}");
        assert_eq!(
            loader_accepts_rules(&rules),
            accepted,
            "loader, tolerance = {tolerance}"
        );
    }
}

/// `[names] abbreviations`: a table of words to their expansions, nothing else.
#[test]
fn abbreviations_are_a_table_of_strings() {
    assert!(
        errors(
            FileFormat::Rules,
            "[names]\nabbreviations = { \"Cttee\" = \"Committee\", \"Bd\" = \"Board\" }\n"
        )
        .is_empty()
    );
    let errors = errors(
        FileFormat::Rules,
        "[names]\nabbreviations = { \"Cttee\" = 1 }\n",
    );
    assert!(
        errors.len() == 1 && errors[0].starts_with("/names/abbreviations/Cttee: "),
        "{errors:#?}"
    );
}

/// The schema and the loader agree on what a rules file may hold: each row is a rules file
/// (or a `[[property]]` line) and whether both must accept it. To cover a new written form,
/// add a row; a row on which they disagree fails, naming which side accepts it.
#[test]
fn the_schema_and_the_loader_agree_on_rules_files() {
    let property = |line: &str| format!("[[property]]\nname = \"budget\"\n{line}\n");
    let rows: Vec<(String, bool)> = [
        // Tolerances: the forms the README documents, and what is not a tolerance.
        ("tolerance = \"5%\"", true),
        ("tolerance = \"2.5 %\"", true),
        ("tolerance = \" 10% \"", true),
        ("tolerance = \"0%\"", true),
        ("tolerance = 1000", true),
        ("tolerance = 0", true),
        ("tolerance = 0.5", true),
        ("tolerance = \"1000\"", true),
        ("tolerance = \"1,000\"", true),
        ("tolerance = \"1,000.5\"", true),
        ("tolerance = true", false),
        ("tolerance = false", false),
        ("tolerance = -5", false),
        ("tolerance = -0.5", false),
        ("tolerance = \"-5%\"", false),
        ("tolerance = \"-1000\"", false),
        ("tolerance = \"abc\"", false),
        ("tolerance = \"five percent\"", false),
        ("tolerance = \"\"", false),
        ("tolerance = \"%\"", false),
        ("tolerance = \"5%%\"", false),
        ("tolerance = \"1,000%\"", true),
        ("tolerance = \"nan\"", false),
        ("tolerance = \"inf\"", false),
        ("tolerance = 2024-01-01", false),
        ("tolerance = [5]", false),
        ("tolerance = { amount = 5 }", false),
        // The other keys of a property.
        ("type = \"number\"", true),
        ("type = \"integer\"", false),
        ("type = true", false),
        ("cardinality = \"multi\"", true),
        ("cardinality = \"many\"", false),
        ("severity = \"allow\"", true),
        ("severity = \"fatal\"", false),
        ("separators = [\"year\"]", true),
        ("separators = \"year\"", false),
        ("separators = [1]", false),
        ("aliases = [\"spending\"]", true),
        ("aliases = \"spending\"", false),
        ("note = \"why\"", true),
        ("note = 5", false),
        ("tolerances = \"5%\"", false),
        // Zones: offsets, UTC, the abbreviation table; not IANA names or unknown words.
        ("zone = \"-06:00\"", true),
        ("zone = \"+0530\"", true),
        ("zone = \"+5\"", true),
        ("zone = \"UTC\"", true),
        ("zone = \"utc+05:30\"", true),
        ("zone = \"Z\"", true),
        ("zone = \"CST\"", true),
        ("zone = \"cet\"", true),
        ("zone = \" JST \"", true),
        ("zone = \"CST (UTC+08:00)\"", true),
        ("zone = \"(-05:00)\"", true),
        ("zone = \"America/Chicago\"", false),
        ("zone = \"XYZ\"", false),
        ("zone = \"+19:00\"", false),
        ("zone = \"-05:75\"", false),
        ("zone = \"\"", false),
        ("zone = -6", false),
    ]
    .into_iter()
    .map(|(line, valid)| (property(line), valid))
    .chain(
        [
            ("[names]\nmin_length = 3\n", true),
            ("[names]\nmin_length = true\n", false),
            ("[names]\nmin_length = \"3\"\n", false),
            ("[names]\nvariants = [\"close\"]\n", true),
            ("[names]\nvariants = [\"nearby\"]\n", false),
            ("[names]\nvariants = \"close\"\n", false),
            ("[severity]\n\"factcheck::name\" = \"allow\"\n", true),
            ("[severity]\n\"factcheck::name\" = true\n", false),
            (
                "[[entity]]\nname = \"Lakeside\"\naliases = [\"Lakeside Town\"]\n",
                true,
            ),
            ("[[entity]]\naliases = [\"Lakeside Town\"]\n", false),
            ("[[entity]]\nname = 5\n", false),
            ("[copies]\nmin_shared = true\n", false),
        ]
        .into_iter()
        .map(|(text, valid)| (text.to_owned(), valid)),
    )
    .collect();
    let mut disagreements = Vec::new();
    for (rules, valid) in &rows {
        let schema_accepts = errors(FileFormat::Rules, rules).is_empty();
        let loader_accepts = loader_accepts_rules(rules);
        if schema_accepts != *valid || loader_accepts != *valid {
            disagreements.push(format!(
                "{rules:?}: expected {}, the schema {}, the loader {}",
                if *valid { "valid" } else { "invalid" },
                if schema_accepts { "accepts" } else { "refuses" },
                if loader_accepts { "accepts" } else { "refuses" },
            ));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// A `[[table]]` entry of `rules.toml`, as the README's worked example writes it.
const TABLE_RULES: &str = r#"
[[table]]
files = "crawl/*.tsv"
source = "Source"
subject = "Flight#"
qualifiers = ["Gate"]
ignore = ["Note"]
types = { Status = "text" }
qualifier = { crawl_day = "{stem}" }
format = "tsv"
zone = "EST"
"#;

/// Runs `factcheck check` on a dataset of one crawl table and a `rules.toml`: whether the
/// loader accepted them.
fn loader_accepts_table_rules(rules: &str) -> bool {
    loader_accepts_files(&[
        (
            "claims/crawl/2011-12-01.tsv",
            "Source\tFlight#\tStatus\tGate\tNote\naa\tAA-1007\tLanded\tB5\t\n",
        ),
        ("rules.toml", rules),
    ])
}

#[test]
fn table_entries_agree_with_the_loader() {
    let valid = errors(FileFormat::Rules, TABLE_RULES);
    assert!(valid.is_empty(), "{valid:#?}");
    assert!(loader_accepts_table_rules(TABLE_RULES));
    let cases = [
        (
            "an unknown key",
            TABLE_RULES.replace("ignore =", "ignored ="),
            "/table/0",
        ),
        (
            "a missing subject",
            TABLE_RULES.replace("subject = \"Flight#\"", ""),
            "/table/0",
        ),
        (
            "a wrong type",
            TABLE_RULES.replace("qualifiers = [\"Gate\"]", "qualifiers = \"Gate\""),
            "/table/0/qualifiers",
        ),
        (
            "an unknown column type",
            TABLE_RULES.replace("\"text\"", "\"txt\""),
            "/table/0/types/Status",
        ),
        (
            "an unknown format",
            TABLE_RULES.replace("\"tsv\"", "\"xls\""),
            "/table/0/format",
        ),
        (
            "a zone that is none",
            TABLE_RULES.replace("\"EST\"", "\"America/Chicago\""),
            "/table/0/zone",
        ),
    ];
    for (what, text, at) in cases {
        let errors = errors(FileFormat::Rules, &text);
        assert!(
            errors.len() == 1 && errors[0].starts_with(&format!("{at}: ")),
            "{what}: {errors:#?}"
        );
        assert!(
            !loader_accepts_table_rules(&text),
            "{what}: the loader accepts it"
        );
    }
}
