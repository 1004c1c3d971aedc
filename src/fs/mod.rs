//! The file system, as factcheck is allowed to see it (DESIGN 6: a dataset is untrusted).
//!
//! Owns every read of a dataset file and every write of an output file: confinement to the
//! dataset root, refusal of special files, size limits, loop-free directory walks
//! ([`FileSystem`] and its implementations), and atomic writes that never replace an input or
//! follow a link ([`write`]). Nothing else in the crate calls `std::fs`.

pub mod write;
