//! The `render` target's input: arbitrary files, findings, reviews and summary, built with
//! the `arbitrary` crate.
//!
//! Spans are arbitrary byte ranges: past the end of their file, reversed, inside a multi-byte
//! character. File ids are kept valid (`Files::get` documents that ids only come from
//! `Files::add`), and so is a review's span (it is in the rules or the reviews file); a
//! `Reviewed` status may name a review that does not exist.

use std::path::PathBuf;
use std::sync::Arc;

use arbitrary::{Arbitrary, Result, Unstructured};

use factcheck::files::{FileId, Files, Span};
use factcheck::findings::{
    ClaimRef, ClaimText, Code, FactLabel, Finding, Location, Role, Severity, Status,
};
use factcheck::model::review::{Decision, Review};
use factcheck::render::Summary;
use factcheck::render::human::Style;

/// Everything a report renders.
#[derive(Debug)]
pub struct Input {
    /// The files, with arbitrary paths and texts.
    pub files: Files,
    /// The findings.
    pub findings: Vec<Finding>,
    /// The reviews.
    pub reviews: Vec<Review>,
    /// The summary counts.
    pub summary: Summary,
    /// The compared facts.
    pub facts: Vec<FactLabel>,
    /// The dataset arguments.
    pub invocation: String,
    /// How to draw the human format.
    pub style: Style,
}

impl<'a> Arbitrary<'a> for Input {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let mut files = Files::new();
        let count = u.int_in_range(0..=3)?;
        for _ in 0..count {
            let path: String = u.arbitrary()?;
            let text: String = u.arbitrary()?;
            files.add(PathBuf::from(path), Arc::from(text));
        }
        let style = Style {
            color: u.arbitrary()?,
            unicode: u.arbitrary()?,
            // `COLUMNS` below 40 is ignored by the command line.
            width: u.int_in_range(40..=400)?,
        };
        let summary = Summary {
            sources: small(u)?,
            claims: small(u)?,
            facts: small(u)?,
            compared: small(u)?,
            errors: small(u)?,
            warnings: small(u)?,
            reviewed: small(u)?,
            baselined: small(u)?,
            unchanged: small(u)?,
        };
        // A review's span is in the rules or the reviews file: there are none without a file.
        let reviews = if files.is_empty() {
            Vec::new()
        } else {
            many(u, 4, |u| review(u, files.len()))?
        };
        let findings = many(u, 16, |u| finding(u, files.len()))?;
        let facts = many(u, 4, fact)?;
        let invocation = u.arbitrary()?;
        Ok(Self {
            files,
            findings,
            reviews,
            summary,
            facts,
            invocation,
            style,
        })
    }
}

fn small(u: &mut Unstructured<'_>) -> Result<usize> {
    Ok(usize::from(u.arbitrary::<u16>()?))
}

fn many<'a, T>(
    u: &mut Unstructured<'a>,
    max: usize,
    mut item: impl FnMut(&mut Unstructured<'a>) -> Result<T>,
) -> Result<Vec<T>> {
    let count = u.int_in_range(0..=max)?;
    (0..count).map(|_| item(u)).collect()
}

fn code(u: &mut Unstructured<'_>) -> Result<Code> {
    u.choose(Code::ALL).copied()
}

fn severity(u: &mut Unstructured<'_>) -> Result<Severity> {
    u.choose(&[Severity::Error, Severity::Warning, Severity::Allow])
        .copied()
}

/// A byte offset: mostly small (inside or just past a short text), sometimes anything up to
/// `u32::MAX`, which only a file of 4 GiB gives (`Span::new` saturates).
fn offset(u: &mut Unstructured<'_>) -> Result<u32> {
    if u.ratio(1, 8)? {
        u.int_in_range(0..=u32::MAX)
    } else {
        Ok(u32::from(u.arbitrary::<u8>()?))
    }
}

fn finding(u: &mut Unstructured<'_>, files: usize) -> Result<Finding> {
    let mut finding = Finding::new(code(u)?, u.arbitrary::<String>()?);
    finding.severity = severity(u)?;
    finding.property_severity = if u.arbitrary()? {
        Some(severity(u)?)
    } else {
        None
    };
    finding.status = match u.int_in_range(0..=2)? {
        0 => Status::Open,
        1 => Status::Reviewed(usize::from(u.arbitrary::<u8>()?)),
        _ => Status::Baselined,
    };
    finding.help = u.arbitrary()?;
    finding.fact = if u.arbitrary()? { Some(fact(u)?) } else { None };
    if files > 0 {
        finding.locations = many(u, 14, |u| location(u, files))?;
    }
    Ok(finding)
}

/// A span in one of `files` (at least one) files, anywhere.
fn span(u: &mut Unstructured<'_>, files: usize) -> Result<Span> {
    Ok(Span {
        file: FileId(u32::try_from(u.choose_index(files)?).unwrap_or(0)),
        start: offset(u)?,
        end: offset(u)?,
    })
}

fn location(u: &mut Unstructured<'_>, files: usize) -> Result<Location> {
    let span = span(u, files)?;
    let claim = if u.arbitrary()? {
        let texts: [&str; 6] = [
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
            u.arbitrary()?,
        ];
        Some(ClaimRef::new(&ClaimText {
            source: texts[0],
            claim: texts[1],
            key: texts[2],
            stated: texts[3],
            normalized: texts[4],
            value_key: texts[5],
        }))
    } else {
        None
    };
    Ok(Location {
        span,
        label: u.arbitrary()?,
        claim,
        role: if u.arbitrary()? {
            Role::Involved
        } else {
            Role::Context
        },
    })
}

fn fact(u: &mut Unstructured<'_>) -> Result<FactLabel> {
    Ok(FactLabel {
        subject: u.arbitrary()?,
        property: u.arbitrary()?,
        qualifiers: many(u, 3, |u| u.arbitrary())?,
    })
}

fn review(u: &mut Unstructured<'_>, files: usize) -> Result<Review> {
    Ok(Review {
        code: code(u)?,
        claims: many(u, 3, |u| u.arbitrary())?,
        decision: *u.choose(&[
            Decision::Explained,
            Decision::FirstSourceWrong,
            Decision::SecondSourceWrong,
            Decision::BothWrong,
            Decision::Unresolved,
        ])?,
        reason: u.arbitrary()?,
        reviewer: u.arbitrary()?,
        date: u.arbitrary()?,
        expires: u
            .arbitrary::<Option<i32>>()?
            .map(factcheck::model::date::Day),
        span: span(u, files)?,
    })
}
