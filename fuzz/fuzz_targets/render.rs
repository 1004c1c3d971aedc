//! Fuzz target `render`: arbitrary files and findings (`factcheck_fuzz::render_input`) through
//! every output format (`factcheck_fuzz::harness::render_all`).

#![no_main]

use factcheck_fuzz::harness::{render_human, render_machine, report};
use factcheck_fuzz::render_input::Input;

libfuzzer_sys::fuzz_target!(|input: Input| {
    let report = report(
        &input.files,
        &input.findings,
        &input.summary,
        &input.facts,
        &input.reviews,
        &input.invocation,
    );
    render_machine(&report);
    render_human(&report, input.style);
});
