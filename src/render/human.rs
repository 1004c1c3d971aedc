//! Human output: one miette diagnostic per finding.
//!
//! Owns the only place findings become miette diagnostics (STYLE: miette at the edge). The
//! primary location's file is the diagnostic's source code, with a label at every location in
//! that file; every other file involved becomes a related diagnostic with its own named
//! source, so the output shows a snippet in each file, each label saying what is there.

use std::fmt::{self, Write as _};
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

use crate::files::{FileId, Files};
use crate::findings::{Finding, Location, Severity};
use crate::render::{Report, printable};

/// Locations shown per finding; the rest are counted (all are in the JSON output).
const MAX_LOCATIONS: usize = 12;

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Unicode box drawing (else ASCII).
    pub unicode: bool,
    /// Line width to wrap at.
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            color: false,
            unicode: true,
            width: 100,
        }
    }
}

/// Every finding as a diagnostic, then the summary line.
#[must_use]
pub fn render(report: &Report<'_>, style: Style) -> String {
    let theme = match (style.unicode, style.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, true) => GraphicalTheme::ascii(),
        (false, false) => GraphicalTheme::none(),
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_show_related_as_nested(true);
    let mut out = String::new();
    for finding in report.open() {
        let diagnostic = diagnostic(report.files, finding, report.invocation);
        // Writing to a String cannot fail; a handler error would only drop this diagnostic.
        let _ = handler.render_report(&mut out, &diagnostic);
        out.push('\n');
    }
    let _ = writeln!(out, "factcheck: {}", report.summary);
    out
}

/// A finding as a miette diagnostic; `invocation` is repeated in the review command it
/// suggests (see [`Report::invocation`]).
#[must_use]
pub fn diagnostic(files: &Files, finding: &Finding, invocation: &str) -> FindingDiagnostic {
    let shown = &finding.locations[..finding.locations.len().min(MAX_LOCATIONS)];
    let hidden = finding.locations.len() - shown.len();

    // Locations grouped by file, files in order of first appearance.
    let mut by_file: Vec<(FileId, Vec<&Location>)> = Vec::new();
    for location in shown {
        match by_file
            .iter_mut()
            .find(|(file, _)| *file == location.span.file)
        {
            Some((_, group)) => group.push(location),
            None => by_file.push((location.span.file, vec![location])),
        }
    }
    let mut groups = by_file.into_iter();
    let primary = groups.next();
    let related = groups
        .map(|(file, locations)| FindingDiagnostic {
            message: locations
                .first()
                .map_or_else(String::new, |l| printable(&l.label).into_owned()),
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            snippet: Some(named(files, file)),
            labels: labels(&locations, false),
            related: Vec::new(),
        })
        .collect();
    let mut help = finding.help.as_deref().map(|h| printable(h).into_owned());
    if finding.code.is_reviewable() {
        // How to accept it, with the one handle that survives edits of the files.
        let review = format!(
            "to record a review (`factcheck review --help` lists the decisions):\n\
             factcheck review {}{}{} --decision explained --reason \"…\"",
            finding.fingerprint(),
            if invocation.is_empty() { "" } else { " " },
            invocation,
        );
        help = Some(help.map_or(review.clone(), |h| format!("{h}\n{review}")));
    }
    if hidden > 0 {
        let more = format!("{hidden} more locations are listed in `--format json`");
        help = Some(help.map_or(more.clone(), |h| format!("{h}\n{more}")));
    }
    FindingDiagnostic {
        message: printable(&finding.message).into_owned(),
        code: Some(finding.code.as_str()),
        severity: match finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning | Severity::Allow => miette::Severity::Warning,
        },
        help,
        snippet: primary.as_ref().map(|(file, _)| named(files, *file)),
        labels: primary.map_or_else(Vec::new, |(_, locations)| labels(&locations, true)),
        related,
    }
}

fn named(files: &Files, file: FileId) -> NamedSource<Arc<str>> {
    let source = files.get(file);
    NamedSource::new(source.display_path(), Arc::clone(&source.text))
}

fn labels(locations: &[&Location], first_is_primary: bool) -> Vec<LabeledSpan> {
    locations
        .iter()
        .enumerate()
        .map(|(i, location)| {
            let range = location.span.range();
            let span = (range.start, range.len());
            let label = Some(printable(&location.label).into_owned());
            if first_is_primary && i == 0 {
                LabeledSpan::new_primary_with_span(label, span)
            } else {
                LabeledSpan::new_with_span(label, span)
            }
        })
        .collect()
}

/// A finding, shaped for miette.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct FindingDiagnostic {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    help: Option<String>,
    snippet: Option<NamedSource<Arc<str>>>,
    labels: Vec<LabeledSpan>,
    related: Vec<FindingDiagnostic>,
}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}
