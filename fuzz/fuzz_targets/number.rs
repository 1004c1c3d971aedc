//! Fuzz target `number`: see `factcheck_fuzz::harness::number`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::number(data));
