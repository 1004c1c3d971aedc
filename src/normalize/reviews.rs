//! Reviews and severity settings: raw to validated.
//!
//! Owns the checks a review must pass before it can explain anything: a known code (with a
//! suggestion otherwise), at least one claim, a reason and a reviewer, readable dates. Also
//! the `[severity]` table: every key must name a code or a namespace of codes. Whether a
//! review still matches a finding is decided later, by `triage`.

use std::collections::BTreeMap;

use toml::Spanned;

use crate::files::{FileId, Files, Span};
use crate::findings::{Code, Finding, Severity};
use crate::load::document::Element;
use crate::load::reviews::{RawDecision, RawReview};
use crate::load::rules::RawSeverity;
use crate::model::review::{Decision, Review, SeverityRule, selects};
use crate::normalize::date::parse_date;
use crate::suggest;
use crate::text::fold::is_blank;

/// Every valid review of the given files.
pub fn reviews(
    files: &Files,
    loaded: &[(FileId, &[Element<RawReview>])],
    problems: &mut Vec<Finding>,
) -> Vec<Review> {
    let mut found = Vec::new();
    for &(file, elements) in loaded {
        for element in elements {
            if let Some(review) = review(files, file, element, problems) {
                found.push(review);
            }
        }
    }
    found
}

fn review(
    files: &Files,
    file: FileId,
    element: &Element<RawReview>,
    problems: &mut Vec<Finding>,
) -> Option<Review> {
    let raw = &element.value;
    let at = |range: std::ops::Range<usize>| Span::new(file, range);
    let before = problems.len();

    let code = Code::parse(raw.code.get_ref().trim());
    if code.is_none() {
        problems.push(
            Finding::new(
                Code::LoadUnknownName,
                format!("no finding has the code `{}`", raw.code.get_ref()),
            )
            .with_help(suggest::code_help(raw.code.get_ref()))
            .at(at(raw.code.span()), "unknown code"),
        );
    }
    if let Some(code) = code.filter(|code| !code.is_reviewable()) {
        problems.push(
            Finding::new(
                Code::LoadRules,
                format!("a finding of `{code}` cannot be reviewed"),
            )
            .with_help(
                "fix the input or the review it is about; reviews explain findings about the data",
            )
            .at(at(raw.code.span()), "not reviewable"),
        );
    }
    let mut text = |field: &Spanned<String>, name: &str| -> String {
        let trimmed = field.get_ref().trim();
        if is_blank(trimmed) {
            problems.push(
                Finding::new(Code::LoadEmpty, format!("the review's {name} is empty"))
                    .with_help(format!("a review must say its {name}"))
                    .at(at(field.span()), "empty"),
            );
        }
        trimmed.to_owned()
    };
    let reason = text(&raw.reason, "reason");
    let reviewer = text(&raw.reviewer, "reviewer");
    let mut claims = Vec::new();
    for claim in raw.claims.get_ref() {
        claims.push((text(&claim.claim, "claim"), text(&claim.value, "value")));
    }
    if claims.is_empty() {
        problems.push(
            Finding::new(Code::LoadEmpty, "the review names no claim")
                .with_help("list the claims the finding is about, with their values")
                .at(at(raw.claims.span()), "no claim"),
        );
    }
    let mut date = |field: &Spanned<crate::load::scalar::RawScalar>, name: &str| {
        let span = at(field.span());
        let written = field.get_ref().as_written(files.slice(span)).into_owned();
        match parse_date(&written, None) {
            Ok(date) => Some((written, date)),
            Err(error) => {
                problems.push(
                    Finding::new(
                        Code::LoadDate,
                        format!("the review's `{name}` is not a date: {}", error.message),
                    )
                    .with_help("write it as `YYYY-MM-DD`")
                    .at(span, "not a date"),
                );
                None
            }
        }
    };
    let date_written = date(&raw.date, "date").map(|(written, _)| written);
    let expires = raw
        .expires
        .as_ref()
        .and_then(|expires| date(expires, "expires"))
        .map(|(_, date)| date.latest);

    if problems.len() > before {
        return None;
    }
    Some(Review {
        code: code?,
        claims,
        decision: match raw.decision.get_ref() {
            RawDecision::Explained => Decision::Explained,
            RawDecision::FirstSourceWrong => Decision::FirstSourceWrong,
            RawDecision::SecondSourceWrong => Decision::SecondSourceWrong,
            RawDecision::BothWrong => Decision::BothWrong,
            RawDecision::Unresolved => Decision::Unresolved,
        },
        reason,
        reviewer,
        date: date_written?,
        expires,
        span: at(element.header.clone()),
    })
}

/// The `[severity]` table of `rules.toml`.
pub fn severities(
    file: Option<FileId>,
    table: Option<&Element<BTreeMap<Spanned<String>, Spanned<RawSeverity>>>>,
    problems: &mut Vec<Finding>,
) -> Vec<SeverityRule> {
    let (Some(file), Some(table)) = (file, table) else {
        return Vec::new();
    };
    let mut rules = Vec::new();
    for (selector, severity) in &table.value {
        let span = Span::new(file, selector.span());
        let name = selector.get_ref().trim();
        let matched: Vec<Code> = Code::ALL
            .iter()
            .copied()
            .filter(|&code| selects(name, code))
            .collect();
        if matched.is_empty() {
            problems.push(
                Finding::new(
                    Code::LoadUnknownName,
                    format!("no finding code is or starts with `{name}`"),
                )
                .with_help(suggest::code_help(name))
                .at(span, "unknown code"),
            );
            continue;
        }
        if matched.iter().any(|code| code.is_load()) {
            problems.push(
                Finding::new(
                    Code::LoadRules,
                    format!("`{name}` includes load problems, whose severity cannot change"),
                )
                .with_help("input that cannot be read always stops the check; name other codes")
                .at(span, "includes factcheck::load::*"),
            );
            continue;
        }
        rules.push(SeverityRule {
            selector: name.to_owned(),
            severity: match severity.get_ref() {
                RawSeverity::Error => Severity::Error,
                RawSeverity::Warning => Severity::Warning,
                RawSeverity::Allow => Severity::Allow,
            },
            span,
        });
    }
    rules
}

#[cfg(test)]
mod tests {
    use crate::findings::Code;
    use crate::testing::{check_under, codes, source};
    use crate::triage::Policy;

    fn review(code: &str, claims: &str, extra: &str) -> String {
        format!(
            "[[review]]\ncode = \"{code}\"\nclaims = [{claims}]\ndecision = \"explained\"\n\
             reason = \"r\"\nreviewer = \"t\"\ndate = 2026-01-01\n{extra}"
        )
    }

    fn problems(reviews: &str) -> Vec<Code> {
        let alpha = source(&[("Lab", "opened", "2001")]);
        let checked = check_under(
            &[("alpha", &alpha)],
            None,
            Some(reviews),
            &Policy::default(),
        );
        codes(&checked)
    }

    #[test]
    fn a_review_of_an_unknown_code_is_a_load_problem() {
        let reviews = review(
            "factcheck::conflict::dat",
            "{ claim = \"a#x\", value = \"1\" }",
            "",
        );
        assert_eq!(problems(&reviews), [Code::LoadUnknownName]);
    }

    #[test]
    fn findings_about_reviews_or_input_cannot_be_reviewed() {
        for code in ["factcheck::review::stale", "factcheck::load::syntax"] {
            let reviews = review(code, "{ claim = \"a#x\", value = \"1\" }", "");
            assert_eq!(problems(&reviews), [Code::LoadRules], "{code}");
        }
    }

    #[test]
    fn a_review_needs_a_reason_and_a_known_decision() {
        let blank = review(
            "factcheck::conflict::date",
            "{ claim = \"a#x\", value = \"1\" }",
            "",
        )
        .replace("reason = \"r\"", "reason = \" \"");
        assert_eq!(problems(&blank), [Code::LoadEmpty]);
        let decision = review(
            "factcheck::conflict::date",
            "{ claim = \"a#x\", value = \"1\" }",
            "",
        )
        .replace("explained", "explaind");
        assert_eq!(problems(&decision), [Code::LoadType]);
    }

    #[test]
    fn an_unreadable_expiry_is_a_date_problem() {
        let reviews = review(
            "factcheck::conflict::date",
            "{ claim = \"a#x\", value = \"1\" }",
            "expires = \"next spring\"\n",
        );
        assert_eq!(problems(&reviews), [Code::LoadDate]);
    }
}
