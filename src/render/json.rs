//! JSON output: a versioned document for machines.
//!
//! Owns the JSON format of `check` (documented in the README, version 1). Findings keep the
//! run's deterministic order; within a finding, claims are in file order. Any change that
//! removes or renames a field bumps [`VERSION`].
//!
//! A finding lists at most [`MAX_LOCATIONS`](crate::findings::MAX_LOCATIONS) places between
//! its `claims` and `locations`, in the finding's order; `more_locations` counts the rest (its
//! `fingerprint` still covers every claim). Values are exact, and written [`json_safe`]: an
//! unsafe character is a `\u` escape, never itself.

use serde::Serialize;

use crate::files::Span;
use std::collections::BTreeMap;

use crate::findings::{Finding, Role};
use crate::render::{Report, Summary, position, statistics};
use crate::safe::json_safe;

/// The version of the document's shape.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    summary: &'a Summary,
    statistics: BTreeMap<&'static str, JsonCounts>,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct JsonCounts {
    open: usize,
    accepted: usize,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    code: &'static str,
    severity: &'static str,
    status: &'static str,
    fingerprint: String,
    message: &'a str,
    help: Option<&'a str>,
    fact: Option<JsonFact<'a>>,
    claims: Vec<JsonClaim<'a>>,
    locations: Vec<JsonLocation<'a>>,
    more_locations: usize,
}

#[derive(Serialize)]
struct JsonFact<'a> {
    subject: &'a str,
    property: &'a str,
    qualifiers: &'a [String],
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    source: &'a str,
    id: &'a str,
    address: String,
    stated: &'a str,
    normalized: &'a str,
    label: &'a str,
    key: &'a str,
    value_key: &'a str,
    #[serde(flatten)]
    at: Position,
}

#[derive(Serialize)]
struct JsonLocation<'a> {
    label: &'a str,
    #[serde(flatten)]
    at: Position,
}

#[derive(Serialize)]
struct Position {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Summary", 9)?;
        s.serialize_field("errors", &self.errors)?;
        s.serialize_field("warnings", &self.warnings)?;
        s.serialize_field("reviewed", &self.reviewed)?;
        s.serialize_field("baselined", &self.baselined)?;
        s.serialize_field("unchanged", &self.unchanged)?;
        s.serialize_field("sources", &self.sources)?;
        s.serialize_field("claims", &self.claims)?;
        s.serialize_field("facts", &self.facts)?;
        s.serialize_field("compared", &self.compared)?;
        s.end()
    }
}

/// The whole document, pretty-printed, with a final newline.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    let document = Document {
        version: VERSION,
        tool: Tool {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: report.summary,
        statistics: statistics::counts(report.findings)
            .into_iter()
            .map(|(code, counts)| {
                (
                    code.as_str(),
                    JsonCounts {
                        open: counts.open,
                        accepted: counts.accepted,
                    },
                )
            })
            .collect(),
        findings: report.findings.iter().map(|f| finding(report, f)).collect(),
    };
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = json_safe(serde_json::to_string_pretty(&document).unwrap_or_default());
    out.push('\n');
    out
}

fn finding<'a>(report: &Report<'_>, finding: &'a Finding) -> JsonFinding<'a> {
    let at = |span: Span| {
        let (start, end) = position(report.files, span);
        Position {
            file: report.files.get(span.file).display_path(),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    };
    let (shown, hidden) = finding.shown_locations();
    JsonFinding {
        code: finding.code.as_str(),
        severity: finding.severity.as_str(),
        status: finding.status.as_str(),
        fingerprint: finding.fingerprint(),
        message: &finding.message,
        help: finding.help.as_deref(),
        fact: finding.fact.as_ref().map(|fact| JsonFact {
            subject: &fact.subject,
            property: &fact.property,
            qualifiers: &fact.qualifiers,
        }),
        claims: shown
            .iter()
            .filter(|location| location.role == Role::Involved)
            .filter_map(|location| {
                let claim = location.claim.as_ref()?;
                Some(JsonClaim {
                    source: claim.source(),
                    id: claim.claim(),
                    address: claim.address(),
                    stated: claim.stated(),
                    normalized: claim.normalized(),
                    label: &location.label,
                    key: claim.key(),
                    value_key: claim.value_key(),
                    at: at(location.span),
                })
            })
            .collect(),
        locations: shown
            .iter()
            .filter(|location| location.claim.is_none() || location.role == Role::Context)
            .map(|location| JsonLocation {
                label: &location.label,
                at: at(location.span),
            })
            .collect(),
        more_locations: hidden,
    }
}
