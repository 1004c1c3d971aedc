//! Every format of `check`, fed hostile files and findings directly: file names and file lines
//! full of control sequences, forged workflow commands and bidirectional controls, and a
//! finding past the cap on locations. Discovery may refuse such names one day; the renderers
//! must hold regardless (the end-to-end tests are in `tests/hostile/escaping.rs`).

use std::sync::Arc;

use crate::files::{Files, Span};
use crate::findings::{Code, Finding};
use crate::render::{Report, Summary, concise, github, human, json, junit, sarif};
use crate::safe::is_unsafe;

/// A path as `display_path` shows it: a forged command on each line, OSC 8, BEL, CR, bidi
/// controls, a C1 control, and an `\xNN` escape of a byte that is not UTF-8.
const NAME: &str = "claims/a\n::warning file=x.toml::forged\n::add-mask::m\n::stop-commands::t\n##[error]e\u{1b}]8;;http://x/\u{7}l\u{1b}]8;;\u{7}\rcr\u{202E}\u{2066}\u{2028}\u{85}\\xff.toml";

const TEXT: &str = "# \u{1b}[2J\u{202E}\r\nvalue = \"v\u{2028}\"\n# \u{7}\rx\u{9b}\n";

/// Every format's output for twelve errors in the hostile file (more than the github format
/// annotates), one of them with 20 locations.
fn outputs() -> Vec<(&'static str, String)> {
    let mut files = Files::new();
    let hostile = files.add(NAME.into(), Arc::from(TEXT));
    let plain = files.add(
        "claims/b.toml".into(),
        Arc::from("value = \"w\"\n".repeat(30)),
    );
    let value = TEXT.find("\"v").unwrap_or(0);
    let mut findings: Vec<Finding> = (0..12)
        .map(|i| {
            Finding::new(Code::ConflictValue, format!("conflict {i}"))
                .at(Span::new(hostile, value..value + 5), "a says v")
                .at(Span::new(plain, 8..11), "b says w")
        })
        .collect();
    for line in 0..18 {
        findings[0] = findings[0].clone().at(
            Span::new(plain, line * 12 + 8..line * 12 + 11),
            format!("b again {line}"),
        );
    }
    let mut summary = Summary::default();
    summary.count(&findings);
    let report = Report {
        files: &files,
        findings: &findings,
        summary: &summary,
        facts: &[],
        reviews: &[],
        invocation: "",
    };
    vec![
        ("human", human::render(&report, human::Style::default())),
        ("concise", concise::render(&report)),
        ("json", json::render(&report)),
        ("sarif", sarif::render(&report)),
        ("github", github::render(&report)),
        ("step summary", github::step_summary(&report)),
        ("junit", junit::render(&report)),
    ]
}

#[test]
fn no_format_prints_an_unsafe_character_or_a_forged_command() {
    for (format, out) in outputs() {
        let bad: Vec<char> = out.chars().filter(|&c| is_unsafe(c) && c != '\n').collect();
        assert!(bad.is_empty(), "{format}: {bad:?}\n{out}");
        for line in out.lines() {
            let start = line.trim_start();
            assert!(!start.starts_with("##["), "{format}: {line}");
            if let Some(command) = start.strip_prefix("::") {
                let ours = ["error ", "warning ", "warning::", "group::", "endgroup::"]
                    .iter()
                    .any(|p| command.starts_with(p));
                assert!(format == "github" && ours, "{format}: {line}");
                // The properties end at the first `::`: none but factcheck's own.
                let info = command.split("::").next().unwrap_or_default();
                let properties = info.split_once(' ').map_or("", |(_, p)| p);
                for property in properties.split(',').filter(|p| !p.is_empty()) {
                    let key = property.split_once('=').map_or(property, |(k, _)| k);
                    assert!(
                        ["file", "line", "endLine", "col", "endColumn", "title"].contains(&key),
                        "{format}: {line}"
                    );
                }
            }
        }
    }
}

#[test]
fn file_names_are_shown_escaped_in_every_format() {
    for (format, out) in outputs() {
        let shown = match format {
            // A URI: every byte but unreserved ones percent-encoded.
            "sarif" => "claims/a%0A%3A%3Awarning%20file%3Dx.toml",
            // Printable, then escaped as a property value.
            "github" => "file=claims/a\\n%3A%3Awarning file=x.toml",
            "step summary" => "claims/a\\\\n::warning file=x.toml::forged",
            // Printable; in JSON, the same escape as serde_json's for a JSON reader.
            _ => "claims/a\\n::warning file=x.toml::forged",
        };
        assert!(out.contains(shown), "{format}: {out}");
    }
}

#[test]
fn every_format_counts_the_locations_past_the_cap() {
    for (format, out) in outputs() {
        let count = match format {
            "concise" | "step summary" => continue,
            "json" => "\"more_locations\": 8",
            _ => "8 more locations",
        };
        assert!(out.contains(count), "{format}: {out}");
        assert!(
            out.contains("b again 9") && !out.contains("b again 10"),
            "{format}"
        );
    }
}
