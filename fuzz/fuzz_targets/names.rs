//! Fuzz target `names`: see `factcheck_fuzz::harness::names`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::names(data));
