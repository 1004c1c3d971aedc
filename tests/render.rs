//! Snapshots of every output format (no colour, no hyperlinks, width 100), on the demo
//! dataset and on the fixture that exercises every comparison finding.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::path::Path;

use factcheck::load::{Access, Request, RulesPath};
use factcheck::render::{Report, concise, human, json};

fn checked(root: &str) -> factcheck::Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
    // Paths in the output are relative, as when run from the dataset's directory.
    std::env::set_current_dir(&root).expect("dataset directory");
    factcheck::check(&Request {
        access: Access::default(),
        claims_dir: "claims".into(),
        rules: RulesPath::Default("rules.toml".into()),
        reviews: RulesPath::Default("reviews.toml".into()),
    })
}

fn outputs(root: &str) -> (String, String, String) {
    let checked = checked(root);
    let report = Report::of(&checked, "");
    let style = human::Style {
        color: false,
        unicode: true,
        width: 100,
    };
    (
        human::render(&report, style),
        concise::render(&report),
        json::render(&report),
    )
}

// One test, because the working directory is per process.
#[test]
fn rendered_outputs() {
    let (human, concise, json) = outputs(".");
    insta::assert_snapshot!("demo_human", human);
    insta::assert_snapshot!("demo_concise", concise);
    insta::assert_snapshot!("demo_json", json);

    let (human, concise, json) = outputs("tests/cmd/findings.in");
    insta::assert_snapshot!("findings_human", human);
    insta::assert_snapshot!("findings_concise", concise);
    insta::assert_snapshot!("findings_json", json);

    let plain_ascii = {
        let checked = checked("tests/cmd/findings.in");
        let report = Report::of(&checked, "");
        human::render(
            &report,
            human::Style {
                color: false,
                unicode: false,
                width: 80,
            },
        )
    };
    assert!(
        !plain_ascii.contains(['╭', '│', '─']),
        "the ASCII theme draws no box-drawing characters"
    );
    assert!(plain_ascii.contains("factcheck::conflict::date"));
}
