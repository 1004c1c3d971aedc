//! The JSON report: the Markdown report's content for programs, with the inputs it was made
//! from (paths and SHA-256) and the tool's version, so that it can be reproduced.
//!
//! Owns the document's shape, version 1. Its JSON Schema is generated from these types
//! (`factcheck schema report`), so the schema and the output cannot drift apart; fields are
//! only ever added within a version. Every fact is listed, single-source ones included. The
//! document is written as it is made ([`write()`]): a report of millions of facts is never one
//! value, nor one text, in memory.

use schemars::{JsonSchema, Schema};
use serde::Serialize;

use crate::assess::sources::SourceAssessment;
use crate::assess::support::{Best, ValueSupport};
use crate::assess::{FactAssessment, Status};
use crate::compare::copy;
use crate::findings::{MAX_LOCATIONS, Status as FindingStatus};
use crate::model::quantity::{Quantity, Unit};
use crate::model::{Claim, SourceIx, Value};
use crate::safe::JsonSafeWriter;
#[cfg(doc)]
use crate::safe::json_safe;

pub use super::interval::{Interval, TimeInterval};
use super::{Context, Evidence, answer, dependence_sentence, kind_name, normal_form};

/// The version of the document's shape.
pub const VERSION: u32 = 1;

/// A `factcheck report --format json` document.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "factcheck report")]
pub struct Document {
    /// The version of this document's shape (1).
    pub version: u32,
    /// The program that made it.
    pub tool: Tool,
    /// Every file read, so that the report can be reproduced.
    pub inputs: Vec<InputFile>,
    /// What could not be read (load problems), which the rest of the document leaves out;
    /// empty when everything was read. `factcheck report` exits with status 2 when it is not.
    pub problems: Vec<Problem>,
    /// Counts of what was read.
    pub summary: Summary,
    /// Every fact, in (subject, property, qualifiers) order.
    pub facts: Vec<Fact>,
    /// Every source, in file order.
    pub sources: Vec<Source>,
    /// Pairs of sources that depend on each other, declared or detected, with the evidence.
    pub dependences: Vec<Dependence>,
    /// Names written more than one way.
    pub names: Vec<NameGroup>,
    /// The findings about no fact's values (quotes, names, copies, order constraints,
    /// reviews), in output order.
    pub findings: Vec<OtherFinding>,
}

/// Something that could not be read.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Problem {
    /// The code (`factcheck::load::…`).
    pub code: String,
    /// The file, when the problem is in one.
    pub file: Option<String>,
    /// 1-based line, when the problem is in a file.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

/// A finding about no fact's values.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OtherFinding {
    /// The code.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// `open`, `reviewed` or `baselined`.
    pub status: String,
    /// The fingerprint reviews name it by.
    pub fingerprint: String,
    /// The message.
    pub message: String,
    /// The file of its primary location.
    pub file: Option<String>,
    /// The 1-based line of its primary location.
    pub line: Option<usize>,
}

/// The program that made the report.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Tool {
    /// `factcheck`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// A file the report was made from.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InputFile {
    /// The path, relative to where factcheck ran when given so.
    pub path: String,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: usize,
}

/// Counts of the whole dataset.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Summary {
    /// Sources (claims files).
    pub sources: usize,
    /// Valid claims.
    pub claims: usize,
    /// Facts.
    pub facts: usize,
    /// Facts spoken of by more than one source.
    pub compared: usize,
    /// How many facts have each status.
    pub statuses: Statuses,
    /// Open findings of severity error (all findings, not only those about facts).
    pub errors: usize,
    /// Open findings of severity warning.
    pub warnings: usize,
    /// Findings explained by a review.
    pub reviewed: usize,
}

/// How many facts have each status.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Statuses {
    /// Every source gives the same value.
    pub agreed: usize,
    /// The values fit together; some are more precise.
    pub refined: usize,
    /// Some values cannot be compared: numbers in units that do not convert, a local clock
    /// time beside a zoned one.
    pub incomparable: usize,
    /// Dates disjoint only within their vagueness.
    pub tension: usize,
    /// Values that cannot both be true.
    pub conflict: usize,
    /// A tension or conflict a researcher has reviewed.
    pub reviewed: usize,
    /// Only one source speaks of it.
    pub single_source: usize,
}

/// One fact.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Fact {
    /// Canonical subject.
    pub subject: String,
    /// Canonical property.
    pub property: String,
    /// Separating qualifiers, `key=value`.
    pub qualifiers: Vec<String>,
    /// The value type: `date`, `datetime`, `number`, `name` or `text`.
    pub kind: String,
    /// Whether the property has several true values.
    pub multi: bool,
    /// `agreed`, `refined`, `incomparable`, `tension`, `conflict`, `reviewed` or
    /// `single-source`.
    pub status: String,
    /// The worst verdict between two values before any review: `equal`, `refines`,
    /// `compatible`, `tension`, `conflict`; null for one value or a multi-valued fact.
    pub verdict: Option<String>,
    /// How far apart the farthest disagreeing values are.
    pub gap: Option<String>,
    /// How many sources speak of it.
    pub sources: usize,
    /// Its claims, in file order.
    pub claims: Vec<FactClaim>,
    /// Its distinct values, best supported first.
    pub values: Vec<FactValue>,
    /// Indexes into `values` of the best-supported value (one), of the tied values (several),
    /// or, for a multi-valued fact, of the values of its best set (`set.supported`).
    pub best: Vec<usize>,
    /// Whether `best` is a tie.
    pub tie: bool,
    /// A multi-valued fact's best set; null for a single-valued fact.
    pub set: Option<FactSet>,
    /// Findings about its values.
    pub findings: Vec<FactFinding>,
    /// The value a review settled it on (`second-source-wrong`: the first claim the review
    /// lists; `first-source-wrong`: the second), with the review.
    pub answer: Option<FactAnswer>,
}

/// A multi-valued fact's best set, as indexes into the fact's `values`: a value is supported
/// when the independent sources listing it weigh at least half as much as those that speak of
/// the fact and leave it out, each of those counted by how complete its lists are elsewhere.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactSet {
    /// The values in the best set.
    pub supported: Vec<usize>,
    /// The values some source lists but the others' silence outweighs.
    pub unsupported: Vec<usize>,
    /// Values counted as another value written more fully, as `[value, counted as]`: a surname
    /// alone is the one person of that surname the fact lists.
    pub counted_as: Vec<[usize; 2]>,
}

/// The value a review settled a fact on.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactAnswer {
    /// The claim the review says is right, by key.
    pub claim: String,
    /// Its source id.
    pub source: String,
    /// Its value, as stated.
    pub stated: String,
    /// The value's normal form.
    pub normalized: String,
    /// The review.
    pub review: FactReview,
}

/// A claim of a fact.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactClaim {
    /// Its stable key, `SOURCE#ID`.
    pub key: String,
    /// The source id.
    pub source: String,
    /// The claim's id, or its position in the file.
    pub id: String,
    /// The value as stated.
    pub stated: String,
    /// The normal form: EDTF for dates, the range with its unit for numbers, the canonical
    /// name for names, the folded text for texts.
    pub normalized: String,
    /// For dates, the interval it allows.
    pub interval: Option<Interval>,
    /// For date-times, the interval it allows, in ISO 8601.
    pub time_interval: Option<TimeInterval>,
    /// For amounts of money, the currency they are compared in: an ISO 4217 code (`USD`
    /// for "US$40 million"), or the bare sign when it leaves the country open (`$`, `¥`,
    /// `Rs`). `normalized` shows the currency as the source wrote it.
    pub currency: Option<String>,
    /// The supporting quote.
    pub quote: Option<String>,
    /// Whom the source attributes it to.
    pub cites: Option<String>,
    /// The claims file.
    pub file: String,
    /// 1-based line of the value.
    pub line: usize,
}

/// A distinct value of a fact.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactValue {
    /// As first stated.
    pub stated: String,
    /// Normal form.
    pub normalized: String,
    /// Keys of the claims stating it.
    pub claims: Vec<String>,
    /// Keys of the claims agreeing with it (its own included).
    pub supporters: Vec<String>,
    /// How many independent units support it (sources derived from one another, and claims
    /// citing the same party, count once).
    pub support: usize,
    /// Keys of the claims in tension or conflict with it.
    pub against: Vec<String>,
    /// Its share of the weighed vote among itself and the values it disagrees with, 0 to 1
    /// (four decimals; null under `--method vote`).
    pub confidence: Option<f64>,
    /// The weighed support behind it: the sum of its independent units' votes, each
    /// `-ln(1 - reliability)` (four decimals; null under `--method vote`).
    pub weight: Option<f64>,
}

/// A finding about a fact.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactFinding {
    /// The code.
    pub code: String,
    /// `error` or `warning`.
    pub severity: String,
    /// `open`, `reviewed` or `baselined`.
    pub status: String,
    /// The fingerprint reviews name it by.
    pub fingerprint: String,
    /// The message.
    pub message: String,
    /// The review explaining it, when reviewed.
    pub review: Option<FactReview>,
}

/// A review of a finding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FactReview {
    /// The decision.
    pub decision: String,
    /// Why.
    pub reason: String,
    /// Who.
    pub reviewer: String,
    /// When.
    pub date: String,
}

/// One source.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Source {
    /// Its id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Publisher.
    pub publisher: String,
    /// Valid claims.
    pub claims: usize,
    /// Claims a source independent of it agrees with.
    pub corroborated: usize,
    /// Claims another source disagrees with.
    pub contradicted: usize,
    /// Claims about facts no other source speaks of.
    pub single_source: usize,
    /// Sources it declares it is derived from.
    pub derived_from: Vec<String>,
    /// Its independence group: the id of the group's first source. Sources with one group
    /// depend on one another (declared or detected, directly or through others) and count
    /// once as support.
    pub group: String,
    /// The sources it lists in `derived_from` or that list it, and the sources detected as
    /// dependent on it that `derived_from` links to it through others.
    pub declared_dependencies: Vec<String>,
    /// The sources it shares enough identical quotes or rare values with to look copied.
    pub detected_dependencies: Vec<String>,
    /// Its estimated reliability: the probability that a value it states is right, 0 to
    /// 0.99 (four decimals; null under `--method vote`).
    pub reliability: Option<f64>,
    /// How many claims (once per fact they bear on) the reliability rests on.
    pub reliability_claims: Option<usize>,
    /// How many of those are in facts a review settled.
    pub reliability_reviewed: Option<usize>,
}

/// Two sources that depend on each other.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Dependence {
    /// The two source ids, in file order.
    pub sources: [String; 2],
    /// Whether `derived_from` links them.
    pub declared: bool,
    /// Whether what they share reaches the `[copies]` thresholds of `rules.toml`.
    pub detected: bool,
    /// Claims of the smaller source, the base of `min_fraction`.
    pub smaller: u32,
    /// What they share, one entry per pair of claims: the first 12 pairs.
    pub evidence: Vec<SharedEvidence>,
    /// How many more pairs they share, not listed in `evidence` (the counts in `summary` are
    /// of all of them).
    pub more_evidence: usize,
    /// The same in words.
    pub summary: String,
}

/// A pair of claims two dependent sources share.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SharedEvidence {
    /// `quote` (the same words, at least five) or `value` (the same value, stated by these
    /// two sources only, against another source).
    pub kind: String,
    /// The keys of the two claims, in the order of `sources`.
    pub claims: [String; 2],
    /// The quote or value they share, as the first source writes it.
    pub shared: String,
}

/// An entity named more than one way.
#[derive(Debug, Serialize, JsonSchema)]
pub struct NameGroup {
    /// The spelling chosen.
    pub canonical: String,
    /// Whether `rules.toml` declares it.
    pub declared: bool,
    /// The spellings claims use.
    pub spellings: Vec<NameSpelling>,
}

/// A spelling of a name.
#[derive(Debug, Serialize, JsonSchema)]
pub struct NameSpelling {
    /// As written.
    pub text: String,
    /// `canonical`, `alias`, `acronym` or `variant`.
    pub link: String,
    /// How many times claims use it.
    pub uses: usize,
    /// Sources using it.
    pub sources: Vec<String>,
}

/// The document, pretty-printed, with a final newline; no unsafe character is written as
/// itself ([`json_safe`]).
#[must_use]
pub fn render(context: &Context<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write(context, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the document as [`render`] gives it, each fact, source and finding serialized as it
/// is made: the document is never whole in memory, as values or as text. The same text as
/// [`Document`] serialized (the schema's type), field for field.
///
/// # Errors
/// When `out` cannot be written.
pub fn write(context: &Context<'_>, out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = JsonSafeWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &Streamed(context))?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}

/// The document's fields in [`Document`]'s order, the long lists made as they are written.
struct Streamed<'c, 'a>(&'c Context<'a>);

impl Serialize for Streamed<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let context = self.0;
        let mut document = serializer.serialize_struct("Document", 10)?;
        document.serialize_field("version", &VERSION)?;
        document.serialize_field("tool", &tool())?;
        document.serialize_field("inputs", &input_files(context))?;
        document.serialize_field("problems", &problems(context))?;
        document.serialize_field("summary", &summary(context))?;
        document.serialize_field(
            "facts",
            &Lazy(|| context.assessment.facts.iter().map(|f| fact(context, f))),
        )?;
        document.serialize_field("sources", &Lazy(|| sources(context)))?;
        document.serialize_field("dependences", &Lazy(|| dependences(context)))?;
        document.serialize_field("names", &Lazy(|| names(context)))?;
        document.serialize_field("findings", &Lazy(|| other_findings(context)))?;
        document.end()
    }
}

/// A list serialized from an iterator, each item made when it is written.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// The JSON Schema of the document.
#[must_use]
pub fn schema() -> Schema {
    schemars::schema_for!(Document)
}

fn source_entry(
    context: &Context<'_>,
    index: usize,
    source: &crate::model::Source,
    counts: &SourceAssessment,
) -> Source {
    let groups = &context.assessment.groups;
    Source {
        id: source.id.clone(),
        title: source.title.clone(),
        publisher: source.publisher.clone(),
        claims: counts.claims,
        corroborated: counts.corroborated,
        contradicted: counts.contradicted,
        single_source: counts.single_source,
        derived_from: source
            .derived_from
            .iter()
            .map(|&s| context.source_id(s).to_owned())
            .collect(),
        group: groups
            .get(index)
            .and_then(|&group| context.dataset().sources.get(group as usize))
            .map_or_else(|| source.id.clone(), |first| first.id.clone()),
        declared_dependencies: related(context, index, |d| d.declared),
        detected_dependencies: related(context, index, |d| d.detected),
        reliability: context
            .assessment
            .reliability
            .get(index)
            .map(|r| four_decimals(r.trust)),
        reliability_claims: context.assessment.reliability.get(index).map(|r| r.claims),
        reliability_reviewed: context
            .assessment
            .reliability
            .get(index)
            .map(|r| r.reviewed),
    }
}

/// A number rounded to four decimals, as the reports give estimates.
#[must_use]
pub fn four_decimals(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e4).round() / 1e4
    } else {
        0.0
    }
}

/// The ids of the sources a source has a dependence of some kind with, in source order.
fn related(
    context: &Context<'_>,
    index: usize,
    kind: impl Fn(&copy::Dependence) -> bool,
) -> Vec<String> {
    let source = SourceIx(u32::try_from(index).unwrap_or(u32::MAX));
    context
        .dependences_of(source)
        .filter(|(_, d)| kind(d))
        .map(|(other, _)| context.source_id(other).to_owned())
        .collect()
}

fn dependence(context: &Context<'_>, dependence: &copy::Dependence) -> Dependence {
    let (a, b) = dependence.sources;
    Dependence {
        sources: [
            context.source_id(a).to_owned(),
            context.source_id(b).to_owned(),
        ],
        declared: dependence.declared,
        detected: dependence.detected,
        smaller: dependence.smaller,
        more_evidence: dependence.evidence().saturating_sub(MAX_LOCATIONS),
        evidence: Evidence::listed(dependence)
            .0
            .map(|evidence| {
                let (x, y) = evidence.claims();
                SharedEvidence {
                    kind: evidence.kind().to_owned(),
                    claims: [
                        context.claim(x).key.to_string(),
                        context.claim(y).key.to_string(),
                    ],
                    shared: evidence.shared(context),
                }
            })
            .collect(),
        summary: dependence_sentence(dependence),
    }
}

/// The document of a report.
#[must_use]
pub fn document(context: &Context<'_>) -> Document {
    Document {
        version: VERSION,
        tool: tool(),
        inputs: input_files(context),
        problems: problems(context),
        summary: summary(context),
        facts: context
            .assessment
            .facts
            .iter()
            .map(|f| fact(context, f))
            .collect(),
        sources: sources(context).collect(),
        dependences: dependences(context).collect(),
        names: names(context).collect(),
        findings: other_findings(context).collect(),
    }
}

/// This program.
pub(super) fn tool() -> Tool {
    Tool {
        name: env!("CARGO_PKG_NAME").to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    }
}

/// Every file read, with its hash.
pub(super) fn input_files(context: &Context<'_>) -> Vec<InputFile> {
    context
        .inputs
        .iter()
        .map(|i| InputFile {
            path: i.path.clone(),
            sha256: i.sha256.clone(),
            bytes: i.bytes,
        })
        .collect()
}

/// The counts of the whole dataset.
pub(super) fn summary(context: &Context<'_>) -> Summary {
    let s = &context.checked.summary;
    let c = &context.assessment.counts;
    Summary {
        sources: s.sources,
        claims: s.claims,
        facts: s.facts,
        compared: s.compared,
        statuses: Statuses {
            agreed: c.of(Status::Agreed),
            refined: c.of(Status::Refined),
            incomparable: c.of(Status::Incomparable),
            tension: c.of(Status::Tension),
            conflict: c.of(Status::Conflict),
            reviewed: c.of(Status::Reviewed),
            single_source: c.of(Status::SingleSource),
        },
        errors: s.errors,
        warnings: s.warnings,
        reviewed: s.reviewed,
    }
}

/// Every source, in file order, each made when it is asked for.
pub(super) fn sources<'a>(context: &'a Context<'_>) -> impl Iterator<Item = Source> + 'a {
    context
        .dataset()
        .sources
        .iter()
        .enumerate()
        .zip(&context.assessment.sources)
        .map(|((index, source), counts)| source_entry(context, index, source, counts))
}

/// Every dependence, each made when it is asked for.
pub(super) fn dependences<'a>(context: &'a Context<'_>) -> impl Iterator<Item = Dependence> + 'a {
    context
        .checked
        .comparison
        .dependences
        .iter()
        .map(|d| dependence(context, d))
}

/// Every name written more than one way, each made when it is asked for.
pub(super) fn names<'a>(context: &'a Context<'_>) -> impl Iterator<Item = NameGroup> + 'a {
    context.assessment.names.iter().map(|group| NameGroup {
        canonical: group.canonical.clone(),
        declared: group.declared,
        spellings: group
            .spellings
            .iter()
            .map(|s| NameSpelling {
                text: s.text.clone(),
                link: s.link.as_str().to_owned(),
                uses: s.uses,
                sources: s
                    .sources
                    .iter()
                    .map(|&x| context.source_id(x).to_owned())
                    .collect(),
            })
            .collect(),
    })
}

/// What could not be read, with where.
pub(super) fn problems(context: &Context<'_>) -> Vec<Problem> {
    context
        .problems()
        .map(|problem| {
            let place = context.place(problem);
            Problem {
                code: problem.code.as_str().to_owned(),
                line: place.as_ref().map(|(_, line)| *line),
                file: place.map(|(file, _)| file),
                message: problem.message.clone(),
                help: problem.help.clone(),
            }
        })
        .collect()
}

/// The findings about no fact's values.
pub(super) fn other_findings<'a>(
    context: &'a Context<'_>,
) -> impl Iterator<Item = OtherFinding> + 'a {
    context.other_findings().into_iter().map(|finding| {
        let place = context.place(finding);
        OtherFinding {
            code: finding.code.as_str().to_owned(),
            severity: finding.severity.as_str().to_owned(),
            status: finding.status.as_str().to_owned(),
            fingerprint: finding.fingerprint(),
            message: finding.message.clone(),
            line: place.as_ref().map(|(_, line)| *line),
            file: place.map(|(file, _)| file),
        }
    })
}

/// One fact, as the document and the JSON Lines report give it.
pub(super) fn fact(context: &Context<'_>, fact: &FactAssessment) -> Fact {
    let dataset = context.dataset();
    let kind = fact
        .claims
        .first()
        .map_or("text", |&c| kind_name(&context.claim(c).value));
    let (best, tie) = match (&fact.best, &fact.set) {
        (Best::Value(i), _) => (vec![*i], false),
        (Best::Tie(tied), _) => (tied.clone(), true),
        (Best::None, Some(set)) => (set.supported.clone(), false),
        (Best::None, None) => (Vec::new(), false),
    };
    Fact {
        subject: fact.label.subject.clone(),
        property: fact.label.property.clone(),
        qualifiers: fact.label.qualifiers.clone(),
        kind: kind.to_owned(),
        multi: fact.multi,
        status: fact.status.as_str().to_owned(),
        verdict: fact.verdict.map(|v| v.as_str().to_owned()),
        gap: fact.gap.clone(),
        sources: fact.sources,
        claims: fact
            .claims
            .iter()
            .map(|&c| fact_claim(context, context.claim(c)))
            .collect(),
        values: fact
            .values
            .iter()
            .map(|value| fact_value(context, value))
            .collect(),
        best,
        tie,
        set: fact.set.as_ref().map(|set| FactSet {
            supported: set.supported.clone(),
            unsupported: set.unsupported.clone(),
            counted_as: set.counted_as.iter().map(|&(a, b)| [a, b]).collect(),
        }),
        findings: fact
            .findings
            .iter()
            .map(|&index| {
                let finding = &context.checked.findings[index];
                let (status, review) = match finding.status {
                    FindingStatus::Open => ("open", None),
                    FindingStatus::Baselined => ("baselined", None),
                    FindingStatus::Reviewed(r) => (
                        "reviewed",
                        dataset.reviews.get(r).map(|r| FactReview {
                            decision: r.decision.as_str().to_owned(),
                            reason: r.reason.clone(),
                            reviewer: r.reviewer.clone(),
                            date: r.date.clone(),
                        }),
                    ),
                };
                FactFinding {
                    code: finding.code.as_str().to_owned(),
                    severity: finding.severity.as_str().to_owned(),
                    status: status.to_owned(),
                    fingerprint: finding.fingerprint(),
                    message: finding.message.clone(),
                    review,
                }
            })
            .collect(),
        answer: answer(context, fact).and_then(|answer| {
            let claim = context.claim(answer.claim);
            let review = dataset.reviews.get(answer.review)?;
            Some(FactAnswer {
                claim: claim.key.to_string(),
                source: context.source_id(claim.source).to_owned(),
                stated: claim.stated.to_string(),
                normalized: normal_form(dataset, claim),
                review: FactReview {
                    decision: review.decision.as_str().to_owned(),
                    reason: review.reason.clone(),
                    reviewer: review.reviewer.clone(),
                    date: review.date.clone(),
                },
            })
        }),
    }
}

/// One distinct value of a fact, with who supports it and how much.
fn fact_value(context: &Context<'_>, value: &ValueSupport) -> FactValue {
    let keys = |claims: &[u32]| -> Vec<String> {
        claims
            .iter()
            .map(|&c| context.claim(c).key.to_string())
            .collect()
    };
    let first = value.claims.first().map(|&c| context.claim(c));
    FactValue {
        stated: first.map(|c| c.stated.to_string()).unwrap_or_default(),
        normalized: first
            .map(|c| normal_form(context.dataset(), c))
            .unwrap_or_default(),
        claims: keys(&value.claims),
        supporters: keys(&value.supporters),
        support: value.support,
        against: keys(&value.disagreeing),
        confidence: value.confidence.map(four_decimals),
        weight: value.weight.map(four_decimals),
    }
}

fn fact_claim(context: &Context<'_>, claim: &Claim) -> FactClaim {
    let dataset = context.dataset();
    FactClaim {
        key: claim.key.to_string(),
        source: context.source_id(claim.source).to_owned(),
        id: claim.handle(),
        stated: claim.stated.to_string(),
        normalized: normal_form(dataset, claim),
        interval: match &claim.value {
            Value::Date(date) => Some(Interval::of(date)),
            _ => None,
        },
        time_interval: match &claim.value {
            Value::DateTime(time) => Some(TimeInterval::of(time)),
            _ => None,
        },
        currency: match &claim.value {
            Value::Number(Quantity {
                unit: Unit::Currency(currency),
                ..
            }) => Some(currency.symbol().to_owned()),
            _ => None,
        },
        quote: claim.quote.as_ref().map(|(q, _)| q.to_string()),
        cites: claim.cites.as_deref().map(str::to_owned),
        file: dataset.files.get(claim.value_span.file).display_path(),
        line: dataset.files.start(claim.value_span).line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;
    use crate::render::report::inputs;
    use crate::safe::json_safe;
    use crate::testing::{check, source};

    #[test]
    fn the_streamed_document_is_the_document_serialized() {
        let checked = check(
            &[
                (
                    "alpha",
                    &source(&[
                        ("Institute\\u0085\\u202e", "founded", "1977"),
                        ("Institute\\u0085\\u202e", "opened", "x"),
                        ("Institute\\u0085\\u202e", "staff", "12"),
                    ]),
                ),
                (
                    "beta",
                    &source(&[
                        ("Institute\\u0085\\u202e", "founded", "1990"),
                        ("Instituet", "mascot", "owl \\u00e9\\u2028"),
                        ("Institute\\u0085\\u202e", "staff", "14"),
                    ]),
                ),
            ],
            Some("[[property]]\nname = \"opened\"\ntype = \"date\"\n"),
        );
        let assessment = assess(&checked);
        let inputs = inputs(&checked.dataset.files);
        let context = Context {
            checked: &checked,
            assessment: &assessment,
            inputs: &inputs,
        };
        let document = document(&context);
        assert!(!document.problems.is_empty() && !document.findings.is_empty());
        assert!(document.facts.len() >= 3);
        let mut expected = json_safe(serde_json::to_string_pretty(&document).unwrap());
        expected.push('\n');
        assert_eq!(render(&context), expected);
        assert!(expected.contains("\\u0085"), "escaped: {expected}");
    }
}
