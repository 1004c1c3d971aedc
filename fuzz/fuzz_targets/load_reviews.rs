//! Fuzz target `load_reviews`: see `factcheck_fuzz::harness::load_reviews`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factcheck_fuzz::harness::load_reviews(data));
