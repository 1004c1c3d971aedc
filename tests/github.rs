//! The `github` format through the CLI: annotations on the fixture that exercises every
//! comparison finding (checked against the JSON output), the cap on annotations, and the step
//! summary written to `$GITHUB_STEP_SUMMARY` only when that is set and the format is asked for.
//!
//! Every run sets or removes `GITHUB_STEP_SUMMARY`, so that the tests neither depend on nor
//! write to the summary of a CI job they run in.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/findings.in")
}

/// `factcheck check` run in `dir` with these arguments and no step summary: (status, stdout).
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(dir)
        .arg("check")
        .args(args)
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .expect("factcheck runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    (output.status.code(), stdout)
}

/// A workflow command as the runner reads it: name, properties (unescaped), message
/// (unescaped).
struct Parsed {
    name: String,
    properties: Vec<(String, String)>,
    message: String,
}

impl Parsed {
    fn get(&self, key: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn parse(line: &str) -> Parsed {
    let rest = line.strip_prefix("::").expect("a command");
    let end = rest.find("::").expect("the end of the properties");
    let (name, properties) = rest[..end].split_once(' ').unwrap_or((&rest[..end], ""));
    let unescape = |v: &str| {
        v.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    };
    Parsed {
        name: name.to_owned(),
        properties: properties
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').expect("key=value");
                (k.to_owned(), unescape(v))
            })
            .collect(),
        message: rest[end + 2..]
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%"),
    }
}

fn annotations(stdout: &str) -> Vec<Parsed> {
    stdout
        .lines()
        .filter(|l| l.starts_with("::error ") || l.starts_with("::warning "))
        .map(parse)
        .collect()
}

#[test]
fn fixture_annotations_are_exact() {
    Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(fixture())
        .args(["check", "--format", "github"])
        .env_remove("GITHUB_STEP_SUMMARY")
        .assert()
        .code(1)
        .stdout_eq(snapbox::file!["fixtures/findings.github": Text]);
}

#[test]
fn annotations_point_where_the_json_output_does() {
    let (_, json) = run(&fixture(), &["--format", "json"]);
    let json: Value = serde_json::from_str(&json).expect("JSON");
    let findings = json["findings"].as_array().expect("findings");
    let (status, stdout) = run(&fixture(), &["--format", "github"]);
    assert_eq!(status, Some(1));
    let annotated = annotations(&stdout);
    assert_eq!(
        annotated.len(),
        findings.len(),
        "one per finding:\n{stdout}"
    );
    assert_eq!(
        annotated.len(),
        9,
        "the fixture has every comparison finding (and one unsupported quote)"
    );
    for (annotation, finding) in annotated.iter().zip(findings) {
        // The primary location is the first claim (every finding of the fixture has one).
        let primary = &finding["claims"][0];
        assert_eq!(annotation.name, finding["severity"].as_str().unwrap());
        assert_eq!(annotation.get("title"), finding["code"].as_str());
        assert_eq!(annotation.get("file"), primary["file"].as_str());
        for (key, field) in [
            ("line", "line"),
            ("endLine", "end_line"),
            ("col", "column"),
            ("endColumn", "end_column"),
        ] {
            assert_eq!(
                annotation.get(key),
                Some(primary[field].to_string().as_str()),
                "{key} of {}",
                finding["code"]
            );
        }
        let message = finding["message"].as_str().unwrap();
        assert!(
            annotation.message.starts_with(message),
            "{}",
            annotation.message
        );
        for other in finding["claims"].as_array().unwrap().iter().skip(1) {
            let also = format!(
                "\nalso: {}:{}: ",
                other["file"].as_str().unwrap(),
                other["line"]
            );
            assert!(
                annotation.message.contains(&also),
                "{also:?} in {}",
                annotation.message
            );
        }
        let help = format!(
            "\nhelp: {} — more in `factcheck explain {}`",
            finding["help"].as_str().unwrap(),
            finding["code"].as_str().unwrap()
        );
        assert!(
            annotation.message.ends_with(&help),
            "{}",
            annotation.message
        );
    }
    assert_eq!(
        stdout.lines().last(),
        Some(
            "factcheck: 4 errors, 5 warnings in 2 sources, 13 claims, 7 facts (6 compared across sources)"
        )
    );
}

/// A dataset in a temporary directory with `errors` conflicts (error) and `warnings` tensions
/// (warning), each on its own subject.
fn generated(errors: usize, warnings: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::create_dir(dir.path().join("claims")).expect("claims directory");
    for (source, director, report) in [
        ("a", "Jane Smith", "early 1990s"),
        ("b", "John Doe", "mid-1990s"),
    ] {
        let mut text = format!("[source]\ntitle = \"{source}\"\npublisher = \"{source}\"\n");
        for i in 0..errors {
            let _ = write!(
                text,
                "\n[[claim]]\nsubject = \"Institute {i}\"\nproperty = \"director\"\nvalue = \"{director}\"\n"
            );
        }
        for i in 0..warnings {
            let _ = write!(
                text,
                "\n[[claim]]\nsubject = \"Institute {i}\"\nproperty = \"first report\"\nvalue = \"{report}\"\n"
            );
        }
        std::fs::write(dir.path().join(format!("claims/{source}.toml")), text).expect("write");
    }
    dir
}

fn count(stdout: &str, prefix: &str) -> usize {
    stdout.lines().filter(|l| l.starts_with(prefix)).count()
}

#[test]
fn annotations_are_capped_with_one_overflow_line() {
    let dir = generated(25, 15);
    let (status, stdout) = run(dir.path(), &["--format", "github"]);
    assert_eq!(status, Some(1));
    // GitHub keeps 10 errors and 10 warnings per step; the overflow line takes a warning slot.
    assert_eq!(count(&stdout, "::error file="), 10, "{stdout}");
    assert_eq!(count(&stdout, "::warning file="), 9, "{stdout}");
    let overflow: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("::warning::"))
        .collect();
    assert_eq!(
        overflow,
        [
            "::warning::21 more findings are not annotated; see the log, the step summary or the SARIF report"
        ]
    );
    // The rest are in the log, one plain line each, inside a group.
    let group: Vec<&str> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("::group::"))
        .skip(1)
        .take_while(|l| *l != "::endgroup::")
        .collect();
    assert_eq!(group.len(), 21, "{stdout}");
    assert_eq!(
        group.iter().filter(|l| l.starts_with("error: ")).count(),
        15
    );
    assert_eq!(
        group.iter().filter(|l| l.starts_with("warning: ")).count(),
        6
    );
    assert!(stdout.ends_with("factcheck: 25 errors, 15 warnings in 2 sources, 80 claims, 40 facts (40 compared across sources)\n"));
}

#[test]
fn errors_alone_past_the_cap_keep_ten_and_a_limit_that_fits_has_no_overflow() {
    let dir = generated(12, 0);
    let (_, stdout) = run(dir.path(), &["--format", "github"]);
    assert_eq!(count(&stdout, "::error file="), 10, "{stdout}");
    assert_eq!(count(&stdout, "::warning"), 1, "{stdout}");
    assert!(stdout.contains("::warning::2 more findings are not annotated;"));

    let dir = generated(10, 10);
    let (_, stdout) = run(dir.path(), &["--format", "github"]);
    assert_eq!(count(&stdout, "::error file="), 10, "{stdout}");
    assert_eq!(count(&stdout, "::warning file="), 10, "{stdout}");
    assert_eq!(count(&stdout, "::warning::"), 0, "no overflow: {stdout}");
    assert_eq!(count(&stdout, "::group::"), 0, "{stdout}");
}

#[test]
fn the_step_summary_is_appended_when_the_variable_is_set() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "an earlier step\n").expect("write");
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(fixture())
        .args(["check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("factcheck runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(count(&stdout, "::error "), 4, "{stdout}");
    assert_eq!(
        stdout,
        run(&fixture(), &["--format", "github"]).1,
        "stdout does not change"
    );

    let markdown = std::fs::read_to_string(&summary).expect("the summary is written");
    assert!(
        markdown.starts_with("an earlier step\n## factcheck\n"),
        "appended:\n{markdown}"
    );
    assert!(markdown.contains("| 4 | 5 | 0 | 0 | 2 | 13 | 7 (6 compared across sources) |"));
    assert!(markdown.contains("| 1 | error | `factcheck::conflict::date` |"));
    assert!(markdown.contains(
        "| claims/beta.toml:21 | `factcheck::conflict::number` | conflict on \"Example Institute · budget (year=2024)\": \\$55 billion vs \\$70 billion"
    ), "{markdown}");
    assert_eq!(
        markdown.matches("\n| claims/").count(),
        9,
        "one row per open finding"
    );
    assert!(!markdown.contains("No open findings"));
}

#[test]
fn the_step_summary_is_written_only_for_the_github_format_and_a_set_variable() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let summary = dir.path().join("summary.md");
    // Another format: the variable is ignored.
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(fixture())
        .args(["check", "--format", "concise"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("factcheck runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(!summary.exists(), "no summary for the concise format");
    // No variable, or an empty one: the annotations only, and nothing written in the dataset.
    let (status, stdout) = run(&fixture(), &["--format", "github"]);
    assert_eq!(status, Some(1));
    assert_eq!(count(&stdout, "::error "), 4);
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(dir.path())
        .args(["check", "--format", "github"])
        .arg(fixture().join("claims"))
        .env("GITHUB_STEP_SUMMARY", "")
        .output()
        .expect("factcheck runs");
    assert_eq!(output.status.code(), Some(1));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
}

#[test]
fn a_clean_dataset_has_no_annotations_and_says_so_in_the_summary() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let summary = dir.path().join("summary.md");
    let clean = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/clean.in");
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(&clean)
        .args(["check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("factcheck runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(count(&stdout, "::"), 0, "{stdout}");
    assert!(
        stdout.starts_with("factcheck: 0 errors, 0 warnings"),
        "{stdout}"
    );
    let markdown = std::fs::read_to_string(&summary).expect("the summary is written");
    assert!(markdown.contains("No open findings."), "{markdown}");
    assert!(!markdown.contains("### Open findings"), "{markdown}");
}

#[test]
fn accepted_findings_are_not_annotated_but_counted_in_the_summary() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let summary = dir.path().join("summary.md");
    let reviews =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/findings-reviews.toml");
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(fixture())
        .args(["check", "--format", "github", "--reviews"])
        .arg(&reviews)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("factcheck runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let annotated = annotations(&stdout);
    assert_eq!(annotated.len(), 8, "{stdout}");
    assert!(
        annotated
            .iter()
            .all(|a| a.get("title") != Some("factcheck::conflict::date"))
    );
    let markdown = std::fs::read_to_string(&summary).expect("the summary is written");
    assert!(markdown.contains("| 3 | 5 | 1 | 0 |"), "{markdown}");
    assert!(
        markdown.contains(
            "1 accepted finding (1 reviewed, 0 in the baseline) does not fail the check."
        ),
        "{markdown}"
    );
}

#[test]
fn dataset_text_cannot_break_an_annotation_and_places_follow_github_rules() {
    use factcheck::files::{Files, Span};
    use factcheck::findings::{Code, Finding};
    use factcheck::render::{Report, Summary, github};

    let mut files = Files::new();
    let id = files.add("a,b:c.toml".into(), "x = \"\"\"\none\ntwo\"\"\"\n".into());
    let nasty = Finding::new(Code::ConflictValue, "says \"a\n::error::forged\" 100%")
        .at(Span::new(id, 4..18), "a says")
        .at(Span::new(id, 0..1), "b says\r\n::warning::x");
    let lost = Finding::new(Code::LoadIo, "cannot read `claims`");
    let findings = [nasty, lost];
    let out = github::render(&Report {
        files: &files,
        findings: &findings,
        summary: &Summary::default(),
        facts: &[],
        reviews: &[],
        invocation: "",
    });
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            // A span over several lines has no columns; dataset text is made printable (no
            // line breaks), then escaped; the title's `::` and the path's `,` and `:` too.
            "::error file=a%2Cb%3Ac.toml,line=1,endLine=3,title=factcheck%3A%3Aconflict%3A%3Avalue::says \"a\\n::error::forged\" 100%25%0Aalso: a,b:c.toml:1: b says\\r\\n::warning::x%0Ahelp: more in `factcheck explain factcheck::conflict::value`",
            // No location: the title only.
            "::error title=factcheck%3A%3Aload%3A%3Aio::cannot read `claims`%0Ahelp: more in `factcheck explain factcheck::load::io`",
            "factcheck: 0 errors, 0 warnings in 0 sources, 0 claims, 0 facts (0 compared across sources)",
        ]
    );
}

#[test]
fn the_step_summary_lists_the_first_hundred_findings() {
    let dir = generated(60, 45);
    let summary = dir.path().join("summary.md");
    let output = Command::new(cargo_bin!("factcheck"))
        .env_remove("GITHUB_WORKSPACE")
        .current_dir(dir.path())
        .args(["check", "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("factcheck runs");
    assert_eq!(output.status.code(), Some(1));
    let markdown = std::fs::read_to_string(&summary).expect("the summary is written");
    assert_eq!(markdown.matches("\n| claims/").count(), 100, "{markdown}");
    assert!(
        markdown.contains("\n…and 5 more: see the log or the SARIF report.\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 60 | error | `factcheck::conflict::value` |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 45 | warning | `factcheck::tension::date` |"),
        "{markdown}"
    );
}
