//! Test support: a dataset from inline TOML, or built in memory and written as TOML or CSV
//! ([`dataset`]), through the real pipeline, read from memory.

use std::fmt::Write as _;

pub mod dataset;

use crate::Checked;
use crate::findings::{Code, Finding};
use crate::fs::MemoryFs;
use crate::load::{Access, Request, RulesPath};
use crate::triage::Policy;

/// Checks claims files given as `(stem, toml)` and an optional rules file.
pub fn check(files: &[(&str, &str)], rules: Option<&str>) -> Checked {
    check_under(files, rules, None, &Policy::default())
}

/// Like [`check`], with an optional reviews file and a gate policy.
pub fn check_under(
    files: &[(&str, &str)],
    rules: Option<&str>,
    reviews: Option<&str>,
    policy: &Policy,
) -> Checked {
    let mut fs = MemoryFs::new();
    for (stem, text) in files {
        fs = fs.with(format!("claims/{stem}.toml"), *text);
    }
    if let Some(rules) = rules {
        fs = fs.with("rules.toml", rules);
    }
    if let Some(reviews) = reviews {
        fs = fs.with("reviews.toml", reviews);
    }
    let request = Request {
        claims_dir: "claims".into(),
        rules: RulesPath::Default("rules.toml".into()),
        reviews: RulesPath::Default("reviews.toml".into()),
        access: Access::default(),
    };
    crate::check_in(&fs, &request, policy, &mut |_| {})
}

/// A claims file for `source` with one claim per `(subject, property, value)`.
pub fn source(claims: &[(&str, &str, &str)]) -> String {
    source_with("", claims)
}

/// Like [`source`], with extra lines in `[source]` and `qualifiers = {…}` when a property is
/// written `property | key=value, key=value`.
pub fn source_with(header: &str, claims: &[(&str, &str, &str)]) -> String {
    let mut text = format!("[source]\ntitle = \"T\"\npublisher = \"P\"\n{header}\n");
    for (subject, property, value) in claims {
        let (property, qualifiers) = property.split_once(" | ").unwrap_or((property, ""));
        let _ = writeln!(
            text,
            "[[claim]]\nsubject = \"{subject}\"\nproperty = \"{property}\"\nvalue = \"{value}\""
        );
        if !qualifiers.is_empty() {
            let pairs: Vec<String> = qualifiers
                .split(", ")
                .filter_map(|pair| pair.split_once('='))
                .map(|(k, v)| format!("{k} = \"{v}\""))
                .collect();
            let _ = writeln!(text, "qualifiers = {{ {} }}", pairs.join(", "));
        }
        text.push('\n');
    }
    text
}

/// A claims file whose claims carry quotes, `(subject, property, value, quote)`, with extra
/// lines in `[source]`.
pub fn quoted(header: &str, claims: &[(&str, &str, &str, &str)]) -> String {
    let mut text = format!("[source]\ntitle = \"T\"\npublisher = \"P\"\n{header}\n");
    for (subject, property, value, quote) in claims {
        let _ = writeln!(
            text,
            "[[claim]]\nsubject = \"{subject}\"\nproperty = \"{property}\"\nvalue = \"{value}\"\n\
             quote = \"{quote}\"\n"
        );
    }
    text
}

/// The claims of a finding as a review lists them: `{ claim = "…", value = "…" }`, in the
/// finding's order.
pub fn review_claims(finding: &Finding) -> Vec<String> {
    finding
        .claims()
        .map(|c| {
            format!(
                "{{ claim = \"{}\", value = \"{}\" }}",
                c.key(),
                c.value_key()
            )
        })
        .collect()
}

/// A finding's claim with only its key and its value's key, the two a review is keyed on.
#[must_use]
pub fn claim_ref(key: &str, value_key: &str) -> crate::findings::ClaimRef {
    crate::findings::ClaimRef::new(&crate::findings::ClaimText {
        key,
        value_key,
        ..crate::findings::ClaimText::default()
    })
}

/// The index of the source `id` among the dataset's sources.
///
/// # Panics
/// When no source has that id (a test's mistake).
#[allow(clippy::expect_used)]
pub fn source_index(dataset: &crate::model::Dataset, id: &str) -> usize {
    dataset
        .sources
        .iter()
        .position(|s| s.id == id)
        .expect("a source with that id")
}

/// A reviews file accepting the given findings, as `factcheck review` writes it.
pub fn reviews_of(findings: &[&Finding], expires: Option<&str>) -> String {
    let mut text = String::new();
    for finding in findings {
        let claims = review_claims(finding);
        let _ = writeln!(
            text,
            "[[review]]\ncode = \"{}\"\nclaims = [{}]\ndecision = \"explained\"\n\
             reason = \"r\"\nreviewer = \"t\"\ndate = 2026-01-01",
            finding.code,
            claims.join(", ")
        );
        if let Some(expires) = expires {
            let _ = writeln!(text, "expires = {expires}");
        }
    }
    text
}

/// The codes of the findings, in output order.
pub fn codes(checked: &Checked) -> Vec<Code> {
    checked.findings.iter().map(|f| f.code).collect()
}

/// The findings with a code.
pub fn with_code(checked: &Checked, code: Code) -> Vec<&Finding> {
    checked.findings.iter().filter(|f| f.code == code).collect()
}

/// The `(source, stated)` pairs of a finding's claims.
pub fn stated(finding: &Finding) -> Vec<(String, String)> {
    finding
        .locations
        .iter()
        .filter_map(|l| l.claim.as_ref())
        .map(|c| (c.source().to_owned(), c.stated().to_owned()))
        .collect()
}
