//! What a newcomer reads first is true: the README's quick start shows exactly what its
//! command prints on the demonstration dataset, it says how to install, and a test that did
//! not run says so in `cargo test`'s own output (the browser test is `#[ignore]`d with its
//! reason, and `.ci/run` runs it).

#![allow(clippy::expect_used, clippy::panic)] // a failed expectation is a failed test

use std::path::Path;

use snapbox::cmd::{Command, cargo_bin};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect(path)
}

/// The body of the section that starts with `heading` (up to the next heading of its level).
fn section<'a>(text: &'a str, heading: &str) -> &'a str {
    let start = text
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading:?}"));
    let body = &text[start + heading.len() + 2..];
    body.find("\n## ").map_or(body, |end| &body[..end])
}

/// Every fenced block of `language` in `text`, without its fences.
fn blocks<'a>(text: &'a str, language: &str) -> Vec<&'a str> {
    let open = format!("```{language}\n");
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        let body = &rest[start + open.len()..];
        let end = body.find("```").expect("a closed block");
        found.push(&body[..end]);
        rest = &body[end..];
    }
    found
}

/// Each `console` block of the quick start is a session: `$ factcheck ARGS` and what it
/// prints, run here on the demonstration dataset and compared line for line.
#[test]
fn the_quick_start_shows_what_its_command_prints() {
    let readme = read("README.md");
    let sessions = blocks(section(&readme, "## Quick start"), "console");
    assert!(!sessions.is_empty(), "the quick start shows no session");
    for session in sessions {
        let (command, shown) = session.split_once('\n').expect("a command and its output");
        let args: Vec<&str> = command
            .strip_prefix("$ factcheck ")
            .unwrap_or_else(|| panic!("not a factcheck command: {command}"))
            .split_whitespace()
            .collect();
        let output = Command::new(cargo_bin!("factcheck"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(&args)
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .output()
            .expect("factcheck runs");
        let printed = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(
            printed, shown,
            "README.md's quick start shows another output than `{command}` prints: update the \
             README (the left side is what it prints)"
        );
    }
}

/// The install section gives the command and what the first build costs.
#[test]
fn the_readme_says_how_to_install() {
    let readme = read("README.md");
    let install = section(&readme, "## Install");
    let commands = blocks(install, "sh").concat();
    assert!(
        commands.contains("cargo install --locked --path ."),
        "{install}"
    );
    assert!(install.contains("first build"), "{install}");
}

/// The browser test cannot run without a browser; `cargo test` must say it did not run (an
/// ignored test with its reason), not "ok", and CI must still run it.
#[test]
fn the_browser_test_says_when_it_does_not_run_and_ci_runs_it() {
    let browser = read("tests/browser.rs");
    let test = browser.split("#[test]").nth(1).expect("the browser test");
    assert!(
        test.trim_start().starts_with("#[ignore = \"needs Chromium"),
        "the browser test is not ignored with a reason: {test}"
    );
    let ci = read(".ci/run");
    assert!(
        ci.lines()
            .any(|line| line.starts_with("cargo test") && line.contains("--include-ignored")),
        ".ci/run does not run the ignored browser test:\n{ci}"
    );
}
