//! `factcheck init`: a dataset to start from. PLACEHOLDER, replaced by the implementation.

use crate::cli::InitArgs;

/// Creates the dataset.
#[must_use]
pub fn run(args: &InitArgs) -> u8 {
    super::fail(&format!(
        "init is not available yet ({})",
        args.dir.display()
    ))
}
