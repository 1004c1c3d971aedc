//! `factcheck schema`: print the JSON Schema of a file format, for editors (DESIGN 4.4), or
//! of the JSON report and of a line of the JSON Lines report.
//!
//! Owns only the edge: which format was asked for, and writing the schema to stdout. The
//! schema itself is [`crate::schema`]'s.

use crate::cli::{SchemaArgs, SchemaKind};
use crate::render::report;
use crate::schema::{self, FileFormat};

use super::{fail, write_stdout};

/// Prints the schema of the format asked for; 0, or 2 when stdout cannot be written.
#[must_use]
pub fn run(args: &SchemaArgs) -> u8 {
    let text = match args.of {
        SchemaKind::Claims => schema::to_json(FileFormat::Claims),
        SchemaKind::Rules => schema::to_json(FileFormat::Rules),
        SchemaKind::Reviews => schema::to_json(FileFormat::Reviews),
        SchemaKind::Report => {
            let mut text =
                serde_json::to_string_pretty(&report::json::schema()).unwrap_or_default();
            text.push('\n');
            text
        }
        SchemaKind::ReportLine => {
            let mut text =
                serde_json::to_string_pretty(&report::jsonl::schema()).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    match write_stdout(&text) {
        Ok(()) => 0,
        Err(error) => fail(&format!("cannot write the schema: {error}")),
    }
}
