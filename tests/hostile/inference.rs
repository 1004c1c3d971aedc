//! Values: type inference as the README documents it, implausible values reported at their own
//! span, no silent clamping.

use crate::util::{Case, claims};

fn concise(case: &Case) -> String {
    case.run(&["check", "--format", "concise"]).out()
}

#[test]
fn typos_among_years_are_blamed_not_the_valid_date_phrase() {
    let case = Case::new();
    for (i, value) in ["1950", "1990", "late 1970s", "0000", "99999"]
        .iter()
        .enumerate()
    {
        case.write(&format!("claims/s{i}.toml"), claims("X", "founded", value));
    }
    let out = concise(&case);
    assert!(
        out.contains("claims/s3.toml:8:9: error factcheck::load::date"),
        "{out}"
    );
    assert!(
        out.contains("claims/s4.toml:8:9: error factcheck::load::date"),
        "{out}"
    );
    assert!(!out.contains("late 1970s` is not"), "{out}");
    assert!(out.contains("factcheck::conflict::date"), "{out}");
}

#[test]
fn a_relative_date_past_the_calendar_is_reported_not_clamped() {
    let case = Case::new();
    case.write(
        "claims/a.toml",
        "[source]\ntitle = \"T\"\npublisher = \"P\"\npublished = \"2025-01-01\"\n\n[[claim]]\nsubject = \"X\"\nproperty = \"founded\"\nvalue = \"4294967295 years ago\"\n",
    );
    case.write("claims/b.toml", claims("X", "founded", "1990"));
    let out = concise(&case);
    assert!(
        out.contains("claims/a.toml:9:9: error factcheck::load::date")
            && out.contains("outside the calendar"),
        "{out}"
    );
}
