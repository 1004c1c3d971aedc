//! The `JUnit` format, parsed back with roxmltree: one test case per compared fact and one per
//! finding not about a fact, failing exactly when an open finding is about it; accepted
//! findings skipped; load problems as errors; counts that add up.
//!
//! The datasets are loaded by absolute path, so the tests do not depend on the working
//! directory (paths in the output are then absolute).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)] // a failed expectation is a failed test

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use factcheck::Checked;
use factcheck::findings::{FactLabel, Status};
use factcheck::load::{Access, Request, RulesPath};
use factcheck::render::{Report, junit};
use roxmltree::{Document, Node};

fn root(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn checked(dataset: &str, reviews: Option<&str>) -> Checked {
    let dir = root(dataset);
    factcheck::check(&Request {
        access: Access::default(),
        claims_dir: dir.join("claims"),
        rules: RulesPath::Default(dir.join("rules.toml")),
        reviews: reviews.map_or_else(
            || RulesPath::Default(dir.join("reviews.toml")),
            |path| RulesPath::Given(root(path)),
        ),
    })
}

fn render(checked: &Checked) -> String {
    junit::render(&Report::of(checked, ""))
}

fn count_attr(node: Node<'_, '_>, name: &str) -> usize {
    node.attribute(name)
        .unwrap_or_else(|| panic!("`{name}` on <{}>", node.tag_name().name()))
        .parse()
        .expect("a count")
}

fn elements<'a, 'i>(doc: &'a Document<'i>, tag: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|n| n.has_tag_name(tag)).collect()
}

fn case<'a, 'i>(doc: &'a Document<'i>, name: &str) -> Node<'a, 'i> {
    elements(doc, "testcase")
        .into_iter()
        .find(|n| n.attribute("name") == Some(name))
        .unwrap_or_else(|| panic!("a test case named {name:?}"))
}

fn outcome<'a, 'i>(case: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    case.children()
        .find(|n| ["failure", "error", "skipped"].contains(&n.tag_name().name()))
}

/// Checks the structure against the findings, and returns the number of failing test cases.
fn assert_consistent(checked: &Checked, xml: &str) -> usize {
    let doc = Document::parse(xml).expect("well-formed XML");
    let suites = elements(&doc, "testsuite");
    assert_eq!(suites.len(), 1, "one suite");
    assert_eq!(suites[0].attribute("name"), Some("factcheck"));
    let cases = elements(&doc, "testcase");

    let facts: HashSet<&FactLabel> = checked.compared.iter().collect();
    let not_about_a_fact = checked
        .findings
        .iter()
        .filter(|f| f.fact.as_ref().is_none_or(|l| !facts.contains(l)))
        .count();
    assert_eq!(
        cases.len(),
        facts.len() + not_about_a_fact,
        "compared facts + other findings"
    );
    for label in &facts {
        let case = case(&doc, &label.to_string());
        assert_eq!(case.attribute("classname"), Some("factcheck.facts"));
    }

    // The counts add up, in the suite and in the report.
    let tally = |tag: &str| {
        cases
            .iter()
            .filter(|c| outcome(**c).is_some_and(|o| o.has_tag_name(tag)))
            .count()
    };
    for node in [doc.root_element(), suites[0]] {
        assert_eq!(count_attr(node, "tests"), cases.len());
        assert_eq!(count_attr(node, "failures"), tally("failure"));
        assert_eq!(count_attr(node, "errors"), tally("error"));
        assert_eq!(count_attr(node, "skipped"), tally("skipped"));
    }

    // A test case fails when an open finding is about it.
    let open: Vec<_> = checked
        .findings
        .iter()
        .filter(|f| f.status == Status::Open)
        .collect();
    let failing_facts: HashSet<&FactLabel> = open
        .iter()
        .filter_map(|f| f.fact.as_ref())
        .filter(|l| facts.contains(l))
        .collect();
    let failing_others = open
        .iter()
        .filter(|f| f.fact.as_ref().is_none_or(|l| !facts.contains(l)))
        .count();
    let failing = tally("failure") + tally("error");
    assert_eq!(failing, failing_facts.len() + failing_others);
    for finding in &open {
        let name = finding
            .fact
            .as_ref()
            .filter(|l| facts.contains(l))
            .map_or_else(|| finding.message.clone(), ToString::to_string);
        let failure = outcome(case(&doc, &name)).expect("a failing test case");
        assert!(failure.has_tag_name("failure") || failure.has_tag_name("error"));
    }
    failing
}

#[test]
fn the_demo_fails_on_its_first_contacts() {
    let checked = checked(".", None);
    let xml = render(&checked);
    let failing = assert_consistent(&checked, &xml);
    // No fact of the demo has two findings: one failing test case per open finding.
    assert_eq!(failing, checked.summary.errors + checked.summary.warnings);
    assert_eq!(failing, 5);

    let doc = Document::parse(&xml).unwrap();
    let first_contact = case(&doc, "Japan–NATO relations · first contact");
    assert_eq!(
        first_contact.attribute("classname"),
        Some("factcheck.facts")
    );
    let failure = outcome(first_contact).expect("it fails");
    assert!(failure.has_tag_name("failure"));
    assert_eq!(failure.attribute("type"), Some("factcheck::conflict::date"));
    assert!(failure.attribute("message").unwrap().starts_with(
        "conflict on \"Japan–NATO relations · first contact\": late 1970s (1977–1979) vs early 1990s"
    ));
    let text = failure.text().expect("a description");
    assert!(
        text.contains("claims/ipdf.toml:73:9 states \"late 1970s\" (1977–1979)"),
        "{text}"
    );
    assert!(text.contains("states \"early 1990s\""), "{text}");

    // The agreements pass.
    let passing = elements(&doc, "testcase")
        .into_iter()
        .filter(|c| outcome(*c).is_none())
        .count();
    assert_eq!(passing, checked.compared.len() - 2);
}

#[test]
fn the_fixture_has_one_failing_test_case_per_finding() {
    let checked = checked("tests/cmd/findings.in", None);
    let xml = render(&checked);
    let failing = assert_consistent(&checked, &xml);
    assert_eq!(failing, 9);
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(
        elements(&doc, "testcase").len(),
        6 + 4,
        "6 facts, order, acronym, variant, unsupported quote"
    );
    let variant = case(
        &doc,
        "`Regional Cooperaton Programme` looks like a misspelling of `Regional Cooperation Programme`",
    );
    assert_eq!(
        variant.attribute("classname"),
        Some("factcheck.name.variant")
    );
    let order = elements(&doc, "testcase")
        .into_iter()
        .find(|c| c.attribute("classname") == Some("factcheck.order"))
        .expect("the order violation");
    let text = outcome(order).unwrap().text().unwrap();
    assert!(text.contains("rules.toml:9:1: the constraint"), "{text}");
    assert!(
        case(&doc, "Regional Cooperation Programme · member")
            .children()
            .all(|n| !n.is_element())
    );
}

#[test]
fn accepted_findings_are_skipped_with_their_reason() {
    let mut checked = checked(
        "tests/cmd/findings.in",
        Some("tests/fixtures/findings-reviews.toml"),
    );
    // And one more accepted by the baseline: a finding not about a fact.
    let variant = checked
        .findings
        .iter_mut()
        .find(|f| f.code.as_str() == "factcheck::name::variant")
        .unwrap();
    variant.status = Status::Baselined;
    let findings = checked.findings.clone();
    checked.summary.count(&findings);
    assert_eq!(
        (checked.summary.reviewed, checked.summary.baselined),
        (1, 1)
    );

    let xml = render(&checked);
    let failing = assert_consistent(&checked, &xml);
    assert_eq!(failing, 7);
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(count_attr(doc.root_element(), "skipped"), 2);

    let founded = outcome(case(&doc, "Example Institute · founded")).unwrap();
    assert!(founded.has_tag_name("skipped"));
    assert_eq!(founded.attribute("type"), Some("factcheck::conflict::date"));
    assert_eq!(
        founded.attribute("message"),
        Some(
            "reviewed (second-source-wrong by A. Researcher, 2026-01-15): beta | <b>misdates</b> the founding: see the $5 charter"
        )
    );
    let variant = outcome(case(
        &doc,
        "`Regional Cooperaton Programme` looks like a misspelling of `Regional Cooperation Programme`",
    ))
    .unwrap();
    assert!(variant.has_tag_name("skipped"));
    assert_eq!(
        variant.attribute("message"),
        Some("accepted by the baseline")
    );
}

#[test]
fn load_problems_are_errors() {
    let checked = checked("tests/cmd/malformed-toml.in", None);
    let load = checked.findings.iter().filter(|f| f.code.is_load()).count();
    assert!(load > 0);
    let xml = render(&checked);
    assert_consistent(&checked, &xml);
    let doc = Document::parse(&xml).unwrap();
    assert_eq!(count_attr(doc.root_element(), "errors"), load);
    for error in elements(&doc, "error") {
        assert!(
            error
                .attribute("type")
                .unwrap()
                .starts_with("factcheck::load::")
        );
        let case = error.parent().unwrap();
        assert!(
            case.attribute("classname")
                .unwrap()
                .starts_with("factcheck.load.")
        );
    }
}
