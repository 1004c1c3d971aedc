//! Rows of delimited text (CSV, TSV), with the byte range of every cell.
//!
//! Owns splitting a text into records and cells: RFC 4180 for CSV (cells may be quoted with
//! `"`, a doubled `""` inside stands for one, a quoted cell may span lines), and plain
//! tab-separated rows for TSV (no quoting: a `"` is a character like any other, as in the IANA
//! `text/tab-separated-values` format). Written by hand rather than with the `csv` crate
//! because a diagnostic must point at a cell, and that crate gives a record's position only.
//! A quote that is never closed is reported and reading resumes on the next line, so one stray
//! quote does not swallow the rest of the file. It knows nothing of what the columns mean.

use std::borrow::Cow;
use std::ops::Range;

/// How a file is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Comma-separated, RFC 4180 quoting.
    Csv,
    /// Tab-separated, no quoting.
    Tsv,
}

/// One cell: where it is written (with its quotes), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell<'a> {
    /// The bytes it covers in the text, quotes included.
    pub range: Range<usize>,
    /// Its text, quotes removed and `""` read as `"`.
    pub text: Cow<'a, str>,
}

/// What is wrong with a row's quoting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteError {
    /// A quoted cell is never closed (reading resumed on the next line).
    Unclosed,
    /// Text follows a closing quote before the next delimiter.
    AfterClosing,
}

/// One record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The bytes of the record, without its line ending.
    pub range: Range<usize>,
    /// Its cells, at most the reader's limit of them.
    pub cells: Vec<Cell<'a>>,
    /// How many cells it has, kept or not.
    pub count: usize,
    /// The first quoting problem, with where it is.
    pub error: Option<(QuoteError, Range<usize>)>,
}

/// The records of a text, in order; blank lines are skipped.
pub struct Rows<'a> {
    text: &'a str,
    at: usize,
    delimiter: u8,
    quoting: bool,
    /// The most cells kept per row: a line of a million commas must not become a million cells.
    max_cells: usize,
}

/// Whether the first line of `text` separates its cells by semicolons: it holds one and no
/// comma (commas inside quotes count: a header has no reason to quote).
fn semicolons(text: &str) -> bool {
    let line = text.split('\n').next().unwrap_or("");
    line.contains(';') && !line.contains(',')
}

/// The most columns a table may have.
pub const MAX_COLUMNS: usize = 4096;

impl<'a> Rows<'a> {
    /// The records of `text` from byte `start` on. A CSV file whose first line holds
    /// semicolons and no comma is read with `;` between cells, as spreadsheets write CSV where
    /// the comma is the decimal mark.
    #[must_use]
    pub fn new(text: &'a str, start: usize, dialect: Dialect) -> Self {
        let (delimiter, quoting) = match dialect {
            Dialect::Csv if semicolons(text.get(start..).unwrap_or("")) => (b';', true),
            Dialect::Csv => (b',', true),
            Dialect::Tsv => (b'\t', false),
        };
        Self {
            text,
            at: start.min(text.len()),
            delimiter,
            quoting,
            max_cells: MAX_COLUMNS + 1,
        }
    }

    /// Keeps at most `max` cells of each row from now on (the rest are counted only).
    pub fn keep_at_most(&mut self, max: usize) {
        self.max_cells = max;
    }

    /// One cell starting at `self.at`; stops before its delimiter or line ending.
    fn cell(&mut self, error: &mut Option<(QuoteError, Range<usize>)>) -> Cell<'a> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if self.quoting && bytes.get(start) == Some(&b'"') {
            let mut i = start + 1;
            let mut doubled = false;
            loop {
                match memchr_quote(bytes, i) {
                    None => {
                        // Never closed: the cell is what is left of its line, and reading
                        // resumes after it.
                        let end = line_end(bytes, start);
                        if error.is_none() {
                            *error = Some((QuoteError::Unclosed, start..start + 1));
                        }
                        self.at = end;
                        return Cell {
                            range: start..end,
                            text: Cow::Borrowed(&self.text[start + 1..end]),
                        };
                    }
                    Some(q) if bytes.get(q + 1) == Some(&b'"') => {
                        doubled = true;
                        i = q + 2;
                    }
                    Some(q) => {
                        let inner = &self.text[start + 1..q];
                        let mut end = q + 1;
                        if !self.at_boundary(end) {
                            if error.is_none() {
                                *error = Some((QuoteError::AfterClosing, end..end + 1));
                            }
                            end = self.boundary_from(end);
                        }
                        self.at = end;
                        let text = if doubled {
                            Cow::Owned(inner.replace("\"\"", "\""))
                        } else {
                            Cow::Borrowed(inner)
                        };
                        return Cell {
                            range: start..end,
                            text,
                        };
                    }
                }
            }
        }
        let end = self.boundary_from(start);
        self.at = end;
        let text = trim_cr(&self.text[start..end]);
        Cell {
            range: start..start + text.len(),
            text: Cow::Borrowed(text),
        }
    }

    fn at_boundary(&self, at: usize) -> bool {
        match self.text.as_bytes().get(at) {
            None | Some(b'\n') => true,
            Some(b'\r') => self.text.as_bytes().get(at + 1) == Some(&b'\n'),
            Some(&b) => b == self.delimiter,
        }
    }

    /// The next delimiter or line end at or after `at`.
    fn boundary_from(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let delimiter = self.delimiter;
        bytes[at..]
            .iter()
            .position(|&b| b == delimiter || b == b'\n')
            .map_or(bytes.len(), |i| at + i)
    }
}

impl<'a> Iterator for Rows<'a> {
    type Item = Row<'a>;

    fn next(&mut self) -> Option<Row<'a>> {
        let bytes = self.text.as_bytes();
        // Blank lines are no records.
        loop {
            if self.at >= bytes.len() {
                return None;
            }
            let end = line_end(bytes, self.at);
            if self.text[self.at..end].trim_end_matches('\r').is_empty() {
                self.at = (end + 1).min(bytes.len()).max(self.at + 1);
                continue;
            }
            break;
        }
        let start = self.at;
        let mut cells = Vec::new();
        let mut count = 0;
        let mut error = None;
        loop {
            let cell = self.cell(&mut error);
            count += 1;
            if cells.len() < self.max_cells {
                cells.push(cell);
            }
            match bytes.get(self.at) {
                Some(&b) if b == self.delimiter => self.at += 1,
                _ => break,
            }
        }
        let mut end = self.at.min(bytes.len());
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        // Past the line ending.
        self.at = (self.at + 1).min(bytes.len()).max(self.at);
        if self.at == start {
            self.at = bytes.len();
        }
        Some(Row {
            range: start..end,
            cells,
            count,
            error,
        })
    }
}

fn memchr_quote(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'"')
        .map(|i| from + i)
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        .map_or(bytes.len(), |i| from + i)
}

fn trim_cr(cell: &str) -> &str {
    cell.strip_suffix('\r').unwrap_or(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, dialect: Dialect) -> Vec<(Vec<String>, Option<QuoteError>)> {
        Rows::new(text, 0, dialect)
            .map(|row| {
                (
                    row.cells.iter().map(|c| c.text.to_string()).collect(),
                    row.error.map(|(e, _)| e),
                )
            })
            .collect()
    }

    #[test]
    fn a_csv_whose_first_line_has_semicolons_and_no_comma_is_read_with_semicolons() {
        let text = "source;subject;value\na;\"Tower; north\";\"100,5 m\"\n";
        let found = rows(text, Dialect::Csv);
        let cells = |row: &(Vec<String>, Option<QuoteError>)| row.0.clone();
        assert_eq!(cells(&found[0]), ["source", "subject", "value"]);
        assert_eq!(cells(&found[1]), ["a", "Tower; north", "100,5 m"]);
        // A comma in the first line keeps commas, and a TSV never changes.
        assert_eq!(
            cells(&rows("a,b;c\n1,2;3\n", Dialect::Csv)[1]),
            ["1", "2;3"]
        );
        assert_eq!(cells(&rows("a;b\tc\n", Dialect::Tsv)[0]), ["a;b", "c"]);
    }

    #[test]
    fn quoted_cells_hold_delimiters_quotes_and_line_breaks() {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n";
        assert_eq!(
            rows(text, Dialect::Csv),
            vec![
                (vec!["a".into(), "b".into(), "c".into()], None),
                (
                    vec!["x, y".into(), "say \"hi\"".into(), "two\nlines".into()],
                    None
                ),
                (vec!["last".into(), String::new(), String::new()], None),
            ]
        );
    }

    #[test]
    fn cell_ranges_point_into_the_text() {
        let text = "id,\"quoted\"\r\n7,plain\n";
        let all: Vec<Row<'_>> = Rows::new(text, 0, Dialect::Csv).collect();
        assert_eq!(&text[all[0].cells[1].range.clone()], "\"quoted\"");
        assert_eq!(&text[all[1].cells[1].range.clone()], "plain");
        assert_eq!(&text[all[0].range.clone()], "id,\"quoted\"");
        assert_eq!(&text[all[1].range.clone()], "7,plain");
    }

    #[test]
    fn an_unclosed_quote_loses_only_its_own_line() {
        let text = "a,b\n\"never,closed\nc,d\n";
        let found = rows(text, Dialect::Csv);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[1].1, Some(QuoteError::Unclosed));
        assert_eq!(found[2], (vec!["c".into(), "d".into()], None));
    }

    #[test]
    fn text_after_a_closing_quote_is_an_error() {
        let found = rows("\"a\"b,c\n", Dialect::Csv);
        assert_eq!(found[0].1, Some(QuoteError::AfterClosing));
        assert_eq!(found[0].0.len(), 2);
    }

    #[test]
    fn tsv_has_no_quoting_and_blank_lines_are_skipped() {
        let found = rows("\"a\tb\"\n\n\r\nc\td", Dialect::Tsv);
        assert_eq!(
            found,
            vec![
                (vec!["\"a".into(), "b\"".into()], None),
                (vec!["c".into(), "d".into()], None),
            ]
        );
    }

    #[test]
    fn cells_past_the_limit_are_counted_not_kept() {
        let text = format!("a,b\n{}\nc,d\n", ",".repeat(100_000));
        let mut rows = Rows::new(&text, 0, Dialect::Csv);
        let header = rows.next().unwrap();
        rows.keep_at_most(header.cells.len() + 1);
        let wide = rows.next().unwrap();
        assert_eq!((wide.cells.len(), wide.count), (3, 100_001));
        assert_eq!(rows.next().unwrap().cells.len(), 2);
    }

    #[test]
    fn any_text_ends() {
        for text in [
            "",
            "\"",
            "\"\"",
            ",",
            "\n\n",
            "\r",
            "\"\r\n",
            "a,\"b\"\"",
            "\u{0}",
        ] {
            let _ = rows(text, Dialect::Csv).len();
            let _ = rows(text, Dialect::Tsv).len();
        }
    }
}
