//! The baseline file: every finding of a run, accepted at once (DESIGN 4.2).
//!
//! Owns the file's format: JSON written by `check --write-baseline`, read by
//! `check --baseline`, listing fingerprints (which survive moved lines, reformatted files and
//! unrelated edits) sorted so that diffs stay small, and a short digest of every claim of the
//! dataset (its key and value), which is how the gate tells a claim changed or added since the
//! baseline (it becomes the primary location of its finding). The code and message are kept
//! only for people reading the file. Load problems are never put in a baseline.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::findings::Finding;

use crate::model::Dataset;

use super::identity::claim_digest;

/// The version of the file's shape.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
    /// A digest of every claim of the dataset; absent in files written before it was kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    claims: Vec<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    code: String,
    message: String,
}

/// What a baseline accepts, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    /// The fingerprints of the findings it accepts.
    pub fingerprints: FxHashSet<String>,
    /// The digest of every claim of the dataset when it was written
    /// ([`claim_digest`]): a claim not among them is new or changed. Empty for older files.
    pub claims: FxHashSet<String>,
}

/// A baseline of fingerprints only (as older files are read: no claim is known new).
impl FromIterator<String> for Baseline {
    fn from_iter<I: IntoIterator<Item = String>>(fingerprints: I) -> Self {
        Baseline {
            fingerprints: fingerprints.into_iter().collect(),
            claims: FxHashSet::default(),
        }
    }
}

/// The baseline of these findings, as the file's text, knowing every claim of the dataset
/// they were found in.
#[must_use]
pub fn write_for(findings: &[Finding], dataset: &Dataset) -> String {
    let mut claims: Vec<String> = dataset
        .claims
        .iter()
        .map(|claim| claim_digest(&claim.key, &claim.value_key()))
        .collect();
    claims.sort_unstable();
    claims.dedup();
    file_text(findings, claims)
}

/// The baseline of these findings, as the file's text, knowing no other claim (every claim
/// counts as new to it).
#[must_use]
pub fn write(findings: &[Finding]) -> String {
    file_text(findings, Vec::new())
}

fn file_text(findings: &[Finding], claims: Vec<String>) -> String {
    let mut entries: Vec<Entry> = findings
        .iter()
        .filter(|f| f.code.is_reviewable())
        .map(|f| Entry {
            fingerprint: f.fingerprint(),
            code: f.code.as_str().to_owned(),
            message: f.message.clone(),
        })
        .collect();
    entries.sort_by(|a, b| a.fingerprint.cmp(&b.fingerprint));
    entries.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let file = File {
        version: VERSION,
        findings: entries,
        claims,
    };
    // Plain strings and numbers: serializing cannot fail.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// What a baseline file accepts.
///
/// # Errors
/// When the text is not a baseline file of a version this build reads.
pub fn read(text: &str) -> Result<Baseline, String> {
    let not_baseline = |e: &dyn std::fmt::Display| {
        format!("not a baseline file ({e}); write one with --write-baseline")
    };
    // The version first: a file of another version may have another shape.
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| not_baseline(&e))?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(version) if version == u64::from(VERSION) => {}
        Some(version) => {
            return Err(format!(
                "baseline version {version} is not the version {VERSION} this factcheck reads; write it again with --write-baseline"
            ));
        }
        None => return Err(not_baseline(&"no `version`")),
    }
    let file: File = serde_json::from_value(value).map_err(|e| not_baseline(&e))?;
    Ok(Baseline {
        fingerprints: file.findings.into_iter().map(|e| e.fingerprint).collect(),
        claims: file.claims.into_iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Code;

    #[test]
    fn round_trip_keeps_the_fingerprints_and_leaves_load_problems_out() {
        let findings = vec![
            Finding::new(Code::ConflictDate, "b"),
            Finding::new(Code::NameVariant, "a"),
            Finding::new(Code::LoadSyntax, "c"),
        ];
        let text = write(&findings);
        let read = read(&text).unwrap().fingerprints;
        assert_eq!(read.len(), 2);
        assert!(read.contains(&findings[0].fingerprint()));
        assert!(!read.contains(&findings[2].fingerprint()));
        assert_eq!(write(&findings), text, "deterministic");
    }

    #[test]
    fn every_claim_of_the_dataset_is_known_and_older_files_still_read() {
        let checked = crate::testing::check(
            &[
                ("a", &crate::testing::source(&[("X", "founded", "1977")])),
                (
                    "b",
                    &crate::testing::source(&[("X", "founded", "1990"), ("Y", "opened", "2001")]),
                ),
            ],
            None,
        );
        let read = read(&write_for(&checked.findings, &checked.dataset)).unwrap();
        assert_eq!(read.fingerprints.len(), 1);
        assert_eq!(read.claims.len(), 3, "the claim in no finding too");
        for claim in &checked.dataset.claims {
            assert!(
                read.claims
                    .contains(&claim_digest(&claim.key, &claim.value_key()))
            );
        }
        let older = "{\"version\": 1, \"findings\": [{\"fingerprint\": \"fc1-0\", \"code\": \"c\", \"message\": \"m\"}]}";
        let read = super::read(older).unwrap();
        assert!(read.fingerprints.contains("fc1-0") && read.claims.is_empty());
    }

    #[test]
    fn other_files_are_refused() {
        assert!(read("{}").is_err());
        assert!(
            read("{\"version\": 9, \"entries\": []}")
                .unwrap_err()
                .contains("version 9"),
            "the version is read before the shape"
        );
        assert!(read("[]").unwrap_err().contains("no `version`"));
    }
}
