//! `factcheck schema`: print the JSON Schema of a file format, for editors (DESIGN 4.4).
//!
//! Owns only the edge: which format was asked for, and writing the schema to stdout. The
//! schema itself is [`crate::schema`]'s.

use crate::cli::{SchemaArgs, SchemaKind};
use crate::schema::{self, FileFormat};

use super::{fail, write_stdout};

/// Prints the schema of the format asked for; 0, or 2 when stdout cannot be written.
#[must_use]
pub fn run(args: &SchemaArgs) -> u8 {
    let format = match args.of {
        SchemaKind::Claims => FileFormat::Claims,
        SchemaKind::Rules => FileFormat::Rules,
        SchemaKind::Reviews => FileFormat::Reviews,
    };
    match write_stdout(&schema::to_json(format)) {
        Ok(()) => 0,
        Err(error) => fail(&format!("cannot write the schema: {error}")),
    }
}
