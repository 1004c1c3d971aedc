//! factcheck: checks claims drawn from many sources for consistency.

pub mod compare;
pub mod files;
pub mod findings;
pub mod load;
pub mod model;
pub mod normalize;
pub mod suggest;
