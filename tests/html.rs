//! The HTML report end to end (DESIGN 4.3): dataset text full of markup renders as text, the
//! page loads nothing and runs nothing, has one timeline per contested date fact, and is
//! well-formed with semantic tables and working links.
//!
//! The page is polyglot markup: well-formed XML that HTML parsers read the same way. So it is
//! checked with `roxmltree`, which is stricter than an HTML parser: an unescaped `<`, `&` or
//! quote in dataset text, which a browser would silently repair into some other tree, is a
//! parse error here. (`tests/browser.rs` checks the page in a real browser.)

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

mod payload;

use std::collections::HashSet;
use std::path::Path;

use roxmltree::{Document, Node, ParsingOptions};
use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};

/// `factcheck report --format FORMAT` run in `dir`: its standard output.
fn report(dir: &Path, format: &str) -> String {
    let output = Command::new(cargo_bin!("factcheck"))
        .current_dir(dir)
        .args(["report", "--format", format, "--today", "2026-01-01"])
        .output()
        .expect("factcheck runs");
    assert!(
        output.status.success(),
        "report --format {format} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The contested facts whose values are dates, by the JSON report.
fn contested_dates(dir: &Path) -> usize {
    let json: Value = serde_json::from_str(&report(dir, "json")).expect("JSON");
    json["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .filter(|f| {
            f["kind"] == "date"
                && ["conflict", "tension", "reviewed", "incomparable"]
                    .contains(&f["status"].as_str().expect("status"))
        })
        .count()
}

fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the page is not well-formed: {e}"))
}

fn elements<'a, 'i>(document: &'a Document<'i>, name: &'a str) -> Vec<Node<'a, 'i>> {
    document
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

fn text_of(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// Everything the page must be, whatever the dataset; returns the number of timelines.
fn assert_sound_page(html: &str) -> usize {
    assert!(html.starts_with("<!DOCTYPE html>\n<html "));
    let lower = html.to_lowercase();
    for tag in [
        "<script", "<img", "<iframe", "<object", "<embed", "<link", "<base",
    ] {
        assert!(!lower.contains(tag), "a raw `{tag}` tag in the page");
    }
    let document = parse(html);
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "html");
    assert_eq!(root.attribute("lang"), Some("en"));
    assert_eq!(
        elements(&document, "title")
            .first()
            .map(|t| text_of(*t))
            .as_deref(),
        Some("factcheck report")
    );
    let ids = assert_loads_and_runs_nothing(&document);
    assert_links_resolve(&document, &ids);
    assert_semantic_tables(&document);
    assert_contents_list_the_facts(&document);
    let timelines = assert_timelines_are_labelled(&document);
    assert_eq!(lower.matches("<svg").count(), timelines);
    timelines
}

/// One Content Security Policy that forbids every load; no element or attribute that loads
/// or runs anything. Returns the page's ids, checked unique.
fn assert_loads_and_runs_nothing(document: &Document<'_>) -> HashSet<String> {
    let csp: Vec<_> = elements(document, "meta")
        .into_iter()
        .filter(|m| m.attribute("http-equiv").is_some())
        .collect();
    assert_eq!(csp.len(), 1);
    assert_eq!(
        csp[0].attribute("http-equiv"),
        Some("Content-Security-Policy")
    );
    assert_eq!(
        csp[0].attribute("content"),
        Some("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    );
    assert!(
        elements(document, "meta")
            .iter()
            .any(|m| m.attribute("charset") == Some("utf-8"))
    );
    let mut ids = HashSet::new();
    for node in document.descendants().filter(Node::is_element) {
        for attribute in node.attributes() {
            let (name, value) = (attribute.name(), attribute.value());
            assert!(
                !name.to_lowercase().starts_with("on"),
                "an event handler attribute `{name}` on <{}>",
                node.tag_name().name()
            );
            assert!(
                !matches!(name, "src" | "srcdoc" | "action" | "formaction" | "style"),
                "a `{name}` attribute"
            );
            let compact: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_lowercase();
            assert!(
                !compact.contains("javascript:"),
                "`javascript:` in an attribute: {name}={value:?}"
            );
            if name == "id" {
                assert!(ids.insert(value.to_owned()), "duplicate id `{value}`");
            }
        }
    }
    ids
}

/// Links stay in the page and land on an id; gradients exist where bars use them.
fn assert_links_resolve(document: &Document<'_>, ids: &HashSet<String>) {
    for link in elements(document, "a") {
        let href = link.attribute("href").expect("a link has an href");
        let target = href.strip_prefix('#').unwrap_or_else(|| {
            panic!("a link out of the page: {href}");
        });
        assert!(ids.contains(target), "a link to a missing id: {href}");
    }
    for fill in document
        .descendants()
        .filter_map(|n| n.attribute("fill"))
        .filter_map(|f| f.strip_prefix("url(#"))
    {
        let id = fill.trim_end_matches(')');
        assert!(ids.contains(id), "a fill from a missing gradient: {id}");
    }
}

/// One h1; every table has a caption, column headers and row headers with a scope.
fn assert_semantic_tables(document: &Document<'_>) {
    assert_eq!(elements(document, "h1").len(), 1);
    for table in elements(document, "table") {
        let children: Vec<&str> = table
            .children()
            .filter(Node::is_element)
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(children.first(), Some(&"caption"), "{children:?}");
        assert_eq!(children.get(1), Some(&"thead"), "{children:?}");
        for th in table.descendants().filter(|n| n.tag_name().name() == "th") {
            let in_head = th.ancestors().any(|a| a.tag_name().name() == "thead");
            let scope = th.attribute("scope");
            if in_head {
                assert_eq!(scope, Some("col"));
            } else {
                assert!(matches!(scope, Some("row" | "rowgroup")), "{scope:?}");
            }
        }
    }
}

fn is_fact_section(node: Node<'_, '_>) -> bool {
    node.tag_name().name() == "section"
        && node
            .attribute("class")
            .is_some_and(|c| c.starts_with("fact "))
}

/// Each contested fact is a section with an id and an h3, listed in the table of contents.
fn assert_contents_list_the_facts(document: &Document<'_>) {
    let contents: HashSet<&str> = elements(document, "nav")
        .iter()
        .flat_map(Node::descendants)
        .filter_map(|n| n.attribute("href"))
        .collect();
    for fact in document.descendants().filter(|n| is_fact_section(*n)) {
        let id = fact.attribute("id").expect("a fact section has an id");
        assert!(id.starts_with("fact-"));
        assert!(
            contents.contains(format!("#{id}").as_str()),
            "{id} not in the contents"
        );
        let heading = fact.first_element_child().expect("a heading");
        assert_eq!(heading.tag_name().name(), "h3");
    }
}

/// Every timeline is in a contested fact's section, labelled, described and sized; returns
/// how many there are.
fn assert_timelines_are_labelled(document: &Document<'_>) -> usize {
    let svgs = elements(document, "svg");
    for svg in &svgs {
        assert_eq!(svg.attribute("role"), Some("img"));
        let title = svg.attribute("aria-labelledby").expect("labelled");
        let desc = svg.attribute("aria-describedby").expect("described");
        let child = |name: &str, id: &str| {
            svg.children()
                .any(|c| c.tag_name().name() == name && c.attribute("id") == Some(id))
        };
        assert!(child("title", title) && child("desc", desc));
        assert!(svg.attribute("viewBox").is_some());
        for size in ["width", "height"] {
            let value: f64 = svg.attribute(size).expect(size).parse().expect("a number");
            assert!(value > 0.0);
        }
        assert!(
            svg.ancestors().any(is_fact_section),
            "a timeline outside a contested fact"
        );
    }
    svgs.len()
}

#[test]
fn dataset_markup_renders_as_text() {
    let dir = tempfile::tempdir().expect("temporary directory");
    payload::write(dir.path());
    let html = report(dir.path(), "html");
    let timelines = assert_sound_page(&html);
    assert_eq!(timelines, 1, "one contested date fact, one timeline");
    assert_eq!(timelines, contested_dates(dir.path()));

    let document = parse(&html);
    let text = text_of(document.root_element());
    for shown in payload::SHOWN {
        assert!(text.contains(shown), "`{shown}` is not shown as text");
    }
    if cfg!(unix) {
        assert!(text.contains("claims/<b onclick=alert('file')>.toml"));
        assert!(
            text.contains("<b onclick=alert('file')>: 2018"),
            "the tooltip"
        );
    }
    let svg = elements(&document, "svg")[0];
    let tooltip = svg
        .descendants()
        .filter(|n| n.tag_name().name() == "title")
        .map(text_of)
        .find(|t| t.contains("late 1970s"))
        .expect("a tooltip for the 1970s");
    assert_eq!(
        tooltip,
        "<script>alert('id')</script>: late 1970s (1977–1979)"
    );
}

#[test]
fn the_demo_report_has_a_timeline_per_contested_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let html = report(root, "html");
    let timelines = assert_sound_page(&html);
    assert_eq!(timelines, contested_dates(root));
    assert_eq!(timelines, 2, "the 2014/2018 mission and the first contacts");
    let document = parse(&html);
    let first_contact = document
        .descendants()
        .find(|n| n.attribute("id") == Some("fact-japan-nato-relations-first-contact"))
        .expect("the first-contact section");
    let svg = first_contact
        .descendants()
        .find(|n| n.tag_name().name() == "svg")
        .expect("its timeline");
    let gradients = svg
        .descendants()
        .filter(|n| n.tag_name().name() == "linearGradient")
        .count();
    assert_eq!(
        gradients, 2,
        "late 1970s and early 1990s both have soft edges"
    );
}
