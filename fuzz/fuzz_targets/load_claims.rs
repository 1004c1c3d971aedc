//! Fuzz target `load_claims`: see `factcheck_fuzz::harness::load_claims`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::load_claims(data));
