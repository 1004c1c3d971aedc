//! Snippets for miette: the lines of one file around some spans, safe to print and short
//! enough to draw.
//!
//! Owns what the human format hands miette as source code. Not the file itself, but the lines
//! from the first span's ([`CONTEXT_LINES`] before it) to the last span's ([`CONTEXT_LINES`]
//! after it):
//! - **masked** ([`masked`]): every unsafe character is replaced by printable text of the same
//!   byte length, so no snippet line can drive a terminal or a log;
//! - **clipped**: a line longer than [`LONG_LINE`] bytes keeps [`CLIP_WINDOW`] bytes either
//!   side of each span's start and end on it, and `…` stands for each part cut. miette panics
//!   drawing a label past column 65,535 of its line (a width argument of `format!` is a
//!   `u16`), and one long line would flood the log anyway.
//!
//! The name is made [`printable`], spans are remapped into the excerpt, and line numbers and
//! columns are those of the file. It must not choose what is shown: the caller gives the spans.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::files::SourceFile;
use crate::safe::{masked, printable};

/// Lines shown before and after the lines a span covers; the handler drawing a [`Snippet`]
/// must be set to the same number (`with_context_lines`), or it asks for lines that are not
/// in the excerpt.
pub const CONTEXT_LINES: usize = 1;

/// Lines longer than this many bytes are clipped. Longer than any line people write by hand;
/// at most 4 columns a byte (a tab), far from miette's limit.
pub const LONG_LINE: usize = 400;

/// Bytes kept before and after each span boundary on a clipped line: enough to read what a
/// label points at. With a finding's at most [`MAX_LOCATIONS`](crate::findings::MAX_LOCATIONS)
/// spans, a clipped line stays under 10,000 columns.
pub const CLIP_WINDOW: usize = 48;

/// What stands for the part of a line that was cut.
const CUT: &str = "…";

/// One file's excerpt, ready for miette.
#[derive(Debug, Clone)]
pub struct Snippet {
    /// The file's path, printable.
    name: String,
    /// The excerpt: masked, clipped lines.
    text: String,
    /// The 0-based line of the file the excerpt starts at.
    first_line: usize,
    /// The parts of the file kept, in order: where each starts in the excerpt and in the file.
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    excerpt: usize,
    file: usize,
    len: usize,
}

impl Snippet {
    /// The excerpt of `file` (shown as `name`) around `spans` (byte ranges of the file), and
    /// the spans remapped into it, in the same order.
    #[must_use]
    pub fn new(
        name: &str,
        file: &SourceFile,
        spans: &[Range<usize>],
    ) -> (Snippet, Vec<Range<usize>>) {
        let text: &str = &file.text;
        let spans: Vec<Range<usize>> = spans.iter().map(|r| clamp(text, r)).collect();
        let first = spans.iter().map(|r| r.start).min().unwrap_or(0);
        let last = spans
            .iter()
            .map(|r| if r.end > r.start { r.end - 1 } else { r.start })
            .max()
            .unwrap_or(0);

        let mut start = line_start(text, first);
        for _ in 0..CONTEXT_LINES {
            if start == 0 {
                break;
            }
            start = line_start(text, start - 1);
        }
        let mut end = line_end(text, last);
        for _ in 0..CONTEXT_LINES {
            if end >= text.len() {
                break;
            }
            end = line_end(text, end + 1);
        }
        // With the line break that ends the last line, as miette reads it from a whole file.
        let end = (end + 1).min(text.len());

        let mut snippet = Snippet {
            name: printable(name).into_owned(),
            text: String::new(),
            first_line: file.line_col(u32::try_from(start).unwrap_or(u32::MAX)).line - 1,
            pieces: Vec::new(),
        };
        let mut pos = start;
        while pos < end {
            let newline = text[pos..end].find('\n').map_or(end, |i| pos + i);
            let next = (newline + 1).min(end);
            let content_end =
                if newline < end && newline > pos && text.as_bytes()[newline - 1] == b'\r' {
                    newline - 1
                } else {
                    newline
                };
            if content_end - pos <= LONG_LINE {
                snippet.keep(text, pos..next);
            } else {
                snippet.clip(text, pos..content_end, &spans);
                snippet.keep(text, content_end..next);
            }
            pos = next;
        }
        let remapped = spans
            .iter()
            .map(|r| snippet.to_excerpt(r.start)..snippet.to_excerpt(r.end))
            .collect();
        (snippet, remapped)
    }

    /// The printable name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The excerpt as miette draws it.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Keeps part of the file, masked.
    fn keep(&mut self, text: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            excerpt: self.text.len(),
            file: range.start,
            len: range.len(),
        });
        self.text.push_str(&masked(&text[range]));
    }

    /// Keeps the windows of a long line around the span boundaries on it (or its start when
    /// there are none), with [`CUT`] for each part left out.
    fn clip(&mut self, text: &str, line: Range<usize>, spans: &[Range<usize>]) {
        let mut windows: Vec<Range<usize>> = spans
            .iter()
            .flat_map(|r| [r.start, r.end])
            .filter(|p| line.contains(p) || *p == line.end)
            .map(|p| {
                floor(text, p.saturating_sub(CLIP_WINDOW).max(line.start))
                    ..ceil(text, (p + CLIP_WINDOW).min(line.end))
            })
            .collect();
        if windows.is_empty() {
            windows.push(line.start..ceil(text, line.start + CLIP_WINDOW));
        }
        windows.sort_by_key(|w| w.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(windows.len());
        for window in windows {
            match merged.last_mut() {
                Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
                _ => merged.push(window),
            }
        }
        let mut at = line.start;
        for window in merged {
            if window.start > at {
                self.text.push_str(CUT);
            }
            at = window.end;
            self.keep(text, window);
        }
        if at < line.end {
            self.text.push_str(CUT);
        }
    }

    /// Where a byte offset of the file is in the excerpt (offsets in a part cut go to the end
    /// of the part kept before them; span boundaries are always kept).
    fn to_excerpt(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.file <= offset);
        index
            .checked_sub(1)
            .and_then(|i| self.pieces.get(i))
            .map_or(0, |p| p.excerpt + (offset - p.file).min(p.len))
    }

    /// Where a byte offset of the excerpt is in the file.
    fn to_file(&self, offset: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.excerpt <= offset);
        index
            .checked_sub(1)
            .and_then(|i| self.pieces.get(i))
            .map_or(0, |p| p.file + (offset - p.excerpt).min(p.len))
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        // The column (in bytes from the start of the line) is given without context lines;
        // a clipped line has fewer bytes before the span than the file.
        let column = match contents.column() {
            0 => 0,
            column => {
                self.to_file(span.offset()) - self.to_file(span.offset().saturating_sub(column))
            }
        };
        // miette's own count runs from the start of the source, not of the span (and decides
        // which snippets are drawn as one): counted from the start of the file, as for it.
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line() + self.first_line,
            column,
            contents.line_count() + self.first_line,
        )))
    }
}

/// A span made to fit the text: within it, on character boundaries, not reversed.
fn clamp(text: &str, range: &Range<usize>) -> Range<usize> {
    let start = floor(text, range.start.min(text.len()));
    start..ceil(text, range.end.clamp(start, text.len()))
}

fn floor(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil(text: &str, mut offset: usize) -> usize {
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// The start of the line `offset` is on.
fn line_start(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// Where the line `offset` is on ends: its `\n`, or the end of the text.
fn line_end(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[offset..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| offset + i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("a.toml".into(), Arc::from(text))
    }

    fn at(text: &str, needle: &str) -> Range<usize> {
        let start = text.find(needle).unwrap();
        start..start + needle.len()
    }

    #[test]
    fn the_lines_around_the_spans_masked_with_the_same_offsets() {
        let text = "one\ntwo\n# \u{1b}]8;;x\u{7}\u{202E}\nvalue = \"v\"\r\n# c\rr\nsix\nseven\n";
        let (snippet, spans) = Snippet::new("a\n::x\u{1b}", &file(text), &[at(text, "\"v\"")]);
        assert_eq!(snippet.name(), "a\\n::x\\u{1b}");
        assert_eq!(
            snippet.text(),
            "# ?]8;;x?\u{FFFD}\nvalue = \"v\"\r\n# c?r\n"
        );
        assert_eq!(&snippet.text()[spans[0].clone()], "\"v\"");
        let contents = snippet
            .read_span(&(spans[0].start, 3).into(), 0, 0)
            .unwrap();
        assert_eq!(
            (contents.line(), contents.column()),
            (3, 8),
            "as in the file"
        );
        assert_eq!(contents.name(), Some("a\\n::x\\u{1b}"));
    }

    #[test]
    fn spans_far_along_a_long_line_are_clipped_around() {
        let quote = "x".repeat(70_000);
        let text = format!("first\nclaim = [{{ quote = \"{quote}\", value = \"v\" }}]\nlast\n");
        let spans = [at(&text, "\"v\""), at(&text, &format!("\"{quote}\""))];
        let (snippet, remapped) = Snippet::new("a.toml", &file(&text), &spans);
        assert!(snippet.text().len() < 1_000, "{}", snippet.text().len());
        assert_eq!(&snippet.text()[remapped[0].clone()], "\"v\"");
        let quote_shown = &snippet.text()[remapped[1].clone()];
        assert!(quote_shown.starts_with("\"xxx") && quote_shown.ends_with("xxx\""));
        assert!(quote_shown.contains(CUT));
        assert!(snippet.text().starts_with("first\nclaim = [{ quote"));
        assert!(snippet.text().ends_with("\"v\" }]\nlast\n"));
        // The column is the file's, not the excerpt's.
        let contents = snippet
            .read_span(&(remapped[0].start, 3).into(), 0, 0)
            .unwrap();
        assert_eq!(contents.line(), 1);
        assert_eq!(contents.column(), text.find("\"v\"").unwrap() - 6);
    }

    #[test]
    fn multibyte_text_is_cut_on_character_boundaries() {
        let text = format!("{}é = \"v\"\n", "é".repeat(1_000));
        let span = at(&text, "\"v\"");
        let (snippet, remapped) = Snippet::new("a.toml", &file(&text), &[span]);
        assert_eq!(&snippet.text()[remapped[0].clone()], "\"v\"");
        assert!(snippet.text().starts_with('…'));
    }

    #[test]
    fn spans_past_the_end_are_clamped() {
        let text = "a = 1\n";
        let (snippet, remapped) = Snippet::new("a.toml", &file(text), &[4..99, 50..60]);
        assert_eq!(snippet.text(), "a = 1\n");
        assert_eq!(remapped, vec![4..6, 6..6]);
    }
}
