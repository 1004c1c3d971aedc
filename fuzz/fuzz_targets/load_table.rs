//! Fuzz target `load_table`: see `factcheck_fuzz::harness::load_table`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::load_table(data));
