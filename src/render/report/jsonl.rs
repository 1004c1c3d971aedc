//! The JSON Lines report (`report --format jsonl`): the JSON report's content as one JSON
//! object per line, written as each is made, so that a report of millions of facts is never
//! one document in memory.
//!
//! Owns the order and the envelope of the lines; each line's content is the JSON report's own
//! type ([`json::Fact`], [`json::Source`], …), so the two formats cannot drift apart. Every
//! line has a `kind`, and the object of that kind under the key of the same name (a fact has
//! a `kind` of its own, its value type):
//!
//! 1. one `header` line: `version`, `tool`, `inputs` and `summary` (the counts are known
//!    before any fact is written, so a consumer can tell a truncated stream: fewer `fact`
//!    lines than `summary.facts`);
//! 2. a `problem` line per thing that could not be read;
//! 3. a `fact` line per fact, in the JSON report's order;
//! 4. then `source`, `dependence`, `name` and `finding` (the findings about no fact) lines.
//!
//! Its JSON Schema, one schema for any line, is `factcheck schema report-line`. Every line is
//! written [`json_safe`]: no unsafe character reaches the output as itself. Must not decide
//! anything about the data.

use std::io::{self, Write};

use schemars::{JsonSchema, Schema};
use serde::Serialize;

use crate::safe::json_safe;

use super::Context;
use super::json::{self, Dependence, Fact, InputFile, NameGroup, OtherFinding, Problem, Source};
use super::json::{Summary, Tool, VERSION};

/// One line of `factcheck report --format jsonl`.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[schemars(title = "factcheck report line")]
pub enum Line {
    /// The first line: what the report is of.
    Header {
        /// The version of the lines' shape (1, as the JSON report's).
        version: u32,
        /// The program that made it.
        tool: Tool,
        /// Every file read, so that the report can be reproduced.
        inputs: Vec<InputFile>,
        /// Counts of what was read: as many `fact` lines follow as `summary.facts`.
        summary: Summary,
    },
    /// Something that could not be read, which the other lines leave out.
    Problem {
        /// The problem.
        problem: Problem,
    },
    /// A fact, as in the JSON report's `facts`.
    Fact {
        /// The fact.
        fact: Box<Fact>,
    },
    /// A source, as in the JSON report's `sources`.
    Source {
        /// The source.
        source: Source,
    },
    /// Two sources that depend on each other, as in the JSON report's `dependences`.
    Dependence {
        /// The dependence.
        dependence: Dependence,
    },
    /// An entity named more than one way, as in the JSON report's `names`.
    Name {
        /// The names.
        name: NameGroup,
    },
    /// A finding about no fact's values, as in the JSON report's `findings`.
    Finding {
        /// The finding.
        finding: OtherFinding,
    },
}

/// Writes the report, one line at a time, to `out` (unbuffered: give it a buffered writer).
///
/// # Errors
/// When `out` cannot be written.
pub fn write(context: &Context<'_>, out: &mut impl Write) -> io::Result<()> {
    line(
        out,
        &Line::Header {
            version: VERSION,
            tool: json::tool(),
            inputs: json::input_files(context),
            summary: json::summary(context),
        },
    )?;
    for problem in json::problems(context) {
        line(out, &Line::Problem { problem })?;
    }
    for fact in &context.assessment.facts {
        let fact = Box::new(json::fact(context, fact));
        line(out, &Line::Fact { fact })?;
    }
    for source in json::sources(context) {
        line(out, &Line::Source { source })?;
    }
    for dependence in json::dependences(context) {
        line(out, &Line::Dependence { dependence })?;
    }
    for name in json::names(context) {
        line(out, &Line::Name { name })?;
    }
    for finding in json::other_findings(context) {
        line(out, &Line::Finding { finding })?;
    }
    Ok(())
}

/// The whole report as text (for tests and small datasets).
#[must_use]
pub fn render(context: &Context<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write(context, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The JSON Schema of a line.
#[must_use]
pub fn schema() -> Schema {
    schemars::schema_for!(Line)
}

fn line(out: &mut impl Write, line: &Line) -> io::Result<()> {
    let text = serde_json::to_string(line).map_err(io::Error::other)?;
    let mut text = json_safe(text);
    text.push('\n');
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::assess::assess;
    use crate::render::report::inputs;
    use crate::testing::{check, source};

    fn lines(files: &[(&str, &str)], rules: Option<&str>) -> Vec<Value> {
        let checked = check(files, rules);
        let assessment = assess(&checked);
        let inputs = inputs(&checked.dataset.files);
        let context = Context {
            checked: &checked,
            assessment: &assessment,
            inputs: &inputs,
        };
        let text = render(&context);
        assert!(text.ends_with('\n'));
        let document = json::document(&context);
        let lines: Vec<Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
            .collect();
        // Each fact line is the JSON report's fact, field for field.
        let facts: Vec<&Value> = lines
            .iter()
            .filter(|l| l["kind"] == "fact")
            .map(|l| &l["fact"])
            .collect();
        let expected = serde_json::to_value(&document.facts).unwrap();
        assert_eq!(
            Value::from(facts.into_iter().cloned().collect::<Vec<_>>()),
            expected
        );
        lines
    }

    fn kinds(lines: &[Value]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l["kind"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn a_header_then_problems_then_facts_then_the_rest() {
        let lines = lines(
            &[
                (
                    "alpha",
                    &source(&[
                        ("Institute", "founded", "1977"),
                        ("Institute", "opened", "x"),
                    ]),
                ),
                (
                    "beta",
                    &source(&[
                        ("Institute", "founded", "1990"),
                        ("Instituet", "mascot", "owl"),
                    ]),
                ),
            ],
            Some("[[property]]\nname = \"opened\"\ntype = \"date\"\n"),
        );
        assert_eq!(
            kinds(&lines),
            [
                "header", "problem", "fact", "fact", "source", "source", "name", "finding"
            ]
        );
        let header = &lines[0];
        assert_eq!(header["version"], VERSION);
        assert_eq!(header["summary"]["facts"], 2, "as many fact lines follow");
        assert_eq!(header["inputs"].as_array().unwrap().len(), 3);
        assert_eq!(lines[1]["problem"]["code"], "factcheck::load::date");
        assert_eq!(
            lines[2]["fact"]["kind"], "date",
            "the fact keeps its own kind"
        );
        assert_eq!(lines[4]["source"]["id"], "alpha");
        assert_eq!(lines[7]["finding"]["code"], "factcheck::name::variant");
    }

    #[test]
    fn no_line_holds_a_control_character() {
        let lines_text = {
            let checked = check(
                &[
                    (
                        "alpha",
                        &source(&[("Bad\\u001b[31m\\u0085name", "p", "a\\u202eb")]),
                    ),
                    ("beta", &source(&[("Bad\\u001b[31m\\u0085name", "p", "c")])),
                ],
                None,
            );
            let assessment = assess(&checked);
            let inputs = inputs(&checked.dataset.files);
            render(&Context {
                checked: &checked,
                assessment: &assessment,
                inputs: &inputs,
            })
        };
        let mut facts = 0;
        for line in lines_text.lines() {
            assert!(
                !line.chars().any(crate::safe::is_unsafe),
                "unsafe character in {line}"
            );
            let value: Value = serde_json::from_str(line).unwrap();
            if value["kind"] == "fact" {
                facts += 1;
                let subject = value["fact"]["subject"].as_str().unwrap();
                assert!(subject.contains('\u{1b}'), "escaped, not lost: {subject}");
            }
        }
        assert_eq!(facts, 1);
    }
}
