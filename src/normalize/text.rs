//! Positions inside string values: TOML strings and table cells.
//!
//! Owns mapping a byte range of a decoded string value back to the file, so a finding can
//! underline "ITTP" inside a quote rather than the whole quote. Only exact when the string is
//! written without escapes (a quoted CSV cell without `""`, or an unquoted one); otherwise the
//! whole value is used, which is still correct.

use std::ops::Range;

use crate::files::{Files, Span};

/// The span of `range` (bytes of the decoded `value`) inside the string literal at `span`.
#[must_use]
pub fn inner_span(files: &Files, span: Span, value: &str, range: Range<usize>) -> Span {
    let literal = files.slice(span);
    // Written as it reads (a table cell without quotes): offsets are the value's own.
    if literal == value && range.end <= value.len() {
        let offset = span.start as usize;
        return Span::new(span.file, offset + range.start..offset + range.end);
    }
    for delimiter in ["\"\"\"", "'''", "\"", "'"] {
        let Some(inner) = literal
            .strip_prefix(delimiter)
            .and_then(|rest| rest.strip_suffix(delimiter))
        else {
            continue;
        };
        // A newline right after an opening triple quote is not part of the value.
        let (inner, skipped) = if delimiter.len() == 3 {
            inner
                .strip_prefix("\r\n")
                .map(|i| (i, 2))
                .or_else(|| inner.strip_prefix('\n').map(|i| (i, 1)))
                .unwrap_or((inner, 0))
        } else {
            (inner, 0)
        };
        if inner == value && range.end <= value.len() {
            let offset = span.start as usize + delimiter.len() + skipped;
            return Span::new(span.file, offset + range.start..offset + range.end);
        }
        break;
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn files(text: &str) -> Files {
        let mut files = Files::new();
        files.add("a.toml".into(), Arc::from(text));
        files
    }

    #[test]
    fn plain_strings_map_exactly() {
        let text = "quote = \"the ITTP was\"";
        let files = files(text);
        let span = Span::new(crate::files::FileId(0), 8..text.len());
        let inner = inner_span(&files, span, "the ITTP was", 4..8);
        assert_eq!(files.slice(inner), "ITTP");
    }

    #[test]
    fn table_cells_map_exactly_unless_a_quote_is_doubled() {
        let text = "herald,the ITTP was,\"so the ITTP\",\"a \"\"ITTP\"\"\"\n";
        let files = files(text);
        let at = |cell: &str| {
            let start = text.find(cell).unwrap();
            Span::new(crate::files::FileId(0), start..start + cell.len())
        };
        let bare = inner_span(&files, at("the ITTP was"), "the ITTP was", 4..8);
        assert_eq!(files.slice(bare), "ITTP");
        let quoted = inner_span(&files, at("\"so the ITTP\""), "so the ITTP", 7..11);
        assert_eq!(files.slice(quoted), "ITTP");
        let doubled = at("\"a \"\"ITTP\"\"\"");
        assert_eq!(inner_span(&files, doubled, "a \"ITTP\"", 3..7), doubled);
    }

    #[test]
    fn triple_quoted_strings_skip_the_first_newline() {
        let text = "quote = '''\nthe ITTP was'''";
        let files = files(text);
        let span = Span::new(crate::files::FileId(0), 8..text.len());
        assert_eq!(
            files.slice(inner_span(&files, span, "the ITTP was", 4..8)),
            "ITTP"
        );
    }

    #[test]
    fn escaped_strings_fall_back_to_the_whole_value() {
        let text = "quote = \"the \\\"ITTP\\\" was\"";
        let files = files(text);
        let span = Span::new(crate::files::FileId(0), 8..text.len());
        assert_eq!(inner_span(&files, span, "the \"ITTP\" was", 5..9), span);
    }
}
