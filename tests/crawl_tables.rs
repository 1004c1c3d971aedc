//! A crawl as it is published, end to end: tab-separated `.txt` files compressed with xz, no
//! header row, read through a `[[table]]` entry that gives their `format`, their columns and
//! the `zone` their local times are in.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failed expectation is a failed test

use std::io::Write as _;
use std::path::Path;

use snapbox::cmd::{Command, cargo_bin};

const CRAWL: &str = "aa\tAA-1007-TPA-MIA\t12/13/2011 01:55 PM\tF78\n\
                     airtravelcenter\tAA-1007-TPA-MIA\t12/13/11 1:55 PM (-05:00)\t\n\
                     orbitz\tAA-1007-TPA-MIA\t12/13/2011 02:10 PM\t F78\n\
                     flightview\tAA-1007-TPA-MIA\t1:55 PMDec 13\tF78\n";

fn rules(zone: &str) -> String {
    format!(
        "[[table]]\nfiles = \"*-data.txt.xz\"\nformat = \"tsv\"\n\
         columns = [\"Source\", \"Flight#\", \"Scheduled departure\", \"Departure gate\"]\n\
         source = \"Source\"\nsubject = \"Flight#\"\nqualifier = {{ day = \"{{stem}}\" }}\n{zone}"
    )
}

/// `factcheck check --format concise` on the crawl: exit status and output lines.
fn check(dir: &Path, zone: &str) -> (Option<i32>, Vec<String>) {
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    let mut xz = liblzma::write::XzEncoder::new(Vec::new(), 6);
    xz.write_all(CRAWL.as_bytes()).unwrap();
    std::fs::write(
        dir.join("claims/2011-12-13-data.txt.xz"),
        xz.finish().unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("rules.toml"), rules(zone)).unwrap();
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .args(["check", "--format", "concise", "--fail-on", "warning"])
        .output()
        .expect("factcheck runs");
    let lines = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    (output.status.code(), lines)
}

#[test]
fn a_crawl_in_its_own_xz_files_is_checked_with_its_zone() {
    let dir = tempfile::tempdir().unwrap();
    let (status, lines) = check(dir.path(), "zone = \"EST\"\n");
    assert_eq!(status, Some(1), "{lines:#?}");
    let conflicts: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("factcheck::conflict::date"))
        .collect();
    assert_eq!(conflicts.len(), 1, "{lines:#?}");
    assert!(
        conflicts[0].starts_with("claims/2011-12-13-data.txt.xz:"),
        "located in the compressed file's text: {}",
        conflicts[0]
    );
    assert!(
        conflicts[0].contains("02:10 PM (13 December 2011 14:10 EST"),
        "{}",
        conflicts[0]
    );
    assert!(
        !lines.iter().any(|l| l.contains("incomparable")),
        "the table's zone places its local times: {lines:#?}"
    );
    assert!(
        !lines.iter().any(|l| l.contains("Departure gate")),
        "`F78` and ` F78` are one gate: {lines:#?}"
    );
}

#[test]
fn without_its_zone_a_crawls_local_times_meet_zoned_ones_unplaced() {
    let dir = tempfile::tempdir().unwrap();
    let (status, lines) = check(dir.path(), "");
    assert_eq!(status, Some(1), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("factcheck::time::incomparable")),
        "{lines:#?}"
    );
}
