//! The CI gate end to end (DESIGN 4.1, 4.2): reviews and the baseline survive edits that do not
//! touch the claims they cover, and only those; `--changed-since` narrows the report to the
//! edit; severities are set per code; an edited claim is reported at exactly its line.
//!
//! Each test works on a copy of the demonstration dataset in a temporary directory.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

/// A copy of the demonstration dataset (claims, rules and source texts).
struct Demo {
    dir: tempfile::TempDir,
}

impl Demo {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for sub in ["claims", "sources"] {
            fs::create_dir(dir.path().join(sub)).expect("directory");
            for entry in fs::read_dir(root.join(sub)).expect("demo directory") {
                let path = entry.expect("entry").path();
                let name = path.file_name().expect("file name");
                fs::copy(&path, dir.path().join(sub).join(name)).expect("copy");
            }
        }
        fs::copy(root.join("rules.toml"), dir.path().join("rules.toml")).expect("copy rules");
        Demo { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).expect("readable")
    }

    fn write(&self, relative: &str, text: &str) {
        fs::write(self.path(relative), text).expect("writable");
    }

    /// Replaces the one occurrence of `from` in a file.
    fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert_eq!(text.matches(from).count(), 1, "`{from}` in {relative}");
        self.write(relative, &text.replacen(from, to, 1));
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(cargo_bin!("factcheck"))
            .env_remove("GITHUB_WORKSPACE")
            .current_dir(self.dir.path())
            .env_remove("GITHUB_STEP_SUMMARY")
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .expect("factcheck runs")
    }

    /// `check --format json` with extra arguments: the exit status and the document.
    fn check(&self, args: &[&str]) -> (Option<i32>, Value) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let output = self.run(&all);
        let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!("{e}: {}", String::from_utf8_lossy(&output.stderr));
        });
        (output.status.code(), json)
    }

    fn git(&self, args: &[&str]) {
        let status = std::process::Command::new("git")
            .current_dir(self.dir.path())
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(status.status.success(), "git {args:?}: {status:?}");
    }
}

fn findings(json: &Value) -> &Vec<Value> {
    json["findings"].as_array().expect("findings")
}

fn with_status<'a>(json: &'a Value, status: &str) -> Vec<&'a Value> {
    findings(json)
        .iter()
        .filter(|f| f["status"] == status)
        .collect()
}

fn codes(json: &Value) -> Vec<&str> {
    findings(json)
        .iter()
        .map(|f| f["code"].as_str().expect("code"))
        .collect()
}

fn fingerprint(finding: &Value) -> String {
    finding["fingerprint"]
        .as_str()
        .expect("fingerprint")
        .to_owned()
}

fn errors(json: &Value) -> Vec<&Value> {
    findings(json)
        .iter()
        .filter(|f| f["severity"] == "error" && f["status"] == "open")
        .collect()
}

fn summary(json: &Value, field: &str) -> u64 {
    json["summary"][field].as_u64().expect("count")
}

/// Does what `factcheck review` is for: records a review of a finding.
fn review(demo: &Demo, fingerprint: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "review",
        fingerprint,
        "--decision",
        "explained",
        "--reason",
        "the sources count from different events",
        "--reviewer",
        "Test",
    ];
    args.extend_from_slice(extra);
    demo.run(&args)
}

/// Edits that leave every claim as it was: a claim moved to the end of its file, comments and
/// blank lines added, another quoting style, and a new source about other things.
fn shuffle_and_reformat(demo: &Demo) {
    let file = "claims/ipdf.toml";
    let text = demo.read(file);
    let blocks: Vec<&str> = text.split("\n[[claim]]\n").collect();
    assert!(blocks.len() > 3);
    let mut moved = blocks.clone();
    let second = moved.remove(2);
    moved.push(second.trim_end());
    let mut reordered = moved.join("\n\n# moved and reformatted\n[[claim]]\n");
    reordered.push('\n');
    let reordered = reordered
        .replace("property = \"", "property   =   '")
        .replace("\"\nvalue", "'\nvalue");
    demo.write(file, &reordered);
    demo.write(
        "claims/unrelated.toml",
        "[source]\ntitle = \"Unrelated\"\npublisher = \"Elsewhere\"\n\n\
         [[claim]]\nid = \"lighthouse\"\nsubject = \"Kinnaird Head lighthouse\"\n\
         property = \"built\"\nvalue = \"1787\"\n",
    );
}

#[test]
fn a_reviewed_finding_no_longer_fails_and_is_counted() {
    let demo = Demo::new();
    let (status, before) = demo.check(&[]);
    assert_eq!(status, Some(1));
    let targets = errors(&before);
    assert_eq!(targets.len(), 2, "{:?}", codes(&before));
    for finding in &targets {
        let output = review(&demo, &fingerprint(finding), &[]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
    }
    let reviews = demo.read("reviews.toml");
    assert_eq!(reviews.matches("[[review]]").count(), 2);
    assert!(
        !reviews.contains("line ="),
        "reviews never name lines:\n{reviews}"
    );

    let (status, after) = demo.check(&[]);
    assert_eq!(status, Some(0), "{after:#}");
    assert_eq!(summary(&after, "errors"), 0);
    assert_eq!(summary(&after, "reviewed"), 2);
    let reviewed: Vec<String> = with_status(&after, "reviewed")
        .into_iter()
        .map(fingerprint)
        .collect();
    let expected: Vec<String> = targets.into_iter().map(fingerprint).collect();
    assert_eq!(reviewed, expected);

    let human = demo.run(&["check"]);
    let stdout = String::from_utf8_lossy(&human.stdout);
    assert!(
        stdout.contains("0 errors, 3 warnings (2 reviewed)"),
        "{stdout}"
    );
}

#[test]
fn reviewing_a_finding_twice_or_an_unknown_one_is_refused() {
    let demo = Demo::new();
    let (_, json) = demo.check(&[]);
    let target = fingerprint(errors(&json)[0]);
    assert_eq!(review(&demo, &target, &[]).status.code(), Some(0));
    let again = review(&demo, &target, &[]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already reviewed at reviews.toml:"));
    let unknown = review(&demo, "fc1-0000000000000000", &[]);
    assert_eq!(unknown.status.code(), Some(2));
    assert_eq!(demo.read("reviews.toml").matches("[[review]]").count(), 1);
}

#[test]
fn reviews_survive_moved_reformatted_and_unrelated_claims() {
    let demo = Demo::new();
    let (_, before) = demo.check(&[]);
    for finding in findings(&before) {
        assert_eq!(
            review(&demo, &fingerprint(finding), &[]).status.code(),
            Some(0)
        );
    }
    shuffle_and_reformat(&demo);
    let (status, after) = demo.check(&[]);
    assert_eq!(status, Some(0), "{after:#}");
    assert_eq!(summary(&after, "reviewed"), 5);
    assert_eq!(summary(&after, "claims"), summary(&before, "claims") + 1);
    assert!(with_status(&after, "open").is_empty(), "{after:#}");
}

#[test]
fn a_review_goes_stale_when_a_claim_it_covers_changes() {
    let demo = Demo::new();
    let (_, before) = demo.check(&[]);
    let target = errors(&before)
        .into_iter()
        .find(|f| f["message"].as_str().unwrap().contains("2014 vs 2018"))
        .expect("the 2014 vs 2018 conflict");
    assert_eq!(
        review(&demo, &fingerprint(target), &[]).status.code(),
        Some(0)
    );
    assert_eq!(demo.check(&[]).1["summary"]["reviewed"], 1);

    // The ipdf claim now says 2017: still a conflict, but not the one reviewed.
    let ipdf = target["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["stated"] == "2018")
        .expect("ipdf's claim");
    let line = ipdf["line"].as_u64().unwrap() as usize;
    let file = ipdf["file"].as_str().unwrap();
    let text = demo.read(file);
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[line - 1], "value = \"2018\"");
    lines[line - 1] = "value = \"2017\"";
    demo.write(file, &(lines.join("\n") + "\n"));

    let (status, after) = demo.check(&[]);
    assert_eq!(status, Some(1));
    assert_eq!(summary(&after, "reviewed"), 0);
    let stale: Vec<&Value> = findings(&after)
        .iter()
        .filter(|f| f["code"] == "factcheck::review::stale")
        .collect();
    assert_eq!(stale.len(), 1, "{after:#}");
    assert_eq!(stale[0]["severity"], "warning");
    assert!(
        stale[0]["message"]
            .as_str()
            .unwrap()
            .contains("`ipdf#representation-established` now says 2017 (2017; reviewed: 2018)"),
        "{}",
        stale[0]["message"]
    );
    assert_eq!(stale[0]["locations"][0]["file"], "reviews.toml");

    // The help's command, run as given once the stale review is removed, records it again.
    let help = stale[0]["help"].as_str().unwrap();
    let command = help
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("a command in {help}"));
    let (words, reason) = command.split_once(" --reason ").expect("a reason");
    let reason = reason.trim_matches('\'');
    assert_eq!(reason, "the sources count from different events");
    let mut args: Vec<&str> = words.split(' ').collect();
    assert_eq!(args.remove(0), "factcheck");
    args.extend(["--reason", reason, "--reviewer", "Test"]);
    std::fs::remove_file(demo.path("reviews.toml")).unwrap();
    assert_eq!(demo.run(&args).status.code(), Some(0), "{args:?}");
    let (_, again) = demo.check(&[]);
    assert_eq!(summary(&again, "reviewed"), 1, "{again:#}");
    assert!(
        codes(&again)
            .iter()
            .all(|c| *c != "factcheck::review::stale")
    );
}

#[test]
fn a_review_goes_stale_when_a_claim_it_covers_disappears() {
    let demo = Demo::new();
    let (_, before) = demo.check(&[]);
    let target = errors(&before)[0];
    assert_eq!(
        review(&demo, &fingerprint(target), &[]).status.code(),
        Some(0)
    );
    let gone = &target["claims"][0];
    let file = gone["file"].as_str().unwrap();
    let id = gone["id"].as_str().unwrap();
    demo.edit(
        file,
        &format!("id = \"{id}\""),
        &format!("id = \"{id}-renamed\""),
    );
    let (_, after) = demo.check(&[]);
    let stale: Vec<&Value> = findings(&after)
        .iter()
        .filter(|f| f["code"] == "factcheck::review::stale")
        .collect();
    assert_eq!(stale.len(), 1, "{after:#}");
    assert!(
        stale[0]["message"]
            .as_str()
            .unwrap()
            .contains("no longer exists"),
        "{}",
        stale[0]["message"]
    );
}

#[test]
fn an_expired_review_fails_the_check() {
    let demo = Demo::new();
    let (_, before) = demo.check(&[]);
    let target = fingerprint(errors(&before)[0]);
    let output = review(&demo, &target, &["--expires", "2099-06-30"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(demo.read("reviews.toml").contains("expires = 2099-06-30"));

    let (_, on_the_day) = demo.check(&["--today", "2099-06-30"]);
    assert_eq!(summary(&on_the_day, "reviewed"), 1);
    assert!(!codes(&on_the_day).contains(&"factcheck::review::expired"));

    let (status, after) = demo.check(&["--today", "2099-07-01"]);
    assert_eq!(status, Some(1));
    assert_eq!(summary(&after, "reviewed"), 0);
    let expired: Vec<&Value> = findings(&after)
        .iter()
        .filter(|f| f["code"] == "factcheck::review::expired")
        .collect();
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0]["severity"], "error");
    assert_eq!(
        errors(&after).len(),
        3,
        "the finding counts again, and the expiry"
    );
}

#[test]
fn the_baseline_accepts_current_findings_and_fails_only_on_new_ones() {
    let demo = Demo::new();
    let written = demo.run(&["check", "--write-baseline", "baseline.json"]);
    assert_eq!(written.status.code(), Some(0), "{written:?}");
    let (status, accepted) = demo.check(&["--baseline", "baseline.json"]);
    assert_eq!(status, Some(0));
    assert_eq!(summary(&accepted, "baselined"), 5);

    shuffle_and_reformat(&demo);
    let (status, moved) = demo.check(&["--baseline", "baseline.json"]);
    assert_eq!(status, Some(0), "{moved:#}");
    assert_eq!(summary(&moved, "baselined"), 5);

    // A new source contradicts one already there: only that is new.
    demo.write(
        "claims/newcomer.toml",
        "[source]\ntitle = \"New\"\npublisher = \"Elsewhere\"\n\n\
         [[claim]]\nid = \"lighthouse\"\nsubject = \"Kinnaird Head lighthouse\"\n\
         property = \"built\"\nvalue = \"1850\"\n",
    );
    let (status, after) = demo.check(&["--baseline", "baseline.json"]);
    assert_eq!(status, Some(1));
    let open = with_status(&after, "open");
    assert_eq!(open.len(), 1, "{after:#}");
    assert!(
        open[0]["message"]
            .as_str()
            .unwrap()
            .contains("1850 vs 1787"),
        "{:#}",
        open[0]
    );
    assert_eq!(summary(&after, "baselined"), 5);
}

#[test]
fn a_missing_or_broken_baseline_is_an_input_error() {
    let demo = Demo::new();
    let missing = demo.run(&["check", "--baseline", "nowhere.json"]);
    assert_eq!(missing.status.code(), Some(2));
    demo.write("broken.json", "{ not json");
    let broken = demo.run(&["check", "--baseline", "broken.json"]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("broken.json"));
}

/// The line of `value = …` in the `[[claim]]` with this id.
fn value_line(text: &str, id: &str) -> usize {
    let start = text
        .lines()
        .position(|l| l == format!("id = \"{id}\""))
        .expect("the claim");
    start
        + text
            .lines()
            .skip(start)
            .position(|l| l.starts_with("value = "))
            .expect("its value")
        + 1
}

#[test]
fn an_edited_claim_that_contradicts_another_source_is_reported_at_its_line() {
    let demo = Demo::new();
    let (_, before) = demo.check(&[]);
    let before: Vec<String> = findings(&before).iter().map(fingerprint).collect();
    demo.git(&["init", "-q"]);
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "dataset"]);
    assert_eq!(
        demo.run(&["check", "--write-baseline", "baseline.json"])
            .status
            .code(),
        Some(0)
    );

    // ipdf and nato-relations agree on the year of the Madrid summit; make ipdf disagree.
    let file = "claims/ipdf.toml";
    let text = demo.read(file);
    let line = value_line(&text, "madrid-summit");
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[line - 1], "value = \"2022\"");
    lines[line - 1] = "value = \"2019\"";
    demo.write(file, &(lines.join("\n") + "\n"));

    let (status, after) = demo.check(&[]);
    assert_eq!(status, Some(1));
    let new: Vec<&Value> = findings(&after)
        .iter()
        .filter(|f| !before.contains(&fingerprint(f)))
        .collect();
    let at_the_edit: Vec<&Value> = new
        .iter()
        .copied()
        .filter(|f| {
            f["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["file"] == file && c["line"] == line && c["column"] == 9)
        })
        .collect();
    assert!(
        at_the_edit
            .iter()
            .any(|f| f["code"] == "factcheck::conflict::date"
                && f["message"]
                    .as_str()
                    .unwrap()
                    .contains("NATO Madrid Summit")),
        "{after:#}"
    );

    // The two values have one source each: without history the later file is primary; the
    // gate that knows the edit (since a revision, or against a baseline) points at it.
    for gate in [
        &["--changed-since", "HEAD"][..],
        &["--baseline", "baseline.json"][..],
    ] {
        let mut args = vec!["check", "--format", "concise"];
        args.extend_from_slice(gate);
        let concise = demo.run(&args);
        let stdout = String::from_utf8_lossy(&concise.stdout);
        assert!(
            stdout.contains(&format!(
                "{file}:{line}:9: error factcheck::conflict::date: conflict on \"NATO Madrid Summit"
            )),
            "{gate:?}\n{stdout}"
        );
    }
}

#[test]
fn changed_since_reports_only_findings_on_the_edit() {
    let demo = Demo::new();
    demo.git(&["init", "-q"]);
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "dataset"]);

    let (status, untouched) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(status, Some(0), "{untouched:#}");
    assert!(findings(&untouched).is_empty());
    assert_eq!(summary(&untouched, "unchanged"), 5);

    // Reformatting and moving claims is no change.
    shuffle_and_reformat(&demo);
    std::fs::remove_file(demo.path("claims/unrelated.toml")).unwrap();
    let (status, moved) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(status, Some(0), "{moved:#}");

    // A changed claim, and a new file contradicting an old claim.
    let file = "claims/nato-relations.toml";
    let text = demo.read(file);
    let line = value_line(&text, "madrid-summit");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[line - 1] = "value = \"2019\"";
    demo.write(file, &(lines.join("\n") + "\n"));
    let (status, changed) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(status, Some(1));
    assert!(!findings(&changed).is_empty());
    for finding in findings(&changed) {
        let claims = finding["claims"].as_array().unwrap();
        assert!(
            claims
                .iter()
                .any(|c| c["key"] == "nato-relations#madrid-summit"),
            "{finding:#}"
        );
    }
    // The whole dataset was still compared: the other side of the conflict is there.
    assert!(
        findings(&changed)[0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["file"] == "claims/ipdf.toml")
    );
    assert_eq!(summary(&changed, "unchanged"), 5);

    let unknown = demo.run(&["check", "--changed-since", "no-such-revision"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no-such-revision"));
}

#[test]
fn changed_since_knows_table_rows_by_content_not_number() {
    let demo = Demo::new();
    let table = "source,subject,property,value\n\
                 census,Lab,opened,1950\n\
                 x,Mill,built,1870\n\
                 y,Mill,built,1902\n";
    demo.write("claims/rows.csv", table);
    demo.git(&["init", "-q"]);
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "dataset"]);
    let (status, untouched) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(status, Some(0), "{untouched:#}");

    // Rows reordered, one moved to another table, one inserted at the top: only the inserted
    // row is new, and only the finding it takes part in is reported.
    demo.write(
        "claims/rows.csv",
        "source,subject,property,value\n\
         gazette,Lab,opened,1960\n\
         y,Mill,built,1902\n\
         census,Lab,opened,1950\n",
    );
    demo.write(
        "claims/more.jsonl",
        "{\"source\": \"x\", \"subject\": \"Mill\", \"property\": \"built\", \"value\": 1870}\n",
    );
    let (_, changed) = demo.check(&["--changed-since", "HEAD"]);
    let (_, all) = demo.check(&[]);
    let about = |json: &Value, subject: &str| -> usize {
        findings(json)
            .iter()
            .filter(|f| f["message"].as_str().unwrap().contains(subject))
            .count()
    };
    assert_eq!(about(&all, "\"Mill · "), 1, "{all:#}");
    assert_eq!(about(&all, "\"Lab · "), 1, "{all:#}");
    assert_eq!(findings(&changed).len(), 1, "{changed:#}");
    assert_eq!(about(&changed, "\"Lab · "), 1, "{changed:#}");
    assert!(
        findings(&changed)[0]["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["key"].as_str().unwrap().starts_with("gazette#")),
        "{changed:#}"
    );

    // A changed value is a changed claim.
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "rows"]);
    demo.write(
        "claims/more.jsonl",
        "{\"source\": \"x\", \"subject\": \"Mill\", \"property\": \"built\", \"value\": 1871}\n",
    );
    let (_, edited) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(findings(&edited).len(), 1, "{edited:#}");
    assert_eq!(about(&edited, "\"Mill · "), 1, "{edited:#}");

    // The sources table may change any finding: every one is reported.
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "edit"]);
    let (_, committed) = demo.check(&["--changed-since", "HEAD"]);
    assert!(findings(&committed).is_empty(), "{committed:#}");
    demo.write("sources.csv", "id,title\ncensus,The census\n");
    let (_, described) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(
        findings(&described).len(),
        findings(&all).len(),
        "{described:#}"
    );
}

#[test]
fn severities_are_set_per_code_on_the_command_line_and_in_the_rules() {
    let demo = Demo::new();
    let severity_of = |json: &Value, code: &str| -> Vec<String> {
        findings(json)
            .iter()
            .filter(|f| f["code"] == code)
            .map(|f| f["severity"].as_str().unwrap().to_owned())
            .collect()
    };
    let (status, denied) = demo.check(&["--deny", "factcheck::name::variant"]);
    assert_eq!(status, Some(1));
    assert_eq!(summary(&denied, "errors"), 5);
    assert!(
        severity_of(&denied, "factcheck::name::variant")
            .iter()
            .all(|s| s == "error")
    );

    let (status, allowed) = demo.check(&["--allow", "factcheck::conflict"]);
    assert_eq!(status, Some(0), "only warnings are left");
    assert!(
        !codes(&allowed)
            .iter()
            .any(|c| c.starts_with("factcheck::conflict"))
    );

    let (status, _) = demo.check(&["--allow", "factcheck::conflict", "--fail-on", "warning"]);
    assert_eq!(status, Some(1));
    let (status, _) = demo.check(&["--fail-on", "never"]);
    assert_eq!(status, Some(0));

    // rules.toml: a table of severities; the command line still wins.
    let rules = demo.read("rules.toml");
    demo.write(
        "rules.toml",
        &format!("{rules}\n[severity]\n\"factcheck::conflict::date\" = \"warning\"\n"),
    );
    let (status, softened) = demo.check(&[]);
    assert_eq!(status, Some(0), "{softened:#}");
    assert_eq!(summary(&softened, "warnings"), 5);
    let (status, _) = demo.check(&["--deny", "factcheck::conflict::date"]);
    assert_eq!(status, Some(1));
}

#[test]
fn statistics_count_findings_per_code() {
    let demo = Demo::new();
    let output = demo.run(&["check", "--statistics", "--format", "concise"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let counts: Vec<(u64, &str)> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("statistics"))
        .skip(1)
        .map(|l| {
            let mut words = l.split_whitespace();
            let count = words.next().unwrap().parse().unwrap();
            (count, words.next().unwrap())
        })
        .collect();
    assert_eq!(
        counts,
        [
            (2, "factcheck::conflict::date"),
            (3, "factcheck::name::variant")
        ]
    );
    let (_, json) = demo.check(&["--statistics"]);
    assert_eq!(json["statistics"]["factcheck::conflict::date"]["open"], 2);
}

#[test]
fn explain_documents_every_code_and_suggests_near_misses() {
    let demo = Demo::new();
    let list = demo.run(&["explain"]);
    assert_eq!(list.status.code(), Some(0));
    let list = String::from_utf8_lossy(&list.stdout).into_owned();
    let codes: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(codes.len() >= 10);
    for code in codes {
        let page = demo.run(&["explain", code]);
        assert_eq!(page.status.code(), Some(0));
        let page = String::from_utf8_lossy(&page.stdout);
        assert!(page.starts_with(code), "{page}");
        assert!(page.to_lowercase().contains("example"), "{code}: {page}");
    }
    let short = demo.run(&["explain", "conflict::date"]);
    assert_eq!(short.status.code(), Some(0));
    let near = demo.run(&["explain", "factcheck::conflict::dat"]);
    assert_eq!(near.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&near.stderr).contains("`factcheck::conflict::date`"));
}

#[test]
fn completions_are_generated_for_each_shell() {
    let demo = Demo::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = demo.run(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(script.contains("changed-since"), "{shell}");
    }
}

#[test]
fn changed_since_follows_moved_claims_source_headers_texts_and_rules() {
    let demo = Demo::new();
    demo.git(&["init", "-q"]);
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "dataset"]);

    // A renamed file whose source id is kept: nothing is new.
    let ipdf = demo.read("claims/ipdf.toml");
    std::fs::remove_file(demo.path("claims/ipdf.toml")).unwrap();
    demo.write(
        "claims/renamed.toml",
        &ipdf.replacen("[source]\n", "[source]\nid = \"ipdf\"\n", 1),
    );
    let (status, renamed) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(status, Some(0), "{renamed:#}");
    assert!(findings(&renamed).is_empty());
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "rename"]);

    // A new source text: every claim of that source may have lost its quote.
    demo.write("sources/ipdf.txt", "Nothing of what the claims quote.\n");
    let (status, text) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(status, Some(1));
    let quotes: Vec<&Value> = findings(&text)
        .iter()
        .filter(|f| f["code"] == "factcheck::quote::not-found")
        .collect();
    assert!(!quotes.is_empty(), "{text:#}");
    demo.git(&["checkout", "-q", "--", "sources/ipdf.txt"]);

    // A new `published` date moves the source's relative dates ("on Thursday").
    let arirang = demo.read("claims/arirang-mission.toml");
    let published = arirang
        .lines()
        .find(|l| l.starts_with("published = "))
        .expect("a published date")
        .to_owned();
    demo.edit(
        "claims/arirang-mission.toml",
        &format!("{published}\n"),
        "published = \"2026-05\"\n",
    );
    let (status, moved) = demo.check(&["--changed-since", "HEAD"]);
    assert_eq!(status, Some(1), "{moved:#}");
    assert!(findings(&moved).iter().all(|f| {
        f["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["source"] == "arirang-mission")
    }));
    demo.git(&["checkout", "-q", "--", "claims/arirang-mission.toml"]);

    // New rules may change any finding: all are reported, and the run says why.
    let rules = demo.read("rules.toml");
    demo.write("rules.toml", &format!("{rules}\n# a comment\n"));
    let output = demo.run(&["check", "--format", "json", "--changed-since", "HEAD"]);
    let all: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(findings(&all).len(), 5);
    assert!(String::from_utf8_lossy(&output.stderr).contains("rules.toml` changed since HEAD"));
}

#[test]
fn no_baseline_is_written_from_unreadable_input() {
    let demo = Demo::new();
    assert_eq!(
        demo.run(&["check", "--write-baseline", "baseline.json"])
            .status
            .code(),
        Some(0)
    );
    let good = demo.read("baseline.json");
    let ipdf = demo.read("claims/ipdf.toml");
    demo.write("claims/ipdf.toml", &format!("{ipdf}\n[[claim]\n"));
    let output = demo.run(&["check", "--write-baseline", "baseline.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("factcheck::load::syntax"));
    assert_eq!(
        demo.read("baseline.json"),
        good,
        "the good baseline is kept"
    );
}

#[test]
fn two_outputs_cannot_share_a_file() {
    let demo = Demo::new();
    let output = demo.run(&[
        "check",
        "--format",
        "sarif=out.txt",
        "--format",
        "junit=out.txt",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("out.txt"));
    assert!(!demo.path("out.txt").exists());
}

#[test]
fn review_takes_an_exact_future_expiry_and_a_readable_dataset() {
    let demo = Demo::new();
    let (_, json) = demo.check(&[]);
    let target = fingerprint(errors(&json)[0]);
    for expiry in ["since 2020", "2027", "2020-01-01"] {
        let output = review(&demo, &target, &["--expires", expiry]);
        assert_eq!(output.status.code(), Some(2), "{expiry}");
    }
    assert!(!demo.path("reviews.toml").exists());
    // Upper-case fingerprints are the same fingerprint.
    let upper = target.to_uppercase();
    assert_eq!(review(&demo, &upper, &[]).status.code(), Some(0));
    std::fs::remove_file(demo.path("reviews.toml")).unwrap();

    let ipdf = demo.read("claims/ipdf.toml");
    demo.write("claims/ipdf.toml", &format!("{ipdf}\n[[claim]\n"));
    let output = review(&demo, &target, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("factcheck::load::syntax"));
    assert!(!demo.path("reviews.toml").exists());
}

#[test]
fn an_expired_review_can_be_renewed() {
    let demo = Demo::new();
    let (_, json) = demo.check(&[]);
    let target = fingerprint(errors(&json)[0]);
    assert_eq!(review(&demo, &target, &[]).status.code(), Some(0));
    // As if it had been recorded long ago with an expiry.
    let old = demo.read("reviews.toml");
    demo.write(
        "reviews.toml",
        &old.replace("decision = ", "expires = 2020-01-01\ndecision = "),
    );
    let (status, expired) = demo.check(&[]);
    assert_eq!(status, Some(1));
    assert!(codes(&expired).contains(&"factcheck::review::expired"));
    assert_eq!(review(&demo, &target, &[]).status.code(), Some(0));
    let (_, renewed) = demo.check(&[]);
    assert!(!codes(&renewed).contains(&"factcheck::review::expired"));
    assert_eq!(summary(&renewed, "reviewed"), 1);
    assert_eq!(summary(&renewed, "errors"), 1, "only the other conflict");
}

#[test]
fn github_paths_are_relative_to_the_workspace_root() {
    let demo = Demo::new();
    let name = demo
        .dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let workspace = demo.dir.path().parent().unwrap();
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(demo.dir.path())
        .env("GITHUB_WORKSPACE", workspace)
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["check", "--format", "github", "--format", "sarif=out.sarif"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!("::error file={name}/claims/")),
        "{stdout}"
    );
    assert!(
        demo.read("out.sarif")
            .contains(&format!("\"uri\": \"{name}/claims/"))
    );
}

/// The `file=` and `line=` of every annotation of `check --format github` output whose title is
/// the code.
fn annotated(stdout: &str, code: &str) -> Vec<(String, usize)> {
    let title = format!("title={}", code.replace(':', "%3A"));
    stdout
        .lines()
        .filter(|line| line.starts_with("::") && line.contains(&title))
        .map(|line| {
            let property = |name: &str| {
                line.split([' ', ',', ':'])
                    .find_map(|part| part.strip_prefix(name))
                    .unwrap_or_default()
                    .to_owned()
            };
            (property("file="), property("line=").parse().unwrap_or(0))
        })
        .collect()
}

#[test]
fn a_claim_appended_far_from_those_it_contradicts_is_annotated_at_its_line() {
    // The fact: fletcher-excerpt and isozaki-commentary say 2014, ipdf says 2018, all in
    // files before nato-relations.toml. A claim appended at the end of nato-relations.toml
    // gives a third year, then sides with 2014 (where support alone would point at ipdf's
    // 2018, the least supported); uncommitted, `--changed-since HEAD` points at it both times.
    for value in ["2011", "2014"] {
        let demo = Demo::new();
        demo.git(&["init", "-q"]);
        demo.git(&["add", "-A"]);
        demo.git(&["commit", "-q", "-m", "dataset"]);
        let file = "claims/nato-relations.toml";
        let text = demo.read(file);
        let appended = format!(
            "\n[[claim]]\nid = \"appended\"\nsubject = \"Japan's representation at NATO\"\n\
             property = \"established\"\nvalue = \"{value}\"\n"
        );
        demo.write(file, &format!("{text}{appended}"));
        let line = text.lines().count() + appended.lines().count();
        assert!(
            demo.read(file)
                .lines()
                .nth(line - 1)
                .unwrap()
                .starts_with("value = ")
        );

        let output = demo.run(&["check", "--changed-since", "HEAD", "--format", "github"]);
        assert_eq!(output.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(
            annotated(&stdout, "factcheck::conflict::date"),
            [(file.to_owned(), line)],
            "{value}: {stdout}"
        );
        // The other formats follow.
        let concise = demo.run(&["check", "--changed-since", "HEAD", "--format", "concise"]);
        let concise = String::from_utf8_lossy(&concise.stdout);
        assert!(
            concise.contains(&format!("{file}:{line}:9: error factcheck::conflict::date")),
            "{concise}"
        );
        let human = demo.run(&["check", "--changed-since", "HEAD"]);
        let human = String::from_utf8_lossy(&human.stdout);
        let first_snippet = human.split("╭─[").nth(1).unwrap_or_default();
        assert!(
            first_snippet.starts_with(&format!("{file}:{line}:9]")),
            "{human}"
        );
        let sarif = demo.run(&["check", "--changed-since", "HEAD", "--format", "sarif"]);
        let sarif: Value = serde_json::from_slice(&sarif.stdout).unwrap();
        let place = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], file);
        assert_eq!(place["region"]["startLine"], line);
    }
}

#[test]
fn moving_the_primary_location_keeps_fingerprints_reviews_and_baselines() {
    let demo = Demo::new();
    demo.git(&["init", "-q"]);
    demo.git(&["add", "-A"]);
    demo.git(&["commit", "-q", "-m", "dataset"]);
    // 2014 (fletcher-excerpt, isozaki-commentary: one source, as one derives from the other)
    // against 2018 (ipdf): a tie, so isozaki-commentary, the later file, is primary without
    // history.
    let file = "claims/fletcher-excerpt.toml";
    let line = value_line(&demo.read(file), "representation-established");
    let (_, plain) = demo.check(&[]);
    let conflict = |json: &Value| -> (String, Value) {
        let found: Vec<&Value> = findings(json)
            .iter()
            .filter(|f| {
                f["code"] == "factcheck::conflict::date"
                    && f["message"]
                        .as_str()
                        .unwrap()
                        .contains("representation at NATO")
            })
            .collect();
        assert_eq!(found.len(), 1, "{json:#}");
        (fingerprint(found[0]), found[0]["claims"][0].clone())
    };
    let (before, primary_before) = conflict(&plain);
    assert_eq!(
        demo.run(&["check", "--write-baseline", "baseline.json"])
            .status
            .code(),
        Some(0)
    );
    // Restate fletcher-excerpt's claim without changing its value: it is changed since HEAD,
    // and primary.
    let text = demo.read(file);
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[line - 1], "value = \"2014\"");
    lines[line - 1] = "value = \"in 2014\"";
    demo.write(file, &(lines.join("\n") + "\n"));
    let (_, changed) = demo.check(&["--changed-since", "HEAD"]);
    let (after, primary_after) = conflict(&changed);
    assert_eq!(
        primary_after["file"], file,
        "{primary_before} -> {primary_after}"
    );
    assert_eq!(primary_after["line"], line);
    assert_ne!(primary_before, primary_after);
    assert_eq!(
        before, after,
        "the fingerprint does not follow the primary location"
    );
    let (_, baselined) = demo.check(&["--changed-since", "HEAD", "--baseline", "baseline.json"]);
    assert!(errors(&baselined).is_empty(), "{baselined:#}");
}
