//! What may reach a terminal or a CI log: the one definition of an unsafe character, and the
//! ways dataset text is made safe in each kind of output (and file names refused at discovery).
//!
//! Owns [`is_unsafe`] and everything built on it: [`printable`] (escapes, for messages,
//! labels and file names), [`masked`] (same byte length, for the file text miette prints as
//! snippets, so every span stays valid), [`json_safe`] (JSON escapes, for the machine
//! formats; [`JsonSafeWriter`] for JSON written as it is made) and [`defuse_commands`] (no line the GitHub Actions runner would read as a
//! workflow command) and [`spreadsheet_cell`] (no CSV cell a spreadsheet would run as a
//! formula). It must not decide what is shown, only how.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

/// Whether a character must not reach a terminal or a log as itself: control characters (C0,
/// DEL, C1: they move the cursor, change colours, start OSC hyperlinks, end lines), line and
/// paragraph separators, bidirectional embeddings, overrides and isolates (they reorder what
/// is shown: "Trojan Source"), and noncharacters (U+FFFE, U+FFFF and the like, which XML
/// forbids).
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{FDD0}'..='\u{FDEF}'
        )
        || u32::from(c) & 0xFFFE == 0xFFFE
}

/// Text from the dataset made safe for a terminal: every unsafe character is escaped (`\n`,
/// `\u{1b}`), so a value cannot move the cursor, change colours, break a one-line record, or
/// reorder what is shown.
#[must_use]
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// File text made safe to print as it is laid out, byte for byte: line breaks (`\n`, `\r\n`)
/// and tabs are kept, and every other unsafe character becomes printable text of the same
/// length in bytes, so that every byte offset into the text still points at the same place:
/// U+FFFD `�` for a three-byte character (a bidirectional override, a line separator), one
/// `?` per byte otherwise (a control character, a four-byte noncharacter). A lone `\r` is
/// unsafe: it would take the terminal back to the start of the line.
#[must_use]
pub fn masked(text: &str) -> Cow<'_, str> {
    let keeps = |i: usize, c: char| match c {
        '\n' | '\t' => true,
        '\r' => text.as_bytes().get(i + 1) == Some(&b'\n'),
        c => !is_unsafe(c),
    };
    if text.char_indices().all(|(i, c)| keeps(i, c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if keeps(i, c) {
            out.push(c);
        } else if c.len_utf8() == 3 {
            out.push('\u{FFFD}');
        } else {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        }
    }
    Cow::Owned(out)
}

/// Serialized JSON with every unsafe character that `serde_json` leaves as itself (DEL, C1
/// controls, separators, bidirectional controls, noncharacters) written as a `\u` escape
/// instead, so that the document means the same and prints safely. `serde_json` already escapes
/// C0 controls inside strings, so a raw `\n` here is the layout of a pretty-printed document.
#[must_use]
pub fn json_safe(json: String) -> String {
    let escapes = |c: char| c != '\n' && is_unsafe(c);
    if !json.chars().any(escapes) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if escapes(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A writer that does to serialized JSON what [`json_safe`] does, as it passes through: for
/// a document written as it is made, never held whole. A character split across two writes is
/// put back together first.
#[derive(Debug)]
pub struct JsonSafeWriter<W: io::Write> {
    inner: W,
    /// The start of a character whose other bytes are still to come.
    pending: Vec<u8>,
}

impl<W: io::Write> JsonSafeWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        JsonSafeWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_text(&mut self, text: &str) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in text.char_indices() {
            if c != '\n' && is_unsafe(c) {
                self.inner.write_all(&text.as_bytes()[start..at])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(self.inner, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        self.inner.write_all(&text.as_bytes()[start..])
    }
}

impl<W: io::Write> io::Write for JsonSafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            self.pending.extend_from_slice(buf);
            joined = std::mem::take(&mut self.pending);
            joined.as_slice()
        };
        let (text, rest) = match std::str::from_utf8(bytes) {
            Ok(text) => (text, &[][..]),
            Err(error) if error.error_len().is_none() => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                (std::str::from_utf8(valid).map_err(io::Error::other)?, rest)
            }
            Err(error) => return Err(io::Error::new(io::ErrorKind::InvalidData, error)),
        };
        self.write_text(text)?;
        self.pending.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "JSON ends within a character",
            ));
        }
        self.inner.flush()
    }
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
/// `=`, `+`, `-`, `@`, and a tab or carriage return before them; the full-width forms too,
/// which some spreadsheets fold to the ASCII ones.
const FORMULA_START: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Dataset text made safe for a CSV cell that a spreadsheet may open: every unsafe character
/// is escaped as in [`printable`] (so no control character reaches the file, and a cell is
/// one line), and a cell that would start a formula (its first character, or its first after
/// white space, one of `= + - @`, tab or carriage return, ASCII or full-width) gets a single quote `'` before it, which
/// spreadsheets show as text and do not run. A value such as `-5` then reads `'-5`: the JSON
/// reports keep every value exact.
#[must_use]
pub fn spreadsheet_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_START) || text.trim_start().starts_with(FORMULA_START) {
        return Cow::Owned(format!("'{}", printable(text)));
    }
    printable(text)
}

/// Text whose lines cannot be read as GitHub Actions workflow commands: the runner reads a
/// line as one when, after leading whitespace, it starts with `::` (`::add-mask::`,
/// `::stop-commands::`, `::warning …`) or `##[` (the old syntax). Such a line gets a `\`
/// before it; any other line is left alone. For text formats whose lines may start with
/// dataset text (a wrapped message, a line of XML text), applied to the whole output.
#[must_use]
pub fn defuse_commands(text: String) -> String {
    let is_command = |line: &str| {
        let start = line.trim_start();
        start.starts_with("::") || start.starts_with("##[")
    };
    if !text.split('\n').any(is_command) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if is_command(line) {
            let indent = line.len() - line.trim_start().len();
            out.push_str(&line[..indent]);
            out.push('\\');
            out.push_str(&line[indent..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_safe_writer_escapes_as_json_safe_does_across_split_characters() {
        let json = "{\n  \"a\": \"x\u{85}y\u{202e}z \u{1F600} \u{FFFE} é\"\n}".to_owned();
        let expected = json_safe(json.clone());
        for chunk in 1..=json.len() {
            let mut out = Vec::new();
            let mut writer = JsonSafeWriter::new(&mut out);
            for piece in json.as_bytes().chunks(chunk) {
                io::Write::write_all(&mut writer, piece).unwrap();
            }
            io::Write::flush(&mut writer).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                expected,
                "chunks of {chunk}"
            );
        }
        let mut writer = JsonSafeWriter::new(Vec::new());
        assert!(io::Write::write_all(&mut writer, b"\xff").is_err());
        let mut writer = JsonSafeWriter::new(Vec::new());
        io::Write::write_all(&mut writer, "é".as_bytes().get(..1).unwrap()).unwrap();
        assert!(
            io::Write::flush(&mut writer).is_err(),
            "a character left half written"
        );
    }

    #[test]
    fn no_spreadsheet_cell_starts_a_formula() {
        for attack in [
            "=HYPERLINK(\"http://evil\",\"x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1+1",
            "\r=1+1",
            "  =1+1",
            "\u{a0}@x",
            "\u{FF1D}1+1",
        ] {
            let cell = spreadsheet_cell(attack);
            assert!(cell.starts_with('\''), "{attack:?} became {cell:?}");
            assert!(!cell.chars().any(is_unsafe), "{cell:?}");
        }
        assert_eq!(spreadsheet_cell("1977"), "1977");
        assert_eq!(spreadsheet_cell("a=b; c=d"), "a=b; c=d");
        assert_eq!(spreadsheet_cell("a\nb\u{1b}[2J"), "a\\nb\\u{1b}[2J");
        assert_eq!(spreadsheet_cell("-5"), "'-5");
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_escaped() {
        assert_eq!(printable("plain – text"), "plain – text");
        assert_eq!(printable("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(printable("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(printable("a\u{2028}b"), "a\\u{2028}b");
        assert_eq!(printable("a\u{FFFE}b\u{FFFF}"), "a\\u{fffe}b\\u{ffff}");
        assert_eq!(printable("\u{FDD0}\u{10FFFF}"), "\\u{fdd0}\\u{10ffff}");
        assert_eq!(printable("c1 \u{85}\u{9b}"), "c1 \\u{85}\\u{9b}");
        assert_eq!(
            printable("\u{FFFD}\u{10000}"),
            "\u{FFFD}\u{10000}",
            "not noncharacters"
        );
    }

    #[test]
    fn masking_keeps_every_byte_offset() {
        let text = "a\u{1b}]8;;x\u{7}b\r\nc\rd\te\u{202E}f\u{2066}\u{2028}g\u{85}h\u{10FFFF}\n";
        let safe = masked(text);
        assert_eq!(safe.len(), text.len());
        assert_eq!(
            safe,
            "a?]8;;x?b\r\nc?d\te\u{FFFD}f\u{FFFD}\u{FFFD}g??h????\n"
        );
        for (i, _) in text.char_indices() {
            assert!(
                safe.is_char_boundary(i),
                "offset {i} still starts a character"
            );
        }
        assert!(!safe.chars().any(|c| is_unsafe(c) && !"\n\t\r".contains(c)));
        assert!(matches!(masked("plain\r\n\ttext\n"), Cow::Borrowed(_)));
        assert_eq!(masked("end\r"), "end?", "a lone CR at the end");
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_its_unsafe_bytes() {
        let value = "\u{7f}\u{85}\u{202E}\u{2028}\u{FFFF}\u{10FFFF} \u{1b}";
        let json = serde_json::to_string_pretty(&serde_json::json!({ "v": value })).unwrap();
        let safe = json_safe(json);
        assert!(!safe.chars().any(|c| c != '\n' && is_unsafe(c)), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["v"], value);
        assert!(
            safe.contains("\\u202e") && safe.contains("\\udbff\\udfff"),
            "{safe}"
        );
    }

    #[test]
    fn lines_that_would_be_workflow_commands_are_defused() {
        let text = "ok\n  ::add-mask::x\n::stop-commands::t\n##[error]y\n a :: b\n";
        assert_eq!(
            defuse_commands(text.to_owned()),
            "ok\n  \\::add-mask::x\n\\::stop-commands::t\n\\##[error]y\n a :: b\n"
        );
        assert_eq!(defuse_commands("plain\n".to_owned()), "plain\n");
    }
}
