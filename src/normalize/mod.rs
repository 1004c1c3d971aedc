//! Raw claims and rules to the validated model (DESIGN 2).

pub mod date;
pub mod fold;
pub mod number;
