//! Fuzz target `baseline`: see `factcheck_fuzz::harness::baseline`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::baseline(data));
