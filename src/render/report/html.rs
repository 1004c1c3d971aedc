//! The HTML report: the Markdown report's content as one self-contained page, with a timeline
//! picture of the dates each source gives for every contested date fact.
//!
//! Owns the page: its head (a Content Security Policy that lets it load nothing, its inline
//! style sheet), a table of contents, and the same sections as the Markdown report in
//! semantic tables. No script, no external resource: the page reads the same in any browser,
//! offline, printed, or with scripts off. It is written as polyglot markup (well-formed XML
//! that HTML parsers read the same way), so a test can check its structure with an XML parser.
//!
//! Every piece of dataset text passes through [`escape`], in text and in attributes alike.

use std::fmt::Write as _;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::assess::{FactAssessment, Status};
use crate::model::{SourceIx, Value};
use crate::render::printable;

use super::timeline::time::TimeRow;
use super::timeline::{self, Row};
use super::{
    Context, Evidence, NO_DEPENDENCES, SUPPORT_NOTE, answer, answer_sentence, best_cells,
    best_sentence, dependence_sentence, dependency_cells, finding_status, meaning, normal_form,
    place_text, reliability_cell, sources_of,
};

/// The page's style sheet (no `<` or `&`, so it is also well-formed XML text).
const STYLE: &str = include_str!("report.css");

/// Forbids every load: no script, no frame, no request; only the inline style sheet and
/// `data:` images.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// Dataset text for HTML, in text and in double-quoted attribute values alike: made
/// [`printable`] (control characters and bidirectional overrides shown as escapes), then
/// `&`, `<`, `>`, `"` and `'` written as character references, so that no value can open a
/// tag, end an attribute or start an entity.
#[must_use]
pub fn escape(raw: &str) -> String {
    let text = printable(raw);
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page, with a final newline.
#[must_use]
pub fn render(context: &Context<'_>) -> String {
    let contested: Vec<(&FactAssessment, String)> = {
        let mut ids = Ids::default();
        context
            .contested()
            .map(|fact| (fact, ids.claim(&fact.label.to_string())))
            .collect()
    };
    let mut out = String::with_capacity(64 * 1024);
    head(&mut out);
    out.push_str("<body>\n<header>\n<h1>factcheck report</h1>\n");
    let s = &context.checked.summary;
    let _ = writeln!(
        out,
        "<p class=\"lead\">{} sources, {} claims, {} facts ({} spoken of by more than one source).</p>\n</header>",
        s.sources, s.claims, s.facts, s.compared
    );
    let problems = context.problems().count();
    if problems > 0 {
        let _ = writeln!(
            out,
            "<div class=\"banner\" role=\"alert\"><p><strong>This report is incomplete:</strong> \
             factcheck could not read everything ({}); what it could not read is left out. \
             <a href=\"#problems\">See the problems</a>, fix them and run \
             <code>factcheck report</code> again.</p></div>",
            if problems == 1 {
                "1 problem".to_owned()
            } else {
                format!("{problems} problems")
            }
        );
    }
    contents(&contested, problems > 0, &mut out);
    out.push_str("<main>\n");
    problems_section(context, &mut out);
    summary(context, &mut out);
    contested_facts(context, &contested, &mut out);
    other_findings(context, &mut out);
    corroborated(context, &mut out);
    single_source(context, &mut out);
    sources(context, &mut out);
    dependences(context, &mut out);
    names(context, &mut out);
    inputs(context, &mut out);
    out.push_str("</main>\n");
    let _ = writeln!(
        out,
        "<footer><p>Made by factcheck {}.</p></footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn head(out: &mut String) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n\
         <meta charset=\"utf-8\"/>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"color-scheme\" content=\"light dark\"/>\n\
         <meta name=\"generator\" content=\"factcheck {}\"/>\n\
         <title>factcheck report</title>\n<style>\n{STYLE}</style>\n</head>\n",
        env!("CARGO_PKG_VERSION")
    );
}

/// Stable, unique ids for the contested facts' sections: `fact-` and a slug of the label,
/// numbered from `-2` when two labels give the same slug. A slug never holds `--`, so the ids
/// derived from a section's (`…--heading`, `…--findings`, `tl-…--title`) never meet another's.
#[derive(Debug, Default)]
struct Ids {
    taken: FxHashSet<String>,
    /// The next number to try for each slug, so that many labels with one slug stay linear.
    next: FxHashMap<String, usize>,
}

impl Ids {
    fn claim(&mut self, label: &str) -> String {
        let base = format!("fact-{}", slug(label));
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(1);
        while self.taken.contains(&id) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        self.taken.insert(id.clone());
        id
    }
}

/// Lower-case letters and digits, words joined by single hyphens: "Japan's mission to NATO ·
/// established" is "japans-mission-to-nato-established". Apostrophes join; every other
/// character separates. Letters of any script are kept ("日本", "москва"): an HTML id may hold
/// them, and a dataset in one script would otherwise give every fact the same slug.
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’') {
            gap = true;
        }
    }
    if out.is_empty() {
        out.push_str("untitled");
    }
    out
}

fn contents(contested: &[(&FactAssessment, String)], problems: bool, out: &mut String) {
    out.push_str("<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ol>\n");
    if problems {
        out.push_str("<li><a href=\"#problems\">Problems</a></li>\n");
    }
    out.push_str(
        "<li><a href=\"#summary\">Summary</a></li>\n<li><a href=\"#contested\">Contested facts</a>",
    );
    if !contested.is_empty() {
        out.push_str("\n<ol>\n");
        for (fact, id) in contested {
            let _ = writeln!(
                out,
                "<li><a href=\"#{id}\">{}</a> <span class=\"status {}\">{}</span></li>",
                escape(&fact.label.to_string()),
                fact.status.as_str(),
                fact.status.as_str()
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str(
        "</li>\n<li><a href=\"#other-findings\">Other findings</a></li>\n\
         <li><a href=\"#agreed\">Facts the sources agree on</a></li>\n\
         <li><a href=\"#single-source\">Facts only one source speaks of</a></li>\n\
         <li><a href=\"#sources\">Sources</a></li>\n\
         <li><a href=\"#dependent-sources\">Dependent sources</a></li>\n\
         <li><a href=\"#names\">Names</a></li>\n\
         <li><a href=\"#inputs\">Inputs</a></li>\n</ol>\n</nav>\n",
    );
}

/// Opens a section with its heading (`h2`) and a table's caption and header row.
fn open_section(out: &mut String, id: &str, heading: &str) {
    let _ = writeln!(
        out,
        "<section id=\"{id}\" aria-labelledby=\"{id}-heading\">\n<h2 id=\"{id}-heading\">{heading}</h2>"
    );
}

/// Opens a table: its caption and its column headers (`"num:"` marks a numeric column).
fn open_table(out: &mut String, caption: &str, columns: &[&str]) {
    let _ = write!(
        out,
        "<div class=\"scroll\">\n<table>\n<caption>{caption}</caption>\n<thead><tr>"
    );
    for column in columns {
        match column.strip_prefix("num:") {
            Some(name) => {
                let _ = write!(out, "<th scope=\"col\" class=\"num\">{name}</th>");
            }
            None => {
                let _ = write!(out, "<th scope=\"col\">{column}</th>");
            }
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
}

fn close_table(out: &mut String) {
    out.push_str("</tbody>\n</table>\n</div>\n");
}

/// What could not be read, with where and why: the rest of the page leaves it out.
fn problems_section(context: &Context<'_>, out: &mut String) {
    let problems: Vec<_> = context.problems().collect();
    if problems.is_empty() {
        return;
    }
    open_section(out, "problems", "Problems");
    open_table(out, "What could not be read", &["where", "code", "problem"]);
    for problem in problems {
        let help = problem.help.as_ref().map_or_else(String::new, |h| {
            format!(" <span class=\"note\">help: {}</span>", escape(h))
        });
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td><code>{}</code></td><td>{}{help}</td></tr>",
            escape(&place_text(context.place(problem).as_ref())),
            escape(problem.code.as_str()),
            escape(&problem.message),
        );
    }
    close_table(out);
    out.push_str("</section>\n");
}

/// Findings about no fact's values: quotes, names, copies, order constraints, reviews.
fn other_findings(context: &Context<'_>, out: &mut String) {
    let findings = context.other_findings();
    open_section(out, "other-findings", "Other findings");
    if findings.is_empty() {
        out.push_str("<p>No finding about quotes, names, copies or constraints.</p>\n</section>\n");
        return;
    }
    open_table(
        out,
        "Findings about quotes, names, copies and constraints",
        &["where", "code", "severity", "status", "finding"],
    );
    for finding in findings {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&place_text(context.place(finding).as_ref())),
            escape(finding.code.as_str()),
            escape(finding.severity.as_str()),
            finding_status(context, finding, escape),
            escape(&finding.message),
        );
    }
    close_table(out);
    out.push_str("</section>\n");
}

/// The facts only one source speaks of, collapsed: uncorroborated claims.
fn single_source(context: &Context<'_>, out: &mut String) {
    let facts: Vec<&FactAssessment> = context.single_source().collect();
    open_section(out, "single-source", "Facts only one source speaks of");
    if facts.is_empty() {
        out.push_str("<p>Every fact is spoken of by at least two sources.</p>\n</section>\n");
        return;
    }
    let _ = writeln!(
        out,
        "<details>\n<summary>{} no other source corroborates</summary>",
        crate::render::counted(facts.len(), "fact")
    );
    open_table(
        out,
        "Uncorroborated claims",
        &["fact", "says", "source", "where"],
    );
    for [fact, says, source, place] in context.uncorroborated_rows() {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&fact),
            escape(&says),
            escape(&source),
            escape(&place),
        );
    }
    close_table(out);
    out.push_str("</details>\n</section>\n");
}

fn summary(context: &Context<'_>, out: &mut String) {
    let s = &context.checked.summary;
    let counts = &context.assessment.counts;
    open_section(out, "summary", "Summary");
    open_table(out, "Facts by status", &["status", "num:facts", "meaning"]);
    for status in Status::ALL {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\"><span class=\"status {0}\">{0}</span></th><td class=\"num\">{1}</td><td>{2}</td></tr>",
            status.as_str(),
            counts.of(status),
            meaning(status)
        );
    }
    close_table(out);
    let _ = writeln!(
        out,
        "<p>Open findings: {} errors, {} warnings ({} reviewed); <code>factcheck check</code> lists them all.</p>\n</section>",
        s.errors, s.warnings, s.reviewed
    );
}

fn contested_facts(
    context: &Context<'_>,
    contested: &[(&FactAssessment, String)],
    out: &mut String,
) {
    open_section(out, "contested", "Contested facts");
    if contested.is_empty() {
        out.push_str("<p>No two sources disagree.</p>\n");
    }
    for (fact, id) in contested {
        contested_fact(context, fact, id, out);
    }
    out.push_str("</section>\n");
}

fn contested_fact(context: &Context<'_>, fact: &FactAssessment, id: &str, out: &mut String) {
    let dataset = context.dataset();
    let label = fact.label.to_string();
    let status = fact.status.as_str();
    let _ = writeln!(
        out,
        "<section id=\"{id}\" class=\"fact {status}\" aria-labelledby=\"{id}--heading\">\n\
         <h3 id=\"{id}--heading\">{}</h3>",
        escape(&label)
    );
    let verdict = match (fact.status, fact.verdict) {
        (Status::Reviewed, Some(verdict)) => format!("reviewed {verdict}"),
        (status, _) => status.as_str().to_owned(),
    };
    let _ = write!(
        out,
        "<p class=\"verdict\"><strong>Verdict:</strong> <span class=\"status {status}\">{verdict}</span>"
    );
    if let Some(gap) = &fact.gap {
        let _ = write!(out, ": {}", escape(gap));
    }
    out.push_str(".</p>\n");

    timeline(context, fact, id, &label, out);

    open_table(
        out,
        "What each source says",
        &["source", "says", "normalized", "quote"],
    );
    for &index in &fact.claims {
        let claim = context.claim(index);
        let quote = claim
            .quote
            .as_ref()
            .map_or_else(String::new, |(q, _)| format!("<q>{}</q>", escape(q)));
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td><code>{}</code></td><td>{quote}</td></tr>",
            escape(context.source_id(claim.source)),
            escape(&claim.stated),
            escape(&normal_form(dataset, claim)),
        );
    }
    close_table(out);

    if let Some(answer) = answer(context, fact) {
        let _ = writeln!(
            out,
            "<p class=\"answer\"><strong>Answer:</strong> {}.</p>",
            answer_sentence(context, &answer, escape)
        );
    }
    if let Some(best) = best_sentence(context, fact) {
        let _ = writeln!(
            out,
            "<p><strong>Best supported:</strong> {}.</p>",
            escape(&best)
        );
    }
    if !fact.findings.is_empty() {
        let _ = writeln!(
            out,
            "<h4 id=\"{id}--findings\">Findings</h4>\n<ul class=\"findings\">"
        );
        for &index in &fact.findings {
            let finding = &context.checked.findings[index];
            let status = finding_status(context, finding, escape);
            let _ = writeln!(
                out,
                "<li><code>{}</code> ({}, <code>{}</code>): {status}</li>",
                escape(finding.code.as_str()),
                escape(finding.severity.as_str()),
                escape(&finding.fingerprint()),
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The timeline of a contested fact whose values are all dates, or all date-times.
fn timeline(context: &Context<'_>, fact: &FactAssessment, id: &str, label: &str, out: &mut String) {
    // Claims stating one value share a colour; the best supported comes first.
    let tones: FxHashMap<u32, usize> = fact
        .values
        .iter()
        .enumerate()
        .flat_map(|(tone, value)| value.claims.iter().map(move |&claim| (claim, tone)))
        .collect();
    let mut dates = Vec::with_capacity(fact.claims.len());
    let mut times = Vec::new();
    for &index in &fact.claims {
        let claim = context.claim(index);
        let source = context.source_id(claim.source);
        let tone = tones.get(&index).copied().unwrap_or(0);
        match &claim.value {
            Value::Date(date) => dates.push(Row {
                source,
                stated: &claim.stated,
                date,
                tone,
            }),
            Value::DateTime(time) => times.push(TimeRow {
                source,
                stated: &claim.stated,
                time,
                tone,
            }),
            _ => return,
        }
    }
    let title = format!("Timeline of {label}");
    if !dates.is_empty() && times.is_empty() {
        let _ = writeln!(
            out,
            "<figure>\n{}\n<figcaption>Each bar spans the days a source's date allows; \
             faded ends show how far a vague date may be off, a diamond marks a single day, \
             an arrow an open end.</figcaption>\n</figure>",
            timeline::svg(&format!("tl-{id}"), &title, &dates)
        );
    } else if dates.is_empty()
        && let Some(picture) = timeline::time::svg(&format!("tl-{id}"), &title, &times)
    {
        let _ = writeln!(
            out,
            "<figure>\n{}\n<figcaption>Each bar spans the minutes, hours or days a source's \
             time allows, on an axis of this fact's own scale, in {}; a diamond marks a time to \
             the second, faded ends show how far an approximate time may be off.</figcaption>\n</figure>",
            picture.svg,
            escape(&picture.clock)
        );
    }
}

fn corroborated(context: &Context<'_>, out: &mut String) {
    let facts: Vec<&FactAssessment> = context.corroborated().collect();
    open_section(out, "agreed", "Facts the sources agree on");
    if facts.is_empty() {
        out.push_str("<p>No fact is spoken of by two sources that agree.</p>\n</section>\n");
        return;
    }
    open_table(
        out,
        "Facts several sources speak of without disagreeing",
        &["fact", "status", "best supported", "num:support", "sources"],
    );
    for fact in facts {
        let (value, support) = best_cells(context, fact, escape);
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td><span class=\"status {1}\">{1}</span></td><td>{value}</td><td class=\"num\">{support}</td><td>{2}</td></tr>",
            escape(&fact.label.to_string()),
            fact.status.as_str(),
            escape(&sources_of(context, &fact.claims).join(", "))
        );
    }
    close_table(out);
    out.push_str("</section>\n");
}

fn sources(context: &Context<'_>, out: &mut String) {
    let dataset = context.dataset();
    open_section(out, "sources", "Sources");
    open_table(
        out,
        "How each source's claims fare",
        &[
            "source",
            "title",
            "num:claims",
            "num:corroborated",
            "num:contradicted",
            "num:single-source",
            "num:reliability",
            "declared dependencies",
            "detected dependencies",
        ],
    );
    for ((index, source), counts) in dataset
        .sources
        .iter()
        .enumerate()
        .zip(&context.assessment.sources)
    {
        let ix = SourceIx(u32::try_from(index).unwrap_or(u32::MAX));
        let (declared, detected) = dependency_cells(context, ix, escape);
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td>{}</td><td>{}</td></tr>",
            escape(&source.id),
            escape(&source.title),
            counts.claims,
            counts.corroborated,
            counts.contradicted,
            counts.single_source,
            escape(&reliability_cell(context, index)),
            declared,
            detected,
        );
    }
    close_table(out);
    let _ = writeln!(out, "<p class=\"note\">{SUPPORT_NOTE}</p>\n</section>");
}

/// The pairs of sources that depend on each other, declared or detected, each with the
/// claims they share.
fn dependences(context: &Context<'_>, out: &mut String) {
    open_section(out, "dependent-sources", "Dependent sources");
    let dependences = &context.checked.comparison.dependences;
    if dependences.is_empty() {
        let _ = writeln!(out, "<p>{NO_DEPENDENCES}</p>\n</section>");
        return;
    }
    for dependence in dependences {
        let (a, b) = dependence.sources;
        let (a, b) = (escape(context.source_id(a)), escape(context.source_id(b)));
        let _ = writeln!(
            out,
            "<h3>{a} and {b}</h3>\n<p>{}; they count as one independent source.</p>",
            escape(&dependence_sentence(dependence))
        );
        if dependence.evidence() == 0 {
            continue;
        }
        let _ = write!(
            out,
            "<div class=\"scroll\">\n<table>\n<caption>What {a} and {b} share</caption>\n\
             <thead><tr><th scope=\"col\">{a}</th><th scope=\"col\">{b}</th>\
             <th scope=\"col\">shared</th><th scope=\"col\">in common</th></tr></thead>\n<tbody>\n"
        );
        let (listed, more) = Evidence::listed(dependence);
        for evidence in listed {
            let (x, y) = evidence.claims();
            let shared = escape(&evidence.shared(context));
            let shared = match evidence {
                Evidence::Quote(..) => format!("<q>{shared}</q>"),
                Evidence::Value(..) => shared,
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{shared}</td></tr>",
                escape(&context.claim(x).handle()),
                escape(&context.claim(y).handle()),
                evidence.kind()
            );
        }
        if more > 0 {
            let _ = writeln!(
                out,
                "<tr><td colspan=\"4\">…and {more} more pairs of claims</td></tr>"
            );
        }
        close_table(out);
    }
    out.push_str("</section>\n");
}

fn names(context: &Context<'_>, out: &mut String) {
    open_section(out, "names", "Names");
    let groups = &context.assessment.names;
    if groups.is_empty() {
        out.push_str("<p>Every name is written one way.</p>\n</section>\n");
        return;
    }
    let _ = write!(
        out,
        "<div class=\"scroll\">\n<table>\n<caption>Names written more than one way</caption>\n\
         <thead><tr><th scope=\"col\">canonical</th><th scope=\"col\">spelling</th>\
         <th scope=\"col\">how</th><th scope=\"col\" class=\"num\">uses</th>\
         <th scope=\"col\">sources</th></tr></thead>\n"
    );
    for group in groups {
        let canonical = if group.declared {
            format!("{} (declared)", escape(&group.canonical))
        } else {
            escape(&group.canonical)
        };
        out.push_str("<tbody>\n");
        for (n, spelling) in group.spellings.iter().enumerate() {
            let sources: Vec<&str> = spelling
                .sources
                .iter()
                .map(|&s| context.source_id(s))
                .collect();
            out.push_str("<tr>");
            if n == 0 {
                let _ = write!(
                    out,
                    "<th scope=\"rowgroup\" rowspan=\"{}\">{canonical}</th>",
                    group.spellings.len()
                );
            }
            let _ = writeln!(
                out,
                "<td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&spelling.text),
                spelling.link.as_str(),
                spelling.uses,
                escape(&sources.join(", "))
            );
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n</div>\n</section>\n");
}

fn inputs(context: &Context<'_>, out: &mut String) {
    open_section(out, "inputs", "Inputs");
    open_table(
        out,
        "The files this report was made from",
        &["file", "num:bytes", "SHA-256"],
    );
    for input in context.inputs {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td><code>{}</code></td></tr>",
            escape(&input.path),
            input.bytes,
            escape(&input.sha256)
        );
    }
    close_table(out);
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        assert_eq!(
            escape("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            escape("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            escape("\" onmouseover='x' a=b & c"),
            "&quot; onmouseover=&#39;x&#39; a=b &amp; c"
        );
        assert_eq!(escape("&amp;"), "&amp;amp;", "an entity stays text");
        assert_eq!(escape("Japan–NATO “talks”"), "Japan–NATO “talks”");
    }

    #[test]
    fn control_and_bidi_characters_are_shown_not_obeyed() {
        assert_eq!(escape("a\nb\u{1b}[31m"), "a\\nb\\u{1b}[31m");
        assert_eq!(escape("x\u{202E}<y"), "x\\u{202e}&lt;y");
    }

    #[test]
    fn slugs_are_plain_and_unique() {
        assert_eq!(
            slug("Japan's representation at NATO · established"),
            "japans-representation-at-nato-established"
        );
        assert_eq!(
            slug("Japan–NATO relations · first contact (nature=informal)"),
            "japan-nato-relations-first-contact-nature-informal"
        );
        assert_eq!(slug("<script>"), "script");
        assert_eq!(slug("日本"), "日本");
        assert_eq!(slug("Москва · основана"), "москва-основана");
        assert_eq!(slug("· !"), "untitled");
        let mut ids = Ids::default();
        assert_eq!(ids.claim("A b"), "fact-a-b");
        assert_eq!(ids.claim("a-b"), "fact-a-b-2");
        assert_eq!(ids.claim("a b 2"), "fact-a-b-2-2");
        assert_eq!(ids.claim("A  B"), "fact-a-b-3");
    }

    #[test]
    fn the_style_sheet_is_plain_text_in_xml() {
        assert!(!STYLE.contains(['<', '&']));
    }
}
