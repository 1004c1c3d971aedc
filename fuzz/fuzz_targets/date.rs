//! Fuzz target `date`: see `factcheck_fuzz::harness::date`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::date(data));
