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
}

/// Whether a text holds an SGR (colour or style) escape sequence: ESC [ digits/; m.
fn has_colour(text: &str) -> bool {
    text.split('\u{1b}').skip(1).any(|rest| {
        rest.strip_prefix('[').is_some_and(|rest| {
            let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ';');
            digits.starts_with('m')
        })
    })
}

/// Runs `factcheck check` on a pseudo-terminal (util-linux `script`, part of every Debian
/// system), so that "auto" colour applies.
fn on_a_terminal(no_color: bool) -> String {
    let binary = snapbox::cmd::cargo_bin!("factcheck");
    let mut command = std::process::Command::new("script");
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["-qec", &format!("{} check", binary.display()), "/dev/null"])
        .env_remove("NO_COLOR");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let output = command.output().expect("`script` runs (util-linux)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn auto_colours_a_terminal_unless_no_color_is_set() {
    assert!(has_colour(&on_a_terminal(false)));
    let plain = on_a_terminal(true);
    assert!(!has_colour(&plain), "NO_COLOR is respected");
    assert!(plain.contains("factcheck::conflict::date"));
}

#[test]
fn timings_go_to_stderr() {
    let (stdout, stderr) = run(&["check", "--format", "concise", "--timings"], false);
    assert!(stderr.contains("timing total"), "{stderr}");
    assert!(stderr.contains("throughput"), "{stderr}");
    assert!(!stdout.contains("timing"));
}
