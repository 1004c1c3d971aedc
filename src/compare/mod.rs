//! The validated model to findings (DESIGN 2.2, 2.3, 3). Pure: no I/O.

pub mod date;
pub mod number;
pub mod verdict;
