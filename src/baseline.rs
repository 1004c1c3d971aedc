//! The baseline file: every finding of a run, accepted at once (DESIGN 4.2).
//!
//! Owns the file's format: JSON written by `check --write-baseline`, read by
//! `check --baseline`, listing fingerprints (which survive moved lines, reformatted files and
//! unrelated edits) sorted so that diffs stay small. The code and message are kept only for
//! people reading the file. Load problems are never put in a baseline.

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use crate::findings::Finding;

/// The version of the file's shape.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    code: String,
    message: String,
}

/// The baseline of these findings, as the file's text.
#[must_use]
pub fn write(findings: &[Finding]) -> String {
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
    };
    // Plain strings and numbers: serializing cannot fail.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// The fingerprints a baseline file accepts.
///
/// # Errors
/// When the text is not a baseline file of a version this build reads.
pub fn read(text: &str) -> Result<FxHashSet<String>, String> {
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
    Ok(file.findings.into_iter().map(|e| e.fingerprint).collect())
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
        let read = read(&text).unwrap();
        assert_eq!(read.len(), 2);
        assert!(read.contains(&findings[0].fingerprint()));
        assert!(!read.contains(&findings[2].fingerprint()));
        assert_eq!(write(&findings), text, "deterministic");
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
