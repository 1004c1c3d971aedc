//! The CSV report (`report --format csv`): one row per fact, for a spreadsheet or a data
//! frame, written as each fact is rendered.
//!
//! Owns the columns ([`COLUMNS`], each described in the README) and how a fact fills them. Quoting is the `csv` crate's
//! (RFC 4180: a cell with a comma, a quote or a line break is quoted, quotes doubled); every
//! cell of text from the dataset goes through [`spreadsheet_cell`], so no cell starts a formula
//! a spreadsheet would run (it gets a `'` before it) and no control character is written.
//! Lists inside a cell (qualifiers, tied values, sources) are joined with `; `. The sources,
//! dependences and findings about no fact are not rows: `--format jsonl` has them. Must not
//! decide anything about the data.

use std::io::{self, Write};

use crate::assess::FactAssessment;
use crate::assess::support::{Best, ValueSupport};
use crate::safe::spreadsheet_cell;

use super::{Context, kind_name, normal_form, sources_of, stated};

/// The header row, in column order.
pub const COLUMNS: [&str; 20] = [
    "subject",
    "property",
    "qualifiers",
    "kind",
    "status",
    "verdict",
    "best",
    "best_normalized",
    "support",
    "tie",
    "best_sources",
    "answer",
    "sources",
    "claims",
    "values",
    "gap",
    "findings",
    "unsupported",
    "confidence",
    "against_sources",
];

/// Writes the header and one row per fact to `out` (buffered by the caller).
///
/// # Errors
/// When `out` cannot be written.
pub fn write(context: &Context<'_>, out: impl Write) -> io::Result<()> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(COLUMNS).map_err(io_error)?;
    for fact in &context.assessment.facts {
        writer.write_record(row(context, fact)).map_err(io_error)?;
    }
    writer.flush()
}

/// The I/O error a CSV error is, kept whole so that its kind (a closed pipe) still shows.
fn io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The whole report as text (for tests and small datasets).
#[must_use]
pub fn render(context: &Context<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write(context, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The cells of one fact, in [`COLUMNS`] order.
fn row(context: &Context<'_>, fact: &FactAssessment) -> [String; 20] {
    let cell = |text: &str| spreadsheet_cell(text).into_owned();
    let of = |indexes: &[usize]| -> Vec<&ValueSupport> {
        indexes.iter().filter_map(|&i| fact.values.get(i)).collect()
    };
    let best: Vec<&ValueSupport> = match (&fact.best, &fact.set) {
        (Best::Value(i), _) => fact.values.get(*i).into_iter().collect(),
        (Best::Tie(tied), _) => of(tied),
        (Best::None, Some(set)) => of(&set.supported),
        (Best::None, None) => Vec::new(),
    };
    let unsupported = fact.set.as_ref().map_or_else(Vec::new, |set| {
        of(&set.unsupported)
            .into_iter()
            .map(|v| stated(context, v))
            .collect()
    });
    let joined = |each: &dyn Fn(&ValueSupport) -> String| {
        best.iter().map(|v| each(v)).collect::<Vec<_>>().join("; ")
    };
    let normalized = |value: &ValueSupport| {
        value
            .claims
            .first()
            .map(|&c| normal_form(context.dataset(), context.claim(c)))
            .unwrap_or_default()
    };
    let mut supporters: Vec<u32> = best.iter().flat_map(|v| v.supporters.clone()).collect();
    supporters.sort_unstable();
    supporters.dedup();
    let mut against: Vec<u32> = best.iter().flat_map(|v| v.disagreeing.clone()).collect();
    against.sort_unstable();
    against.dedup();
    let kind = fact
        .claims
        .first()
        .map_or("text", |&c| kind_name(&context.claim(c).value));
    let answer = super::answer(context, fact)
        .map(|answer| context.claim(answer.claim).stated.to_string())
        .unwrap_or_default();
    [
        cell(&fact.label.subject),
        cell(&fact.label.property),
        cell(&fact.label.qualifiers.join("; ")),
        kind.to_owned(),
        fact.status.as_str().to_owned(),
        fact.verdict
            .map(|v| v.as_str().to_owned())
            .unwrap_or_default(),
        cell(&joined(&|v| stated(context, v))),
        cell(&joined(&normalized)),
        if fact.set.is_some() {
            joined(&|v| v.support.to_string())
        } else {
            best.first()
                .map(|v| v.support.to_string())
                .unwrap_or_default()
        },
        matches!(fact.best, Best::Tie(_)).to_string(),
        cell(&sources_of(context, &supporters).join("; ")),
        cell(&answer),
        fact.sources.to_string(),
        fact.claims.len().to_string(),
        fact.values.len().to_string(),
        cell(fact.gap.as_deref().unwrap_or_default()),
        fact.findings.len().to_string(),
        cell(&unsupported.join("; ")),
        joined(&|v| {
            v.confidence
                .map(|c| format!("{}", super::json::four_decimals(c)))
                .unwrap_or_default()
        }),
        cell(&sources_of(context, &against).join("; ")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;
    use crate::render::report::inputs;
    use crate::testing::{check, source, source_with};

    fn rows(files: &[(&str, &str)], rules: Option<&str>) -> Vec<Vec<String>> {
        let checked = check(files, rules);
        let assessment = assess(&checked);
        let inputs = inputs(&checked.dataset.files);
        let text = render(&Context {
            checked: &checked,
            assessment: &assessment,
            inputs: &inputs,
        });
        assert!(
            !text
                .chars()
                .any(|c| c != '\r' && c != '\n' && crate::safe::is_unsafe(c))
        );
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(rows[0], COLUMNS);
        assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
        assert_eq!(rows.len(), assessment.facts.len() + 1, "one row per fact");
        rows
    }

    fn column(name: &str) -> usize {
        COLUMNS.iter().position(|c| *c == name).unwrap()
    }

    #[test]
    fn one_row_per_fact_with_its_best_value_and_support() {
        let rows = rows(
            &[
                ("alpha", &source(&[("Institute", "founded", "1977")])),
                (
                    "beta",
                    &source(&[
                        ("Institute", "founded", "1977"),
                        ("Institute", "staff | year=2020, unit=lab", "12"),
                        ("Institute", "staff | year=2021, unit=office", "14"),
                    ]),
                ),
                ("gamma", &source(&[("Institute", "founded", "1990")])),
            ],
            None,
        );
        let founded = &rows[1];
        assert_eq!(founded[column("subject")], "Institute");
        assert_eq!(founded[column("property")], "founded");
        assert_eq!(founded[column("kind")], "date");
        assert_eq!(founded[column("status")], "conflict");
        assert_eq!(founded[column("best")], "1977");
        assert_eq!(founded[column("support")], "2");
        assert_eq!(founded[column("tie")], "false");
        assert_eq!(founded[column("best_sources")], "alpha; beta");
        assert_eq!(founded[column("sources")], "3");
        assert_eq!(founded[column("claims")], "3");
        assert_eq!(founded[column("values")], "2");
        assert!(!founded[column("gap")].is_empty());
        assert_eq!(founded[column("findings")], "1");
        let staff = rows.iter().find(|r| r[column("best")] == "12").unwrap();
        let mut qualifiers: Vec<&str> = staff[column("qualifiers")].split("; ").collect();
        qualifiers.sort_unstable();
        assert_eq!(qualifiers, ["unit=lab", "year=2020"]);
        assert_eq!(staff[column("status")], "single-source");
        assert_eq!(staff[column("best")], "12");
    }

    #[test]
    fn a_tie_lists_every_tied_value() {
        let rows = rows(
            &[
                ("alpha", &source(&[("Institute", "founded", "1977")])),
                ("beta", &source(&[("Institute", "founded", "1990")])),
            ],
            None,
        );
        assert_eq!(rows[1][column("tie")], "true");
        assert_eq!(rows[1][column("best")], "1977; 1990");
        assert_eq!(rows[1][column("support")], "1");
    }

    #[test]
    fn cells_from_the_dataset_never_start_a_formula_nor_hold_a_control_character() {
        let rows = rows(
            &[
                (
                    "alpha",
                    &source_with(
                        "",
                        &[
                            ("=HYPERLINK(\\\"http://x\\\")", "@cmd", "+1+1"),
                            ("-2+3", "p\\u001b[2J", "-7"),
                            ("-2+3", "note", "a, \\\"quoted\\\"\\nline"),
                        ],
                    ),
                ),
                ("beta", &source(&[("-2+3", "p\\u001b[2J", "-7")])),
                ("gamma", &source(&[("-2+3", "note", "x")])),
            ],
            None,
        );
        let cells: Vec<&String> = rows.iter().skip(1).flatten().collect();
        for cell in &cells {
            assert!(
                !cell
                    .trim_start()
                    .starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
            assert!(!cell.chars().any(crate::safe::is_unsafe), "{cell:?}");
        }
        let subjects: Vec<&str> = rows.iter().skip(1).map(|r| r[0].as_str()).collect();
        assert!(
            subjects.contains(&"'=HYPERLINK(\"http://x\")"),
            "{subjects:?}"
        );
        assert!(subjects.contains(&"'-2+3"));
        // A comma, quotes and a line break survive in one quoted cell, the break escaped.
        assert!(
            cells.iter().any(|c| c.contains("a, \"quoted\"\\nline")),
            "{cells:?}"
        );
    }
}
