//! `factcheck review FINGERPRINT`: record a researcher's decision about a finding.
//!
//! Owns writing reviews: the finding is found by its fingerprint in a fresh check, and a
//! `[[review]]` naming its code, claims and values is added at the end of the reviews file
//! (created with a header when missing). The file's text is kept as it is, comments and
//! layout included, and the whole new text replaces it atomically: a failed write leaves the
//! old file, never half a review. A reviews file that is a symbolic link is not written.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

use crate::cli::{Decision, ReviewArgs};
use crate::findings::{Finding, Status};
use crate::fs::write::Target;
use crate::model::date::{Day, calendar};
use crate::model::review;
use crate::render::printable;
use crate::triage::Policy;

use super::{fail, parse_day, print_load_problems, request, today};

const HEADER: &str = "\
# Reviews of factcheck findings. Each review explains one finding, keyed on its code, its
# claims and their values (never on line numbers): it goes stale when one of them changes.
# Written by `factcheck review`; edit freely.
";

/// What to do when the reviews file is a symbolic link, which `review` does not write through.
const LINKED: &str = "edit the file it points to, or name that file with --reviews";

/// Records the review and returns the exit status.
#[must_use]
pub fn run(args: &ReviewArgs) -> u8 {
    match record(args) {
        Ok(status) => status,
        Err(message) => fail(&message),
    }
}

fn record(args: &ReviewArgs) -> Result<u8, String> {
    let today = today();
    let expires = args
        .expires
        .as_deref()
        .map(|text| {
            let day = parse_day("--expires", text)?;
            if day < today {
                return Err(format!(
                    "--expires {text} is in the past: the review would not count"
                ));
            }
            Ok(day)
        })
        .transpose()?;
    if args.reason.trim().is_empty() {
        return Err("--reason must say why".to_owned());
    }
    // Checked as `check` would check it today, so that an expired review does not count.
    let policy = Policy {
        today,
        ..Policy::default()
    };
    let checked = crate::check_with(&request(&args.dataset), &policy, &mut |_| {});
    if print_load_problems(&checked) {
        return Ok(2);
    }
    let wanted = args.fingerprint.trim().to_ascii_lowercase();
    let found = checked.findings.iter().find(|f| f.fingerprint() == wanted);
    if let Some(finding) = found.filter(|f| !f.code.is_reviewable()) {
        return Err(format!(
            "{wanted} is a `{}` finding, which cannot be reviewed: fix what it points at",
            finding.code
        ));
    }
    let Some(finding) = found else {
        return Err(format!(
            "no finding has the fingerprint `{wanted}`; `factcheck check --format json` lists them"
        ));
    };
    if let Status::Reviewed(index) = finding.status {
        let at = checked
            .dataset
            .reviews
            .get(index)
            .map_or_else(String::new, |review| {
                let files = &checked.dataset.files;
                let path = files.get(review.span.file).display_path();
                format!(" at {path}:{}", files.start(review.span).line)
            });
        return Err(format!(
            "{wanted} is already reviewed{at}: edit or remove that review instead"
        ));
    }
    let reviewer = args.reviewer.clone().unwrap_or_else(default_reviewer);
    let block = review_block(
        finding,
        args.decision,
        args.reason.trim(),
        &reviewer,
        today,
        expires,
    );
    let path = args
        .dataset
        .reviews
        .clone()
        .unwrap_or_else(|| PathBuf::from("reviews.toml"));
    Target::own(&path, LINKED)
        .and_then(|target| {
            target.edit(|current| {
                let mut text = current.unwrap_or(HEADER.as_bytes()).to_vec();
                text.extend_from_slice(block.as_bytes());
                text
            })
        })
        .map_err(|e| e.to_string())?;
    eprintln!(
        "factcheck: recorded a review of {wanted} in `{}`",
        path.display()
    );
    if let Some(wrong) = found_wrong(finding, args.decision) {
        eprintln!("factcheck: {wrong}");
    }
    Ok(0)
}

/// Which claims a decision finds wrong, in words, so that the order the decision refers to
/// (the order the finding lists its claims: the primary one first) cannot be mistaken.
fn found_wrong(finding: &Finding, decision: Decision) -> Option<String> {
    let claims: Vec<_> = finding.claims().collect();
    let named = |i: usize| {
        claims
            .get(i)
            .map(|c| format!("`{}` ({})", printable(&c.address()), printable(c.stated())))
    };
    let wrong = match decision {
        Decision::FirstSourceWrong => named(0)?,
        Decision::SecondSourceWrong => named(1)?,
        Decision::BothWrong => format!("{} and {}", named(0)?, named(1)?),
        Decision::Explained | Decision::Unresolved => return None,
    };
    let verb = if decision == Decision::BothWrong {
        "are"
    } else {
        "is"
    };
    Some(format!("the review says {wrong} {verb} wrong"))
}

/// The `[[review]]` table for a finding.
fn review_block(
    finding: &Finding,
    decision: Decision,
    reason: &str,
    reviewer: &str,
    date: Day,
    expires: Option<Day>,
) -> String {
    let quoted = |text: &str| toml::Value::String(text.to_owned()).to_string();
    let mut block = String::from("\n[[review]]\n");
    let _ = writeln!(block, "finding = {}", quoted(&finding.fingerprint()));
    // A comment ends at the line's end, and TOML allows no control character in it.
    let _ = writeln!(block, "# {}", printable(&finding.message));
    let _ = writeln!(block, "code = {}", quoted(finding.code.as_str()));
    block.push_str("claims = [\n");
    for claim in finding.claims() {
        let _ = writeln!(
            block,
            "  {{ claim = {}, value = {} }},",
            quoted(claim.key()),
            quoted(claim.value_key())
        );
    }
    block.push_str("]\n");
    // The words of reviews files are the model's.
    let decision = match decision {
        Decision::Explained => review::Decision::Explained,
        Decision::FirstSourceWrong => review::Decision::FirstSourceWrong,
        Decision::SecondSourceWrong => review::Decision::SecondSourceWrong,
        Decision::BothWrong => review::Decision::BothWrong,
        Decision::Unresolved => review::Decision::Unresolved,
    };
    let _ = writeln!(block, "decision = {}", quoted(decision.as_str()));
    let _ = writeln!(block, "reason = {}", quoted(reason));
    let _ = writeln!(block, "reviewer = {}", quoted(reviewer));
    let _ = writeln!(block, "date = {}", iso(date));
    if let Some(expires) = expires {
        let _ = writeln!(block, "expires = {}", iso(expires));
    }
    block
}

/// A day as `YYYY-MM-DD` (a TOML local date).
fn iso(day: Day) -> String {
    let (year, month, day) = calendar::civil(i64::from(day));
    format!("{year:04}-{month:02}-{day:02}")
}

/// `git config user.name`, else `$USER`, else "unknown".
fn default_reviewer() -> String {
    Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .filter(|name| !name.is_empty())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::{FileId, Span};
    use crate::findings::{ClaimRef, ClaimText, Code, Location, Role};
    use crate::load::reviews;

    #[test]
    fn the_claim_a_decision_finds_wrong_is_named() {
        let mut finding = Finding::new(Code::ConflictDate, "conflict");
        for (source, stated) in [("beta", "1990"), ("alpha", "1977")] {
            finding.locations.push(Location {
                span: Span::new(FileId(0), 0..1),
                label: String::new(),
                claim: Some(ClaimRef::new(&ClaimText {
                    source,
                    claim: "f",
                    key: &format!("{source}#f"),
                    stated,
                    normalized: "",
                    value_key: stated,
                })),
                role: Role::Involved,
            });
        }
        assert_eq!(
            found_wrong(&finding, Decision::FirstSourceWrong).as_deref(),
            Some("the review says `beta#f` (1990) is wrong")
        );
        assert_eq!(
            found_wrong(&finding, Decision::SecondSourceWrong).as_deref(),
            Some("the review says `alpha#f` (1977) is wrong")
        );
        assert_eq!(
            found_wrong(&finding, Decision::BothWrong).as_deref(),
            Some("the review says `beta#f` (1990) and `alpha#f` (1977) are wrong")
        );
        assert_eq!(found_wrong(&finding, Decision::Explained), None);
    }

    #[test]
    fn a_written_review_reads_back_and_matches_its_finding() {
        let mut finding = Finding::new(Code::ConflictDate, "conflict on \"x\": \"quoted\"");
        for (key, value) in [("a#x", "1977/1979"), ("b#x", "1990/1993")] {
            finding.locations.push(Location {
                span: Span::new(FileId(0), 0..1),
                label: String::new(),
                claim: Some(crate::testing::claim_ref(key, value)),
                role: Role::Involved,
            });
        }
        let block = review_block(
            &finding,
            Decision::SecondSourceWrong,
            "a \"why\"",
            "me",
            crate::model::date::Day(739_000),
            None,
        );
        let mut problems = Vec::new();
        let read = reviews::read(FileId(0), &format!("{HEADER}{block}"), &mut problems);
        assert!(problems.is_empty(), "{problems:?}\n{block}");
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].value.reason.get_ref(), "a \"why\"");
        assert_eq!(
            read[0].value.claims.get_ref()[1].value.get_ref(),
            "1990/1993"
        );
    }
}
