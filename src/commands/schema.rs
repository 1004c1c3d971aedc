//! `factcheck schema`: JSON Schemas of the file formats. PLACEHOLDER, replaced by the
//! implementation.

use crate::cli::SchemaArgs;

/// Prints the schema.
#[must_use]
pub fn run(args: &SchemaArgs) -> u8 {
    super::fail(&format!("schema is not available yet ({:?})", args.of))
}
