//! Fuzz target `pipeline`: see `factcheck_fuzz::harness::pipeline`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::pipeline(data));
