//! SARIF 2.1.0 output, for code-scanning tools (GitHub code scanning, SARIF viewers).
//!
//! Owns the mapping of a report onto one SARIF run: every finding code as a rule (documented
//! from `explain`), every finding as a result whose primary location is the finding's first one
//! and whose other locations are related locations, accepted findings as suppressed results, and
//! the finding's fingerprint as the result's partial fingerprint. It builds serde-sarif's typed
//! objects and never decides anything about the data.
//!
//! A result lists at most [`MAX_LOCATIONS`](findings::MAX_LOCATIONS) locations (its primary
//! and related ones), and its message counts the rest. Dataset text in messages is
//! [`printable`], and the log is [`json_safe`]: no unsafe character is written as itself.
//!
//! Paths are written as the other formats show them: a relative path becomes a relative URI
//! based on `%SRCROOT%`, the directory factcheck ran in (the repository root in CI, which is
//! how GitHub code scanning resolves relative URIs); no absolute path of the machine is written,
//! so the same input gives the same bytes anywhere. An absolute path becomes a `file` URI.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultColumnKind,
    ResultLevel, Run, Sarif, Suppression, SupressionKind, SupressionStatus, Tool, ToolComponent,
    Version,
};

use crate::explain;
use crate::files::{SourceFile, Span};
use crate::findings::{self, Code, Finding, Severity, Status};
use crate::model::review::Review;
use crate::render::{Report, more_locations, position, printable};
use crate::safe::json_safe;

/// The JSON Schema the log declares: the OASIS SARIF 2.1.0 schema (with errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base of every relative artifact URI: the directory factcheck ran in.
pub const SRCROOT: &str = "%SRCROOT%";

/// The key of a result's partial fingerprint, whose value is [`Finding::fingerprint`].
pub const FINGERPRINT: &str = "factcheck/v1";

/// The SARIF log of a report, pretty-printed, with a final newline.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    let srcroot = ArtifactLocation::builder()
        .description(message(
            "The directory factcheck ran in (the dataset's root): relative paths are resolved \
             from it, as code scanning resolves them from the repository root.",
        ))
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver()).build())
        .column_kind(ResultColumnKind::UnicodeCodePoints.to_string())
        .original_uri_base_ids(BTreeMap::from([(SRCROOT.to_owned(), srcroot)]))
        .results(
            report
                .findings
                .iter()
                .map(|f| result(report, f))
                .collect::<Vec<_>>(),
        )
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA)
        .version(Version::V2_1_0.to_string())
        .runs(vec![run])
        .build();
    // Serializing typed structs of strings, numbers and maps with string keys cannot fail.
    let mut out = json_safe(serde_json::to_string_pretty(&log).unwrap_or_default());
    out.push('\n');
    out
}

/// The tool, with one rule per finding code.
fn driver() -> ToolComponent {
    ToolComponent::builder()
        .name(env!("CARGO_PKG_NAME"))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(Code::ALL.iter().map(|&code| rule(code)).collect::<Vec<_>>())
        .build()
}

/// A code as a rule, documented as `factcheck explain` documents it.
fn rule(code: Code) -> ReportingDescriptor {
    let explanation = explain::explain(code);
    let help = MultiformatMessageString::builder()
        .text(explain::page(code))
        .markdown(help_markdown(code, &explanation))
        .build();
    let namespace = code
        .as_str()
        .split("::")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    ReportingDescriptor::builder()
        .id(code.as_str())
        .name(rule_name(code))
        .short_description(
            MultiformatMessageString::builder()
                .text(code.summary())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(explanation.meaning)
                .build(),
        )
        .help(help)
        .default_configuration(
            ReportingConfiguration::builder()
                .level(level(code.default_severity()).to_string())
                .build(),
        )
        .properties(PropertyBag::builder().tags(vec![namespace]).build())
        .build()
}

/// A rule's name in the Pascal case SARIF suggests: `factcheck::quote::not-found` is
/// `QuoteNotFound`.
fn rule_name(code: Code) -> String {
    let name = code.as_str();
    name.strip_prefix("factcheck::")
        .unwrap_or(name)
        .split([':', '-'])
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// The page of `factcheck explain`, in Markdown.
fn help_markdown(code: Code, explanation: &explain::Explanation) -> String {
    format!(
        "`{code}` ({severity} by default)\n\n{summary}\n\n{meaning}\n\n**Example**\n\n```text\n{example}\n```\n\n**How to resolve it**\n\n{resolution}\n",
        severity = code.default_severity(),
        summary = code.summary(),
        meaning = explanation.meaning,
        example = explanation.example,
        resolution = explanation.resolution,
    )
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Allow => ResultLevel::None,
    }
}

/// One finding as a result.
fn result(report: &Report<'_>, finding: &Finding) -> SarifResult {
    // Related locations are numbered from 1, in the finding's order, and linked from the
    // message: code scanning shows related locations through such links. At most
    // `MAX_LOCATIONS` in all; the message counts the rest.
    let (shown, hidden) = finding.shown_locations();
    let related: Vec<(i64, &findings::Location)> = shown
        .iter()
        .skip(1)
        .enumerate()
        .map(|(i, location)| (count(i + 1), location))
        .collect();
    let rule_index = Code::ALL
        .iter()
        .position(|&code| code == finding.code)
        .unwrap_or_default();
    let mut result = SarifResult::builder()
        .rule_id(finding.code.as_str())
        .rule_index(count(rule_index))
        .level(level(finding.severity))
        .message(message(&result_text(finding, &related, hidden)))
        .partial_fingerprints(BTreeMap::from([(
            FINGERPRINT.to_owned(),
            finding.fingerprint(),
        )]))
        .suppressions(suppressions(report, finding))
        .build();
    if let Some(primary) = finding.primary() {
        result.locations = Some(vec![location(report, primary.span, &primary.label)]);
    }
    if !related.is_empty() {
        result.related_locations = Some(
            related
                .iter()
                .map(|&(id, l)| {
                    let mut related = location(report, l.span, &l.label);
                    related.id = Some(id);
                    related
                })
                .collect(),
        );
    }
    result
}

/// The result's message: the finding's message, a link to every related location listed,
/// how many more there are, and the help line, each a sentence.
fn result_text(finding: &Finding, related: &[(i64, &findings::Location)], hidden: usize) -> String {
    let mut text = plain(&finding.message);
    if !related.is_empty() {
        let links: Vec<String> = related
            .iter()
            .map(|(id, location)| format!("[{}]({id})", link_text(&location.label)))
            .collect();
        sentence(&mut text, &format!("See also: {}", links.join("; ")));
    }
    if hidden > 0 {
        sentence(
            &mut text,
            &format!("And {}, not listed", more_locations(hidden)),
        );
    }
    sentence(&mut text, &format!("Help: {}", plain(&finding.help_line())));
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text
}

/// Appends a sentence, ending the text before it with a full stop.
fn sentence(text: &mut String, next: &str) {
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    text.push(' ');
    text.push_str(next);
}

/// A span as a location: its file and region, and its label as the message.
fn location(report: &Report<'_>, span: Span, label: &str) -> Location {
    let (start, end) = position(report.files, span);
    // SARIF's end column is the column after the region; ours is its last character.
    let region = Region::builder()
        .start_line(count(start.line))
        .start_column(count(start.column))
        .end_line(count(end.line))
        .end_column(count(end.column + 1))
        .build();
    Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact(report.files.get(span.file)))
                .region(region)
                .build(),
        )
        .message(message(&plain(label)))
        .build()
}

/// A file as an artifact location: a path relative to `%SRCROOT%`, or an absolute `file` URI.
fn artifact(file: &SourceFile) -> ArtifactLocation {
    let path = file.display_path();
    if file.path.is_absolute() || path.starts_with('/') {
        let rooted = if path.starts_with('/') { "" } else { "/" };
        return ArtifactLocation::builder()
            .uri(format!("file://{rooted}{}", encode_path(&path, true)))
            .build();
    }
    let mut relative = path.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    ArtifactLocation::builder()
        .uri(encode_path(relative, false))
        .uri_base_id(SRCROOT)
        .build()
}

/// A path as the path of a URI: every byte but unreserved characters and `/` percent-encoded
/// (and `:`, for a drive letter, in an absolute path; in a relative one it would read as a
/// scheme).
fn encode_path(path: &str, absolute: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/')
            || (absolute && byte == b':')
        {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// The suppressions of a finding: none when it is open (an empty list says it is known not to
/// be suppressed), an accepted external one when a review or the baseline accepts it.
fn suppressions(report: &Report<'_>, finding: &Finding) -> Vec<Suppression> {
    let accepted = |justification: String| {
        Suppression::builder()
            .kind(SupressionKind::External.to_string())
            .status(SupressionStatus::Accepted.to_string())
            .justification(printable(&justification).into_owned())
            .build()
    };
    match finding.status {
        Status::Open => Vec::new(),
        Status::Baselined => vec![accepted("in the baseline".to_owned())],
        Status::Reviewed(index) => match report.reviews.get(index) {
            Some(review) => {
                let mut suppression = accepted(justification(review));
                let label = format!(
                    "review by {}: {}",
                    review.reviewer,
                    review.decision.as_str()
                );
                suppression.location = Some(location(report, review.span, &label));
                vec![suppression]
            }
            None => vec![accepted("reviewed".to_owned())],
        },
    }
}

/// Why a review accepts a finding: `explained (reviewed by A. Researcher on 2026-11-25): …`.
fn justification(review: &Review) -> String {
    format!(
        "{} (reviewed by {} on {}): {}",
        review.decision.as_str(),
        review.reviewer,
        review.date,
        review.reason
    )
}

/// A message object with plain text.
fn message(text: &str) -> Message {
    Message::builder().text(text).build()
}

/// Text from the dataset as a plain text message string: made printable, with `{` and `}`
/// doubled (SARIF 2.1.0 §3.11.5: single braces are placeholders) and `[`, `]` escaped so that
/// no value can make a link to a location (§3.11.6).
fn plain(text: &str) -> String {
    printable(text)
        .replace('{', "{{")
        .replace('}', "}}")
        .replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// Text as the link text of an embedded link: as [`plain`] (which escapes `\`, `[`, `]`).
fn link_text(text: &str) -> String {
    plain(text)
}

/// A count or 1-based position as a SARIF integer.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_pascal_case_codes() {
        assert_eq!(rule_name(Code::ConflictDate), "ConflictDate");
        assert_eq!(rule_name(Code::QuoteNotFound), "QuoteNotFound");
        assert_eq!(rule_name(Code::Order), "Order");
        assert_eq!(rule_name(Code::LoadDuplicateId), "LoadDuplicateId");
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(encode_path("claims/ipdf.toml", false), "claims/ipdf.toml");
        assert_eq!(
            encode_path("claims/a b#1.toml", false),
            "claims/a%20b%231.toml"
        );
        assert_eq!(
            encode_path("c:laims/é.toml", false),
            "c%3Alaims/%C3%A9.toml"
        );
        assert_eq!(encode_path("C:/data/a.toml", true), "C:/data/a.toml");
    }

    #[test]
    fn message_text_escapes_placeholders_and_link_text() {
        assert_eq!(plain("a {0} b\n"), "a {{0}} b\\\\n");
        assert_eq!(plain("[x](1)"), "\\[x\\](1)");
        assert_eq!(link_text(r"x [1] \ y"), r"x \[1\] \\ y");
        let mut text = "conflict".to_owned();
        sentence(&mut text, "Help: check.");
        assert_eq!(text, "conflict. Help: check.");
    }
}
