//! Fuzz target `render`: arbitrary files and findings (`factcheck_fuzz::render_input`) through
//! every output format (`factcheck_fuzz::harness::render_all`), the human format without the
//! triggers of crashes still open (`render_input::sidestep_open_crashes`).

#![no_main]

use factcheck_fuzz::harness::{render_human, render_machine, report};
use factcheck_fuzz::render_input::{Input, sidestep_open_crashes};

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
    let findings = sidestep_open_crashes(&input.files, &input.findings);
    render_human(&harness_report(&input, &findings), input.style);
});

fn harness_report<'a>(
    input: &'a Input,
    findings: &'a [factcheck::findings::Finding],
) -> factcheck::render::Report<'a> {
    report(
        &input.files,
        findings,
        &input.summary,
        &input.facts,
        &input.reviews,
        &input.invocation,
    )
}
