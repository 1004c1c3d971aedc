//! End-to-end CLI cases: each `tests/cmd/<case>.toml` runs `factcheck` in `<case>.in/` and
//! compares stdout, stderr and the exit status with the files beside it.
//!
//! To record a new case's output: `TRYCMD=overwrite cargo test --test cli` (then read it).

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
