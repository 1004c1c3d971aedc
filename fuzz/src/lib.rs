//! Fuzzing harnesses for factcheck (see `fuzz/README.md`).
//!
//! [`harness`] holds what every target does with its input; it is shared with the main
//! crate's `tests/fuzz_regressions.rs`. [`render_input`] turns the `render` target's bytes into
//! arbitrary files and findings with the `arbitrary` crate.

pub mod harness;
pub mod render_input;
