//! Fuzz target `load_rules`: see `factcheck_fuzz::harness::load_rules`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::load_rules(data));
