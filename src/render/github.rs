//! GitHub Actions output: workflow-command annotations for the log, and Markdown for the
//! step summary.
//!
//! Owns the `github` format of `check`: one `::error`/`::warning` command per open finding at
//! its primary location, escaped exactly as the Actions toolkit escapes them (`@actions/core`,
//! `command.ts`) so that no value from the dataset can end a command early or start a new
//! one; the cap on annotations; and the step summary (`$GITHUB_STEP_SUMMARY`). It reads
//! findings and files only; writing the summary file is the command's job.
//!
//! **Lines.** The runner reads any line whose text, after leading whitespace, starts with
//! `::` as a command. Every line this format prints is either a command factcheck writes
//! (`::error`, `::warning`, `::group`, `::endgroup`), its data escaped as the toolkit escapes
//! it and its dataset text [`printable`] first (escaping alone leaves ESC or U+202E in the
//! log), or a line that starts with factcheck's own words (`error:`, `factcheck:`) and holds
//! only printable text after them, so no value or file name can start a line.
//!
//! **The cap.** The runner keeps the first 10 error and the first 10 warning annotations of
//! a step and only counts the rest (`_maxIssueCount` in the runner's `ExecutionContext.cs`;
//! a job keeps 50 in all). So at most [`MAX_PER_LEVEL`] of each level are annotated; when
//! some are left over, one warning slot is kept for the overflow line, which says how many
//! were not annotated, and those findings are listed in a collapsed log group instead.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::findings::{Code, Finding, Severity};
use crate::render::{Report, more_locations, position, printable};

/// Annotations of one level (errors, warnings) that GitHub keeps per step.
pub const MAX_PER_LEVEL: usize = 10;

/// Open findings listed in the step summary; the rest are counted.
pub const SUMMARY_ROWS: usize = 100;

/// Characters of a message shown in a step summary cell (the summary is limited to 1 MiB).
pub const SUMMARY_CELL_CHARS: usize = 500;

/// The workflow commands: one annotation per open finding in report order, up to the cap,
/// then the overflow line and the findings not annotated (in a log group), then the summary
/// line.
#[must_use]
pub fn render(report: &Report<'_>) -> String {
    let open: Vec<&Finding> = report.open().collect();
    let (mut errors_left, mut warnings_left) = budgets(&open);
    let mut out = String::new();
    let mut rest = Vec::new();
    for finding in open {
        let left = match finding.severity {
            Severity::Error => &mut errors_left,
            Severity::Warning | Severity::Allow => &mut warnings_left,
        };
        if *left == 0 {
            rest.push(finding);
            continue;
        }
        *left -= 1;
        out.push_str(&annotation(report, finding));
        out.push('\n');
    }
    if !rest.is_empty() {
        let n = rest.len();
        let (count, verb) = if n == 1 {
            ("1 more finding".to_owned(), "is")
        } else {
            (format!("{n} more findings"), "are")
        };
        let _ = writeln!(
            out,
            "::warning::{count} {verb} not annotated; see the log, the step summary or the SARIF report"
        );
        let _ = writeln!(
            out,
            "::group::{}",
            escape_data(&format!("{count} not annotated"))
        );
        for finding in rest {
            out.push_str(&log_line(report, finding));
            out.push('\n');
        }
        out.push_str("::endgroup::\n");
    }
    let _ = writeln!(out, "factcheck: {}", report.summary);
    out
}

/// How many errors and warnings to annotate: all when both fit, else [`MAX_PER_LEVEL`]
/// errors and one warning fewer, so that the overflow line (a warning) is kept too.
fn budgets(open: &[&Finding]) -> (usize, usize) {
    let errors = open
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = open.len() - errors;
    if errors <= MAX_PER_LEVEL && warnings <= MAX_PER_LEVEL {
        (MAX_PER_LEVEL, MAX_PER_LEVEL)
    } else {
        (MAX_PER_LEVEL, MAX_PER_LEVEL - 1)
    }
}

/// One `::error`/`::warning` command: the primary location as properties, the code as the
/// title, and as the message the finding's message, the other places involved and the help.
fn annotation(report: &Report<'_>, finding: &Finding) -> String {
    let level = match finding.severity {
        Severity::Error => "error",
        Severity::Warning | Severity::Allow => "warning",
    };
    let mut properties: Vec<(&str, String)> = Vec::new();
    if let Some(primary) = finding.primary() {
        let (start, end) = position(report.files, primary.span);
        // Printable: escaping as a property keeps a control character in the log.
        let path = report.files.get(primary.span.file).display_path();
        properties.push(("file", printable(&path).into_owned()));
        properties.push(("line", start.line.to_string()));
        properties.push(("endLine", end.line.to_string()));
        // GitHub takes columns only for a span on one line.
        if start.line == end.line {
            properties.push(("col", start.column.to_string()));
            properties.push(("endColumn", end.column.to_string()));
        }
    }
    properties.push(("title", finding.code.as_str().to_owned()));
    command(level, &properties, &message(report, finding))
}

/// The annotation's text: the message, one `also:` line per other place shown (how many
/// more there are after [`MAX_LOCATIONS`](crate::findings::MAX_LOCATIONS)), and the help.
fn message(report: &Report<'_>, finding: &Finding) -> String {
    let mut text = printable(&finding.message).into_owned();
    let (shown, hidden) = finding.shown_locations();
    for location in shown.iter().skip(1) {
        let start = report.files.start(location.span);
        let _ = write!(
            text,
            "\nalso: {}:{}: {}",
            printable(&report.files.get(location.span.file).display_path()),
            start.line,
            printable(&location.label)
        );
    }
    if hidden > 0 {
        let _ = write!(text, "\nand {}", more_locations(hidden));
    }
    let _ = write!(text, "\nhelp: {}", printable(&finding.help_line()));
    text
}

/// A finding as one plain log line. It starts with the severity, so that no path can make
/// the runner read it as a command, and all of it is printable, so that no path or message
/// can start another line.
fn log_line(report: &Report<'_>, finding: &Finding) -> String {
    let place = finding.primary().map_or_else(String::new, |location| {
        let start = report.files.start(location.span);
        format!(
            " {}:{}:{}:",
            printable(&report.files.get(location.span.file).display_path()),
            start.line,
            start.column
        )
    });
    format!(
        "{}:{place} {}: {}",
        finding.severity,
        finding.code,
        printable(&finding.message)
    )
}

/// A workflow command, `::name key=value,key=value::message`, as `@actions/core` writes it.
#[must_use]
pub fn command(name: &str, properties: &[(&str, String)], message: &str) -> String {
    let mut out = format!("::{name}");
    for (i, (key, value)) in properties.iter().enumerate() {
        out.push(if i == 0 { ' ' } else { ',' });
        let _ = write!(out, "{key}={}", escape_property(value));
    }
    out.push_str("::");
    out.push_str(&escape_data(message));
    out
}

/// A command's message escaped as the toolkit's `escapeData` does: `%`, CR and LF.
#[must_use]
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value escaped as the toolkit's `escapeProperty` does: as data, and `:` and `,`
/// too, which would end the value or the properties.
#[must_use]
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The Markdown for `$GITHUB_STEP_SUMMARY`: the counts, the open findings per code, the first
/// [`SUMMARY_ROWS`] open findings, and how many are accepted.
#[must_use]
pub fn step_summary(report: &Report<'_>) -> String {
    let s = report.summary;
    let mut out = String::from("## factcheck\n\n");
    let _ = writeln!(
        out,
        "| errors | warnings | reviewed | in the baseline | sources | claims | facts |"
    );
    let _ = writeln!(out, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} ({} compared across sources) |\n",
        s.errors, s.warnings, s.reviewed, s.baselined, s.sources, s.claims, s.facts, s.compared
    );
    if s.unchanged > 0 {
        let verb = if s.unchanged == 1 { "is" } else { "are" };
        let _ = writeln!(
            out,
            "Only findings on claims changed since `--changed-since` are shown: {} more on \
             unchanged claims {verb} not.\n",
            s.unchanged
        );
    }

    let open: Vec<&Finding> = report.open().collect();
    if open.is_empty() {
        out.push_str("No open findings.\n");
    } else {
        let mut per_code: BTreeMap<(Severity, Code), usize> = BTreeMap::new();
        for finding in &open {
            *per_code
                .entry((finding.severity, finding.code))
                .or_default() += 1;
        }
        out.push_str(
            "### Open findings by code\n\n| count | severity | code |\n| ---: | --- | --- |\n",
        );
        for ((severity, code), count) in per_code {
            let _ = writeln!(out, "| {count} | {severity} | `{code}` |");
        }
        out.push_str("\n### Open findings\n\n| where | code | message |\n| --- | --- | --- |\n");
        for finding in open.iter().take(SUMMARY_ROWS) {
            let place = finding.primary().map_or_else(
                || "—".to_owned(),
                |location| {
                    let start = report.files.start(location.span);
                    let path = report.files.get(location.span.file).display_path();
                    markdown_cell(&format!("{path}:{}", start.line))
                },
            );
            let _ = writeln!(
                out,
                "| {place} | `{}` | {} |",
                finding.code,
                markdown_cell(&finding.message)
            );
        }
        if open.len() > SUMMARY_ROWS {
            let _ = writeln!(
                out,
                "\n…and {} more: see the log or the SARIF report.",
                open.len() - SUMMARY_ROWS
            );
        }
    }
    let accepted = s.reviewed + s.baselined;
    if accepted > 0 {
        let (finding, verb) = if accepted == 1 {
            ("finding", "does")
        } else {
            ("findings", "do")
        };
        let _ = writeln!(
            out,
            "\n{accepted} accepted {finding} ({} reviewed, {} in the baseline) {verb} not fail the check.",
            s.reviewed, s.baselined
        );
    }
    out
}

/// Text from the dataset made safe for a Markdown table cell: printable (no line breaks or
/// control characters), shortened to [`SUMMARY_CELL_CHARS`], and with every character that
/// could start Markdown or HTML (`|`, `<`, `[`, `$` for math, …) backslash-escaped, so that it
/// shows as written.
#[must_use]
pub fn markdown_cell(text: &str) -> String {
    let text = printable(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.chars().enumerate() {
        if i == SUMMARY_CELL_CHARS {
            out.push('…');
            break;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '&' | '~' | '|' | '$' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runner's reading of a property value (`ActionCommand.UnescapeProperty`: `%25` last).
    fn unescape_property(text: &str) -> String {
        text.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    }

    /// The runner's reading of a command line (`ActionCommand.TryParseV2`): the name and
    /// properties end at the first `::` after the leading one; properties split on `,`, then on
    /// the first `=`; the message is the rest, unescaped.
    fn parse(line: &str) -> (String, Vec<(String, String)>, String) {
        let line = line.trim_start();
        assert!(line.starts_with("::"), "{line}");
        let end = line[2..].find("::").map(|i| i + 2).unwrap();
        let info = &line[2..end];
        let (name, properties) = info.split_once(' ').unwrap_or((info, ""));
        let properties = properties
            .split(',')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (key, value) = p.split_once('=').unwrap();
                (key.to_owned(), unescape_property(value))
            })
            .collect();
        let data = line[end + 2..]
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%");
        (name.to_owned(), properties, data)
    }

    const NASTY: &str = "50% of ::error file=x.toml,line=1::fake\r\n::warning::two, a:b %0A %3A";

    #[test]
    fn escaping_is_the_toolkits() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
        assert_eq!(
            escape_data("%0A"),
            "%250A",
            "an escape in the text stays text"
        );
        assert_eq!(
            escape_property("factcheck::conflict::date"),
            "factcheck%3A%3Aconflict%3A%3Adate"
        );
    }

    #[test]
    fn nasty_values_cannot_forge_a_command_and_read_back_unchanged() {
        let line = command(
            "error",
            &[("file", NASTY.to_owned()), ("title", NASTY.to_owned())],
            NASTY,
        );
        assert_eq!(line.lines().count(), 1, "{line}");
        assert!(!line.contains(['\r', '\n']));
        let (name, properties, data) = parse(&line);
        assert_eq!(name, "error");
        assert_eq!(
            properties,
            vec![
                ("file".to_owned(), NASTY.to_owned()),
                ("title".to_owned(), NASTY.to_owned())
            ]
        );
        assert_eq!(data, NASTY);
    }

    #[test]
    fn a_command_without_properties_has_no_space() {
        assert_eq!(command("warning", &[], "a\nb"), "::warning::a%0Ab");
    }

    #[test]
    fn budgets_keep_a_warning_slot_for_the_overflow_line() {
        let errors: Vec<Finding> = (0..11)
            .map(|i| Finding::new(Code::ConflictDate, i.to_string()))
            .collect();
        let warnings: Vec<Finding> = (0..10)
            .map(|i| Finding::new(Code::NameVariant, i.to_string()))
            .collect();
        let all = |e: usize, w: usize| -> Vec<&Finding> {
            errors
                .iter()
                .take(e)
                .chain(warnings.iter().take(w))
                .collect()
        };
        assert_eq!(budgets(&all(10, 10)), (10, 10), "everything fits");
        assert_eq!(budgets(&all(11, 0)), (10, 9));
        assert_eq!(budgets(&all(0, 10)), (10, 10));
    }

    #[test]
    fn markdown_cells_show_text_as_written() {
        assert_eq!(markdown_cell("a | b\nc"), "a \\| b\\\\nc");
        assert_eq!(
            markdown_cell("$55 billion <b>[x](y)</b>"),
            "\\$55 billion \\<b\\>\\[x\\](y)\\</b\\>"
        );
        let long = "x".repeat(SUMMARY_CELL_CHARS + 5);
        assert_eq!(markdown_cell(&long).chars().count(), SUMMARY_CELL_CHARS + 1);
    }

    #[test]
    fn one_unchanged_finding_is_singular() {
        let files = crate::files::Files::new();
        for (unchanged, said) in [
            (1, "1 more on unchanged claims is not"),
            (2, "2 more on unchanged claims are not"),
        ] {
            let summary = crate::render::Summary {
                unchanged,
                ..crate::render::Summary::default()
            };
            let out = step_summary(&Report {
                files: &files,
                findings: &[],
                summary: &summary,
                facts: &[],
                reviews: &[],
                invocation: "",
            });
            assert!(out.contains(said), "{out}");
        }
    }
}
