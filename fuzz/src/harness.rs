//! What each fuzz target does with its input.
//!
//! Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and by the regression tests
//! (`tests/fuzz_regressions.rs` includes this file by path), so that a committed reproducer
//! runs exactly the code that failed under the fuzzer. It may use only what the main crate
//! has too: `factcheck`, `serde_json` and `roxmltree` (a dev-dependency there); the
//! `arbitrary` side of the `render` target lives in `render_input.rs`, fuzz-only.
//!
//! Every function takes the fuzzer's bytes, runs a stage of factcheck on them and checks the
//! laws the code documents (dates are intervals, comparisons are symmetric, machine formats
//! parse, the fuzzy index agrees with brute force...). A panic anywhere, in factcheck or in a
//! law, is a crash; libFuzzer's `-timeout` and `-rss_limit_mb` catch hangs and memory blow-ups.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use factcheck::files::{FileId, Files, Span};
use factcheck::findings::{Code, FactLabel, Finding};
use factcheck::fs::MemoryFs;
use factcheck::fs::root::lexical;
use factcheck::load::{Access, Request, RulesPath, claims, reviews, rules};
use factcheck::model::date::DateValue;
use factcheck::model::quantity::Tolerance;
use factcheck::model::review::Review;
use factcheck::normalize::names::{Declaration, Interner, NameSettings, Role, Use};
use factcheck::normalize::{acronym, fold, fuzzy};
use factcheck::render::human::Style;
use factcheck::render::{Report, Summary};
use factcheck::{assess, baseline, compare, normalize, render, triage};

/// 2025-01-01 as a day number: "today" for review expiry in the whole-pipeline target.
const TODAY: factcheck::model::date::Day = factcheck::model::date::Day(739_252);

/// Claims files read by the whole-pipeline target (the rest of the input is ignored).
const MAX_CLAIMS_FILES: usize = 8;

/// Names read by the `names` target; pairs are checked among the first [`MAX_PAIRED`].
const MAX_NAMES: usize = 64;
const MAX_PAIRED: usize = 8;

/// Whether to check that output for terminals and logs carries no escape character (the
/// escaping law of `tests/hostile/escaping.rs`): on unless `FACTCHECK_FUZZ_ESCAPES=0`.
fn check_escapes() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("FACTCHECK_FUZZ_ESCAPES").is_none_or(|v| v != "0"))
}

/// The fuzzer's bytes as a file's text, as the loader sees a file that is not UTF-8 (each bad
/// sequence replaced), with where the first bad byte was.
fn text_of(data: &[u8]) -> (Arc<str>, Option<usize>) {
    match std::str::from_utf8(data) {
        Ok(text) => (Arc::from(text), None),
        Err(error) => (
            Arc::from(String::from_utf8_lossy(data).as_ref()),
            Some(error.valid_up_to()),
        ),
    }
}

/// The load problem `load::load` reports for a file that is not UTF-8.
fn encoding_problem(file: FileId, valid_up_to: usize) -> Finding {
    Finding::new(Code::LoadEncoding, "the file is not valid UTF-8").at(
        Span::new(file, valid_up_to..valid_up_to + '\u{FFFD}'.len_utf8()),
        "the first byte that is not UTF-8",
    )
}

/// Law: every location a loader reports lies inside the file it names.
fn assert_inside(files: &Files, findings: &[Finding]) {
    for finding in findings {
        for location in &finding.locations {
            let text = &files.get(location.span.file).text;
            let range = location.span.range();
            assert!(
                range.start <= range.end && range.end <= text.len(),
                "{} points outside its file ({range:?} of {} bytes): {finding:?}",
                finding.code,
                text.len()
            );
        }
    }
}

/// One file, one loader, then the human format over the problems found (the format whose
/// snippets read the file around every span; the others only turn spans into positions,
/// which the `render` target covers with arbitrary spans at a fraction of the cost).
fn load_one(
    path: &str,
    data: &[u8],
    read: impl FnOnce(FileId, &str, &mut Vec<Finding>),
) -> (Files, Vec<Finding>) {
    let (text, invalid) = text_of(data);
    let mut files = Files::new();
    let file = files.add(PathBuf::from(path), Arc::clone(&text));
    let mut problems = Vec::new();
    read(file, &text, &mut problems);
    assert_inside(&files, &problems);
    if let Some(valid_up_to) = invalid {
        problems.push(encoding_problem(file, valid_up_to));
    }
    render_problems(&files, &problems);
    (files, problems)
}

/// The problems of a loader, rendered as `check` shows load problems.
fn render_problems(files: &Files, problems: &[Finding]) {
    let mut summary = Summary::default();
    summary.count(problems);
    let report = Report {
        files,
        findings: problems,
        summary: &summary,
        facts: &[],
        reviews: &[],
        invocation: "",
    };
    let human = render::human::render(&report, Style::default());
    if check_escapes() {
        assert!(!human.contains('\u{1b}'), "{human:?}");
    }
}

/// Target `load_claims`: one claims file (`load::claims::read`).
pub fn load_claims(data: &[u8]) {
    load_one("claims/fuzz.toml", data, |file, text, problems| {
        let loaded = claims::read(file, "fuzz".to_owned(), text, problems);
        assert_eq!(loaded.file, file);
    });
}

/// Target `load_table`: one table of claims (`load::table::read`). The first byte picks the
/// format (its value mod 3: CSV, TSV, JSON Lines) and, with bit 4 set, gzip for the rest.
/// Laws: every location a finding or a claim carries lies inside the decompressed text.
pub fn load_table(data: &[u8]) {
    use factcheck::load::table::decode::{Compression, decode, decompress};
    use factcheck::load::table::delimited::Dialect;
    use factcheck::load::table::{self, Format};
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let format = match pick % 3 {
        0 => Format::Delimited(Dialect::Csv),
        1 => Format::Delimited(Dialect::Tsv),
        _ => Format::JsonLines,
    };
    let bytes = if pick & 4 == 0 {
        rest.to_vec()
    } else {
        match decompress(rest.to_vec(), Compression::Gzip, 1 << 20) {
            Ok(bytes) => bytes,
            Err(_) => return,
        }
    };
    let decoded = decode(bytes);
    let mut files = Files::new();
    let file = files.add(PathBuf::from("claims/fuzz.csv"), Arc::clone(&decoded.text));
    let mut problems = Vec::new();
    let input = table::read(file, "fuzz", &decoded, format, &mut problems);
    assert_inside(&files, &problems);
    let len = decoded.text.len();
    for claim in &input.claims {
        let spans = [
            claim.span,
            claim.subject.span,
            claim.property.span,
            claim.value.span,
        ];
        for span in spans {
            assert!(
                span.start <= span.end && span.end as usize <= len,
                "{span:?} of {len} bytes"
            );
        }
        assert!(claim.origin.ordinal >= 1);
    }
    render_problems(&files, &problems);
}

/// Target `load_rules`: `rules.toml` (`load::rules::read`).
pub fn load_rules(data: &[u8]) {
    load_one("rules.toml", data, |file, text, problems| {
        let _ = rules::read(file, text, problems);
    });
}

/// Target `load_reviews`: a reviews file (`load::reviews::read`).
pub fn load_reviews(data: &[u8]) {
    load_one("reviews.toml", data, |file, text, problems| {
        let _ = reviews::read(file, text, problems);
    });
}

/// Target `baseline`: a baseline file (`baseline::read`), which `check` reads as UTF-8 text.
pub fn baseline(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = baseline::read(text);
    }
}

/// Target `date`: the first line says what anchors relative dates (empty: nothing; `@A..B`:
/// the days A to B, any `i32`; else a date read without an anchor), the rest is the date
/// (`normalize::date::parse_date`). Checks that a date is an interval that can be shown, that
/// it equals itself, and that comparing it with the anchor is symmetric.
pub fn date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (anchor, rest) = text.split_once('\n').unwrap_or(("", &text));
    let published = published(anchor);
    datetime(rest, published.as_ref());
    let Ok(value) = normalize::date::parse_date(rest, published.as_ref()) else {
        return;
    };
    assert!(value.earliest <= value.latest, "{rest:?} gave {value:?}");
    let _ = value.describe();
    let _ = value.edtf();
    assert_eq!(
        compare::date::compare_dates(&value, &value),
        compare::verdict::Verdict::Equal
    );
    if let Some(anchor) = &published {
        assert_eq!(
            compare::date::compare_dates(&value, anchor),
            compare::date::compare_dates(anchor, &value)
        );
        let gap = compare::date::date_gap(&value, anchor);
        assert_eq!(gap, compare::date::date_gap(anchor, &value));
        if let Some(gap) = gap {
            let _ = gap.describe();
        }
    }
}

/// The same text as a date-time: a non-empty interval that equals itself, shows without
/// panicking, and compares symmetrically with a fixed local and a fixed zoned value.
fn datetime(text: &str, published: Option<&DateValue>) {
    use factcheck::compare::time::{compare_datetimes, time_gap};
    let Ok(value) = normalize::time::read_datetime(text, published, None) else {
        return;
    };
    assert!(value.start < value.end, "{text:?} gave {value:?}");
    let _ = (value.describe(), value.iso());
    assert_eq!(
        compare_datetimes(&value, &value),
        Ok(compare::verdict::Verdict::Equal)
    );
    for other in ["2011-12-01 13:55", "13:55 CST"] {
        let Ok(other) = normalize::time::read_datetime(other, None, None) else {
            continue;
        };
        assert_eq!(
            compare_datetimes(&value, &other).ok(),
            compare_datetimes(&other, &value).ok()
        );
        let gap = time_gap(&value, &other);
        assert_eq!(gap, time_gap(&other, &value));
        if let Some(gap) = gap {
            let _ = gap.describe();
        }
    }
}

fn published(line: &str) -> Option<DateValue> {
    if line.is_empty() {
        return None;
    }
    if let Some((a, b)) = line.strip_prefix('@').and_then(|s| s.split_once("..")) {
        let (a, b) = (a.trim().parse::<i32>().ok()?, b.trim().parse::<i32>().ok()?);
        return Some(DateValue {
            earliest: factcheck::model::date::Day(a.min(b)),
            latest: factcheck::model::date::Day(a.max(b)),
            granularity: factcheck::model::date::Granularity::Span,
            margin: 0,
            approximate: false,
            relative: false,
        });
    }
    let value = normalize::date::parse_date(line, None).ok()?;
    let _ = value.describe();
    let _ = value.edtf();
    Some(value)
}

/// Target `number`: each of the first two lines is a number (`normalize::number::parse_number`).
/// Checks that a number can be shown, equals itself, and compares symmetrically with the other.
pub fn number(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut lines = text.splitn(2, '\n');
    let quantities: Vec<_> = lines
        .by_ref()
        .filter_map(|line| normalize::number::parse_number(line).ok())
        .collect();
    let tolerances = [
        None,
        Some(Tolerance::Relative(0.05)),
        Some(Tolerance::Absolute(1.0)),
        Some(Tolerance::Measured(
            1.0,
            factcheck::model::quantity::Unit::Measure(
                factcheck::model::quantity::Dimension::Length,
            ),
        )),
    ];
    for quantity in &quantities {
        let _ = quantity.key();
        let _ = quantity.describe();
        assert_eq!(
            compare::number::compare_quantities(quantity, &quantity.clone(), None),
            compare::number::NumberComparison::Comparable(compare::verdict::Verdict::Equal),
            "{quantity:?}"
        );
    }
    if let [a, b] = quantities.as_slice() {
        for tolerance in &tolerances {
            assert_eq!(
                compare::number::compare_quantities(a, b, tolerance.as_ref()),
                compare::number::compare_quantities(b, a, tolerance.as_ref()),
                "{a:?} / {b:?} with {tolerance:?}"
            );
        }
        assert_eq!(
            compare::number::difference(a, b),
            compare::number::difference(b, a)
        );
    }
}

/// Target `names`: one name per line. Folds each (`normalize::fold`: idempotent), reads it as an
/// acronym (`normalize::acronym`), matches pairs fuzzily (`normalize::fuzzy::compare`:
/// symmetric; `matching_pairs` must find what brute force finds), finds acronym definitions in
/// the whole text (their ranges must slice the text), and resolves the names
/// (`normalize::names::resolve`), a line `= A | B | C` declaring an entity with its aliases.
pub fn names(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let lines: Vec<&str> = text.lines().take(MAX_NAMES).collect();
    let folded: Vec<Vec<String>> = lines.iter().map(|line| fold::fold_words(line)).collect();
    for (line, words) in lines.iter().zip(&folded) {
        let once = fold::fold(line);
        assert_eq!(once, words.join(" "));
        assert_eq!(
            fold::fold(&once),
            once,
            "folding {line:?} is not idempotent"
        );
        if !once.is_empty() {
            assert_eq!(fold::compact_key(&once), fold::compact_key(line));
        }
        let _ = fold::is_blank(line);
        let _ = fold::digit_runs(words).count();
        let _ = acronym::is_acronym(line);
        let _ = acronym::letters(line);
        let _ = acronym::initials(line);
        let _ = acronym::possible_acronyms(line);
    }
    let paired = lines.len().min(MAX_PAIRED);
    for i in 0..paired {
        for j in 0..paired {
            let _ = acronym::is_initials_of(lines[i], lines[j]);
            for min_length in [0, 4] {
                assert_eq!(
                    fuzzy::compare(&folded[i], &folded[j], min_length),
                    fuzzy::compare(&folded[j], &folded[i], min_length),
                    "{:?} / {:?}",
                    lines[i],
                    lines[j]
                );
            }
        }
    }
    assert_eq!(
        fuzzy::matching_pairs(&folded, 4),
        fuzzy::matching_pairs_brute(&folded, 4)
    );
    let definitions = acronym::definitions(&text);
    for definition in &definitions {
        assert_eq!(
            text.get(definition.acronym_range.clone()),
            Some(definition.acronym.as_str())
        );
        assert_eq!(
            text.get(definition.expansion_range.clone()),
            Some(definition.expansion.as_str())
        );
    }
    resolve(&lines, &definitions);
}

fn resolve(lines: &[&str], definitions: &[acronym::Definition]) {
    let span = Span::new(FileId(0), 0..0);
    let mut interner = Interner::default();
    let mut declarations = Vec::new();
    let mut mentioned = Vec::new();
    let mut uses = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if let Some(declared) = line.strip_prefix('=') {
            let mut spellings = declared
                .split('|')
                .map(|s| (interner.declare(s.trim()), span));
            if let Some(canonical) = spellings.next() {
                declarations.push(Declaration {
                    canonical,
                    aliases: spellings.collect(),
                    span,
                });
            }
        } else {
            let source = u32::try_from(index % 3).unwrap_or(0);
            let spelling = interner.mention(line, source);
            // Every other line states the same fact: evidence for variants to weigh.
            let stated = if index % 2 == 0 { "same" } else { *line };
            uses.push(Use::new(spelling, source, Role::Subject(0), stated));
            mentioned.push(*line);
        }
    }
    let acronym_links: Vec<_> = definitions
        .iter()
        .map(|d| (interner.declare(&d.acronym), interner.declare(&d.expansion)))
        .collect();
    let resolution = normalize::names::resolve(
        interner,
        &declarations,
        &acronym_links,
        true,
        &NameSettings::default(),
        &uses,
    );
    for line in mentioned {
        assert!(
            resolution.lookup(line).is_some(),
            "{line:?} was mentioned but resolves to nothing"
        );
    }
}

/// Target `pipeline`: a whole dataset in memory, as `factcheck::check` would load it from disk,
/// normalized, compared, triaged, rendered in every `check` format and assessed and rendered
/// in every `report` format.
///
/// The input is split at NUL bytes (which TOML never contains): `rules.toml`, then the
/// reviews file (each left out when empty), then up to [`MAX_CLAIMS_FILES`] claims files. A
/// claims file may be followed by a 0x01 byte and its source's full text, used when its
/// `[source]` names a `text` (the one file read that is not TOML).
pub fn pipeline(data: &[u8]) {
    let mut sections = data.split(|&b| b == 0);
    let mut fs = MemoryFs::new();
    if let Some(rules) = sections.next().filter(|s| !s.is_empty()) {
        fs = fs.with("rules.toml", rules);
    }
    if let Some(reviews) = sections.next().filter(|s| !s.is_empty()) {
        fs = fs.with("reviews.toml", reviews);
    }
    for (index, data) in sections.take(MAX_CLAIMS_FILES).enumerate() {
        let (toml, source_text) = match data.iter().position(|&b| b == 1) {
            Some(at) => (&data[..at], Some(&data[at + 1..])),
            None => (data, None),
        };
        let path = format!("claims/s{index}.toml");
        // The source text goes where the claims file says it is, when that is a path the
        // loader may read: it then goes through the same confinement as on disk.
        if let Some(text) = source_text {
            if let Some(written) = text_path(toml) {
                fs = fs.with(lexical(&Path::new("claims").join(written)), text);
            }
        }
        fs = fs.with(path, toml);
    }
    let request = Request {
        claims_dir: "claims".into(),
        rules: RulesPath::Default("rules.toml".into()),
        reviews: RulesPath::Default("reviews.toml".into()),
        access: Access::default(),
    };
    let policy = triage::Policy {
        today: TODAY,
        ..triage::Policy::default()
    };
    let checked = factcheck::check_in(&fs, &request, &policy, &mut |_| {});
    assert_inside(&checked.dataset.files, &checked.findings);
    let report = Report::of(&checked, "claims");
    render_all(&report, Style::default());
    let assessment = assess::assess(&checked);
    let inputs = render::report::inputs(&checked.dataset.files);
    let context = render::report::Context {
        checked: &checked,
        assessment: &assessment,
        inputs: &inputs,
    };
    let markdown = render::report::markdown::render(&context);
    assert!(!markdown.is_empty());
    let html = render::report::html::render(&context);
    assert!(html.contains("</html>"), "the HTML report is not whole");
    let json = render::report::json::render(&context);
    assert_json(&json, "report --format json");
}

/// The `text` path a claims file names, if it parses and names one.
fn text_path(toml: &[u8]) -> Option<PathBuf> {
    let text = std::str::from_utf8(toml).ok()?;
    let mut files = Files::new();
    let file = files.add(PathBuf::from("claims/x.toml"), Arc::from(text));
    let loaded = claims::read(file, "x".to_owned(), text, &mut Vec::new());
    let written = loaded.source?.value.text?;
    Some(PathBuf::from(written.into_inner()))
}

/// Every `check` output format over one report (`human` twice: in `style` and as plain ASCII),
/// the GitHub step summary, the statistics and a baseline written and read back.
///
/// Laws: JSON and SARIF are JSON, `JUnit` is XML, a baseline reads back with one entry per
/// reviewable finding's fingerprint, and nothing meant for a terminal or a log carries an
/// escape character.
pub fn render_all(report: &Report<'_>, style: Style) {
    render_human(report, style);
    render_machine(report);
}

/// The human format in `style` and as plain ASCII (see [`render_all`]).
pub fn render_human(report: &Report<'_>, style: Style) {
    let human = render::human::render(report, style);
    let plain = render::human::render(
        report,
        Style {
            color: false,
            unicode: false,
            width: style.width,
        },
    );
    if check_escapes() {
        assert!(
            !plain.contains('\u{1b}') && (style.color || !human.contains('\u{1b}')),
            "an escape character reaches the human output:\n{plain:?}"
        );
    }
}

/// Every format but the human one (see [`render_all`]).
pub fn render_machine(report: &Report<'_>) {
    let concise = render::concise::render(report);
    let github = render::github::render(report);
    let step_summary = render::github::step_summary(report);
    let _ = render::statistics::render(report.findings);

    let json = render::json::render(report);
    assert_json(&json, "--format json");
    let sarif = render::sarif::render(report);
    assert_json(&sarif, "--format sarif");
    let junit = render::junit::render(report);
    if let Err(error) = roxmltree::Document::parse(&junit) {
        panic!("--format junit is not XML ({error}):\n{junit}");
    }

    let written = baseline::write(report.findings);
    let read = match baseline::read(&written) {
        Ok(read) => read,
        Err(error) => panic!("a written baseline does not read back: {error}\n{written}"),
    };
    for finding in report.findings.iter().filter(|f| f.code.is_reviewable()) {
        assert!(read.fingerprints.contains(&finding.fingerprint()));
    }

    if check_escapes() {
        for (format, output) in [("concise", &concise), ("github", &github)] {
            assert!(
                !output.contains('\u{1b}'),
                "an escape character reaches the {format} output:\n{output:?}"
            );
        }
        assert!(!step_summary.contains('\u{1b}'), "{step_summary:?}");
    }
}

fn assert_json(text: &str, format: &str) {
    if let Err(error) = serde_json::from_str::<serde_json::Value>(text) {
        panic!("{format} is not JSON ({error}):\n{text}");
    }
}

/// A report over these parts, for callers that build findings themselves (the `render`
/// target and the regression tests).
#[must_use]
pub fn report<'a>(
    files: &'a Files,
    findings: &'a [Finding],
    summary: &'a Summary,
    facts: &'a [FactLabel],
    reviews: &'a [Review],
    invocation: &'a str,
) -> Report<'a> {
    Report {
        files,
        findings,
        summary,
        facts,
        reviews,
        invocation,
    }
}
