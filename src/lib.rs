//! factcheck: checks claims drawn from many sources for consistency.

pub mod compare;
pub mod files;
pub mod model;
pub mod normalize;
