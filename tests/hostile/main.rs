//! Hostile input end to end (DESIGN 6): a dataset is untrusted, the CI log is public.
//!
//! Each test builds a small dataset in a temporary directory, with a secret file *outside* the
//! dataset root, runs the real binary (every run bounded by a timeout, so a hang fails the test
//! instead of stalling the suite) and asserts what must never happen: bytes from outside the
//! root in any output, control sequences reaching a terminal or a log, unbounded output,
//! panics, lost or clobbered files.
//!
//! One module per family of attack; `util` holds the dataset builder and the runner.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

mod confinement;
mod escaping;
mod inference;
mod util;
mod writes;
