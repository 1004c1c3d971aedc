//! Validated domain types: what every stage after `normalize` works on.
//!
//! No serde attributes and no miette here: these types are always valid by construction, and
//! know nothing of file formats or rendering.

pub mod date;
pub mod quantity;
