//! Terminal behaviour of `check`: colour only when asked or on a terminal, `NO_COLOR`
//! respected, nothing on stderr in pipes.

#![allow(clippy::expect_used)] // a failed expectation is a failed test

use snapbox::cmd::{Command, cargo_bin};

fn run(args: &[&str], no_color: bool) -> (String, String) {
    let mut command = Command::new(cargo_bin!("factcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env_remove("NO_COLOR");
    if no_color {
        command = command.env("NO_COLOR", "1");
    }
    let output = command.output().expect("factcheck runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

const ESCAPE: char = '\u{1b}';

#[test]
fn no_colour_when_not_a_terminal() {
    let (stdout, stderr) = run(&["check"], false);
    assert!(!stdout.contains(ESCAPE), "piped output has no escape codes");
    assert!(
        stderr.is_empty(),
        "no progress or noise on stderr in a pipe: {stderr}"
    );
}

#[test]
fn colour_when_forced_and_never_when_refused() {
    let (forced, _) = run(&["check", "--color", "always"], false);
    assert!(forced.contains(ESCAPE));
    let (refused, _) = run(&["check", "--color", "never"], false);
    assert!(!refused.contains(ESCAPE));
    let (auto, _) = run(&["check", "--color", "auto"], true);
    assert!(!auto.contains(ESCAPE));
}

#[test]
fn timings_go_to_stderr() {
    let (stdout, stderr) = run(&["check", "--format", "concise", "--timings"], false);
    assert!(stderr.contains("timing total"), "{stderr}");
    assert!(stderr.contains("throughput"), "{stderr}");
    assert!(!stdout.contains("timing"));
}
