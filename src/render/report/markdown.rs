//! The Markdown report: what a researcher reads first (the default format of `report`).
//!
//! Owns the layout: first, what could not be read (when anything could not); a summary of the
//! facts by status; one section per contested fact (what each source says, the verdict and the
//! gap, the answer a review settled on, the best-supported value, the findings and reviews);
//! the other findings (quotes, names, copies); a table of the facts several sources agree on;
//! a table of the facts only one source speaks of; a table per source; the dependent sources;
//! the names written more than one way. Every piece of dataset text is escaped, so
//! that a value cannot break a table or inject markup.

use std::fmt::Write as _;

use crate::assess::{FactAssessment, Status};
use crate::render::printable;

use crate::model::SourceIx;

use super::{
    Context, Evidence, NO_DEPENDENCES, SUPPORT_NOTE, answer, answer_sentence, best_cells,
    best_sentence, dependence_sentence, dependency_cells, finding_status, meaning, normal_form,
    place_text, reliability_cell, sources_of,
};

/// The whole report, with a final newline.
#[must_use]
pub fn render(context: &Context<'_>) -> String {
    let mut out = String::from("# factcheck report\n\n");
    problems(context, &mut out);
    summary(context, &mut out);
    contested(context, &mut out);
    other_findings(context, &mut out);
    corroborated(context, &mut out);
    single_source(context, &mut out);
    sources(context, &mut out);
    dependences(context, &mut out);
    names(context, &mut out);
    inputs(context, &mut out);
    out
}

/// What could not be read, first: the rest of the report leaves it out.
fn problems(context: &Context<'_>, out: &mut String) {
    let problems: Vec<_> = context.problems().collect();
    if problems.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Problems\n\n**This report is incomplete:** factcheck could not read everything ({}); \
         what it could not read is left out of everything below. Fix it and run `factcheck report` \
         again.\n",
        counted(problems.len(), "problem")
    );
    out.push_str("| where | code | problem |\n| --- | --- | --- |\n");
    for problem in problems {
        let mut message = cell(&problem.message);
        if let Some(help) = &problem.help {
            let _ = write!(message, " (help: {})", cell(help));
        }
        let _ = writeln!(
            out,
            "| {} | `{}` | {} |",
            cell(&place_text(context.place(problem).as_ref())),
            problem.code,
            message
        );
    }
    out.push('\n');
}

/// "1 problem", "3 problems".
fn counted(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn summary(context: &Context<'_>, out: &mut String) {
    let s = &context.checked.summary;
    let counts = &context.assessment.counts;
    let _ = writeln!(
        out,
        "{} sources, {} claims, {} facts ({} spoken of by more than one source).\n",
        s.sources, s.claims, s.facts, s.compared
    );
    out.push_str("| status | facts | meaning |\n| --- | ---: | --- |\n");
    for status in Status::ALL {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            status.as_str(),
            counts.of(status),
            meaning(status)
        );
    }
    let _ = writeln!(
        out,
        "\nOpen findings: {} errors, {} warnings ({} reviewed); `factcheck check` lists them all.\n",
        s.errors, s.warnings, s.reviewed
    );
}

fn contested(context: &Context<'_>, out: &mut String) {
    let facts: Vec<&FactAssessment> = context.contested().collect();
    out.push_str("## Contested facts\n\n");
    if facts.is_empty() {
        out.push_str("No two sources disagree.\n\n");
        return;
    }
    for fact in facts {
        contested_fact(context, fact, out);
    }
}

fn contested_fact(context: &Context<'_>, fact: &FactAssessment, out: &mut String) {
    let dataset = context.dataset();
    let _ = writeln!(out, "### {}\n", text(&fact.label.to_string()));
    let verdict = match (fact.status, fact.verdict) {
        (Status::Reviewed, Some(verdict)) => format!("reviewed {verdict}"),
        (status, _) => status.as_str().to_owned(),
    };
    let _ = write!(out, "**Verdict:** {verdict}");
    if let Some(gap) = &fact.gap {
        let _ = write!(out, ": {}", text(gap));
    }
    out.push_str(".\n\n");
    out.push_str("| source | says | normalized | quote |\n| --- | --- | --- | --- |\n");
    for &index in &fact.claims {
        let claim = context.claim(index);
        let source = &dataset.sources[claim.source.0 as usize];
        let quote = claim
            .quote
            .as_ref()
            .map_or_else(String::new, |(q, _)| format!("“{}”", cell(q)));
        let _ = writeln!(
            out,
            "| {} | {} | `{}` | {} |",
            cell(&source.id),
            cell(&claim.stated),
            code(&normal_form(dataset, claim)),
            quote
        );
    }
    out.push('\n');
    if let Some(answer) = answer(context, fact) {
        let _ = writeln!(
            out,
            "**Answer:** {}.\n",
            answer_sentence(context, &answer, text)
        );
    }
    if let Some(best) = best_sentence(context, fact) {
        let _ = writeln!(out, "**Best supported:** {}.\n", text(&best));
    }
    for &index in &fact.findings {
        let finding = &context.checked.findings[index];
        let status = finding_status(context, finding, text);
        let _ = writeln!(
            out,
            "- `{}` ({}, `{}`): {}",
            finding.code,
            finding.severity,
            finding.fingerprint(),
            status
        );
    }
    if !fact.findings.is_empty() {
        out.push('\n');
    }
}

fn corroborated(context: &Context<'_>, out: &mut String) {
    let facts: Vec<&FactAssessment> = context.corroborated().collect();
    out.push_str("## Facts the sources agree on\n\n");
    if facts.is_empty() {
        out.push_str("No fact is spoken of by two sources that agree.\n\n");
        return;
    }
    out.push_str("| fact | status | best supported | support | sources |\n");
    out.push_str("| --- | --- | --- | ---: | --- |\n");
    for fact in facts {
        let (value, support) = best_cells(context, fact, cell);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&fact.label.to_string()),
            fact.status.as_str(),
            value,
            support,
            cell(&sources_of(context, &fact.claims).join(", "))
        );
    }
    out.push('\n');
}

/// Findings about no fact's values: quotes, names, copies, order constraints, reviews.
fn other_findings(context: &Context<'_>, out: &mut String) {
    let findings = context.other_findings();
    out.push_str("## Other findings\n\n");
    if findings.is_empty() {
        out.push_str("No finding about quotes, names, copies or constraints.\n\n");
        return;
    }
    out.push_str(
        "| where | code | severity | status | finding |\n| --- | --- | --- | --- | --- |\n",
    );
    for finding in findings {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            cell(&place_text(context.place(finding).as_ref())),
            finding.code,
            finding.severity,
            cell(&finding_status(context, finding, text)),
            cell(&finding.message)
        );
    }
    out.push('\n');
}

/// The facts only one source speaks of: what a researcher most needs to corroborate.
fn single_source(context: &Context<'_>, out: &mut String) {
    let facts: Vec<&FactAssessment> = context.single_source().collect();
    out.push_str("## Facts only one source speaks of\n\n");
    if facts.is_empty() {
        out.push_str("Every fact is spoken of by at least two sources.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "{} no other source corroborates:\n",
        counted(facts.len(), "fact")
    );
    out.push_str("| fact | says | source | where |\n| --- | --- | --- | --- |\n");
    for [fact, says, source, place] in context.uncorroborated_rows() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&fact),
            cell(&says),
            cell(&source),
            cell(&place)
        );
    }
    out.push('\n');
}

fn sources(context: &Context<'_>, out: &mut String) {
    let dataset = context.dataset();
    out.push_str("## Sources\n\n");
    out.push_str(
        "| source | title | claims | corroborated | contradicted | single-source | reliability \
         | declared dependencies | detected dependencies |\n| --- | --- | ---: | ---: | ---: | \
         ---: | ---: | --- | --- |\n",
    );
    for ((index, source), counts) in dataset
        .sources
        .iter()
        .enumerate()
        .zip(&context.assessment.sources)
    {
        let ix = SourceIx(u32::try_from(index).unwrap_or(u32::MAX));
        let (declared, detected) = dependency_cells(context, ix, cell);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&source.id),
            cell(&source.title),
            counts.claims,
            counts.corroborated,
            counts.contradicted,
            counts.single_source,
            reliability_cell(context, index),
            declared,
            detected
        );
    }
    let _ = writeln!(out, "\n{SUPPORT_NOTE}\n");
}

fn dependences(context: &Context<'_>, out: &mut String) {
    out.push_str("## Dependent sources\n\n");
    let dependences = &context.checked.comparison.dependences;
    if dependences.is_empty() {
        let _ = writeln!(out, "{NO_DEPENDENCES}\n");
        return;
    }
    for dependence in dependences {
        let (a, b) = dependence.sources;
        let _ = writeln!(
            out,
            "### {} and {}\n\n{}; they count as one independent source.\n",
            text(context.source_id(a)),
            text(context.source_id(b)),
            dependence_sentence(dependence)
        );
        if dependence.evidence() == 0 {
            continue;
        }
        let _ = writeln!(
            out,
            "| {} | {} | shared | in common |\n| --- | --- | --- | --- |",
            cell(context.source_id(a)),
            cell(context.source_id(b))
        );
        let (listed, more) = Evidence::listed(dependence);
        for evidence in listed {
            let (x, y) = evidence.claims();
            let shared = evidence.shared(context);
            let shared = match evidence {
                Evidence::Quote(..) => format!("“{}”", cell(&shared)),
                Evidence::Value(..) => cell(&shared),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                cell(&context.claim(x).handle()),
                cell(&context.claim(y).handle()),
                evidence.kind(),
                shared
            );
        }
        if more > 0 {
            let _ = writeln!(
                out,
                "\n…and {more} more pairs of claims (all are counted above)."
            );
        }
        out.push('\n');
    }
}

fn names(context: &Context<'_>, out: &mut String) {
    out.push_str("## Names\n\n");
    let groups = &context.assessment.names;
    if groups.is_empty() {
        out.push_str("Every name is written one way.\n\n");
        return;
    }
    out.push_str(
        "| canonical | spelling | how | uses | sources |\n| --- | --- | --- | ---: | --- |\n",
    );
    for group in groups {
        let canonical = if group.declared {
            format!("{} (declared)", cell(&group.canonical))
        } else {
            cell(&group.canonical)
        };
        for spelling in &group.spellings {
            let sources: Vec<&str> = spelling
                .sources
                .iter()
                .map(|&s| context.source_id(s))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                canonical,
                cell(&spelling.text),
                spelling.link.as_str(),
                spelling.uses,
                cell(&sources.join(", "))
            );
        }
    }
    out.push('\n');
}

fn inputs(context: &Context<'_>, out: &mut String) {
    out.push_str("## Inputs\n\n| file | bytes | SHA-256 |\n| --- | ---: | --- |\n");
    for input in context.inputs {
        let _ = writeln!(
            out,
            "| {} | {} | `{}` |",
            cell(&input.path),
            input.bytes,
            input.sha256
        );
    }
    let _ = writeln!(out, "\nMade by factcheck {}.", env!("CARGO_PKG_VERSION"));
}

/// Dataset text in running Markdown: printable, with every character Markdown or HTML could
/// read as markup backslash-escaped, so that it shows as written in the rendered page and
/// stays readable in the raw file (`a \<b>`, not `a &lt;b&gt;`: an entity is HTML, and
/// Markdown does not need it). `<` and `&` followed by a space or the end cannot open a tag,
/// an autolink or an entity, so they stay as written ("1 < 2", "R & D"); `>` can only quote a
/// block at the start of a line, so only a leading one is escaped.
fn text(raw: &str) -> String {
    let shown = printable(raw);
    let mut out = String::with_capacity(shown.len());
    let mut chars = shown.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let escape = match c {
            '<' | '&' => chars.peek().is_some_and(|next| !next.is_whitespace()),
            '>' => first,
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '$' | '~' | '!' => true,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        first = false;
    }
    out
}

/// Dataset text in a table cell: as [`text`], on one line.
fn cell(raw: &str) -> String {
    text(raw).replace(['\n', '\r'], " ")
}

/// Text inside a code span: backticks cannot be escaped there, so they are replaced.
fn code(raw: &str) -> String {
    printable(raw).replace('`', "'").replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_dataset_text_is_escaped() {
        assert_eq!(
            text("<script>alert(1)</script> *x* [a](b) | $5"),
            "\\<script>alert(1)\\</script> \\*x\\* \\[a\\](b) \\| \\$5"
        );
        assert_eq!(text("1 < 2 & 3 > 2"), "1 < 2 & 3 > 2", "nothing to escape");
        assert_eq!(
            text("AT&T &amp; &#60; <!-- <?x <a@b.c> <http://x>"),
            "AT\\&T \\&amp; \\&\\#60; \\<\\!-- \\<?x \\<a@b.c> \\<http://x>"
        );
        assert_eq!(text("> quoted"), "\\> quoted");
        assert_eq!(text("a<"), "a<");
        assert_eq!(cell("a\nb"), "a\\\\nb", "shown as an escaped line break");
        assert_eq!(code("a`b|c"), "a'b\\|c");
    }

    /// Markdown's reading of backslash escapes: `\\` before ASCII punctuation leaves the
    /// character as written.
    fn unescaped(markdown: &str) -> String {
        let mut out = String::new();
        let mut chars = markdown.chars().peekable();
        while let Some(c) = chars.next() {
            match chars.peek() {
                Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                    out.push(next);
                    chars.next();
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Where an unescaped `<` or `&` is followed by something other than a space, or an
    /// unescaped `>` starts the text: what could open a tag, an autolink, an entity or a
    /// block quote.
    fn markup_openings(markdown: &str) -> Vec<usize> {
        let chars: Vec<char> = markdown.chars().collect();
        let mut escaped = false;
        let mut found = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            if escaped {
                escaped = false;
                continue;
            }
            let next_is_text = chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
            match c {
                '\\' => escaped = true,
                '<' | '&' if next_is_text => found.push(i),
                '>' if i == 0 => found.push(i),
                _ => {}
            }
        }
        found
    }

    proptest::proptest! {
        /// The rendered text reads as the text written (once made printable), and nothing
        /// in it can open HTML, an entity or a quote.
        #[test]
        fn escaped_text_shows_as_written_and_opens_no_markup(
            raw in "[<>&a-z \\\\*_`#!\\[\\];/?@:=-]{0,40}"
        ) {
            let markdown = text(&raw);
            proptest::prop_assert_eq!(unescaped(&markdown), printable(&raw).into_owned());
            proptest::prop_assert_eq!(markup_openings(&markdown), Vec::<usize>::new());
            proptest::prop_assert!(!markdown.contains("&lt;") || raw.contains("&lt;"));
        }
    }
}
