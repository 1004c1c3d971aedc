//! Human output: one miette diagnostic per finding.
//!
//! Owns the only place findings become miette diagnostics (STYLE: miette at the edge). The
//! primary location's file is the diagnostic's source code, with a label at every location in
//! that file; every other file involved becomes a related diagnostic with its own named
//! source, so the output shows a snippet in each file, each label saying what is there.
//!
//! Nothing from the dataset reaches miette unescaped: messages, labels and help are
//! [`printable`], and the source code is a [`Snippet`] (the lines around the labels, masked,
//! long lines clipped, the file name printable). Each diagnostic is drawn on its own under
//! `catch_unwind`: if miette panics on some input nobody foresaw, that finding is printed as
//! its concise line instead, so the check still reports it and exits with its status.

use std::fmt::{self, Write as _};
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use crate::files::{FileId, Files};
use crate::findings::{Finding, Location, MAX_LOCATIONS, Severity};
use crate::render::snippet::{CONTEXT_LINES, Snippet};
use crate::render::{Report, concise, more_locations, printable};
use crate::safe::defuse_commands;

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
    let handler = handler(style);
    let mut out = String::new();
    for finding in report.open() {
        out.push_str(&drawn(&handler, report, finding));
        out.push('\n');
    }
    let _ = writeln!(out, "factcheck: {}", report.summary);
    // A wrapped line of a message could start with `::` from the dataset, and the runner
    // reads a command after leading spaces.
    defuse_commands(out)
}

/// miette's handler, drawing as `style` says.
fn handler(style: Style) -> GraphicalReportHandler {
    let theme = match (style.unicode, style.color) {
        (true, true) => GraphicalTheme::unicode(),
        (true, false) => GraphicalTheme::unicode_nocolor(),
        (false, true) => GraphicalTheme::ascii(),
        (false, false) => GraphicalTheme::none(),
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_show_related_as_nested(true)
        .with_context_lines(CONTEXT_LINES)
        // A finding code (`factcheck::load::no-claims`) broken at its hyphen could not be
        // copied into `factcheck explain`; lines still wrap at spaces.
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// One finding drawn by miette, or as its concise line if miette fails or panics: a finding
/// is never left out.
fn drawn(handler: &GraphicalReportHandler, report: &Report<'_>, finding: &Finding) -> String {
    guarded(
        |text| handler.render_report(text, &diagnostic(report.files, finding, report.invocation)),
        || {
            let mut line = concise::line(report.files, finding);
            line.push('\n');
            line
        },
    )
}

/// What `draw` writes, or `fallback` if it fails or panics (the panic is caught; the default
/// hook has already printed its message on stderr). What `draw` wrote before failing is
/// dropped, so no half-drawn snippet is printed.
fn guarded(
    draw: impl FnOnce(&mut String) -> fmt::Result,
    fallback: impl FnOnce() -> String,
) -> String {
    let mut text = String::new();
    match catch_unwind(AssertUnwindSafe(|| draw(&mut text))) {
        Ok(Ok(())) => text,
        Ok(Err(_)) | Err(_) => fallback(),
    }
}

/// Lines between two labels of one snippet that are still printed; farther apart, the labels
/// get snippets of their own.
const MAX_GAP: usize = 12;

/// Locations grouped by file (files in order of first appearance, the primary location's
/// first), and within a file into runs of nearby lines, the primary location first in its run.
/// A snippet prints every line from its first label to its last, so labels far apart in one
/// file get one snippet each: what is printed grows with the labels, never with the distance
/// between them.
fn nearby<'a>(files: &Files, shown: &'a [Location]) -> Vec<(FileId, Vec<&'a Location>)> {
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
    let primary = shown.first().map(|l| l.span);
    let mut groups = Vec::new();
    for (file, mut locations) in by_file {
        locations.sort_by_key(|l| (l.span.start, l.span.end));
        let mut runs: Vec<Vec<&Location>> = Vec::new();
        let mut last_line = 0;
        for location in locations {
            let (start, end) = (files.start(location.span), files.end(location.span));
            match runs.last_mut() {
                Some(run) if start.line <= last_line + MAX_GAP => run.push(location),
                _ => runs.push(vec![location]),
            }
            last_line = last_line.max(end.line);
        }
        // The primary location leads its run, and its run leads the file's.
        if let Some(at) = runs
            .iter()
            .position(|run| run.iter().any(|l| Some(l.span) == primary))
        {
            let mut run = runs.remove(at);
            if let Some(i) = run.iter().position(|l| Some(l.span) == primary) {
                let first = run.remove(i);
                run.insert(0, first);
            }
            runs.insert(0, run);
        }
        groups.extend(runs.into_iter().map(|run| (file, run)));
    }
    groups
}

/// A finding as a miette diagnostic; `invocation` is repeated in the review command it
/// suggests (see [`Report::invocation`]).
#[must_use]
pub fn diagnostic(files: &Files, finding: &Finding, invocation: &str) -> FindingDiagnostic {
    let (shown, hidden) = finding.shown_locations();

    let mut groups = nearby(files, shown).into_iter();
    let primary = groups.next();
    let related = groups
        .map(|(file, locations)| {
            let (snippet, labels) = snippet(files, file, &locations, false);
            FindingDiagnostic {
                message: locations
                    .first()
                    .map_or_else(String::new, |l| printable(&l.label).into_owned()),
                code: None,
                severity: miette::Severity::Advice,
                help: None,
                snippet: Some(snippet),
                labels,
                related: Vec::new(),
            }
        })
        .collect();
    let mut help = printable(&finding.help_line()).into_owned();
    if finding.code.is_reviewable() {
        // How to accept it, with the one handle that survives edits of the files.
        let review = format!(
            "to record a review (`factcheck review --help` lists the decisions):\n\
             factcheck review {}{}{} --decision explained --reason \"…\"",
            finding.fingerprint(),
            if invocation.is_empty() { "" } else { " " },
            // The paths the user gave, which may hold anything a file name can.
            printable(invocation),
        );
        help = format!("{help}\n{review}");
    }
    if hidden > 0 {
        let more = format!(
            "and {} (no format lists more than {MAX_LOCATIONS})",
            more_locations(hidden)
        );
        help = format!("{help}\n{more}");
    }
    let (snippet, labels) = primary.map_or((None, Vec::new()), |(file, locations)| {
        let (snippet, labels) = snippet(files, file, &locations, true);
        (Some(snippet), labels)
    });
    FindingDiagnostic {
        message: printable(&finding.message).into_owned(),
        code: Some(finding.code.as_str()),
        severity: match finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning | Severity::Allow => miette::Severity::Warning,
        },
        help: Some(help),
        snippet,
        labels,
        related,
    }
}

/// The excerpt of a file around these locations, and a label at each.
fn snippet(
    files: &Files,
    file: FileId,
    locations: &[&Location],
    first_is_primary: bool,
) -> (Snippet, Vec<LabeledSpan>) {
    let source = files.get(file);
    let spans: Vec<Range<usize>> = locations.iter().map(|l| l.span.range()).collect();
    let (snippet, spans) = Snippet::new(&source.display_path(), source, &spans);
    let labels = locations
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (location, range))| {
            let span = (range.start, range.len());
            let label = Some(printable(&location.label).into_owned());
            if first_is_primary && i == 0 {
                LabeledSpan::new_primary_with_span(label, span)
            } else {
                LabeledSpan::new_with_span(label, span)
            }
        })
        .collect();
    (snippet, labels)
}

/// A finding, shaped for miette.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct FindingDiagnostic {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    help: Option<String>,
    snippet: Option<Snippet>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::Span;
    use crate::findings::Code;
    use crate::render::Summary;
    use std::sync::Arc;

    fn rendered(files: &Files, findings: &[Finding]) -> String {
        let mut summary = Summary::default();
        summary.count(findings);
        let report = Report {
            files,
            findings,
            summary: &summary,
            facts: &[],
            reviews: &[],
            invocation: "",
        };
        render(&report, Style::default())
    }

    /// A file with one line of `length` characters before `value = "v"`, and a finding there.
    fn far_along(length: usize) -> (Files, Finding) {
        let text = format!(
            "# first\nclaim = \"{}\", value = \"v\"\n",
            "x".repeat(length)
        );
        let start = text.find("\"v\"").unwrap();
        let mut files = Files::new();
        let id = files.add("a.toml".into(), Arc::from(text));
        let finding = Finding::new(Code::ConflictValue, "conflict")
            .at(Span::new(id, start..start + 3), "a says v");
        (files, finding)
    }

    #[test]
    fn spans_at_or_past_the_end_of_a_file_render() {
        for (text, start, end) in [
            ("ab", 3, 3),
            ("", 1, 0),
            ("ab\n", 4, 4),
            ("é", 3, 3),
            ("ab", 2, 2),
        ] {
            let mut files = Files::new();
            let id = files.add("a.toml".into(), Arc::from(text));
            let finding = Finding::new(Code::LoadUnknownName, "m").at(
                Span {
                    file: id,
                    start,
                    end,
                },
                "l",
            );
            let mut text = String::new();
            let drawn = handler(Style::default())
                .render_report(&mut text, &diagnostic(&files, &finding, ""));
            assert!(drawn.is_ok(), "{text:?} {start}..{end}");
        }
    }

    #[test]
    fn the_review_hint_repeats_the_invocation_printably() {
        let finding = Finding::new(Code::ConflictValue, "x");
        let diagnostic = diagnostic(&Files::new(), &finding, "'claims\u{1b}]8;;x'");
        let help = diagnostic.help.unwrap_or_default();
        assert!(!help.contains('\u{1b}'), "{help:?}");
        assert!(help.contains("claims\\u{1b}]8;;x"), "{help:?}");
    }

    #[test]
    fn labels_far_apart_in_one_file_get_a_snippet_each_not_every_line_between() {
        let mut text = String::from("first = 1\n");
        for i in 0..5000 {
            let _ = writeln!(text, "filler{i} = 0");
        }
        text.push_str("last = 2\n");
        let mut files = Files::new();
        let id = files.add("a.toml".into(), Arc::from(text.as_str()));
        let end = text.find("last").unwrap();
        let finding = Finding::new(Code::ConflictValue, "x")
            .at(Span::new(id, 0..5), "the first")
            .at(Span::new(id, end..end + 4), "the last");
        let out = rendered(&files, &[finding]);
        assert!(
            out.contains("the first") && out.contains("the last"),
            "{out}"
        );
        assert!(
            !out.contains("filler100 "),
            "the lines between are not printed"
        );
        assert!(out.len() < 3000, "{} bytes", out.len());
    }

    #[test]
    fn miette_panics_on_a_label_far_along_a_line_and_the_guard_catches_it() {
        let (files, finding) = far_along(70_000);
        let source = files.get(crate::files::FileId(0));
        let range = finding.locations[0].span.range();
        let raw = FindingSnippet {
            text: miette::NamedSource::new("a.toml", Arc::clone(&source.text)),
            label: LabeledSpan::new_primary_with_span(Some("v".into()), (range.start, 3)),
        };
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::none());
        let drawn = guarded(
            |text| handler.render_report(text, &raw),
            || "fallback".into(),
        );
        assert_eq!(
            drawn, "fallback",
            "the reason for the guard and the clipping"
        );
    }

    #[test]
    fn a_label_far_along_a_line_is_drawn_on_a_clipped_line() {
        let (files, finding) = far_along(70_000);
        let out = rendered(&files, &[finding]);
        assert!(out.contains("[a.toml:2:70021]"), "the file's column: {out}");
        assert!(out.contains("…xxxx"), "{out}");
        assert!(out.contains("╰── a says v"), "{out}");
        assert!(out.len() < 2_000, "{out}");
    }

    #[test]
    fn file_names_and_snippet_lines_are_printable() {
        let text = "# \u{1b}]8;;http://x/\u{7}click\u{1b}]8;;\u{7}\u{1b}[2J\nvalue = \"v\u{202E}\u{2066}\u{2028}\"\r\n# a\rb\u{85}\n";
        let mut files = Files::new();
        let id = files.add(
            "claims/a\n::add-mask::x\u{1b}[31m\u{202E}.toml".into(),
            Arc::from(text),
        );
        let start = text.find("\"v").unwrap();
        let finding = Finding::new(Code::ConflictValue, "conflict")
            .at(Span::new(id, start..start + 3), "a says v");
        let out = rendered(&files, &[finding]);
        assert!(
            !out.chars().any(|c| crate::safe::is_unsafe(c) && c != '\n'),
            "{out:?}"
        );
        assert!(
            out.contains("[claims/a\\n::add-mask::x\\u{1b}[31m\\u{202e}.toml:2:9]"),
            "{out}"
        );
        assert!(out.contains("# ?]8;;http://x/?click?]8;;??[2J"), "{out}");
        assert!(
            out.contains("value = \"v\u{FFFD}\u{FFFD}\u{FFFD}\""),
            "{out}"
        );
        assert!(out.contains("# a?b??"), "{out}");
    }

    #[test]
    fn locations_past_the_cap_are_counted() {
        let mut files = Files::new();
        let id = files.add("a.toml".into(), Arc::from("x = 1\n".repeat(30)));
        let mut finding = Finding::new(Code::SourceCopy, "copies");
        for line in 0..20 {
            finding = finding.at(
                Span::new(id, line * 6..line * 6 + 5),
                format!("line {line}"),
            );
        }
        let out = rendered(&files, &[finding]);
        assert!(out.contains("line 11") && !out.contains("line 12"), "{out}");
        assert!(
            out.contains("and 8 more locations (no format lists more than 12)"),
            "{out}"
        );
    }

    /// A diagnostic with a bare miette source, as the human format drew them before snippets.
    #[derive(Debug, thiserror::Error)]
    #[error("raw")]
    struct FindingSnippet {
        text: miette::NamedSource<Arc<str>>,
        label: LabeledSpan,
    }

    impl Diagnostic for FindingSnippet {
        fn source_code(&self) -> Option<&dyn SourceCode> {
            Some(&self.text)
        }

        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            Some(Box::new(std::iter::once(self.label.clone())))
        }
    }
}
