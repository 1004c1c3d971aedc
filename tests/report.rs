//! `factcheck report` end to end: the Markdown and HTML reports of the demo dataset
//! (snapshots), the JSON report against its published schema with inputs that reproduce it,
//! dependent sources with their evidence, and how it fails.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

use std::path::Path;

mod report_run;

use serde_json::Value;
use sha2::{Digest, Sha256};
use snapbox::cmd::{Command, cargo_bin};

use report_run::{repo, report};

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
    // ipdf's 2018, so neither value has more independent units: the vote ties.
    let vote_document: Value = {
        let output = report(&repo(), &["--format", "json", "--method", "vote"]);
        serde_json::from_slice(&output.stdout).expect("JSON")
    };
    let in_vote = vote_document["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["subject"] == "Japan's representation at NATO" && f["property"] == "established"
        })
        .unwrap();
    assert_eq!(in_vote["tie"], true);
    assert!(in_vote["values"][0]["confidence"].is_null());
    assert!(vote_document["sources"][0]["reliability"].is_null());
    // Weighed by reliability (the default), one side wins by a hair, and says so.
    let representation = fact("Japan's representation at NATO", "established");
    assert_eq!(representation["status"], "conflict");
    assert_eq!(representation["tie"], false);
    let supports: Vec<u64> = representation["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["support"].as_u64().unwrap())
        .collect();
    assert_eq!(supports, [1, 1]);
    let best = &representation["values"][representation["best"][0].as_u64().unwrap() as usize];
    let confidence = best["confidence"].as_f64().unwrap();
    assert!(confidence > 0.5 && confidence < 0.6, "{confidence}");
    assert_eq!(best["against"].as_array().unwrap().len(), 2);

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
    for source in sources {
        let reliability = source["reliability"].as_f64().unwrap();
        assert!((0.0..=0.99).contains(&reliability), "{source}");
        assert_eq!(
            source["reliability_claims"], source["claims"],
            "one fact per claim here"
        );
    }
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
fn a_report_is_written_to_a_file_even_of_part_of_a_dataset() {
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

    // Nothing of the one claims file could be read: the report still renders, says so first,
    // and the status tells scripts.
    let broken = report(&repo().join("tests/cmd/malformed-toml.in"), &[]);
    assert_eq!(broken.status.code(), Some(2));
    let markdown = String::from_utf8_lossy(&broken.stdout);
    assert!(
        markdown.starts_with("# factcheck report\n\n## Problems\n"),
        "{markdown}"
    );
    assert!(markdown.contains("`factcheck::load::syntax`"), "{markdown}");
    assert!(String::from_utf8_lossy(&broken.stderr).contains("factcheck::load::syntax"));

    let bad_day = report(&repo(), &["--today", "soon"]);
    assert_eq!(bad_day.status.code(), Some(2));
}

/// Whether a page is well-formed XML (the HTML report is polyglot markup).
fn well_formed(html: &str) {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(html, options).expect("well-formed");
}

/// A dataset in a temporary directory: claims files `(stem, text)`, and optional rules and
/// reviews files.
fn dataset(
    files: &[(&str, &str)],
    rules: Option<&str>,
    reviews: Option<&str>,
) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    for (stem, text) in files {
        std::fs::write(dir.path().join(format!("claims/{stem}.toml")), text).unwrap();
    }
    for (name, text) in [("rules.toml", rules), ("reviews.toml", reviews)] {
        if let Some(text) = text {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
    }
    dir
}

/// The claims file of one source making these `(subject, property, value)` claims.
fn claims_file(claims: &[(&str, &str, &str)]) -> String {
    use std::fmt::Write as _;
    let mut text = "[source]\ntitle = \"T\"\npublisher = \"P\"\n".to_owned();
    for (subject, property, value) in claims {
        let _ = write!(
            text,
            "\n[[claim]]\nsubject = \"{subject}\"\nproperty = \"{property}\"\nvalue = \"{value}\"\n"
        );
    }
    text
}

/// Line of the `n`-th (1-based) line starting with `value = ` in a text.
fn value_line(text: &str, n: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("value = "))
        .nth(n - 1)
        .map(|(i, _)| i + 1)
        .unwrap()
}

/// A dataset with an unreadable date in beta (at the returned line) and a malformed gamma.
fn partly_readable() -> (tempfile::TempDir, usize) {
    let alpha = claims_file(&[
        ("Institute", "founded", "1977"),
        ("Institute", "director", "Ann Smith"),
    ]);
    // A date nobody can read, beside a claim that reads.
    let beta = claims_file(&[
        ("Institute", "director", "Ann Smith"),
        ("Institute", "founded", "the 31st of Smarch"),
    ]);
    let gamma = "[source\ntitle = \"broken\"\n";
    let rules = "[[property]]\nname = \"founded\"\ntype = \"date\"\n";
    let dir = dataset(
        &[("alpha", &alpha), ("beta", &beta), ("gamma", gamma)],
        Some(rules),
        None,
    );
    let bad_line = value_line(&beta, 2);
    (dir, bad_line)
}

#[test]
fn unreadable_values_and_files_leave_the_rest_of_the_report_in_markdown_and_html() {
    let (dir, bad_line) = partly_readable();

    let markdown = report(dir.path(), &[]);
    assert_eq!(markdown.status.code(), Some(2), "{markdown:?}");
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    let problems = markdown.find("## Problems").expect("a Problems section");
    let summary = markdown
        .find("3 sources, 3 claims")
        .expect("what was read is counted");
    assert!(problems < summary, "problems first:\n{markdown}");
    assert!(
        markdown.contains(&format!(
            "| claims/beta.toml:{bad_line} | `factcheck::load::date` |"
        )),
        "{markdown}"
    );
    assert!(
        markdown.contains("| claims/gamma.toml:1 | `factcheck::load::syntax` |"),
        "{markdown}"
    );
    let rows = markdown[problems..summary]
        .lines()
        .filter(|l| l.starts_with("| claims/"))
        .count();
    assert!(
        markdown.contains(&format!("({rows} problems)")),
        "{markdown}"
    );
    assert!(
        markdown.contains("| agreed | 1 |"),
        "the director is still compared:\n{markdown}"
    );

    let html = report(dir.path(), &["--format", "html"]);
    assert_eq!(html.status.code(), Some(2));
    let html = String::from_utf8(html.stdout).unwrap();
    well_formed(&html);
    let banner = html
        .find("<div class=\"banner\" role=\"alert\">")
        .expect("a banner");
    let section = html
        .find("<section id=\"problems\"")
        .expect("a Problems section");
    assert!(
        banner < html.find("<main>").unwrap() && section < html.find("id=\"summary\"").unwrap()
    );
    assert!(html.contains(&format!("claims/beta.toml:{bad_line}")));
    assert!(html.contains("3 sources, 3 claims"));
}

#[test]
fn unreadable_values_and_files_leave_the_rest_of_the_report_in_json() {
    let (dir, bad_line) = partly_readable();
    let json = report(dir.path(), &["--format", "json"]);
    assert_eq!(json.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    let problems = json["problems"].as_array().unwrap();
    let places: Vec<(String, u64, String)> = problems
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
                p["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        places.contains(&(
            "claims/beta.toml".into(),
            bad_line as u64,
            "factcheck::load::date".into()
        )),
        "{places:?}"
    );
    assert!(
        places.contains(&(
            "claims/gamma.toml".into(),
            1,
            "factcheck::load::syntax".into()
        )),
        "{places:?}"
    );
    assert_eq!(
        (
            json["summary"]["sources"].as_u64(),
            json["summary"]["claims"].as_u64()
        ),
        (Some(3), Some(3))
    );

    // check still stops there.
    let check = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir.path())
        .args(["check", "--format", "concise"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2));
    // Its summary counts what was read, too.
    let stderr = String::from_utf8_lossy(&report(dir.path(), &[]).stderr).into_owned();
    assert!(stderr.contains("in 3 sources, 3 claims"), "{stderr}");
}

#[test]
fn single_source_facts_and_other_findings_are_listed_in_every_format() {
    let alpha = claims_file(&[
        ("Institute", "founded", "1977"),
        ("Institute", "motto", "Know more"),
    ]);
    let beta = claims_file(&[
        ("Institute", "founded", "1977"),
        ("Instituet", "mascot", "an owl"),
    ]);
    let dir = dataset(&[("alpha", &alpha), ("beta", &beta)], None, None);
    let markdown = String::from_utf8(report(dir.path(), &[]).stdout).unwrap();
    let section = &markdown[markdown
        .find("## Facts only one source speaks of")
        .expect("listed")..];
    assert!(
        section.contains("| Institute · motto | Know more | alpha | claims/alpha.toml:"),
        "{markdown}"
    );
    assert!(
        section.contains("| Institute · mascot | an owl | beta | claims/beta.toml:"),
        "{markdown}"
    );
    let other = &markdown[markdown.find("## Other findings").expect("listed")..];
    assert!(
        other.contains("`factcheck::name::variant` | warning | open |"),
        "{markdown}"
    );

    let html = String::from_utf8(report(dir.path(), &["--format", "html"]).stdout).unwrap();
    well_formed(&html);
    let details = &html[html.find("<section id=\"single-source\"").unwrap()..];
    assert!(details.contains("<details>\n<summary>2 facts no other source corroborates</summary>"));
    assert!(details.contains("Know more") && details.contains("an owl"));
    assert!(
        html.contains("<section id=\"other-findings\"")
            && html.contains("factcheck::name::variant")
    );

    let json = json_report(dir.path());
    let single: Vec<&Value> = json["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "single-source")
        .collect();
    assert_eq!(single.len(), 2);
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["factcheck::name::variant"]);
}

#[test]
fn a_review_settles_the_answer_in_every_format() {
    let alpha = claims_file(&[("Institute", "founded", "1977")]);
    let beta = claims_file(&[("Institute", "founded", "1990")]);
    let files = [("alpha", alpha.as_str()), ("beta", beta.as_str())];
    let unreviewed = dataset(&files, None, None);
    let json = json_report(unreviewed.path());
    let fact = &json["facts"][0];
    assert!(fact["answer"].is_null());
    let keys: Vec<String> = fact["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap().to_owned())
        .collect();
    let key_of = |source: &str| keys.iter().find(|k| k.starts_with(source)).unwrap().clone();
    for (decision, listed, right, wrong) in [
        ("second-source-wrong", ["beta", "alpha"], "1990", "1977"),
        ("first-source-wrong", ["beta", "alpha"], "1977", "1990"),
        ("second-source-wrong", ["alpha", "beta"], "1977", "1990"),
    ] {
        let value = |source: &str| if source == "alpha" { "1977" } else { "1990" };
        let reviews = format!(
            "[[review]]\ncode = \"factcheck::conflict::date\"\nclaims = [{{ claim = \"{}\", value = \"{}\" }}, {{ claim = \"{}\", value = \"{}\" }}]\n\
             decision = \"{decision}\"\nreason = \"the archive says so\"\nreviewer = \"Ann\"\ndate = 2026-01-01\n",
            key_of(listed[0]),
            value(listed[0]),
            key_of(listed[1]),
            value(listed[1]),
        );
        let dir = dataset(&files, None, Some(&reviews));
        let json = json_report(dir.path());
        let answer = &json["facts"][0]["answer"];
        assert_eq!(answer["stated"], right, "{decision} {listed:?}: {json:#}");
        assert_eq!(answer["review"]["decision"], decision);
        assert_eq!(json["facts"][0]["status"], "reviewed");

        let sentence = format!("{right} (");
        let markdown = String::from_utf8(report(dir.path(), &[]).stdout).unwrap();
        let line = markdown
            .lines()
            .find(|l| l.starts_with("**Answer:**"))
            .unwrap_or_else(|| panic!("{markdown}"));
        assert!(
            line.starts_with(&format!("**Answer:** {sentence}")),
            "{line}"
        );
        assert!(
            line.contains(&format!(
                "as reviewed by Ann on 2026-01-01 ({decision}): the archive says so"
            )),
            "{line}"
        );
        assert!(!line.contains(wrong));
        let html = String::from_utf8(report(dir.path(), &["--format", "html"]).stdout).unwrap();
        assert!(
            html.contains(&format!(
                "<p class=\"answer\"><strong>Answer:</strong> {sentence}"
            )),
            "{html}"
        );
    }
    // An explanation settles no value.
    let reviews = format!(
        "[[review]]\ncode = \"factcheck::conflict::date\"\nclaims = [{{ claim = \"{}\", value = \"1977\" }}, {{ claim = \"{}\", value = \"1990\" }}]\n\
         decision = \"explained\"\nreason = \"r\"\nreviewer = \"Ann\"\ndate = 2026-01-01\n",
        key_of("alpha"),
        key_of("beta"),
    );
    let dir = dataset(&files, None, Some(&reviews));
    assert!(json_report(dir.path())["facts"][0]["answer"].is_null());
}

#[test]
fn the_json_report_shows_money_as_written_and_names_its_currency_apart() {
    let document = json_report(&repo().join("tests/cmd/money.in"));
    let claims: Vec<&Value> = document["facts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|fact| fact["claims"].as_array().unwrap())
        .collect();
    let claim = |stated: &str| {
        claims
            .iter()
            .find(|c| c["stated"] == stated)
            .unwrap_or_else(|| panic!("{stated}"))
    };
    let cases = [
        ("US$40 million", "US$40 million (±0.5 million)", "USD"),
        ("USD 55 million", "USD 55 million (±0.5 million)", "USD"),
        ("£2.5 million", "£2.5 million (±0.05 million)", "GBP"),
        ("5 lakh rupees", "5 lakh rupees (±0.5 lakh)", "Rs"),
        ("€2,500,000", "€2,500,000 (±0.5)", "EUR"),
        ("50 ringgit", "50 ringgit (±0.5)", "MYR"),
    ];
    for (stated, normalized, currency) in cases {
        let claim = claim(stated);
        assert_eq!(claim["normalized"], normalized, "{claim:#}");
        assert_eq!(claim["currency"], currency, "{claim:#}");
    }
}
